"""Envelope format v1: every application message sealed to the recipient, signed by the sender.

Relays (and the mTLS hop) see the clear header only. The header is bound into the HPKE
``info`` and into the signature, so nobody can re-address, re-date, re-type or
re-attribute a message without it failing to open. Replays beyond the clock-skew window
fail the timestamp check; within it the receiver must remember message ids
(:class:`ReplayGuard` does so in memory).

Header
======

A JSON object encoded with :func:`~.canonical.canonical_json` (RFC 8785, integers only,
keys sorted, no whitespace, UTF-8) -> ``header_bytes``. Exactly these ten fields, all
required, no others; the receiver rejects any header that is not byte-identical to the
canonical encoding of what it parsed::

    version        integer  protocol version, 1
    sender         string   sender node id: "tv1" + 32 base32 chars [a-z2-7]
    recipient      string   recipient node id, same form
    message_type   string   e.g. "handshake", "search.query", "search.results",
                            "intro.request", "receipt", "erasure.notice": 1-64 chars,
                            dot-separated parts, each [a-z][a-z0-9_]*
    message_id     string   16 random bytes as 32 lowercase hex digits
    timestamp_ms   integer  sender's clock, milliseconds since 1970-01-01T00:00:00Z,
                            0 .. 2**53-1
    model_id       string   encoder model id, or "" if the message has no vectors;
                            otherwise 1-200 printable ASCII chars without spaces
    suite          string   HPKE suite: "X25519-SHA256-AES128GCM" (default),
                            "X25519-SHA256-CHACHA20POLY1305", "XWING-SHA256-AES128GCM",
                            "XWING-SHA256-CHACHA20POLY1305" (syntax: [A-Z0-9]+(-[A-Z0-9]+)*,
                            at most 64 chars; unknown names fail as unsupported, not malformed)
    recipient_kid  string   recipient's encryption key id from its descriptor, "enc-N"
    sender_kid     string   sender's signing key id from its descriptor, "sig-N"

(N: 1-999999999 without leading zeros.) ``header_bytes`` is at most 2048 bytes.
Example (one line)::

    {"message_id":"000102030405060708090a0b0c0d0e0f","message_type":"search.query",
     "model_id":"","recipient":"tv1…","recipient_kid":"enc-1","sender":"tv1…",
     "sender_kid":"sig-1","suite":"X25519-SHA256-AES128GCM","timestamp_ms":1769860800000,
     "version":1}

Seal
====

RFC 9180 HPKE, base mode (0x00), single shot (sequence number 0), to the recipient's
public key named by ``recipient_kid``, with the suite named in the header::

    suite name                       KEM               KDF                 AEAD
    X25519-SHA256-AES128GCM          0x0020 X25519     0x0001 HKDF-SHA256  0x0001 AES-128-GCM
    X25519-SHA256-CHACHA20POLY1305   0x0020 X25519     0x0001 HKDF-SHA256  0x0003 ChaCha20Poly1305
    XWING-SHA256-AES128GCM           0x647a X-Wing     0x0001 HKDF-SHA256  0x0001 AES-128-GCM
    XWING-SHA256-CHACHA20POLY1305    0x647a X-Wing     0x0001 HKDF-SHA256  0x0003 ChaCha20Poly1305

(X25519 public keys are 32 raw bytes; X-Wing (ML-KEM-768 + X25519,
draft-connolly-cfrg-xwing-kem) public keys are 1216 bytes, see :mod:`.hpke`.)::

    info      = b"talentverbund/envelope/v1\\n" || header_bytes
    aad       = b""                      (empty; all context is bound through info)
    plaintext = the application payload (opaque bytes, e.g. a serialized protobuf)
    -> enc (KEM encapsulation: 32 bytes for X25519, 1120 for X-Wing), ciphertext
       (len(plaintext) + 16-byte AEAD tag)

Sign
====

Ed25519 (RFC 8032, pure) with the sender's key named by ``sender_kid`` over::

    b"talentverbund/envelope-signature/v1\\n"
      || u32(len(header_bytes)) || header_bytes
      || u32(len(enc))          || enc
      || u32(len(ciphertext))   || ciphertext

``u32`` is a 4-byte big-endian unsigned length. Signing the ciphertext (not the
plaintext) lets the receiver reject forgeries before decrypting, and lets anyone holding
the sender's descriptor check who sent an envelope without being able to read it.
Binding the header into ``info`` as well stops a signature from being stripped and
replaced: whoever re-signs must name themselves as sender, which changes ``info``, and
the ciphertext no longer opens.

Wire form
=========

::

    b"TVE1"                              magic (4 bytes; framing version 1)
    u32 len || header_bytes              1 .. 2048 bytes
    u32 len || enc                       32 or 1120 bytes (must match the suite)
    u32 len || ciphertext                >= 16 bytes
    u32 len || signature                 exactly 64 bytes

Nothing may follow the signature. The whole is at most ``max_size`` bytes (default 4 MiB,
gRPC's default message limit). The gRPC layer may instead carry the four parts in
protobuf ``bytes`` fields (:meth:`Envelope.from_parts`): the signature covers the parts,
and :func:`envelope_hash` re-frames them, so both carriages give the same results.
:func:`envelope_hash` = lowercase hex SHA-256 of the wire form, for logs and receipts.

Checks on receipt (:func:`open_envelope`), in this order
=========================================================

1. size, then framing (:class:`EnvelopeTooLargeError`, a subclass of
   :class:`EnvelopeFormatError` with its own status, then :class:`EnvelopeFormatError`)
2. protocol version, read before any other header field (:class:`UnsupportedVersionError`:
   "unsupported protocol version 7; this node speaks 1"), then every header field
   (:class:`EnvelopeHeaderError`, naming the field)
3. recipient is this node (:class:`WrongRecipientError`)
4. message type, if the caller expects one (:class:`UnexpectedMessageTypeError`)
5. |timestamp - now| <= max skew (:class:`StaleMessageError`, offset in seconds)
6. model id, if the caller has one and the header's is not empty (:class:`ModelMismatchError`)
7. suite known, enabled, fits the private key and ``enc`` size (:class:`UnsupportedSuiteError`,
   :class:`EnvelopeFormatError`)
8. signature (:class:`BadSignatureError`) -- opaque: "message authentication failed"
9. HPKE open (:class:`DecryptionError`) -- the same opaque message; ``.detail`` for our log

Steps 2-7 read only the clear header, which anyone on the path can read anyway, and
compare it with this node's own public settings; they give precise errors so operators
can fix misconfiguration. Steps 8-9 are where an attacker could learn something, so they
say nothing beyond "failed".

gRPC status per error (``grpc_status`` attribute, a plain string)
=================================================================

- INVALID_ARGUMENT: malformed framing or header, wrong message type for the call. The
  request itself is bad; retrying it unchanged cannot help.
- RESOURCE_EXHAUSTED: over the size limit (gRPC's own status for oversized messages).
- FAILED_PRECONDITION: unsupported version or suite, model mismatch, and a stale or
  future timestamp. The message is well formed but this node's state (protocol, model,
  clock) does not allow it; the sender must not retry until an operator fixes that state
  (upgrade, same model, NTP). DEADLINE_EXCEEDED is *not* used for clock skew: it means
  "the call ran out of time", which clients treat as retryable, and a re-sent message
  carries the same skewed clock.
- PERMISSION_DENIED: addressed to another node. The sender is not allowed to deliver here.
- UNAUTHENTICATED: bad signature, failed decryption, unknown sender.
- ALREADY_EXISTS: replayed message id (a retry of a message already accepted).
"""

