"""Keys over time without a network: kept previous signing key, deletion of expired
encryption keys, the issued descriptor, when a rotation is due, the config option."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from talentverbund.crypto.descriptor import DescriptorSignature, KeyCommitment, build_descriptor
from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.config import KeysConfig, NodeConfig
from talentverbund.node.errors import UsageError
from talentverbund.node.federation.announce import check_successor
from talentverbund.node.federation.certs import check_next_certificate, held_certificate
from talentverbund.node.federation.errors import CertificateError, Rejection
from talentverbund.node.federation.own_descriptor import (
    issued_sequence,
    load_issued,
    own_descriptor,
    save_issued,
)
from talentverbund.node.federation.rotation import EXPIRED_KEY_GRACE, rotation_due

NOW = datetime(2026, 1, 31, 12, 0, 0, tzinfo=UTC)


@pytest.fixture
def identity(tmp_path: Path) -> NodeIdentity:
    return NodeIdentity.create(tmp_path / "keys", now=NOW)


@pytest.fixture
def config(tmp_path: Path) -> NodeConfig:
    return NodeConfig(directory=tmp_path, name="Kiel", region="01002", listen="127.0.0.1:7443")


def _files(identity: NodeIdentity) -> set[str]:
    return {path.name for path in identity.keydir.iterdir()}


# -- the previous signing key --------------------------------------------------------------


def test_rotation_can_keep_the_previous_signing_key_until_told(identity: NodeIdentity) -> None:
    until = NOW + timedelta(days=30)
    rotated = identity.rotate_signing_key(keep_previous_until=until)
    assert (rotated.signing_kid, rotated.previous_signing_kid) == ("sig-2", "sig-1")
    assert rotated.previous_signing_until == until
    loaded = NodeIdentity.load(identity.keydir)
    previous = loaded.previous_signing_key()
    assert previous is not None
    assert previous.public_key().public_bytes_raw() == identity.signing_public_key
    assert {"signing-1.pem", "signing-2.pem", "signing-3.pem"} <= _files(loaded)

    forgotten = loaded.forget_previous_signing_key()
    assert forgotten.previous_signing_kid is None and forgotten.previous_signing_key() is None
    assert "signing-1.pem" not in _files(forgotten)
    assert "previous_signing" not in json.loads((identity.keydir / "identity.json").read_text())
    assert forgotten.forget_previous_signing_key() is forgotten  # nothing kept: no-op


def test_a_second_rotation_deletes_the_key_kept_from_the_first(identity: NodeIdentity) -> None:
    first = identity.rotate_signing_key(keep_previous_until=NOW + timedelta(days=30))
    second = first.rotate_signing_key(keep_previous_until=NOW + timedelta(days=31))
    assert (second.signing_kid, second.previous_signing_kid) == ("sig-3", "sig-2")
    assert "signing-1.pem" not in _files(second)
    third = second.rotate_signing_key()  # not kept: both older keys go
    assert third.previous_signing_kid is None
    assert not {"signing-1.pem", "signing-2.pem", "signing-3.pem"} & _files(third)


# -- expired encryption keys ----------------------------------------------------------------


def test_expired_encryption_keys_are_deleted_after_the_grace(identity: NodeIdentity) -> None:
    rotated = identity.rotate_encryption_key(now=NOW + timedelta(days=90))
    expiry = NOW + timedelta(days=180)  # enc-1's not_after
    assert rotated.prune_encryption_keys(expiry, EXPIRED_KEY_GRACE) is rotated  # in grace
    pruned = rotated.prune_encryption_keys(expiry + EXPIRED_KEY_GRACE, EXPIRED_KEY_GRACE)
    assert [key.kid for key in pruned.encryption_keys] == ["enc-2"]
    assert "encryption-1.pem" not in _files(pruned)
    assert [key.kid for key in NodeIdentity.load(identity.keydir).encryption_keys] == ["enc-2"]


def test_the_newest_encryption_key_always_stays(identity: NodeIdentity) -> None:
    pruned = identity.prune_encryption_keys(NOW + timedelta(days=400), EXPIRED_KEY_GRACE)
    assert [key.kid for key in pruned.encryption_keys] == ["enc-1"]
    assert "encryption-1.pem" in _files(pruned)


def test_rotation_is_due_when_the_newest_key_reaches_the_age(identity: NodeIdentity) -> None:
    assert not rotation_due(identity, NOW + timedelta(days=89), 90)
    assert rotation_due(identity, NOW + timedelta(days=90), 90)
    rotated = identity.rotate_encryption_key(now=NOW + timedelta(days=90))
    assert not rotation_due(rotated, NOW + timedelta(days=91), 90)
    assert rotation_due(identity, NOW + timedelta(days=181), 150)  # nothing valid any more


# -- the issued descriptor ------------------------------------------------------------------


def test_issued_descriptor_is_stable_until_its_facts_change(
    identity: NodeIdentity, config: NodeConfig
) -> None:
    assert issued_sequence(identity.keydir) == 0
    first, new = own_descriptor(config, identity, NOW)
    assert new
    save_issued(identity.keydir, first)
    assert issued_sequence(identity.keydir) == first.sequence
    again, new = own_descriptor(config, identity, NOW + timedelta(days=1))
    assert not new and again == first

    moved, new = own_descriptor(replace(config, advertise="kiel.example:7443"), identity, NOW)
    assert new and moved.sequence > first.sequence

    rotated = identity.rotate_encryption_key(now=NOW + timedelta(days=90))
    second, new = own_descriptor(config, rotated, NOW + timedelta(days=90))
    assert new and second.sequence > first.sequence
    save_issued(identity.keydir, second)
    # enc-1 expiring is no change: peers skip expired keys by themselves
    later, new = own_descriptor(config, rotated, NOW + timedelta(days=200))
    assert not new and later == second


def test_a_damaged_issued_descriptor_is_replaced(
    identity: NodeIdentity, config: NodeConfig
) -> None:
    first, _ = own_descriptor(config, identity, NOW)
    save_issued(identity.keydir, first)
    (identity.keydir / "descriptor.json").write_text("{not json")
    assert load_issued(identity.keydir) is None
    assert own_descriptor(config, identity, NOW)[1]


def test_successor_checks_name_what_is_wrong(identity: NodeIdentity, tmp_path: Path) -> None:
    held = build_descriptor(identity, "Kiel", "01002", "k:1", NOW, 10)
    same = build_descriptor(identity, "Kiel", "01002", "k:1", NOW, 10)
    with pytest.raises(Rejection) as caught:
        check_successor(same, held)
    assert caught.value.status == "ALREADY_EXISTS" and caught.value.reason == "stale_descriptor"
    assert "already holds descriptor sequence 10" in caught.value.public

    # the current key's thief cannot commit to a next key of their own for later
    fresh = build_descriptor(identity, "Kiel", "01002", "k:1", NOW, 11)
    unsigned = replace(fresh, next_signing_key_commitment=KeyCommitment("sig-2", "0" * 64))
    recommitted = replace(
        unsigned, signature=DescriptorSignature("sig-1", identity.sign(unsigned.signed_bytes()))
    )
    with pytest.raises(Rejection) as caught:
        check_successor(recommitted, held)
    assert caught.value.reason == "uncommitted_key"
    assert "commits to another next key" in caught.value.public

    rotated = identity.rotate_signing_key()
    check_successor(build_descriptor(rotated, "Kiel", "01002", "k:1", NOW, 11), held)
    skipped = rotated.rotate_signing_key()  # sig-3: the held descriptor committed to sig-2
    with pytest.raises(Rejection) as caught:
        check_successor(build_descriptor(skipped, "Kiel", "01002", "k:1", NOW, 12), held)
    assert caught.value.status == "PERMISSION_DENIED" and caught.value.reason == "uncommitted_key"
    assert "not the committed next key sig-2" in caught.value.public


# -- configuration --------------------------------------------------------------------------


def test_rotation_days_are_checked(tmp_path: Path) -> None:
    KeysConfig(encryption_rotation_days=0).validate()  # by hand
    with pytest.raises(UsageError, match=r"keys\.encryption_rotation_days must be 0\.\.150"):
        KeysConfig(encryption_rotation_days=170).validate()


# -- a staged next TLS certificate ---------------------------------------------------------


def test_next_certificate_must_name_the_node(identity: NodeIdentity, tmp_path: Path) -> None:
    """A peer pins a staged certificate only if the node could present it: one issued to
    another node (e.g. copied from it) is refused before anything is stored."""
    staged = identity.stage_tls_certificate(now=NOW)
    good = build_descriptor(staged, "Kiel", "01002", "kiel.example:7443", NOW, 2)
    check_next_certificate(good, NOW + timedelta(minutes=1))
    assert held_certificate(good, good, None) is None  # the pin is the old one, not held

    other = NodeIdentity.create(tmp_path / "other", now=NOW)
    foreign = x509.load_pem_x509_certificate(other.tls_cert_pem).public_bytes(Encoding.DER)
    unsigned = replace(good, tls_next_cert=foreign)
    forged = replace(
        unsigned,
        signature=DescriptorSignature(good.signature.kid, staged.sign(unsigned.signed_bytes())),
    )
    forged.verify()  # correctly signed by the node, but naming another node
    with pytest.raises(CertificateError, match="does not name that node"):
        check_next_certificate(forged, NOW + timedelta(minutes=1))
    with pytest.raises(CertificateError, match="valid only from"):
        check_next_certificate(good, NOW - timedelta(days=1))

    switched = staged.switch_tls_certificate()
    after = build_descriptor(switched, "Kiel", "01002", "kiel.example:7443", NOW, 3)
    assert held_certificate(after, good, None) == staged.tls_next_cert_pem  # no fetch needed
