"""Partial dates ("2019", "Mar 2019", "2019-03") and years of experience.

CVs give periods at year or month precision, often overlapping (two part-time
posts at once). Experience is the length of the union of all periods, so a
parallel side job does not count twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MAX_EXPERIENCE_YEARS = 60.0

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "januar", "jän", "jänner"),
            ("feb", "february", "februar"),
            ("mar", "march", "mär", "mrz", "märz", "maerz"),
            ("apr", "april"),
            ("may", "mai"),
            ("jun", "june", "juni"),
            ("jul", "july", "juli"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october", "okt", "oktober"),
            ("nov", "november"),
            ("dec", "december", "dez", "dezember"),
        ),
        start=1,
    )
    for name in names
}

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[./](\d{4})$")
_GERMAN_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_WORDS = re.compile(r"^([^\W\d_]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$")
_DAY_WORDS = re.compile(r"^(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4})$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def day_after(self) -> date:
        """First day after the period this value names (exclusive end)."""
        if self.day is not None and self.month is not None:
            return date.fromordinal(self.first_day().toordinal() + 1)
        if self.month is not None:
            return date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return date(self.year + 1, 1, 1)

    def label(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        return f"{self.month:02d}/{self.year:04d}"


def _make(year: int, month: int | None, day: int | None) -> PartialDate | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def parse_partial(text: str | None) -> PartialDate | None:
    """Read the date shapes CV sources use; None when it is not a date we know."""
    if not text:
        return None
    value = text.strip()
    if m := _ISO.match(value):
        return _make(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    if m := _GERMAN_DAY.match(value):
        return _make(int(m[3]), int(m[2]), int(m[1]))
    if m := _NUMERIC.match(value):
        return _make(int(m[2]), int(m[1]), None)
    if m := _WORDS.match(value):
        return _named(m[1], m[3], m[2])
    if m := _DAY_WORDS.match(value):
        return _named(m[2], m[3], m[1])
    return None


def _named(month_name: str, year: str, day: str | None) -> PartialDate | None:
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    return _make(int(year), month, int(day) if day else None)


@dataclass(frozen=True)
class Period:
    """A work period; ``end`` None means "until today"."""

    start: PartialDate
    end: PartialDate | None = None

    def label(self, present: str) -> str:
        end = self.end.label() if self.end else present
        return f"{self.start.label()} – {end}"


def experience_years(periods: Iterable[Period], today: date | None = None) -> float | None:
    """Years covered by the union of the periods, to one decimal; None without periods."""
    today = today or date.today()
    spans = sorted((start, end) for start, end in (_span(p, today) for p in periods) if start < end)
    if not spans:
        return None
    days = 0
    current_start, current_end = spans[0]
    for start, end in spans[1:]:
        if start > current_end:
            days += (current_end - current_start).days
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    days += (current_end - current_start).days
    return min(round(days / 365.25, 1), MAX_EXPERIENCE_YEARS)


def _span(period: Period, today: date) -> tuple[date, date]:
    start = period.start.first_day()
    end = period.end.day_after() if period.end else today
    return min(start, today), min(end, today)
