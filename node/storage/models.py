"""Tables of the node database (SQLAlchemy 2). Migrations live in ``migrations/``.

What is stored in clear and what is not:

* ``candidates`` holds only what matching may read (regions, availability,
  employment type, experience, qualifications, licences, flags). No name,
  contact detail or protected attribute.
* ``candidate_secrets`` and ``candidate_files`` hold personal data,
  always sealed with the candidate's own data key. That key lives in the key
  store (``DIR/keys/datakeys.db``), not here, so a database backup holds only
  ciphertext, and erasing the key shreds every copy.
* ``exchange_log`` is append-only and hash-chained; ``outbox`` holds messages
  waiting for delivery; ``received_messages`` makes peers' retries idempotent.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Candidate(Base):
    """Matching-relevant, non-identifying facts about one candidate."""

    __tablename__ = "candidates"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    source: Mapped[str] = mapped_column(String(16))
    lang: Mapped[str | None] = mapped_column(String(8))
    desired_regions: Mapped[list[Any]]
    available_from: Mapped[date | None] = mapped_column(Date)
    employment_types: Mapped[list[Any]]
    experience_years: Mapped[float | None] = mapped_column(Float)
    career_breaks: Mapped[list[Any]]
    qualifications: Mapped[list[Any]]
    licences: Mapped[list[Any]]
    flags: Mapped[list[Any]]


class CandidateSkills(Base):
    """What matching reads: skill indexes and weights, and the vector, per model id.

    Only taxonomy skills and a vector made from them: no text, no span, no
    personal attribute. Rows made under another model id are refused by the
    index until ``talentverbund reencode`` has rebuilt them.
    """

    __tablename__ = "candidate_skills"

    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    model_id: Mapped[str] = mapped_column(String(64), index=True)
    skills: Mapped[list[Any]]  # [[skill index, weight], ...]
    vector: Mapped[bytes | None] = mapped_column(LargeBinary)  # float16, None if no skills


class CandidateSecret(Base):
    """Personal data and CV text, sealed with the candidate's data key."""

    __tablename__ = "candidate_secrets"

    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    key_version: Mapped[int] = mapped_column(Integer)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class CandidateFile(Base):
    """An original file (CV, export), sealed; stored in the same transaction as its owner."""

    __tablename__ = "candidate_files"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime]
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sealed_name: Mapped[bytes] = mapped_column(LargeBinary)  # the filename is personal too
    sealed_content: Mapped[bytes] = mapped_column(LargeBinary)


class PrivacyNotice(Base):
    """The exact text a candidate agreed to (Art. 7(1) GDPR), stored once per version."""

    __tablename__ = "privacy_notices"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Consent(Base):
    """One consent per purpose; withdrawal and expiry end it, nothing is overwritten."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(16))
    granted_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]
    notice_sha256: Mapped[str] = mapped_column(ForeignKey("privacy_notices.sha256"))
    recorded_by: Mapped[str] = mapped_column(String(64))  # "candidate" or "staff:<user>"

    __table_args__ = (Index("ix_consents_purpose_valid", "purpose", "expires_at"),)


class Erasure(Base):
    """Tombstone of an erased candidate: only the random id and the time, no data."""

    __tablename__ = "erasures"

    candidate_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    erased_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(32))  # request | retention


class Job(Base):
    """A job posting (public information) and the skill set matching uses."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime]
    title: Mapped[str] = mapped_column(Text)
    posting: Mapped[dict[str, Any]]
    facts: Mapped[dict[str, Any]]  # region, employment types, qualifications, licences
    skills: Mapped[list[Any]]  # [{"uri", "weight", "essential"}, ...]


class TaxonomyLabel(Base):
    """Labels an operator imported from ESCO CSVs; they never change the skill space."""

    __tablename__ = "taxonomy_labels"

    skill_uri: Mapped[str] = mapped_column(String(200), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)
    label: Mapped[str] = mapped_column(String(300), primary_key=True)
    imported_at: Mapped[datetime]


