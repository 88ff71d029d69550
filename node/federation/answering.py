"""Answering a peer's job query: who fits, said with as little as possible.

A query carries the job's skill set (taxonomy URIs, weights, essential flags) and
its public facts, never a vector; this node encodes it with its own model. Only
candidates whose ``federation`` consent is valid at this moment are searched.
Each result says only:

* a pseudonym, an HMAC under the candidate's own key over the requester and a
  nonce this node draws per query: unlinkable across queries and requesters, and
  meaningless once the candidate is erased (the key is destroyed);
* a score rounded to steps of 5 (0..100);
* which of the *query's* skills match (a bit mask; never the candidate's others);
* region (Land), experience band and availability, each withheld when fewer than
  ``k`` federation candidates of this node share the combination.

Limits that stop a peer from learning more by asking more: a per-peer budget
(per minute and per hour, RESOURCE_EXHAUSTED with the time to retry), a cap on
how often one candidate is shown to one peer, a cache that answers a repeated or
slightly changed job with the earlier answer, and a refusal of queries too vague
to be a real job.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from google.protobuf.message import DecodeError
from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.orm import Session

from talentverbund.crypto.canonical import canonical_json
from talentverbund.crypto.envelope import OpenedMessage
from talentverbund.node.federation.errors import Rejection
from talentverbund.node.federation.exchange_log import LogTransaction
from talentverbund.node.intake.model import EMPLOYMENT_TYPES, REGION_RE
from talentverbund.node.matcher import JobSkill
from talentverbund.node.pool import CandidatePool, Filters
from talentverbund.node.regions import land_of
from talentverbund.node.search import MAX_TOP, experience_band, rank
from talentverbund.node.storage.models import AnsweredQuery, IssuedResult
from talentverbund.protocol.v1 import federation_pb2 as pb

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

QUERY = "search"
RESULTS = "search.results"
CONSENT_PURPOSE = "federation"
LOG_PURPOSE = "recruitment"
MIN_SKILLS = 3  # fewer is not a job, it is a probe for one person
MAX_SKILLS = 64
MAX_FACT_ITEMS = 16
CACHE_SIMILARITY = 0.8  # Jaccard overlap of skill sets that counts as "the same job"
SCORE_STEP = 5
AVAILABILITY_BUCKETS = ((0, "now"), (92, "3m"), (183, "6m"))  # days from today; else "later"
SHORTLIST = 2  # rank this many times top-k, so capped candidates can be skipped


# Core statements built once: per query, the ORM's overhead cost more than the queries.
_AQ: Table = AnsweredQuery.__table__  # type: ignore[assignment]
_IR: Table = IssuedResult.__table__  # type: ignore[assignment]
_STORED_COLUMNS = (_AQ.c.id, _AQ.c.reply, _AQ.c.skills, _AQ.c.from_cache_of)
_ANSWERED = select(*_STORED_COLUMNS).where(
    _AQ.c.requester == bindparam("requester"), _AQ.c.query_id == bindparam("query_id")
)
_ANSWERED_SINCE = (
    _AQ.c.requester == bindparam("requester"),
    _AQ.c.answered_at > bindparam("since"),
)
_COUNT_SINCE = select(func.count()).select_from(_AQ).where(*_ANSWERED_SINCE)
_NTH_SINCE = (
    select(_AQ.c.answered_at)
    .where(*_ANSWERED_SINCE)
    .order_by(_AQ.c.answered_at)
    .offset(bindparam("skip"))
    .limit(1)
)
_RECENT_SAME_FACTS = (
    select(*_STORED_COLUMNS)
    .where(*_ANSWERED_SINCE, _AQ.c.facts_sha256 == bindparam("facts"))
    .order_by(_AQ.c.id.desc())
    .limit(20)
)
_EXPOSURE = (
    select(_IR.c.candidate_id, func.count())
    .where(
        _IR.c.requester == bindparam("requester"),
        _IR.c.candidate_id.in_(bindparam("ids", expanding=True)),
        _IR.c.issued_at > bindparam("since"),
    )
    .group_by(_IR.c.candidate_id)
)
_OWNERS = select(_IR.c.pseudonym, _IR.c.candidate_id).where(
    _IR.c.pseudonym.in_(bindparam("pseudonyms", expanding=True))
)


class _Stored(NamedTuple):
    """An answered query as kept: enough to answer again or from the cache."""

    id: int
    reply: bytes
    skills: list[str]
    from_cache_of: int | None


@dataclass
class Answer:
    """What the reply carries and what the log records about it."""

    results: pb.SearchResults  # receipt added by the pipeline
    subjects: list[str]  # keyed commitments to the candidates shown (see module doc)


class SearchHandler:
    """The ``Search`` RPC on the answering node."""

    rpc = "Search"
    message_type = QUERY
    reply_type = RESULTS
    purpose: str | None = LOG_PURPOSE

    def __init__(self, runtime: NodeRuntime) -> None:
        self.rt = runtime
        self.cfg = runtime.config.federation

    # -- InboundHandler ------------------------------------------------------------

    def parse(self, opened: OpenedMessage) -> pb.SearchQuery:
        try:
            query = pb.SearchQuery.FromString(opened.payload)
        except DecodeError:
            raise _invalid("the payload is not a SearchQuery message") from None
        check_query(query, self.rt.matcher().taxonomy.has)
        return query

    def details(self, request: pb.SearchQuery) -> dict[str, Any]:
        return {
            "query_id": request.query_id,
            "skills": len(request.skills),
            "top_k": request.top_k,
        }

    def act(
        self, request: pb.SearchQuery, opened: OpenedMessage, tx: LogTransaction, received_ms: int
    ) -> Answer:
        requester, session, now = opened.header.sender, tx.session, self.rt.clock()
        earlier = _answered(session, requester, request.query_id)
        if earlier is not None:  # the same query under a new message id: same answer
            return self._stored(session, earlier, opened)
        self._check_budget(session, requester, now)
        skills = [s.uri for s in request.skills]  # in query order: the masks refer to it
        facts_sha = facts_fingerprint(request.facts)
        cached = self._cached(session, requester, skills, facts_sha, now)
        if cached is not None:
            answer = self._from_cache(session, cached, request, opened, now)
        else:
            answer = self._rank(session, request, requester, opened, now)
        session.connection().execute(
            insert(_AQ),
            {
                "requester": requester,
                "query_id": request.query_id,
                "facts_sha256": facts_sha,
                "skills": skills,
                "answered_at": now,
                "reply": answer.results.SerializeToString(deterministic=True),
                "from_cache_of": None if cached is None else (cached.from_cache_of or cached.id),
            },
        )
        return answer

    def replay(self, request: pb.SearchQuery, opened: OpenedMessage, tx: LogTransaction) -> Answer:
        earlier = _answered(tx.session, opened.header.sender, request.query_id)
        if earlier is None:  # answered before this node's tables existed: answer empty
            return Answer(pb.SearchResults(query_id=request.query_id), [])
        return self._stored(tx.session, earlier, opened)

    def reply_details(self, state: Answer) -> dict[str, Any]:
        return {
            "query_id": state.results.query_id,
            "results": len(state.results.results),
            "from_cache": state.results.from_cache,
            "subjects": state.subjects,
        }

    def reply(self, request: pb.SearchQuery, receipt: pb.Receipt, state: Answer) -> bytes:
        reply = pb.SearchResults()
        reply.CopyFrom(state.results)
        reply.receipt.CopyFrom(receipt)
        return reply.SerializeToString(deterministic=True)

    # -- limits --------------------------------------------------------------------

    def _check_budget(self, session: Session, requester: str, now: datetime) -> None:
        for window, limit in (
            (timedelta(minutes=1), self.cfg.queries_per_minute),
            (timedelta(hours=1), self.cfg.queries_per_hour),
        ):
            bind = {"requester": requester, "since": now - window}
            connection = session.connection()
            count = int(connection.execute(_COUNT_SINCE, bind).scalar() or 0)
            if count < limit:
                continue
            # the window frees a slot when the oldest of the last `limit` answers leaves it
            oldest = connection.execute(_NTH_SINCE, {**bind, "skip": count - limit}).scalar()
            retry = (oldest or now) + window
            raise Rejection(
                "RESOURCE_EXHAUSTED",
                "budget_exhausted",
                f"query budget used up: this node answers {limit} queries per "
                f"{_window_name(window)} from your node; retry after "
                f"{retry.astimezone(UTC).isoformat(timespec='seconds')}",
            )

    def _exposure(
        self, session: Session, requester: str, ids: list[str], now: datetime
    ) -> Counter[str]:
        if not ids:
            return Counter()
        since = now - timedelta(days=self.cfg.results_days)
        rows = session.connection().execute(
            _EXPOSURE, {"requester": requester, "ids": ids, "since": since}
        )
        return Counter({cid: int(n) for cid, n in rows})

    # -- answers -------------------------------------------------------------------

    def _rank(
        self,
        session: Session,
        request: pb.SearchQuery,
        requester: str,
        opened: OpenedMessage,
        now: datetime,
    ) -> Answer:
        matcher, pool = self.rt.matcher(), self.rt.pool()
        job = [
            JobSkill(matcher.taxonomy.skill(s.uri).index, s.uri, s.weight, s.essential)
            for s in request.skills
        ]
        top = min(request.top_k or self.cfg.max_results, self.cfg.max_results)
        matches = rank(
            pool, matcher, job, filters_for_facts(request.facts), min(MAX_TOP, top * SHORTLIST), now
        )
        shown = self._exposure(session, requester, [m.candidate_id for m in matches], now)
        kept = [m for m in matches if shown[m.candidate_id] < self.cfg.exposure_cap][:top]
        groups = group_sizes(pool, now)
        with pool.lock:
            entries = {m.candidate_id: pool.entries.get(m.candidate_id) for m in kept}
        nonce = secrets.token_hex(16)
        expires = now + timedelta(days=self.cfg.results_days)
        uris = [s.uri for s in request.skills]
        answer = Answer(pb.SearchResults(query_id=request.query_id), [])
        issued: list[dict[str, Any]] = []
        for match in kept:
            entry = entries[match.candidate_id]
            if entry is None:  # erased while this query was ranked
                continue
            region, band, available = generalize(
                quasi_identifiers(entry.regions, entry.experience_years, entry.available_from, now),
                groups,
                self.cfg.k_anonymity,
            )
            pseudonym = self.rt.candidates.pseudonym(
                match.candidate_id, f"federation/{requester}/{nonce}"
            )
            answer.results.results.append(
                pb.SearchResult(
                    pseudonym=pseudonym,
                    score=quantize(match.score),
                    matched_mask=skill_mask(uris, set(match.matched)),
                    region=region,
                    experience_band=band,
                    availability=available,
                )
            )
            answer.subjects.append(self._commitment(match.candidate_id, opened))
            issued.append(
                {
                    "pseudonym": pseudonym,
                    "requester": requester,
                    "query_id": request.query_id,
                    "candidate_id": match.candidate_id,
                    "issued_at": now,
                    "expires_at": expires,
                }
            )
        if issued:  # Core executemany: the ORM costs more than the insert here
            session.connection().execute(insert(_IR), issued)
        return answer

    def _cached(
        self, session: Session, requester: str, skills: list[str], facts_sha: str, now: datetime
    ) -> _Stored | None:
        if self.cfg.cache_hours == 0:
            return None
        since = now - timedelta(hours=self.cfg.cache_hours)
        recent = session.connection().execute(
            _RECENT_SAME_FACTS, {"requester": requester, "since": since, "facts": facts_sha}
        )
        wanted = set(skills)
        for row in recent:
            stored = _Stored(*row)
            have = set(stored.skills)
            if len(wanted & have) / len(wanted | have) >= CACHE_SIMILARITY:
                return stored
        return None

    def _from_cache(
        self,
        session: Session,
        cached: _Stored,
        request: pb.SearchQuery,
        opened: OpenedMessage,
        now: datetime,
    ) -> Answer:
        """The earlier answer, minus candidates who since withdrew, expired or were erased.

        Masks are re-expressed over the new query's skills from the old masks alone: a
        skill the earlier query did not name shows as not matched, so asking again with
        one more skill learns nothing new. At most top-k results, as asked.
        """
        answer = self._stored(session, cached, opened, now=now)
        old = list(cached.skills)
        new = [s.uri for s in request.skills]
        top = min(request.top_k or self.cfg.max_results, self.cfg.max_results)
        del answer.results.results[top:]
        del answer.subjects[top:]
        for result in answer.results.results:
            matched = {old[i] for i in mask_bits(result.matched_mask, len(old))}
            result.matched_mask = skill_mask(new, matched)
        answer.results.query_id = request.query_id
        answer.results.from_cache = True
        return answer

    def _stored(
        self,
        session: Session,
        row: _Stored,
        opened: OpenedMessage,
        now: datetime | None = None,
    ) -> Answer:
        stored = pb.SearchResults.FromString(row.reply)
        pseudonyms = [r.pseudonym for r in stored.results]
        owners: dict[str, str] = {}
        if pseudonyms:
            owners = dict(session.connection().execute(_OWNERS, {"pseudonyms": pseudonyms}).all())
        results = pb.SearchResults(query_id=stored.query_id, from_cache=stored.from_cache)
        answer = Answer(results, [])
        pool = self.rt.pool()
        for result in stored.results:
            cid = owners.get(result.pseudonym)
            if cid is None:  # erased, or the result expired
                continue
            with pool.lock:
                entry = pool.entries.get(cid)
            if now is not None and (
                entry is None or not _consented(entry.consents.get(CONSENT_PURPOSE), now)
            ):
                continue
            answer.results.results.append(result)
            answer.subjects.append(self._commitment(cid, opened))
        return answer

    def _commitment(self, cid: str, opened: OpenedMessage) -> str:
        """Links the log entry to the candidate only while their key exists (Art. 15
        export can find it; after erasure nobody can)."""
        return self.rt.candidates.pseudonym(cid, f"log/{opened.header.message_id}")


# ---------------------------------------------------------------- pure helpers


def check_query(query: pb.SearchQuery, known: Any) -> None:
    """Refuse malformed and vague queries with a message the requester can act on."""
    if not 0 < len(query.query_id) <= 64:
        raise _invalid("query_id must be 1 to 64 characters")
    if len(query.skills) > MAX_SKILLS:
        raise _invalid(f"a query may name at most {MAX_SKILLS} skills")
    uris = [s.uri for s in query.skills]
    if len(set(uris)) != len(uris):
        raise _invalid("a skill is named twice")
    unknown = [u for u in uris if not known(u)]
    if unknown:
        raise _invalid(f"{len(unknown)} skill URIs are not in the shared taxonomy")
    if any(not 0 < s.weight <= 1 for s in query.skills):
        raise _invalid("skill weights must be in (0, 1]")
    if len(uris) < MIN_SKILLS or not any(s.essential for s in query.skills):
        raise Rejection(
            "FAILED_PRECONDITION",
            "query_too_vague",
            f"query too vague to be a real job: it needs at least {MIN_SKILLS} skills, "
            "at least one of them essential; describe the job's tasks in the posting",
        )
    facts = query.facts
    if facts.region and facts.region != "DE" and not REGION_RE.match(facts.region):
        raise _invalid("facts.region is not a Land (DE-SH) or Kreis (01002) code")
    if any(t not in EMPLOYMENT_TYPES for t in facts.employment_types):
        raise _invalid(f"facts.employment_types must be among {', '.join(EMPLOYMENT_TYPES)}")
    for name in ("licences", "qualifications"):
        values = getattr(facts, name)
        if len(values) > MAX_FACT_ITEMS or any(len(v) > 100 for v in values):
            raise _invalid(f"facts.{name}: at most {MAX_FACT_ITEMS} items of 100 characters")
    if len(facts.title) > 200:
        raise _invalid("facts.title is longer than 200 characters")
    if facts.start_date:
        try:
            date.fromisoformat(facts.start_date)
        except ValueError:
            raise _invalid("facts.start_date is not YYYY-MM-DD") from None


def filters_for_facts(facts: pb.JobFacts) -> Filters:
    return Filters(
        purpose=CONSENT_PURPOSE,
        region=facts.region or None,
        employment_types=tuple(facts.employment_types),
        licences=tuple(facts.licences),
        qualifications=tuple(facts.qualifications),
        available_by=date.fromisoformat(facts.start_date) if facts.start_date else None,
    )


def facts_fingerprint(facts: pb.JobFacts) -> str:
    """The facts that filter candidates; a changed title alone is the same job."""
    body = canonical_json(
        {
            "region": facts.region,
            "employment_types": sorted(facts.employment_types),
            "licences": sorted(facts.licences),
            "qualifications": sorted(facts.qualifications),
            "start_date": facts.start_date,
        }
    )
    return hashlib.sha256(body).hexdigest()


def quantize(score: float) -> int:
    """0..1 to 0..100 in steps of 5: enough to rank, too coarse to fingerprint."""
    return int(max(0, min(100, round(score * 100 / SCORE_STEP) * SCORE_STEP)))


def skill_mask(query_uris: list[str], matched: set[str]) -> bytes:
    """Bit i (byte i // 8, bit i % 8, least significant first) set: query skill i matches."""
    mask = bytearray((len(query_uris) + 7) // 8)
    for i, uri in enumerate(query_uris):
        if uri in matched:
            mask[i // 8] |= 1 << (i % 8)
    return bytes(mask)


def mask_bits(mask: bytes, count: int) -> list[int]:
    """Indexes of the set bits among the first ``count``."""
    return [i for i in range(count) if i // 8 < len(mask) and mask[i // 8] >> (i % 8) & 1]


def availability_bucket(available_from: date | None, today: date) -> str:
    days = 0 if available_from is None else (available_from - today).days
    for limit, name in AVAILABILITY_BUCKETS:
        if days <= limit:
            return name
    return "later"


Quasi = tuple[str, str, str]  # region (Land), experience band, availability


def quasi_identifiers(
    regions: list[str], years: float | None, available_from: date | None, now: datetime
) -> Quasi:
    region = (land_of(regions[0]) or "") if regions else ""
    band = experience_band(years)
    available = availability_bucket(available_from, now.date())
    return region, "" if band == "unknown" else band, available


def group_sizes(pool: CandidatePool, now: datetime) -> Counter[tuple[str, ...]]:
    """How many federation candidates share each (region, band, availability) prefix."""

    def compute() -> tuple[Counter[tuple[str, ...]], datetime]:
        counts: Counter[tuple[str, ...]] = Counter()
        tomorrow = datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=UTC)
        valid_until = tomorrow  # availability buckets move with the date
        for entry in pool.entries.values():
            expires = entry.consents.get(CONSENT_PURPOSE)
            if not _consented(expires, now):
                continue
            assert expires is not None
            valid_until = min(valid_until, expires)
            q = quasi_identifiers(entry.regions, entry.experience_years, entry.available_from, now)
            for level in range(4):
                counts[q[:level]] += 1
        return counts, valid_until

    return pool.memo(("group_sizes", CONSENT_PURPOSE), now, compute)


def generalize(q: Quasi, groups: Counter[tuple[str, ...]], k: int) -> Quasi:
    """Withhold facts from the most specific end until at least k candidates share them."""
    for level in (3, 2, 1):
        if groups[q[:level]] >= k:
            kept = list(q[:level]) + [""] * (3 - level)
            return kept[0], kept[1], kept[2]
    return "", "", ""


def _consented(expires: datetime | None, now: datetime) -> bool:
    return expires is not None and expires > now


def _answered(session: Session, requester: str, query_id: str) -> _Stored | None:
    row = (
        session.connection()
        .execute(_ANSWERED, {"requester": requester, "query_id": query_id})
        .first()
    )
    return None if row is None else _Stored(*row)


def _window_name(window: timedelta) -> str:
    return "minute" if window <= timedelta(minutes=1) else "hour"


def _invalid(message: str) -> Rejection:
    return Rejection("INVALID_ARGUMENT", "bad_query", message)
