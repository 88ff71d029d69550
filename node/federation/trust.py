"""The current peer set, as the TLS layer, the interceptor and the handlers see it.

One immutable snapshot at a time, swapped atomically when the peer set changes
(``peer add``/``remove`` run through the serving process and call :meth:`reload`), so
an RPC thread never sees half an update. Each snapshot has a version; the server's
certificate fetcher compares it to hand gRPC a new root bundle on the next
connection, and the interceptor consults the snapshot on every call.

A peer's *pins* are the certificate its descriptor names and, while it has staged a
TLS renewal, the next certificate the descriptor carries: both are accepted (as
client certificates here, and as server certificates by our channel to it), so the
peer can switch to the next one without breaking a connection. This node's own
certificate is part of the snapshot too: after our own switch (:meth:`TrustStore.use_identity`)
the version changes, and the server presents the new certificate from the next handshake.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.crypto.descriptor import NodeDescriptor
from talentverbund.crypto.identity import NodeIdentity, tls_fingerprint
from talentverbund.node.federation.certs import next_certificate_pem
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

    @functools.cached_property
    def next_cert_pem(self) -> bytes | None:
        """The certificate the peer staged to present next (from its descriptor), PEM."""
        return next_certificate_pem(self.descriptor)

    @property
    def fingerprints(self) -> tuple[str, ...]:
        """Every certificate fingerprint accepted as this peer's."""
        der = self.descriptor.tls_next_cert
        return (self.fingerprint,) + (() if der is None else (tls_fingerprint(der),))

    @property
    def root_pems(self) -> bytes:
        """The pinned certificates as one PEM bundle: the roots our channel to it trusts."""
        return pem_bundle([self.cert_pem, self.next_cert_pem])

    @property
    def endpoint(self) -> str:
        return self.descriptor.endpoint

    @functools.cached_property
    def signing_public(self) -> Ed25519PublicKey:
        """The descriptor's signing key as a key object, built once per snapshot."""
        return Ed25519PublicKey.from_public_bytes(self.descriptor.signing_key.public)


@dataclass(frozen=True)
class OwnTls:
    """The key and certificate this node presents now."""

    key_pem: bytes
    cert_pem: bytes
    fingerprint: str

    @classmethod
    def of(cls, identity: NodeIdentity) -> OwnTls:
        return cls(identity.tls_key_pem, identity.tls_cert_pem, identity.tls_fingerprint)


@dataclass(frozen=True)
class TrustSnapshot:
    version: int
    own: OwnTls
    peers: Mapping[str, TrustedPeer] = field(default_factory=dict)
    by_fingerprint: Mapping[str, str] = field(default_factory=dict)

    def who(self, fingerprint: str) -> str | None:
        """Node id of the certificate's owner, ``SELF`` for our own, None for a stranger."""
        if fingerprint == self.own.fingerprint:
            return SELF
        return self.by_fingerprint.get(fingerprint)

    def root_bundle(self) -> bytes:
        """Every certificate the TLS server accepts as a client: ours and our peers' pins."""
        return pem_bundle([self.own.cert_pem, *(p.root_pems for p in self.peers.values())])


def pem_bundle(pems: Iterable[bytes | None]) -> bytes:
    """PEM certificates concatenated, each ending in a newline; None and empty skipped."""
    return b"".join(pem if pem.endswith(b"\n") else pem + b"\n" for pem in pems if pem)


class TrustStore:
    """Loads the active peers from the database; thread-safe reads of the snapshot."""

    def __init__(self, sessions: sessionmaker[Session], identity: NodeIdentity) -> None:
        self._sessions = sessions
        self._own = OwnTls.of(identity)
        self._lock = threading.Lock()
        self._snapshot = TrustSnapshot(0, self._own)
        self._fingerprints: dict[bytes, str] = {}
        self.reload()

    def snapshot(self) -> TrustSnapshot:
        return self._snapshot

    def peer(self, node_id: str) -> TrustedPeer | None:
        return self._snapshot.peers.get(node_id)

    def use_identity(self, identity: NodeIdentity) -> None:
        """After this node switched its TLS certificate: present and accept the new one."""
        with self._lock:
            self._own = OwnTls.of(identity)
            self._snapshot = replace(
                self._snapshot, version=self._snapshot.version + 1, own=self._own
            )

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
                self._own,
                MappingProxyType(peers),
                MappingProxyType({fp: p.node_id for p in peers.values() for fp in p.fingerprints}),
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
