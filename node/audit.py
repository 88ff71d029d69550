"""What a data-protection officer checks: signed checkpoints, verification, proofs, exports.

The exchange log (:mod:`talentverbund.node.federation.exchange_log`) is a hash
chain in the node's database. A chain alone cannot show a consistent rewrite of
its tail, or a cut tail, by someone who can write to that database. This module
adds what can:

* **Checkpoints** (:func:`make_checkpoint`): the node signs the RFC 6962 Merkle
  root over every entry so far (leaf ``seq - 1`` = :func:`leaf_hash` of entry
  ``seq``) as a C2SP ``tlog-checkpoint`` in a signed note, stores it in
  ``log_checkpoints`` and appends a ``local`` entry ``checkpoint`` that records
  it (size, root, id and the verifier key). The :class:`CheckpointScheduler`
  inside ``serve`` signs one at start, every interval and at stop when the log
  grew. A checkpoint only ever signs a log that verified first, so tampering is
  never blessed by a later signature.
* **Verification** (:func:`verify`): one streaming pass recomputes the chain and
  the Merkle tree, compares the roots at every checkpoint's size, checks every
  checkpoint's signature, and reports the first entry where anything was
  changed, deleted, inserted, reordered, rewritten or cut off.
* **Inclusion proofs** (:func:`prove`, :func:`verify_proof`): one entry against
  the latest checkpoint, as a JSON document anyone can check offline.
* **Exports and reports** (:func:`export_page`, :class:`ExportWriter`,
  :func:`report`): entries of a period as JSON Lines or CSV; an Art. 30-style
  summary counted from the log alone.

From :data:`PARALLEL_MIN_ENTRIES` entries on, the whole-log passes are split over
worker processes (one per CPU), which read their own range of the database; see
:func:`_walks`. A million entries verify in well under the 20 s target on two
cores (``bench/audit_speed.py``).

Origin and key names
====================

A checkpoint's origin (first line) names the log: ``<node id>.node.talentverbund
/exchange-log`` (:func:`log_origin`), the node's DNS-style name from its TLS
certificate plus the log's path -- schema-less, without spaces or ``+`` as C2SP
asks. The note is signed with the node's Ed25519 signing key under that same
name (C2SP: a log's key name is its origin). A witness (a peer) cosigns under
``<its node id>.node.talentverbund`` (:func:`witness_name`); verification
matches cosignatures to peers by key ID, so another name works too.

Our own keys
============

A checkpoint is accepted when it is signed by the node's current signing key, by
its initial one (the key the node id derives from), or by a later key that an
already accepted checkpoint committed to. Every note carries two extension lines
(C2SP allows application lines after the root; other verifiers ignore them)::

    talentverbund-signing-key <base64 of the raw Ed25519 public key>
    talentverbund-next-key-sha256 <hex SHA-256 of the next signing key>

the second being the pre-rotation commitment of the node's descriptor
(:mod:`talentverbund.crypto.identity`). So after ``keys rotate`` the older
checkpoints still verify, through a chain of signatures that someone without
the node's keys cannot extend. Any other signer is rejected and reported.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import logging
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from json.encoder import encode_basestring
from typing import IO, TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Table, func, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from talentverbund.crypto.canonical import JSONValue, canonical_json
from talentverbund.crypto.checkpoint import (
    COSIGNATURE_HEADER,
    KEY_TYPE_COSIGNATURE_V1,
    KEY_TYPE_ED25519,
    SIGNATURE_PREFIX,
    Checkpoint,
    NoteSignature,
    VerifierKey,
    key_id,
    open_checkpoint,
    parse_note,
    parse_verifier_key,
    verifier_key,
)
from talentverbund.crypto.descriptor import NodeDescriptor
from talentverbund.crypto.errors import CryptoError, InclusionProofError, MerkleError, NoteError
from talentverbund.crypto.identity import NodeIdentity, key_commitment, tls_server_name
from talentverbund.crypto.merkle import (
    EMPTY_ROOT,
    HASH_SIZE,
    LEAF_PREFIX,
    MerkleTree,
    ProofTree,
    verify_inclusion,
)
from talentverbund.node.errors import NodeError, UsageError
from talentverbund.node.federation.exchange_log import (
    GENESIS_HASH,
    HASH_DOMAIN,
    LogRecord,
    LogTransaction,
    entry_bytes,
    format_logged_at,
)
from talentverbund.node.storage.models import ExchangeLogEntry, LogCheckpoint, LogEpoch, Peer

if TYPE_CHECKING:
    from talentverbund.node.federation.core import Federation
    from talentverbund.node.runtime import NodeRuntime

log = logging.getLogger("talentverbund.audit")

CHECKPOINT_MSG_TYPE = "checkpoint"
EPOCH_RECORD_DOMAIN = b"talentverbund/log-epoch-deletion/v1\n"
KEY_EXTENSION = "talentverbund-signing-key"
NEXT_KEY_EXTENSION = "talentverbund-next-key-sha256"
PROOF_FORMAT = "talentverbund/inclusion-proof/v1"
DEFAULT_CHECKPOINT_INTERVAL = 600.0  # seconds: ten minutes
EXPORT_PAGE = 5000
SIGNATURE_KINDS = frozenset(
    {"bad_signature", "bad_cosignature", "foreign_checkpoint", "bad_checkpoint"}
)
"""Problems with a checkpoint's signature or form, not with the log: reported, but a new
checkpoint of a log that verifies may still be signed (so evidence keeps accruing)."""
OK_STATUSES = frozenset({"accepted", "sent", "receipted", "duplicate"})
EXPORT_FIELDS = (
    "seq",
    "logged_at",
    "direction",
    "peer_id",
    "actor",
    "msg_type",
    "message_id",
    "purpose",
    "envelope_sha256",
    "status",
    "details",
    "prev_hash",
    "entry_hash",
)

_TABLE: Table = ExchangeLogEntry.__table__  # type: ignore[assignment]
_ENTRY_COLUMNS = [_TABLE.c[name] for name in EXPORT_FIELDS]
_STREAM_BATCH = 5000  # rows fetched per round trip while streaming the log
_LEAF_BATCH = 4096  # leaf hashes handed to the Merkle tree at once
PARALLEL_MIN_ENTRIES = 200_000  # below this, starting worker processes costs more than it saves
MAX_WORKERS = 4


class AuditError(NodeError):
    """An audit operation could not be done (exit 1); the message says why."""


# -- names -----------------------------------------------------------------------------


def log_origin(node_id: str) -> str:
    """Origin line (and key name) of a node's exchange-log checkpoints."""
    return f"{tls_server_name(node_id)}/exchange-log"


def witness_name(node_id: str) -> str:
    """Key name a node cosigns other logs' checkpoints under."""
    return tls_server_name(node_id)


# -- dates ----------------------------------------------------------------------------


def parse_moment(text: str, option: str, *, end: bool = False) -> datetime:
    """``YYYY-MM-DD`` or an ISO 8601 datetime, as an aware UTC datetime.

    A bare date means the start of that day in UTC, or with ``end`` the start of
    the next day, so ``--from 2026-01-01 --to 2026-01-31`` covers all of January.
    A datetime without an offset is taken as UTC (the log's one time zone).
    """
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
            return moment + timedelta(days=1) if end else moment
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{option}: {text!r} is not a date or ISO 8601 datetime",
            "write e.g. 2026-01-31 or 2026-01-31T14:30:00Z",
        ) from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def parse_period(start: str, stop: str, names: tuple[str, str] = ("from", "to")) -> Period:
    """Both ends of a period; the end must come after the start."""
    period = Period(parse_moment(start, names[0]), parse_moment(stop, names[1], end=True))
    if period.end <= period.start:
        raise UsageError(
            f"{names[1]} ({period.end_text}) is not after {names[0]} ({period.start_text})",
            "the period is [from, to): give a later end",
        )
    return period


@dataclass(frozen=True)
class Period:
    """Entries with ``start <= logged_at < end`` (times as the log's clock wrote them)."""

    start: datetime
    end: datetime

    @property
    def start_text(self) -> str:
        return format_logged_at(self.start)

    @property
    def end_text(self) -> str:
        return format_logged_at(self.end)

    def conditions(self) -> list[Any]:
        return [_TABLE.c.logged_at >= self.start, _TABLE.c.logged_at < self.end]


# -- checkpoints: what is stored and what a note says -------------------------------------


@dataclass(frozen=True)
class CheckpointInfo:
    """A checkpoint this node signed and stored."""

    id: int
    origin: str
    tree_size: int
    root_hash: str
    note: str
    log_seq: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": self.origin,
            "tree_size": self.tree_size,
            "root_hash": self.root_hash,
            "note": self.note,
            "log_seq": self.log_seq,
        }


def _own_keys(identity: NodeIdentity) -> dict[bytes, VerifierKey]:
    """Key ID -> verifier key of the keys that may sign this node's checkpoints."""
    name = log_origin(identity.node_id)
    keys = {}
    for public in (identity.signing_public_key, identity.initial_signing_public_key):
        key = parse_verifier_key(verifier_key(name, public))
        keys[key.key_id] = key
    return keys


