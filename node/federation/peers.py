"""Peer management: add (verify, pin), list, remove, ping. Called through ``api.dispatch``.

Adding a descriptor:

1. parse strictly and verify the self-signature (:func:`parse_descriptor`);
2. refuse our own node id;
3. a node that is already an active peer: the same or an older descriptor is refused
   (nothing to do), a newer one must pass ``verify_update`` (same node id, and the
   same signing key or exactly the one its predecessor committed to) and replaces it;
4. a new peer signed by ``sig-1``: the node id must derive from that key;
5. fetch the certificate from the endpoint and check it against the signed pin
   (:mod:`.certs`). A mismatch refuses the add; an unreachable endpoint does not
   (the peer may not be serving yet): the certificate is fetched later. A pin
   that names the next certificate the held descriptor staged (the peer switched
   to it) needs no fetch; a staged next certificate in the new descriptor is
   checked like a fetched one and pinned beside the current one.

Every change is a ``local`` entry in the exchange log and takes effect at once in
the serving node's trust set (TLS roots and the per-call check).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from talentverbund.crypto.descriptor import NodeDescriptor, parse_descriptor
from talentverbund.crypto.errors import DescriptorError
from talentverbund.crypto.identity import tls_fingerprint
from talentverbund.node.errors import NotFound, UsageError
from talentverbund.node.federation.certs import (
    check_next_certificate,
    fetch_peer_certificate,
    held_certificate,
)
from talentverbund.node.federation.client import FederationClient
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.errors import CertificateUnavailable
from talentverbund.node.federation.exchange_log import LogRecord
from talentverbund.node.storage.models import Outbox, Peer

MAX_DESCRIPTOR_BYTES = 64 * 1024


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def add_peer(fed: Federation, descriptor_text: str) -> dict[str, Any]:
    """Verify and store a peer's descriptor; returns what the operator must compare."""
    if len(descriptor_text.encode("utf-8", "surrogatepass")) > MAX_DESCRIPTOR_BYTES:
        raise UsageError(
            f"the descriptor is larger than {MAX_DESCRIPTOR_BYTES // 1024} KiB",
            "give the JSON printed by 'talentverbund identity DIR' on the peer",
        )
    try:
        descriptor = parse_descriptor(descriptor_text)
    except DescriptorError as exc:
        raise UsageError(
            f"descriptor refused: {exc}",
            "use the unmodified JSON printed by 'talentverbund identity DIR' on the peer",
        ) from None
    if descriptor.node_id == fed.node_id:
        raise UsageError(
            f"this is this node's own descriptor ({fed.node_id})",
            "add the descriptor of the other node, not this one",
        )
    warnings: list[str] = []
    with fed.sessions() as session:
        existing = session.get(Peer, descriptor.node_id)
        session.expunge_all()
    replacing = existing is not None and existing.removed_at is None
    if existing is not None and replacing:
        stored = NodeDescriptor.from_json(existing.descriptor)
        _check_replacement(descriptor, stored, existing.name)
    else:
        _check_new(descriptor, warnings)
    check_next_certificate(descriptor, fed.clock())
    pem = _certificate_for(fed, descriptor, existing if replacing else None, warnings)
    now = fed.clock()
    with fed.log.transaction() as tx:
        row = tx.session.get(Peer, descriptor.node_id)
        if row is None:
            row = Peer(node_id=descriptor.node_id, added_at=now)
            tx.session.add(row)
        elif not replacing:
            row.added_at = now
            row.last_contact_at = None
            row.last_handshake = None
        row.name = descriptor.name
        row.descriptor = dict(descriptor.to_json())
        row.tls_cert_sha256 = descriptor.tls_cert_sha256
        row.tls_cert_pem = None if pem is None else pem.decode("ascii")
        row.removed_at = None
        row.last_error = None if pem is not None else warnings[-1][:500]
        tx.append(
            LogRecord(
                direction="local",
                actor="operator",
                peer_id=descriptor.node_id,
                msg_type="peer.update" if replacing else "peer.add",
                status="ok",
                details={
                    "sequence": descriptor.sequence,
                    "signing_kid": descriptor.signing_key.kid,
                    "tls_cert_sha256": descriptor.tls_cert_sha256,
                    "tls_next_sha256": next_fingerprint(descriptor),
                    "certificate_pinned": pem is not None,
                },
            )
        )
    fed.peer_changed(descriptor.node_id)
    return {
        "node_id": descriptor.node_id,
        "name": descriptor.name,
        "region": descriptor.region,
        "endpoint": descriptor.endpoint,
        "fingerprint": descriptor.fingerprint_text(),
        "tls_cert_sha256": descriptor.tls_cert_sha256,
        "sequence": descriptor.sequence,
        "replaced": replacing,
        "certificate": "pinned" if pem is not None else "pending",
        "warnings": warnings,
    }


