"""Outbound calls: seal, sign, send on the peer's long-lived channel, verify, log.

The sender logs one ``out`` entry per request with its outcome (``receipted`` when
the peer's signed receipt verified, else the gRPC status or a local code such as
``bad_receipt``) and, on success, one ``in`` entry for the reply; both in the same
transaction, together with the peer's last-contact facts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

import grpc
from google.protobuf.message import DecodeError

from talentverbund.crypto.envelope import (
    SUPPORTED_VERSIONS,
    Envelope,
    EnvelopeHeader,
    Signer,
    envelope_hash,
    open_envelope,
    seal_envelope,
)
from talentverbund.crypto.envelope import now_ms as clock_ms
from talentverbund.crypto.errors import DescriptorError, EnvelopeError, KeyFileError
from talentverbund.crypto.hpke import suite_for
from talentverbund.node.errors import NodeError, NotFound
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.errors import CertificateError, FederationCallError
from talentverbund.node.federation.exchange_log import LogRecord, LogTransaction
from talentverbund.node.federation.own_descriptor import issued_sequence
from talentverbund.node.federation.receipts import ReceiptError, receipt_json, verify_receipt
from talentverbund.node.federation.service import HANDSHAKE, HANDSHAKE_REPLY
from talentverbund.node.federation.transport import HANDSHAKE_TIMEOUT, MAX_ENVELOPE
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
    descriptor_sequence: int = 0  # of the descriptor the peer issues now (0: not told)
    held_sequence: int = 0  # of the peer's descriptor this node holds

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
            "descriptor_sequence": self.descriptor_sequence,
            "held_sequence": self.held_sequence,
        }


class FederationClient:
    """Calls peers on behalf of this node."""

    def __init__(self, federation: Federation) -> None:
        self.fed = federation

    def peer(self, node_id: str) -> TrustedPeer:
        """The active peer, with its certificate fetched and pinned if it was missing.

        A peer reached through a relay needs no certificate of its own (no connection
        goes to it); its relay must be an active, directly reached peer.
        """
        peer = self.fed.trust.peer(node_id)
        if peer is None:
            raise NotFound(f"{node_id} is not an active peer", "see 'talentverbund peer list DIR'")
        if peer.via is not None:
            relay = self.fed.trust.peer(peer.via)
            if relay is None or relay.via is not None:
                raise FederationCallError(
                    node_id,
                    "no_relay",
                    f"{node_id} is reached through {peer.via}, which is not an active peer "
                    "reached directly",
                    f"add {peer.via}'s descriptor, or 'talentverbund peer relay DIR {node_id} "
                    "--direct'",
                )
            self.peer(relay.node_id)  # its certificate, fetched if missing
            return peer
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
        signer: tuple[str, Signer] | None = None,
    ) -> Envelope:
        """Seal ``payload`` to the peer's current encryption key (its X-Wing key if it
        publishes one: post-quantum) and sign it.

        ``signer`` (key id, key) replaces the current signing key; only the announcement
        of a new descriptor uses it, to sign with the key the peer still holds.
        """
        identity = self.fed.identity  # read once: a rotation may swap it meanwhile
        sender_kid, signing_key = signer or (identity.signing_kid, identity)
        timestamp = clock_ms() if now_ms is None else now_ms
        try:
            key = peer.descriptor.sealing_key(self.fed.clock())
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
            sender_kid=sender_kid,
            model_id=self.fed.model_id(),
            suite=suite_for(key.kem),
            message_id=message_id,
        )
        return seal_envelope(
            header=header,
            payload=payload,
            recipient_public=key.public,
            sender_signing_key=signing_key,
            max_size=MAX_ENVELOPE,
        )

    def exchange(
        self,
        peer: TrustedPeer,
        call: Call,
        payload: bytes,
        *,
        timeout: float,
        now_ms: int | None = None,
        message_id: str | None = None,
        earlier_hashes: Collection[str] = (),
        signer: tuple[str, Signer] | None = None,
    ) -> Exchange:
        """Send one request and check the answer; never raises for what the peer does.

        ``earlier_hashes``: for a retry under the same message id, the hashes of the
        envelopes sent before; the peer answers a repeat with its original receipt,
        which names the first envelope it accepted.

        The outcome (and its log records) is in the returned :class:`Exchange`; the
        caller logs it with :meth:`record`, alone or together with other exchanges
        (a fan-out commits all its entries in one transaction).
        """
        sent_ms = clock_ms() if now_ms is None else now_ms
        envelope = self.seal(
            peer, call.message_type, payload, now_ms=sent_ms, message_id=message_id, signer=signer
        )
        done = Exchange(peer, call, envelope, envelope_hash(envelope), sent_ms)
        started = time.monotonic()
        try:
            if peer.via is None:
                stub = self.fed.channels.stub(peer)
                answer = getattr(stub, call.rpc)(_to_pb(envelope), timeout=timeout)
            else:  # the same envelope, handed to the relay (docs/protocol.md, Relay)
                done.details["via"] = peer.via
                stub = self.fed.channels.stub(self.peer(peer.via))
                request = pb.RelayRequest(rpc=call.rpc, envelope=_to_pb(envelope))
                answer = stub.Relay(request, timeout=timeout)
        except NodeError as exc:  # the relay is no usable peer (removed, no certificate)
            done.fail(getattr(exc, "status", "no_relay"), exc.message, timeout)
            return done
        except grpc.RpcError as exc:
            code = exc.code().name if exc.code() is not None else "UNKNOWN"
            done.fail(code, str(exc.details() or ""), timeout)
            return done
        done.rtt_ms = (time.monotonic() - started) * 1000
        try:
            reply, reply_envelope = self._open_reply(peer, answer, call)
            named = reply.receipt.envelope_sha256
            verify_receipt(
                reply.receipt,
                receiver=peer.node_id,
                receiver_kid=peer.descriptor.signing_key.kid,
                receiver_public=peer.signing_public,
                envelope_sha256=named if named in earlier_hashes else done.request_hash,
            )
        except (EnvelopeError, ReceiptError, BadReply) as exc:
            status = "bad_receipt" if isinstance(exc, ReceiptError) else "bad_reply"
            done.fail(status, getattr(exc, "detail", "") or str(exc), timeout)
            return done
        done.reply, done.reply_envelope = reply, reply_envelope
        done.status = "receipted"
        return done

    def record(
        self,
        exchanges: Sequence[Exchange],
        also: Callable[[LogTransaction], None] | None = None,
    ) -> None:
        """Log exchanges (and run ``also`` for the caller's rows) in one transaction."""
        with self.fed.log.transaction() as tx:
            for done in exchanges:
                for record in done.records():
                    tx.append(record)
                if done.ok and self.fed.contact_fresh(done.peer.node_id):
                    continue  # last contact written less than a minute ago
                row = tx.session.get(Peer, done.peer.node_id)
                if row is None:
                    continue
                if done.ok:
                    row.last_contact_at = self.fed.clock()
                    row.last_error = None
                    self.fed.contact_written(done.peer.node_id)
                else:
                    row.last_error = f"{done.status}: {done.detail}"[:500]
                    self.fed.contact_written(done.peer.node_id, failed=True)
            if also is not None:
                also(tx)

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
            descriptor_sequence=issued_sequence(self.fed.identity.keydir),
            time_ms=sent_ms,
        ).SerializeToString(deterministic=True)
        done = self.exchange(
            peer, HANDSHAKE_CALL, payload, timeout=timeout, now_ms=sent_ms, message_id=message_id
        )
        if not done.ok:
            self.record([done])
            raise done.error(f"handshake with {peer.name} ({node_id})")
        reply = done.reply
        assert isinstance(reply, pb.HandshakeReply)
        offset = int(reply.time_ms - (sent_ms + done.rtt_ms / 2))
        result = HandshakeResult(
            peer_id=node_id,
            rtt_ms=done.rtt_ms,
            clock_offset_ms=offset,
            protocol_versions=list(reply.protocol_versions),
            model_id=reply.model_id,
            message_id=done.request.header.message_id,
            envelope_sha256=done.request_hash,
            receipt=receipt_json(reply.receipt),
            descriptor_sequence=reply.descriptor_sequence,
            held_sequence=peer.descriptor.sequence,
        )

        def facts(tx: LogTransaction) -> None:
            row = tx.session.get(Peer, peer.node_id)
            if row is not None:
                row.last_handshake = {
                    "direction": "out",
                    "at_ms": clock_ms(),
                    "rtt_ms": int(result.rtt_ms),
                    "clock_offset_ms": result.clock_offset_ms,
                    "protocol_versions": result.protocol_versions,
                    "model_id": result.model_id,
                    "descriptor_sequence": reply.descriptor_sequence,
                }

        self.record([done], facts)
        return result

    # -- helpers -------------------------------------------------------------------

    def _open_reply(
        self, peer: TrustedPeer, answer: pb.Envelope, call: Call
    ) -> tuple[Any, Envelope]:
        envelope = Envelope.from_parts(
            header_bytes=answer.header,
            enc=answer.enc,
            ciphertext=answer.ciphertext,
            signature=answer.signature,
            max_size=MAX_ENVELOPE,
        )
        header = envelope.header
        if header.sender != peer.node_id or header.sender_kid != peer.descriptor.signing_key.kid:
            raise BadReply(f"reply claims sender {header.sender} {header.sender_kid}")
        try:
            private = self.fed.identity.encryption_private_key(header.recipient_kid)
        except KeyFileError:
            raise BadReply(f"reply is sealed to unknown key {header.recipient_kid}") from None
        opened = open_envelope(
            envelope,
            expected_recipient=self.fed.node_id,
            recipient_private=private,
            sender_public=peer.signing_public,
            now_ms=clock_ms(),
            expected_model_id=self.fed.model_id(),
            expected_type=call.reply_type,
            max_size=MAX_ENVELOPE,
        )
        try:
            reply = call.reply_class.FromString(opened.payload)
        except DecodeError:
            raise BadReply(f"reply payload is not a {call.reply_class.__name__}") from None
        if isinstance(reply, pb.HandshakeReply) and reply.node_id != peer.node_id:
            raise BadReply("reply names another node")
        if not reply.HasField("receipt"):
            raise BadReply("reply carries no receipt")
        return reply, envelope