def sign_checkpoint(identity: NodeIdentity, size: int, root: bytes) -> str:
    """The signed note of a checkpoint of this node's log at ``size`` with ``root``.

    The node's signing key also signs descriptors and receipts; those are
    prefixed with their own domain strings, and a note's first line is this
    log's origin, so no signature can be replayed as another kind of message.
    """
    name = log_origin(identity.node_id)
    extensions = (
        f"{KEY_EXTENSION} {base64.b64encode(identity.signing_public_key).decode('ascii')}",
        f"{NEXT_KEY_EXTENSION} {identity.next_signing_key_commitment}",
    )
    body = Checkpoint(name, size, root, extensions).body()
    kid = key_id(name, KEY_TYPE_ED25519, identity.signing_public_key)
    signature = base64.b64encode(kid + identity.sign(body)).decode("ascii")
    note = body.decode("utf-8") + "\n" + f"{SIGNATURE_PREFIX}{name} {signature}\n"
    open_checkpoint(note, [verifier_key(name, identity.signing_public_key)])  # self-check
    return note


def cosign_checkpoint(identity: NodeIdentity, note: str, timestamp: int) -> str:
    """``note`` with this node's ``cosignature/v1`` line added, as a witness signs.

    The witness must first have checked that the checkpoint is consistent with the
    last one it saw of that log (the ``Witness`` RPC does: :mod:`..federation.witness`).
    """
    checkpoint = Checkpoint.from_body(parse_note(note).body)
    name = witness_name(identity.node_id)
    kid = key_id(name, KEY_TYPE_COSIGNATURE_V1, identity.signing_public_key)
    message = COSIGNATURE_HEADER + b"time %d\n" % timestamp + checkpoint.body()
    value = kid + timestamp.to_bytes(8, "big") + identity.sign(message)
    return note + f"{SIGNATURE_PREFIX}{name} {base64.b64encode(value).decode('ascii')}\n"


def split_notes(text: str) -> list[str]:
    """Signed notes written one after another (blank lines between them allowed)."""
    notes: list[str] = []
    lines = text.replace("\r\n", "\n").split("\n")
    current: list[str] = []
    in_signatures = False
    for line in lines:
        if in_signatures:
            if line.startswith(SIGNATURE_PREFIX):
                current.append(line)
                continue
            notes.append("\n".join(current) + "\n")
            current, in_signatures = [], False
        if not current and not line.strip():
            continue  # blank lines between notes
        if not line and current:
            current.append(line)
            in_signatures = True
        else:
            current.append(line)
    if current:
        notes.append("\n".join(current) + ("\n" if in_signatures else ""))
    return notes


# -- verification -----------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing verification found wrong; ``seq`` is the first entry it concerns."""

    kind: str
    message: str
    seq: int | None = None
    last_seq: int | None = None
    checkpoint: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "seq": self.seq,
            "last_seq": self.last_seq,
            "checkpoint": self.checkpoint,
        }


@dataclass(frozen=True)
class LogBase:
    """Where the stored log starts: after the entries deleted with expired epochs.

    Entries ``1..size`` are gone; what verification needs to go on is the hash of
    entry ``size`` (the next entry's ``prev_hash``) and the Merkle compact range at
    ``size`` (which extends to every later root and proof). Both come from the
    newest deleted epoch (:mod:`talentverbund.node.log_epochs`), whose signed
    record :func:`verify` checks.
    """

    size: int = 0
    prev_hash: str = GENESIS_HASH
    frontier: tuple[bytes, ...] = ()
    root: bytes = EMPTY_ROOT
    epoch: int = 0

    def tree(self) -> MerkleTree:
        return MerkleTree.from_frontier(self.size, self.frontier)


def load_base(session: Session) -> LogBase:
    """The start of the stored log, from the newest deleted epoch (or the genesis)."""
    row = session.scalars(
        select(LogEpoch)
        .where(LogEpoch.deleted_at.is_not(None))
        .order_by(LogEpoch.last_seq.desc())
        .limit(1)
    ).first()
    if row is None:
        return LogBase()
    try:
        frontier = tuple(bytes.fromhex(str(h)) for h in row.frontier)
        tree = MerkleTree.from_frontier(int(row.last_seq), frontier)
    except (TypeError, ValueError, MerkleError) as exc:
        raise AuditError(
            f"the record of deleted epoch {row.number} is damaged (its Merkle range: {exc}); "
            "the log after it cannot be verified",
            "restore the log_epochs table from a backup and run 'talentverbund audit verify DIR'",
        ) from None
    return LogBase(int(row.last_seq), row.last_entry_hash, frontier, tree.root(), row.number)


@dataclass
class _Target:
    """A checkpoint the log must reproduce: its size, root and what we know of it."""

    label: str
    source: str  # database | against
    note: str
    row_id: int | None = None
    checkpoint: Checkpoint | None = None
    signers: list[bytes] = field(default_factory=list)  # key IDs of lines under our name
    signing_key: bytes | None = None  # the key its extension line names (unverified)
    next_key: str | None = None  # the commitment its extension line makes (unverified)
    signature_ok: bool = False
    problem: str = ""
    cosigned_by: list[str] = field(default_factory=list)
    forged_cosignatures: list[str] = field(default_factory=list)
    root_matches: bool | None = None  # None: the log does not reach (or breaks before) it

    @property
    def size(self) -> int:
        return self.checkpoint.size if self.checkpoint is not None else -1

    def to_json(self) -> dict[str, Any]:
        cp = self.checkpoint
        return {
            "checkpoint": self.label,
            "source": self.source,
            "tree_size": None if cp is None else cp.size,
            "root_hash": None if cp is None else cp.root_hash.hex(),
            "signature": "ok" if self.signature_ok else self.problem or "not verified",
            "root": {True: "matches", False: "differs", None: "not checked"}[self.root_matches],
            "cosigned_by": list(self.cosigned_by),
            "forged_cosignatures": list(self.forged_cosignatures),
        }


@dataclass
class _Recorded:
    """A ``checkpoint`` entry in the log: the checkpoint and root it recorded."""

    seq: int
    checkpoint_id: int | None
    tree_size: int | None
    root_hash: str | None
    root_matches: bool | None = None


@dataclass
class _Scan:
    """What one pass over the log found."""

    entries: int = 0
    head_hash: str = GENESIS_HASH
    tree: MerkleTree = field(default_factory=MerkleTree)
    roots: dict[int, bytes] = field(default_factory=dict)
    break_problem: Problem | None = None
    recorded: list[_Recorded] = field(default_factory=list)
    clock_regressions: int = 0
    first_regression: int | None = None
    base: LogBase = field(default_factory=LogBase)


@dataclass(frozen=True)
class VerifyReport:
    """Result of :func:`verify`; ``ok`` only when no problem was found."""

    entries: int
    root_hash: str
    head_hash: str
    problems: tuple[Problem, ...]
    checkpoints: tuple[dict[str, Any], ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first(self) -> Problem | None:
        """The problem at the earliest entry (entry-less problems after those)."""
        if not self.problems:
            return None
        return min(self.problems, key=lambda p: (p.seq is None, p.seq or 0))

    def to_json(self) -> dict[str, Any]:
        first = self.first
        return {
            "ok": self.ok,
            "entries": self.entries,
            "root_hash": self.root_hash,
            "head_hash": self.head_hash,
            "first_bad_seq": None if first is None else first.seq,
            "problem": "" if first is None else first.message,
            "problems": [p.to_json() for p in self.problems],
            "checkpoints": list(self.checkpoints),
            "notes": list(self.notes),
        }


# -- reading the log fast --------------------------------------------------------------
#
# ``audit verify`` must get through a million entries in well under 20 s on two cores.
# SQLAlchemy's per-row processing and the general RFC 8785 encoder each cost more than
# that budget allows, so the whole-log passes read the driver's own tuples and build the
# canonical bytes with the C JSON codec; anything that does not hash right goes through
# the exact, slow path before it is called changed.

_SELECT_ENTRIES = "SELECT " + ", ".join(EXPORT_FIELDS) + " FROM exchange_log"  # noqa: S608 (constants)
_canonical_details = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
).encode
_parse_details = json.JSONDecoder().decode
# The C encoder object itself: ``JSONEncoder.encode`` builds a new one on every call,
# which costs as much as the encoding (arguments: markers, default, string encoder,
# indent, key separator, item separator, sort_keys, skipkeys, allow_nan).
_make_c_encoder: Any = getattr(json.encoder, "c_make_encoder", None)
_c_encoder: Any = (
    _make_c_encoder(None, None, encode_basestring, None, ":", ",", True, False, False)
    if _make_c_encoder is not None
    else None
)
_scan_json: Any = getattr(json.JSONDecoder(), "scan_once")  # noqa: B009 (untyped attribute)


def _details_text(details: Any) -> str:
    """Canonical JSON of a stored ``details`` value (the stored text, or parsed already).

    Calls the C scanner and encoder directly, several times faster than
    ``json.loads``/``dumps`` at this size; the scan must consume the whole text.
    """
    if isinstance(details, str):
        text = details
        details, end = _scan_json(text, 0)
        if end != len(text):
            raise ValueError("extra data after the JSON value")
    if _c_encoder is None:
        return _canonical_details(details)
    return "".join(_c_encoder(details, 0))


RawRow = tuple[Any, ...]
"""An entry as the driver returns it, columns in :data:`EXPORT_FIELDS` order."""


