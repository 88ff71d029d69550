"""Exceptions raised by ``talentverbund.crypto``.

Every failure raises; nothing returns a bool. Messages for our own operator are
precise and say how to fix the problem; what a peer or an attacker may observe
(record decryption) is deliberately opaque.

    CryptoError
    ├── CanonicalError         value cannot be encoded / parsed as canonical JSON
    ├── KeyFileError           key file missing, malformed, or key directory inconsistent
    │   └── KeyPermissionError private file readable by group or others
    ├── DescriptorError        peer descriptor malformed, unsupported or not verifying
    ├── RosterError            federation roster malformed, untrusted, expired or not verifying
    ├── RecordDecryptionError  sealed record or wrapped key does not open (never says why)
    ├── EnvelopeError          a sealed, signed message was refused (see below)
    ├── MerkleError            Merkle tree input invalid (hash size, index, tree size)
    │   ├── InclusionProofError    inclusion proof does not verify
    │   └── ConsistencyProofError  consistency proof does not verify
    └── NoteError              signed note / checkpoint malformed, unsigned or not verifying

Envelope errors carry ``grpc_status``, the name of the gRPC status code the
transport layer should answer with (a string: this library never imports grpc)::

    EnvelopeError                       (base)
    ├── EnvelopeFormatError             INVALID_ARGUMENT     framing broken, field sizes
    │   ├── EnvelopeHeaderError         INVALID_ARGUMENT     header field invalid (.field)
    │   └── EnvelopeTooLargeError       RESOURCE_EXHAUSTED   over the size limit
    ├── UnsupportedVersionError         FAILED_PRECONDITION  protocol version not spoken here
    ├── UnsupportedSuiteError           FAILED_PRECONDITION  HPKE suite unknown / not enabled
    ├── WrongRecipientError             PERMISSION_DENIED    addressed to another node
    ├── UnexpectedMessageTypeError      INVALID_ARGUMENT     wrong message type for this call
    ├── StaleMessageError               FAILED_PRECONDITION  timestamp outside the clock skew
    ├── ModelMismatchError              FAILED_PRECONDITION  made with another encoder model
    ├── ReplayedMessageError            ALREADY_EXISTS       message id seen before
    ├── UnknownSenderError              UNAUTHENTICATED      sender is no known peer
    └── MessageAuthenticationError      UNAUTHENTICATED      opaque: "message authentication failed"
        ├── BadSignatureError                                signature does not verify
        └── DecryptionError                                  HPKE open failed
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar


class CryptoError(Exception):
    """Base of every error this library raises, so callers can catch one type."""


class CanonicalError(CryptoError):
    """A value outside the canonical JSON subset (float, non-str key, huge int, ...)."""


class KeyFileError(CryptoError):
    """A key file or key directory cannot be used; the message names the file."""


class KeyPermissionError(KeyFileError):
    """A private file is open to group or others; refusing protects the key.

    Also raised for a key directory that group or others may write to, since
    whoever can write there can swap the keys.
    """

    def __init__(self, path: Path, mode: int, *, directory: bool = False) -> None:
        self.path = path
        self.mode = mode
        if directory:
            problem, fix = "writable by group or others", "700"
        else:
            problem, fix = "readable by group or others", "600"
        super().__init__(
            f"{path} has mode {mode & 0o777:04o} and is {problem}; fix it with: chmod {fix} {path}"
        )


class DescriptorError(CryptoError):
    """A node descriptor was rejected; the message names the field and the reason."""


class RosterError(CryptoError):
    """A federation roster was rejected; the message names the field and the reason."""


class RecordDecryptionError(CryptoError):
    """A sealed blob did not open. Opaque on purpose: no hint which check failed."""

    def __init__(self) -> None:
        super().__init__("record could not be decrypted")


# -- envelope (sealed, signed messages between nodes) ----------------------------


class EnvelopeError(CryptoError):
    """A message envelope was refused. ``grpc_status`` names the gRPC status to answer with."""

    grpc_status: ClassVar[str] = "INVALID_ARGUMENT"


class EnvelopeFormatError(EnvelopeError):
    """The envelope bytes are not a well-formed envelope (framing, sizes, encoding)."""

    grpc_status: ClassVar[str] = "INVALID_ARGUMENT"


class EnvelopeHeaderError(EnvelopeFormatError):
    """A header field is missing, unknown or invalid; ``field`` names it (None: whole header)."""

    def __init__(self, field: str | None, problem: str) -> None:
        self.field = field
        if field is None:
            super().__init__(f"envelope header {problem}")
        else:
            super().__init__(f"envelope header field '{field}' {problem}")


class EnvelopeTooLargeError(EnvelopeFormatError):
    """The envelope (or the one a payload would make) exceeds the configured size limit."""

    grpc_status: ClassVar[str] = "RESOURCE_EXHAUSTED"

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(f"envelope of {size} bytes exceeds the limit of {limit} bytes")


class UnsupportedVersionError(EnvelopeError):
    """The peer speaks a protocol version this node does not."""

    grpc_status: ClassVar[str] = "FAILED_PRECONDITION"

    def __init__(self, version: object, supported: tuple[int, ...]) -> None:
        self.version = version
        self.supported = supported
        spoken = ", ".join(str(v) for v in supported)
        super().__init__(f"unsupported protocol version {version}; this node speaks {spoken}")


class UnsupportedSuiteError(EnvelopeError):
    """An HPKE suite that is unknown, not enabled here, or does not fit the key given."""

    grpc_status: ClassVar[str] = "FAILED_PRECONDITION"


class WrongRecipientError(EnvelopeError):
    """The envelope is addressed to another node (misdirected or replayed elsewhere)."""

    grpc_status: ClassVar[str] = "PERMISSION_DENIED"

    def __init__(self, recipient: str, this_node: str) -> None:
        self.recipient = recipient
        self.this_node = this_node
        super().__init__(f"message is addressed to {recipient}, but this node is {this_node}")


class UnexpectedMessageTypeError(EnvelopeError):
    """The header's message type is not the one this call accepts."""

    grpc_status: ClassVar[str] = "INVALID_ARGUMENT"

    def __init__(self, message_type: str, expected: str) -> None:
        self.message_type = message_type
        self.expected = expected
        super().__init__(f"message type {message_type!r} sent where {expected!r} is expected")


