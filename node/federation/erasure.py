"""Erasure across the federation (Art. 17 and 19 GDPR) and retention.

When a candidate is erased (on request, or by the retention sweep because no
consent is valid any more), every peer that still holds an unexpired result or
an accepted introduction for them gets a signed ``ErasureNotice`` naming the
pseudonyms it was given. The notices are queued in the outbox *before* the
candidate's rows go (in the same transaction as the log entry), carry no
personal data, and are delivered and retried like every peer message.

A peer receiving a notice deletes the results at once. An accepted introduction
is different: the employer that received the contact card is a controller in
its own right with its own retention duties (e.g. AGG §15(4)), so the notice is
recorded and its staff record a decision (``introduction erasure DIR ID
delete|keep``). A notice from a non-peer is refused by the pipeline; one naming
no pseudonym the sender ever gave us is refused and logged.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from talentverbund.crypto.canonical import JSONValue
from talentverbund.crypto.envelope import OpenedMessage
from talentverbund.node.errors import NotFound, UsageError
from talentverbund.node.federation.errors import Rejection
from talentverbund.node.federation.exchange_log import LogRecord, LogTransaction
from talentverbund.node.storage.models import (
    Candidate,
    Consent,
    Erasure,
    FederatedResult,
    Introduction,
    IssuedResult,
    Outbox,
)
from talentverbund.protocol.v1 import federation_pb2 as pb

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

REASONS = ("erasure_request", "retention")
MAX_PSEUDONYMS = 10_000


def erasure_targets(session: Session, cid: str, now: datetime) -> dict[str, list[str]]:
    """peer id -> pseudonyms of this candidate the peer may still hold."""
    targets: dict[str, list[str]] = defaultdict(list)
    for requester, pseudonym in session.execute(
        select(IssuedResult.requester, IssuedResult.pseudonym).where(
            IssuedResult.candidate_id == cid, IssuedResult.expires_at > now
        )
    ):
        targets[requester].append(pseudonym)
    for peer, pseudonym in session.execute(
        select(Introduction.peer_id, Introduction.pseudonym).where(
            Introduction.candidate_id == cid,
            Introduction.side == "holder",
            # accepted: the card went out; open ones: the requester still waits for an answer
            (Introduction.status == "accepted") | Introduction.answered_at.is_(None),
        )
    ):
        if pseudonym not in targets[peer]:
            targets[peer].append(pseudonym)
    return dict(targets)


def erase_everywhere(rt: NodeRuntime, cid: str, reason: str, actor: str) -> dict[str, Any]:
    """Queue the notices and log the erasure, then shred and delete the candidate."""
    from talentverbund.node.federation.introductions import deliver_outbox

    now = rt.clock()
    with rt.sessions() as session:
        if session.get(Candidate, cid) is None:
            raise NotFound(f"candidate {cid} does not exist", "see: candidate list DIR")
    with rt.federation().log.transaction() as tx:
        targets = erasure_targets(tx.session, cid, now)
        for peer_id, pseudonyms in targets.items():
            notice = pb.ErasureNotice(
                notice_id="e" + secrets.token_hex(12), pseudonyms=pseudonyms, reason=reason
            )
            tx.session.add(
                Outbox(
                    created_at=now,
                    channel="peer",
                    recipient=peer_id,
                    kind="erasure",
                    candidate_id=None,  # must outlive the candidate's rows
                    payload=pb.Notice(erasure=notice).SerializeToString(deterministic=True),
                    not_before=now,
                    attempts=0,
                )
            )
        # the tombstone commits with the notices: if the node dies before the rows are
        # gone, serve finishes the erasure at its next start (finish_interrupted_erasures)
        tx.session.merge(
            Erasure(
                candidate_id=cid,
                erased_at=now,
                reason="request" if reason == "erasure_request" else "retention",
            )
        )
        tx.append(
            LogRecord(
                direction="local",
                actor=actor[:64],
                msg_type="erasure",
                status="recorded",
                details={"reason": reason, "peers_notified": list[JSONValue](sorted(targets))},
            )
        )
    rt.candidates.erase(cid, reason="request" if reason == "erasure_request" else "retention")
    rt.pool_removed([cid])
    sent = deliver_outbox(rt) if targets else 0
    return {"id": cid, "erased": True, "peers_notified": len(targets), "delivered_now": sent}


def retention_sweep(rt: NodeRuntime) -> int:
    """Erase candidates without any valid consent for longer than the grace period."""
    now = rt.clock()
    cutoff = now - timedelta(days=rt.config.privacy.retention_grace_days)
    with rt.sessions() as session:
        consents = session.execute(
            select(Consent.candidate_id, Consent.expires_at, Consent.withdrawn_at)
        ).all()
        everyone = set(session.scalars(select(Candidate.id).where(Candidate.created_at < cutoff)))
    last_valid: dict[str, datetime] = {}
    for cid, expires, withdrawn in consents:
        end = min(expires, withdrawn) if withdrawn is not None else expires
        last_valid[cid] = max(end, last_valid.get(cid, end))
    due = [cid for cid in everyone if last_valid.get(cid, cutoff) <= cutoff]
    for cid in sorted(due):
        erase_everywhere(rt, cid, "retention", "service:retention")
    return len(due)


class ErasureNoticeHandler:
    """The ``erasure`` body of a Notice, at the node that received results."""

    def __init__(self, runtime: NodeRuntime) -> None:
        self.rt = runtime

    def check(self, notice: pb.Notice, opened: OpenedMessage) -> None:
        erasure = notice.erasure
        if not erasure.pseudonyms or len(erasure.pseudonyms) > MAX_PSEUDONYMS:
            raise _invalid(f"an erasure notice names 1 to {MAX_PSEUDONYMS} pseudonyms")
        if erasure.reason not in REASONS:
            raise _invalid(f"reason must be one of {', '.join(REASONS)}")

    def details(self, notice: pb.Notice) -> dict[str, Any]:
        erasure = notice.erasure
        return {
            "notice_id": erasure.notice_id[:64],
            "reason": erasure.reason,
            "pseudonyms": len(erasure.pseudonyms),
        }

    def act(self, notice: pb.Notice, opened: OpenedMessage, tx: LogTransaction) -> None:
        sender, session, now = opened.header.sender, tx.session, self.rt.clock()
        named = set(notice.erasure.pseudonyms)
        results = session.scalars(
            select(FederatedResult).where(
                FederatedResult.peer_id == sender, FederatedResult.pseudonym.in_(named)
            )
        ).all()
        intros = session.scalars(
            select(Introduction).where(
                Introduction.side == "requester",
                Introduction.peer_id == sender,
                Introduction.pseudonym.in_(named),
            )
        ).all()
        if not results and not intros:
            raise Rejection(
                "NOT_FOUND",
                "unknown_pseudonyms",
                "this node holds no result or introduction with these pseudonyms from you",
            )
        for result in results:
            if not any(i.result_id == result.id and i.status == "accepted" for i in intros):
                session.delete(result)
        for intro in intros:
            intro.erasure_notice_at = now
            if intro.status == "requested":  # nothing was shared; the request cannot proceed
                intro.status = "not_accepted"
                intro.answered_at = now


def record_decision(
    rt: NodeRuntime, intro_id: str, decision: str, until: str, reason: str, actor: str
) -> dict[str, Any]:
    """Staff decide what happens to a contact card after an erasure notice."""
    if decision not in ("delete", "keep"):
        raise UsageError(f"unknown decision '{decision}'", "use delete or keep")
    if decision == "keep" and not (until and reason):
        raise UsageError(
            "keeping needs --until YYYY-MM-DD and --reason",
            'e.g. --until 2027-05-31 --reason "AGG §15(4): claims period"',
        )
    if until:
        try:
            date.fromisoformat(until)
        except ValueError:
            raise UsageError(f"--until '{until}' is not a date", "use YYYY-MM-DD") from None
    with rt.federation().log.transaction() as tx:
        intro = tx.session.get(Introduction, intro_id)
        if intro is None or intro.side != "requester":
            raise NotFound(
                f"no introduction {intro_id} requested by this node", "see: introduction list DIR"
            )
        if intro.status not in ("accepted", "deleted"):
            raise UsageError(
                f"introduction {intro_id} is {intro.status}: no contact card to decide on",
                "this decision is for accepted introductions after an erasure notice",
            )
        if decision == "delete":
            rt.keystore.destroy([intro_id])  # shreds the sealed contact card
            intro.contact = None
            intro.status = "deleted"
        tx.append(
            LogRecord(
                direction="local",
                actor=actor[:64],
                msg_type="retention",
                status=decision,
                peer_id=intro.peer_id,
                details={"intro_id": intro_id, "until": until[:10], "reason": reason[:200]},
            )
        )
    return {"id": intro_id, "decision": decision}


def _invalid(message: str) -> Rejection:
    return Rejection("INVALID_ARGUMENT", "bad_payload", message)
