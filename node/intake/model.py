"""What intake produces: a candidate draft, or a precise error for one record.

Parsers turn files into ``CandidateDraft`` objects; they never touch storage.
Everything under ``personal``, ``cv_text`` and ``original`` is personal data and
is only ever stored encrypted with the candidate's own data key. The structured
fields (regions, availability, experience, qualifications, ...) are what
matching may read; they must never carry a name, contact detail or protected
attribute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

PURPOSES = ("local", "federation")
EMPLOYMENT_TYPES = ("full_time", "part_time")
BREAK_KINDS = ("parental_leave", "care", "military_or_civil_service", "illness", "other")

# Land: ISO 3166-2 ("DE-SH"); Kreis: 5-digit Amtlicher Gemeindeschlüssel prefix ("01002").
REGION_RE = re.compile(r"^(DE-(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)|\d{5})$")


class IntakeError(Exception):
    """A file or record that cannot be read. Carries where it is and how to fix it."""

    def __init__(self, where: str, message: str, hint: str = "") -> None:
        self.where = where
        self.message = message
        self.hint = hint
        super().__init__(self.describe())

    def describe(self) -> str:
        text = f"{self.where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass(frozen=True)
class RecordError:
    """One bad record inside a bulk file; the others are still imported."""

    where: str
    message: str
    hint: str = ""

    def describe(self) -> str:
        text = f"{self.where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


@dataclass(frozen=True)
class CareerBreak:
    """Parental leave, care and similar periods: recorded as such, never as gaps."""

    kind: str
    start: str  # "YYYY-MM" or "YYYY-MM-DD"
    end: str | None = None


@dataclass(frozen=True)
class OriginalFile:
    """The file the candidate handed in, kept encrypted so they can get it back."""

    filename: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class CandidateDraft:
    """A candidate as read from a file, before it is stored.

    ``personal`` holds free-form personal fields (name, email, phone, address,
    birth_date, and anything else the source had, e.g. nationality). ``consents``
    are purposes the record itself declares (JSON Lines, export format); the
    command line's ``--consent`` applies where a record has none.
    """

    source: str  # text | pdf | docx | europass | linkedin | jsonl | export
    where: str  # file name, plus ":line" for JSON Lines, for messages
    cv_text: str
    personal: dict[str, str] = field(default_factory=dict)
    lang: str | None = None
    desired_regions: tuple[str, ...] = ()
    available_from: date | None = None
    employment_types: tuple[str, ...] = ()
    experience_years: float | None = None
    career_breaks: tuple[CareerBreak, ...] = ()
    qualifications: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()
    consents: tuple[str, ...] = ()
    original: OriginalFile | None = None
    flags: tuple[str, ...] = ()  # e.g. "no_text": kept, but needs a human look

    def personal_payload(self) -> dict[str, Any]:
        """Everything that is encrypted with the candidate's data key."""
        return {"personal": dict(self.personal), "cv_text": self.cv_text}


ParsedRecord = CandidateDraft | RecordError
