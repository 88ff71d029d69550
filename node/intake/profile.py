"""The JSON profile: one candidate as a JSON object (JSON Lines import, node export).

Schema (all keys but ``cv_text`` optional; ``null`` allowed where noted)::

    {
      "personal": {"name": str, "email": str, "phone": str, "address": str,
                   "birth_date": "YYYY-MM-DD",
                   ...any other string field, e.g. "gender", "nationality",
                   "religion", "marital_status", "photo", "disability"},
      "cv_text": str,                              # required; may be "" (flagged no_text)
      "lang": "de" | "en" | null,
      "desired_regions": [str],                    # "DE-SH" (Land) or "01002" (Kreis)
      "available_from": "YYYY-MM-DD" | null,
      "employment_types": ["full_time", "part_time"],
      "experience_years": number 0..60 | null,
      "career_breaks": [{"kind": "parental_leave" | "care" | "military_or_civil_service"
                                 | "illness" | "other",
                         "start": "YYYY-MM[-DD]", "end": "YYYY-MM[-DD]" | null}],
      "qualifications": [str],
      "licences": [str],
      "consent": ["local" | "federation"],
      "meta": any                                  # ignored (synthetic-data ground truth)
    }

Any other top-level key is an error, so a typo ("desired_region") is reported
instead of silently dropping the candidate's wish. Messages name the field,
never its value: values are personal data.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from talentverbund.node.intake.model import (
    BREAK_KINDS,
    EMPLOYMENT_TYPES,
    PURPOSES,
    REGION_RE,
    CandidateDraft,
    CareerBreak,
    IntakeError,
)
from talentverbund.node.intake.periods import MAX_EXPERIENCE_YEARS

LANGS = ("de", "en")
TOP_LEVEL_KEYS = frozenset(
    {
        "personal",
        "cv_text",
        "lang",
        "desired_regions",
        "available_from",
        "employment_types",
        "experience_years",
        "career_breaks",
        "qualifications",
        "licences",
        "consent",
        "meta",
    }
)
_BREAK_KEYS = frozenset({"kind", "start", "end"})
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_OR_DAY = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_MAX_KEY = 64

T = TypeVar("T")


def parse_profile(obj: Any, where: str, source: str) -> CandidateDraft:
    """Validate one profile object and build its draft; IntakeError names the bad field."""
    if not isinstance(obj, dict):
        raise IntakeError(where, "record must be a JSON object", "write one {...} object per line")
    unknown = sorted(k for k in obj if k not in TOP_LEVEL_KEYS)
    if unknown:
        raise IntakeError(
            where,
            f"unknown field '{_short(unknown[0])}'",
            f"allowed fields: {', '.join(sorted(TOP_LEVEL_KEYS))}",
        )
    if "cv_text" not in obj:
        raise IntakeError(where, "field 'cv_text' is missing", "every record needs the CV text")
    cv_text = _string(obj["cv_text"], "cv_text", where)
    return CandidateDraft(
        source=source,
        where=where,
        cv_text=cv_text,
        personal=_personal(obj.get("personal"), where),
        lang=_optional(obj, "lang", where, _lang),
        desired_regions=_list(obj, "desired_regions", where, _region),
        available_from=_optional(obj, "available_from", where, _day),
        employment_types=_unique(_list(obj, "employment_types", where, _employment_type)),
        experience_years=_optional(obj, "experience_years", where, _years),
        career_breaks=_list(obj, "career_breaks", where, _break),
        qualifications=_list(obj, "qualifications", where, _string),
        licences=_list(obj, "licences", where, _string),
        consents=_unique(_list(obj, "consent", where, _purpose)),
        flags=() if cv_text.strip() else ("no_text",),
    )


def profile_to_json(draft: CandidateDraft) -> dict[str, Any]:
    """The draft as a profile object; ``parse_profile`` reads it back to an equal draft."""
    return {
        "personal": dict(draft.personal),
        "cv_text": draft.cv_text,
        "lang": draft.lang,
        "desired_regions": list(draft.desired_regions),
        "available_from": draft.available_from.isoformat() if draft.available_from else None,
        "employment_types": list(draft.employment_types),
        "experience_years": draft.experience_years,
        "career_breaks": [
            {"kind": b.kind, "start": b.start, "end": b.end} for b in draft.career_breaks
        ],
        "qualifications": list(draft.qualifications),
        "licences": list(draft.licences),
        "consent": list(draft.consents),
    }


# -- field validators: (value, field name, where) -> parsed value -----------------


def _short(key: str) -> str:
    """Field names are echoed in messages; a pasted value must not be."""
    return key if len(key) <= 40 else key[:40] + "…"


def _string(value: Any, field: str, where: str) -> str:
    if not isinstance(value, str):
        raise IntakeError(where, f"field '{field}' must be a string", "put the value in quotes")
    if not _storable(value):
        raise IntakeError(
            where,
            f"field '{field}' contains a NUL character or an unpaired surrogate escape",
            "remove the \\u0000 or lone \\ud800-\\udfff escapes from the value",
        )
    return value


def _storable(text: str) -> bool:
    """JSON allows "\\u0000" and lone surrogates; neither survives UTF-8 storage."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _optional(
    obj: dict[str, Any], field: str, where: str, check: Callable[[Any, str, str], T]
) -> T | None:
    value = obj.get(field)
    return None if value is None else check(value, field, where)


