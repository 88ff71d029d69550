"""The Federation gRPC service: every inbound envelope takes the same path.

1. transport: the caller's certificate belongs to a current peer (the interceptor
   checked it; checked again here because the handler needs the peer's id)
2. envelope framing and size (4 MiB), clear header, sender is a current peer and is
   the node this connection authenticated -- or, with ``[federation] accept_relayed``,
   another current peer whose envelope this peer relays (:mod:`.relay`), keys named by
   the header exist
3. :func:`~talentverbund.crypto.envelope.open_envelope`: recipient, type, clock
   skew, model id, suite, signature, decryption
4. the payload parses as the RPC's message
5. in one locked exchange-log transaction: if (sender, message id) was accepted
   before, answer with the stored receipt (status ``duplicate`` in the log, nothing
   acted on twice); else log ``accepted``, act, sign a receipt naming that entry,
   remember the receipt, seal and sign the reply and log it as ``sent``

Any refusal answers with the error's gRPC status and its public message only; the
detail goes to our structured log, and an entry with the reason code to the
exchange log.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NoReturn, Protocol

import grpc
from google.protobuf.message import DecodeError
from sqlalchemy import Table, bindparam, insert, select

from talentverbund.crypto.envelope import (
    SUPPORTED_VERSIONS,
    Envelope,
    EnvelopeHeader,
    OpenedMessage,
    envelope_hash,
    now_ms,
    open_envelope,
    seal_envelope,
)
from talentverbund.crypto.errors import (
    DescriptorError,
    EnvelopeError,
    KeyFileError,
    ModelMismatchError,
    UnknownSenderError,
    WrongRecipientError,
)
from talentverbund.crypto.hpke import suite_for
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.errors import Rejection, refuse
from talentverbund.node.federation.exchange_log import LogRecord, LogTransaction
from talentverbund.node.federation.own_descriptor import issued_sequence
from talentverbund.node.federation.receipts import sign_receipt
from talentverbund.node.federation.relay import Relayer
from talentverbund.node.federation.transport import MAX_ENVELOPE, calling_peer
from talentverbund.node.federation.trust import TrustedPeer
from talentverbund.node.storage.models import Peer, ReceivedMessage
from talentverbund.protocol.v1 import federation_pb2 as pb

log = logging.getLogger("talentverbund.federation")

_RECEIVED_TABLE: Table = ReceivedMessage.__table__  # type: ignore[assignment]
_RECEIVED = select(_RECEIVED_TABLE.c.receipt).where(
    _RECEIVED_TABLE.c.sender_id == bindparam("sender"),
    _RECEIVED_TABLE.c.message_id == bindparam("message_id"),
)
_REMEMBER = insert(_RECEIVED_TABLE)

HANDSHAKE = "handshake"
HANDSHAKE_REPLY = "handshake.reply"


class InboundHandler(Protocol):
    """One RPC's application part; the pipeline does the rest."""

    rpc: str
    message_type: str
    reply_type: str
    purpose: str | None

    def parse(self, opened: OpenedMessage) -> Any:
        """The payload as this RPC's message; raise Rejection if it is not."""

    def act(self, request: Any, opened: OpenedMessage, tx: LogTransaction, received_ms: int) -> Any:
        """Side effects of an accepted message, run once, inside the log transaction.

        Returns what :meth:`reply` needs; raising Rejection refuses the message and
        rolls back everything, the acceptance entry included.
        """

    def replay(self, request: Any, opened: OpenedMessage, tx: LogTransaction) -> Any:
        """For a repeated message: the state :meth:`act` returned the first time."""

    def details(self, request: Any) -> dict[str, Any]:
        """What the acceptance entry records about the message (no personal data)."""

    def reply_details(self, state: Any) -> dict[str, Any]:
        """What the reply's entry records (counts, keyed commitments; no personal data)."""

    def reply(self, request: Any, receipt: pb.Receipt, state: Any) -> bytes:
        """The reply payload carrying the receipt."""


@dataclass
class _Inbound:
    """What is known about a call so far, for logging a refusal at any step."""

    rpc: str
    peer_id: str | None = None
    message_id: str | None = None
    msg_type: str = "unknown"
    envelope_sha256: str | None = None