from __future__ import annotations

import functools
import hashlib
import re
import secrets
import struct
import threading
import time
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ._encoding import kid_number
from .canonical import MAX_SAFE_INTEGER, JSONValue, canonical_json, parse_json_object
from .descriptor import MODEL_ID_RE, NODE_ID_RE
from .errors import (
    BadSignatureError,
    CanonicalError,
    EnvelopeFormatError,
    EnvelopeHeaderError,
    EnvelopeTooLargeError,
    ModelMismatchError,
    ReplayedMessageError,
    StaleMessageError,
    UnexpectedMessageTypeError,
    UnsupportedSuiteError,
    UnsupportedVersionError,
    WrongRecipientError,
)
from .hpke import (
    AEAD_TAG_SIZE,
    DEFAULT_SUITE,
    ENC_SIZES,
    HPKE_SUITES,
    HpkePrivateKey,
    HpkePublicKey,
    check_private_key,
    hpke_open,
    hpke_public_key,
    hpke_seal,
    hpke_suite,
)
from .identity import NodeIdentity

PROTOCOL_VERSION = 1
SUPPORTED_VERSIONS: tuple[int, ...] = (PROTOCOL_VERSION,)
MAGIC = b"TVE1"
HPKE_INFO_PREFIX = b"talentverbund/envelope/v1\n"
SIGNATURE_DOMAIN = b"talentverbund/envelope-signature/v1\n"
MAX_HEADER_SIZE = 2048
SIGNATURE_SIZE = 64
MESSAGE_ID_SIZE = 16
DEFAULT_MAX_ENVELOPE_SIZE = 4 * 1024 * 1024
DEFAULT_MAX_SKEW_MS = 300_000
FRAME_OVERHEAD = len(MAGIC) + 4 * 4

