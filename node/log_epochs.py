"""Epochs of the exchange log: how the log's own pseudonymous data reaches its end.

The log holds only ids, hashes and keyed commitments, but that is still
pseudonymous data, so it is not kept forever (Art. 5(1)(e) GDPR). It is kept in
*epochs*: stretches that each end at a signed checkpoint.

* **Closing** (:func:`close_epoch`; ``serve`` does it when the open epoch is
  ``audit.epoch_days`` old, ``audit close-epoch`` at once): after verifying the
  log, one transaction appends a ``log.epoch``/``closed`` entry -- the epoch's
  last entry -- signs a checkpoint of the log up to and including it, and stores
  the epoch: its range, the checkpoint, the Merkle compact range at its end and
  its last entry's hash. The next entry (the checkpoint's own) opens the next
  epoch.
* **Deleting** (:func:`delete_expired`; ``serve`` hourly, ``audit delete-epochs``
  by hand): a closed epoch whose last entry is older than
  ``audit.log_retention_days`` is deleted, oldest first and only after the whole
  log verified. Its entries, the older checkpoints and its file-mirror part go;
  the epoch row stays with a *signed deletion record* (below), and a
  ``log.epoch``/``deleted`` entry says so.

Verification then starts after the newest deleted epoch
(:func:`talentverbund.node.audit.load_base`): the first stored entry must chain
to the recorded last hash, and the recorded compact range -- which must hash to
the root of the epoch's signed checkpoint -- extends to every later root, so
every later checkpoint, inclusion proof and consistency proof still checks.

Deletion record (JSON, RFC 8785 canonical, signed with the node's Ed25519 key
over ``"talentverbund/log-epoch-deletion/v1\\n" || canonical bytes``)::

    {"v": 1, "node_id", "epoch", "first_seq", "last_seq", "first_logged_at",
     "last_logged_at", "closed_at", "deleted_at", "root_hash", "frontier": [hex],
     "last_entry_hash", "checkpoint": "<signed note>", "signing_key": "<base64>"}
"""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from talentverbund.crypto.canonical import canonical_json
from talentverbund.crypto.merkle import MerkleTree, leaf_hash
from talentverbund.node import audit
from talentverbund.node.errors import UsageError
from talentverbund.node.federation.exchange_log import (
    EPOCH_CLOSED,
    EPOCH_MSG_TYPE,
    LogRecord,
    LogTransaction,
    format_logged_at,
)
from talentverbund.node.storage.models import ExchangeLogEntry, LogCheckpoint, LogEpoch

if TYPE_CHECKING:
    from talentverbund.node.federation.core import Federation
    from talentverbund.node.runtime import NodeRuntime

log = logging.getLogger("talentverbund.audit")


@dataclass(frozen=True)
class EpochView:
    """One epoch as ``audit epochs`` lists it."""

    number: int
    state: str  # open | closed | deleted
    first_seq: int
    last_seq: int | None
    first_logged_at: str | None
    last_logged_at: str | None
    closed_at: str | None
    deleted_at: str | None
    root_hash: str | None
    expires_at: str | None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


# -- listing ------------------------------------------------------------------------------


def _expiry(row: LogEpoch, retention_days: int) -> datetime | None:
    return row.last_logged_at + timedelta(days=retention_days) if retention_days else None


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else format_logged_at(moment)


def list_epochs(fed: Federation, retention_days: int) -> list[EpochView]:
    """Every closed or deleted epoch, oldest first, then the open one."""
    with fed.sessions() as session:
        rows = session.scalars(select(LogEpoch).order_by(LogEpoch.number)).all()
        first_open = rows[-1].last_seq + 1 if rows else 1
        head = int(session.scalar(select(func.max(ExchangeLogEntry.seq))) or 0)
        opened = session.scalar(
            select(ExchangeLogEntry.logged_at).where(ExchangeLogEntry.seq == first_open)
        )
    views = [
        EpochView(
            row.number,
            "deleted" if row.deleted_at is not None else "closed",
            row.first_seq,
            row.last_seq,
            _text(row.first_logged_at),
            _text(row.last_logged_at),
            _text(row.closed_at),
            _text(row.deleted_at),
            row.root_hash,
            _text(_expiry(row, retention_days)) if row.deleted_at is None else None,
        )
        for row in rows
    ]
    number = rows[-1].number + 1 if rows else 1
    last = head if head >= first_open else None
    views.append(
        EpochView(number, "open", first_open, last, _text(opened), None, None, None, None, None)
    )
    return views


