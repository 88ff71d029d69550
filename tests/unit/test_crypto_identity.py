"""Node identity: key directory layout, permissions, node id, rotation, TLS certificate."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import socket
import ssl
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from talentverbund.crypto.errors import CryptoError, KeyFileError, KeyPermissionError
from talentverbund.crypto.hpke import (
    SUITE_XWING_AES128GCM,
    hpke_open,
    hpke_public_key,
    hpke_seal,
    hpke_suite,
)
from talentverbund.crypto.identity import (
    NodeIdentity,
    derive_node_id,
    key_commitment,
    tls_fingerprint,
    tls_server_name,
)

NOW = datetime(2026, 1, 31, 12, 0, 0, tzinfo=UTC)
PRIVATE_FILES = ["signing-1.pem", "signing-2.pem", "encryption-1.pem", "tls.pem"]
ALL_FILES = [*PRIVATE_FILES, "tls.crt", "identity.json"]
NODE_ID_RE = re.compile(r"tv1[a-z2-7]{32}")


@pytest.fixture
def identity(tmp_path: Path) -> NodeIdentity:
    return NodeIdentity.create(tmp_path / "node" / "keys", now=NOW)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_create_writes_the_layout(identity: NodeIdentity) -> None:
    keydir = identity.keydir
    assert sorted(p.name for p in keydir.iterdir()) == sorted(ALL_FILES)
    assert mode(keydir) == 0o700
    for name in PRIVATE_FILES:
        assert mode(keydir / name) == 0o600, name
    assert not [p for p in keydir.parent.iterdir() if p.name.startswith(".")]  # no staging left


def test_identity_json_holds_public_state_only(identity: NodeIdentity) -> None:
    state = json.loads((identity.keydir / "identity.json").read_text())
    assert state["node_id"] == identity.node_id
    assert state["created_at"] == "2026-01-31T12:00:00Z"
    assert state["signing_kid"] == "sig-1"
    assert state["next_signing_kid"] == "sig-2"
    assert state["encryption_keys"] == [
        {"kid": "enc-1", "kem": "X25519", "not_after": "2026-07-30T12:00:00Z"}
    ]
    assert "PRIVATE" not in (identity.keydir / "identity.json").read_text()


def test_node_id_format_and_derivation(identity: NodeIdentity) -> None:
    assert NODE_ID_RE.fullmatch(identity.node_id)
    assert identity.node_id == derive_node_id(identity.signing_public_key)


def test_derive_node_id_known_answer() -> None:
    # Independent recomputation of the documented rule for the all-zero key.
    digest = hashlib.sha256(b"talentverbund-node-id:" + bytes(32)).digest()[:20]
    expected = "tv1" + base64.b32encode(digest).decode().lower()
    assert "=" not in expected
    assert derive_node_id(bytes(32)) == expected


def test_load_matches_create(identity: NodeIdentity) -> None:
    loaded = NodeIdentity.load(identity.keydir)
    assert loaded.node_id == identity.node_id
    assert loaded.signing_public_key == identity.signing_public_key
    assert loaded.next_signing_key_commitment == identity.next_signing_key_commitment
    assert loaded.encryption_keys == identity.encryption_keys
    assert loaded.tls_cert_pem == identity.tls_cert_pem
    assert loaded.tls_key_pem == identity.tls_key_pem
    assert loaded.created_at == NOW


def test_public_keys_and_commitment(identity: NodeIdentity) -> None:
    assert identity.signing_kid == "sig-1"
    assert identity.next_signing_kid == "sig-2"
    assert len(identity.signing_public_key) == 32
    assert re.fullmatch(r"[0-9a-f]{64}", identity.next_signing_key_commitment)
    assert identity.next_signing_key_commitment != key_commitment(identity.signing_public_key)
    (key,) = identity.encryption_keys
    assert (key.kid, key.kem, len(key.public)) == ("enc-1", "X25519", 32)
    assert key.not_after == NOW + timedelta(days=180)
    assert identity.encryption_private_key("enc-1").public_key().public_bytes_raw() == key.public


def test_sign_verifies_with_public_key(identity: NodeIdentity) -> None:
    signature = identity.sign(b"message")
    Ed25519PublicKey.from_public_bytes(identity.signing_public_key).verify(signature, b"message")


def test_repr_hides_keys(identity: NodeIdentity) -> None:
    assert repr(identity) == (
        f"NodeIdentity(node_id={identity.node_id!r}, keydir={str(identity.keydir)!r})"
    )


def test_unknown_encryption_key(identity: NodeIdentity) -> None:
    with pytest.raises(KeyFileError, match="no encryption key 'enc-9'"):
        identity.encryption_private_key("enc-9")


def test_create_refuses_existing_keys(identity: NodeIdentity) -> None:
    with pytest.raises(KeyFileError, match="already holds keys"):
        NodeIdentity.create(identity.keydir, now=NOW)


def test_create_into_existing_empty_dir(tmp_path: Path) -> None:
    keydir = tmp_path / "keys"
    keydir.mkdir(mode=0o755)
    identity = NodeIdentity.create(keydir, now=NOW)
    assert mode(keydir) == 0o700
    assert NODE_ID_RE.fullmatch(identity.node_id)


@pytest.mark.parametrize("name", PRIVATE_FILES)
def test_load_refuses_readable_private_file(identity: NodeIdentity, name: str) -> None:
    path = identity.keydir / name
    path.chmod(0o644)
    with pytest.raises(KeyPermissionError, match=f"chmod 600 {re.escape(str(path))}"):
        NodeIdentity.load(identity.keydir)


def test_load_refuses_group_writable_keydir(identity: NodeIdentity) -> None:
    identity.keydir.chmod(0o770)
    with pytest.raises(KeyPermissionError, match="chmod 700"):
        NodeIdentity.load(identity.keydir)


@pytest.mark.parametrize("name", ALL_FILES)
def test_load_names_missing_file(identity: NodeIdentity, name: str) -> None:
    (identity.keydir / name).unlink()
    with pytest.raises(KeyFileError, match=re.escape(name)):
        NodeIdentity.load(identity.keydir)


def test_load_detects_swapped_signing_key(identity: NodeIdentity, tmp_path: Path) -> None:
    other = NodeIdentity.create(tmp_path / "other", now=NOW)
    target = identity.keydir / "signing-1.pem"
    target.unlink()
    shutil.copy2(other.keydir / "signing-1.pem", target)
    with pytest.raises(KeyFileError, match="does not belong to node"):
        NodeIdentity.load(identity.keydir)


def test_load_detects_mismatched_certificate(identity: NodeIdentity, tmp_path: Path) -> None:
    other = NodeIdentity.create(tmp_path / "other", now=NOW)
    shutil.copy2(other.keydir / "tls.crt", identity.keydir / "tls.crt")
    with pytest.raises(KeyFileError, match=r"tls\.crt does not match"):
        NodeIdentity.load(identity.keydir)


def test_load_reports_damaged_state(identity: NodeIdentity) -> None:
    (identity.keydir / "identity.json").write_text('{"format": 1}')
    with pytest.raises(KeyFileError, match=r"identity\.json is damaged"):
        NodeIdentity.load(identity.keydir)


def test_signing_rotation_keeps_node_id(identity: NodeIdentity) -> None:
    committed = identity.next_signing_key_commitment
    rotated = identity.rotate_signing_key()
    assert rotated.node_id == identity.node_id
    assert rotated.signing_kid == "sig-2"
    assert rotated.next_signing_kid == "sig-3"
    assert key_commitment(rotated.signing_public_key) == committed
    assert rotated.initial_signing_public_key == identity.signing_public_key
    names = {p.name for p in identity.keydir.iterdir()}
    assert "signing-1.pem" not in names
    assert {"signing-2.pem", "signing-3.pem"} <= names
    assert NodeIdentity.load(identity.keydir).signing_kid == "sig-2"


def test_encryption_rotation(identity: NodeIdentity) -> None:
    later = NOW + timedelta(days=170)
    rotated = identity.rotate_encryption_key(now=later)
    assert [k.kid for k in rotated.encryption_keys] == ["enc-1", "enc-2"]
    assert rotated.encryption_keys[1].not_after == later + timedelta(days=180)
    assert [k.kid for k in rotated.valid_encryption_keys(NOW + timedelta(days=181))] == ["enc-2"]
    assert rotated.encryption_private_key("enc-1")  # kept for in-flight messages


def test_tls_certificate_properties(identity: NodeIdentity) -> None:
    cert = x509.load_pem_x509_certificate(identity.tls_cert_pem)
    node_id = identity.node_id
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == node_id
    assert cert.issuer == cert.subject
    public = cert.public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)
    assert isinstance(public.curve, ec.SECP256R1)

    basic = cert.extensions.get_extension_for_class(x509.BasicConstraints)
    assert basic.critical and basic.value.ca is False
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.value.digital_signature and not usage.value.key_cert_sign
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert set(eku) == {ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH}
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == [f"{node_id}.node.talentverbund"]
    assert san.get_values_for_type(x509.UniformResourceIdentifier) == [
        f"urn:talentverbund:node:{node_id}"
    ]

    assert cert.not_valid_after_utc - cert.not_valid_before_utc == timedelta(days=825)
    assert cert.not_valid_before_utc <= NOW < cert.not_valid_after_utc
    cert.verify_directly_issued_by(cert)


def test_tls_fingerprint(identity: NodeIdentity) -> None:
    der = x509.load_pem_x509_certificate(identity.tls_cert_pem).public_bytes(
        serialization.Encoding.DER
    )
    expected = "sha256:" + hashlib.sha256(der).hexdigest()
    assert identity.tls_fingerprint == expected
    assert tls_fingerprint(der) == tls_fingerprint(identity.tls_cert_pem) == expected


def test_tls_key_matches_certificate(identity: NodeIdentity) -> None:
    key = serialization.load_pem_private_key(identity.tls_key_pem, password=None)
    cert = x509.load_pem_x509_certificate(identity.tls_cert_pem)
    assert key.public_key() == cert.public_key()


def test_tls_renewal_is_staged_then_switched(identity: NodeIdentity) -> None:
    later = NOW + timedelta(days=800)
    staged = identity.stage_tls_certificate(now=later)
    # staged: still presenting the old certificate, the next one is published only
    assert staged.tls_fingerprint == identity.tls_fingerprint
    assert staged.tls_key_pem == identity.tls_key_pem
    assert staged.tls_next_staged_at == later
    next_pem = staged.tls_next_cert_pem
    assert next_pem is not None and tls_fingerprint(next_pem) != identity.tls_fingerprint
    assert NodeIdentity.load(identity.keydir).tls_next_cert_pem == next_pem
    with pytest.raises(CryptoError, match="already staged"):
        staged.stage_tls_certificate(now=later)

    switched = staged.switch_tls_certificate()
    assert switched.tls_cert_pem == next_pem
    assert switched.tls_key_pem != identity.tls_key_pem  # a new key, not only a new cert
    assert switched.tls_next_cert_pem is None and switched.tls_next_staged_at is None
    assert x509.load_pem_x509_certificate(switched.tls_cert_pem).not_valid_before_utc > NOW
    assert switched.tls_cert_not_after > identity.tls_cert_not_after
    assert not (identity.keydir / "tls-next.pem").exists()
    with pytest.raises(CryptoError, match="no TLS certificate renewal"):
        switched.switch_tls_certificate()


@pytest.mark.parametrize("moved", [("tls-next.pem",), ("tls-next.pem", "tls-next.crt")])
def test_tls_switch_interrupted_is_completed_at_load(
    identity: NodeIdentity, moved: tuple[str, ...]
) -> None:
    """A switch that stopped after one or both renames loads as switched, never mixed."""
    staged = identity.stage_tls_certificate(now=NOW)
    for name in moved:
        (identity.keydir / name).replace(identity.keydir / name.replace("-next", ""))
    loaded = NodeIdentity.load(identity.keydir)
    assert loaded.tls_cert_pem == staged.tls_next_cert_pem
    assert loaded.tls_next_cert_pem is None
    assert NodeIdentity.load(identity.keydir).tls_next_staged_at is None


def test_staged_tls_key_open_to_others_is_refused(identity: NodeIdentity) -> None:
    identity.stage_tls_certificate(now=NOW)
    (identity.keydir / "tls-next.pem").chmod(0o644)
    with pytest.raises(KeyPermissionError):
        NodeIdentity.load(identity.keydir)


def test_mutual_tls_handshake_with_pinned_certificates(tmp_path: Path) -> None:
    """Two nodes complete mTLS trusting only each other's self-signed certificate."""
    server = NodeIdentity.create(tmp_path / "server", now=datetime.now(UTC))
    client = NodeIdentity.create(tmp_path / "client", now=datetime.now(UTC))
    server_ctx = _context(ssl.PROTOCOL_TLS_SERVER, server, trust=client)
    server_ctx.verify_mode = ssl.CERT_REQUIRED
    client_ctx = _context(ssl.PROTOCOL_TLS_CLIENT, client, trust=server)
    left, right = socket.socketpair()
    seen: list[dict[str, object]] = []

    def serve() -> None:
        with server_ctx.wrap_socket(left, server_side=True) as tls:
            seen.append(dict(tls.getpeercert() or {}))

    thread = threading.Thread(target=serve)
    thread.start()
    with client_ctx.wrap_socket(right, server_hostname=tls_server_name(server.node_id)) as tls:
        der = tls.getpeercert(binary_form=True)
        assert der is not None and tls_fingerprint(der) == server.tls_fingerprint
    thread.join(timeout=5)
    assert seen and seen[0]["subject"] == (((("commonName", client.node_id),),))


