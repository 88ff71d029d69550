"""Key rotation: peers accept the committed next key and refuse any other."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from talentverbund.crypto.descriptor import NodeDescriptor
from talentverbund.crypto.identity import NodeIdentity
from tests.conftest import free_port

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _forge(descriptor: dict) -> dict:  # type: ignore[type-arg]
    """Same node id, newer sequence, but a signing key the node never committed to."""
    thief = Ed25519PrivateKey.generate()
    forged = json.loads(json.dumps(descriptor))
    forged["sequence"] += 100
    forged["signing_key"]["public"] = _b64(
        thief.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    forged["signature"]["value"] = _b64(b"\0" * 64)
    unsigned = NodeDescriptor.from_json(forged)
    forged["signature"]["value"] = _b64(thief.sign(unsigned.signed_bytes()))
    return forged


def test_rotation_accepted_by_peer_forgery_refused(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "flensburg"
    assert cli("init", other, "--name", "Flensburg", "--region", "01001",
               "--listen", f"127.0.0.1:{free_port()}").code == 0
    first = tmp_path / "kiel-1.json"
    first.write_text(cli("identity", node_dir).out)
    assert cli("peer", "add", other, first).code == 0

    rotated = tmp_path / "kiel-2.json"
    result = cli("keys", "rotate", node_dir, "-o", rotated)
    assert result.code == 0, result.err
    old, new = json.loads(first.read_text()), json.loads(rotated.read_text())
    assert new["node_id"] == old["node_id"]
    assert new["signing_key"]["kid"] == "sig-2"
    assert new["tls_cert_sha256"] == old["tls_cert_sha256"]  # pins stay valid
    assert cli("peer", "add", other, rotated).code == 0

    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(_forge(new)))
    refused = cli("peer", "add", other, forged)
    assert refused.code == 2, refused.err
    assert "refused as an update" in refused.err


def test_encryption_key_rotation_is_announced_and_used(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "luebeck"
    assert cli("init", other, "--name", "Luebeck", "--region", "01003",
               "--listen", f"127.0.0.1:{free_port()}").code == 0
    first = tmp_path / "kiel-1.json"
    first.write_text(cli("identity", node_dir).out)
    assert cli("peer", "add", other, first).code == 0
    rotated = tmp_path / "kiel-enc.json"
    result = cli("keys", "rotate-encryption", node_dir, "-o", rotated)
    assert result.code == 0, result.err
    kids = [key["kid"] for key in json.loads(rotated.read_text())["encryption_keys"]]
    assert kids == ["enc-1", "enc-2"]  # the old key stays until it expires
    assert cli("peer", "add", other, rotated).code == 0
    held = NodeDescriptor.from_json(json.loads(rotated.read_text()))
    assert held.current_encryption_key(datetime.now(UTC)).kid == "enc-2"  # peers seal to it
    identity = NodeIdentity.load(node_dir / "keys")
    assert {k.kid for k in identity.valid_encryption_keys(datetime.now(UTC))} == {"enc-1", "enc-2"}
