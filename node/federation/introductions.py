"""Introductions: the one way a candidate's identity crosses to another employer.

Requesting node (the recruiter)
    ``introduce DIR RESULT_ID`` sends an ``IntroductionRequest`` (the result's
    pseudonym, the recruiter's message, the job's public facts) to the node holding
    the result. The answer arrives later as a ``Notice``: ``ACCEPTED`` with the
    candidate's contact card, or ``NOT_ACCEPTED``.

Holding node (the candidate's municipality)
    Records the request and notifies the candidate (outbox: a file for the operator,
    or e-mail). ``candidate respond DIR INTRO_ID accept|decline``: on accept, the
    contact card goes at once, sealed to the requesting node only. Otherwise the
    requester gets one answer, "not accepted", when the response period ends,
    whether the candidate declined, never answered, had withdrawn consent or had
    reached the cap on requests: neither the answer nor its timing tells which.

Every message goes through the outbox (``channel = peer``), re-sealed with a fresh
timestamp on each attempt but with the same message id, so a retry after an outage
is answered with the original receipt and never acted on twice. Notices that hold
personal data are sealed at rest under the candidate's key: erasing the candidate
before delivery shreds them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from google.protobuf.message import DecodeError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from talentverbund.crypto import atrest
from talentverbund.crypto.envelope import OpenedMessage
from talentverbund.node.errors import NodeError, NotFound, UsageError
from talentverbund.node.federation.answering import CONSENT_PURPOSE, LOG_PURPOSE
from talentverbund.node.federation.client import Call, FederationClient
from talentverbund.node.federation.errors import Rejection
from talentverbund.node.federation.exchange_log import LogRecord, LogTransaction
from talentverbund.node.federation.searching import build_facts
from talentverbund.node.storage.models import (
    Consent,
    ExchangeLogEntry,
    FederatedResult,
    Introduction,
    IssuedResult,
    Job,
    Outbox,
)
from talentverbund.protocol.v1 import federation_pb2 as pb

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

log = logging.getLogger("talentverbund.introductions")

INTRO_REQUEST = "introduction.request"
INTRO_REPLY = "introduction.reply"
NOTICE = "notice"
NOTICE_REPLY = "notice.reply"
INTRODUCE_CALL = Call("Introduce", INTRO_REQUEST, INTRO_REPLY, pb.IntroductionAnswer, LOG_PURPOSE)
NOTIFY_CALL = Call("Notify", NOTICE, NOTICE_REPLY, pb.NoticeReply, LOG_PURPOSE)
ACCEPTED = pb.IntroductionAnswer.ACCEPTED
NOT_ACCEPTED = pb.IntroductionAnswer.NOT_ACCEPTED
ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
MAX_MESSAGE = 2000
MAX_CONTACT = 3 * 1024 * 1024
CALL_TIMEOUT = 10.0
MAX_BACKOFF = timedelta(hours=6)
OUTBOX_BATCH = 50
DEFAULT_MESSAGE = (
    "Guten Tag, Ihr Profil passt gut zu unserer Stelle. Wir würden Sie gern kennenlernen."
)


# ---------------------------------------------------------------- requesting node


def request_introduction(rt: NodeRuntime, result_id: str, message: str) -> dict[str, Any]:
    """Ask the holding node to introduce the candidate behind one of our results."""
    message = (message or DEFAULT_MESSAGE).strip()
    if len(message) > MAX_MESSAGE:
        raise UsageError(
            f"the message has {len(message)} characters",
            f"at most {MAX_MESSAGE}",
            code="message_too_long",
            params={"length": len(message), "limit": MAX_MESSAGE},
        )
    now = rt.clock()
    with rt.sessions() as session:
        result = session.get(FederatedResult, result_id)
        job = session.get(Job, result.job_id) if result is not None else None
        earlier = session.scalar(select(Introduction).where(Introduction.result_id == result_id))
        if earlier is None and result is not None:  # the same candidate under another result id
            earlier = session.scalar(
                select(Introduction).where(
                    Introduction.peer_id == result.peer_id,
                    Introduction.pseudonym == result.pseudonym,
                )
            )
    if result is None or job is None:
        raise NotFound(
            f"no result {result_id} on this node",
            "result ids are shown by 'talentverbund search DIR JOB_ID'; unused results "
            f"expire after {rt.config.federation.results_days} days",
            code="result_not_found",
            params={"days": rt.config.federation.results_days},
        )
    if earlier is not None:
        raise UsageError(
            f"an introduction for {result_id} was already requested ({earlier.id}, "
            f"{earlier.status})",
            "see: talentverbund introduction list DIR",
            code="introduction_exists",
            params={"intro_id": earlier.id},
        )
    if result.expires_at is not None and result.expires_at <= now:
        raise NotFound(
            f"result {result_id} expired on {result.expires_at:%Y-%m-%d}",
            "search again for a current result",
            code="result_expired",
            params={"date": f"{result.expires_at:%Y-%m-%d}"},
        )
    fed = rt.federation()
    if fed.trust.peer(result.peer_id) is None:
        raise NodeError(
            f"the node holding result {result_id} ({result.peer_id}) is no longer a peer",
            "ask its operator to renew the peering, then search again",
            code="peer_gone",
        )
    client = FederationClient(fed)
    peer = client.peer(result.peer_id)
    intro_id = "i" + secrets.token_hex(12)
    request = pb.IntroductionRequest(
        intro_id=intro_id,
        query_id=result.query_id,
        pseudonym=result.pseudonym,
        message=message,
        job=build_facts(job),
    )
    done = client.exchange(
        peer, INTRODUCE_CALL, request.SerializeToString(deterministic=True), timeout=CALL_TIMEOUT
    )
    done.details = {"intro_id": intro_id, "result_id": result_id}
    if not done.ok:
        client.record([done])
        raise done.error(f"introduction request to {peer.name}")
    reply: pb.IntroductionAnswer = done.reply
    respond_by = datetime.fromtimestamp(reply.respond_by_ms / 1000, UTC)

    def store(tx: LogTransaction) -> None:
        tx.session.add(
            Introduction(
                id=intro_id,
                side="requester",
                peer_id=peer.node_id,
                pseudonym=result.pseudonym,
                result_id=result_id,
                candidate_id=None,
                job={"id": job.id, "title": job.title},
                message=message,
                status="requested",
                requested_at=now,
                respond_by=respond_by,
            )
        )
        kept = tx.session.get(FederatedResult, result_id)
        if kept is not None:
            kept.expires_at = None  # kept while the introduction is open

    client.record([done], store)
    return {
        "id": intro_id,
        "result_id": result_id,
        "peer": peer.name,
        "status": "requested",
        "respond_by": respond_by.isoformat(timespec="seconds"),
    }


class NotifyHandler:
    """``Notify``: an introduction's outcome arriving at the requesting node.

    (Erasure notices use the same RPC; see :mod:`.erasure`.)
    """

    rpc = "Notify"
    message_type = NOTICE
    reply_type = NOTICE_REPLY
    purpose: str | None = LOG_PURPOSE

    def __init__(self, runtime: NodeRuntime, others: dict[str, Any] | None = None) -> None:
        self.rt = runtime
        # body name -> handler with check(notice, opened), details(notice), act(notice, opened, tx)
        self.others = others or {}

    def parse(self, opened: OpenedMessage) -> pb.Notice:
        try:
            notice = pb.Notice.FromString(opened.payload)
        except DecodeError:
            raise _invalid("the payload is not a Notice message") from None
        body = notice.WhichOneof("body")
        if body is None:
            raise _invalid("the Notice has no body")
        if body == "introduction_answer":
            answer = notice.introduction_answer
            if not ID_RE.match(answer.intro_id):
                raise _invalid("intro_id is malformed")
            if answer.outcome not in (
                ACCEPTED,
                NOT_ACCEPTED,
            ):
                raise _invalid("an introduction outcome must be ACCEPTED or NOT_ACCEPTED")
            if answer.outcome == NOT_ACCEPTED and answer.contact:
                raise _invalid("a NOT_ACCEPTED answer carries no contact card")
            if answer.outcome == ACCEPTED:
                _check_contact(answer.contact)
        elif body in self.others:
            self.others[body].check(notice, opened)
        else:
            raise Rejection(
                "UNIMPLEMENTED", "unsupported_notice", f"this node does not accept {body} notices"
            )
        return notice

    def details(self, request: pb.Notice) -> dict[str, Any]:
        body = request.WhichOneof("body")
        if body == "introduction_answer":
            answer = request.introduction_answer
            return {
                "notice": body,
                "intro_id": answer.intro_id,
                "outcome": pb.IntroductionAnswer.Outcome.Name(answer.outcome).lower(),
            }
        return {"notice": body, **self.others[body].details(request)}

    def act(
        self, request: pb.Notice, opened: OpenedMessage, tx: LogTransaction, received_ms: int
    ) -> None:
        body = request.WhichOneof("body")
        if body != "introduction_answer":
            self.others[body].act(request, opened, tx)
            return
        answer, session = request.introduction_answer, tx.session
        intro = session.get(Introduction, answer.intro_id)
        if intro is None or intro.side != "requester" or intro.peer_id != opened.header.sender:
            raise Rejection(
                "NOT_FOUND", "unknown_introduction", "this node requested no such introduction"
            )
        if intro.answered_at is not None:
            return
        now = self.rt.clock()
        intro.answered_at = now
        if answer.outcome == ACCEPTED:
            keys = self.rt.keystore.create_many([intro.id])[intro.id]
            intro.contact = atrest.seal(keys.data_key, answer.contact, _contact_aad(intro.id))
            intro.status = "accepted"
        else:
            intro.status = "not_accepted"
            result = session.get(FederatedResult, intro.result_id or "")
            if result is not None:
                session.delete(result)

    def replay(self, request: pb.Notice, opened: OpenedMessage, tx: LogTransaction) -> None:
        return None

    def reply_details(self, state: None) -> dict[str, Any]:
        return {}

    def reply(self, request: pb.Notice, receipt: pb.Receipt, state: None) -> bytes:
        return pb.NoticeReply(receipt=receipt).SerializeToString(deterministic=True)


def contact_card(rt: NodeRuntime, intro_id: str) -> dict[str, Any]:
    """The contact card of an accepted introduction (requesting side), decrypted."""
    with rt.sessions() as session:
        intro = session.get(Introduction, intro_id)
    if intro is None or intro.side != "requester":
        raise NotFound(
            f"no introduction {intro_id} requested by this node", "see: introduction list DIR"
        )
    if intro.contact is None:
        return {}
    keys = rt.keystore.get(intro_id)
    if keys is None:
        return {}  # shredded (erasure notice or retention)
    card: dict[str, Any] = json.loads(
        atrest.open_sealed(keys.data_key, intro.contact, _contact_aad(intro_id))
    )
    return card


# ---------------------------------------------------------------- holding node


class IntroduceHandler:
    """``Introduce``: a peer asks for one of the results we gave it."""

    rpc = "Introduce"
    message_type = INTRO_REQUEST
    reply_type = INTRO_REPLY
    purpose: str | None = LOG_PURPOSE

    def __init__(self, runtime: NodeRuntime) -> None:
        self.rt = runtime
        self.cfg = runtime.config.federation

    def parse(self, opened: OpenedMessage) -> pb.IntroductionRequest:
        try:
            request = pb.IntroductionRequest.FromString(opened.payload)
        except DecodeError:
            raise _invalid("the payload is not an IntroductionRequest message") from None
        if not ID_RE.match(request.intro_id) or not ID_RE.match(request.pseudonym):
            raise _invalid("intro_id or pseudonym is malformed")
        if len(request.message) > MAX_MESSAGE or len(request.job.title) > 200:
            raise _invalid(f"the message is limited to {MAX_MESSAGE} characters, the title to 200")
        return request

    def details(self, request: pb.IntroductionRequest) -> dict[str, Any]:
        return {"intro_id": request.intro_id, "query_id": request.query_id}

    def act(
        self,
        request: pb.IntroductionRequest,
        opened: OpenedMessage,
        tx: LogTransaction,
        received_ms: int,
    ) -> Introduction:
        session, requester, now = tx.session, opened.header.sender, self.rt.clock()
        existing = session.get(Introduction, request.intro_id)
        if existing is not None:
            if existing.side != "holder" or existing.peer_id != requester:
                raise Rejection("ALREADY_EXISTS", "intro_id_in_use", "choose another intro_id")
            return existing
        twice = session.scalar(
            select(func.count()).where(
                Introduction.peer_id == requester, Introduction.pseudonym == request.pseudonym
            )
        )
        if twice:
            raise Rejection(
                "ALREADY_EXISTS",
                "already_requested",
                "an introduction for this result was already requested; see its status",
            )
        issued = session.get(IssuedResult, request.pseudonym)
        if issued is None or issued.requester != requester or issued.expires_at <= now:
            raise Rejection(
                "NOT_FOUND",
                "unknown_result",
                "this node gave your node no current result with that pseudonym (it expired, "
                "or the candidate's data was deleted)",
            )
        cid = issued.candidate_id
        open_for_it = self._consented(session, cid, now) and self._under_cap(session, cid, now)
        intro = Introduction(
            id=request.intro_id,
            side="holder",
            peer_id=requester,
            pseudonym=request.pseudonym,
            result_id=None,
            candidate_id=cid,
            job=_facts_json(request.job),
            message=request.message,
            status="pending" if open_for_it else "declined",
            requested_at=now,
            respond_by=now + timedelta(days=self.cfg.response_days),
            decided_at=None if open_for_it else now,
        )
        session.add(intro)
        if open_for_it:
            peer = self.rt.federation().trust.peer(requester)
            notice = {
                "intro_id": intro.id,
                "employer": peer.name if peer is not None else requester,
                "job": intro.job,
                "message": intro.message,
                "respond_by": intro.respond_by.isoformat(timespec="seconds"),
            }
            session.add(
                Outbox(
                    created_at=now,
                    channel=self.rt.config.outbox.mode,
                    recipient=cid,
                    kind="introduction",
                    candidate_id=cid,
                    payload=self.rt.candidates.seal(
                        cid, "outbox", json.dumps(notice, ensure_ascii=False).encode()
                    ),
                    not_before=now,
                    attempts=0,
                )
            )
        return intro

    def replay(
        self, request: pb.IntroductionRequest, opened: OpenedMessage, tx: LogTransaction
    ) -> Introduction | None:
        return tx.session.get(Introduction, request.intro_id)

    def reply_details(self, state: Introduction | None) -> dict[str, Any]:
        return {"intro_id": state.id} if state is not None else {}

    def reply(
        self, request: pb.IntroductionRequest, receipt: pb.Receipt, state: Introduction | None
    ) -> bytes:
        respond_by = state.respond_by if state is not None else self.rt.clock()
        return pb.IntroductionAnswer(
            intro_id=request.intro_id,
            receipt=receipt,
            respond_by_ms=int(respond_by.timestamp() * 1000),
        ).SerializeToString(deterministic=True)

    def _consented(self, session: Session, cid: str, now: datetime) -> bool:
        return bool(
            session.scalar(
                select(func.count()).where(
                    Consent.candidate_id == cid,
                    Consent.purpose == CONSENT_PURPOSE,
                    Consent.withdrawn_at.is_(None),
                    Consent.expires_at > now,
                )
            )
        )

    def _under_cap(self, session: Session, cid: str, now: datetime) -> bool:
        since = now - timedelta(days=self.cfg.results_days)
        count = session.scalar(
            select(func.count()).where(
                Introduction.candidate_id == cid, Introduction.requested_at > since
            )
        )
        return int(count or 0) < self.cfg.introductions_per_candidate


def respond(
    rt: NodeRuntime,
    intro_id: str,
    decision: str,
    *,
    share_original: bool = False,
    disclose_disability: bool = False,
    recorded_by: str = "candidate",
) -> dict[str, Any]:
    """The candidate's answer (recorded by them or by staff on their behalf)."""
    if decision not in ("accept", "decline"):
        raise UsageError(f"unknown decision '{decision}'", "use accept or decline")
    now = rt.clock()
    fed = rt.federation()
    with fed.log.transaction() as tx:
        intro = tx.session.get(Introduction, intro_id)
        if intro is None or intro.side != "holder" or intro.candidate_id is None:
            raise NotFound(
                f"no introduction request {intro_id} for a candidate of this node",
                "see: talentverbund introduction list DIR",
            )
        if intro.status != "pending":
            raise UsageError(
                f"introduction {intro_id} was already answered ({intro.status})",
                "an answer cannot be changed; the employer may send a new request",
            )
        if intro.respond_by <= now:
            raise UsageError(
                f"the response period of {intro_id} ended on {intro.respond_by:%Y-%m-%d}",
                "the employer was told 'not accepted'; it may send a new request",
            )
        cid = intro.candidate_id
        intro.decided_at = now
        intro.status = "accepted" if decision == "accept" else "declined"
        intro.disclose_disability = disclose_disability and decision == "accept"
        tx.append(
            LogRecord(
                direction="local",
                actor=recorded_by[:64],
                msg_type="introduction.decision",
                purpose=LOG_PURPOSE,
                status="recorded",
                peer_id=intro.peer_id,
                details={
                    "intro_id": intro_id,
                    "subject": rt.candidates.pseudonym(cid, f"log/{intro_id}"),
                },
            )
        )
        if decision == "accept":
            card = rt.candidates.contact_card(
                cid, original=share_original, disability=disclose_disability
            )
            answer = pb.IntroductionAnswer(
                intro_id=intro_id,
                outcome=ACCEPTED,
                contact=json.dumps(card, ensure_ascii=False).encode(),
            )
            _queue_answer(rt, tx.session, intro, answer, now, sealed_for=cid)
    delivered = deliver_outbox(rt) if decision == "accept" else 0
    return {"id": intro_id, "status": intro.status, "sent_now": bool(delivered)}


