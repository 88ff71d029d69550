"""Post-quantum sealing over real servers: a node with ``keys.post_quantum`` publishes an
X-Wing (ML-KEM-768 + X25519) key beside its X25519 key, and its peers seal to it; the
other direction stays X25519 unless that node opts in too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from talentverbund.crypto.descriptor import parse_descriptor
from talentverbund.crypto.hpke import SUITE_X25519_AES128GCM, SUITE_XWING_CHACHA20POLY1305
from talentverbund.crypto.identity import KEM_X25519, KEM_XWING, NodeIdentity
from tests.nodes import init_node, run_cli, serve, stop_nodes, wait_serving


def _opt_in(directory: Path) -> None:
    config = directory / "talentverbund.toml"
    text = config.read_text()
    assert "post_quantum = false" in text  # init writes every option
    config.write_text(text.replace("post_quantum = false", "post_quantum = true"))


def test_peers_seal_to_the_x_wing_key_of_a_node_that_opts_in(tmp_path: Path) -> None:
    a, b = init_node(tmp_path, "Kiel", "01002"), init_node(tmp_path, "Flensburg", "01001")
    _opt_in(b.directory)
    code, out, err = run_cli("keys", "rotate-encryption", b.directory, "--json")
    assert code == 0, err
    rotated = json.loads(out)
    assert rotated["post_quantum_kid"] is not None
    kems = {key.kid: key.kem for key in NodeIdentity.load(b.directory / "keys").encryption_keys}
    assert kems[rotated["post_quantum_kid"]] == KEM_XWING
    assert kems[rotated["encryption_kid"]] == KEM_X25519
    assert (
        b.directory / "keys" / f"encryption-{rotated['post_quantum_kid'][4:]}.xwing"
    ).stat().st_mode & 0o077 == 0
    code, out, err = run_cli("identity", b.directory)
    assert code == 0, err
    b.descriptor_file.write_text(out)
    published = parse_descriptor(out)
    assert {key.kem for key in published.encryption_keys} == {KEM_X25519, KEM_XWING}

    for node in (a, b):
        serve(node)
    try:
        for node in (a, b):
            wait_serving(node)
        assert run_cli("peer", "add", a.directory, b.descriptor_file)[0] == 0
        assert run_cli("peer", "add", b.directory, a.descriptor_file)[0] == 0
        for me, them in ((a, b), (b, a)):
            code, _, err = run_cli("peer", "ping", me.directory, them.node_id)
            assert code == 0, err
    finally:
        stop_nodes((a, b))

    to_b = a.entries(direction="out", msg_type="handshake", peer_id=b.node_id)[-1]
    assert to_b.details["suite"] == SUITE_XWING_CHACHA20POLY1305
    assert to_b.details["recipient_kid"] == rotated["post_quantum_kid"]
    at_b = b.entries(direction="in", msg_type="handshake", peer_id=a.node_id)[-1]
    assert at_b.details["suite"] == SUITE_XWING_CHACHA20POLY1305 and at_b.status == "accepted"
    # B's own handshake to A, and its reply to A's, are sealed to A's X25519 key
    to_a = b.entries(direction="out", msg_type="handshake", peer_id=a.node_id)[-1]
    assert to_a.details["suite"] == SUITE_X25519_AES128GCM
    reply_to_b = a.entries(direction="out", msg_type="handshake.reply", peer_id=b.node_id)[-1]
    assert reply_to_b.details["suite"] == SUITE_XWING_CHACHA20POLY1305  # A's reply to B: X-Wing


def test_post_quantum_key_is_made_by_upkeep_and_kept_current(tmp_path: Path) -> None:
    k = init_node(tmp_path, "Kiel", "01002")
    _opt_in(k.directory)
    code, out, err = run_cli("upkeep", k.directory, "--json")
    assert code == 0, err
    assert json.loads(out)["keys_renewed"] == 1  # none was valid: made at once
    issued = parse_descriptor((k.directory / "keys" / "descriptor.json").read_bytes())
    assert [key.kem for key in issued.encryption_keys] == [KEM_X25519, KEM_XWING]
    code, out, err = run_cli("upkeep", k.directory, "--json")
    assert json.loads(out)["keys_renewed"] == 0  # nothing due


@pytest.mark.parametrize("value", ["yes", "1"])
def test_post_quantum_option_must_be_a_boolean(tmp_path: Path, value: str) -> None:
    k = init_node(tmp_path, "Kiel", "01002")
    config = k.directory / "talentverbund.toml"
    config.write_text(
        config.read_text().replace("post_quantum = false", f"post_quantum = {value!r}")
    )
    code, _, err = run_cli("peer", "list", k.directory)
    assert code == 2 and "keys.post_quantum must be bool" in err