def _context(protocol: int, own: NodeIdentity, trust: NodeIdentity) -> ssl.SSLContext:
    ctx = ssl.SSLContext(protocol)
    ctx.load_cert_chain(own.keydir / "tls.crt", own.keydir / "tls.pem")
    ctx.load_verify_locations(cadata=trust.tls_cert_pem.decode())
    return ctx


def test_tls_fingerprint_rejects_garbage_pem() -> None:
    with pytest.raises(CryptoError, match="cannot be parsed"):
        tls_fingerprint(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")


def test_x_wing_encryption_key_beside_x25519(identity: NodeIdentity) -> None:
    """A post-quantum key is stored as its 32-byte seed (mode 0600), opens what is sealed
    to its public key, and is pruned after expiry while the newest X25519 key stays."""
    pq = identity.rotate_encryption_key(now=NOW, kem="X-Wing")
    key = next(k for k in pq.encryption_keys if k.kem == "X-Wing")
    path = identity.keydir / f"encryption-{key.kid[4:]}.xwing"
    assert path.stat().st_size == 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = NodeIdentity.load(identity.keydir)
    assert {k.kid: k.public for k in loaded.encryption_keys}[key.kid] == key.public
    suite = hpke_suite(SUITE_XWING_AES128GCM)
    enc, ct = hpke_seal(suite, hpke_public_key(suite, key.public), b"hallo", b"info")
    assert hpke_open(suite, loaded.encryption_private_key(key.kid), enc, ct, b"info") == b"hallo"

    later = key.not_after + timedelta(hours=1)
    pruned = loaded.prune_encryption_keys(later, timedelta(minutes=10))
    assert [k.kem for k in pruned.encryption_keys] == ["X25519"]  # newest X25519 stays
    assert not path.exists()