def settle_due(rt: NodeRuntime) -> int:
    """At the end of each response period without acceptance: queue "not accepted"."""
    now = rt.clock()
    with rt.federation().log.transaction() as tx:  # serialized with respond()
        session = tx.session
        due = session.scalars(
            select(Introduction).where(
                Introduction.side == "holder",
                Introduction.status.in_(("pending", "declined")),
                Introduction.answered_at.is_(None),
                Introduction.respond_by <= now,
            )
        ).all()
        for intro in due:
            if intro.status == "pending":
                intro.status = "expired"
            answer = pb.IntroductionAnswer(intro_id=intro.id, outcome=NOT_ACCEPTED)
            _queue_answer(rt, session, intro, answer, now, sealed_for=None)
    return len(due)


def _queue_answer(
    rt: NodeRuntime,
    session: Session,
    intro: Introduction,
    answer: pb.IntroductionAnswer,
    now: datetime,
    sealed_for: str | None,
) -> None:
    payload = pb.Notice(introduction_answer=answer).SerializeToString(deterministic=True)
    intro.answered_at = now  # queued; the outbox delivers and retries
    session.add(
        Outbox(
            created_at=now,
            channel="peer",
            recipient=intro.peer_id,
            kind="introduction.answer",
            candidate_id=sealed_for,
            payload=payload
            if sealed_for is None
            else rt.candidates.seal(sealed_for, "outbox", payload),
            not_before=now,
            attempts=0,
        )
    )


