"""The candidate pool a node searches: vectors in the index, facts beside them.

``serve`` loads the pool once at start and keeps it current on every add,
erase and consent change (they all pass through the node), so an answer never
comes from stale state. A command run without a serving node loads it fresh.
Consent is checked against its expiry time at every query, so an expired
consent stops matching the moment it expires.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

import numpy as np
from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.matching.index import VectorIndex
from talentverbund.node.errors import NodeError
from talentverbund.node.regions import region_matches
from talentverbund.node.storage.models import Candidate, CandidateSkills, Consent

T = TypeVar("T")


@dataclass
class PoolEntry:
    """Matching facts of one candidate (no personal data)."""

    skills_json: str  # [[skill index, weight], ...]; parsed when the candidate is ranked
    regions: list[str]
    employment_types: list[str]
    available_from: date | None
    experience_years: float | None
    qualifications: list[str]
    licences: list[str]
    consents: dict[str, datetime] = field(default_factory=dict)  # purpose -> expires_at
    _skills: dict[int, float] | None = field(default=None, repr=False)

    @property
    def skills(self) -> dict[int, float]:
        if self._skills is None:
            self._skills = {int(i): float(w) for i, w in json.loads(self.skills_json)}
        return self._skills


class _ListCache:
    """JSON lists read as text, parsed once per distinct text (values repeat a lot)."""

    def __init__(self) -> None:
        self._seen: dict[str, list[str]] = {}

    def __call__(self, text: str | list[str]) -> list[str]:
        if isinstance(text, list):  # a driver that already decoded JSON
            return text
        parsed = self._seen.get(text)
        if parsed is None:
            parsed = self._seen[text] = json.loads(text)
        return parsed


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
        # Row masks per filter set: valid from when they were made until the first consent
        # in them expires; any change to the pool drops them.
        self._masks: dict[Filters, tuple[np.ndarray, datetime, datetime]] = {}
        # Other values derived from the pool (e.g. group sizes for k-anonymity), same rule.
        self._memo: dict[Hashable, tuple[Any, datetime, datetime]] = {}
        # Serving nodes rank for peers on gRPC threads while admin calls change the pool:
        # every reader and writer holds this lock, and takes no other lock under it.
        self.lock = threading.RLock()

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
        with self.lock:
            self._refresh(sessions, ids)

    def _refresh(self, sessions: sessionmaker[Session], ids: list[str] | None) -> None:
        """Reload candidates from the database (all, or the given ids) after a change.

        Plain column rows, JSON read as text and parsed once per distinct value
        (region and type lists repeat a lot), skills parsed only when a candidate
        is ranked: loading is dominated by reading the vectors, not by Python objects.
        """
        c, k = Candidate.__table__.c, CandidateSkills.__table__.c
        as_text = [
            type_coerce(col, String)
            for col in (
                c.desired_regions,
                c.employment_types,
                c.qualifications,
                c.licences,
                k.skills,
            )
        ]
        query = (
            select(c.id, c.available_from, c.experience_years, *as_text, k.vector)
            .join_from(Candidate.__table__, CandidateSkills.__table__, k.candidate_id == c.id)
            .where(k.model_id == self.model_id)
        )
        consent_query = select(Consent.candidate_id, Consent.purpose, Consent.expires_at).where(
            Consent.withdrawn_at.is_(None)
        )
        if ids is not None:
            query = query.where(c.id.in_(ids))
            consent_query = consent_query.where(Consent.candidate_id.in_(ids))
        with sessions() as session:
            rows = session.execute(query).all()
            consents = session.execute(consent_query).all()
        valid: dict[str, dict[str, datetime]] = {}
        for cid, purpose, expires in consents:
            current = valid.setdefault(cid, {})
            current[purpose] = max(expires, current.get(purpose, expires))
        if ids is not None:
            self._remove(ids)
        self._masks.clear()
        self._memo.clear()
        lists = _ListCache()
        add_ids, blobs = [], []
        for cid, available, years, regions, types, quals, licences, skills, vector in rows:
            self.entries[cid] = PoolEntry(
                skills_json=skills,
                regions=lists(regions),
                employment_types=lists(types),
                available_from=available,
                experience_years=years,
                qualifications=lists(quals),
                licences=lists(licences),
                consents=valid.get(cid, {}),
            )
            if vector is not None:
                add_ids.append(cid)
                blobs.append(vector)
        if add_ids:
            self.index.add(add_ids, vectors_from_bytes(blobs, self.dim))

    def remove(self, cids: Iterable[str]) -> None:
        with self.lock:
            self._remove(cids)

    def _remove(self, cids: Iterable[str]) -> None:
        self._masks.clear()
        self._memo.clear()
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

    def memo(self, key: Hashable, now: datetime, compute: Callable[[], tuple[T, datetime]]) -> T:
        """A value derived from the pool, kept until the pool changes or ``compute``'s
        second value (the first consent expiry it depends on) is reached."""
        with self.lock:
            cached = self._memo.get(key)
            if cached is not None and cached[1] <= now < cached[2]:
                value: T = cached[0]
                return value
            value, valid_until = compute()
            self._memo[key] = (value, now, valid_until)
            return value

    def mask(self, filters: Filters, now: datetime) -> np.ndarray:
        """Boolean row mask over the index: who may appear in this answer."""
        cached = self._masks.get(filters)
        if cached is not None and cached[1] <= now < cached[2]:
            return cached[0]
        mask = np.zeros(len(self.index), dtype=bool)
        valid_until = datetime.max.replace(tzinfo=now.tzinfo)
        for row, cid in enumerate(self.index.ids):
            entry = self.entries[cid]
            if self.allowed(entry, filters, now):
                mask[row] = True
                valid_until = min(valid_until, entry.consents[filters.purpose])
        self._masks[filters] = (mask, now, valid_until)
        return mask
