"""Outbound calls: seal, sign, send on the peer's long-lived channel, verify, log.

The sender logs one ``out`` entry per request with its outcome (``receipted`` when
the peer's signed receipt verified, else the gRPC status or a local code such as
``bad_receipt``) and, on success, one ``in`` entry for the reply; both in the same
transaction, together with the peer's last-contact facts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import grpc
from google.protobuf.message import DecodeError

from talentverbund.crypto.envelope import (
    SUPPORTED_VERSIONS,
    Envelope,
    EnvelopeHeader,
    envelope_hash,
    open_envelope,
    seal_envelope,
)
from talentverbund.crypto.envelope import now_ms as clock_ms
from talentverbund.crypto.errors import DescriptorError, EnvelopeError, KeyFileError
from talentverbund.node.errors import NotFound
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.errors import CertificateError, FederationCallError
from talentverbund.node.federation.exchange_log import LogRecord
from talentverbund.node.federation.receipts import ReceiptError, receipt_json, verify_receipt
from talentverbund.node.federation.service import HANDSHAKE, HANDSHAKE_REPLY
from talentverbund.node.federation.transport import (
    HANDSHAKE_TIMEOUT,
    MAX_ENVELOPE,
    federation_grpc,
)
from talentverbund.node.federation.trust import TrustedPeer
from talentverbund.node.storage.models import Peer
from talentverbund.protocol.v1 import federation_pb2 as pb

_HINTS = {
    "UNAVAILABLE": "is the peer serving and reachable at {endpoint}, and has its operator "
    "added this node's descriptor (peering is mutual)?",
    "DEADLINE_EXCEEDED": "the peer did not answer within {timeout:g} s; it may be overloaded "
    "or the network slow",
    "PERMISSION_DENIED": "the peer does not (or no longer) trust this node: ask its operator "
    "to add this node's descriptor ('talentverbund identity DIR')",
    "UNAUTHENTICATED": "the peer could not verify this node's message: send its operator "
    "this node's current descriptor",
    "FAILED_PRECONDITION": "fix the setting the message names (clock/NTP, protocol "
    "version, model) on one of the two nodes",
}


@dataclass(frozen=True)
class HandshakeResult:
    """A completed handshake: what the peer said and what its receipt proves."""

    peer_id: str
    rtt_ms: float
    clock_offset_ms: int
    protocol_versions: list[int]
    model_id: str
    message_id: str
    envelope_sha256: str
    receipt: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "peer_id": self.peer_id,
            "ok": True,
            "rtt_ms": round(self.rtt_ms, 2),
            "clock_offset_ms": self.clock_offset_ms,
            "protocol_versions": self.protocol_versions,
            "model_id": self.model_id,
            "message_id": self.message_id,
            "envelope_sha256": self.envelope_sha256,
            "receipt": self.receipt,
        }


class FederationClient:
    """Calls peers on behalf of this node."""

    def __init__(self, federation: Federation) -> None:
        self.fed = federation

    def peer(self, node_id: str) -> TrustedPeer:
        """The active peer, with its certificate fetched and pinned if it was missing."""
        peer = self.fed.trust.peer(node_id)
        if peer is None:
            raise NotFound(f"{node_id} is not an active peer", "see 'talentverbund peer list DIR'")
        if peer.cert_pem is None:
            try:
                self.fed.fetch_certificate(node_id)
            except CertificateError as exc:
                raise FederationCallError(node_id, "no_certificate", exc.message, exc.hint) from exc
            peer = self.fed.trust.peer(node_id)
            assert peer is not None and peer.cert_pem is not None
        return peer

    def seal(
        self,
        peer: TrustedPeer,
        message_type: str,
        payload: bytes,
        *,
        now_ms: int | None = None,
        message_id: str | None = None,
    ) -> Envelope:
        """Seal ``payload`` to the peer's current encryption key and sign it."""
        timestamp = clock_ms() if now_ms is None else now_ms
        try:
            key = peer.descriptor.current_encryption_key(self.fed.clock())
        except DescriptorError as exc:
            raise FederationCallError(
                peer.node_id,
                "no_encryption_key",
                str(exc),
                "ask the peer's operator for a current descriptor and add it",
            ) from None
        header = EnvelopeHeader.create(
            sender=self.fed.node_id,
            recipient=peer.node_id,
            message_type=message_type,
            timestamp_ms=timestamp,
            recipient_kid=key.kid,
            sender_kid=self.fed.identity.signing_kid,
            model_id=self.fed.model_id(),
            message_id=message_id,
        )
        return seal_envelope(
            header=header,
            payload=payload,
            recipient_public=key.public,
            sender_signing_key=self.fed.identity,
            max_size=MAX_ENVELOPE,
        )

    def handshake(
        self,
        node_id: str,
        *,
        timeout: float = HANDSHAKE_TIMEOUT,
        now_ms: int | None = None,
        message_id: str | None = None,
    ) -> HandshakeResult:
        """Handshake with a peer; ``now_ms`` overrides our clock (tests of clock skew)."""
        peer = self.peer(node_id)
        sent_ms = clock_ms() if now_ms is None else now_ms
        payload = pb.Handshake(
            node_id=self.fed.node_id,
            protocol_versions=list(SUPPORTED_VERSIONS),
            model_id=self.fed.model_id(),
            descriptor_sequence=0,
            time_ms=sent_ms,
        ).SerializeToString(deterministic=True)
        envelope = self.seal(peer, HANDSHAKE, payload, now_ms=sent_ms, message_id=message_id)
        request_hash = envelope_hash(envelope)
        header = envelope.header
        stub = federation_grpc.FederationStub(self.fed.channels.get(peer))
        started = time.monotonic()
        try:
            answer = stub.Handshake(_to_pb(envelope), timeout=timeout)
        except grpc.RpcError as exc:
            code = exc.code().name if exc.code() is not None else "UNKNOWN"
            self._failed(peer, header.message_id, request_hash, code, str(exc.details() or ""))
            hint = _HINTS.get(code, "see the peer's operator").format(
                endpoint=peer.endpoint, timeout=timeout
            )
            raise FederationCallError(
                node_id,
                code,
                f"handshake with {peer.name} ({node_id}) failed: {code}: {exc.details()}",
                hint,
            ) from None
        rtt_ms = (time.monotonic() - started) * 1000
        try:
            reply, reply_envelope = self._open_reply(peer, answer)
            verify_receipt(
                reply.receipt,
                receiver=node_id,
                receiver_kid=peer.descriptor.signing_key.kid,
                receiver_public=peer.signing_public,
                envelope_sha256=request_hash,
            )
        except (EnvelopeError, ReceiptError, _BadReply) as exc:
            status = "bad_receipt" if isinstance(exc, ReceiptError) else "bad_reply"
            detail = getattr(exc, "detail", "") or str(exc)
            self._failed(peer, header.message_id, request_hash, status, detail)
            raise FederationCallError(
                node_id,
                status,
                f"handshake with {peer.name} ({node_id}): the answer did not verify: {detail}",
                "the peer's keys may have changed: ask its operator for a current descriptor",
            ) from None
        offset = int(reply.time_ms - (sent_ms + rtt_ms / 2))
        result = HandshakeResult(
            peer_id=node_id,
            rtt_ms=rtt_ms,
            clock_offset_ms=offset,
            protocol_versions=list(reply.protocol_versions),
            model_id=reply.model_id,
            message_id=header.message_id,
            envelope_sha256=request_hash,
            receipt=receipt_json(reply.receipt),
        )
        self._succeeded(peer, header, request_hash, reply_envelope, result)
        return result

    # -- helpers -------------------------------------------------------------------

    def _open_reply(
        self, peer: TrustedPeer, answer: pb.Envelope
    ) -> tuple[pb.HandshakeReply, Envelope]:
        envelope = Envelope.from_parts(
            header_bytes=answer.header,
            enc=answer.enc,
            ciphertext=answer.ciphertext,
            signature=answer.signature,
            max_size=MAX_ENVELOPE,
        )
        header = envelope.header
        if header.sender != peer.node_id or header.sender_kid != peer.descriptor.signing_key.kid:
            raise _BadReply(f"reply claims sender {header.sender} {header.sender_kid}")
        try:
            private = self.fed.identity.encryption_private_key(header.recipient_kid)
        except KeyFileError:
            raise _BadReply(f"reply is sealed to unknown key {header.recipient_kid}") from None
        opened = open_envelope(
            envelope,
            expected_recipient=self.fed.node_id,
            recipient_private=private,
            sender_public=peer.signing_public,
            now_ms=clock_ms(),
            expected_model_id=self.fed.model_id(),
            expected_type=HANDSHAKE_REPLY,
            max_size=MAX_ENVELOPE,
        )
        try:
            reply = pb.HandshakeReply.FromString(opened.payload)
        except DecodeError:
            raise _BadReply("reply payload is not a HandshakeReply") from None
        if reply.node_id != peer.node_id:
            raise _BadReply("reply names another node")
        return reply, envelope

    def _failed(
        self, peer: TrustedPeer, message_id: str, request_hash: str, status: str, detail: str
    ) -> None:
        self.fed.log.append(
            LogRecord(
                direction="out",
                peer_id=peer.node_id,
                msg_type=HANDSHAKE,
                message_id=message_id,
                envelope_sha256=request_hash,
                status=status.lower()[:32],
                details={"rpc": "Handshake", "error": detail[:200]},
            )
        )
        self.fed.record_error(peer.node_id, f"{status}: {detail}")

    def _succeeded(
        self,
        peer: TrustedPeer,
        request: EnvelopeHeader,
        request_hash: str,
        reply_envelope: Envelope,
        result: HandshakeResult,
    ) -> None:
        reply_header = reply_envelope.header
        with self.fed.log.transaction() as tx:
            tx.append(
                LogRecord(
                    direction="out",
                    peer_id=peer.node_id,
                    msg_type=HANDSHAKE,
                    message_id=request.message_id,
                    envelope_sha256=request_hash,
                    status="receipted",
                    details={"rpc": "Handshake", "receipt": result.receipt},
                )
            )
            tx.append(
                LogRecord(
                    direction="in",
                    peer_id=peer.node_id,
                    msg_type=HANDSHAKE_REPLY,
                    message_id=reply_header.message_id,
                    envelope_sha256=envelope_hash(reply_envelope),
                    status="accepted",
                    details={"in_reply_to": request.message_id},
                )
            )
            row = tx.session.get(Peer, peer.node_id)
            if row is not None:
                row.last_contact_at = self.fed.clock()
                row.last_error = None
                row.last_handshake = {
                    "direction": "out",
                    "at_ms": clock_ms(),
                    "rtt_ms": int(result.rtt_ms),
                    "clock_offset_ms": result.clock_offset_ms,
                    "protocol_versions": result.protocol_versions,
                    "model_id": result.model_id,
                }


class _BadReply(Exception):
    """The peer's answer is not the reply it must be (our log gets the reason)."""


def _to_pb(envelope: Envelope) -> pb.Envelope:
    return pb.Envelope(
        header=envelope.header_bytes,
        enc=envelope.enc,
        ciphertext=envelope.ciphertext,
        signature=envelope.signature,
    )