def next_fingerprint(descriptor: NodeDescriptor) -> str | None:
    """Fingerprint of the staged next certificate, for log entries and listings."""
    der = descriptor.tls_next_cert
    return None if der is None else tls_fingerprint(der)


def _check_replacement(descriptor: NodeDescriptor, stored: NodeDescriptor, name: str) -> None:
    if descriptor.sequence == stored.sequence:
        raise UsageError(
            f"{name} ({descriptor.node_id}) is already a peer with this descriptor "
            f"(sequence {stored.sequence})",
            "nothing to do; 'talentverbund peer list DIR' shows it",
        )
    if descriptor.sequence < stored.sequence:
        raise UsageError(
            f"{name} ({descriptor.node_id}) is already a peer with a newer descriptor "
            f"(sequence {stored.sequence}; this one has {descriptor.sequence})",
            "use the peer's newest descriptor",
        )
    try:
        descriptor.verify_update(stored)
    except DescriptorError as exc:
        raise UsageError(
            f"descriptor refused as an update of {name} ({descriptor.node_id}): {exc}",
            "compare the fingerprint with the peer's operator out of band; to start over, "
            "'peer remove' the node and add the new descriptor",
        ) from None


def _check_new(descriptor: NodeDescriptor, warnings: list[str]) -> None:
    if descriptor.signing_key.kid == "sig-1":
        try:
            descriptor.verify_node_id_binding()
        except DescriptorError as exc:
            raise UsageError(f"descriptor refused: {exc}", "the descriptor was altered") from None
    else:
        warnings.append(
            f"the descriptor is signed by rotated key {descriptor.signing_key.kid}: the node "
            "id cannot be re-derived, so the fingerprint comparison is the only proof"
        )


def _certificate_for(
    fed: Federation, descriptor: NodeDescriptor, existing: Peer | None, warnings: list[str]
) -> bytes | None:
    """The peer's pinned certificate: one already held, else fetched from its endpoint."""
    if existing is not None:
        held = NodeDescriptor.from_json(existing.descriptor)
        pem = held_certificate(descriptor, held, existing.tls_cert_pem)
        if pem is not None:
            return pem
    try:
        return fetch_peer_certificate(
            descriptor.endpoint, descriptor.node_id, descriptor.tls_cert_sha256
        )
    except CertificateUnavailable as exc:
        warnings.append(
            f"certificate not fetched yet ({exc.message}); it is fetched automatically "
            "once the peer is reachable"
        )
        return None


def list_peers(fed: Federation) -> list[dict[str, Any]]:
    with fed.sessions() as session:
        rows = session.query(Peer).order_by(Peer.name, Peer.node_id).all()
        return [_describe(row) for row in rows]


def _describe(row: Peer) -> dict[str, Any]:
    descriptor = NodeDescriptor.from_json(row.descriptor)
    if row.removed_at is not None:
        status = "removed"
    elif row.tls_cert_pem is None and row.relay_via is None:
        status = "pending"  # certificate not fetched yet
    else:
        status = "active"
    return {
        "node_id": row.node_id,
        "name": row.name,
        "region": descriptor.region,
        "endpoint": descriptor.endpoint,
        "fingerprint": descriptor.fingerprint_text(),
        "tls_cert_sha256": row.tls_cert_sha256,
        "tls_next_sha256": next_fingerprint(descriptor),
        "protocol_versions": list(descriptor.protocol_versions),
        "sequence": descriptor.sequence,
        "added_at": _iso(row.added_at),
        "removed_at": _iso(row.removed_at),
        "last_contact_at": _iso(row.last_contact_at),
        "last_handshake": row.last_handshake,
        "last_error": row.last_error,
        "status": status,
        "via": row.relay_via,
        "newer_descriptor": newer_descriptor(row.last_handshake, descriptor.sequence),
    }


