"""Art. 15 GDPR: the exchanges that involved one candidate, found in the exchange log.

The exchange log holds no candidate ids. Where an entry concerns a candidate it
holds a *keyed commitment*: ``CandidateService.pseudonym(cid, context)``, an HMAC
under the candidate's own pseudonym key over a context that names the message:

* a search answer (``out``, ``search.results``): ``details["subjects"]`` lists one
  commitment per candidate shown, with context ``"log/" + details["in_reply_to"]``
  (the message id of the peer's query; ``answering.SearchHandler._commitment``);
* an introduction decision (``local``, ``introduction.decision``):
  ``details["subject"]`` with context ``"log/" + intro_id``
  (``introductions.respond``).

To answer an access request the node recomputes the candidate's commitment for
each such entry (one HMAC per entry, one pass over the log) and keeps the entries
where it matches. Introductions requested for the candidate are in the
``introductions`` table (holder side) directly; the log entries of the request
and of the answer sent to the employer are found by their ``intro_id``.

Once the candidate is erased their key is gone (crypto-shredding): nobody, the
node included, can recompute a commitment, so nothing in the log links to them
any more, and a new registration of the same person finds nothing.

Each exchange is a JSON object::

    {"time": "YYYY-MM-DDTHH:MM:SS.mmmZ", "peer_id": str, "peer_name": str | null,
     "what": "search result given" | "introduction requested"
             | "introduction decision recorded" | "introduction answer sent",
     "job_title": str | null, "introduction_requested": bool,
     "introduction_status": str | null, "introduction_id": str | null,
     "query_id": str | null, "outcome": str | null, "log_seq": int | null}

``log_seq`` is the entry's position in the exchange log, so a DPO can prove it
with ``audit prove``. Erasure notices (Art. 19) are sent only when the candidate
is erased, so they never appear in an export: there is nobody left to export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentverbund.node.federation.answering import RESULTS
from talentverbund.node.federation.exchange_log import format_logged_at
from talentverbund.node.federation.introductions import INTRO_REQUEST, NOTICE
from talentverbund.node.storage.models import ExchangeLogEntry, Introduction, IssuedResult, Peer

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

DECISION = "introduction.decision"
RESULT_GIVEN = "search result given"
INTRO_REQUESTED = "introduction requested"
DECISION_RECORDED = "introduction decision recorded"
ANSWER_SENT = "introduction answer sent"
_SCANNED = (RESULTS, INTRO_REQUEST, DECISION, NOTICE)
_BATCH = 1000

Commit = Callable[[str], str]


def exchanges_of(rt: NodeRuntime, cid: str) -> list[dict[str, Any]]:
    """Every exchange the log and the introductions table link to candidate ``cid``.

    Raises NotFound when the candidate does not exist or was erased (no key).
    """

    def commit(context: str) -> str:
        return rt.candidates.pseudonym(cid, context)

    commit("log/")  # fails now, not mid-scan, for an unknown or erased candidate
    with rt.sessions() as session:
        intros = {
            i.id: i
            for i in session.scalars(
                select(Introduction).where(
                    Introduction.side == "holder", Introduction.candidate_id == cid
                )
            )
        }
        names = {str(k): str(v) for k, v in session.execute(select(Peer.node_id, Peer.name))}
        issued_query = {
            str(p): str(q)
            for p, q in session.execute(
                select(IssuedResult.pseudonym, IssuedResult.query_id).where(
                    IssuedResult.candidate_id == cid
                )
            )
        }
        session.expunge_all()
        found = list(_scan(session, commit, intros))
    # which query each introduction was for: from its request entry, else from the
    # pseudonym it names while that result is still held
    intro_query: dict[str, str] = {
        i.id: issued_query[i.pseudonym] for i in intros.values() if i.pseudonym in issued_query
    }
    requested_seq: dict[str, tuple[int, datetime]] = {}
    for item, logged_at in found:
        if item["what"] == INTRO_REQUESTED:
            intro_id = item["introduction_id"]
            requested_seq.setdefault(intro_id, (item["log_seq"], logged_at))
            if item["query_id"]:
                intro_query.setdefault(intro_id, item["query_id"])
    by_query = {(intros[i].peer_id, q): intros[i] for i, q in intro_query.items() if i in intros}
    exchanges: list[dict[str, Any]] = []
    for item, _ in found:
        if item["what"] == INTRO_REQUESTED:
            continue  # listed below from the introductions table, once each
        if item["what"] == RESULT_GIVEN:
            intro = by_query.get((item["peer_id"], item["query_id"]))
        else:
            intro = intros.get(item["introduction_id"] or "")
        exchanges.append(_with_intro(item, intro))
    for intro in intros.values():
        seq, logged_at = requested_seq.get(intro.id, (None, intro.requested_at))
        item = _item(INTRO_REQUESTED, logged_at, intro.peer_id, seq)
        item["introduction_id"] = intro.id
        item["query_id"] = intro_query.get(intro.id)
        exchanges.append(_with_intro(item, intro))
    for item in exchanges:
        item["peer_name"] = names.get(item["peer_id"] or "")
    exchanges.sort(key=lambda e: (e["time"], e["log_seq"] or 0))
    return exchanges


def _scan(
    session: Session, commit: Commit, intros: dict[str, Introduction]
) -> Iterator[tuple[dict[str, Any], datetime]]:
    """One pass over the log entries that can concern a candidate, oldest first."""
    log = ExchangeLogEntry
    rows = session.execute(
        select(log.seq, log.logged_at, log.direction, log.peer_id, log.msg_type, log.details)
        .where(log.msg_type.in_(_SCANNED))
        .order_by(log.seq)
        .execution_options(yield_per=_BATCH)
    )
    for seq, logged_at, direction, peer_id, msg_type, details in rows:
        details = details if isinstance(details, dict) else {}
        if direction == "out" and msg_type == RESULTS:
            subjects, reply_to = details.get("subjects"), details.get("in_reply_to")
            if (
                isinstance(subjects, list)
                and subjects
                and isinstance(reply_to, str)
                and commit(f"log/{reply_to}") in subjects
            ):
                item = _item(RESULT_GIVEN, logged_at, peer_id, seq)
                item["query_id"] = _text(details.get("query_id"))
                yield item, logged_at
            continue
        intro_id = _text(details.get("intro_id"))
        if intro_id is None:
            continue
        if direction == "local" and msg_type == DECISION:
            if details.get("subject") != commit(f"log/{intro_id}"):
                continue
            item = _item(DECISION_RECORDED, logged_at, peer_id, seq)
        else:
            intro = intros.get(intro_id)
            if intro is None or intro.peer_id != peer_id:
                continue  # an id another node chose, not this candidate's introduction
            if direction == "in" and msg_type == INTRO_REQUEST:
                item = _item(INTRO_REQUESTED, logged_at, peer_id, seq)
                item["query_id"] = _text(details.get("query_id"))
            elif direction == "out" and msg_type == NOTICE:
                item = _item(ANSWER_SENT, logged_at, peer_id, seq)
                item["outcome"] = _text(details.get("outcome"))
            else:
                continue
        item["introduction_id"] = intro_id
        yield item, logged_at


def _item(what: str, logged_at: datetime, peer_id: str | None, seq: int | None) -> dict[str, Any]:
    return {
        "time": format_logged_at(logged_at),
        "peer_id": peer_id,
        "peer_name": None,
        "what": what,
        "job_title": None,
        "introduction_requested": False,
        "introduction_status": None,
        "introduction_id": None,
        "query_id": None,
        "outcome": None,
        "log_seq": seq,
    }


def _with_intro(item: dict[str, Any], intro: Introduction | None) -> dict[str, Any]:
    if intro is not None:
        item["job_title"] = _text(intro.job.get("title"))
        item["introduction_requested"] = True
        item["introduction_status"] = intro.status
        item["introduction_id"] = intro.id
    return item


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
