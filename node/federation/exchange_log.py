"""The exchange log: an append-only, hash-chained record of every message in or out.

Every message a node sends or receives, every rejection and every change of the peer
set is one entry. Entries hold ids, hashes and codes, never personal data.

Chaining (format v1)
====================

Entry ``n`` (``seq`` = n, starting at 1) commits to the entry before it::

    entry_bytes(n) = canonical_json({                      # RFC 8785, crypto/canonical.py
        "v": 1, "seq": n, "logged_at": "YYYY-MM-DDTHH:MM:SS.mmmZ",
        "direction": "in" | "out" | "local", "peer_id": str | null, "actor": str,
        "msg_type": str, "message_id": str | null, "purpose": str | null,
        "envelope_sha256": str | null, "status": str, "details": {...},
        "prev_hash": entry_hash(n - 1)                      # 64 "0"s for n = 1
    })
    entry_hash(n)  = lowercase hex SHA-256("talentverbund/exchange-log/v1\\n" || entry_bytes(n))

``details`` is a JSON object of the canonical subset (integers, no floats). Editing,
deleting, inserting or reordering entries breaks the chain at the first changed
entry, which :meth:`ExchangeLog.verify_chain` reports. What the chain alone cannot
show is a rewrite of the whole tail by someone who can write to the database: for
that, entry hashes leave the node (each receipt names the receiver's ``seq`` and
``entry_hash``; the audit tooling adds signed Merkle checkpoints over
:func:`leaf_hash`), and ``verify_chain(anchors=...)`` checks those.

Concurrency
===========

Appends are serialized: a process-wide lock, and in the database a lock taken by
the first statement of the appending transaction -- ``pg_advisory_xact_lock`` on
PostgreSQL, a write statement on SQLite (which takes the database's single write
lock before anything is read, so no reader's snapshot can go stale under it).
Callers that must act atomically with the append (idempotency records, receipts)
run inside :meth:`ExchangeLog.transaction`.

File mirror
===========

With ``[audit] mirror_dir`` set, every committed transaction's entries are also
appended to files outside the database (:mod:`.log_mirror`), after the commit and
outside the database lock; a failed mirror write is logged and caught up later,
never undone in the database.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Table, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.crypto.canonical import JSONValue, canonical_json
from talentverbund.crypto.merkle import leaf_hash as merkle_leaf_hash
from talentverbund.node.storage.models import ExchangeLogEntry

if TYPE_CHECKING:
    from talentverbund.node.federation.log_mirror import LogMirror

FORMAT_VERSION = 1
HASH_DOMAIN = b"talentverbund/exchange-log/v1\n"
GENESIS_HASH = "0" * 64
DIRECTIONS = ("in", "out", "local")
EPOCH_MSG_TYPE = "log.epoch"  # with direction "local" and status "closed": an epoch's last entry
EPOCH_CLOSED = "closed"
_PG_LOCK_KEY = 0x7476_6C6F_6721  # "tvlog!": one advisory lock for the whole log
_MAX_TEXT = {"actor": 64, "msg_type": 32, "status": 32, "purpose": 32}
_TABLE: Table = ExchangeLogEntry.__table__  # type: ignore[assignment]
# Built once: constructing statements per append costs more than executing them.
_HEAD = select(_TABLE.c.seq, _TABLE.c.entry_hash).order_by(_TABLE.c.seq.desc()).limit(1)
_INSERT = insert(_TABLE)


@dataclass(frozen=True)
class LogRecord:
    """What a caller appends; seq, time and hashes are added by the log."""

    direction: str
    msg_type: str
    status: str
    actor: str = "node"
    peer_id: str | None = None
    message_id: str | None = None
    purpose: str | None = None
    envelope_sha256: str | None = None
    details: Mapping[str, JSONValue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.direction not in DIRECTIONS:
            raise ValueError(f"direction must be one of {DIRECTIONS}, not {self.direction!r}")
        for name, limit in _MAX_TEXT.items():
            value = getattr(self, name)
            if value is not None and not 0 < len(value) <= limit:
                raise ValueError(f"{name} must be 1 to {limit} characters")


@dataclass(frozen=True)
class Appended:
    """Where an entry landed: what a receipt names."""

    seq: int
    entry_hash: str
    logged_at: datetime


@dataclass(frozen=True)
class ChainReport:
    """Result of :meth:`ExchangeLog.verify_chain`; ``first_bad_seq`` is None when intact."""

    ok: bool
    entries: int
    head_hash: str
    first_bad_seq: int | None = None
    problem: str = ""

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head_hash": self.head_hash,
            "first_bad_seq": self.first_bad_seq,
            "problem": self.problem,
        }


@dataclass(frozen=True)
class Written:
    """An entry as appended: what the file mirror writes without reading the database."""

    seq: int
    entry_hash: str
    prev_hash: str
    data: bytes  # entry_bytes(...), the canonical JSON the hash covers
    closes_epoch: bool


def closes_epoch(direction: str, msg_type: str, status: str) -> bool:
    """True for the entry that ends a log epoch (the mirror starts a new file after it)."""
    return direction == "local" and msg_type == EPOCH_MSG_TYPE and status == EPOCH_CLOSED


def format_logged_at(moment: datetime) -> str:
    """UTC with milliseconds, the precision every backend stores exactly."""
    m = moment.astimezone(UTC)
    return (
        f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}."
        f"{m.microsecond // 1000:03d}Z"
    )


def _truncate_ms(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the log needs an aware UTC time")
    m = moment.astimezone(UTC)
    return m.replace(microsecond=m.microsecond // 1000 * 1000)


class EntryFields(Protocol):
    """What :func:`entry_bytes` reads: a LogRecord, a stored entry or a row of its columns."""

    @property
    def direction(self) -> str: ...
    @property
    def peer_id(self) -> str | None: ...
    @property
    def actor(self) -> str: ...
    @property
    def msg_type(self) -> str: ...
    @property
    def message_id(self) -> str | None: ...
    @property
    def purpose(self) -> str | None: ...
    @property
    def envelope_sha256(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def details(self) -> Mapping[str, Any]: ...


def entry_bytes(seq: int, logged_at: datetime, record: EntryFields, prev_hash: str) -> bytes:
    """The canonical bytes an entry hash (and its Merkle leaf) is computed over."""
    details: Any = dict(record.details)
    return canonical_json(
        {
            "v": FORMAT_VERSION,
            "seq": seq,
            "logged_at": format_logged_at(logged_at),
            "direction": record.direction,
            "peer_id": record.peer_id,
            "actor": record.actor,
            "msg_type": record.msg_type,
            "message_id": record.message_id,
            "purpose": record.purpose,
            "envelope_sha256": record.envelope_sha256,
            "status": record.status,
            "details": details,
            "prev_hash": prev_hash,
        }
    )


def compute_entry_hash(
    seq: int, logged_at: datetime, record: LogRecord | ExchangeLogEntry, prev_hash: str
) -> str:
    return hashlib.sha256(HASH_DOMAIN + entry_bytes(seq, logged_at, record, prev_hash)).hexdigest()


def leaf_hash(entry: ExchangeLogEntry) -> bytes:
    """RFC 6962 leaf hash of a stored entry (leaf index = seq - 1), for Merkle checkpoints."""
    return merkle_leaf_hash(entry_bytes(entry.seq, entry.logged_at, entry, entry.prev_hash))


_PG_LOCK = text("SELECT pg_advisory_xact_lock(:key)")
# A write statement takes SQLite's write lock (waiting up to busy_timeout) even when it
# matches no row; the read of the head that follows is then current.
_SQLITE_LOCK = text("UPDATE exchange_log SET seq = seq WHERE seq < 0")


def _lock_log(session: Session) -> None:
    """Take the database-wide append lock as the transaction's first statement."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(_PG_LOCK, {"key": _PG_LOCK_KEY})
    else:
        connection.execute(_SQLITE_LOCK)