def newer_descriptor(handshake: dict[str, Any] | None, held: int) -> str | None:
    """The note for a peer whose last handshake reported a newer descriptor than held."""
    reported = (handshake or {}).get("descriptor_sequence")
    if not isinstance(reported, int) or reported <= held:
        return None
    return (
        f"peer has a newer descriptor (sequence {reported}, we hold {held}); it announces "
        "it to its peers by itself, else ask its operator for 'talentverbund identity DIR' "
        "and run 'peer add'"
    )


def remove_peer(fed: Federation, node_id: str) -> dict[str, Any]:
    """Stop trusting a peer now: TLS roots, per-call check and channel all follow."""
    with fed.log.transaction() as tx:
        row = tx.session.get(Peer, node_id)
        if row is None or row.removed_at is not None:
            raise NotFound(f"{node_id} is not an active peer", "see 'talentverbund peer list DIR'")
        row.removed_at = fed.clock()
        name = row.name
        tx.append(
            LogRecord(
                direction="local",
                actor="operator",
                peer_id=node_id,
                msg_type="peer.remove",
                status="ok",
                details={"tls_cert_sha256": row.tls_cert_sha256},
            )
        )
    fed.peer_changed(node_id)
    return {"node_id": node_id, "name": name, "removed": True}


def set_relay(fed: Federation, node_id: str, via: str | None) -> dict[str, Any]:
    """Reach ``node_id`` through the peer ``via`` (its Relay RPC), or directly (None)."""
    if via == node_id:
        raise UsageError(f"{node_id} cannot relay to itself", "name another peer with --via")
    with fed.log.transaction() as tx:
        row = tx.session.get(Peer, node_id)
        if row is None or row.removed_at is not None:
            raise NotFound(f"{node_id} is not an active peer", "see 'talentverbund peer list DIR'")
        if via is not None:
            relay = tx.session.get(Peer, via)
            if relay is None or relay.removed_at is not None:
                raise NotFound(
                    f"the relay {via} is not an active peer",
                    "add its descriptor first: 'talentverbund peer add DIR FILE'",
                )
            if relay.relay_via is not None:
                raise UsageError(
                    f"{via} is itself reached through {relay.relay_via}",
                    "relayed delivery is one hop: name a peer this node reaches directly",
                )
            relayed = tx.session.scalar(
                select(Peer.node_id).where(Peer.relay_via == node_id).limit(1)
            )
            if relayed is not None:
                raise UsageError(
                    f"{node_id} relays for {relayed} itself",
                    "relayed delivery is one hop: a relay must be reached directly",
                )
        row.relay_via = via
        name = row.name
        tx.append(
            LogRecord(
                direction="local",
                actor="operator",
                peer_id=node_id,
                msg_type="peer.relay",
                status="ok",
                details={"via": via},
            )
        )
    fed.peer_changed(node_id)
    return {"node_id": node_id, "name": name, "via": via}


def ping_peer(fed: Federation, node_id: str, timeout: float) -> dict[str, Any]:
    """One handshake now; raises FederationCallError (exit 1) when it fails.

    A peer that answers is reachable again, so what the outbox holds for it is due now
    instead of after its backoff (up to hours after a long outage)."""
    result = FederationClient(fed).handshake(node_id, timeout=timeout).to_json()
    now = fed.clock()
    with fed.sessions.begin() as session:
        session.execute(
            update(Outbox)
            .where(
                Outbox.channel == "peer",
                Outbox.recipient == node_id,
                Outbox.sent_at.is_(None),
                Outbox.not_before > now,
            )
            .values(not_before=now)
        )
    return result
