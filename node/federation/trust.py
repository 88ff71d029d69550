"""The current peer set, as the TLS layer, the interceptor and the handlers see it.

One immutable snapshot at a time, swapped atomically when the peer set changes
(``peer add``/``remove`` run through the serving process and call :meth:`reload`), so
an RPC thread never sees half an update. Each snapshot has a version; the server's
certificate fetcher compares it to hand gRPC a new root bundle on the next
connection, and the interceptor consults the snapshot on every call.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.crypto.descriptor import NodeDescriptor
from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.storage.models import Peer

SELF = "self"


@dataclass(frozen=True)
class TrustedPeer:
    """An active peer: its verified descriptor and, once fetched, its pinned certificate."""

    node_id: str
    name: str
    descriptor: NodeDescriptor
    cert_pem: bytes | None
    via: str | None = None  # node id of the peer that relays to this one; None: direct

    @property
    def fingerprint(self) -> str:
        return self.descriptor.tls_cert_sha256

    @property
    def endpoint(self) -> str:
        return self.descriptor.endpoint

    @functools.cached_property
    def signing_public(self) -> Ed25519PublicKey:
        """The descriptor's signing key as a key object, built once per snapshot."""
        return Ed25519PublicKey.from_public_bytes(self.descriptor.signing_key.public)


@dataclass(frozen=True)
class TrustSnapshot:
    version: int
    own_fingerprint: str
    peers: Mapping[str, TrustedPeer] = field(default_factory=dict)
    by_fingerprint: Mapping[str, str] = field(default_factory=dict)

    def who(self, fingerprint: str) -> str | None:
        """Node id of the certificate's owner, ``SELF`` for our own, None for a stranger."""
        if fingerprint == self.own_fingerprint:
            return SELF
        return self.by_fingerprint.get(fingerprint)

    def root_bundle(self, own_pem: bytes) -> bytes:
        """Every certificate the TLS server accepts as a client: ours and our peers'."""
        pems = [own_pem] + [p.cert_pem for p in self.peers.values() if p.cert_pem]
        return b"".join(pem if pem.endswith(b"\n") else pem + b"\n" for pem in pems)


class TrustStore:
    """Loads the active peers from the database; thread-safe reads of the snapshot."""

    def __init__(self, sessions: sessionmaker[Session], identity: NodeIdentity) -> None:
        self._sessions = sessions
        self._own_fingerprint = identity.tls_fingerprint
        self._lock = threading.Lock()
        self._snapshot = TrustSnapshot(0, self._own_fingerprint)
        self._fingerprints: dict[bytes, str] = {}
        self.reload()

    def snapshot(self) -> TrustSnapshot:
        return self._snapshot

    def peer(self, node_id: str) -> TrustedPeer | None:
        return self._snapshot.peers.get(node_id)

    def reload(self) -> TrustSnapshot:
        """Re-read the peer table; call after every change to it."""
        with self._sessions() as session:
            rows = session.scalars(select(Peer).where(Peer.removed_at.is_(None))).all()
            peers = {
                row.node_id: TrustedPeer(
                    row.node_id,
                    row.name,
                    NodeDescriptor.from_json(row.descriptor),
                    row.tls_cert_pem.encode("ascii") if row.tls_cert_pem else None,
                    row.relay_via,
                )
                for row in rows
            }
        with self._lock:
            snapshot = TrustSnapshot(
                self._snapshot.version + 1,
                self._own_fingerprint,
                MappingProxyType(peers),
                MappingProxyType({p.fingerprint: p.node_id for p in peers.values()}),
            )
            self._snapshot = snapshot
        return snapshot

    def fingerprint_of(self, pem: bytes) -> str:
        """``sha256:<hex>`` of a PEM certificate, cached (every call presents one)."""
        cached = self._fingerprints.get(pem)
        if cached is None:
            der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
            cached = "sha256:" + hashlib.sha256(der).hexdigest()
            if len(self._fingerprints) > 4096:
                self._fingerprints.clear()
            self._fingerprints[pem] = cached
        return cached