MESSAGE_TYPES = frozenset(
    {"handshake", "search.query", "search.results", "intro.request", "receipt", "erasure.notice"}
)
"""The message types in use; the header accepts any well-formed type (see MESSAGE_TYPE_RE)."""

MESSAGE_TYPE_RE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")
MAX_MESSAGE_TYPE = 64
MESSAGE_ID_RE = re.compile(r"[0-9a-f]{32}")
SUITE_RE = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
MAX_SUITE = 64

HEADER_FIELDS = (
    "version",
    "sender",
    "recipient",
    "message_type",
    "message_id",
    "timestamp_ms",
    "model_id",
    "suite",
    "recipient_kid",
    "sender_kid",
)

_U32 = struct.Struct(">I")


def now_ms() -> int:
    """This machine's clock in integer milliseconds since the Unix epoch (UTC)."""
    return time.time_ns() // 1_000_000


class Signer(Protocol):
    """Anything that signs with Ed25519: ``Ed25519PrivateKey`` or :class:`NodeIdentity`."""

    def sign(self, data: bytes, /) -> bytes: ...


# -- header --------------------------------------------------------------------------


@dataclass(frozen=True)
class EnvelopeHeader:
    """The clear header (format v1). Validated when built; errors name the JSON field."""

    version: int
    sender: str
    recipient: str
    message_type: str
    message_id: str
    timestamp_ms: int
    model_id: str
    suite: str
    recipient_kid: str
    sender_kid: str

    def __post_init__(self) -> None:
        _validate_header(self)

    @classmethod
    def create(
        cls,
        *,
        sender: str,
        recipient: str,
        message_type: str,
        timestamp_ms: int,
        recipient_kid: str,
        sender_kid: str,
        model_id: str = "",
        suite: str = DEFAULT_SUITE,
        message_id: str | None = None,
    ) -> EnvelopeHeader:
        """A v1 header with a fresh random message id (inject ``message_id`` in tests only)."""
        return cls(
            version=PROTOCOL_VERSION,
            sender=sender,
            recipient=recipient,
            message_type=message_type,
            message_id=secrets.token_hex(MESSAGE_ID_SIZE) if message_id is None else message_id,
            timestamp_ms=timestamp_ms,
            model_id=model_id,
            suite=suite,
            recipient_kid=recipient_kid,
            sender_kid=sender_kid,
        )

    def to_json(self) -> dict[str, JSONValue]:
        return {name: getattr(self, name) for name in HEADER_FIELDS}

    def to_bytes(self) -> bytes:
        """``header_bytes``: the canonical JSON that is sealed into ``info`` and signed."""
        return canonical_json(self.to_json())