def _raw_rows(
    session: Session, after: int = 0, upto: int | None = None
) -> Generator[RawRow, None, None]:
    """Entries with ``after < seq (<= upto)`` in ``seq`` order, as the driver returns them.

    SQLite hands back ``logged_at`` and ``details`` as the stored text; PostgreSQL
    (psycopg) as a naive UTC datetime and a parsed object. A server-side cursor
    keeps memory flat on PostgreSQL.
    """
    connection = session.connection()
    driver = connection.connection.driver_connection
    assert driver is not None
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = f"{_SELECT_ENTRIES} WHERE seq > {mark}"
    params: list[int] = [after]
    if upto is not None:
        sql += f" AND seq <= {mark}"
        params.append(upto)
    sql += " ORDER BY seq"
    if connection.dialect.name == "postgresql":
        cursor = driver.cursor(name=f"audit_{threading.get_ident()}")
    else:
        cursor = driver.cursor()
    try:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(_STREAM_BATCH):
            yield from rows
    finally:
        cursor.close()


def _fast_entry_bytes(row: RawRow) -> bytes:
    """The canonical bytes of a stored entry, built several times faster.

    :func:`entry_bytes` walks every value through the general RFC 8785 encoder;
    here the fixed keys are spelled out in their canonical order and ``details``
    goes through the C JSON encoder with sorted keys. Both produce JSON that
    decodes to the row's values, so when SHA-256 of this text matches the stored
    entry hash, it *is* the text hashed at append time. When it does not match,
    :func:`_entry_bytes_checked` tries :func:`entry_bytes` before calling the
    entry changed: this function can make verification slower, never wrong.
    """
    seq, at, direction, peer, actor, kind, message, purpose, envelope, status, details = row[:11]
    if isinstance(at, str):  # SQLite: "YYYY-MM-DD HH:MM:SS.ffffff"
        at_text = at[:10] + "T" + at[11:23]
    else:  # PostgreSQL: a naive UTC datetime
        at_text = at.isoformat(timespec="milliseconds")[:23]
    quote = encode_basestring
    envelope_text = "null" if envelope is None else quote(envelope)
    message_text = "null" if message is None else quote(message)
    peer_text = "null" if peer is None else quote(peer)
    purpose_text = "null" if purpose is None else quote(purpose)
    text = (
        f'{{"actor":{quote(actor)},"details":{_details_text(details)},'
        f'"direction":{quote(direction)},"envelope_sha256":{envelope_text},'
        f'"logged_at":"{at_text}Z","message_id":{message_text},"msg_type":{quote(kind)},'
        f'"peer_id":{peer_text},"prev_hash":{quote(row[11])},"purpose":{purpose_text},'
        f'"seq":{seq:d},"status":{quote(status)},"v":1}}'
    )
    return text.encode("utf-8")


def _typed(row: RawRow | Mapping[str, Any]) -> dict[str, Any]:
    """The entry's fields with the model's types (aware UTC ``logged_at``, parsed details)."""
    fields = dict(row) if isinstance(row, Mapping) else dict(zip(EXPORT_FIELDS, row, strict=True))
    at = fields["logged_at"]
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    fields["logged_at"] = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    if isinstance(fields["details"], str):
        fields["details"] = json.loads(fields["details"])
    return fields


def _exact_entry_bytes(fields: Mapping[str, Any]) -> bytes:
    """:func:`entry_bytes` of typed fields: the reference the fast path must agree with."""
    entry = ExchangeLogEntry(**fields)
    return entry_bytes(entry.seq, entry.logged_at, entry, entry.prev_hash)


def _hashes_to(data: bytes, entry_hash: str) -> bool:
    return hashlib.sha256(HASH_DOMAIN + data).hexdigest() == entry_hash


def _entry_bytes_checked(row: RawRow) -> bytes | None:
    """The entry's canonical bytes if they hash to its stored ``entry_hash``, else None."""
    try:
        data = _fast_entry_bytes(row)
        if _hashes_to(data, row[12]):
            return data
    except Exception:  # a tampered row may hold anything (a NULL, a float, a number)
        log.debug("fast entry encoding failed; trying the exact one")
    try:
        data = _exact_entry_bytes(_typed(row))
    except Exception:
        return None
    return data if _hashes_to(data, row[12]) else None


def _stream(session: Session, *conditions: Any) -> Iterator[Row[Any]]:
    """Entries in ``seq`` order through SQLAlchemy (typed rows), fetched in batches."""
    statement = select(*_ENTRY_COLUMNS).where(*conditions).order_by(_TABLE.c.seq)
    connection = session.connection().execution_options(yield_per=_STREAM_BATCH)
    yield from connection.execute(statement)


def _entry_json(fields: Mapping[str, Any]) -> dict[str, Any]:
    """An entry as exported and proven: every stored field, times as ISO 8601 UTC ms."""
    entry = {name: fields[name] for name in EXPORT_FIELDS}
    entry["logged_at"] = format_logged_at(fields["logged_at"])
    return entry


# -- walking the log: chain and leaf hashes ------------------------------------------------


@dataclass
class _Walk:
    """One pass over entries ``lo..``: where it stopped, the leaf hashes, what it saw.

    ``broken`` is the first row that breaks the chain (or None): a ``seq`` gap, a
    ``prev_hash`` that is not the previous entry's hash, or a hash mismatch.
    Worker processes return this object, so it holds only picklable values.
    """

    lo: int
    count: int = 0
    first_prev_hash: str | None = None
    last_hash: str = GENESIS_HASH
    leaves: bytes = b""
    recorded: list[tuple[int, Any]] = field(default_factory=list)  # checkpoint entries
    regressions: int = 0
    first_regression: int | None = None
    first_at: Any = None
    last_at: Any = None
    broken: RawRow | None = None
    broken_reason: str = ""

    @property
    def last_seq(self) -> int:
        return self.lo + self.count - 1


def _walk(session: Session, lo: int, hi: int | None, prev_hash: str | None) -> _Walk:
    """Check entries ``lo..hi`` in order; collect their leaf hashes until the first break.

    ``prev_hash``: what entry ``lo - 1`` hashes to, or None when the caller
    stitches ranges together itself (worker processes).
    """
    walk = _Walk(lo)
    leaves = bytearray()
    sha256 = hashlib.sha256
    expected, previous_at = lo, None
    rows = _raw_rows(session, lo - 1, hi)
    for row in rows:
        seq, at, row_prev, kind = row[0], row[1], row[11], row[5]
        if walk.first_prev_hash is None:
            walk.first_prev_hash, walk.first_at = row_prev, at
            if prev_hash is None:
                prev_hash = row_prev
        data = None
        if seq != expected:
            walk.broken_reason = "gap"
        elif row_prev != prev_hash:
            walk.broken_reason = "link"
        else:
            data = _entry_bytes_checked(row)
            walk.broken_reason = "" if data is not None else "hash"
        if data is None:
            walk.broken = row
            break
        leaves += sha256(LEAF_PREFIX + data).digest()
        if kind == CHECKPOINT_MSG_TYPE and row[2] == "local":
            walk.recorded.append((seq, row[10]))
        if previous_at is not None and at < previous_at:
            walk.regressions += 1
            walk.first_regression = walk.first_regression or seq
        prev_hash, previous_at, expected = row[12], at, seq + 1
        walk.count += 1
    rows.close()  # ends the (server-side) cursor now, also after a break
    walk.last_hash, walk.last_at = prev_hash or GENESIS_HASH, previous_at
    walk.leaves = bytes(leaves)
    return walk


def _walk_range(url: str, lo: int, hi: int) -> _Walk:
    """A worker's share of :func:`_scan`: entries ``lo..hi`` of the database at ``url``."""
    from talentverbund.node.storage.db import make_engine, session_factory

    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            return _walk(session, lo, hi, None)
    finally:
        engine.dispose()


def worker_main() -> None:
    """Entry point of a worker process: a task as JSON on stdin, the walk pickled to stdout.

    The database URL (which may hold a password) travels on stdin, never on the
    command line, where other users could read it.
    """
    url, lo, hi = json.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(pickle.dumps(_walk_range(str(url), int(lo), int(hi))))


_WORKER_CODE = "from talentverbund.node.audit import worker_main; worker_main()"


def _parallel_walks(session: Session, lo: int, size: int, workers: int) -> list[_Walk] | None:
    """Walk ``lo + 1..size`` split over ``workers`` processes; None when that is not possible.

    Plain ``python -c`` subprocesses, not multiprocessing: nothing of the calling
    program (``serve`` with its threads, a test runner, a script) is re-imported.
    """
    url = session.get_bind().engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None
    address = url.render_as_string(hide_password=False)
    bounds = [lo + (size - lo) * i // workers for i in range(workers + 1)]
    processes: list[tuple[subprocess.Popen[bytes], IO[bytes]]] = []
    try:
        for i in range(workers):
            errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed below)
            process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
            processes.append((process, errors))
            assert process.stdin is not None
            process.stdin.write(json.dumps([address, bounds[i] + 1, bounds[i + 1]]).encode())
            process.stdin.close()
        walks = []
        for process, errors in processes:
            assert process.stdout is not None
            out = process.stdout.read()
            if process.wait() != 0:
                errors.seek(0)
                last = errors.read().decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
                raise OSError(f"worker exited with {process.returncode}: {last[0][:200]}")
            walks.append(pickle.loads(out))  # noqa: S301 (our own child's output)
        return walks
    except OSError as exc:
        log.warning("parallel log verification unavailable", extra={"reason": str(exc)})
        return None
    finally:
        for process, errors in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
            errors.close()


def _stitched(walks: list[_Walk], base: LogBase, size: int) -> bool:
    """Did the ranges join into one unbroken chain from the base up to ``size``?"""
    previous = base.prev_hash
    for walk in walks:
        if walk.broken is not None or walk.first_prev_hash != previous:
            return False
        previous = walk.last_hash
    return sum(walk.count for walk in walks) == size - base.size


