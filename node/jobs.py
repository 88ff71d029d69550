"""Job postings: schema.org ``JobPosting`` (JSON-LD) or a title and a description.

A job posting is public information; what matching needs from it is the skill
set (extracted from the text plus the posting's own ``skills`` field), the
hard requirements (qualifications and licences), the region and the
employment type.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from talentverbund.node.errors import UsageError
from talentverbund.node.intake.model import REGION_RE

REQUIRED = ("title", "description")
EMPLOYMENT = {
    "FULL_TIME": "full_time",
    "PART_TIME": "part_time",
    "VOLLZEIT": "full_time",
    "TEILZEIT": "part_time",
}
LANDS = {
    "baden-württemberg": "DE-BW",
    "bayern": "DE-BY",
    "berlin": "DE-BE",
    "brandenburg": "DE-BB",
    "bremen": "DE-HB",
    "hamburg": "DE-HH",
    "hessen": "DE-HE",
    "mecklenburg-vorpommern": "DE-MV",
    "niedersachsen": "DE-NI",
    "nordrhein-westfalen": "DE-NW",
    "rheinland-pfalz": "DE-RP",
    "saarland": "DE-SL",
    "sachsen": "DE-SN",
    "sachsen-anhalt": "DE-ST",
    "schleswig-holstein": "DE-SH",
    "thüringen": "DE-TH",
}
_TAG = re.compile(r"<[^>]+>")
_LICENCE = re.compile(
    r"F(?:ü|ue)hrerschein(?:klasse)?\s*(?:der\s+)?(?:Klasse\s*)?([A-Z]{1,2}\d?E?)\b"
)


@dataclass(frozen=True)
class JobDraft:
    """A posting as read from the recruiter; skills come from matching later."""

    title: str
    description: str
    skills_text: str = ""
    qualifications: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()
    region: str | None = None
    locality: str | None = None
    employment_types: tuple[str, ...] = ()
    valid_through: str | None = None
    posting: dict[str, Any] = field(default_factory=dict)

    def text(self) -> str:
        """Everything the extractor reads: title, description, skills, qualifications."""
        parts = [self.title, self.description, self.skills_text, *self.qualifications]
        return "\n".join(p for p in parts if p)


def _plain(value: Any) -> str:
    """JSON-LD text fields may hold HTML or lists; the extractor wants plain text."""
    if isinstance(value, list):
        return "\n".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return _plain(value.get("name") or value.get("description") or "")
    if value is None:
        return ""
    return _TAG.sub("\n", str(value)).replace("&nbsp;", " ").replace("&amp;", "&").strip()


def _region(location: Any) -> tuple[str | None, str | None]:
    """A Land/Kreis code from ``jobLocation.address`` when the posting gives one."""
    if isinstance(location, list):
        location = location[0] if location else {}
    address = location.get("address", {}) if isinstance(location, dict) else {}
    if not isinstance(address, dict):
        return None, None
    raw = str(address.get("addressRegion") or "").strip()
    region = LANDS.get(raw.lower(), raw if REGION_RE.match(raw) else None)
    locality = str(address.get("addressLocality") or "").strip() or None
    return region, locality


def parse_jobposting(data: Any, where: str) -> JobDraft:
    """Validate a schema.org JobPosting; every error names the field to fix."""
    if isinstance(data, list):
        data = next(
            (d for d in data if isinstance(d, dict) and d.get("@type") == "JobPosting"), None
        )
    if not isinstance(data, dict):
        raise UsageError(f"{where}: not a JSON object", "give a schema.org JobPosting (JSON-LD)")
    kind = data.get("@type")
    if kind not in ("JobPosting", None):
        raise UsageError(f"{where}: @type is {kind!r}, not 'JobPosting'", "export a JobPosting")
    missing = [key for key in REQUIRED if not _plain(data.get(key))]
    if missing:
        raise UsageError(
            f"{where}: JobPosting lacks {', '.join(missing)}",
            "title and description are required (schema.org JobPosting)",
            code="posting_incomplete",
        )
    types = data.get("employmentType") or []
    types = [types] if isinstance(types, str) else types
    employment = tuple(
        dict.fromkeys(EMPLOYMENT[t.upper()] for t in types if t.upper() in EMPLOYMENT)
    )
    quals = data.get("qualifications") or data.get("educationRequirements") or []
    quals = [quals] if not isinstance(quals, list) else quals
    qualifications = tuple(q for q in (_plain(x) for x in quals) if q)
    valid = data.get("validThrough")
    if valid is not None:
        try:
            date.fromisoformat(str(valid)[:10])
        except ValueError:
            raise UsageError(
                f"{where}: validThrough {valid!r} is not a date", "use YYYY-MM-DD"
            ) from None
    region, locality = _region(data.get("jobLocation"))
    description = _plain(data.get("description"))
    skills_text = _plain(data.get("skills"))
    licences = tuple(
        dict.fromkeys(_LICENCE.findall("\n".join([description, skills_text, *qualifications])))
    )
    return JobDraft(
        title=_plain(data.get("title")),
        description=description,
        skills_text=skills_text,
        qualifications=qualifications,
        licences=licences,
        region=region,
        locality=locality,
        employment_types=employment,
        valid_through=str(valid)[:10] if valid else None,
        posting=data,
    )


def read_jobposting(path: Path) -> JobDraft:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise UsageError(f"{path}: file not found", "check the path") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path.name}: not valid JSON ({exc})", "give JSON-LD") from None
    return parse_jobposting(data, path.name)
