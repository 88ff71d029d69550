"""Word (DOCX) CVs: paragraphs, tables and text boxes via python-docx.

Designed CV templates put whole sections into tables and text boxes, which
``Document.paragraphs`` alone would miss. The container is checked first
(declared sizes, member count) so a ZIP bomb is refused before anything is
inflated.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from talentverbund.node.intake.common import (
    MAX_ARCHIVE_MEMBERS,
    MAX_ARCHIVE_UNCOMPRESSED,
    clean_text,
    converting,
    require_content,
    truncate,
)
from talentverbund.node.intake.model import CandidateDraft, IntakeError, OriginalFile

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_DOCX_HINT = "save the CV in Word as .docx (Word 2007 or later) or as PDF and upload that"


def read_docx(data: bytes, where: str) -> CandidateDraft:
    require_content(data, where)
    _check_container(data, where)
    with converting(where, "file is not a valid Word document (DOCX)", _NOT_DOCX_HINT):
        document: Any = docx.Document(io.BytesIO(data))
        lines = [*_body_lines(document), *_text_box_lines(document)]
    flags: list[str] = []
    cv_text = truncate(clean_text("\n".join(lines)), flags)
    if not cv_text:
        flags.insert(0, "no_text")
    return CandidateDraft(
        source="docx",
        where=where,
        cv_text=cv_text,
        original=OriginalFile(where, MEDIA_TYPE, data),
        flags=tuple(flags),
    )


def _check_container(data: bytes, where: str) -> None:
    """A DOCX is a ZIP; refuse non-ZIPs and inflated sizes before python-docx reads it."""
    with (
        converting(where, "file is not a valid Word document (DOCX)", _NOT_DOCX_HINT),
        zipfile.ZipFile(io.BytesIO(data)) as archive,
    ):
        infos = archive.infolist()
    if (
        len(infos) > MAX_ARCHIVE_MEMBERS
        or sum(i.file_size for i in infos) > MAX_ARCHIVE_UNCOMPRESSED
    ):
        raise IntakeError(
            where,
            "DOCX unpacks to more data than any CV needs (possible ZIP bomb)",
            "save the CV again from Word, or export it as PDF",
        )
    # The main part's name comes from the package relationships (Word Online writes
    # word/document2.xml), so only the package marker is checked here.
    if "[Content_Types].xml" not in {i.filename for i in infos}:
        raise IntakeError(
            where, "ZIP file is not a Word document (no [Content_Types].xml)", _NOT_DOCX_HINT
        )


def _body_lines(document: Any) -> Iterator[str]:
    for block in document.iter_inner_content():
        yield from _block_lines(block)


def _block_lines(block: Paragraph | Table) -> Iterator[str]:
    if isinstance(block, Paragraph):
        yield block.text
        return
    for row in block.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat; read them once
                continue
            seen.add(id(cell._tc))
            inner = [line for b in cell.iter_inner_content() for line in _block_lines(b)]
            cells.append(" ".join(line.strip() for line in inner if line.strip()))
        yield " | ".join(c for c in cells if c)


def _text_box_lines(document: Any) -> Iterator[str]:
    """Paragraphs inside text boxes (w:txbxContent), skipping VML fallback copies."""
    body = document.element.body
    for box in body.iter(f"{_W}txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        for p in box.iter(f"{_W}p"):
            yield "".join(t.text or "" for t in p.iter(f"{_W}t"))