class FederationService:
    """``talentverbund.v1.Federation``; register with ``add_FederationServicer_to_server``."""

    def __init__(
        self,
        federation: Federation,
        handlers: Sequence[InboundHandler] = (),
        *,
        relay: bool = False,
        accept_relayed: bool = False,
    ) -> None:
        self.fed = federation
        self.accept_relayed = accept_relayed
        self._relayer = Relayer(federation, relay)
        self._handlers: dict[str, InboundHandler] = {"Handshake": HandshakeHandler(federation)}
        self._handlers.update({h.rpc: h for h in handlers})

    def _handle(self, rpc: str, request: pb.Envelope, context: grpc.ServicerContext) -> pb.Envelope:
        handler = self._handlers.get(rpc)
        if handler is None:
            _unimplemented(context, rpc)
        return self.receive(request, context, handler)

    # -- RPCs --------------------------------------------------------------------------

    def Handshake(self, request: pb.Envelope, context: grpc.ServicerContext) -> pb.Envelope:
        return self._handle("Handshake", request, context)

    def Search(self, request: pb.Envelope, context: grpc.ServicerContext) -> pb.Envelope:
        return self._handle("Search", request, context)

    def Introduce(self, request: pb.Envelope, context: grpc.ServicerContext) -> pb.Envelope:
        return self._handle("Introduce", request, context)

    def Notify(self, request: pb.Envelope, context: grpc.ServicerContext) -> pb.Envelope:
        return self._handle("Notify", request, context)

    def CrossCheck(self, request: pb.Envelope, context: grpc.ServicerContext) -> pb.Envelope:
        return self._handle("CrossCheck", request, context)

    def Witness(self, request: pb.Envelope, context: grpc.ServicerContext) -> pb.Envelope:
        return self._handle("Witness", request, context)

    def Relay(self, request: pb.RelayRequest, context: grpc.ServicerContext) -> pb.Envelope:
        return self._relayer.relay(request, context)

    # -- the pipeline -------------------------------------------------------------------

    def receive(
        self, request: pb.Envelope, context: grpc.ServicerContext, handler: InboundHandler
    ) -> pb.Envelope:
        received_ms = now_ms()
        call = _Inbound(handler.rpc)
        try:
            call.peer_id = calling_peer(context, self.fed.trust)
            envelope = Envelope.from_parts(
                header_bytes=request.header,
                enc=request.enc,
                ciphertext=request.ciphertext,
                signature=request.signature,
                max_size=MAX_ENVELOPE,
            )
            request_hash = call.envelope_sha256 = envelope_hash(envelope)
            header = envelope.header
            call.message_id, call.msg_type = header.message_id, header.message_type
            sender = self._sender(header, call.peer_id)
            relayed_by = call.peer_id if call.peer_id != sender.node_id else None
            opened = self._open(envelope, header, sender, handler, received_ms)
            parsed = handler.parse(opened)
            return self._accept(
                opened, request_hash, sender, handler, parsed, received_ms, relayed_by
            )
        except EnvelopeError as exc:
            rejection = Rejection.from_envelope_error(exc)
        except Rejection as exc:
            rejection = exc
        except Exception:  # never let an exception's text reach the peer
            log.exception(
                "federation call failed", extra={"rpc": call.rpc, "peer_id": call.peer_id}
            )
            rejection = Rejection(
                "INTERNAL", "internal_error", "internal error; details are in this node's log"
            )
        self._refuse(context, call, rejection)

    def _sender(self, header: EnvelopeHeader, transport_peer_id: str) -> TrustedPeer:
        if header.recipient != self.fed.node_id:
            raise WrongRecipientError(header.recipient, self.fed.node_id)
        sender = self.fed.trust.peer(header.sender)
        if sender is None:
            raise UnknownSenderError("the sender is not a peer of this node")
        if header.sender != transport_peer_id and not self.accept_relayed:
            # With accept_relayed, any current peer may deliver another current peer's
            # envelope: the sender's signature, not the connection, authenticates it.
            raise Rejection(
                "PERMISSION_DENIED",
                "sender_mismatch",
                "the envelope's sender is not the node this connection authenticated "
                "(relayed delivery is not enabled on this node: [federation] accept_relayed)",
            )
        if header.sender_kid != sender.descriptor.signing_key.kid:
            raise UnknownSenderError(
                f"signing key {header.sender_kid} is not the key of the sender's descriptor "
                f"held here ({sender.descriptor.signing_key.kid}); send a current descriptor "
                "to this node's operator"
            )
        return sender

    def _open(
        self,
        envelope: Envelope,
        header: EnvelopeHeader,
        sender: TrustedPeer,
        handler: InboundHandler,
        received_ms: int,
    ) -> OpenedMessage:
        try:
            private = self.fed.identity.encryption_private_key(header.recipient_kid)
        except KeyFileError:
            raise Rejection(
                "FAILED_PRECONDITION",
                "unknown_recipient_key",
                f"this node has no encryption key {header.recipient_kid}; seal to a key of "
                "its current descriptor",
            ) from None
        return open_envelope(
            envelope,
            expected_recipient=self.fed.node_id,
            recipient_private=private,
            sender_public=sender.signing_public,
            now_ms=received_ms,
            expected_model_id=self.fed.model_id(),
            expected_type=handler.message_type,
            max_size=MAX_ENVELOPE,
        )

    def _accept(
        self,
        opened: OpenedMessage,
        request_hash: str,
        sender: TrustedPeer,
        handler: InboundHandler,
        request: Any,
        received_ms: int,
        relayed_by: str | None = None,
    ) -> pb.Envelope:
        header = opened.header
        now = datetime.now(UTC)
        try:
            reply_key = sender.descriptor.sealing_key(now)
        except DescriptorError:
            raise Rejection(
                "FAILED_PRECONDITION",
                "no_reply_key",
                "the descriptor of the sender held here has no valid encryption key; send "
                "a current descriptor to this node's operator",
            ) from None
        base: dict[str, Any] = {
            "purpose": handler.purpose,
            "direction": "in",
            "peer_id": sender.node_id,
            "msg_type": header.message_type,
            "message_id": header.message_id,
            "envelope_sha256": request_hash,
        }
        sealed = {"suite": header.suite, "recipient_kid": header.recipient_kid}
        sealed.update(relay_detail(relayed_by))
        with self.fed.log.transaction() as tx:
            connection = tx.session.connection()
            stored = connection.execute(
                _RECEIVED, {"sender": sender.node_id, "message_id": header.message_id}
            ).scalar()
            if stored is not None:
                receipt = pb.Receipt.FromString(stored)
                tx.append(
                    LogRecord(
                        status="duplicate",
                        details={
                            "rpc": handler.rpc,
                            **sealed,
                            "original_log_index": receipt.log_index,
                        },
                        **base,
                    )
                )
                state = handler.replay(request, opened, tx)
            else:
                entry = tx.append(
                    LogRecord(
                        status="accepted",
                        details={"rpc": handler.rpc, **sealed, **handler.details(request)},
                        **base,
                    )
                )
                state = handler.act(request, opened, tx, received_ms)
                receipt = sign_receipt(
                    self.fed.identity,
                    envelope_sha256=request_hash,
                    log_index=entry.seq,
                    log_entry_hash=entry.entry_hash,
                    received_at_ms=received_ms,
                )
                connection.execute(
                    _REMEMBER,
                    {
                        "sender_id": sender.node_id,
                        "message_id": header.message_id,
                        "received_at": now,
                        "receipt": receipt.SerializeToString(deterministic=True),
                    },
                )
            reply_header = EnvelopeHeader.create(
                sender=self.fed.node_id,
                recipient=sender.node_id,
                message_type=handler.reply_type,
                timestamp_ms=now_ms(),
                recipient_kid=reply_key.kid,
                sender_kid=self.fed.identity.signing_kid,
                model_id=self.fed.model_id(),
                suite=suite_for(reply_key.kem),
            )
            reply = seal_envelope(
                header=reply_header,
                payload=handler.reply(request, receipt, state),
                recipient_public=reply_key.public,
                sender_signing_key=self.fed.identity,
                max_size=MAX_ENVELOPE,
            )
            tx.append(
                LogRecord(
                    direction="out",
                    peer_id=sender.node_id,
                    msg_type=handler.reply_type,
                    message_id=reply_header.message_id,
                    envelope_sha256=envelope_hash(reply),
                    status="sent",
                    purpose=handler.purpose,
                    details={
                        "in_reply_to": header.message_id,
                        "suite": reply_header.suite,
                        "recipient_kid": reply_header.recipient_kid,
                        "receipt_log_index": receipt.log_index,
                        **relay_detail(relayed_by),
                        **handler.reply_details(state),
                    },
                )
            )
        return pb.Envelope(
            header=reply.header_bytes,
            enc=reply.enc,
            ciphertext=reply.ciphertext,
            signature=reply.signature,
        )

    def _refuse(
        self, context: grpc.ServicerContext, call: _Inbound, rejection: Rejection
    ) -> NoReturn:
        record = LogRecord(
            direction="in",
            peer_id=call.peer_id,
            msg_type=call.msg_type[:32],
            message_id=call.message_id,
            envelope_sha256=call.envelope_sha256,
            status=rejection.reason,
            details={"rpc": call.rpc, "grpc_status": rejection.status},
        )
        refuse(self.fed, context, rejection, record, "federation message refused")