def _list(
    obj: dict[str, Any], field: str, where: str, check: Callable[[Any, str, str], T]
) -> tuple[T, ...]:
    value = obj.get(field)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise IntakeError(where, f"field '{field}' must be a list", f'write "{field}": [...]')
    return tuple(check(item, f"{field}[{i}]", where) for i, item in enumerate(value))


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _personal(value: Any, where: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise IntakeError(where, "field 'personal' must be an object", 'write "personal": {...}')
    out: dict[str, str] = {}
    for key, item in value.items():
        if not key or len(key) > _MAX_KEY or not _storable(key):
            raise IntakeError(
                where,
                "field 'personal' has an empty, overlong or unreadable key",
                f"use short plain field names (up to {_MAX_KEY} characters)",
            )
        out[key] = _string(item, f"personal.{key}", where)
    if "birth_date" in out:
        _day(out["birth_date"], "personal.birth_date", where)
    return out


def _lang(value: Any, field: str, where: str) -> str:
    if value not in LANGS:
        raise IntakeError(
            where, f"field '{field}' must be one of {', '.join(LANGS)}", "or leave it out"
        )
    return str(value)


def _day(value: Any, field: str, where: str) -> date:
    text = _string(value, field, where)
    try:
        if not _ISO_DAY.match(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise IntakeError(
            where, f"field '{field}' is not a valid date", "use YYYY-MM-DD, e.g. 2025-04-01"
        ) from None


def _month_or_day(value: Any, field: str, where: str) -> str:
    text = _string(value, field, where)
    hint = "use YYYY-MM or YYYY-MM-DD, e.g. 2021-03"
    if not _MONTH_OR_DAY.match(text):
        raise IntakeError(where, f"field '{field}' is not a valid date", hint)
    try:
        date.fromisoformat(text if len(text) == 10 else text + "-01")
    except ValueError:
        raise IntakeError(where, f"field '{field}' is not a valid date", hint) from None
    return text


def _region(value: Any, field: str, where: str) -> str:
    text = _string(value, field, where)
    if not REGION_RE.match(text):
        raise IntakeError(
            where,
            f"field '{field}' is not a region code",
            "use a Land code such as DE-SH or a 5-digit Kreis key such as 01002",
        )
    return text


def _employment_type(value: Any, field: str, where: str) -> str:
    if value not in EMPLOYMENT_TYPES:
        raise IntakeError(
            where,
            f"field '{field}' is not an employment type",
            f"use {', '.join(EMPLOYMENT_TYPES)}",
        )
    return str(value)


def _purpose(value: Any, field: str, where: str) -> str:
    if value not in PURPOSES:
        raise IntakeError(
            where, f"field '{field}' is not a consent purpose", f"use {', '.join(PURPOSES)}"
        )
    return str(value)


def _years(value: Any, field: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise IntakeError(where, f"field '{field}' must be a number", "e.g. 4.5")
    if not (math.isfinite(value) and 0 <= value <= MAX_EXPERIENCE_YEARS):
        raise IntakeError(
            where,
            f"field '{field}' is out of range",
            f"use a number from 0 to {MAX_EXPERIENCE_YEARS:g}",
        )
    return float(value)


def _break(value: Any, field: str, where: str) -> CareerBreak:
    if not isinstance(value, dict):
        raise IntakeError(
            where, f"field '{field}' must be an object", '{"kind": ..., "start": ...}'
        )
    unknown = sorted(k for k in value if k not in _BREAK_KEYS)
    if unknown:
        raise IntakeError(
            where, f"field '{field}' has unknown key '{_short(unknown[0])}'", "use kind, start, end"
        )
    if value.get("kind") not in BREAK_KINDS:
        raise IntakeError(
            where, f"field '{field}.kind' is not a break kind", f"use {', '.join(BREAK_KINDS)}"
        )
    if "start" not in value:
        raise IntakeError(
            where, f"field '{field}.start' is missing", "give the month it began, e.g. 2021-03"
        )
    start = _month_or_day(value["start"], f"{field}.start", where)
    end = None if value.get("end") is None else _month_or_day(value["end"], f"{field}.end", where)
    if end is not None and _before(end, start):
        raise IntakeError(
            where, f"field '{field}.end' is before its start", "swap or correct the dates"
        )
    return CareerBreak(kind=str(value["kind"]), start=start, end=end)


def _before(end: str, start: str) -> bool:
    """Compare at the coarser precision: a break ending "2021-03" may have begun 2021-03-15."""
    n = min(len(end), len(start))
    return end[:n] < start[:n]