def _walks(session: Session, upto: int | None, workers: int | None, base: LogBase) -> list[_Walk]:
    """Walk the entries after the base up to ``upto`` (all without): in workers when large.

    Whenever the pieces do not join into one clean chain, one sequential pass runs
    instead, so the first problem is located and explained exactly.
    """
    size = max(upto if upto is not None else _log_size(session), base.size)
    workers = workers if workers is not None else min(os.cpu_count() or 1, MAX_WORKERS)
    if workers > 1 and size - base.size >= PARALLEL_MIN_ENTRIES:
        walks = _parallel_walks(session, base.size, size, workers)
        if walks is not None and _stitched(walks, base, size):
            return walks
    return [_walk(session, base.size + 1, upto, base.prev_hash)]


def _scan(session: Session, sizes: set[int], workers: int | None = None) -> _Scan:
    """Recompute the chain and the Merkle tree; stop at the first broken entry.

    The checks are those of :meth:`ExchangeLog.verify_chain` (consecutive ``seq``,
    ``prev_hash`` = the previous entry's hash, each entry's own hash), made in the
    same pass that yields the leaf hashes. Large logs are split between worker
    processes; whenever the pieces do not join cleanly, one sequential pass runs
    again to locate and explain the first problem exactly.
    """
    base = load_base(session)
    walks = _walks(session, None, workers, base)
    scan = _Scan(tree=base.tree(), base=base)
    _grow_tree(scan, walks, sizes)
    last = walks[-1]
    scan.entries, scan.head_hash = last.last_seq, last.last_hash
    if last.broken is not None:
        scan.break_problem = _explain(session, last)
    previous_at = None
    for walk in walks:
        if previous_at is not None and walk.first_at is not None and walk.first_at < previous_at:
            scan.clock_regressions += 1
            scan.first_regression = scan.first_regression or walk.lo
        scan.clock_regressions += walk.regressions
        if walk.first_regression is not None and scan.first_regression is None:
            scan.first_regression = walk.first_regression
        previous_at = walk.last_at
    return scan


def _grow_tree(scan: _Scan, walks: list[_Walk], sizes: set[int]) -> None:
    """Feed the leaves to the Merkle tree, keeping the roots at the sizes asked for."""
    recorded = [(seq, details) for walk in walks for seq, details in walk.recorded]
    base = scan.base
    stops = sorted(s for s in {*sizes, *(seq - 1 for seq, _ in recorded)} if s > base.size)
    roots_at: dict[int, bytes] = {base.size: base.root} if base.size else {}
    tree, position, stop_index = scan.tree, base.size, 0
    for walk in walks:
        blob = walk.leaves
        for offset in range(0, len(blob), HASH_SIZE * _LEAF_BATCH):
            chunk = blob[offset : offset + HASH_SIZE * _LEAF_BATCH]
            count = len(chunk) // HASH_SIZE
            while stop_index < len(stops) and stops[stop_index] <= position + count:
                cut = stops[stop_index] - position
                tree.extend(_split_leaves(chunk[: cut * HASH_SIZE]))
                chunk, count, position = chunk[cut * HASH_SIZE :], count - cut, position + cut
                roots_at[position] = tree.root()
                stop_index += 1
            tree.extend(_split_leaves(chunk))
            position += count
    scan.roots = {size: roots_at[size] for size in sizes if size in roots_at}
    scan.recorded = [_recorded(seq, details, roots_at.get(seq - 1)) for seq, details in recorded]


def _split_leaves(blob: bytes) -> list[bytes]:
    return [blob[i : i + HASH_SIZE] for i in range(0, len(blob), HASH_SIZE)]


def _recorded(seq: int, raw_details: Any, root_before: bytes | None) -> _Recorded:
    """A checkpoint entry's record; its root is compared when it names the size before it."""
    details = _parse_details(raw_details) if isinstance(raw_details, str) else raw_details
    details = details if isinstance(details, dict) else {}

    def get(name: str, kind: type) -> Any:
        value = details.get(name)
        return value if isinstance(value, kind) and not isinstance(value, bool) else None

    recorded = _Recorded(
        seq, get("checkpoint_id", int), get("tree_size", int), get("root_hash", str)
    )
    if recorded.tree_size == seq - 1 and recorded.root_hash and root_before is not None:
        recorded.root_matches = root_before.hex() == recorded.root_hash
    return recorded


# -- explaining the first break -----------------------------------------------------------


def _explain(session: Session, walk: _Walk) -> Problem:
    """What happened at the row where the walk stopped (runs once, at the break)."""
    row = walk.broken
    assert row is not None
    prev_seq = walk.last_seq
    if walk.broken_reason == "gap":
        return _gap_problem(prev_seq, row[0])
    if walk.broken_reason == "link":
        return _explain_link(session, row, prev_seq, walk.last_hash)
    return _modified(row[0])


def _gap_problem(prev_seq: int, seq: int) -> Problem:
    if seq > prev_seq + 1:
        missing = (
            f"entry {prev_seq + 1} is"
            if seq == prev_seq + 2
            else f"entries {prev_seq + 1} to {seq - 1} are"
        )
        return Problem(
            "deleted",
            f"{missing} missing: entry {seq} follows entry {prev_seq} (deleted)",
            prev_seq + 1,
            seq - 1,
        )
    return Problem(  # seq is the primary key: only a seq below 1 gets here
        "inserted", f"entry {seq} follows entry {prev_seq}: entries were inserted", seq
    )


def _seq_with_hash(session: Session, entry_hash: str) -> int | None:
    """The ``seq`` of the stored entry with this hash, if any."""
    if entry_hash == GENESIS_HASH:
        return 0
    return session.scalar(select(_TABLE.c.seq).where(_TABLE.c.entry_hash == entry_hash).limit(1))


def _explain_link(session: Session, row: RawRow, prev_seq: int, prev_hash: str) -> Problem:
    """``prev_hash`` of entry ``seq`` is not entry ``seq - 1``'s hash: say what happened.

    The entry whose hash ``prev_hash`` names (if still stored) tells an insertion
    from a reordering; whether this entry still matches its own hash tells a
    re-hashed predecessor from a deletion with renumbering.
    """
    seq = row[0]
    written_after = _seq_with_hash(session, row[11])
    if written_after is not None and written_after < prev_seq:
        if written_after == prev_seq - 1:
            what = f"entry {prev_seq} was inserted"
        else:
            what = f"entries {written_after + 1} to {prev_seq} were inserted"
        return Problem(
            "inserted",
            f"{what}: entry {seq} was written right after entry {written_after}",
            written_after + 1,
            prev_seq,
        )
    if written_after is not None:
        return Problem(
            "reordered",
            f"entry {seq} was moved: it was written right after the entry now stored as "
            f"{written_after} (entries were reordered)",
            seq,
        )
    if _entry_bytes_checked(row) is not None:
        return Problem(
            "modified",
            f"entry {prev_seq} was changed and its hash recomputed: entry {seq} was written "
            f"after a different entry {prev_seq}",
            prev_seq,
        )
    if _matches_with_prev_hash(row, prev_hash):
        return _modified(seq)
    return Problem(
        "deleted",
        f"entry {seq} does not chain to entry {prev_seq} and does not match its own hash: "
        "entries before it were deleted and the later ones renumbered",
        seq,
    )


def _matches_with_prev_hash(row: RawRow, prev_hash: str) -> bool:
    """Would the entry match its hash if its ``prev_hash`` were ``prev_hash``? (edited link)"""
    try:
        data = _exact_entry_bytes({**_typed(row), "prev_hash": prev_hash})
    except Exception:
        return False
    return _hashes_to(data, row[12])


def _modified(seq: int) -> Problem:
    return Problem(
        "modified",
        f"entry {seq} was changed after it was written (it does not match its hash)",
        seq,
    )


def _load_targets(
    fed: Federation, session: Session, against: str | None
) -> tuple[list[_Target], list[Problem]]:
    """Our stored checkpoints and those of the ``--against`` file, parsed, not yet judged."""
    targets: list[_Target] = []
    problems: list[Problem] = []
    rows = session.scalars(
        select(LogCheckpoint)
        .where(LogCheckpoint.peer_id.is_(None))
        .order_by(LogCheckpoint.tree_size, LogCheckpoint.id)
    ).all()
    origin = log_origin(fed.node_id)
    for row in rows:
        target = _Target(f"#{row.id}", "database", row.note, row_id=row.id)
        targets.append(target)
        if _parse_target(target, origin, problems):
            cp = target.checkpoint
            assert cp is not None
            if (row.origin, row.tree_size, row.root_hash) != (
                cp.origin,
                cp.size,
                cp.root_hash.hex(),
            ):
                problems.append(
                    Problem(
                        "checkpoint_row_changed",
                        f"checkpoint {target.label}: its stored size or root ({row.tree_size}) "
                        f"differs from its signed note ({cp.size}): the row was edited",
                        checkpoint=target.label,
                    )
                )
    if against is not None:
        notes = split_notes(against)
        if not notes:
            raise UsageError("the --against file holds no checkpoint", "give signed notes")
        for number, note in enumerate(notes, start=1):
            target = _Target(f"against #{number}", "against", note)
            targets.append(target)
            _parse_target(target, origin, problems)
    return targets, problems