# ---------------------------------------------------------------- the outbox


def deliver_outbox(rt: NodeRuntime, limit: int = OUTBOX_BATCH) -> int:
    """Send what is due: notices to peers (re-sealed per attempt) and to candidates."""
    from talentverbund.node.notices import deliver_candidate_notice

    now = rt.clock()
    with rt.sessions() as session:
        rows = session.scalars(
            select(Outbox)
            .where(Outbox.sent_at.is_(None), Outbox.not_before <= now)
            .order_by(Outbox.id)
            .limit(limit)
        ).all()
        session.expunge_all()
    sent = 0
    for row in rows:
        try:
            if row.channel == "peer":
                error = _deliver_to_peer(rt, row)
            else:
                error = deliver_candidate_notice(rt, row)
        except Exception as exc:  # one bad row never stops the others
            log.exception("outbox delivery failed", extra={"outbox_id": row.id})
            error = f"internal error: {type(exc).__name__}"
        if error is not None:
            log.warning(
                "outbox delivery will be retried",
                extra={
                    "outbox_id": row.id,
                    "channel": row.channel,
                    "kind": row.kind,
                    "attempts": row.attempts + 1,
                    "reason": error,
                },
            )
        _mark(rt, row, error)
        sent += error is None
    return sent


def _deliver_to_peer(rt: NodeRuntime, row: Outbox) -> str | None:
    fed = rt.federation()
    if fed.trust.peer(row.recipient) is None:
        return "the recipient is no longer a peer"
    client = FederationClient(fed)
    try:
        peer = client.peer(row.recipient)
    except NodeError as exc:
        return exc.message
    payload = row.payload
    if row.candidate_id is not None:
        payload = rt.candidates.open(row.candidate_id, "outbox", payload)
    message_id = outbox_message_id(fed.node_id, row.id)
    with rt.sessions() as session:
        earlier = set(
            session.scalars(
                select(ExchangeLogEntry.envelope_sha256).where(
                    ExchangeLogEntry.direction == "out",
                    ExchangeLogEntry.peer_id == peer.node_id,
                    ExchangeLogEntry.message_id == message_id,
                )
            )
        )
    from talentverbund.node.federation import announce

    if row.kind == announce.DESCRIPTOR_UPDATE:  # signed with the key the peer holds
        done = announce.send_update(client, peer, payload, message_id, {h for h in earlier if h})
    else:
        done = client.exchange(
            peer,
            NOTIFY_CALL,
            payload,
            timeout=CALL_TIMEOUT,
            message_id=message_id,
            earlier_hashes={h for h in earlier if h},
        )
    notice = pb.Notice.FromString(payload)
    if notice.WhichOneof("body") == "introduction_answer":
        answer = notice.introduction_answer
        done.details = {
            "intro_id": answer.intro_id,
            "outcome": pb.IntroductionAnswer.Outcome.Name(answer.outcome).lower(),
        }
    elif notice.WhichOneof("body") == "erasure":
        done.details = {
            "notice_id": notice.erasure.notice_id,
            "reason": notice.erasure.reason,
            "pseudonyms": len(notice.erasure.pseudonyms),
        }
    client.record([done])
    if not done.ok and done.status == "NOT_FOUND" and row.kind == "erasure":
        return None  # the peer holds none of them any more: nothing left to erase there
    if not done.ok and done.status == "ALREADY_EXISTS" and row.kind == announce.DESCRIPTOR_UPDATE:
        return None  # the peer already holds this descriptor or a newer one
    return None if done.ok else f"{done.status}: {done.detail}"[:500]