class LogTransaction:
    """An open, locked transaction on the log; commit happens when the context exits."""

    def __init__(
        self, session: Session, clock: Callable[[], datetime], legal_basis: str | None = None
    ) -> None:
        self.session = session
        self._clock = clock
        self._legal_basis = legal_basis
        self._head: tuple[int, str] | None = None
        self.written: list[Written] = []  # kept for the file mirror, written after commit

    def head(self) -> tuple[int, str]:
        """(seq, entry_hash) of the newest entry, (0, GENESIS_HASH) for an empty log."""
        if self._head is None:
            # Core statements on the session's connection: the ORM adds ~1 ms per append here.
            row = self.session.connection().execute(_HEAD).first()
            self._head = (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))
        return self._head

    def append(self, record: LogRecord) -> Appended:
        if self._legal_basis and record.purpose and "legal_basis" not in record.details:
            # the node's configured legal basis for processing with a purpose (Art. 30)
            details = {**record.details, "legal_basis": self._legal_basis}
            record = dataclasses.replace(record, details=details)
        last_seq, prev_hash = self.head()
        seq = last_seq + 1
        logged_at = _truncate_ms(self._clock())
        data = entry_bytes(seq, logged_at, record, prev_hash)
        entry_hash = hashlib.sha256(HASH_DOMAIN + data).hexdigest()
        self.session.connection().execute(
            _INSERT,
            {
                "seq": seq,
                "logged_at": logged_at,
                "direction": record.direction,
                "peer_id": record.peer_id,
                "actor": record.actor,
                "msg_type": record.msg_type,
                "message_id": record.message_id,
                "purpose": record.purpose,
                "envelope_sha256": record.envelope_sha256,
                "status": record.status,
                "details": dict(record.details),
                "prev_hash": prev_hash,
                "entry_hash": entry_hash,
            },
        )
        self._head = (seq, entry_hash)
        closes = closes_epoch(record.direction, record.msg_type, record.status)
        self.written.append(Written(seq, entry_hash, prev_hash, data, closes))
        return Appended(seq, entry_hash, logged_at)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ExchangeLog:
    """The node's exchange log on its database. Thread-safe; one instance per process."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Callable[[], datetime] = _utcnow,
        mirror: LogMirror | None = None,
        legal_basis: str | None = None,
    ) -> None:
        self._sessions = sessions
        self._legal_basis = legal_basis
        self._clock = clock
        self._lock = threading.Lock()
        self.mirror = mirror

    @contextmanager
    def transaction(self) -> Iterator[LogTransaction]:
        """A locked transaction: appends inside it commit together with the caller's rows.

        The mirror is written after the commit and after both locks are released:
        its file lock and fsync must not hold up the next append.
        """
        with self._lock, self._sessions() as session, session.begin():
            _lock_log(session)
            tx = LogTransaction(session, self._clock, self._legal_basis)
            yield tx
        if self.mirror is not None and tx.written:
            self.mirror.after_commit(tx.written)

    def catch_up_mirror(self) -> int:
        """Copy committed entries the mirror lacks (``serve`` at start); never raises."""
        return 0 if self.mirror is None else self.mirror.catch_up()

    def append(self, record: LogRecord) -> Appended:
        """Append one entry in its own transaction."""
        with self.transaction() as tx:
            return tx.append(record)

    def head(self) -> tuple[int, str]:
        """(size, hash of the newest entry) without taking the append lock."""
        with self._sessions() as session:
            return LogTransaction(session, self._clock).head()

    def entries(self, after: int = 0, limit: int = 100) -> list[ExchangeLogEntry]:
        """Entries with seq > ``after``, oldest first (detached from any session)."""
        with self._sessions() as session:
            rows = session.scalars(
                select(ExchangeLogEntry)
                .where(ExchangeLogEntry.seq > after)
                .order_by(ExchangeLogEntry.seq)
                .limit(limit)
            ).all()
            session.expunge_all()
            return list(rows)

    def verify_chain(self, anchors: Mapping[int, str] | None = None) -> ChainReport:
        """Recompute every hash; report the first entry that breaks the chain.

        ``anchors`` maps seq to an entry hash known from outside the database (a
        receipt a peer holds, a signed checkpoint): a consistent rewrite of the chain
        still fails there, and a log shorter than an anchor was truncated.
        """
        anchors = dict(anchors or {})
        prev_seq, prev_hash, count = 0, GENESIS_HASH, 0
        with self._sessions() as session:
            rows = session.execute(
                select(ExchangeLogEntry)
                .order_by(ExchangeLogEntry.seq)
                .execution_options(yield_per=1000)
            ).scalars()
            for entry in rows:
                problem = _check_entry(entry, prev_seq, prev_hash, anchors)
                if problem:
                    return ChainReport(False, count, prev_hash, entry.seq, problem)
                prev_seq, prev_hash, count = entry.seq, entry.entry_hash, count + 1
        beyond = sorted(seq for seq in anchors if seq > prev_seq)
        if beyond:
            return ChainReport(
                False,
                count,
                prev_hash,
                beyond[0],
                f"the log ends at entry {prev_seq}, but entry {beyond[0]} is known from "
                "outside (receipt or checkpoint): entries were removed from the end",
            )
        return ChainReport(True, count, prev_hash)


def _check_entry(
    entry: ExchangeLogEntry, prev_seq: int, prev_hash: str, anchors: Mapping[int, str]
) -> str:
    if entry.seq != prev_seq + 1:
        return f"entry {entry.seq} follows entry {prev_seq}: entries were deleted or inserted"
    if entry.prev_hash != prev_hash:
        return f"entry {entry.seq} does not chain to entry {prev_seq} (prev_hash differs)"
    expected = compute_entry_hash(entry.seq, entry.logged_at, entry, entry.prev_hash)
    if entry.entry_hash != expected:
        return f"entry {entry.seq} was changed after it was written (its hash does not match)"
    anchor = anchors.get(entry.seq)
    if anchor is not None and anchor != entry.entry_hash:
        return (
            f"entry {entry.seq} differs from the hash known from outside (receipt or "
            "checkpoint): the chain was rewritten"
        )
    return ""