def _parse_target(target: _Target, origin: str, problems: list[Problem]) -> bool:
    try:
        note = parse_note(target.note)
        checkpoint = Checkpoint.from_body(note.body)
    except NoteError as exc:
        target.problem = "malformed"
        problems.append(
            Problem("bad_checkpoint", f"checkpoint {target.label}: {exc}", checkpoint=target.label)
        )
        return False
    if checkpoint.origin != origin:
        target.problem = "foreign origin"
        problems.append(
            Problem(
                "foreign_checkpoint",
                f"checkpoint {target.label} is of another log ({checkpoint.origin}), "
                f"not this node's ({origin})",
                checkpoint=target.label,
            )
        )
        return False
    target.checkpoint = checkpoint
    for line in checkpoint.extensions:
        name, _, value = line.partition(" ")
        if name == KEY_EXTENSION:
            try:
                target.signing_key = base64.b64decode(value, validate=True)
            except ValueError:
                target.signing_key = None
        elif name == NEXT_KEY_EXTENSION:
            target.next_key = value
    target.signers = [s.key_id for s in note.signatures if s.name == origin]
    return True


def _judge_signatures(targets: list[_Target], own: dict[bytes, VerifierKey], origin: str) -> None:
    """Accept our own signatures; a rotated key counts once a trusted checkpoint committed to it."""
    trusted = dict(own)
    committed: set[str] = set()
    progress = True
    while progress:
        progress = False
        for target in targets:
            if target.checkpoint is None or target.signature_ok:
                continue
            key = next((trusted[k] for k in target.signers if k in trusted), None)
            key = key or _committed_key(target, committed, origin)
            if key is None:
                continue
            try:
                open_checkpoint(target.note, [key])
            except NoteError as exc:
                target.problem = f"bad signature: {exc}"
                continue
            target.signature_ok, target.problem, progress = True, "", True
            trusted[key.key_id] = key
            if target.next_key:
                committed.add(target.next_key)


def _committed_key(target: _Target, committed: set[str], origin: str) -> VerifierKey | None:
    """The key the checkpoint names, if an accepted checkpoint committed to exactly it."""
    public = target.signing_key
    if public is None or len(public) != 32 or key_commitment(public) not in committed:
        return None
    key = parse_verifier_key(verifier_key(origin, public))
    return key if key.key_id in target.signers else None


def _judge_cosignatures(fed: Federation, session: Session, targets: list[_Target]) -> list[str]:
    """Check peers' cosignatures on the ``--against`` checkpoints; notes for the report."""
    peers = []
    for row in session.scalars(select(Peer)).all():
        try:
            descriptor = NodeDescriptor.from_json(row.descriptor)
        except CryptoError:
            continue
        peers.append((row.node_id, descriptor.signing_key.public))
    notes = []
    origin = log_origin(fed.node_id)
    for target in targets:
        if target.source != "against" or target.checkpoint is None:
            continue
        for signature in parse_note(target.note).signatures:
            if signature.name == origin:
                continue
            match = _peer_key(signature, peers)
            if match is None:
                notes.append(
                    f"checkpoint {target.label}: signature by {signature.label} is not by a "
                    "known peer key (ignored)"
                )
                continue
            peer_id, key = match
            try:
                open_checkpoint(target.note, [key])
            except NoteError as exc:
                target.forged_cosignatures.append(f"{peer_id}: {exc}")
                continue
            target.cosigned_by.append(peer_id)
        if not target.cosigned_by:
            notes.append(
                f"checkpoint {target.label} carries no cosignature by a known peer: it is "
                "checked as our own signed checkpoint only"
            )
    return notes


def _peer_key(signature: NoteSignature, peers: list[tuple[str, bytes]]) -> tuple[str, str] | None:
    for peer_id, public in peers:
        for key_type in (KEY_TYPE_COSIGNATURE_V1, KEY_TYPE_ED25519):
            if key_id(signature.name, key_type, public) == signature.key_id:
                return peer_id, verifier_key(signature.name, public, key_type=key_type)
    return None


def verify(
    fed: Federation, against: str | None = None, *, workers: int | None = None
) -> VerifyReport:
    """Check the whole log: chain, Merkle roots, every checkpoint and its signature.

    ``against``: the text of signed checkpoints kept outside the node (cosigned by
    peers, or saved by the DPO); each must be our own signed checkpoint, and its
    root must be reproduced by the log like those stored in the database.
    ``workers``: processes for a large log (default: one per CPU, at most four).
    """
    report, _ = _verify(fed, against, workers)
    return report


def _verify(
    fed: Federation, against: str | None, workers: int | None = None
) -> tuple[VerifyReport, _Scan]:
    with fed.sessions() as session:
        # checkpoints first: an entry appended meanwhile cannot make one look truncated
        targets, problems = _load_targets(fed, session, against)
        sizes = {t.size for t in targets if t.size > 0}
        scan = _scan(session, sizes, workers)
        notes = _judge_cosignatures(fed, session, targets) if against is not None else []
    _judge_roots(targets, scan)
    _judge_signatures(targets, _own_keys(fed.identity), log_origin(fed.node_id))
    with fed.sessions() as session:
        found, epoch_notes = _epoch_problems(fed, session, targets, scan.base)
    problems += found
    notes += epoch_notes
    if fed.log.mirror is not None:
        mirrored = fed.log.mirror.verify()
        problems += [Problem(p.kind, p.message, p.seq, p.last_seq) for p in mirrored.problems]
        notes += [f"file mirror: {note}" for note in mirrored.notes]
    problems += _signature_problems(targets)
    problems += _root_problems(targets, scan)
    problems += _recorded_problems(targets, scan)
    if scan.break_problem is not None:
        problems.insert(0, scan.break_problem)
    notes += _coverage_notes(targets, scan)
    report = VerifyReport(
        scan.entries,
        scan.tree.root().hex(),
        scan.head_hash,
        tuple(problems),
        tuple(t.to_json() for t in targets),
        tuple(notes),
    )
    return report, scan


def _epoch_problems(
    fed: Federation, session: Session, targets: list[_Target], base: LogBase
) -> tuple[list[Problem], list[str]]:
    """Deleted epochs: their signed records, and that nothing they deleted is back."""
    trusted = {fed.identity.signing_public_key, fed.identity.initial_signing_public_key}
    trusted |= {t.signing_key for t in targets if t.signature_ok and t.signing_key}
    rows = session.scalars(
        select(LogEpoch).where(LogEpoch.deleted_at.is_not(None)).order_by(LogEpoch.number)
    ).all()
    problems = []
    for row in rows:
        why = epoch_record_problem(fed.node_id, row, trusted)
        if why:
            problems.append(
                Problem("epoch_record", f"deleted epoch {row.number}: {why}", row.last_seq)
            )
    if not base.size:
        return problems, []
    kept = session.scalar(select(func.min(_TABLE.c.seq)).where(_TABLE.c.seq <= base.size))
    if kept is not None:
        problems.append(
            Problem(
                "inserted",
                f"entry {kept} is stored although epoch {base.epoch} deleted entries up to "
                f"{base.size}: entries were inserted",
                int(kept),
            )
        )
    note = (
        f"entries 1 to {base.size} were deleted with expired epochs (up to epoch "
        f"{base.epoch}); verification continues from the signed record of epoch {base.epoch}"
    )
    return problems, [note]


def epoch_record_problem(node_id: str, row: LogEpoch, trusted: set[bytes]) -> str:
    """Why a deleted epoch's signed record does not hold, or "" when it does."""
    try:
        document = json.loads(row.record or "")
        body = document["record"]
        key = base64.b64decode(body["signing_key"], validate=True)
        signature = base64.b64decode(document["signature"], validate=True)
        Ed25519PublicKey.from_public_bytes(key).verify(
            signature, EPOCH_RECORD_DOMAIN + canonical_json(body)
        )
    except (InvalidSignature, KeyError, TypeError, ValueError):
        return "its signed deletion record is missing or its signature does not verify"
    if key not in trusted or body.get("node_id") != node_id:
        return "its deletion record is not signed by this node's key"
    stored = {
        "epoch": row.number,
        "first_seq": row.first_seq,
        "last_seq": row.last_seq,
        "root_hash": row.root_hash,
        "frontier": list(row.frontier),
        "last_entry_hash": row.last_entry_hash,
    }
    changed = sorted(name for name, value in stored.items() if body.get(name) != value)
    if changed:
        return f"its stored {', '.join(changed)} differ from its signed record (edited)"
    try:
        opened = open_checkpoint(str(body["checkpoint"]), [verifier_key(log_origin(node_id), key)])
    except NoteError as exc:
        return f"the final checkpoint in its record does not verify: {exc}"
    if (opened.checkpoint.size, opened.checkpoint.root_hash.hex()) != (
        row.last_seq,
        row.root_hash,
    ):
        return "its final checkpoint is of another size or root than the record says"
    return ""


def _judge_roots(targets: list[_Target], scan: _Scan) -> None:
    for target in targets:
        if target.checkpoint is None:
            continue
        if target.size == 0:
            target.root_matches = target.checkpoint.root_hash == EMPTY_ROOT
        elif target.size in scan.roots:
            target.root_matches = scan.roots[target.size] == target.checkpoint.root_hash


def _signature_problems(targets: list[_Target]) -> list[Problem]:
    problems = []
    for target in targets:
        for forged in target.forged_cosignatures:
            problems.append(
                Problem(
                    "bad_cosignature",
                    f"checkpoint {target.label}: cosignature by peer {forged}",
                    checkpoint=target.label,
                )
            )
        if target.checkpoint is None or target.signature_ok:
            continue
        if not target.signers:
            what = "it is not signed by this node at all"
            target.problem = "no signature by this node"
        elif target.problem.startswith("bad signature"):
            what = target.problem
        else:
            ids = ", ".join(k.hex() for k in target.signers)
            what = f"it is signed by another key (key ID {ids}), not by this node: rejected"
            target.problem = "signed by another key"
        problems.append(
            Problem(
                "bad_signature",
                f"checkpoint {target.label} (size {target.size}): {what}",
                checkpoint=target.label,
            )
        )
    return problems


