"""gRPC transport: limits, the server's changing trust, the per-call peer check, channels.

* **Limits.** The transport accepts messages up to 8 MiB, envelopes may be 4 MiB: a
  message between the two limits reaches our handler, which refuses it with
  RESOURCE_EXHAUSTED *and logs it*; only a message beyond 8 MiB is refused by gRPC
  itself, unlogged. Every client call has a deadline; keepalive is explicit.
* **Server trust.** ``grpc.dynamic_ssl_server_credentials`` with a fetcher that gRPC
  calls before every new TLS handshake: when the peer set or our own certificate
  changed, it returns a new configuration (our current key and certificate; as roots,
  our certificate plus every current peer's pins) with client authentication
  required. A new connection from a removed peer therefore fails the TLS handshake,
  and after a TLS switch new connections see the new certificate.
* **Per-call check.** :class:`PeerInterceptor` wraps every handler (federation,
  health, reflection): it reads the client certificate from ``context.auth_context()``
  (``x509_pem_cert``), hashes it and refuses the call with PERMISSION_DENIED unless the
  fingerprint is ours or a current peer's -- so ``peer remove`` also ends an
  already-open connection's use at the next call.
* **Channels.** :class:`PeerChannels` keeps one long-lived mTLS channel per peer whose
  only roots are that peer's pinned certificates (the current one and, during its
  renewal, the next), with the TLS target name set to the node name in its
  certificate (``<node id>.node.talentverbund``). A channel is rebuilt when the pins
  or our own certificate change.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import Any

import grpc

from talentverbund.crypto.identity import tls_server_name
from talentverbund.node.federation.errors import Rejection, not_a_peer
from talentverbund.node.federation.trust import SELF, TrustedPeer, TrustSnapshot, TrustStore

MAX_TRANSPORT_MESSAGE = 8 * 1024 * 1024
MAX_ENVELOPE = 4 * 1024 * 1024
assert MAX_ENVELOPE < MAX_TRANSPORT_MESSAGE

KEEPALIVE_OPTIONS: list[tuple[str, int]] = [
    ("grpc.keepalive_time_ms", 30_000),
    ("grpc.keepalive_timeout_ms", 10_000),
    ("grpc.keepalive_permit_without_calls", 1),
    ("grpc.http2.max_pings_without_data", 0),
]
CLIENT_OPTIONS: list[tuple[str, int]] = [
    ("grpc.max_receive_message_length", MAX_TRANSPORT_MESSAGE),
    ("grpc.max_send_message_length", MAX_TRANSPORT_MESSAGE),
    *KEEPALIVE_OPTIONS,
    ("grpc.initial_reconnect_backoff_ms", 500),
    ("grpc.min_reconnect_backoff_ms", 500),
    ("grpc.max_reconnect_backoff_ms", 10_000),
]
HANDSHAKE_TIMEOUT = 5.0

log = logging.getLogger("talentverbund.federation")

# The generated gRPC module (stubs and servicer registration). grpcio-tools writes no type
# stubs for it and generated code is not ours to annotate, so it is typed as Any here.
federation_grpc: Any = importlib.import_module("talentverbund.protocol.v1.federation_pb2_grpc")


def client_options(peer_id: str) -> list[tuple[str, Any]]:
    """Channel options for one peer: limits, keepalive, and the name its certificate holds."""
    return [("grpc.ssl_target_name_override", tls_server_name(peer_id)), *CLIENT_OPTIONS]


class DynamicServerCredentials:
    """Server TLS whose accepted client certificates follow the peer set."""

    def __init__(
        self,
        trust: TrustStore,
        on_connection: Callable[[TrustSnapshot], None] | None = None,
    ) -> None:
        self._trust = trust
        self._on_connection = on_connection
        self._served_version = -1

    def credentials(self) -> grpc.ServerCredentials:
        initial = self._configuration(self._trust.snapshot())
        return grpc.dynamic_ssl_server_credentials(
            initial, self._fetch, require_client_authentication=True
        )

    def _configuration(self, snapshot: TrustSnapshot) -> Any:
        self._served_version = snapshot.version
        return grpc.ssl_server_certificate_configuration(
            [(snapshot.own.key_pem, snapshot.own.cert_pem)],
            root_certificates=snapshot.root_bundle(),
        )

    def _fetch(self) -> Any:
        """Called by gRPC before each new handshake: None keeps the current configuration."""
        snapshot = self._trust.snapshot()
        if self._on_connection is not None:
            try:
                self._on_connection(snapshot)
            except Exception:  # never break the handshake for a side task
                log.exception("connection hook failed")
        if snapshot.version == self._served_version:
            return None
        return self._configuration(snapshot)


def transport_peer(context: grpc.ServicerContext, trust: TrustStore) -> str:
    """Node id (or ``SELF``) of the certificate the caller presented; Rejection otherwise."""
    certs = context.auth_context().get("x509_pem_cert") or []
    if not certs:
        raise Rejection(
            "UNAUTHENTICATED", "no_certificate", "a client certificate is required (mTLS)"
        )
    fingerprint = trust.fingerprint_of(certs[0])
    who = trust.snapshot().who(fingerprint)
    if who is None:
        rejection = not_a_peer()
        rejection.detail = f"certificate {fingerprint} belongs to no current peer"
        raise rejection
    return who


def calling_peer(context: grpc.ServicerContext, trust: TrustStore) -> str:
    """Node id of the peer behind a federation call; this node's own certificate may
    use health and reflection only."""
    who = transport_peer(context, trust)
    if who == SELF:
        raise Rejection(
            "PERMISSION_DENIED",
            "not_a_peer",
            "this node's own certificate may use health and reflection only",
        )
    return who


def presented_fingerprint(context: grpc.ServicerContext, trust: TrustStore) -> str | None:
    certs = context.auth_context().get("x509_pem_cert") or []
    return trust.fingerprint_of(certs[0]) if certs else None


class PeerInterceptor(grpc.ServerInterceptor):  # type: ignore[misc]
    """Checks the caller's certificate against the current peer set on every call."""

    def __init__(
        self,
        trust: TrustStore,
        on_refused: Callable[[Rejection, str | None, str], None] | None = None,
    ) -> None:
        self._trust = trust
        self._on_refused = on_refused

    def intercept_service(self, continuation: Callable[[Any], Any], details: Any) -> Any:
        handler = continuation(details)
        if handler is None:
            return None
        method = str(details.method)

        def check(context: grpc.ServicerContext) -> None:
            try:
                transport_peer(context, self._trust)
            except Rejection as rejection:
                if self._on_refused is not None:
                    self._on_refused(rejection, presented_fingerprint(context, self._trust), method)
                context.abort(getattr(grpc.StatusCode, rejection.status), rejection.public)

        return _wrap(handler, check)