# -- closing ------------------------------------------------------------------------------


def close_epoch(fed: Federation, actor: str = "operator") -> EpochView:
    """Verify the log, then end the open epoch with a ``log.epoch`` entry and a checkpoint."""
    scan = audit.verified_for_signing(fed)
    with fed.log.transaction() as tx:
        tree, head_hash = audit.catch_up(tx.session, scan.tree, scan.head_hash)
        if tx.head() != (tree.size, head_hash):
            raise audit.AuditError("the log changed while the epoch was being closed; try again")
        previous = tx.session.scalar(select(func.max(LogEpoch.last_seq)))
        number = int(tx.session.scalar(select(func.max(LogEpoch.number))) or 0) + 1
        first_seq = int(previous or 0) + 1
        if tree.size < first_seq:
            raise UsageError(
                f"epoch {number} holds no entries yet: there is nothing to close",
                "close it once messages were exchanged",
            )
        record = LogRecord(
            direction="local",
            actor=actor,
            msg_type=EPOCH_MSG_TYPE,
            status=EPOCH_CLOSED,
            details={"epoch": number, "first_seq": first_seq, "last_seq": tree.size + 1},
        )
        appended = tx.append(record)
        tree.append(leaf_hash(tx.written[-1].data))
        checkpoint = audit.add_checkpoint(fed, tx, tree.size, tree.root(), actor)
        first_at = tx.session.scalar(
            select(ExchangeLogEntry.logged_at).where(ExchangeLogEntry.seq == first_seq)
        )
        row = LogEpoch(
            number=number,
            first_seq=first_seq,
            last_seq=appended.seq,
            first_logged_at=first_at or appended.logged_at,
            last_logged_at=appended.logged_at,
            closed_at=fed.clock(),
            checkpoint_id=checkpoint.id,
            root_hash=tree.root().hex(),
            frontier=[node.hex() for node in tree.frontier],
            last_entry_hash=appended.entry_hash,
            deleted_at=None,
            record=None,
        )
        tx.session.add(row)
    log.info("log epoch closed", extra={"epoch": number, "last_seq": appended.seq})
    return next(v for v in list_epochs(fed, 0) if v.number == number)


def close_if_due(fed: Federation, epoch_days: int) -> int:
    """Close the open epoch when its first entry is ``epoch_days`` old; 1 if closed."""
    if epoch_days <= 0:
        return 0
    open_epoch = list_epochs(fed, 0)[-1]
    if open_epoch.first_logged_at is None:
        return 0
    started = datetime.fromisoformat(open_epoch.first_logged_at)
    if fed.clock() - started < timedelta(days=epoch_days):
        return 0
    close_epoch(fed, actor="node")
    return 1


# -- deleting -----------------------------------------------------------------------------


def _record(fed: Federation, row: LogEpoch, note: str, deleted_at: datetime) -> str:
    """The signed deletion record of ``row``, as stored and shown to a DPO."""
    body = {
        "v": 1,
        "node_id": fed.node_id,
        "epoch": row.number,
        "first_seq": row.first_seq,
        "last_seq": row.last_seq,
        "first_logged_at": format_logged_at(row.first_logged_at),
        "last_logged_at": format_logged_at(row.last_logged_at),
        "closed_at": format_logged_at(row.closed_at),
        "deleted_at": format_logged_at(deleted_at),
        "root_hash": row.root_hash,
        "frontier": list(row.frontier),
        "last_entry_hash": row.last_entry_hash,
        "checkpoint": note,
        "signing_key": base64.b64encode(fed.identity.signing_public_key).decode("ascii"),
    }
    signature = fed.identity.sign(audit.EPOCH_RECORD_DOMAIN + canonical_json(body))
    return json.dumps(
        {"record": body, "signature": base64.b64encode(signature).decode("ascii")},
        sort_keys=True,
    )