def _matched_sizes(targets: list[_Target], scan: _Scan) -> list[int]:
    """Sizes up to which the log provably (or, for recorded roots, at least) still matches."""
    sizes = [t.size for t in targets if t.signature_ok and t.root_matches]
    sizes += [r.tree_size for r in scan.recorded if r.root_matches and r.tree_size is not None]
    return sorted(sizes)


def _root_problems(targets: list[_Target], scan: _Scan) -> list[Problem]:
    problems = []
    matched = _matched_sizes(targets, scan)
    for target in targets:
        if target.checkpoint is None or not target.signature_ok:
            continue
        if target.size > scan.entries and scan.break_problem is None:
            problems.append(
                Problem(
                    "truncated",
                    f"the log ends at entry {scan.entries}, but checkpoint {target.label} "
                    f"covers {target.size} entries: entries {scan.entries + 1} to "
                    f"{target.size} were removed from the end",
                    scan.entries + 1,
                    target.size,
                    target.label,
                )
            )
        elif target.root_matches is False:
            good = max((size for size in matched if size < target.size), default=0)
            problems.append(
                Problem(
                    "rewritten",
                    f"entries {good + 1} to {target.size} were rewritten: their recomputed "
                    f"Merkle root differs from signed checkpoint {target.label} (size "
                    f"{target.size}); the log still matches up to entry {good}",
                    good + 1,
                    target.size,
                    target.label,
                )
            )
    return problems


def _recorded_problems(targets: list[_Target], scan: _Scan) -> list[Problem]:
    """Checkpoint entries whose checkpoint row vanished, or whose recorded root differs."""
    problems = []
    stored = {t.row_id: t for t in targets if t.row_id is not None}
    matched = _matched_sizes(targets, scan)
    for record in scan.recorded:
        expired = record.tree_size is not None and record.tree_size < scan.base.size
        if record.checkpoint_id is not None and record.checkpoint_id not in stored and not expired:
            problems.append(
                Problem(
                    "checkpoint_deleted",
                    f"checkpoint #{record.checkpoint_id} (size {record.tree_size}), recorded "
                    f"in entry {record.seq}, is missing from the checkpoint table: deleted",
                    checkpoint=f"#{record.checkpoint_id}",
                )
            )
        if record.root_matches is False and record.tree_size is not None:
            good = max((size for size in matched if size < record.tree_size), default=0)
            problems.append(
                Problem(
                    "rewritten",
                    f"entries {good + 1} to {record.tree_size} were rewritten: their Merkle "
                    f"root differs from the one recorded in entry {record.seq}",
                    good + 1,
                    record.tree_size,
                )
            )
    return problems


def _coverage_notes(targets: list[_Target], scan: _Scan) -> list[str]:
    notes = []
    covered = max((t.size for t in targets if t.signature_ok and t.root_matches), default=0)
    newest = scan.recorded[-1] if scan.recorded else None
    only_its_record = (
        newest is not None and newest.seq == scan.entries == covered + 1
    ) and newest.tree_size == covered
    if scan.break_problem is None and scan.entries > covered and not only_its_record:
        if covered:
            span = (
                f"entry {scan.entries} is"
                if scan.entries == covered + 1
                else f"entries {covered + 1} to {scan.entries} are"
            )
            notes.append(
                f"{span} not yet covered by a signed checkpoint (run 'talentverbund audit "
                "checkpoint DIR')"
            )
        else:
            notes.append(
                "no signed checkpoint covers the log yet: a consistent rewrite of it could "
                "not be detected (run 'talentverbund audit checkpoint DIR')"
            )
    if scan.clock_regressions:
        notes.append(
            f"the clock went backwards {scan.clock_regressions} time(s), first at entry "
            f"{scan.first_regression} (the log orders by seq, not by time)"
        )
    return notes


# -- making checkpoints -------------------------------------------------------------------


def make_checkpoint(
    fed: Federation, actor: str = "operator", *, workers: int | None = None
) -> CheckpointInfo:
    """Verify the whole log, then sign and store a checkpoint of it."""
    scan = verified_for_signing(fed, workers)
    if scan.entries == 0:
        raise UsageError("the exchange log is empty: there is nothing to sign yet")
    return _store_checkpoint(fed, scan.entries, scan.tree.root(), actor)


def verified_for_signing(fed: Federation, workers: int | None = None) -> _Scan:
    """The scan of a log fit to sign, or AuditError.

    A signature over a tampered log would make the tampering look legitimate to
    every later auditor, so any problem with the log's content (or with the
    checkpoint table) refuses. A checkpoint row whose signature is not ours does
    not: it is reported by ``verify``, and the log itself still checks out.
    """
    report, scan = _verify(fed, None, workers)
    blocking = [p for p in report.problems if p.kind not in SIGNATURE_KINDS]
    if blocking:
        first = min(blocking, key=lambda p: (p.seq is None, p.seq or 0))
        raise AuditError(
            f"refusing to sign a checkpoint: the exchange log does not verify: {first.message}",
            "run 'talentverbund audit verify DIR' and investigate before signing",
        )
    return scan


def catch_up(session: Session, tree: MerkleTree, head_hash: str) -> tuple[MerkleTree, str]:
    """Verify and add the entries appended after a verified ``tree``; the new head hash."""
    walk = _walk(session, tree.size + 1, None, head_hash)
    if walk.broken is not None:
        raise AuditError(
            f"entry {walk.last_seq + 1} does not continue the verified log "
            f"(entries up to {walk.last_seq} were verified)",
            "run 'talentverbund audit verify DIR'",
        )
    tree.extend(_split_leaves(walk.leaves))
    return tree, walk.last_hash


def _store_checkpoint(fed: Federation, size: int, root: bytes, actor: str) -> CheckpointInfo:
    """Sign (size, root), store the note and append the ``checkpoint`` entry atomically."""
    with fed.log.transaction() as tx:
        info = add_checkpoint(fed, tx, size, root, actor)
    log.info("log checkpoint signed", extra={"tree_size": size, "checkpoint_id": info.id})
    return info


def add_checkpoint(
    fed: Federation, tx: LogTransaction, size: int, root: bytes, actor: str
) -> CheckpointInfo:
    """Inside an open log transaction: sign (size, root), store it, append its entry."""
    note = sign_checkpoint(fed.identity, size, root)
    origin = log_origin(fed.node_id)
    key = verifier_key(origin, fed.identity.signing_public_key)
    row = LogCheckpoint(
        origin=origin,
        tree_size=size,
        root_hash=root.hex(),
        note=note,
        created_at=fed.clock(),
        peer_id=None,
    )
    tx.session.add(row)
    tx.session.flush()
    appended = tx.append(
        LogRecord(
            direction="local",
            actor=actor,
            msg_type=CHECKPOINT_MSG_TYPE,
            status="ok",
            details={
                "checkpoint_id": row.id,
                "tree_size": size,
                "root_hash": root.hex(),
                "key": key,
            },
        )
    )
    return CheckpointInfo(row.id, origin, size, root.hex(), note, appended.seq)


def _latest_checkpoint_size(fed: Federation) -> int | None:
    with fed.sessions() as session:
        value = session.scalar(
            select(func.max(LogCheckpoint.tree_size)).where(LogCheckpoint.peer_id.is_(None))
        )
    return None if value is None else int(value)