def outbox_message_id(node_id: str, outbox_id: int) -> str:
    """The same message id on every attempt: the receiver answers a retry with its
    original receipt instead of acting twice."""
    digest = hashlib.sha256(f"talentverbund/outbox/{node_id}/{outbox_id}".encode())
    return digest.hexdigest()[:32]


def _mark(rt: NodeRuntime, row: Outbox, error: str | None) -> None:
    now = rt.clock()
    with rt.sessions.begin() as session:
        current = session.get(Outbox, row.id)
        if current is None:  # erased meanwhile
            return
        current.attempts += 1
        if error is None:
            current.sent_at = now
            current.last_error = None
            return
        current.last_error = error
        delay = min(timedelta(seconds=30 * 2 ** min(current.attempts, 12)), MAX_BACKOFF)
        current.not_before = now + delay


# ---------------------------------------------------------------- listing


def list_introductions(rt: NodeRuntime) -> list[dict[str, Any]]:
    peers = {p.node_id: p.name for p in rt.federation().trust.snapshot().peers.values()}
    with rt.sessions() as session:
        rows = session.scalars(select(Introduction).order_by(Introduction.requested_at)).all()
    return [
        {
            "id": r.id,
            "side": r.side,
            "peer": peers.get(r.peer_id, r.peer_id),
            "peer_id": r.peer_id,
            "result_id": r.result_id,
            "candidate_id": r.candidate_id,
            "job": r.job.get("title", ""),
            "status": r.status,
            "requested_at": _iso(r.requested_at),
            "respond_by": _iso(r.respond_by),
            "answered_at": _iso(r.answered_at),
            "erasure_notice_at": _iso(r.erasure_notice_at),
        }
        for r in rows
    ]


