"""The candidate pool a node searches: vectors in the index, facts beside them.

``serve`` loads the pool once at start and keeps it current on every add,
erase and consent change (they all pass through the node), so an answer never
comes from stale state. A command run without a serving node loads it fresh.
Consent is checked against its expiry time at every query, so an expired
consent stops matching the moment it expires.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.matching.index import VectorIndex
from talentverbund.node.errors import NodeError
from talentverbund.node.regions import region_matches
from talentverbund.node.storage.models import Candidate, CandidateSkills, Consent


@dataclass
class PoolEntry:
    """Matching facts of one candidate (no personal data)."""

    skills: dict[int, float]
    regions: list[str]
    employment_types: list[str]
    available_from: date | None
    experience_years: float | None
    qualifications: list[str]
    licences: list[str]
    consents: dict[str, datetime] = field(default_factory=dict)  # purpose -> expires_at


@dataclass(frozen=True)
class Filters:
    """What a job demands of every result, besides skills."""

    purpose: str
    region: str | None = None
    employment_types: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()
    qualifications: tuple[str, ...] = ()
    available_by: date | None = None


def vector_bytes(vector: np.ndarray) -> bytes:
    """Vectors are stored as float16: 512 bytes for 256 dimensions."""
    return np.asarray(vector, dtype=np.float16).tobytes()


def vectors_from_bytes(blobs: list[bytes], dim: int) -> np.ndarray:
    matrix = np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(blobs), dim)
    matrix = matrix.astype(np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    out: np.ndarray = matrix / np.where(norms > 0, norms, 1.0)
    return out


class CandidatePool:
    def __init__(self, model_id: str, dim: int) -> None:
        self.model_id = model_id
        self.dim = dim
        self.index = VectorIndex(dim)
        self.entries: dict[str, PoolEntry] = {}

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def load(cls, sessions: sessionmaker[Session], model_id: str, dim: int) -> CandidatePool:
        pool = cls(model_id, dim)
        with sessions() as session:
            other = session.scalar(
                select(CandidateSkills.model_id)
                .where(CandidateSkills.model_id != model_id)
                .limit(1)
            )
            if other is not None:
                raise NodeError(
                    f"stored vectors were made with model {other}, this node runs {model_id}",
                    "re-encode all candidates with: talentverbund reencode DIR",
                )
        pool.refresh(sessions, None)
        return pool

    def refresh(self, sessions: sessionmaker[Session], ids: list[str] | None) -> None:
        """Reload candidates from the database (all, or the given ids) after a change."""
        with sessions() as session:
            query = select(Candidate, CandidateSkills).join(
                CandidateSkills, CandidateSkills.candidate_id == Candidate.id
            )
            consent_query = select(Consent).where(Consent.withdrawn_at.is_(None))
            if ids is not None:
                query = query.where(Candidate.id.in_(ids))
                consent_query = consent_query.where(Consent.candidate_id.in_(ids))
            rows = session.execute(query).all()
            consents = session.scalars(consent_query).all()
        valid: dict[str, dict[str, datetime]] = {}
        for consent in consents:
            current = valid.setdefault(consent.candidate_id, {})
            previous = current.get(consent.purpose, consent.expires_at)
            current[consent.purpose] = max(consent.expires_at, previous)
        if ids is not None:
            self.remove(ids)
        add_ids, blobs = [], []
        for candidate, skills in rows:
            if skills.model_id != self.model_id:
                continue
            self.entries[candidate.id] = entry_of(
                candidate, skills.skills, valid.get(candidate.id, {})
            )
            if skills.vector is not None:
                add_ids.append(candidate.id)
                blobs.append(skills.vector)
        if add_ids:
            self.index.add(add_ids, vectors_from_bytes(blobs, self.dim))

    def remove(self, cids: Iterable[str]) -> None:
        for cid in cids:
            self.entries.pop(cid, None)
            if cid in self.index:
                self.index.remove([cid])

    def allowed(self, entry: PoolEntry, filters: Filters, now: datetime) -> bool:
        expires = entry.consents.get(filters.purpose)
        if expires is None or expires <= now:
            return False
        if filters.region and not region_matches(filters.region, entry.regions):
            return False
        if (
            filters.employment_types
            and entry.employment_types
            and not (set(filters.employment_types) & set(entry.employment_types))
        ):
            return False
        if not set(filters.licences) <= set(entry.licences):
            return False
        have = " | ".join(entry.qualifications).casefold()
        if any(q.casefold() not in have for q in filters.qualifications):
            return False
        return not (
            filters.available_by
            and entry.available_from
            and entry.available_from > filters.available_by
        )

    def mask(self, filters: Filters, now: datetime) -> np.ndarray:
        """Boolean row mask over the index: who may appear in this answer."""
        mask = np.zeros(len(self.index), dtype=bool)
        for row, cid in enumerate(self.index.ids):
            mask[row] = self.allowed(self.entries[cid], filters, now)
        return mask


def entry_of(
    candidate: Candidate, skills: list[list[float]], consents: dict[str, datetime]
) -> PoolEntry:
    return PoolEntry(
        skills={int(i): float(w) for i, w in skills},
        regions=list(candidate.desired_regions),
        employment_types=list(candidate.employment_types),
        available_from=candidate.available_from,
        experience_years=candidate.experience_years,
        qualifications=list(candidate.qualifications),
        licences=list(candidate.licences),
        consents=consents,
    )