class CheckpointScheduler:
    """Signs checkpoints inside ``serve``: at start, every ``interval`` and at stop.

    Only when the log grew since the latest checkpoint (its own ``checkpoint``
    entry does not count). The first round verifies the whole log; later rounds
    verify only the entries appended since, continuing the tree in memory. When
    verification fails nothing is signed: the failure is logged (entry numbers,
    never contents) and the next round verifies everything again.
    """

    def __init__(
        self,
        fed: Federation,
        interval: float = DEFAULT_CHECKPOINT_INTERVAL,
        workers: int | None = None,
    ) -> None:
        if interval <= 0:
            raise ValueError("checkpoint interval must be positive")
        self._fed = fed
        self._workers = workers
        self._interval = interval
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._tree: MerkleTree | None = None
        self._head = GENESIS_HASH

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="log-checkpoints", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 60.0) -> None:
        """Stop the thread, then sign a last checkpoint if the log grew."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                log.warning("log checkpoint thread did not stop; no final checkpoint")
                return
        self._round()

    def run_once(self) -> CheckpointInfo | None:
        """One round now: the checkpoint signed, or None (no growth, or a failure)."""
        return self._round()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._round()
            self._stop.wait(self._interval)

    def _round(self) -> CheckpointInfo | None:
        with self._lock:
            try:
                return self._sign_if_grown()
            except NodeError as exc:
                log.warning("log checkpoint not signed", extra={"reason": exc.message})
            except Exception:  # keep serving whatever the database does
                log.exception("log checkpoint failed")
            self._tree = None
            return None

    def _sign_if_grown(self) -> CheckpointInfo | None:
        if self._tree is None:
            scan = verified_for_signing(self._fed, self._workers)
            self._tree, self._head = scan.tree, scan.head_hash
        else:
            self._extend()
        size = self._tree.size
        latest = _latest_checkpoint_size(self._fed)
        if size == 0 or (latest is not None and size <= latest + 1):
            return None
        return _store_checkpoint(self._fed, size, self._tree.root(), "node")

    def _extend(self) -> None:
        """Verify and add the entries appended since the last round."""
        assert self._tree is not None
        with self._fed.sessions() as session:
            self._tree, self._head = catch_up(session, self._tree, self._head)


# -- inclusion proofs ---------------------------------------------------------------------


def prove(fed: Federation, seq: int, *, workers: int | None = None) -> dict[str, Any]:
    """Inclusion proof of entry ``seq`` against the latest checkpoint signed by our key.

    Recomputes the leaves up to the checkpoint's size (refusing if any entry there
    does not verify), builds the path from them and checks it leads to the signed
    root before handing the proof out.
    """
    if seq < 1:
        raise UsageError(f"entry {seq} does not exist: entries start at 1", "give a seq >= 1")
    origin = log_origin(fed.node_id)
    key = verifier_key(origin, fed.identity.signing_public_key)
    with fed.sessions() as session:
        rows = session.scalars(
            select(LogCheckpoint)
            .where(LogCheckpoint.peer_id.is_(None), LogCheckpoint.tree_size >= seq)
            .order_by(LogCheckpoint.tree_size.desc(), LogCheckpoint.id.desc())
        ).all()
        note, checkpoint = _usable_checkpoint(rows, key)
        if checkpoint is None:
            size = _log_size(session)
            if seq > size:
                raise UsageError(f"entry {seq} does not exist: the log has {size} entries")
            raise UsageError(
                f"entry {seq} is not covered by a checkpoint signed with the current key yet",
                "run 'talentverbund audit checkpoint DIR' first",
            )
        size = checkpoint.size
        base = load_base(session)
        if seq <= base.size:
            raise _deleted_entry(seq)
        tree = proof_tree(session, size, workers=workers, base=base)
        row = session.execute(select(*_ENTRY_COLUMNS).where(_TABLE.c.seq == seq)).one()
        entry = _entry_json(dict(row._mapping))
    index = seq - 1
    leaf = tree.leaf(index)
    path = tree.inclusion_proof(index, size)
    try:
        verify_inclusion(leaf, index, size, path, checkpoint.root_hash)
    except InclusionProofError as exc:
        raise AuditError(
            f"the log does not reproduce the checkpoint of size {size}: {exc}",
            "run 'talentverbund audit verify DIR'",
        ) from None
    return {
        "format": PROOF_FORMAT,
        "node_id": fed.node_id,
        "entry": entry,
        "leaf_index": index,
        "leaf_hash": leaf.hex(),
        "tree_size": size,
        "root_hash": checkpoint.root_hash.hex(),
        "inclusion_path": [node.hex() for node in path],
        "checkpoint": note,
        "log_key": key,
    }


def _usable_checkpoint(rows: Sequence[LogCheckpoint], key: str) -> tuple[str, Checkpoint | None]:
    for row in rows:
        try:
            return row.note, open_checkpoint(row.note, [key]).checkpoint
        except NoteError:
            continue
    return "", None


def _log_size(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(_TABLE.c.seq), 0))) or 0)


def proof_tree(
    session: Session, size: int, *, workers: int | None = None, base: LogBase | None = None
) -> ProofTree:
    """Every subtree hash of entries ``1..size`` (leaf ``seq - 1``), chain checked first.

    After epochs were deleted the tree starts from their compact range, so it
    proves every entry still stored and every size from the deletion on.
    Raises :class:`AuditError` when the log does not verify up to ``size`` (or is
    shorter): nothing is proven from a log that does not check out.
    """
    base = base if base is not None else load_base(session)
    if size < base.size:
        raise AuditError(
            f"entries up to {base.size} were deleted with epoch {base.epoch}: nothing "
            f"up to size {size} can be proven any more"
        )
    walks = _walks(session, size, workers, base) if size > base.size else []
    if walks and (walks[-1].broken is not None or sum(w.count for w in walks) != size - base.size):
        raise AuditError(
            f"the log does not verify up to entry {size}; no proof is given",
            "run 'talentverbund audit verify DIR'",
        )
    leaves = _split_leaves(b"".join(walk.leaves for walk in walks))
    return ProofTree.from_base(base.size, base.frontier, leaves)


def _deleted_entry(seq: int) -> UsageError:
    return UsageError(
        f"entry {seq} was deleted with its epoch when the log's retention period ended",
        "'talentverbund audit epochs DIR' lists the deleted epochs and their signed records",
    )


@dataclass(frozen=True)
class ProofCheck:
    """Result of :func:`verify_proof`."""

    seq: int
    tree_size: int
    root_hash: str
    node_id: str
    key: str
    key_source: str

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": True,
            "seq": self.seq,
            "tree_size": self.tree_size,
            "root_hash": self.root_hash,
            "node_id": self.node_id,
            "key": self.key,
            "key_source": self.key_source,
        }


class ProofError(NodeError):
    """An inclusion proof does not hold (exit 1)."""


def verify_proof(
    proof: Mapping[str, Any], *, key: str | None = None, descriptor: NodeDescriptor | None = None
) -> ProofCheck:
    """Check an inclusion proof made by :func:`prove`, with no access to the node.

    The checkpoint's signature is checked with ``key`` (a verifier key text), or
    the signing key of the node's ``descriptor``, or -- weakest, and said so in
    ``key_source`` -- the key written in the proof itself.
    """
    if proof.get("format") != PROOF_FORMAT:
        raise UsageError(
            f"not an inclusion proof ({PROOF_FORMAT!r} expected in 'format')",
            "give a file written by 'talentverbund audit prove'",
        )
    try:
        node_id = str(proof["node_id"])
        entry = dict(proof["entry"])
        index, size = int(proof["leaf_index"]), int(proof["tree_size"])
        path = [bytes.fromhex(str(h)) for h in proof["inclusion_path"]]
        note = str(proof["checkpoint"])
        fields = {name: entry[name] for name in EXPORT_FIELDS}
        fields["logged_at"] = datetime.fromisoformat(str(entry["logged_at"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise UsageError(f"the proof file is incomplete or malformed: {exc}") from None
    origin = log_origin(node_id)
    if descriptor is not None:
        if descriptor.node_id != node_id:
            raise ProofError(f"the descriptor is of node {descriptor.node_id}, not {node_id}")
        key, source = verifier_key(origin, descriptor.signing_key.public), "descriptor"
    elif key is not None:
        source = "given key"
    else:
        key, source = str(proof.get("log_key", "")), "proof file (self-asserted)"
    try:
        data = _exact_entry_bytes(fields)
    except Exception as exc:
        raise ProofError(f"the entry in the proof cannot be encoded: {exc}") from None
    if hashlib.sha256(HASH_DOMAIN + data).hexdigest() != fields["entry_hash"]:
        raise ProofError(f"entry {fields['seq']}: its fields do not match its entry_hash (changed)")
    if index != fields["seq"] - 1:
        raise ProofError(f"leaf index {index} is not entry {fields['seq']}'s (seq - 1)")
    try:
        checkpoint = open_checkpoint(note, [key]).checkpoint
    except NoteError as exc:
        raise ProofError(f"the checkpoint is not signed by {node_id}'s key: {exc}") from None
    if checkpoint.origin != origin or checkpoint.size != size:
        raise ProofError(
            f"the checkpoint is of {checkpoint.origin} at size {checkpoint.size}, "
            f"not of {origin} at size {size}"
        )
    leaf = hashlib.sha256(LEAF_PREFIX + data).digest()
    try:
        verify_inclusion(leaf, index, size, path, checkpoint.root_hash)
    except InclusionProofError as exc:
        raise ProofError(f"entry {fields['seq']} is not in the checkpointed log: {exc}") from None
    return ProofCheck(fields["seq"], size, checkpoint.root_hash.hex(), node_id, key, source)


# -- export ------------------------------------------------------------------------------


def export_page(
    fed: Federation, period: Period, after: int = 0, limit: int = EXPORT_PAGE
) -> tuple[list[dict[str, Any]], int | None]:
    """Up to ``limit`` entries of ``period`` with seq > ``after``; and the next cursor.

    Paged so an export of millions of entries streams through the admin socket.
    """
    with fed.sessions() as session:
        rows = (
            session.connection()
            .execute(
                select(*_ENTRY_COLUMNS)
                .where(_TABLE.c.seq > after, *period.conditions())
                .order_by(_TABLE.c.seq)
                .limit(limit)
            )
            .all()
        )
    entries = [_entry_json(dict(row._mapping)) for row in rows]
    following = int(rows[-1].seq) if len(rows) == limit else None
    return entries, following


_CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: JSONValue) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading quote."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return canonical_json(value).decode("utf-8")
    text = str(value)
    return "'" + text if text.startswith(_CSV_FORMULA) else text


class ExportWriter:
    """Writes exported entries as JSON Lines or CSV (header row first) to a text stream."""

    def __init__(self, stream: IO[str], fmt: str) -> None:
        if fmt not in ("jsonl", "csv"):
            raise UsageError(f"unknown export format {fmt!r}", "use jsonl or csv")
        self._stream = stream
        self._csv = csv.writer(stream, lineterminator="\n") if fmt == "csv" else None
        if self._csv is not None:
            self._csv.writerow(EXPORT_FIELDS)
        self.count = 0

    def write(self, entries: Iterable[Mapping[str, JSONValue]]) -> None:
        for entry in entries:
            if self._csv is not None:
                self._csv.writerow([_csv_cell(entry[name]) for name in EXPORT_FIELDS])
            else:
                self._stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.count += 1


def export(fed: Federation, period: Period, fmt: str, stream: IO[str]) -> int:
    """Write every entry of ``period`` to ``stream``; returns how many."""
    writer = ExportWriter(stream, fmt)
    after: int | None = 0
    while after is not None:
        entries, after = export_page(fed, period, after)
        writer.write(entries)
    return writer.count


def export_text(fed: Federation, period: Period, fmt: str) -> str:
    """:func:`export` into a string (tests, small periods)."""
    buffer = io.StringIO()
    export(fed, period, fmt, buffer)
    return buffer.getvalue()


# -- report --------------------------------------------------------------------------------
#
# What the log's entries look like (node/federation: answering, searching, introductions,
# erasure), and so what the report counts:
#   search / search.results          a query and its answer; ``details.results`` = how many
#   introduction.request / .reply    an introduction request and its acknowledgement
#   notice with ``details.outcome``  an introduction's answer; "accepted" carries the
#                                    candidate's contact card to the requester
#   notice of an erasure             ``details.notice == "erasure"`` (received) or
#                                    ``notice_id`` and ``reason`` (sent): Art. 19 notices
#   local erasure / retention        a candidate erased; a decision on a contact card kept


@dataclass
class _Counts:
    queries_received: int = 0
    queries_sent: int = 0
    result_messages_sent: int = 0
    result_messages_received: int = 0
    results_sent: int = 0
    results_received: int = 0
    introductions_received: int = 0
    introductions_sent: int = 0
    introduction_answers_received: int = 0
    introduction_answers_sent: int = 0
    candidate_data_sent: int = 0
    candidate_data_received: int = 0
    erasure_notices_received: int = 0
    erasure_notices_sent: int = 0
    rejections: int = 0
    other_messages: int = 0


def _details(row: Row[Any]) -> dict[str, Any]:
    return row.details if isinstance(row.details, dict) else {}


def _int_detail(details: Mapping[str, Any], name: str) -> int:
    value = details.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _is_erasure_notice(row: Row[Any]) -> bool:
    details = _details(row)
    if row.msg_type != "notice":
        return False
    return details.get("notice") == "erasure" or ("notice_id" in details and "reason" in details)


def _carries_candidate_data(row: Row[Any]) -> bool:
    """An introduction answer 'accepted' that went through: the one message with a contact card."""
    return _details(row).get("outcome") == "accepted" and row.status in OK_STATUSES


def _count(counts: _Counts, row: Row[Any]) -> None:
    """Add one in/out message to its peer's counts."""
    kind, incoming, details = row.msg_type, row.direction == "in", _details(row)
    if kind == "search":
        if incoming:
            counts.queries_received += 1
        else:
            counts.queries_sent += 1
            counts.results_received += _int_detail(details, "results")
    elif kind == "search.results":
        if incoming:
            counts.result_messages_received += 1
            counts.results_received += _int_detail(details, "results")
        else:
            counts.result_messages_sent += 1
            counts.results_sent += _int_detail(details, "results")
    elif kind.startswith("introduction"):
        if incoming:
            counts.introductions_received += 1
        else:
            counts.introductions_sent += 1
    elif "outcome" in details:
        if incoming:
            counts.introduction_answers_received += 1
            counts.candidate_data_received += _carries_candidate_data(row)
        else:
            counts.introduction_answers_sent += 1
            counts.candidate_data_sent += _carries_candidate_data(row)
    elif _is_erasure_notice(row):
        if incoming:
            counts.erasure_notices_received += 1
        else:
            counts.erasure_notices_sent += 1
    else:
        counts.other_messages += 1
    if row.status not in OK_STATUSES:
        counts.rejections += 1


