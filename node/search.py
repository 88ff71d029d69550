"""Local search and ranking: who fits a job, and why.

The job's skill set is encoded by this node (never a vector from outside).
The index finds the nearest candidates among those the filters allow
(consent for the purpose, region, employment type, licences, qualifications,
availability); then each is scored as a blend of vector similarity (related
skills count) and coverage of the job's essential skills (exact skills count),
and explained: which of the job's skills match, which essential ones are
missing, and the parts of the score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from talentverbund.node.errors import UsageError
from talentverbund.node.matcher import JobSkill, Matcher
from talentverbund.node.pool import CandidatePool, Filters, PoolEntry
from talentverbund.node.regions import land_of

MAX_TOP = 1000
SIMILARITY_SHARE = 0.6  # the rest is essential-skill coverage
SHORTLIST_FACTOR = 5


@dataclass(frozen=True)
class Match:
    """One ranked result with its explanation; no personal data."""

    candidate_id: str
    score: float
    similarity: float
    coverage: float
    matched: tuple[str, ...]  # URIs of the job's skills the candidate has
    missing_essential: tuple[str, ...]
    region: str | None  # coarse: the Land of the first desired region
    experience_band: str
    available_from: date | None


def experience_band(years: float | None) -> str:
    if years is None:
        return "unknown"
    for limit, band in ((2, "0-2"), (5, "3-5"), (10, "6-10")):
        if years <= limit:
            return band
    return ">10"


def check_top(top: int) -> None:
    if not 1 <= top <= MAX_TOP:
        raise UsageError(f"--top must be between 1 and {MAX_TOP}, not {top}", "e.g. --top 10")


def coverage(
    entry: PoolEntry, job: Sequence[JobSkill]
) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    have = entry.skills  # one lookup: this runs for every shortlisted candidate
    essential = [s for s in job if s.essential] or list(job)
    total = sum(s.weight for s in essential) or 1.0
    got = 0.0
    for s in essential:
        weight = have.get(s.index)
        if weight is not None:
            got += min(s.weight, weight)
    matched = tuple(s.uri for s in job if s.index in have)
    missing = tuple(s.uri for s in job if s.essential and s.index not in have)
    return got / total, matched, missing


def rank(
    pool: CandidatePool,
    matcher: Matcher,
    job: Sequence[JobSkill],
    filters: Filters,
    top: int,
    now: datetime,
) -> list[Match]:
    """Top matches for a job among the candidates the filters allow."""
    check_top(top)
    if not job:
        raise UsageError(
            "the job has no recognised skills, so nobody can be ranked for it",
            "describe the tasks and requirements in the posting, or name skills explicitly",
        )
    query = matcher.job_vector(job)
    with pool.lock:
        mask = pool.mask(filters, now)
        if not mask.any():
            return []
        size = min(int(mask.sum()), top * SHORTLIST_FACTOR)
        shortlist = pool.index.search(query, size, mask=mask)
        entries = [(cid, similarity, pool.entries[cid]) for cid, similarity in shortlist]
    results = []
    for cid, similarity, entry in entries:
        cover, matched, missing = coverage(entry, job)
        score = SIMILARITY_SHARE * max(similarity, 0.0) + (1 - SIMILARITY_SHARE) * cover
        region = land_of(entry.regions[0]) if entry.regions else None
        results.append(
            Match(
                cid,
                round(score, 4),
                round(similarity, 4),
                round(cover, 4),
                matched,
                missing,
                region,
                experience_band(entry.experience_years),
                entry.available_from,
            )
        )
    results.sort(key=lambda m: (-m.score, m.candidate_id))
    return results[:top]