@dataclass(frozen=True)
class Call:
    """One RPC of the federation service: its method, message types and reply class."""

    rpc: str
    message_type: str
    reply_type: str
    reply_class: type[Any]
    purpose: str | None = None


HANDSHAKE_CALL = Call("Handshake", HANDSHAKE, HANDSHAKE_REPLY, pb.HandshakeReply)


@dataclass
class Exchange:
    """One request to a peer and what came of it (status ``receipted`` when it worked)."""

    peer: TrustedPeer
    call: Call
    request: Envelope
    request_hash: str
    sent_ms: int
    status: str = "pending"
    detail: str = ""
    hint: str = ""
    rtt_ms: float = 0.0
    reply: Any = None
    reply_envelope: Envelope | None = None
    details: dict[str, Any] = field(default_factory=dict)  # extra facts for the out entry

    @property
    def ok(self) -> bool:
        return self.status == "receipted"

    def fail(self, status: str, detail: str, timeout: float) -> None:
        self.status, self.detail = status, detail
        if status in ("bad_reply", "bad_receipt"):
            self.hint = (
                "the peer's keys may have changed: ask its operator for a current descriptor"
            )
        else:
            self.hint = _HINTS.get(status, "see the peer's operator").format(
                endpoint=self.peer.endpoint, timeout=timeout
            )

    def error(self, what: str) -> FederationCallError:
        if self.status in ("bad_reply", "bad_receipt"):
            message = f"{what}: the answer did not verify: {self.detail}"
        else:
            message = f"{what} failed: {self.status}: {self.detail}"
        return FederationCallError(
            self.peer.node_id,
            self.status,
            message,
            self.hint,
            code="peer_call_failed",
            params={"peer": self.peer.name, "status": self.status},
        )

    def records(self) -> list[LogRecord]:
        """The out entry (and the reply's in entry when there is one)."""
        header = self.request.header
        details: dict[str, Any] = {
            "rpc": self.call.rpc,
            "suite": header.suite,
            "recipient_kid": header.recipient_kid,
            **self.details,
        }
        if self.reply is not None:  # a verified receipt, even when the content was refused
            details["receipt"] = receipt_json(self.reply.receipt)
        if not self.ok:
            details["error"] = self.detail[:200]
        out = [
            LogRecord(
                direction="out",
                peer_id=self.peer.node_id,
                msg_type=self.call.message_type,
                message_id=header.message_id,
                purpose=self.call.purpose,
                envelope_sha256=self.request_hash,
                status=self.status.lower()[:32],
                details=details,
            )
        ]
        if self.reply_envelope is not None:
            out.append(
                LogRecord(
                    direction="in",
                    peer_id=self.peer.node_id,
                    msg_type=self.call.reply_type,
                    message_id=self.reply_envelope.header.message_id,
                    purpose=self.call.purpose,
                    envelope_sha256=envelope_hash(self.reply_envelope),
                    status="accepted",
                    details={
                        "in_reply_to": header.message_id,
                        "suite": self.reply_envelope.header.suite,
                        "recipient_kid": self.reply_envelope.header.recipient_kid,
                    },
                )
            )
        return out


class BadReply(Exception):
    """The peer's answer is not the reply it must be (our log gets the reason)."""


def _to_pb(envelope: Envelope) -> pb.Envelope:
    return pb.Envelope(
        header=envelope.header_bytes,
        enc=envelope.enc,
        ciphertext=envelope.ciphertext,
        signature=envelope.signature,
    )
