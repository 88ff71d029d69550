"""The skill taxonomy: an ESCO-compatible skill space shared by the whole federation.

The *skill space* is the ordered list of skill URIs; a skill's position in it
is its index, and the encoder's input dimension. The space belongs to the model
version every node shares, so it can only change with a new built-in taxonomy
(and a new model id). Labels are different: an operator may import official
ESCO CSV files to add labels and synonyms (e.g. German ones) for skills already
in the space, which helps extraction without changing any vector.

File format (``matching/data/taxonomy.json``, built by
``scripts/build_taxonomy.py``)::

    {"format": "talentverbund.taxonomy/v1",
     "version": "<label of this skill space>",
     "attribution": "ESCO, European Commission",
     "esco_version": "1.1.1",
     "skills": [{"uri": str, "type": "skill/competence"|"knowledge"|"language",
                 "labels": {"de": [preferred, alt, ...], "en": [...]},
                 "groups": [broader group URI, ...]}, ...],
     "occupations": [{"uri": str, "isco": "2422", "field": str,
                      "labels": {"de": [...], "en": [...]},
                      "essential": [skill URI, ...], "optional": [skill URI, ...],
                      "heldout": true (only on occupations reserved for evaluation)}, ...]}

Language skills (type ``language``) carry a CEFR level as their weight
(A1 = 1/6 ... C2 = 1); "mother tongue" is never a level of its own.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

FORMAT = "talentverbund.taxonomy/v1"
ATTRIBUTION = "ESCO, European Commission"
SKILL_TYPES = ("skill/competence", "knowledge", "language")
LANGUAGES = ("de", "en")


class TaxonomyError(Exception):
    """A taxonomy file or ESCO CSV that cannot be used; says what and how to fix."""


@dataclass(frozen=True)
class Skill:
    index: int
    uri: str
    type: str
    labels: Mapping[str, tuple[str, ...]]  # language -> (preferred, *alternatives)
    groups: tuple[str, ...] = ()

    def label(self, lang: str = "de") -> str:
        """Preferred label in ``lang``, falling back to English."""
        for candidate in (lang, "en", "de"):
            names = self.labels.get(candidate)
            if names:
                return names[0]
        return self.uri


@dataclass(frozen=True)
class Occupation:
    uri: str
    isco: str
    field: str
    labels: Mapping[str, tuple[str, ...]]
    essential: tuple[int, ...]
    optional: tuple[int, ...]
    heldout: bool = False  # reserved for evaluation: encoder training must skip it

    def label(self, lang: str = "de") -> str:
        for candidate in (lang, "en", "de"):
            names = self.labels.get(candidate)
            if names:
                return names[0]
        return self.uri


@dataclass
class Taxonomy:
    """Skills (the fixed space) and occupations, with labels per language."""

    version: str
    skills: list[Skill]
    occupations: list[Occupation]
    esco_version: str = ""
    _by_uri: dict[str, Skill] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_uri = {s.uri: s for s in self.skills}
        if len(self._by_uri) != len(self.skills):
            raise TaxonomyError("taxonomy lists a skill URI twice")

    @property
    def size(self) -> int:
        return len(self.skills)

    def skill(self, uri: str) -> Skill:
        try:
            return self._by_uri[uri]
        except KeyError:
            raise TaxonomyError(f"skill {uri} is not in taxonomy {self.version}") from None

    def has(self, uri: str) -> bool:
        return uri in self._by_uri

    def space_hash(self) -> str:
        """Identifies the skill space (URIs in order); labels do not change it."""
        digest = hashlib.sha256()
        for skill in self.skills:
            digest.update(skill.uri.encode() + b"\n")
        return digest.hexdigest()

    # -- (de)serialization ----------------------------------------------------

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Taxonomy:
        if data.get("format") != FORMAT:
            raise TaxonomyError(f"not a taxonomy file (format must be {FORMAT!r})")
        skills = [
            Skill(
                index=i,
                uri=s["uri"],
                type=s["type"],
                labels={k: tuple(v) for k, v in s["labels"].items()},
                groups=tuple(s.get("groups", ())),
            )
            for i, s in enumerate(data["skills"])
        ]
        index = {s.uri: s.index for s in skills}
        occupations = [
            Occupation(
                uri=o["uri"],
                isco=o.get("isco", ""),
                field=o.get("field", ""),
                labels={k: tuple(v) for k, v in o["labels"].items()},
                essential=tuple(index[u] for u in o["essential"] if u in index),
                optional=tuple(index[u] for u in o["optional"] if u in index),
                heldout=bool(o.get("heldout", False)),
            )
            for o in data["occupations"]
        ]
        return cls(data["version"], skills, occupations, data.get("esco_version", ""))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "attribution": ATTRIBUTION,
            "esco_version": self.esco_version,
            "skills": [
                {
                    "uri": s.uri,
                    "type": s.type,
                    "labels": {k: list(v) for k, v in sorted(s.labels.items())},
                    "groups": list(s.groups),
                }
                for s in self.skills
            ],
            "occupations": [
                {
                    "uri": o.uri,
                    "isco": o.isco,
                    "field": o.field,
                    "labels": {k: list(v) for k, v in sorted(o.labels.items())},
                    "essential": [self.skills[i].uri for i in o.essential],
                    "optional": [self.skills[i].uri for i in o.optional],
                    **({"heldout": True} if o.heldout else {}),
                }
                for o in self.occupations
            ],
        }

    # -- label import ---------------------------------------------------------

    def with_labels(self, extra: Mapping[str, Mapping[str, Iterable[str]]]) -> tuple[Taxonomy, int]:
        """A copy with more labels for skills already in the space; returns (copy, added)."""
        added = 0
        skills = []
        for skill in self.skills:
            labels = {k: list(v) for k, v in skill.labels.items()}
            for lang, names in extra.get(skill.uri, {}).items():
                have = labels.setdefault(lang, [])
                for name in names:
                    name = name.strip()
                    if name and name not in have:
                        have.append(name)
                        added += 1
            skills.append(
                Skill(
                    skill.index,
                    skill.uri,
                    skill.type,
                    {k: tuple(v) for k, v in labels.items()},
                    skill.groups,
                )
            )
        return Taxonomy(self.version, skills, self.occupations, self.esco_version), added


@functools.cache
def load_builtin() -> Taxonomy:
    """The taxonomy shipped inside the package (no file outside it is needed).

    Read once per process; callers treat it as immutable (``with_labels`` copies).
    """
    text = (
        resources.files("talentverbund.matching.data").joinpath("taxonomy.json").read_text("utf-8")
    )
    return Taxonomy.from_json(json.loads(text))


def load_file(path: Path) -> Taxonomy:
    try:
        return Taxonomy.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TaxonomyError(f"{path}: not a readable taxonomy file ({exc})") from exc


REQUIRED_SKILL_COLUMNS = ("conceptUri", "preferredLabel", "altLabels")


def read_esco_skill_labels(path: Path, lang: str) -> dict[str, dict[str, list[str]]]:
    """Labels from an official ESCO ``skills_<lang>.csv`` (or a skills collection CSV).

    ``altLabels`` separates values by newlines (ESCO v1.1) or " | " (collections, v1.2).
    """
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED_SKILL_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise TaxonomyError(
            f"{path.name}: missing column(s) {', '.join(missing)}; expected an ESCO skills CSV "
            f"with {', '.join(REQUIRED_SKILL_COLUMNS)}"
        )
    labels: dict[str, dict[str, list[str]]] = {}
    for row in reader:
        names = [row["preferredLabel"]]
        for chunk in (row.get("altLabels") or "").replace(" | ", "\n").split("\n"):
            names.append(chunk)
        labels[row["conceptUri"]] = {lang: [n.strip() for n in names if n.strip()]}
    return labels
