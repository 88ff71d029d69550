"""The node's matching pipeline: scrub, extract, encode — the only way to a vector.

A CV reaches the encoder only as taxonomy skill indexes and weights, after the
scrubber removed names, contact data and protected attributes; a job reaches it
only as a skill set. Loading builds the extractor's indexes once (serve keeps
the matcher; a one-off command loads it when it needs it).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from talentverbund.matching.encoder import Encoder
from talentverbund.matching.extract import SkillExtractor, skill_weights
from talentverbund.matching.scrub import scrub
from talentverbund.matching.taxonomy import Taxonomy, load_builtin
from talentverbund.node.jobs import JobDraft

OPTIONAL_FACTOR = 0.5  # an optional job skill counts half as much as an essential one


@dataclass(frozen=True)
class JobSkill:
    index: int
    uri: str
    weight: float
    essential: bool


@dataclass(frozen=True)
class CandidateProfile:
    """What matching keeps of a CV: skills, and the scrubbed text (sealed later)."""

    skills: dict[int, float]
    scrubbed_text: str


class Matcher:
    def __init__(self, taxonomy: Taxonomy, encoder: Encoder) -> None:
        self.taxonomy = taxonomy
        self.encoder = encoder
        self.extractor = SkillExtractor(taxonomy)

    @property
    def model_id(self) -> str:
        return self.encoder.model_id

    @classmethod
    def load(cls, extra_labels: Mapping[str, Mapping[str, list[str]]] | None = None) -> Matcher:
        """Built-in taxonomy and model; imported labels help extraction only.

        Matchers are immutable, so one process shares one per set of labels.
        """
        key = tuple(
            sorted(
                (uri, lang, tuple(names))
                for uri, by_lang in (extra_labels or {}).items()
                for lang, names in by_lang.items()
            )
        )
        return _load(key)

    def profile(self, cv_text: str, personal: Mapping[str, str]) -> CandidateProfile:
        cleaned = scrub(cv_text, known=personal).text
        return CandidateProfile(skill_weights(self.extractor.extract(cleaned)), cleaned)

    def encode(self, skill_sets: Sequence[Mapping[int, float]]) -> np.ndarray:
        return self.encoder.encode(skill_sets)

    def job_skills(self, job: JobDraft, explicit: Sequence[str] = ()) -> list[JobSkill]:
        """Skills of a posting: essential/optional from its wording, plus named skills."""
        essential, optional = self.extractor.extract_job(job.text())
        found: dict[int, JobSkill] = {}
        for skill, is_essential in [(s, False) for s in optional] + [(s, True) for s in essential]:
            found[skill.index] = JobSkill(skill.index, skill.uri, skill.weight, is_essential)
        for uri in explicit:
            index = self.taxonomy.skill(uri).index
            found[index] = JobSkill(index, uri, 1.0, True)
        return sorted(found.values(), key=lambda s: s.index)

    def job_vector(self, skills: Sequence[JobSkill]) -> np.ndarray:
        weights = {s.index: s.weight * (1.0 if s.essential else OPTIONAL_FACTOR) for s in skills}
        vector: np.ndarray = self.encode([weights])[0]
        return vector


@functools.lru_cache(maxsize=4)
def _load(labels: tuple[tuple[str, str, tuple[str, ...]], ...]) -> Matcher:
    base = load_builtin()
    encoder = Encoder.load_builtin(base)
    extra: dict[str, dict[str, list[str]]] = {}
    for uri, lang, names in labels:
        extra.setdefault(uri, {})[lang] = list(names)
    taxonomy = base.with_labels(extra)[0] if extra else base
    return Matcher(taxonomy, encoder)
