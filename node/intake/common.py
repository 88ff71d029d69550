"""Shared pieces of the intake readers: limits, decoding, error wrapping.

Every reader gets untrusted bytes. The rule is the same everywhere: a file we
cannot read becomes one ``IntakeError`` that says what is wrong and how to
fix it, and never echoes file content (it is personal data).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from talentverbund.node.intake.model import IntakeError

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest single-document file we read; a CV is far smaller."""

MAX_TEXT_CHARS = 1_000_000
"""Longest cv_text we keep; more is not a CV and only slows extraction."""

MAX_ARCHIVE_UNCOMPRESSED = 100 * 1024 * 1024
"""Cap on the declared uncompressed size of a ZIP container (DOCX, LinkedIn)."""

MAX_ARCHIVE_MEMBERS = 10_000

_BOMS = (b"\xef\xbb\xbf",)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def size_hint(limit: int = MAX_FILE_BYTES) -> str:
    return f"files up to {limit // (1024 * 1024)} MB are accepted; a CV is usually well below 1 MB"


def require_content(data: bytes, where: str) -> None:
    """Reject empty and whitespace-only files before any parser sees them."""
    if not data.strip():
        raise IntakeError(
            where, "file is empty", "check that the upload finished and choose the right file"
        )


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252, else Latin-1.

    Latin-1 maps every byte, so decoding never fails; old German CVs written on
    Windows are cp1252 and would otherwise lose their umlauts.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if data.startswith(_BOMS):
        data = data[len(_BOMS[0]) :]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


@contextmanager
def converting(where: str, message: str, hint: str) -> Iterator[None]:
    """Turn any failure of a third-party parser into one IntakeError.

    pypdf, python-docx and zipfile raise a wide and version-dependent set of
    exceptions on hostile input (even RecursionError); the candidate only needs
    to know the file is damaged. The original exception is kept as the cause
    for debugging, but its text is not shown because it may quote content.
    """
    try:
        yield
    except IntakeError:
        raise
    except Exception as exc:
        raise IntakeError(where, message, hint) from exc


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_RUN = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Normalise line ends, drop control characters, trim blank runs and edges."""
    # Lone surrogates (from broken PDF font maps) cannot be stored as UTF-8.
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def truncate(text: str, flags: list[str]) -> str:
    """Keep cv_text within MAX_TEXT_CHARS and flag the record if it was cut."""
    if len(text) <= MAX_TEXT_CHARS:
        return text
    flags.append("truncated")
    return text[:MAX_TEXT_CHARS]


_BREAK_TAGS = re.compile(r"<\s*(br|/p|/li|/div|/h\d|/tr)\s*/?\s*>", re.IGNORECASE)
_ITEM_TAG = re.compile(r"<\s*li[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]{0,2000}>")


def strip_html(text: str) -> str:
    """Europass stores descriptions as escaped HTML; keep the words and the line breaks."""
    text = _BREAK_TAGS.sub("\n", text)
    text = _ITEM_TAG.sub("\n- ", text)
    text = _ANY_TAG.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def join_nonempty(parts: Iterable[str | None], sep: str = ", ") -> str:
    return sep.join(p.strip() for p in parts if p and p.strip())


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Order-preserving de-duplication."""
    return tuple(dict.fromkeys(items))


def indent(text: str, prefix: str = "  ") -> list[str]:
    return [prefix + line for line in text.split("\n") if line.strip()]
