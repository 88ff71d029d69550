"""Descriptor updates: announcing this node's new descriptor, accepting a peer's.

Sending
    When the descriptor a node issues changes (a key rotation, or a new endpoint,
    name or certificate at start), :func:`publish` queues one ``descriptor_update``
    notice per active peer in the outbox, in the same transaction as a local
    ``descriptor`` log entry, and only then stores the descriptor as issued
    (:mod:`.own_descriptor`). The outbox delivers and retries it like an erasure
    notice (same message id on every attempt). A newer announcement replaces an
    older one to the same peer that was not delivered yet.

Which key signs the announcement
    After a signing-key rotation the new descriptor is signed by the new key, which
    the peers do not hold yet: they would refuse an envelope signed with it before
    looking inside. So the announcement envelope is signed with the *previous* key,
    which the rotation keeps for this (at most 30 days, see :mod:`.rotation`): the
    peer checks the envelope with the key it holds, then the carried descriptor's
    self-signature and that its new key is exactly the one the held descriptor
    committed to. A thief of the old key cannot pass the second check, because the
    descriptor must be signed by the committed key. If the peer already holds the
    new key (its operator added the descriptor by hand) it refuses the old key with
    ``UNAUTHENTICATED``, and the same message is sent at once signed with the
    current key.

Receiving (:class:`DescriptorUpdateHandler`)
    Exactly the checks of ``peer add`` for an update: the self-signature, the same
    node id as the sender, a sequence above the one held, the same signing key or
    the committed next one, a staged next certificate checked like a fetched one, and
    for a changed pin the certificate: the held staged one if the pin names it (the
    peer switched), else fetched and checked against the pin. Then the peer row
    changes at once, so the next envelope is sealed to the new encryption key and
    verified with the new signing key, and a ``peer.update`` entry is logged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, event, select
from sqlalchemy.orm import Session

from talentverbund.crypto.canonical import JSONValue, parse_json_object
from talentverbund.crypto.descriptor import NodeDescriptor, parse_descriptor
from talentverbund.crypto.envelope import OpenedMessage, Signer
from talentverbund.crypto.errors import CanonicalError, DescriptorError
from talentverbund.node.federation.certs import (
    check_next_certificate,
    fetch_peer_certificate,
    held_certificate,
)
from talentverbund.node.federation.client import Exchange, FederationClient
from talentverbund.node.federation.errors import (
    CertificateError,
    CertificateUnavailable,
    Rejection,
)
from talentverbund.node.federation.exchange_log import LogRecord, LogTransaction
from talentverbund.node.federation.own_descriptor import own_descriptor, save_issued
from talentverbund.node.federation.peers import MAX_DESCRIPTOR_BYTES, next_fingerprint
from talentverbund.node.federation.trust import TrustedPeer
from talentverbund.node.storage.models import Outbox, Peer
from talentverbund.protocol.v1 import federation_pb2 as pb

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

DESCRIPTOR_UPDATE = "descriptor_update"  # Notice body and outbox kind


# ---------------------------------------------------------------- sending


@dataclass(frozen=True)
class Published:
    """The descriptor the node issues now; ``issued``: it is new and was queued for ``peers``."""

    descriptor: NodeDescriptor
    issued: bool
    peers: list[str]


def publish(rt: NodeRuntime, actor: str) -> Published:
    """Issue a new descriptor if what it states changed, and queue it for every peer.

    Raises DescriptorError when no descriptor can be built (see ``own_descriptor``).
    """
    fed = rt.federation()
    descriptor, is_new = own_descriptor(rt.config, fed.identity, rt.clock())
    peers: list[str] = []
    if is_new:
        peers = queue_updates(rt, descriptor, actor)
        save_issued(fed.identity.keydir, descriptor)
    return Published(descriptor, is_new, peers)


def queue_updates(rt: NodeRuntime, descriptor: NodeDescriptor, actor: str) -> list[str]:
    """One outbox notice per active peer (replacing undelivered older ones); logged."""
    now = rt.clock()
    payload = pb.Notice(
        descriptor_update=pb.DescriptorUpdate(descriptor=descriptor.to_bytes())
    ).SerializeToString(deterministic=True)
    with rt.federation().log.transaction() as tx:
        session = tx.session
        peers = sorted(session.scalars(select(Peer.node_id).where(Peer.removed_at.is_(None))))
        _drop_undelivered(session, peers)
        for peer_id in peers:
            session.add(
                Outbox(
                    created_at=now,
                    channel="peer",
                    recipient=peer_id,
                    kind=DESCRIPTOR_UPDATE,
                    candidate_id=None,
                    payload=payload,
                    not_before=now,
                    attempts=0,
                )
            )
        tx.append(
            LogRecord(
                direction="local",
                actor=actor[:64],
                msg_type="descriptor",
                status="issued",
                details={
                    "sequence": descriptor.sequence,
                    "signing_kid": descriptor.signing_key.kid,
                    "encryption_kids": [key.kid for key in descriptor.encryption_keys],
                    "tls_cert_sha256": descriptor.tls_cert_sha256,
                    "peers_notified": list[JSONValue](peers),
                },
            )
        )
    return peers


def _drop_undelivered(session: Session, peers: Iterable[str]) -> None:
    """A peer needs only the newest descriptor: older announcements not sent yet go."""
    session.execute(
        delete(Outbox).where(
            Outbox.kind == DESCRIPTOR_UPDATE,
            Outbox.sent_at.is_(None),
            Outbox.recipient.in_(list(peers)),
        )
    )


def pending_updates(rt: NodeRuntime) -> int:
    """Announcements to active peers not delivered yet."""
    return len(pending_peers(rt))


def pending_peers(rt: NodeRuntime) -> list[str]:
    """Names of the active peers whose announcement is not delivered yet."""
    with rt.sessions() as session:
        rows = session.scalars(
            select(Peer.name)
            .join(Outbox, Outbox.recipient == Peer.node_id)
            .where(
                Outbox.kind == DESCRIPTOR_UPDATE,
                Outbox.sent_at.is_(None),
                Peer.removed_at.is_(None),
            )
            .order_by(Peer.name)
        ).all()
    return list(rows)


def send_update(
    client: FederationClient,
    peer: TrustedPeer,
    payload: bytes,
    message_id: str,
    earlier_hashes: set[str],
) -> Exchange:
    """One delivery attempt: signed with the previous key while the node keeps one,
    again at once with the current key if the peer refuses that key (it already holds
    the new one). Refused attempts are logged here; the caller logs the last one."""
    from talentverbund.node.federation.introductions import CALL_TIMEOUT, NOTIFY_CALL

    identity = client.fed.identity
    previous = identity.previous_signing_key()
    signers: list[tuple[str, Signer] | None] = [None]
    if previous is not None and identity.previous_signing_kid is not None:
        signers.insert(0, (identity.previous_signing_kid, previous))
    details = update_details(pb.Notice.FromString(payload))
    for signer in signers:
        done = client.exchange(
            peer,
            NOTIFY_CALL,
            payload,
            timeout=CALL_TIMEOUT,
            message_id=message_id,
            earlier_hashes=earlier_hashes,
            signer=signer,
        )
        done.details = {**details, "sender_kid": done.request.header.sender_kid}
        if done.status != "UNAUTHENTICATED" or signer is signers[-1]:
            break
        client.record([done])
    return done


def update_details(notice: pb.Notice) -> dict[str, Any]:
    """What the log records about an announcement: its sequence and signing key id."""
    try:
        obj = parse_json_object(notice.descriptor_update.descriptor)
        descriptor = NodeDescriptor.from_json(obj)
    except (CanonicalError, DescriptorError):
        return {"notice": DESCRIPTOR_UPDATE}
    return {
        "notice": DESCRIPTOR_UPDATE,
        "sequence": descriptor.sequence,
        "signing_kid": descriptor.signing_key.kid,
    }


# ---------------------------------------------------------------- receiving


class DescriptorUpdateHandler:
    """The ``descriptor_update`` body of a Notice: a peer's newer descriptor."""

    def __init__(self, runtime: NodeRuntime) -> None:
        self.rt = runtime
        # certificates fetched in check() for a changed pin, by message id, for act()
        self._fetched: dict[str, bytes | None] = {}
        self._lock = threading.Lock()

    def check(self, notice: pb.Notice, opened: OpenedMessage) -> None:
        """Every check of ``peer add`` for an update; runs before the log transaction,
        so fetching a changed certificate does not hold up other messages."""
        descriptor = _parse(notice.descriptor_update.descriptor)
        sender = opened.header.sender
        if descriptor.node_id != sender:
            raise Rejection(
                "INVALID_ARGUMENT",
                "bad_descriptor",
                f"the descriptor is for node {descriptor.node_id}, but the notice comes from "
                f"{sender}: a node announces only its own descriptor",
            )
        held = self.rt.federation().trust.peer(sender)
        if held is None:  # removed since the pipeline looked
            raise Rejection(
                "PERMISSION_DENIED", "not_a_peer", "the sender is not a peer of this node"
            )
        check_successor(descriptor, held.descriptor)
        try:
            check_next_certificate(descriptor, self.rt.clock())
        except CertificateError as exc:
            raise Rejection(
                "INVALID_ARGUMENT", "bad_certificate", f"{exc.message}; not applied"
            ) from None
        if descriptor.tls_cert_sha256 not in held.fingerprints:
            pem = _fetch_certificate(descriptor)
            with self._lock:
                if len(self._fetched) > 64:  # left by messages refused later; never many
                    self._fetched.clear()
                self._fetched[opened.header.message_id] = pem

    def details(self, notice: pb.Notice) -> dict[str, Any]:
        return update_details(notice)

    def act(self, notice: pb.Notice, opened: OpenedMessage, tx: LogTransaction) -> None:
        """Replace the held descriptor (checked again: another update may have won)."""
        descriptor = _parse(notice.descriptor_update.descriptor)
        header = opened.header
        row = tx.session.get(Peer, header.sender)
        if row is None or row.removed_at is not None:
            raise Rejection(
                "PERMISSION_DENIED", "not_a_peer", "the sender is not a peer of this node"
            )
        held = NodeDescriptor.from_json(row.descriptor)
        check_successor(descriptor, held)
        with self._lock:
            fetched = self._fetched.pop(header.message_id, None) or held_certificate(
                descriptor, held, row.tls_cert_pem
            )
        pem = fetched.decode("ascii") if fetched else None
        row.name = descriptor.name
        row.descriptor = dict(descriptor.to_json())
        row.tls_cert_sha256 = descriptor.tls_cert_sha256
        row.tls_cert_pem = pem
        row.last_error = None
        tx.append(
            LogRecord(
                direction="local",
                actor="node",
                peer_id=descriptor.node_id,
                msg_type="peer.update",
                status="ok",
                details={
                    "sequence": descriptor.sequence,
                    "previous_sequence": held.sequence,
                    "signing_kid": descriptor.signing_key.kid,
                    "tls_cert_sha256": descriptor.tls_cert_sha256,
                    "tls_next_sha256": next_fingerprint(descriptor),
                    "certificate_pinned": pem is not None,
                    "message_id": header.message_id,
                },
            )
        )
        fed, node_id = self.rt.federation(), descriptor.node_id
        # the trust snapshot is re-read from the database: only after the commit
        event.listen(tx.session, "after_commit", lambda _s: fed.peer_changed(node_id), once=True)


