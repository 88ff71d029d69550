"""Refusals and failures of the federation layer.

Two directions, two types:

* :class:`Rejection` -- we refuse an inbound call. It carries what the peer is told
  (a gRPC status and a public message) apart from what only our own log may hold
  (``detail``), because a cryptographic failure must stay opaque to the caller.
* :class:`FederationCallError` -- an outbound call failed. It is a :class:`NodeError`,
  so the command line exits 1 with the message and a hint.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, NoReturn

import grpc

from talentverbund.crypto.errors import (
    BadSignatureError,
    DecryptionError,
    EnvelopeError,
    EnvelopeFormatError,
    EnvelopeHeaderError,
    EnvelopeTooLargeError,
    MessageAuthenticationError,
    ModelMismatchError,
    ReplayedMessageError,
    StaleMessageError,
    UnexpectedMessageTypeError,
    UnknownSenderError,
    UnsupportedSuiteError,
    UnsupportedVersionError,
    WrongRecipientError,
)
from talentverbund.node.errors import NodeError

if TYPE_CHECKING:
    from talentverbund.node.federation.core import Federation
    from talentverbund.node.federation.exchange_log import LogRecord

_log = logging.getLogger("talentverbund.federation")

# Reason codes go to the exchange log's ``status`` column (<= 32 characters).
# Subclasses before their bases: the first match wins.
_REASONS: tuple[tuple[type[EnvelopeError], str], ...] = (
    (EnvelopeTooLargeError, "too_large"),
    (EnvelopeHeaderError, "malformed_header"),
    (EnvelopeFormatError, "malformed"),
    (UnsupportedVersionError, "unsupported_version"),
    (UnsupportedSuiteError, "unsupported_suite"),
    (WrongRecipientError, "wrong_recipient"),
    (UnexpectedMessageTypeError, "wrong_message_type"),
    (StaleMessageError, "stale_timestamp"),
    (ModelMismatchError, "model_mismatch"),
    (ReplayedMessageError, "replayed"),
    (UnknownSenderError, "unknown_sender"),
    (BadSignatureError, "bad_signature"),
    (DecryptionError, "decryption_failed"),
    (MessageAuthenticationError, "authentication_failed"),
)


class Rejection(Exception):
    """An inbound call we refuse.

    ``status`` is a gRPC status code name, ``reason`` a short code for the exchange
    log, ``public`` the only text the caller sees, ``detail`` for our own log only.
    """

    def __init__(self, status: str, reason: str, public: str, detail: str = "") -> None:
        self.status = status
        self.reason = reason
        self.public = public
        self.detail = detail or public
        super().__init__(public)

    @classmethod
    def from_envelope_error(cls, exc: EnvelopeError) -> Rejection:
        """Map a crypto-layer refusal; opaque errors keep their opaque public text."""
        reason = next((code for kind, code in _REASONS if isinstance(exc, kind)), "refused")
        detail = exc.detail if isinstance(exc, MessageAuthenticationError) else str(exc)
        return cls(exc.grpc_status, reason, str(exc), detail)


def not_a_peer() -> Rejection:
    """The caller's certificate belongs to no current peer (e.g. removed a moment ago)."""
    return Rejection(
        "PERMISSION_DENIED",
        "not_a_peer",
        "this node does not peer with the presenting certificate",
    )


class FederationCallError(NodeError):
    """An outbound federation call failed: unreachable, refused, or a bad answer.

    ``status`` is the gRPC status name (or a local code such as ``bad_receipt``).
    """

    def __init__(
        self,
        peer_id: str,
        status: str,
        message: str,
        hint: str = "",
        *,
        code: str | None = None,
        params: Mapping[str, str | int] | None = None,
    ) -> None:
        self.peer_id = peer_id
        self.status = status
        super().__init__(message, hint, code=code, params=params)


class CertificateError(NodeError):
    """A peer's certificate could not be fetched or does not match its pin."""


class CertificateUnavailable(CertificateError):
    """The peer's endpoint did not answer a TLS handshake (it may simply be offline)."""


def refuse(
    fed: Federation,
    context: grpc.ServicerContext,
    rejection: Rejection,
    record: LogRecord,
    event: str,
) -> NoReturn:
    """End a call with ``rejection``: our log line (with the detail), the exchange-log
    ``record``, and the gRPC status with the public message only."""
    _log.warning(
        event,
        extra={
            "peer_id": record.peer_id,
            "rpc": record.details.get("rpc"),
            "message_id": record.message_id,
            "reason": rejection.reason,
            "grpc_status": rejection.status,
            "detail": rejection.detail,
        },
    )
    try:
        fed.log.append(record)
    except Exception:  # the refusal stands even if the log is unavailable
        _log.exception("exchange log append failed for a refusal")
    context.abort(getattr(grpc.StatusCode, rejection.status), rejection.public)
    raise AssertionError("context.abort returned")
