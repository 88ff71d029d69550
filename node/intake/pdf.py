"""PDF CVs: text of every page via pypdf.

Encrypted PDFs are refused rather than decrypted: the candidate set the
password, and a node that silently opens protected files would surprise them.
A PDF without extractable text (a scan) is kept with the flag ``no_text`` so a
person can look at it instead of the candidate being rejected.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader

from talentverbund.node.intake.common import clean_text, converting, require_content, truncate
from talentverbund.node.intake.model import CandidateDraft, IntakeError, OriginalFile

MEDIA_TYPE = "application/pdf"
MAX_PAGES = 50
"""Pages read; a longer document is not a CV and is flagged ``truncated``."""

_DAMAGED_HINT = "open the file in a PDF viewer; if it opens, print or export it to a new PDF"

# pypdf logs what it recovered from (at WARNING and ERROR, quoting names from the
# file) for every sloppy PDF; real failures become an IntakeError here instead.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


def read_pdf(data: bytes, where: str) -> CandidateDraft:
    require_content(data, where)
    if b"%PDF-" not in data[:1024]:
        raise IntakeError(where, "file is not a PDF (no PDF header)", _not_pdf_hint(data))
    with converting(where, "PDF is damaged and cannot be read", _DAMAGED_HINT):
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    if encrypted:
        raise IntakeError(
            where,
            "PDF is password-protected",
            "remove the password (e.g. print to a new PDF without protection) and upload again",
        )
    flags: list[str] = []
    with converting(where, "PDF is damaged and its text cannot be read", _DAMAGED_HINT):
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            flags.append("truncated")
        texts = [pages[i].extract_text() or "" for i in range(min(len(pages), MAX_PAGES))]
    cv_text = truncate(clean_text("\n\n".join(t.strip() for t in texts)), flags)
    if not cv_text:
        flags.insert(0, "no_text")
    return CandidateDraft(
        source="pdf",
        where=where,
        cv_text=cv_text,
        original=OriginalFile(where, MEDIA_TYPE, data),
        flags=tuple(dict.fromkeys(flags)),
    )


def _not_pdf_hint(data: bytes) -> str:
    if data.startswith(b"PK"):
        return "the file is a ZIP container (perhaps DOCX); rename it to its real extension"
    return "export the CV as PDF again, or upload it as .txt or .docx"