def show_introduction(rt: NodeRuntime, intro_id: str) -> dict[str, Any]:
    with rt.sessions() as session:
        intro = session.get(Introduction, intro_id)
    if intro is None:
        raise NotFound(f"no introduction {intro_id}", "see: introduction list DIR")
    shown = next(i for i in list_introductions(rt) if i["id"] == intro_id)
    shown["message"] = intro.message
    shown["job_facts"] = intro.job
    if intro.side == "requester" and intro.status == "accepted":
        shown["contact"] = contact_card(rt, intro_id)
    return shown


# ---------------------------------------------------------------- helpers


def _facts_json(facts: pb.JobFacts) -> dict[str, Any]:
    return {
        "title": facts.title,
        "region": facts.region,
        "employment_types": list(facts.employment_types),
        "start_date": facts.start_date,
    }


def _check_contact(contact: bytes) -> None:
    if not contact or len(contact) > MAX_CONTACT:
        raise _invalid("an accepted answer needs a contact card of at most 3 MiB")
    try:
        card = json.loads(contact)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _invalid("the contact card is not JSON") from None
    if not isinstance(card, dict):
        raise _invalid("the contact card is not a JSON object")


def _contact_aad(intro_id: str) -> bytes:
    return f"talentverbund/introduction/contact/{intro_id}".encode()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _invalid(message: str) -> Rejection:
    return Rejection("INVALID_ARGUMENT", "bad_payload", message)
