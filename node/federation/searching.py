"""Federated search at the requesting node: one query to every peer, one ranking back.

The job's skill set and public facts go to every active peer at once, each call
under the same deadline; the local pool is searched meanwhile. Answers are checked
(our query id, no more results than asked, no duplicate pseudonyms, masks and
facts in range) before anything of them is stored; a bad answer is reported and
dropped whole. All exchange-log entries and the stored results commit in one
transaction, so a search costs one disk sync however many peers answer.
Results expire after ``federation.results_days`` unless an introduction was
requested for them.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert

from talentverbund.node.errors import UsageError
from talentverbund.node.federation.answering import (
    AVAILABILITY_BUCKETS,
    LOG_PURPOSE,
    QUERY,
    RESULTS,
    availability_bucket,
    mask_bits,
    quantize,
)
from talentverbund.node.federation.client import Call, Exchange, FederationClient
from talentverbund.node.federation.errors import FederationCallError
from talentverbund.node.federation.exchange_log import LogTransaction
from talentverbund.node.federation.trust import TrustedPeer
from talentverbund.node.jobstore import filters_for, load_job
from talentverbund.node.matcher import JobSkill
from talentverbund.node.search import check_top, rank
from talentverbund.node.storage.models import AnsweredQuery, FederatedResult, IssuedResult, Job
from talentverbund.protocol.v1 import federation_pb2 as pb

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

SEARCH_CALL = Call("Search", QUERY, RESULTS, pb.SearchResults, purpose=LOG_PURPOSE)
DEFAULT_TIMEOUT = 5.0
TRANSPORT_TROUBLE = ("UNAVAILABLE", "DEADLINE_EXCEEDED", "PERMISSION_DENIED", "UNAUTHENTICATED")
MAX_TIMEOUT = 60.0
BANDS = {"", "0-2", "3-5", "6-10", ">10"}
AVAILABILITY = {"", "later", *(name for _, name in AVAILABILITY_BUCKETS)}


@dataclass
class PeerAnswer:
    """What one peer contributed to a search, or why it did not."""

    peer: TrustedPeer
    exchange: Exchange | None = None
    status: str = "timeout"
    reason: str = ""
    results: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    final: bool = False  # judged before the deadline

    def to_json(self) -> dict[str, Any]:
        done = self.exchange
        return {
            "node_id": self.peer.node_id,
            "name": self.peer.name,
            "status": self.status,
            "results": self.results,
            "from_cache": bool(done and done.ok and done.reply.from_cache),
            "rtt_ms": round(done.rtt_ms, 1) if done and done.ok else None,
            "reason": self.reason,
        }


def build_facts(job: Job) -> pb.JobFacts:
    """The job's public facts as sent to peers (a posting is public information)."""
    facts = job.facts
    return pb.JobFacts(
        title=job.title[:200],
        region=facts.get("region") or "",
        employment_types=facts.get("employment_types", []),
        licences=facts.get("licences", []),
        qualifications=facts.get("qualifications", []),
        start_date=facts.get("start_date") or "",
    )


def build_query(job: Job, skills: list[JobSkill], query_id: str, top: int) -> pb.SearchQuery:
    return pb.SearchQuery(
        query_id=query_id,
        skills=[pb.SkillWeight(uri=s.uri, weight=s.weight, essential=s.essential) for s in skills],
        facts=build_facts(job),
        top_k=top,
    )


def answer_problem(reply: pb.SearchResults, query: pb.SearchQuery) -> str:
    """Why a peer's answer cannot be used ("" when it can)."""
    if reply.query_id != query.query_id:
        return "the answer is for another query"
    if len(reply.results) > query.top_k:
        return f"{len(reply.results)} results, {query.top_k} were asked for"
    seen: set[str] = set()
    mask_len = (len(query.skills) + 7) // 8
    for result in reply.results:
        if not result.pseudonym or len(result.pseudonym) > 40 or result.pseudonym in seen:
            return "a pseudonym is missing, too long or duplicated"
        seen.add(result.pseudonym)
        if result.score > 100 or len(result.matched_mask) > mask_len:
            return "a score or skill mask is out of range"
        if (
            result.experience_band not in BANDS
            or result.availability not in AVAILABILITY
            or len(result.region) > 16
        ):
            return "a result carries facts outside the protocol's vocabulary"
    return ""


