"""One entry point for every CV source: ``read_candidates(path)``.

The file extension picks the reader (content sniffing would let a renamed
file take a parser path nobody tested). Single-document formats are read
eagerly, so their ``IntakeError`` comes from the call itself; JSON Lines is
streamed, and its bad lines arrive as ``RecordError`` items while iterating.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from talentverbund.node.intake.common import MAX_FILE_BYTES, size_hint
from talentverbund.node.intake.docx import read_docx
from talentverbund.node.intake.europass import read_europass
from talentverbund.node.intake.export import MAX_EXPORT_BYTES, read_export
from talentverbund.node.intake.jsonl import read_jsonl
from talentverbund.node.intake.linkedin import read_linkedin
from talentverbund.node.intake.model import CandidateDraft, IntakeError, ParsedRecord
from talentverbund.node.intake.pdf import read_pdf
from talentverbund.node.intake.text import read_text

Reader = Callable[[bytes, str], CandidateDraft]


def _markdown(data: bytes, where: str) -> CandidateDraft:
    return read_text(data, where, "text/markdown")


READERS: dict[str, tuple[Reader, int]] = {
    ".txt": (read_text, MAX_FILE_BYTES),
    ".md": (_markdown, MAX_FILE_BYTES),
    ".pdf": (read_pdf, MAX_FILE_BYTES),
    ".docx": (read_docx, MAX_FILE_BYTES),
    ".xml": (read_europass, MAX_FILE_BYTES),
    ".zip": (read_linkedin, MAX_FILE_BYTES),
    ".json": (read_export, MAX_EXPORT_BYTES),
}
STREAMED = (".jsonl", ".ndjson")
SUPPORTED = (
    ".txt/.md (text), .pdf, .docx, .xml (Europass CV), .zip (LinkedIn data export), "
    ".jsonl/.ndjson (JSON Lines profiles), .json (Talentverbund candidate export)"
)


def read_candidates(path: Path) -> Iterator[ParsedRecord]:
    """Drafts (and, for JSON Lines, per-line errors) from one file.

    Raises IntakeError (where = file name) for a file that cannot be read at
    all: unknown extension, missing, empty, too large, damaged, wrong schema.
    """
    where = path.name
    suffix = path.suffix.lower()
    if suffix not in READERS and suffix not in STREAMED:
        raise IntakeError(
            where,
            f"unsupported file type '{suffix or '(none)'}'",
            f"supported: {SUPPORTED}; save .doc, .odt or .rtf files as PDF or DOCX first",
        )
    if not path.is_file():
        raise IntakeError(where, "file not found (or not a regular file)", "check the path")
    if suffix in STREAMED:
        return read_jsonl(path)
    reader, limit = READERS[suffix]
    return iter((reader(_read_bytes(path, limit), where),))


def _read_bytes(path: Path, limit: int) -> bytes:
    """Read at most limit + 1 bytes, so a huge file is never loaded to find out it is huge."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise IntakeError(
            path.name, f"cannot read file ({exc.strerror})", "check permissions"
        ) from None
    if len(data) > limit:
        raise IntakeError(path.name, "file is too large", size_hint(limit))
    return data