def _retention_kind(row: Row[Any]) -> str | None:
    """How a retention or erasure action is named in the report, or None."""
    if row.msg_type.startswith(("retention", "erasure")):
        return str(row.msg_type)
    return "erasure notice" if _is_erasure_notice(row) else None


def report(fed: Federation, period: Period, legal_basis: str | None = None) -> dict[str, Any]:
    """Art. 30-style summary of ``period``, counted from the log's entries alone.

    Per peer and purpose: queries, result messages and results (the ``results``
    count in the entries' details), introduction requests and answers, answers
    that carried candidate data (an accepted introduction's contact card),
    erasure notices, rejections (in/out messages whose status is not accepted,
    sent, receipted or duplicate). Also: who received candidate data, retention
    and erasure actions, local actions, and every (peer, purpose, direction,
    message type, status) with its count, so nothing is left out.
    """
    groups: dict[tuple[str | None, str | None], _Counts] = {}
    breakdown: Counter[tuple[str | None, str | None, str, str, str]] = Counter()
    recipients: dict[str, dict[str, Any]] = {}
    retention: Counter[tuple[str | None, str, str, str]] = Counter()
    local: Counter[tuple[str, str]] = Counter()
    bases: Counter[tuple[str | None, str]] = Counter()  # (purpose, legal basis logged)
    total, first_seq, last_seq = 0, None, None
    with fed.sessions() as session:
        names = {row.node_id: row.name for row in session.scalars(select(Peer)).all()}
        for row in _stream(session, *period.conditions()):
            total += 1
            first_seq = first_seq or row.seq
            last_seq = row.seq
            breakdown[(row.peer_id, row.purpose, row.direction, row.msg_type, row.status)] += 1
            if row.purpose is not None:
                bases[(row.purpose, str(_details(row).get("legal_basis") or "(not logged)"))] += 1
            action = _retention_kind(row)
            if action is not None:
                retention[(row.peer_id, row.direction, action, row.status)] += 1
            if row.direction == "local":
                local[(row.msg_type, row.status)] += 1
                continue
            _count(groups.setdefault((row.peer_id, row.purpose), _Counts()), row)
            if row.direction == "out" and row.peer_id and _carries_candidate_data(row):
                seen = recipients.setdefault(row.peer_id, {"count": 0, "first": None})
                seen["count"] += 1
                seen["first"] = seen["first"] or format_logged_at(row.logged_at)
                seen["last"] = format_logged_at(row.logged_at)
    return {
        "period": {"from": period.start_text, "to": period.end_text},
        "node_id": fed.node_id,
        "legal_basis": legal_basis,
        "legal_bases_logged": [
            {"purpose": purpose, "legal_basis": basis, "entries": count}
            for (purpose, basis), count in sorted(bases.items(), key=str)
        ],
        "entries": total,
        "first_seq": first_seq,
        "last_seq": last_seq,
        "by_peer_and_purpose": [
            {
                "peer_id": peer,
                "peer_name": names.get(peer or ""),
                "purpose": purpose,
                **vars(counts),
            }
            for (peer, purpose), counts in sorted(groups.items(), key=_group_key)
        ],
        "recipients_of_candidate_data": [
            {"peer_id": peer, "peer_name": names.get(peer), **seen}
            for peer, seen in sorted(recipients.items())
        ],
        "retention_actions": [
            {
                "peer_id": peer,
                "direction": direction,
                "msg_type": kind,
                "status": status,
                "count": count,
            }
            for (peer, direction, kind, status), count in sorted(retention.items(), key=str)
        ],
        "local_actions": [
            {"msg_type": kind, "status": status, "count": count}
            for (kind, status), count in sorted(local.items())
        ],
        "message_types": [
            {
                "peer_id": peer,
                "purpose": purpose,
                "direction": direction,
                "msg_type": kind,
                "status": status,
                "count": count,
            }
            for (peer, purpose, direction, kind, status), count in sorted(
                breakdown.items(), key=str
            )
        ],
    }


def _group_key(item: tuple[tuple[str | None, str | None], _Counts]) -> tuple[str, str]:
    (peer, purpose), _ = item
    return (peer or "", purpose or "")


# -- admin methods (node/api.py) -----------------------------------------------------------


def _int_param(params: Mapping[str, Any], key: str, default: int | None = None) -> int:
    value = params.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise UsageError(f"parameter '{key}' must be an integer", "this is a bug in the caller")
    return value


def _period_param(params: Mapping[str, Any]) -> Period:
    start, stop = params.get("from"), params.get("to")
    if not isinstance(start, str) or not isinstance(stop, str):
        raise UsageError("parameters 'from' and 'to' are required", "give both ends of the period")
    return parse_period(start, stop)


def api_checkpoint(rt: NodeRuntime, _params: Mapping[str, Any]) -> Any:
    return make_checkpoint(rt.federation()).to_json()


def api_verify(rt: NodeRuntime, params: Mapping[str, Any]) -> Any:
    against = params.get("against")
    if against is not None and not isinstance(against, str):
        raise UsageError("parameter 'against' must be the text of signed checkpoints")
    return verify(rt.federation(), against).to_json()


def api_prove(rt: NodeRuntime, params: Mapping[str, Any]) -> Any:
    return prove(rt.federation(), _int_param(params, "seq"))


def api_export(rt: NodeRuntime, params: Mapping[str, Any]) -> Any:
    limit = _int_param(params, "limit", EXPORT_PAGE)
    if not 1 <= limit <= 50_000:
        raise UsageError("parameter 'limit' must be 1..50000")
    entries, following = export_page(
        rt.federation(), _period_param(params), _int_param(params, "after", 0), limit
    )
    return {"entries": entries, "next": following}


def api_report(rt: NodeRuntime, params: Mapping[str, Any]) -> Any:
    return report(rt.federation(), _period_param(params), rt.config.privacy.legal_basis)