def purge_expired_results(rt: NodeRuntime, now: datetime) -> int:
    """Expired results go, on both sides: ours (nobody asked an introduction for them),
    the pseudonyms we issued, and answered queries older than cache and budget windows."""
    keep_queries = max(timedelta(hours=rt.config.federation.cache_hours), timedelta(hours=1))
    with rt.sessions.begin() as session:
        gone = session.execute(
            delete(FederatedResult).where(
                FederatedResult.expires_at.is_not(None), FederatedResult.expires_at <= now
            )
        )
        session.execute(delete(IssuedResult).where(IssuedResult.expires_at <= now))
        session.execute(
            delete(AnsweredQuery).where(AnsweredQuery.answered_at <= now - keep_queries)
        )
    return int(getattr(gone, "rowcount", 0) or 0)


Progress = Callable[[dict[str, Any]], None]


def federated_search(
    rt: NodeRuntime,
    job_id: str,
    top: int,
    timeout: float,
    *,
    local_only: bool = False,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Search the local pool and every peer; merged, ranked, with who answered.

    ``progress`` (the web interface) is called with each part as it arrives: the
    local results, then each peer's checked answer, from the fan-out threads.
    """
    if not 0 < timeout <= MAX_TIMEOUT:
        raise UsageError(f"--timeout must be in (0, {MAX_TIMEOUT:g}] seconds", "e.g. --timeout 5")
    check_top(top)
    deadline = time.monotonic() + timeout
    matcher = rt.matcher()
    job, skills = load_job(rt.sessions, matcher, job_id)
    now = rt.clock()  # expired results are purged by serve's upkeep, not on this path
    fed = rt.federation()
    query = build_query(job, skills, "q" + secrets.token_hex(12), top)
    peers = [] if local_only else fed.trust.snapshot().peers.values()
    answers = [PeerAnswer(peer) for peer in peers]
    label = {s.uri: matcher.taxonomy.skill(s.uri).label("de") for s in skills}
    names = {a.peer.node_id: a.peer.name for a in answers}
    expires = now + timedelta(days=rt.config.federation.results_days)
    round_ = _Round()

    def finished(answer: PeerAnswer) -> None:  # in a fan-out thread
        with round_.lock:
            if round_.closed:
                return  # too late: the answer was already given without this peer
            _check(answer, query, job.id, expires)
            answer.final = True
            if progress is not None:
                remote = [_remote_json(row, names, skills, label) for row in answer.rows]
                progress({"event": "peer", "peer": answer.to_json(), "results": remote})

    pending = _ask_all(FederationClient(fed), answers, query, deadline, finished)
    local = _local(rt, job, skills, top, now)
    if progress is not None:
        progress({"event": "local", "results": local})
    wait(pending, timeout=max(0.0, deadline - time.monotonic()) + 0.2)
    with round_.lock:
        round_.closed = True
    for answer in answers:
        if not answer.final:  # no answer by the deadline
            answer.exchange = None
            answer.reason = answer.reason or "no answer before the deadline"
    rows = [row for answer in answers for row in answer.rows]
    remote = [_remote_json(row, names, skills, label) for row in rows]
    merged = sorted(local + remote, key=lambda r: (-r["score"], r["node"], r["pseudonym"]))[:top]
    shown = {r["result_id"] for r in merged}

    def store(tx: LogTransaction) -> None:  # only what the recruiter sees is kept
        kept = [row for row in rows if row["id"] in shown]
        if kept:
            tx.session.connection().execute(insert(FederatedResult), kept)

    exchanges = [a.exchange for a in answers if a.exchange is not None]
    FederationClient(fed).record(exchanges, store)
    return {
        "job": {"id": job.id, "title": job.title},
        "query_id": query.query_id,
        "model_id": matcher.model_id,
        "searched": len(rt.pool()),
        "results": merged,
        "peers": [a.to_json() for a in answers],
        "node": rt.config.name,
    }


@dataclass
class _Round:
    """One search's fan-out: answers are accepted until the deadline closes it."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    closed: bool = False


def _ask_all(
    client: FederationClient,
    answers: list[PeerAnswer],
    query: pb.SearchQuery,
    deadline: float,
    finished: Callable[[PeerAnswer], None],
) -> list[Future[None]]:
    if not answers:
        return []
    payload = query.SerializeToString(deterministic=True)
    executor = ThreadPoolExecutor(max_workers=min(32, len(answers)), thread_name_prefix="fanout")

    def ask(answer: PeerAnswer) -> None:
        try:
            peer = client.peer(answer.peer.node_id)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                answer.reason = "the deadline passed before the query could be sent"
                return
            answer.exchange = client.exchange(peer, SEARCH_CALL, payload, timeout=remaining)
        except FederationCallError as exc:  # no certificate, no valid encryption key, ...
            answer.status, answer.reason = exc.status.lower(), exc.message
        finished(answer)

    pending = [executor.submit(ask, answer) for answer in answers]
    executor.shutdown(wait=False)  # the caller waits up to the deadline, never longer
    return pending


def _check(answer: PeerAnswer, query: pb.SearchQuery, job_id: str, expires: datetime) -> None:
    """Judge one peer's answer; its rows (plain: most are never stored) if it is good."""
    done = answer.exchange
    if done is None:
        return
    if not done.ok:
        answer.status, answer.reason = done.status.lower(), done.detail
        if done.status in TRANSPORT_TROUBLE:
            answer.reason += f" ({done.hint})"
        return
    reply: pb.SearchResults = done.reply
    done.details = {"query_id": query.query_id, "results": len(reply.results)}
    problem = answer_problem(reply, query)
    if problem:
        answer.status, answer.reason = "bad_answer", problem
        done.status, done.detail = "bad_answer", problem
        return
    answer.status, answer.results = "answered", len(reply.results)
    received = done_time(done)
    uris = [s.uri for s in query.skills]
    answer.rows = [
        {
            "id": "r" + secrets.token_hex(6),
            "job_id": job_id,
            "query_id": query.query_id,
            "peer_id": answer.peer.node_id,
            "pseudonym": result.pseudonym,
            "score": int(result.score),
            "matched": [uris[i] for i in mask_bits(result.matched_mask, len(uris))],
            "region": result.region,
            "experience_band": result.experience_band,
            "availability": result.availability,
            "received_at": received,
            "expires_at": expires,
        }
        for result in reply.results
    ]


def done_time(done: Exchange) -> datetime:
    return datetime.fromtimestamp(done.sent_ms / 1000, UTC)


def _local(
    rt: NodeRuntime, job: Job, skills: list[JobSkill], top: int, now: datetime
) -> list[dict[str, Any]]:
    matcher = rt.matcher()
    label = {s.uri: matcher.taxonomy.skill(s.uri).label("de") for s in skills}
    matches = rank(rt.pool(), matcher, skills, filters_for(job, "local"), top, now)
    return [
        {
            "result_id": None,
            "node": rt.config.name,
            "node_id": None,
            "pseudonym": rt.candidates.pseudonym(m.candidate_id, f"local/{job.id}"),
            "score": quantize(m.score),
            "similarity": m.similarity,
            "coverage": m.coverage,
            "matched": [label[u] for u in m.matched],
            "missing_essential": [label[u] for u in m.missing_essential],
            "region": m.region or "",
            "experience": m.experience_band,
            "availability": availability_bucket(m.available_from, now.date()),
        }
        for m in matches
    ]


def _remote_json(
    row: dict[str, Any], names: dict[str, str], skills: list[JobSkill], label: dict[str, str]
) -> dict[str, Any]:
    matched = set(row["matched"])
    return {
        "result_id": row["id"],
        "node": names.get(row["peer_id"], row["peer_id"]),
        "node_id": row["peer_id"],
        "pseudonym": row["pseudonym"],
        "score": row["score"],
        "matched": [label[u] for u in row["matched"] if u in label],
        "missing_essential": [label[s.uri] for s in skills if s.essential and s.uri not in matched],
        "region": row["region"],
        "experience": row["experience_band"],
        "availability": row["availability"],
    }
