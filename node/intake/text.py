"""Plain text and Markdown CVs: the content is the CV text, nothing structured."""

from __future__ import annotations

from talentverbund.node.intake.common import clean_text, decode_text, require_content, truncate
from talentverbund.node.intake.model import CandidateDraft, IntakeError, OriginalFile

MEDIA_TYPES = {".md": "text/markdown", ".txt": "text/plain"}


def read_text(data: bytes, where: str, media_type: str = "text/plain") -> CandidateDraft:
    """Decode (UTF-8, else cp1252/Latin-1) and keep the text as it is."""
    require_content(data, where)
    text = decode_text(data)
    if "\x00" in text:
        raise IntakeError(
            where,
            "file is not plain text (it contains binary data)",
            "upload PDF or DOCX files with their own extension, or save the CV as .txt",
        )
    flags: list[str] = []
    cv_text = truncate(clean_text(text), flags)
    if not cv_text:
        raise IntakeError(where, "file is empty", "the file holds no readable text")
    return CandidateDraft(
        source="text",
        where=where,
        cv_text=cv_text,
        original=OriginalFile(where, media_type, data),
        flags=tuple(flags),
    )
