"""Strict base64url (RFC 4648 section 5, no padding) and key-id helpers.

Decoding accepts exactly one spelling per byte string (no padding, no stray
bits, no whitespace), so re-encoding a parsed value reproduces the signed text.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re

_B64URL = re.compile(r"[A-Za-z0-9_-]*")


def b64url_encode(data: bytes) -> str:
    """Unpadded base64url text of ``data``."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode canonical unpadded base64url; ValueError for any other spelling."""
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise ValueError("not unpadded base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error:
        raise ValueError("not unpadded base64url") from None
    if b64url_encode(data) != text:
        raise ValueError("non-canonical base64url (stray bits in the last character)")
    return data


def kid(prefix: str, number: int) -> str:
    """Versioned key id, e.g. ``sig-2``; versions start at 1."""
    return f"{prefix}-{number}"


@functools.cache
def _kid_pattern(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(prefix)}-([1-9][0-9]{{0,8}})")


def kid_number(value: str, prefix: str) -> int:
    """Version number of a key id like ``sig-2``; ValueError if malformed."""
    match = _kid_pattern(prefix).fullmatch(value)
    if not match:
        raise ValueError(f"key id must look like {prefix}-1, got {value!r}")
    return int(match.group(1))