def _wrap(handler: Any, check: Callable[[grpc.ServicerContext], None]) -> Any:
    """The same handler with ``check`` run before its behaviour, for each RPC shape."""
    kwargs = {
        "request_deserializer": handler.request_deserializer,
        "response_serializer": handler.response_serializer,
    }
    if handler.unary_unary is not None:
        inner_uu = handler.unary_unary

        def unary_unary(request: Any, context: grpc.ServicerContext) -> Any:
            check(context)
            return inner_uu(request, context)

        return grpc.unary_unary_rpc_method_handler(unary_unary, **kwargs)
    if handler.unary_stream is not None:
        inner_us = handler.unary_stream

        def unary_stream(request: Any, context: grpc.ServicerContext) -> Any:
            check(context)
            yield from inner_us(request, context)

        return grpc.unary_stream_rpc_method_handler(unary_stream, **kwargs)
    if handler.stream_unary is not None:
        inner_su = handler.stream_unary

        def stream_unary(requests: Any, context: grpc.ServicerContext) -> Any:
            check(context)
            return inner_su(requests, context)

        return grpc.stream_unary_rpc_method_handler(stream_unary, **kwargs)
    inner_ss = handler.stream_stream

    def stream_stream(requests: Any, context: grpc.ServicerContext) -> Any:
        check(context)
        yield from inner_ss(requests, context)

    return grpc.stream_stream_rpc_method_handler(stream_stream, **kwargs)


class PeerChannels:
    """One long-lived mTLS channel per peer, rebuilt only when the pins on either side change."""

    def __init__(self, trust: TrustStore) -> None:
        self._trust = trust
        self._lock = threading.Lock()
        # node id -> ((peer's pins, our certificate), channel)
        self._channels: dict[str, tuple[tuple[bytes, bytes], grpc.Channel]] = {}
        self._stubs: dict[str, tuple[grpc.Channel, Any]] = {}

    def stub(self, peer: TrustedPeer) -> Any:
        """The generated ``Federation`` stub on :meth:`get`'s channel, built once per channel
        (building one creates a callable per RPC: ~30 us, more than a small call's framing)."""
        channel = self.get(peer)
        with self._lock:
            cached = self._stubs.get(peer.node_id)
            if cached is not None and cached[0] is channel:
                return cached[1]
            stub = federation_grpc.FederationStub(channel)
            self._stubs[peer.node_id] = (channel, stub)
            return stub

    def get(self, peer: TrustedPeer) -> grpc.Channel:
        if peer.cert_pem is None:
            raise ValueError(f"no pinned certificate for {peer.node_id} yet")
        own = self._trust.snapshot().own
        key = (peer.root_pems, own.cert_pem)
        with self._lock:
            cached = self._channels.get(peer.node_id)
            if cached is not None and cached[0] == key:
                return cached[1]
            if cached is not None:
                cached[1].close()
            credentials = grpc.ssl_channel_credentials(
                root_certificates=peer.root_pems,
                private_key=own.key_pem,
                certificate_chain=own.cert_pem,
            )
            channel = grpc.secure_channel(
                peer.endpoint, credentials, options=client_options(peer.node_id)
            )
            self._channels[peer.node_id] = (key, channel)
            return channel

    def drop(self, node_id: str) -> None:
        with self._lock:
            cached = self._channels.pop(node_id, None)
            self._stubs.pop(node_id, None)
        if cached is not None:
            cached[1].close()

    def close(self) -> None:
        with self._lock:
            channels = list(self._channels.values())
            self._channels.clear()
            self._stubs.clear()
        for _, channel in channels:
            channel.close()
