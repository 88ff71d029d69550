"""Relayed delivery: forward a peer's envelope, unread and unchanged, to another peer.

Node A cannot reach node C (a firewall; C accepts connections only from its Land's
data centre), but both peer with B. A hands B the sealed, signed envelope with the
``Relay`` RPC; B checks only the clear header and calls the named RPC on C over its own
mTLS channel with the very same four envelope fields, and hands C's reply envelope back
to A unchanged. B cannot read either envelope (each is sealed to its recipient) nor
alter one (each is signed by its sender, and the receipt C signs names the hash of the
envelope as A sealed it).

The relay's checks (docs/protocol.md, "Relayed delivery"):

1. the caller is a current peer (the interceptor, and again here);
2. this node's operator enabled ``[federation] relay`` -- else FAILED_PRECONDITION;
3. the RPC is one of the federation RPCs (never ``Relay``: one hop only);
4. the envelope's framing, size and clear header parse;
5. its sender is the caller (a relay forwards only what its peer itself sent, so an
   envelope another relay forwarded cannot be relayed again) and its recipient is
   neither the sender nor this node -- else PERMISSION_DENIED / INVALID_ARGUMENT;
6. its recipient is a current peer reached directly -- else NOT_FOUND;
7. forward within the caller's remaining deadline; the next hop's gRPC status
   (UNAVAILABLE, DEADLINE_EXCEEDED, PERMISSION_DENIED ...) is passed back.

The relay logs each forwarded envelope in its exchange log: an ``in`` entry from the
sender and an ``out`` entry to the recipient, message type ``relay``, with the
envelope's hash, both node ids, the RPC, the inner message type and the reply's hash:
metadata only, never content (it has none to log).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any, NoReturn

import grpc

from talentverbund.crypto.envelope import Envelope, envelope_hash
from talentverbund.crypto.errors import EnvelopeError
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.errors import CertificateError, Rejection, refuse
from talentverbund.node.federation.exchange_log import LogRecord
from talentverbund.node.federation.transport import MAX_ENVELOPE, calling_peer
from talentverbund.protocol.v1 import federation_pb2 as pb

log = logging.getLogger("talentverbund.federation")

RELAY = "relay"  # msg_type of the relay's own exchange-log entries
RELAYABLE = ("Handshake", "Search", "Introduce", "Notify", "CrossCheck", "Witness")
DEFAULT_FORWARD_TIMEOUT = 30.0  # when the caller set no deadline
MAX_FORWARD_TIMEOUT = 120.0
DEADLINE_MARGIN = 0.2  # seconds kept back to answer the caller before its deadline


@dataclass
class _Relayed:
    """What is known about a relay call so far, for the log entries."""

    peer_id: str | None = None
    message_id: str | None = None
    envelope_sha256: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


class Relayer:
    """The ``Relay`` RPC of :class:`~.service.FederationService`."""

    def __init__(self, federation: Federation, enabled: bool) -> None:
        self.fed = federation
        self.enabled = enabled

    def relay(self, request: pb.RelayRequest, context: grpc.ServicerContext) -> pb.Envelope:
        call = _Relayed()
        try:
            call.peer_id = calling_peer(context, self.fed.trust)
            if not self.enabled:
                raise Rejection(
                    "FAILED_PRECONDITION",
                    "relay_disabled",
                    f"node {self.fed.node_id} does not relay: its operator has not set "
                    "[federation] relay = true",
                )
            envelope = self._envelope(request, call)
            header = envelope.header
            call.message_id = header.message_id
            call.details = {
                "rpc": request.rpc,
                "sender": header.sender,
                "recipient": header.recipient,
                "message_type": header.message_type[:64],
                "size": envelope.wire_size,
            }
            if header.sender != call.peer_id:
                raise Rejection(
                    "PERMISSION_DENIED",
                    "sender_mismatch",
                    "a relay forwards only envelopes sent by the node it is connected to "
                    "(relayed delivery is one hop)",
                )
            if header.recipient in (header.sender, self.fed.node_id):
                raise Rejection(
                    "INVALID_ARGUMENT",
                    "relay_loop",
                    "the envelope is addressed to its sender or to this relay; send an "
                    "envelope for this node with the RPC itself, not through Relay",
                )
            next_hop = self.fed.trust.peer(header.recipient)
            if next_hop is None:
                raise Rejection(
                    "NOT_FOUND",
                    "no_next_hop",
                    f"node {self.fed.node_id} has no peer {header.recipient}",
                )
            if next_hop.via is not None:
                raise Rejection(
                    "FAILED_PRECONDITION",
                    "relay_loop",
                    f"node {self.fed.node_id} reaches {header.recipient} only through a relay "
                    "itself; relayed delivery is one hop",
                )
            if next_hop.cert_pem is None:
                try:
                    self.fed.fetch_certificate(next_hop.node_id)
                except CertificateError as exc:
                    raise Rejection(
                        "UNAVAILABLE",
                        "next_hop_unavailable",
                        f"node {self.fed.node_id} cannot reach {header.recipient} "
                        "(no certificate pinned yet)",
                        exc.message,
                    ) from None
                next_hop = self.fed.trust.peer(header.recipient)
                assert next_hop is not None
        except EnvelopeError as exc:
            self._refuse(context, call, Rejection.from_envelope_error(exc))
        except Rejection as exc:
            self._refuse(context, call, exc)
        return self._forward(request, context, call, next_hop.node_id)

    def _envelope(self, request: pb.RelayRequest, call: _Relayed) -> Envelope:
        if request.rpc not in RELAYABLE:
            raise Rejection(
                "INVALID_ARGUMENT",
                "bad_rpc",
                f"Relay forwards as one of {', '.join(RELAYABLE)}, not {request.rpc[:40]!r}",
            )
        if not request.HasField("envelope"):
            raise Rejection("INVALID_ARGUMENT", "malformed", "the RelayRequest has no envelope")
        sent = request.envelope
        envelope = Envelope.from_parts(
            header_bytes=sent.header,
            enc=sent.enc,
            ciphertext=sent.ciphertext,
            signature=sent.signature,
            max_size=MAX_ENVELOPE,
        )
        call.envelope_sha256 = envelope_hash(envelope)
        return envelope

    def _forward(
        self,
        request: pb.RelayRequest,
        context: grpc.ServicerContext,
        call: _Relayed,
        next_hop_id: str,
    ) -> pb.Envelope:
        next_hop = self.fed.trust.peer(next_hop_id)
        assert next_hop is not None
        remaining = context.time_remaining()
        timeout = DEFAULT_FORWARD_TIMEOUT if remaining is None else remaining - DEADLINE_MARGIN
        timeout = min(timeout, MAX_FORWARD_TIMEOUT)
        if timeout <= 0:
            self._refuse(
                context,
                call,
                Rejection("DEADLINE_EXCEEDED", "deadline_exceeded", "no time left to forward"),
            )
        stub = self.fed.channels.stub(next_hop)
        try:
            # The four fields exactly as received: the relay neither opens nor re-encodes.
            answer: pb.Envelope = getattr(stub, request.rpc)(request.envelope, timeout=timeout)
        except grpc.RpcError as exc:
            code = exc.code() or grpc.StatusCode.UNKNOWN
            detail = str(exc.details() or "")
            self._record(call, next_hop_id, code.name.lower(), {"error": detail[:200]})
            context.abort(
                code, f"relayed by {self.fed.node_id} to {next_hop_id}: {code.name}: {detail}"
            )
            raise AssertionError("context.abort returned") from None
        reply_hash: str | None = None
        with contextlib.suppress(EnvelopeError):  # the reply's hash, as A computes it
            reply_hash = envelope_hash(
                Envelope.from_parts(
                    header_bytes=answer.header,
                    enc=answer.enc,
                    ciphertext=answer.ciphertext,
                    signature=answer.signature,
                    max_size=MAX_ENVELOPE,
                )
            )
        self._record(call, next_hop_id, "forwarded", {"reply_sha256": reply_hash})
        return answer

    def _record(
        self, call: _Relayed, next_hop_id: str, outcome: str, extra: dict[str, Any]
    ) -> None:
        """The relay's two entries: in from the sender, out to the recipient."""
        common: dict[str, Any] = {
            "msg_type": RELAY,
            "message_id": call.message_id,
            "envelope_sha256": call.envelope_sha256,
        }
        try:
            with self.fed.log.transaction() as tx:
                tx.append(
                    LogRecord(
                        direction="in",
                        peer_id=call.peer_id,
                        status="accepted",
                        details={**call.details},
                        **common,
                    )
                )
                tx.append(
                    LogRecord(
                        direction="out",
                        peer_id=next_hop_id,
                        status=outcome[:32],
                        details={**call.details, **extra},
                        **common,
                    )
                )
        except Exception:  # the envelope went on; a log failure must not hide C's answer
            log.exception("exchange log append failed for a relayed envelope")

    def _refuse(
        self, context: grpc.ServicerContext, call: _Relayed, rejection: Rejection
    ) -> NoReturn:
        record = LogRecord(
            direction="in",
            peer_id=call.peer_id,
            msg_type=RELAY,
            message_id=call.message_id,
            envelope_sha256=call.envelope_sha256,
            status=rejection.reason,
            details={**call.details, "grpc_status": rejection.status},
        )
        refuse(self.fed, context, rejection, record, "relay refused")