class Peer(Base):
    """A partner node, as described by its signed descriptor."""

    __tablename__ = "peers"

    node_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    descriptor: Mapped[dict[str, Any]]
    tls_cert_sha256: Mapped[str] = mapped_column(String(80), index=True)
    added_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]
    last_contact_at: Mapped[datetime | None]
    # The peer's certificate, fetched from its endpoint and checked against the pinned
    # tls_cert_sha256 of the signed descriptor (docs/protocol.md, "Certificate pinning").
    tls_cert_pem: Mapped[str | None] = mapped_column(Text)
    # Facts from the last handshake: versions, model id, clock offset, round trip (no PII).
    last_handshake: Mapped[dict[str, Any] | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    # Reach this peer through that peer's Relay RPC instead of directly (docs/protocol.md,
    # "Relayed delivery"); None: directly. Set by 'peer relay DIR NODE_ID --via RELAY_ID'.
    relay_via: Mapped[str | None] = mapped_column(String(64))


class Outbox(Base):
    """Messages waiting to go to a candidate (e-mail/file) or a peer."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(16))  # email | file | peer
    recipient: Mapped[str] = mapped_column(String(64))  # peer node id or candidate id
    kind: Mapped[str] = mapped_column(String(32))
    candidate_id: Mapped[str | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    payload: Mapped[bytes] = mapped_column(LargeBinary)  # sealed when it is personal
    not_before: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]


class ExchangeLogEntry(Base):
    """Append-only, hash-chained record of every message in or out. No personal data."""

    __tablename__ = "exchange_log"

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    logged_at: Mapped[datetime]
    direction: Mapped[str] = mapped_column(String(8))  # in | out | local
    peer_id: Mapped[str | None] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    msg_type: Mapped[str] = mapped_column(String(32))
    message_id: Mapped[str | None] = mapped_column(String(64))
    purpose: Mapped[str | None] = mapped_column(String(32))
    envelope_sha256: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(32))
    details: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)


class LogEpoch(Base):
    """A stretch of the exchange log that ends at a signed checkpoint; no personal data.

    Once an epoch is older than the retention period its entries are deleted;
    this row keeps what verification needs to continue after it (the final
    checkpoint, the Merkle compact range and the last entry's hash) and the
    node's signed record of the deletion.
    """

    __tablename__ = "log_epochs"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    first_seq: Mapped[int] = mapped_column(BigInteger)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    first_logged_at: Mapped[datetime]
    last_logged_at: Mapped[datetime]
    closed_at: Mapped[datetime]
    checkpoint_id: Mapped[int] = mapped_column(Integer)
    root_hash: Mapped[str] = mapped_column(String(64))
    frontier: Mapped[list[Any]]  # hex roots of the compact range at last_seq
    last_entry_hash: Mapped[str] = mapped_column(String(64))
    deleted_at: Mapped[datetime | None]
    record: Mapped[str | None] = mapped_column(Text)  # signed deletion record (JSON)


class ReceivedMessage(Base):
    """(sender, message id) seen before: a retry gets the original receipt back."""

    __tablename__ = "received_messages"

    sender_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    message_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime]
    receipt: Mapped[bytes] = mapped_column(LargeBinary)


# ---------------------------------------------------------------- federated search


class AnsweredQuery(Base):
    """A peer's query this node answered: for budgets, the repeated-job cache and replay.

    ``reply`` is the serialized SearchResults without receipt (pseudonyms, scores,
    masks, coarse facts; no personal data), so a repeated or cached query gets the
    same answer and learns nothing new.
    """

    __tablename__ = "answered_queries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    requester: Mapped[str] = mapped_column(String(64))
    query_id: Mapped[str] = mapped_column(String(64))
    facts_sha256: Mapped[str] = mapped_column(String(64))
    skills: Mapped[list[Any]]  # skill URIs in query order (masks refer to it; cache check)
    answered_at: Mapped[datetime]
    reply: Mapped[bytes] = mapped_column(LargeBinary)
    from_cache_of: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_answered_queries_requester_time", "requester", "answered_at"),
        Index("ix_answered_queries_requester_query", "requester", "query_id", unique=True),
    )


class IssuedResult(Base):
    """A pseudonym this node gave a peer: resolves introductions, counts exposure.

    Deleted with the candidate (erasure) and after the result period.
    """

    __tablename__ = "issued_results"

    pseudonym: Mapped[str] = mapped_column(String(40), primary_key=True)
    requester: Mapped[str] = mapped_column(String(64))
    query_id: Mapped[str] = mapped_column(String(64))
    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]

    __table_args__ = (Index("ix_issued_results_exposure", "requester", "candidate_id"),)


class FederatedResult(Base):
    """A result a peer sent us (requester side). Anonymous; expires unless introduced."""

    __tablename__ = "federated_results"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    job_id: Mapped[str] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    query_id: Mapped[str] = mapped_column(String(64), index=True)
    peer_id: Mapped[str] = mapped_column(String(64))
    pseudonym: Mapped[str] = mapped_column(String(40))
    score: Mapped[int] = mapped_column(Integer)
    matched: Mapped[list[Any]]  # skill URIs of the job that the candidate has
    region: Mapped[str] = mapped_column(String(16))
    experience_band: Mapped[str] = mapped_column(String(8))
    availability: Mapped[str] = mapped_column(String(8))
    received_at: Mapped[datetime]
    expires_at: Mapped[datetime | None]  # None once an introduction was requested


class Introduction(Base):
    """One introduction, on either side (``side``: requester or holder)."""

    __tablename__ = "introductions"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    side: Mapped[str] = mapped_column(String(16))  # requester | holder
    peer_id: Mapped[str] = mapped_column(String(64))
    pseudonym: Mapped[str] = mapped_column(String(40))
    result_id: Mapped[str | None] = mapped_column(String(16))  # requester side
    candidate_id: Mapped[str | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )  # holder side
    job: Mapped[dict[str, Any]]  # public job facts
    message: Mapped[str] = mapped_column(Text)  # the recruiter's message
    status: Mapped[str] = mapped_column(String(16))
    # holder: pending | accepted | declined | not_accepted ; requester: requested |
    # accepted | not_accepted
    requested_at: Mapped[datetime]
    respond_by: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]  # outcome sent (holder) / received (requester)
    disclose_disability: Mapped[bool | None]
    contact: Mapped[bytes | None] = mapped_column(LargeBinary)  # requester: sealed at rest
    erasure_notice_at: Mapped[datetime | None]  # requester: the holder said it was erased

    __table_args__ = (Index("ix_introductions_side_status", "side", "status"),)


class LogCheckpoint(Base):
    """A signed checkpoint of the exchange log (C2SP signed note), ours or a peer's."""

    __tablename__ = "log_checkpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(200))
    tree_size: Mapped[int] = mapped_column(BigInteger)
    root_hash: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text)  # the signed note, with any cosignatures
    created_at: Mapped[datetime]
    peer_id: Mapped[str | None] = mapped_column(String(64))  # None: our own log

    __table_args__ = (Index("ix_log_checkpoints_peer_size", "peer_id", "tree_size"),)