def parse_header(
    header_bytes: bytes, *, supported_versions: Collection[int] = SUPPORTED_VERSIONS
) -> EnvelopeHeader:
    """Parse and validate ``header_bytes`` strictly; the version is checked first.

    Raises UnsupportedVersionError for a version not in ``supported_versions``,
    EnvelopeHeaderError (``.field`` names the field) for anything else wrong.
    """
    supported = _check_supported_versions(supported_versions)
    if not isinstance(header_bytes, bytes):
        raise EnvelopeHeaderError(None, "must be bytes")
    if not 0 < len(header_bytes) <= MAX_HEADER_SIZE:
        raise EnvelopeHeaderError(None, f"must be 1 to {MAX_HEADER_SIZE} bytes")
    try:
        obj = parse_json_object(header_bytes)
    except CanonicalError as exc:
        raise EnvelopeHeaderError(None, f"is not a valid JSON object: {exc}") from None
    if "version" not in obj:
        raise EnvelopeHeaderError("version", "is missing")
    version = obj["version"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise EnvelopeHeaderError("version", "must be an integer")
    if version not in supported:
        raise UnsupportedVersionError(version, supported)
    for name in sorted(obj):
        if name not in HEADER_FIELDS:
            raise EnvelopeHeaderError(name, f"is not a field of the v{version} header")
    for name in HEADER_FIELDS:
        if name not in obj:
            raise EnvelopeHeaderError(name, "is missing")
    header = EnvelopeHeader(
        version=version,
        sender=_text(obj, "sender"),
        recipient=_text(obj, "recipient"),
        message_type=_text(obj, "message_type"),
        message_id=_text(obj, "message_id"),
        timestamp_ms=_integer(obj, "timestamp_ms"),
        model_id=_text(obj, "model_id"),
        suite=_text(obj, "suite"),
        recipient_kid=_text(obj, "recipient_kid"),
        sender_kid=_text(obj, "sender_kid"),
    )
    if header.to_bytes() != header_bytes:
        raise EnvelopeHeaderError(
            None, "is not canonical JSON (RFC 8785: sorted keys, no whitespace, minimal escapes)"
        )
    return header


def _text(obj: dict[str, JSONValue], name: str) -> str:
    value = obj[name]
    if not isinstance(value, str):
        raise EnvelopeHeaderError(name, "must be a string")
    return value


def _integer(obj: dict[str, JSONValue], name: str) -> int:
    value = obj[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise EnvelopeHeaderError(name, "must be an integer")
    return value


def _validate_header(h: EnvelopeHeader) -> None:
    if not _is_int(h.version) or not 1 <= h.version <= MAX_SAFE_INTEGER:
        raise EnvelopeHeaderError("version", "must be a positive integer")
    for name in ("sender", "recipient"):
        value = getattr(h, name)
        if not isinstance(value, str) or not NODE_ID_RE.fullmatch(value):
            raise EnvelopeHeaderError(name, "must be a node id: 'tv1' + 32 base32 characters")
    if (
        not isinstance(h.message_type, str)
        or len(h.message_type) > MAX_MESSAGE_TYPE
        or not MESSAGE_TYPE_RE.fullmatch(h.message_type)
    ):
        raise EnvelopeHeaderError(
            "message_type",
            f"must be 1 to {MAX_MESSAGE_TYPE} characters like 'search.query' "
            "(dot-separated parts of [a-z][a-z0-9_]*)",
        )
    if not isinstance(h.message_id, str) or not MESSAGE_ID_RE.fullmatch(h.message_id):
        raise EnvelopeHeaderError("message_id", "must be 32 lowercase hex digits (16 bytes)")
    if not _is_int(h.timestamp_ms) or not 0 <= h.timestamp_ms <= MAX_SAFE_INTEGER:
        raise EnvelopeHeaderError(
            "timestamp_ms", f"must be integer milliseconds since the epoch, 0 to {MAX_SAFE_INTEGER}"
        )
    if not isinstance(h.model_id, str) or (h.model_id and not MODEL_ID_RE.fullmatch(h.model_id)):
        raise EnvelopeHeaderError(
            "model_id", "must be empty or 1 to 200 printable ASCII characters without spaces"
        )
    if not isinstance(h.suite, str) or len(h.suite) > MAX_SUITE or not SUITE_RE.fullmatch(h.suite):
        raise EnvelopeHeaderError(
            "suite", "must be an HPKE suite name like X25519-SHA256-AES128GCM"
        )
    _check_kid(h.recipient_kid, "enc", "recipient_kid")
    _check_kid(h.sender_kid, "sig", "sender_kid")


def _check_kid(value: object, prefix: str, name: str) -> None:
    try:
        if isinstance(value, str):
            kid_number(value, prefix)
            return
    except ValueError:
        pass
    raise EnvelopeHeaderError(name, f"must be a key id like {prefix}-1")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_supported_versions(versions: Collection[int]) -> tuple[int, ...]:
    result = tuple(sorted(set(versions)))
    if not result or any(v not in SUPPORTED_VERSIONS for v in result):
        raise ValueError(
            f"supported_versions must be a non-empty subset of {SUPPORTED_VERSIONS}, "
            f"the versions this library implements; got {tuple(versions)}"
        )
    return result


# -- envelope ------------------------------------------------------------------------


@dataclass(frozen=True)
class Envelope:
    """The four parts of a sealed, signed message. Structure is checked when built.

    Build with :func:`seal_envelope`, :meth:`from_bytes` (wire form) or
    :meth:`from_parts` (e.g. from protobuf fields). ``header`` parses the clear header.
    """

    header_bytes: bytes
    enc: bytes
    ciphertext: bytes
    signature: bytes

    def __post_init__(self) -> None:
        for name in ("header_bytes", "enc", "ciphertext", "signature"):
            if not isinstance(getattr(self, name), bytes):
                raise EnvelopeFormatError(f"envelope {name} must be bytes")
        if not 0 < len(self.header_bytes) <= MAX_HEADER_SIZE:
            raise EnvelopeFormatError(f"envelope header must be 1 to {MAX_HEADER_SIZE} bytes")
        if len(self.enc) not in ENC_SIZES:
            sizes = " or ".join(str(size) for size in sorted(ENC_SIZES))
            raise EnvelopeFormatError(f"envelope enc must be {sizes} bytes, got {len(self.enc)}")
        if len(self.ciphertext) < AEAD_TAG_SIZE:
            raise EnvelopeFormatError(
                f"envelope ciphertext must be at least {AEAD_TAG_SIZE} bytes (the AEAD tag)"
            )
        if len(self.signature) != SIGNATURE_SIZE:
            raise EnvelopeFormatError(f"envelope signature must be {SIGNATURE_SIZE} bytes")

    def __repr__(self) -> str:
        return (
            f"Envelope(header={len(self.header_bytes)} B, enc={len(self.enc)} B, "
            f"ciphertext={len(self.ciphertext)} B, hash={envelope_hash(self)[:16]}…)"
        )

    @property
    def wire_size(self) -> int:
        """Length of :meth:`to_bytes`, without building it."""
        return FRAME_OVERHEAD + sum(
            len(part) for part in (self.header_bytes, self.enc, self.ciphertext, self.signature)
        )

    @functools.cached_property
    def header(self) -> EnvelopeHeader:
        """The parsed clear header (as relays and the router read it); not authenticated.

        Parsed once per envelope (the parts are immutable): the router, the pipeline and
        :func:`open_envelope` all read it. A header that does not parse raises every time.
        """
        return parse_header(self.header_bytes)

    @functools.cached_property
    def _sha256(self) -> str:
        return hashlib.sha256(self.to_bytes()).hexdigest()

    def hpke_info(self) -> bytes:
        """The HPKE ``info`` this envelope was sealed with."""
        return HPKE_INFO_PREFIX + self.header_bytes

    def signed_bytes(self) -> bytes:
        """Exactly what the Ed25519 signature covers."""
        return _signed_bytes(self.header_bytes, self.enc, self.ciphertext)

    def to_bytes(self) -> bytes:
        """The wire form: magic and four length-prefixed parts."""
        parts = [MAGIC]
        for part in (self.header_bytes, self.enc, self.ciphertext, self.signature):
            parts.append(_U32.pack(len(part)))
            parts.append(part)
        return b"".join(parts)

    @classmethod
    def from_parts(
        cls,
        *,
        header_bytes: bytes,
        enc: bytes,
        ciphertext: bytes,
        signature: bytes,
        max_size: int = DEFAULT_MAX_ENVELOPE_SIZE,
    ) -> Envelope:
        """Build from separately carried parts (protobuf fields); same checks as the wire form."""
        envelope = cls(bytes(header_bytes), bytes(enc), bytes(ciphertext), bytes(signature))
        _check_size(envelope.wire_size, max_size)
        return envelope

    @classmethod
    def from_bytes(cls, data: bytes, *, max_size: int = DEFAULT_MAX_ENVELOPE_SIZE) -> Envelope:
        """Parse the wire form strictly: size first, magic, lengths, no trailing bytes.

        Every refusal is an EnvelopeFormatError (EnvelopeTooLargeError beyond ``max_size``).
        The header is not parsed here; :attr:`header` or :func:`open_envelope` does that.
        """
        if not isinstance(data, bytes | bytearray | memoryview):
            raise EnvelopeFormatError("envelope must be bytes")
        data = bytes(data)
        _check_size(len(data), max_size)
        if data[: len(MAGIC)] != MAGIC:
            if len(data) >= len(MAGIC) and data[:3] == MAGIC[:3]:
                raise EnvelopeFormatError(
                    f"envelope framing {data[:4]!r} is not supported; this node speaks {MAGIC!r}"
                )
            raise EnvelopeFormatError("not a Talentverbund envelope (magic bytes TVE1 missing)")
        reader = _FrameReader(data, len(MAGIC))
        header_bytes = reader.take("header", 1, MAX_HEADER_SIZE)
        enc = reader.take("enc", min(ENC_SIZES), max(ENC_SIZES))
        ciphertext = reader.take("ciphertext", AEAD_TAG_SIZE, len(data))
        signature = reader.take("signature", SIGNATURE_SIZE, SIGNATURE_SIZE)
        if reader.offset != len(data):
            raise EnvelopeFormatError(
                f"{len(data) - reader.offset} unexpected bytes after the envelope signature"
            )
        return cls(header_bytes, enc, ciphertext, signature)


class _FrameReader:
    def __init__(self, data: bytes, offset: int) -> None:
        self._data = data
        self.offset = offset

    def take(self, name: str, minimum: int, maximum: int) -> bytes:
        end = self.offset + _U32.size
        if end > len(self._data):
            raise EnvelopeFormatError(f"envelope truncated before the length of {name}")
        (length,) = _U32.unpack_from(self._data, self.offset)
        if not minimum <= length <= maximum:
            raise EnvelopeFormatError(
                f"envelope {name} length {length} outside {minimum} to {maximum}"
            )
        if end + length > len(self._data):
            raise EnvelopeFormatError(f"envelope truncated inside {name}")
        self.offset = end + length
        return self._data[end : self.offset]


@dataclass(frozen=True)
class OpenedMessage:
    """An envelope that passed every check: its authenticated header and the payload."""

    header: EnvelopeHeader
    payload: bytes = field(repr=False)
    envelope: Envelope = field(repr=False)

    @property
    def envelope_hash(self) -> str:
        """:func:`envelope_hash` of the envelope, for the log and the receipt."""
        return envelope_hash(self.envelope)


def envelope_hash(envelope: Envelope | bytes) -> str:
    """Lowercase hex SHA-256 of the envelope's wire form (for logs and receipts)."""
    if isinstance(envelope, Envelope):
        return envelope._sha256  # computed once per envelope
    return hashlib.sha256(bytes(envelope)).hexdigest()


# -- seal / open ---------------------------------------------------------------------


def seal_envelope(
    *,
    header: EnvelopeHeader,
    payload: bytes,
    recipient_public: HpkePublicKey | bytes,
    sender_signing_key: Signer,
    max_size: int = DEFAULT_MAX_ENVELOPE_SIZE,
) -> Envelope:
    """Seal ``payload`` to ``recipient_public`` under ``header`` and sign it.

    ``recipient_public`` is the key the descriptor lists as ``header.recipient_kid``
    (object or raw bytes; it must fit ``header.suite``). ``sender_signing_key`` is an
    ``Ed25519PrivateKey`` or the sender's :class:`NodeIdentity` (then its node id and
    current signing kid must match the header). Raises UnsupportedVersionError,
    UnsupportedSuiteError, EnvelopeTooLargeError (before any crypto), and ValueError for
    a key that does not fit the suite or an identity that does not match the header.
    """
    if not isinstance(payload, bytes | bytearray | memoryview):
        raise TypeError("payload must be bytes")
    payload = bytes(payload)
    if header.version not in SUPPORTED_VERSIONS:
        raise UnsupportedVersionError(header.version, SUPPORTED_VERSIONS)
    suite = hpke_suite(header.suite)
    public = hpke_public_key(suite, recipient_public)
    if isinstance(sender_signing_key, NodeIdentity):
        _check_identity(sender_signing_key, header)
    header_bytes = header.to_bytes()
    predicted = (
        FRAME_OVERHEAD
        + len(header_bytes)
        + suite.enc_size
        + len(payload)
        + AEAD_TAG_SIZE
        + SIGNATURE_SIZE
    )
    _check_size(predicted, max_size)
    enc, ciphertext = hpke_seal(suite, public, payload, HPKE_INFO_PREFIX + header_bytes)
    signature = sender_signing_key.sign(_signed_bytes(header_bytes, enc, ciphertext))
    envelope = Envelope(header_bytes, enc, ciphertext, bytes(signature))
    envelope.__dict__["header"] = header  # what parsing header_bytes would give back
    return envelope


def open_envelope(
    envelope: Envelope | bytes,
    *,
    expected_recipient: str,
    recipient_private: HpkePrivateKey,
    sender_public: Ed25519PublicKey | bytes,
    now_ms: int,
    max_skew_ms: int = DEFAULT_MAX_SKEW_MS,
    supported_versions: Collection[int] = SUPPORTED_VERSIONS,
    expected_model_id: str | None = None,
    expected_type: str | None = None,
    accepted_suites: Collection[str] | None = None,
    max_size: int = DEFAULT_MAX_ENVELOPE_SIZE,
) -> OpenedMessage:
    """Check and open an envelope (wire bytes or :class:`Envelope`); order in the module doc.

    The caller picks the keys from the clear header first (``envelope.header``):
    ``recipient_private`` for ``recipient_kid``, ``sender_public`` for ``sender`` and
    ``sender_kid`` from the sender's verified descriptor (unknown sender: raise
    UnknownSenderError). ``accepted_suites`` defaults to every suite this library offers.
    Every refusal is an EnvelopeError subclass; ValueError/TypeError only for bad arguments.
    """
    supported = _check_supported_versions(supported_versions)
    if not _is_int(now_ms) or not _is_int(max_skew_ms) or max_skew_ms < 0:
        raise ValueError("now_ms and max_skew_ms must be integers, max_skew_ms >= 0")
    verifier = _ed25519_public(sender_public)
    # 1. size and framing
    if isinstance(envelope, Envelope):
        _check_size(envelope.wire_size, max_size)
    else:
        envelope = Envelope.from_bytes(envelope, max_size=max_size)
    # 2. version, then every header field (the envelope keeps the header it parsed)
    if supported == SUPPORTED_VERSIONS:
        header = envelope.header
    else:
        header = parse_header(envelope.header_bytes, supported_versions=supported)
    # 3. recipient
    if header.recipient != expected_recipient:
        raise WrongRecipientError(header.recipient, expected_recipient)
    # 4. message type
    if expected_type is not None and header.message_type != expected_type:
        raise UnexpectedMessageTypeError(header.message_type, expected_type)
    # 5. clock skew
    offset = header.timestamp_ms - now_ms
    if abs(offset) > max_skew_ms:
        raise StaleMessageError(offset, max_skew_ms)
    # 6. model
    if expected_model_id is not None and header.model_id and header.model_id != expected_model_id:
        raise ModelMismatchError(header.model_id, expected_model_id)
    # 7. suite
    accepted = HPKE_SUITES.keys() if accepted_suites is None else accepted_suites
    if header.suite not in accepted:
        raise UnsupportedSuiteError(
            f"HPKE suite {header.suite!r} is not accepted by this node "
            f"(accepted: {', '.join(sorted(accepted))})"
        )
    suite = hpke_suite(header.suite)
    check_private_key(suite, recipient_private)
    if len(envelope.enc) != suite.enc_size:
        raise EnvelopeFormatError(
            f"envelope enc is {len(envelope.enc)} bytes; suite {suite.name} uses {suite.enc_size}"
        )
    # 8. signature
    try:
        verifier.verify(envelope.signature, envelope.signed_bytes())
    except InvalidSignature:
        raise BadSignatureError(
            f"Ed25519 signature does not verify with the key given for {header.sender} "
            f"{header.sender_kid} (message {header.message_id})"
        ) from None
    # 9. decryption (DecryptionError carries the detail)
    payload = hpke_open(
        suite, recipient_private, envelope.enc, envelope.ciphertext, envelope.hpke_info()
    )
    return OpenedMessage(header, payload, envelope)


# -- replay protection ---------------------------------------------------------------


class ReplayGuard:
    """Remembers accepted (sender, message id) pairs for the skew window, in memory.

    Call :meth:`check_and_remember` after :func:`open_envelope` succeeded. An id older
    than the window is refused by the timestamp check anyway, so entries expire after
    ``2 * max_skew_ms``. Bounded: beyond ``max_entries`` the oldest entries are dropped
    (and the caller is told via the return value, so it can log it). State is lost on
    restart; a node that must survive restarts within the window persists ids itself.
    Thread-safe (gRPC servers call from a thread pool).
    """

    DEFAULT_MAX_ENTRIES: ClassVar[int] = 1_000_000

    def __init__(
        self, *, max_skew_ms: int = DEFAULT_MAX_SKEW_MS, max_entries: int = DEFAULT_MAX_ENTRIES
    ) -> None:
        if max_skew_ms < 0 or max_entries < 1:
            raise ValueError("max_skew_ms must be >= 0 and max_entries >= 1")
        self._ttl_ms = 2 * max_skew_ms
        self._max_entries = max_entries
        self._seen: OrderedDict[tuple[str, str], int] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._seen)

    def check_and_remember(self, header: EnvelopeHeader, now_ms: int) -> bool:
        """Raise ReplayedMessageError if seen; else remember it. False if something was evicted."""
        key = (header.sender, header.message_id)
        with self._lock:
            self._expire(now_ms)
            if key in self._seen:
                raise ReplayedMessageError(header.sender, header.message_id)
            self._seen[key] = now_ms
            evicted = False
            while len(self._seen) > self._max_entries:
                self._seen.popitem(last=False)
                evicted = True
        return not evicted

    def _expire(self, now_ms: int) -> None:
        while self._seen:
            key, seen_at = next(iter(self._seen.items()))
            if now_ms - seen_at <= self._ttl_ms:
                break
            del self._seen[key]


# -- helpers -------------------------------------------------------------------------


def _signed_bytes(header_bytes: bytes, enc: bytes, ciphertext: bytes) -> bytes:
    return b"".join(
        (
            SIGNATURE_DOMAIN,
            _U32.pack(len(header_bytes)),
            header_bytes,
            _U32.pack(len(enc)),
            enc,
            _U32.pack(len(ciphertext)),
            ciphertext,
        )
    )


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise EnvelopeTooLargeError(size, limit)


def _ed25519_public(key: Ed25519PublicKey | bytes) -> Ed25519PublicKey:
    if isinstance(key, Ed25519PublicKey):
        return key
    if isinstance(key, bytes | bytearray | memoryview):
        return Ed25519PublicKey.from_public_bytes(bytes(key))
    raise TypeError("sender_public must be an Ed25519PublicKey or 32 raw bytes")


def _check_identity(identity: NodeIdentity, header: EnvelopeHeader) -> None:
    if header.sender != identity.node_id or header.sender_kid != identity.signing_kid:
        raise ValueError(
            f"header names sender {header.sender} {header.sender_kid}, but the signing "
            f"identity is {identity.node_id} {identity.signing_kid}"
        )
