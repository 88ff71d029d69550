"""Cross-checking exchange logs with a peer: what one side recorded and the other lacks.

Every message between two nodes is logged on both sides under the same envelope
hash: our ``out`` entry is the peer's ``in`` entry and the other way round. A DPO's
``audit cross-check DIR PEER_ID`` asks the peer (CrossCheck RPC, sealed and signed
like every message) for its entries about us in a time window, plus its latest
signed checkpoint, and compares:

* **peer lacks** -- a message we sent and the peer receipted, or a message we
  accepted from the peer, that the peer's log does not show;
* **we lack** -- an entry of the peer's about a message we have no entry for;
* **mismatch** -- the receipt we hold names a position or entry hash in the peer's
  log that its entry there does not have (the peer rewrote its log, or lied in the
  receipt).

The peer answers from its own database, so a peer that rewrote its log
consistently can only be caught where our receipts pin its entries; that is why
receipts name the receiver's log position and entry hash. Cross-check messages
themselves and transport refusals (no envelope) are left out of the comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from google.protobuf.message import DecodeError
from sqlalchemy import select

from talentverbund.crypto.envelope import OpenedMessage
from talentverbund.node.errors import UsageError
from talentverbund.node.federation.client import Call, FederationClient
from talentverbund.node.federation.errors import Rejection
from talentverbund.node.federation.exchange_log import LogTransaction
from talentverbund.node.storage.models import ExchangeLogEntry, LogCheckpoint
from talentverbund.protocol.v1 import federation_pb2 as pb

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

CROSSCHECK = "crosscheck"
CROSSCHECK_REPLY = "crosscheck.reply"
CROSSCHECK_CALL = Call("CrossCheck", CROSSCHECK, CROSSCHECK_REPLY, pb.CrossCheckReply, "audit")
MAX_ENTRIES = 12_000  # about 2.6 MB of summaries (~215 bytes each): below the envelope limit
MARGIN = timedelta(minutes=5)  # clocks and in-flight messages: look this far past the window
SKIPPED_TYPES = (CROSSCHECK, CROSSCHECK_REPLY, "transport")
# Entries that prove the other side must have a record too. A reply logged "sent" is
# left out: it may have arrived after the asker's deadline and been dropped there.
DELIVERED = ("accepted", "duplicate", "receipted", "bad_answer")


def _summaries(session: Any, peer_id: str, start: datetime, end: datetime) -> list[pb.LogSummary]:
    rows = session.execute(
        select(ExchangeLogEntry)
        .where(
            ExchangeLogEntry.peer_id == peer_id,
            ExchangeLogEntry.logged_at >= start,
            ExchangeLogEntry.logged_at <= end,
            ExchangeLogEntry.envelope_sha256.is_not(None),
            ExchangeLogEntry.msg_type.not_in(SKIPPED_TYPES),
        )
        .order_by(ExchangeLogEntry.seq)
        .limit(MAX_ENTRIES + 1)
    ).scalars()
    return [
        pb.LogSummary(
            direction=e.direction,
            msg_type=e.msg_type,
            message_id=e.message_id or "",
            envelope_sha256=e.envelope_sha256 or "",
            status=e.status,
            seq=e.seq,
            entry_hash=e.entry_hash,
            logged_at_ms=int(e.logged_at.timestamp() * 1000),
        )
        for e in rows
    ]


@dataclass
class _State:
    reply: pb.CrossCheckReply


class CrossCheckHandler:
    """``CrossCheck`` on the answering node: our entries about the asking peer."""

    rpc = "CrossCheck"
    message_type = CROSSCHECK
    reply_type = CROSSCHECK_REPLY
    purpose: str | None = "audit"

    def __init__(self, runtime: NodeRuntime) -> None:
        self.rt = runtime

    def parse(self, opened: OpenedMessage) -> pb.CrossCheckRequest:
        try:
            request = pb.CrossCheckRequest.FromString(opened.payload)
        except DecodeError:
            raise Rejection("INVALID_ARGUMENT", "bad_payload", "not a CrossCheckRequest") from None
        if not 0 <= request.from_ms < request.to_ms:
            raise Rejection("INVALID_ARGUMENT", "bad_payload", "from_ms must be before to_ms")
        return request

    def details(self, request: pb.CrossCheckRequest) -> dict[str, Any]:
        return {"from_ms": request.from_ms, "to_ms": request.to_ms}

    def act(
        self,
        request: pb.CrossCheckRequest,
        opened: OpenedMessage,
        tx: LogTransaction,
        received_ms: int,
    ) -> _State:
        start = datetime.fromtimestamp(request.from_ms / 1000, UTC) - MARGIN
        end = datetime.fromtimestamp(request.to_ms / 1000, UTC) + MARGIN
        entries = _summaries(tx.session, opened.header.sender, start, end)
        checkpoint = tx.session.scalar(
            select(LogCheckpoint.note)
            .where(LogCheckpoint.peer_id.is_(None))
            .order_by(LogCheckpoint.tree_size.desc())
            .limit(1)
        )
        reply = pb.CrossCheckReply(
            entries=entries[:MAX_ENTRIES],
            truncated=len(entries) > MAX_ENTRIES,
            checkpoint=checkpoint or "",
        )
        return _State(reply)

    def replay(
        self, request: pb.CrossCheckRequest, opened: OpenedMessage, tx: LogTransaction
    ) -> _State:
        return self.act(request, opened, tx, 0)

    def reply_details(self, state: _State) -> dict[str, Any]:
        return {"entries": len(state.reply.entries), "truncated": state.reply.truncated}

    def reply(self, request: pb.CrossCheckRequest, receipt: pb.Receipt, state: _State) -> bytes:
        reply = pb.CrossCheckReply()
        reply.CopyFrom(state.reply)
        reply.receipt.CopyFrom(receipt)
        return reply.SerializeToString(deterministic=True)


def cross_check(rt: NodeRuntime, peer_id: str, start: datetime, end: datetime) -> dict[str, Any]:
    """Ask the peer for its record of our exchanges and compare it with ours."""
    if end <= start:
        raise UsageError("--to must be after --from", "e.g. --from 2026-11-01 --to 2026-11-30")
    fed = rt.federation()
    client = FederationClient(fed)
    peer = client.peer(peer_id)
    request = pb.CrossCheckRequest(
        from_ms=int(start.timestamp() * 1000), to_ms=int(end.timestamp() * 1000)
    )
    done = client.exchange(
        peer, CROSSCHECK_CALL, request.SerializeToString(deterministic=True), timeout=30.0
    )
    client.record([done])
    if not done.ok:
        raise done.error(f"cross-check with {peer.name}")
    reply: pb.CrossCheckReply = done.reply
    with rt.sessions() as session:
        ours = _summaries(session, peer_id, start - MARGIN, end + MARGIN)
    report = compare(ours, list(reply.entries), start, end)
    theirs = {e.envelope_sha256: e for e in reply.entries}
    report["receipt_mismatch"] = [
        {"envelope_sha256": h, "receipt": pin, "theirs": [e.seq, e.entry_hash]}
        for h, pin in _receipts(rt, peer_id, start, end).items()
        if (e := theirs.get(h)) is not None and [e.seq, e.entry_hash] != pin
    ]
    report["ok"] = report["ok"] and not report["receipt_mismatch"]
    return report | {
        "peer_id": peer_id,
        "peer": peer.name,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "peer_truncated": reply.truncated,
        "peer_checkpoint": reply.checkpoint,
    }


def _receipts(rt: NodeRuntime, peer_id: str, start: datetime, end: datetime) -> dict[str, Any]:
    """Receipts the peer gave us, by envelope hash: (their seq, their entry hash)."""
    with rt.sessions() as session:
        rows = session.execute(
            select(ExchangeLogEntry.envelope_sha256, ExchangeLogEntry.details).where(
                ExchangeLogEntry.peer_id == peer_id,
                ExchangeLogEntry.direction == "out",
                ExchangeLogEntry.logged_at >= start - MARGIN,
                ExchangeLogEntry.logged_at <= end + MARGIN,
            )
        ).all()
    pinned = {}
    for envelope, details in rows:
        receipt = (details or {}).get("receipt")
        if envelope and isinstance(receipt, dict):
            pinned[envelope] = [receipt.get("log_index"), receipt.get("log_entry_hash")]
    return pinned


def compare(
    ours: list[pb.LogSummary], theirs: list[pb.LogSummary], start: datetime, end: datetime
) -> dict[str, Any]:
    """Differences between two logs' views of the same exchanges (pure, for tests)."""
    lo, hi = int(start.timestamp() * 1000), int(end.timestamp() * 1000)
    mine = {e.envelope_sha256: e for e in ours}
    other = {e.envelope_sha256: e for e in theirs}
    peer_lacks = [
        _brief(e)
        for e in ours
        if lo <= e.logged_at_ms <= hi and e.status in DELIVERED and e.envelope_sha256 not in other
    ]
    we_lack = [
        _brief(e)
        for e in theirs
        if lo <= e.logged_at_ms <= hi and e.status in DELIVERED and e.envelope_sha256 not in mine
    ]
    mismatched = [
        {"envelope_sha256": h, "ours": _brief(mine[h]), "theirs": _brief(other[h])}
        for h in mine.keys() & other.keys()
        if mine[h].direction == other[h].direction or mine[h].msg_type != other[h].msg_type
    ]
    return {
        "ok": not (peer_lacks or we_lack or mismatched),
        "ours": sum(lo <= e.logged_at_ms <= hi for e in ours),
        "theirs": sum(lo <= e.logged_at_ms <= hi for e in theirs),
        "peer_lacks": peer_lacks,
        "we_lack": we_lack,
        "mismatched": mismatched,
    }


def _brief(e: pb.LogSummary) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "direction": e.direction,
        "msg_type": e.msg_type,
        "message_id": e.message_id,
        "status": e.status,
        "envelope_sha256": e.envelope_sha256,
        "logged_at": datetime.fromtimestamp(e.logged_at_ms / 1000, UTC).isoformat(),
    }
