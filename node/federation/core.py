"""One node's federation state: identity, trust, exchange log, channels, certificate upkeep.

``NodeRuntime.federation()`` builds it on first use; ``serve`` additionally runs the
certificate upkeep thread, which fetches the certificates of peers added while they
were unreachable (see :mod:`.certs`), so mutual peering completes without an
operator doing anything twice.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.federation.certs import fetch_peer_certificate
from talentverbund.node.federation.errors import CertificateError, Rejection
from talentverbund.node.federation.exchange_log import ExchangeLog, LogRecord
from talentverbund.node.federation.log_mirror import LogMirror
from talentverbund.node.federation.transport import PeerChannels
from talentverbund.node.federation.trust import SELF, TrustSnapshot, TrustStore
from talentverbund.node.storage.models import Peer

log = logging.getLogger("talentverbund.federation")

UPKEEP_INTERVAL = 15.0  # seconds between rounds for peers whose certificate is missing
UPKEEP_MIN_GAP = 2.0  # incoming connections trigger a round at most this often
MAX_BACKOFF = 300.0
CONTACT_WRITE_GAP = 60.0  # a busy node writes a peer's last contact at most once a minute


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Federation:
    """Everything the servicer, the client and the peer commands share."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        identity: NodeIdentity,
        model_id: Callable[[], str],
        clock: Callable[[], datetime] = _utcnow,
        mirror_dir: Path | None = None,
        legal_basis: str | None = None,
    ) -> None:
        self.sessions = sessions
        self.identity = identity
        self.model_id = model_id
        self.clock = clock
        self.trust = TrustStore(sessions, identity)
        mirror = LogMirror(mirror_dir, sessions) if mirror_dir is not None else None
        self.log = ExchangeLog(sessions, clock, mirror, legal_basis)
        self.channels = PeerChannels(self.trust)
        self._stop = threading.Event()
        self._kick = threading.Event()
        self._thread: threading.Thread | None = None
        self._backoff: dict[str, tuple[float, float]] = {}  # node id -> (next try, delay)
        self._last_round = 0.0
        self._contact: dict[str, float] = {}  # node id -> when last contact was written

    @property
    def node_id(self) -> str:
        return self.identity.node_id

    def use_identity(self, identity: NodeIdentity) -> None:
        """After a key change in this process: sign, open and seal with the new keys from
        the next message on; after a TLS switch, present the new certificate on new
        connections (server) and new channels (client)."""
        if identity.node_id != self.node_id:
            raise ValueError("a key change keeps the node id")
        switched = identity.tls_fingerprint != self.identity.tls_fingerprint
        self.identity = identity  # one reference swap: each message sees old or new keys
        if switched:
            self.trust.use_identity(identity)

    # -- peer rows ----------------------------------------------------------------

    def contact_fresh(self, node_id: str) -> bool:
        """True if a successful contact with the peer was written in the last minute."""
        written = self._contact.get(node_id)
        return written is not None and time.monotonic() - written < CONTACT_WRITE_GAP

    def contact_written(self, node_id: str, failed: bool = False) -> None:
        if failed:
            self._contact.pop(node_id, None)
        else:
            self._contact[node_id] = time.monotonic()

    def peer_changed(self, node_id: str) -> None:
        """After any change to a peer row: new trust snapshot, no stale channel."""
        self.trust.reload()
        self.channels.drop(node_id)

    def store_certificate(self, node_id: str, pem: bytes) -> None:
        with self.sessions() as session, session.begin():
            row = session.get(Peer, node_id)
            if row is None or row.removed_at is not None:
                return
            row.tls_cert_pem = pem.decode("ascii")
            row.last_error = None
        self.peer_changed(node_id)
        log.info("peer certificate pinned", extra={"peer_id": node_id})

    def record_error(self, node_id: str, message: str) -> None:
        with self.sessions() as session, session.begin():
            row = session.get(Peer, node_id)
            if row is not None:
                row.last_error = message[:500]

    def fetch_certificate(self, node_id: str, timeout: float = 3.0) -> bytes:
        """Fetch and pin the certificate of an active peer now; raises CertificateError."""
        peer = self.trust.peer(node_id)
        if peer is None:
            raise CertificateError(f"{node_id} is not an active peer")
        try:
            pem = fetch_peer_certificate(
                peer.endpoint, peer.node_id, peer.fingerprint, timeout=timeout
            )
        except CertificateError as exc:
            self.record_error(node_id, exc.message)
            raise
        self.store_certificate(node_id, pem)
        return pem

    # -- logging refusals at the transport -----------------------------------------

    def transport_refused(self, rejection: Rejection, fingerprint: str | None, method: str) -> None:
        """The interceptor refused a call: our log line and an exchange log entry."""
        peer_id = None
        if fingerprint is not None:
            with self.sessions() as session:
                peer_id = session.scalar(
                    select(Peer.node_id).where(Peer.tls_cert_sha256 == fingerprint).limit(1)
                )
        log.warning(
            "federation call refused",
            extra={
                "peer_id": peer_id,
                "rpc": method,
                "reason": rejection.reason,
                "grpc_status": rejection.status,
                "detail": rejection.detail,
            },
        )
        self.log.append(
            LogRecord(
                direction="in",
                msg_type="transport",
                status=rejection.reason,
                peer_id=peer_id,
                details={
                    "rpc": method,
                    "grpc_status": rejection.status,
                    "tls_cert_sha256": fingerprint,
                },
            )
        )

    # -- certificate upkeep (serve only) ---------------------------------------------

    def start_upkeep(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._upkeep_loop, name="peer-certificates", daemon=True
            )
            self._thread.start()

    def stop_upkeep(self) -> None:
        self._stop.set()
        self._kick.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def on_connection(self, snapshot: TrustSnapshot) -> None:
        """Hook run before each incoming TLS handshake: a peer without a pinned
        certificate may be the one calling, so fetch missing certificates soon."""
        if any(p.cert_pem is None and p.via is None for p in snapshot.peers.values()):
            self._kick.set()

    def _upkeep_loop(self) -> None:
        while not self._stop.is_set():
            kicked = self._kick.wait(UPKEEP_INTERVAL)
            self._kick.clear()
            if self._stop.is_set():
                return
            gap = time.monotonic() - self._last_round
            if gap < UPKEEP_MIN_GAP:
                self._stop.wait(UPKEEP_MIN_GAP - gap)
            self._last_round = time.monotonic()
            try:
                # A connection attempt is a hint the peer is up now: skip its backoff.
                self.refresh_missing_certificates(respect_backoff=not kicked)
            except Exception:  # keep the node serving whatever one peer does
                log.exception("certificate upkeep failed")

    def refresh_missing_certificates(self, *, respect_backoff: bool = False) -> dict[str, str]:
        """Try every active peer without a pinned certificate; node id -> outcome."""
        outcomes: dict[str, str] = {}
        now = time.monotonic()
        for peer in list(self.trust.snapshot().peers.values()):
            if peer.cert_pem is not None or peer.via is not None:
                continue  # pinned, or reached through a relay: no direct connection
            next_try, delay = self._backoff.get(peer.node_id, (0.0, UPKEEP_INTERVAL))
            if respect_backoff and now < next_try:
                continue
            try:
                self.fetch_certificate(peer.node_id)
            except CertificateError as exc:
                outcomes[peer.node_id] = exc.message
                self._backoff[peer.node_id] = (now + delay, min(delay * 2, MAX_BACKOFF))
                log.info(
                    "peer certificate not fetched",
                    extra={"peer_id": peer.node_id, "reason": exc.message},
                )
            else:
                outcomes[peer.node_id] = "pinned"
                self._backoff.pop(peer.node_id, None)
        return outcomes

    def close(self) -> None:
        self.stop_upkeep()
        self.channels.close()


__all__ = ["SELF", "Federation"]