class StaleMessageError(EnvelopeError):
    """The timestamp is further from this node's clock than the allowed skew."""

    grpc_status: ClassVar[str] = "FAILED_PRECONDITION"

    def __init__(self, offset_ms: int, max_skew_ms: int) -> None:
        self.offset_ms = offset_ms
        self.max_skew_ms = max_skew_ms
        direction = "ahead of" if offset_ms > 0 else "behind"
        super().__init__(
            f"message timestamp is {abs(offset_ms) / 1000:.1f} s {direction} this node's clock "
            f"(allowed skew ±{max_skew_ms / 1000:g} s); check that both nodes keep time with NTP"
        )


class ModelMismatchError(EnvelopeError):
    """The message was produced with another encoder model than this node runs."""

    grpc_status: ClassVar[str] = "FAILED_PRECONDITION"

    def __init__(self, message_model: str, local_model: str) -> None:
        self.message_model = message_model
        self.local_model = local_model
        super().__init__(
            f"message was made with model {message_model!r}, but this node uses model "
            f"{local_model!r}; both nodes must run the same model"
        )


class ReplayedMessageError(EnvelopeError):
    """A message id from this sender was already accepted (replay or client retry)."""

    grpc_status: ClassVar[str] = "ALREADY_EXISTS"

    def __init__(self, sender: str, message_id: str) -> None:
        self.sender = sender
        self.message_id = message_id
        super().__init__(f"message {message_id} from {sender} was already received")


class UnknownSenderError(EnvelopeError):
    """The sender (or its signing key id) is not a peer this node knows."""

    grpc_status: ClassVar[str] = "UNAUTHENTICATED"


class MessageAuthenticationError(EnvelopeError):
    """Signature or decryption failed. Opaque on purpose: ``str()`` never says which.

    ``detail`` says what failed, for this node's own log only; never send it to the peer.
    """

    grpc_status: ClassVar[str] = "UNAUTHENTICATED"
    PUBLIC_MESSAGE: ClassVar[str] = "message authentication failed"

    def __init__(self, detail: str = "") -> None:
        self.detail = detail
        super().__init__(self.PUBLIC_MESSAGE)


class BadSignatureError(MessageAuthenticationError):
    """The sender's Ed25519 signature over the envelope does not verify."""


class DecryptionError(MessageAuthenticationError):
    """HPKE open failed (wrong key, tampered ciphertext or header)."""


# -- transparency log (Merkle trees, signed checkpoints) -------------------------


class MerkleError(CryptoError):
    """Input to a Merkle tree operation is invalid (hash not 32 bytes, index out of range)."""


class InclusionProofError(MerkleError):
    """An inclusion proof does not show the leaf in the tree; the message says which check."""


class ConsistencyProofError(MerkleError):
    """A consistency proof does not show the new tree extends the old; the message says why."""


class NoteError(CryptoError):
    """A signed note or checkpoint was refused: malformed, no known signer, or bad signature."""