def relay_detail(relayed_by: str | None) -> dict[str, str]:
    """The ``relayed_by`` detail of a relayed message's entries: the peer that delivered it
    (and carries the reply back)."""
    return {} if relayed_by is None else {"relayed_by": relayed_by}


def _unimplemented(context: grpc.ServicerContext, rpc: str) -> NoReturn:
    context.abort(
        grpc.StatusCode.UNIMPLEMENTED,
        f"{rpc} is defined by protocol v1 but not implemented by this node version",
    )
    raise AssertionError("context.abort returned")


class HandshakeHandler:
    """Handshake: prove both ends hold their keys; exchange versions, model id and time."""

    rpc = "Handshake"
    message_type = HANDSHAKE
    reply_type = HANDSHAKE_REPLY
    purpose: str | None = None

    def __init__(self, federation: Federation) -> None:
        self.fed = federation

    def parse(self, opened: OpenedMessage) -> pb.Handshake:
        try:
            request = pb.Handshake.FromString(opened.payload)
        except DecodeError:
            raise Rejection(
                "INVALID_ARGUMENT", "bad_payload", "the payload is not a Handshake message"
            ) from None
        if request.node_id != opened.header.sender:
            raise Rejection(
                "INVALID_ARGUMENT",
                "bad_payload",
                "the Handshake names another node than the envelope's sender",
            )
        if not set(request.protocol_versions) & set(SUPPORTED_VERSIONS):
            spoken = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
            raise Rejection(
                "FAILED_PRECONDITION",
                "unsupported_version",
                f"no common protocol version: the sender speaks "
                f"{list(request.protocol_versions)}, this node speaks {spoken}",
            )
        if request.model_id and request.model_id != self.fed.model_id():
            raise ModelMismatchError(request.model_id, self.fed.model_id())
        return request

    def details(self, request: pb.Handshake) -> dict[str, Any]:
        return {"peer_model_id": request.model_id, "peer_versions": list(request.protocol_versions)}

    def replay(self, request: pb.Handshake, opened: OpenedMessage, tx: LogTransaction) -> None:
        return None

    def reply_details(self, state: None) -> dict[str, Any]:
        return {}

    def act(
        self, request: pb.Handshake, opened: OpenedMessage, tx: LogTransaction, received_ms: int
    ) -> None:
        row = tx.session.get(Peer, opened.header.sender)
        if row is None:
            return
        row.last_contact_at = datetime.now(UTC)
        row.last_error = None
        row.last_handshake = {
            "direction": "in",
            "at_ms": received_ms,
            "protocol_versions": list(request.protocol_versions),
            "model_id": request.model_id,
            "clock_offset_ms": request.time_ms - received_ms,
            "descriptor_sequence": request.descriptor_sequence,
        }

    def reply(self, request: pb.Handshake, receipt: pb.Receipt, state: None) -> bytes:
        reply = pb.HandshakeReply(
            node_id=self.fed.node_id,
            protocol_versions=list(SUPPORTED_VERSIONS),
            model_id=self.fed.model_id(),
            descriptor_sequence=issued_sequence(self.fed.identity.keydir),
            time_ms=now_ms(),
            receipt=receipt,
        )
        return reply.SerializeToString(deterministic=True)
