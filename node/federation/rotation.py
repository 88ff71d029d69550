"""Keys over time: rotation on request, scheduled renewal, deletion of old keys.

``keys rotate``, ``keys rotate-encryption`` and ``keys renew-tls`` run here (api
``keys.rotate``, ``keys.rotate_encryption``, ``keys.renew_tls``): in the serving node
through its admin socket, which switches to the new keys at once, or in the
command's own process while no node serves. Either way the new descriptor is
announced to every active peer through the outbox (:mod:`.announce`), at once and
again until each peer has it.

:func:`keys_upkeep` runs in ``serve`` (at start, then hourly) and by
``talentverbund upkeep``:

* a new encryption key when the newest is ``keys.encryption_rotation_days`` old
  (default 90 of its 180 days), announced to the peers; with ``keys.post_quantum`` the
  same for an X-Wing key (made at once when the node has none valid);
* the private files of encryption keys expired for more than
  :data:`EXPIRED_KEY_GRACE` are deleted: only then does a key stolen later open
  no envelope recorded before;
* the signing key kept after a rotation (it signs the announcement, see
  :mod:`.announce`) is deleted once every active peer was sent the new descriptor,
  or after :data:`PREVIOUS_KEY_KEPT` at the latest;
* a TLS renewal is staged ``keys.tls_renew_days`` before the certificate expires;
  a staged one is switched to once every active peer was sent the descriptor that
  publishes it, or ``keys.tls_overlap_days`` after staging at the latest;
* a descriptor whose facts changed while the node was stopped (endpoint, name) is
  issued and announced.

TLS renewal in two steps (certificate pins overlap)
    Peers accept only the certificates they pinned, so a node cannot simply start
    presenting a new one. *Staging* makes a new TLS key and certificate and
    publishes the certificate in the descriptor (``tls_next_cert``) while the node
    still presents the old one; each peer that installs that descriptor accepts both.
    *Switching* presents the new certificate (server and client) and publishes a
    descriptor pinning only it. A peer that missed the staged descriptor for the
    whole overlap cannot be reached after the switch and must be given the new
    descriptor by hand (``doctor`` and ``peer list`` on both sides say so).
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from talentverbund.crypto.errors import DescriptorError
from talentverbund.crypto.identity import (
    DEFAULT_ENCRYPTION_VALIDITY,
    KEM_X25519,
    KEM_XWING,
    NodeIdentity,
    tls_fingerprint,
)
from talentverbund.node.errors import NodeError, UsageError
from talentverbund.node.federation.announce import (
    Published,
    pending_peers,
    pending_updates,
    publish,
)
from talentverbund.node.federation.exchange_log import LogRecord

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

log = logging.getLogger("talentverbund.keys")

PREVIOUS_KEY_KEPT = timedelta(days=30)
# envelopes are refused more than 300 s off the receiver's clock; twice that is safe
EXPIRED_KEY_GRACE = timedelta(minutes=10)

_ROTATING = threading.Lock()  # one change of the key directory at a time in a process


def rotate_signing(rt: NodeRuntime, actor: str = "operator", force: bool = False) -> dict[str, Any]:
    """Move to the committed next signing key, keep the old one to sign the
    announcement, and announce the new descriptor.

    Refused (unless ``force``) while the last rotation has not reached every peer: the
    announcement to them is signed with the key they hold, which a second rotation
    deletes, so they could only get this node's descriptor by hand.
    """
    with _ROTATING:
        fed = rt.federation()
        before = fed.identity
        if not force and before.previous_signing_kid is not None:
            _refuse_second_rotation(rt, before)
        identity = before.rotate_signing_key(keep_previous_until=rt.clock() + PREVIOUS_KEY_KEPT)
        fed.use_identity(identity)
        log.info(
            "signing key rotated",
            extra={"from": before.signing_kid, "to": identity.signing_kid},
        )
        announced = _publish(rt, actor)
    return {
        "signing_kid": identity.signing_kid,
        "previous_kid": before.signing_kid,
        "next_signing_kid": identity.next_signing_kid,
        **_announce_now(rt, announced),
    }


def _refuse_second_rotation(rt: NodeRuntime, identity: NodeIdentity) -> None:
    waiting = pending_peers(rt)
    if not waiting:
        return
    names = ", ".join(waiting[:5]) + (f" and {len(waiting) - 5} more" if len(waiting) > 5 else "")
    raise UsageError(
        f"{len(waiting)} peer(s) do not have the descriptor of the last signing rotation "
        f"yet ({names}); rotating again now deletes {identity.previous_signing_kid}, the "
        "only key they can verify this node's announcement with, so they would need the "
        "descriptor by hand",
        "wait until they have it ('talentverbund peer list DIR'; the outbox retries while "
        "the node serves), or if the current key is compromised rotate anyway with "
        "'keys rotate DIR --force -o FILE' and give those peers FILE",
    )


def rotate_encryption(rt: NodeRuntime, actor: str = "operator") -> dict[str, Any]:
    """Add a new encryption key of each KEM the node publishes (older ones stay until
    they expire) and announce them."""
    with _ROTATING:
        fed = rt.federation()
        identity = fed.identity
        for kem in published_kems(rt):
            identity = identity.rotate_encryption_key(now=rt.clock(), kem=kem)
        fed.use_identity(identity)
        newest = {kem: _newest_key(identity, rt.clock(), kem) for kem in published_kems(rt)}
        log.info("encryption key rotated", extra={"kids": [kid for kid, _ in newest.values()]})
        announced = _publish(rt, actor)
    kid, not_after = newest[KEM_X25519]
    return {
        "encryption_kid": kid,
        "not_after": not_after.isoformat(timespec="seconds"),
        "post_quantum_kid": newest[KEM_XWING][0] if KEM_XWING in newest else None,
        **_announce_now(rt, announced),
    }


def renew_tls(rt: NodeRuntime, switch_now: bool = False, actor: str = "operator") -> dict[str, Any]:
    """Stage a TLS renewal (unless one is staged) and announce it; switch at once when
    every peer has the staged descriptor, or when ``switch_now`` (a compromised TLS key:
    peers that did not get the staged certificate must then re-add this node by hand)."""
    with _ROTATING:
        fed = rt.federation()
        staged = fed.identity.tls_next_staged_at is None
        if staged:
            _stage_tls(rt, actor)
        elif not switch_now:
            pending = pending_updates(rt)
            raise UsageError(
                f"a TLS renewal is already staged (since {_day(fed.identity.tls_next_staged_at)}); "
                f"{pending} peer(s) do not have its descriptor yet",
                "the node switches by itself once they have it, or "
                f"{rt.config.keys.tls_overlap_days} days after staging; "
                "'keys renew-tls DIR --now' switches at once",
            )
        announced = _announce_now(rt, _publish(rt, actor)) if staged else None
        if switch_now or pending_updates(rt) == 0:
            announced = _announce_now(rt, _switch_tls(rt, actor))
            result: dict[str, Any] = {
                "stage": "switched",
                "tls_cert_sha256": fed.identity.tls_fingerprint,
            }
        else:
            result = {
                "stage": "staged",
                "tls_cert_sha256": fed.identity.tls_fingerprint,
                "tls_next_sha256": tls_fingerprint(fed.identity.tls_next_cert_pem or b""),
                "switch_by": _iso(_switch_deadline(rt)),
            }
    assert announced is not None
    return {**result, "not_after": _iso(fed.identity.tls_cert_not_after), **announced}


def _stage_tls(rt: NodeRuntime, actor: str) -> None:
    fed = rt.federation()
    fed.use_identity(fed.identity.stage_tls_certificate(now=rt.clock()))
    log.info("TLS renewal staged", extra={"actor": actor})


def _switch_tls(rt: NodeRuntime, actor: str) -> Published:
    """Present the staged certificate from now on and announce the descriptor pinning it."""
    fed = rt.federation()
    before = fed.identity.tls_fingerprint
    fed.use_identity(fed.identity.switch_tls_certificate())
    log.info("TLS certificate switched", extra={"actor": actor})
    with fed.log.transaction() as tx:
        tx.append(
            LogRecord(
                direction="local",
                actor=actor[:64],
                msg_type="tls.switch",
                status="ok",
                details={"from": before, "to": fed.identity.tls_fingerprint},
            )
        )
    return _publish(rt, actor)


def _switch_deadline(rt: NodeRuntime) -> datetime:
    staged = rt.federation().identity.tls_next_staged_at
    assert staged is not None
    return staged + timedelta(days=rt.config.keys.tls_overlap_days)


def _tls_upkeep(rt: NodeRuntime, now: datetime) -> bool:
    """Stage a renewal when the certificate nears expiry; switch a staged one when due."""
    identity, cfg = rt.federation().identity, rt.config.keys
    if identity.tls_next_staged_at is not None:
        if pending_updates(rt) and now < _switch_deadline(rt):
            return False
        _switch_tls(rt, "node")
        return True
    if cfg.tls_renew_days and identity.tls_cert_not_after - now <= timedelta(
        days=cfg.tls_renew_days
    ):
        _stage_tls(rt, "node")
        return True
    return False


def keys_upkeep(rt: NodeRuntime) -> int:
    """Scheduled renewal and deletion (module docstring); how many keys changed.

    The outbox task of the same upkeep delivers what this queued.
    """
    with _ROTATING:
        fed, now = rt.federation(), rt.clock()
        identity = fed.identity
        changes = 0
        days = rt.config.keys.encryption_rotation_days
        for kem in published_kems(rt):
            if rotation_due(identity, now, days, kem):
                identity = identity.rotate_encryption_key(now=now, kem=kem)
                newest = _newest_key(identity, now, kem)[0]
                log.info("encryption key rotated as scheduled", extra={"kid": newest, "kem": kem})
                changes += 1
        pruned = identity.prune_encryption_keys(now, EXPIRED_KEY_GRACE)
        removed = sorted(_kids(identity) - _kids(pruned))
        if removed:
            log.info("expired encryption keys deleted", extra={"kids": removed})
        identity, changes = pruned, changes + len(removed)
        if identity is not fed.identity:
            fed.use_identity(identity)
        if _tls_upkeep(rt, now):
            changes += 1
        try:
            _publish(rt, "node")
        except NodeError as exc:  # the node serves on; doctor reports the keys
            log.warning("descriptor not issued", extra={"error": exc.message})
        if _retire_previous(rt, now):
            changes += 1
    return changes


def published_kems(rt: NodeRuntime) -> tuple[str, ...]:
    """The KEMs the node keeps a current key of: X25519, and X-Wing if configured."""
    return (KEM_X25519, KEM_XWING) if rt.config.keys.post_quantum else (KEM_X25519,)


def rotation_due(identity: NodeIdentity, now: datetime, days: int, kem: str = KEM_X25519) -> bool:
    """No key of ``kem`` is valid, or ``days`` (0: never by schedule) have passed since
    the newest was made (its age is counted back from its expiry, since every key is made
    valid for the same 180 days)."""
    keys = [k for k in identity.valid_encryption_keys(now) if k.kem == kem]
    if not keys:
        return kem != KEM_X25519 or bool(days)
    made = max(key.not_after for key in keys) - DEFAULT_ENCRYPTION_VALIDITY
    return bool(days) and now - made >= timedelta(days=days)


def _retire_previous(rt: NodeRuntime, now: datetime) -> bool:
    """Delete the signing key kept after a rotation once it signed the announcement to
    every active peer, or when its time is up (a peer that was away that long must be
    given the descriptor by hand)."""
    fed = rt.federation()
    until = fed.identity.previous_signing_until
    if until is None or (now < until and pending_updates(rt)):
        return False
    fed.use_identity(fed.identity.forget_previous_signing_key())
    log.info("previous signing key deleted")
    return True


def _publish(rt: NodeRuntime, actor: str) -> Published:
    try:
        return publish(rt, actor)
    except DescriptorError as exc:
        raise NodeError(
            f"the new descriptor cannot be issued: {exc}",
            "fix the configuration or keys named above; 'talentverbund doctor DIR' checks them",
        ) from None


def _announce_now(rt: NodeRuntime, published: Published) -> dict[str, Any]:
    """Deliver the queued announcements now; failures stay queued and are retried."""
    from talentverbund.node.federation.introductions import deliver_outbox

    if published.peers:
        deliver_outbox(rt)
    pending = pending_updates(rt)  # only this announcement: older ones were replaced
    return {
        "sequence": published.descriptor.sequence,
        "descriptor": published.descriptor.to_json(),
        "peers": published.peers,
        "delivered_now": max(0, len(published.peers) - pending),
        "pending": pending,
    }


def _kids(identity: NodeIdentity) -> set[str]:
    return {key.kid for key in identity.encryption_keys}


def _newest_key(
    identity: NodeIdentity, now: datetime, kem: str = KEM_X25519
) -> tuple[str, datetime]:
    keys = [key for key in identity.valid_encryption_keys(now) if key.kem == kem]
    newest = max(keys, key=lambda key: key.not_after)
    return newest.kid, newest.not_after


def api_rotate_signing(rt: NodeRuntime, params: dict[str, Any]) -> dict[str, Any]:
    return rotate_signing(rt, force=bool(params.get("force", False)))


def api_renew_tls(rt: NodeRuntime, params: dict[str, Any]) -> dict[str, Any]:
    return renew_tls(rt, switch_now=bool(params.get("now", False)))


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _day(moment: datetime | None) -> str:
    return "?" if moment is None else f"{moment:%Y-%m-%d %H:%M} UTC"


def api_rotate_encryption(rt: NodeRuntime, _params: dict[str, Any]) -> dict[str, Any]:
    return rotate_encryption(rt)