def check_successor(descriptor: NodeDescriptor, held: NodeDescriptor) -> None:
    """A newer descriptor of the same node whose signing key is the held one or the
    committed next one (pre-rotation); raise the Rejection naming what is wrong."""
    if descriptor.sequence <= held.sequence:
        raise Rejection(
            "ALREADY_EXISTS",
            "stale_descriptor",
            f"this node already holds descriptor sequence {held.sequence} of your node; the "
            f"announced one has sequence {descriptor.sequence}: nothing to update",
        )
    try:
        descriptor.verify_update(held)
    except DescriptorError as exc:
        raise Rejection(
            "PERMISSION_DENIED",
            "uncommitted_key",
            f"descriptor refused as an update: {exc}. A new signing key is accepted only "
            "if the descriptor held here committed to it: ask this node's operator to "
            "remove your node and add your new descriptor after comparing fingerprints",
        ) from None


def _parse(raw: bytes) -> NodeDescriptor:
    if not 0 < len(raw) <= MAX_DESCRIPTOR_BYTES:
        raise Rejection(
            "INVALID_ARGUMENT",
            "bad_payload",
            f"a descriptor update carries a descriptor of 1 to {MAX_DESCRIPTOR_BYTES} bytes",
        )
    try:
        return parse_descriptor(raw)
    except DescriptorError as exc:
        raise Rejection(
            "INVALID_ARGUMENT", "bad_descriptor", f"descriptor refused: {exc}"
        ) from None


def _fetch_certificate(descriptor: NodeDescriptor) -> bytes | None:
    """The new pin's certificate from the endpoint; None while unreachable (fetched
    later, as after ``peer add``); a different certificate refuses the update."""
    try:
        return fetch_peer_certificate(
            descriptor.endpoint, descriptor.node_id, descriptor.tls_cert_sha256
        )
    except CertificateUnavailable:
        return None
    except CertificateError as exc:
        raise Rejection(
            "FAILED_PRECONDITION",
            "certificate_mismatch",
            f"the certificate at {descriptor.endpoint} does not match the announced pin "
            f"({exc.message}); the update was not applied",
        ) from None