def _expired(session: Session, now: datetime, retention_days: int) -> list[LogEpoch]:
    rows = session.scalars(
        select(LogEpoch).where(LogEpoch.deleted_at.is_(None)).order_by(LogEpoch.number)
    ).all()
    cutoff = now - timedelta(days=retention_days)
    return [row for row in rows if retention_days and row.last_logged_at <= cutoff]


def delete_expired(fed: Federation, retention_days: int, actor: str = "operator") -> list[int]:
    """Delete every closed epoch past retention, oldest first; the numbers deleted.

    Refuses (AuditError) when the log does not verify: evidence of tampering is
    never deleted along with an epoch.
    """
    with fed.sessions() as session:
        if not _expired(session, fed.clock(), retention_days):
            return []
    audit.verified_for_signing(fed)
    deleted, through = [], 0
    with fed.log.transaction() as tx:
        for row in _expired(tx.session, fed.clock(), retention_days):
            _delete(fed, tx, row, actor)
            deleted.append(row.number)
            through = row.last_seq
    if fed.log.mirror is not None and through:
        fed.log.mirror.delete_through(through)  # the epochs' files go too (never raises)
    if deleted:
        log.info("log epochs deleted", extra={"epochs": deleted})
    return deleted


def _delete(fed: Federation, tx: LogTransaction, row: LogEpoch, actor: str) -> None:
    checkpoint = tx.session.get(LogCheckpoint, row.checkpoint_id)
    if checkpoint is None or checkpoint.tree_size != row.last_seq:
        raise audit.AuditError(
            f"epoch {row.number}'s final checkpoint #{row.checkpoint_id} is missing or "
            "changed: the epoch is not deleted",
            "run 'talentverbund audit verify DIR'",
        )
    tree = MerkleTree.from_frontier(row.last_seq, [bytes.fromhex(h) for h in row.frontier])
    if tree.root().hex() != row.root_hash or checkpoint.root_hash != row.root_hash:
        raise audit.AuditError(
            f"epoch {row.number}'s stored Merkle range does not give its checkpoint's root",
            "run 'talentverbund audit verify DIR'",
        )
    now = fed.clock()
    row.record = _record(fed, row, checkpoint.note, now)
    row.deleted_at = now
    session = tx.session
    session.execute(delete(ExchangeLogEntry).where(ExchangeLogEntry.seq <= row.last_seq))
    session.execute(
        delete(LogCheckpoint).where(
            LogCheckpoint.peer_id.is_(None), LogCheckpoint.tree_size < row.last_seq
        )
    )
    tx.append(
        LogRecord(
            direction="local",
            actor=actor,
            msg_type=EPOCH_MSG_TYPE,
            status="deleted",
            details={
                "epoch": row.number,
                "first_seq": row.first_seq,
                "last_seq": row.last_seq,
                "root_hash": row.root_hash,
            },
        )
    )


def epochs_due(rt: NodeRuntime) -> int:
    """Upkeep: close the open epoch when due, delete expired ones; how many changed."""
    fed, settings = rt.federation(), rt.config.audit
    closed = close_if_due(fed, settings.epoch_days)
    return closed + len(delete_expired(fed, settings.log_retention_days, actor="node"))


# -- admin API ----------------------------------------------------------------------------


def api_epochs(rt: NodeRuntime, _params: dict[str, Any]) -> Any:
    fed = rt.federation()
    return [view.to_json() for view in list_epochs(fed, rt.config.audit.log_retention_days)]


def api_close_epoch(rt: NodeRuntime, _params: dict[str, Any]) -> Any:
    return close_epoch(rt.federation()).to_json()


def api_delete_epochs(rt: NodeRuntime, _params: dict[str, Any]) -> Any:
    retention = rt.config.audit.log_retention_days
    if not retention:
        raise UsageError(
            "audit.log_retention_days is 0: this node keeps every epoch",
            "set a retention period in talentverbund.toml to delete old epochs",
        )
    return {"deleted": delete_expired(rt.federation(), retention), "retention_days": retention}
