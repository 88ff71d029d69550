"""RFC 3339 timestamps in the one form we sign: ``YYYY-MM-DDTHH:MM:SSZ``.

A single accepted spelling keeps parse-then-format lossless, so a signature
computed over the text still verifies after a peer parsed and re-encoded it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

_RFC3339_Z = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


def utc_now() -> datetime:
    """The current time, whole seconds, UTC (the precision we sign)."""
    return datetime.now(UTC).replace(microsecond=0)


def require_utc(moment: datetime) -> datetime:
    """Reject naive datetimes (ambiguous) and truncate to whole seconds in UTC."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetime must be timezone-aware")
    return moment.astimezone(UTC).replace(microsecond=0)


def format_utc(moment: datetime) -> str:
    """``2026-01-31T12:00:00Z``."""
    m = require_utc(moment)
    return f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}Z"


def parse_utc(text: str) -> datetime:
    """Inverse of :func:`format_utc`; raises ValueError for any other spelling."""
    if not _RFC3339_Z.fullmatch(text):
        raise ValueError(f"{text!r} is not an RFC 3339 UTC timestamp like 2026-01-31T12:00:00Z")
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
