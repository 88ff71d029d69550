"""Relayed delivery over real servers: A reaches C only through B (docs/protocol.md).

Kiel (A), Rendsburg (B) and Luebeck (C) serve as subprocesses; all three peer
mutually. B relays (``[federation] relay = true``), C accepts relayed envelopes
(``[federation] accept_relayed = true``), A does neither. A reaches C through B
(``peer relay A C --via B``). Hand-made envelopes go to B's Relay RPC over a real
mTLS channel holding A's certificate.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import grpc
import pytest

from talentverbund.crypto.envelope import Envelope, envelope_hash
from talentverbund.node.config import CONFIG_NAME, load_config
from talentverbund.node.errors import UsageError
from talentverbund.node.storage.db import make_engine
from talentverbund.protocol.v1 import federation_pb2 as pb
from tests.integration.test_federation import RawPeer
from tests.nodes import Node, init_node, run_cli, serve, stop_nodes, wait_serving


@dataclass
class Three:
    a: Node
    b: Node
    c: Node
    d: Node  # initialized, never serving, no peer of anyone


def _configure(node: Node, **switches: bool) -> None:
    config = load_config(node.directory)
    federation = dataclasses.replace(config.federation, **switches)
    dataclasses.replace(config, federation=federation).write()


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Three]:
    base = tmp_path_factory.mktemp("relay")
    a, b = init_node(base, "Kiel", "01002"), init_node(base, "Rendsburg", "01058")
    c, d = init_node(base, "Luebeck", "01003"), init_node(base, "Fremd", "DE-BY")
    _configure(b, relay=True)
    _configure(c, accept_relayed=True)
    nodes = (a, b, c)
    for node in nodes:
        serve(node)
    try:
        for node in nodes:
            wait_serving(node)
        for one, other in ((a, b), (b, c), (a, c)):
            assert run_cli("peer", "add", one.directory, other.descriptor_file)[0] == 0
            assert run_cli("peer", "add", other.directory, one.descriptor_file)[0] == 0
        code, _, err = run_cli("peer", "relay", a.directory, c.node_id, "--via", b.node_id)
        assert code == 0, err
        yield Three(a, b, c, d)
    finally:
        stop_nodes(nodes)


@pytest.fixture
def a_via_b(three: Three) -> Iterator[tuple[RawPeer, RawPeer]]:
    """A's channel to B (to send on) and A's view of C (to seal to)."""
    to_b, to_c = RawPeer(three.a, three.b), RawPeer(three.a, three.c)
    yield to_b, to_c
    to_b.close()
    to_c.close()


def _relay(to_b: RawPeer, envelope: Envelope, rpc: str = "Handshake") -> pb.Envelope:
    request = pb.RelayRequest(
        rpc=rpc,
        envelope=pb.Envelope(
            header=envelope.header_bytes,
            enc=envelope.enc,
            ciphertext=envelope.ciphertext,
            signature=envelope.signature,
        ),
    )
    return to_b.stub.Relay(request, timeout=10)  # type: ignore[no-any-return]


def _relay_refused(to_b: RawPeer, envelope: Envelope, rpc: str = "Handshake") -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        _relay(to_b, envelope, rpc)
    return caught.value


def test_handshake_through_a_relay_is_receipted_by_the_recipient(three: Three) -> None:
    a, b, c = three.a, three.b, three.c
    code, out, err = run_cli("peer", "ping", a.directory, c.node_id, "--json")
    assert code == 0, err
    result = json.loads(out)
    receipt = result["receipt"]
    assert result["peer_id"] == c.node_id  # the receipt was signed by C, verified by A
    assert receipt["envelope_sha256"] == result["envelope_sha256"]
    # A logged the request as sent via B, receipted by C
    sent = a.entries(message_id=result["message_id"])
    assert [(e.direction, e.peer_id, e.status) for e in sent] == [("out", c.node_id, "receipted")]
    assert sent[0].details["via"] == b.node_id
    # C logged A's envelope, delivered by B, exactly where its receipt says
    accepted = {e.seq: e for e in c.entries()}[receipt["log_index"]]
    assert (accepted.direction, accepted.peer_id, accepted.status) == ("in", a.node_id, "accepted")
    assert accepted.details["relayed_by"] == b.node_id
    reply_entry = {e.seq: e for e in c.entries()}[receipt["log_index"] + 1]
    assert (reply_entry.direction, reply_entry.details["relayed_by"]) == ("out", b.node_id)
    assert accepted.envelope_sha256 == result["envelope_sha256"]
    # B logged only metadata: the hash, both node ids, the RPC and the reply's hash
    relayed = b.entries(message_id=result["message_id"])
    assert [(e.direction, e.peer_id, e.msg_type, e.status) for e in relayed] == [
        ("in", a.node_id, "relay", "accepted"),
        ("out", c.node_id, "relay", "forwarded"),
    ]
    for entry in relayed:
        assert entry.envelope_sha256 == result["envelope_sha256"]
        assert set(entry.details) <= {
            "rpc",
            "sender",
            "recipient",
            "message_type",
            "size",
            "reply_sha256",
        }
    reply = [e for e in a.entries(msg_type="handshake.reply") if e.peer_id == c.node_id][-1]
    assert relayed[1].details["reply_sha256"] == reply.envelope_sha256
    # B holds nothing else about the message: no handshake entry, no received message
    assert all(e.msg_type == "relay" for e in relayed)
    engine = make_engine(f"sqlite:///{b.directory}/node.db")
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT count(*) FROM received_messages WHERE message_id = ?",
            (result["message_id"],),
        ).scalar()
    engine.dispose()
    assert rows == 0
    # peer list shows the route
    code, out, _ = run_cli("peer", "list", a.directory, "--json")
    listed = {p["node_id"]: p for p in json.loads(out)}
    assert listed[c.node_id]["via"] == b.node_id and listed[c.node_id]["status"] == "active"


def test_tampered_envelope_through_the_relay_is_refused_by_the_recipient(
    three: Three, a_via_b: tuple[RawPeer, RawPeer]
) -> None:
    to_b, to_c = a_via_b
    envelope = to_c.envelope()
    tampered = replace(envelope, ciphertext=envelope.ciphertext[:-1] + b"\x00")
    error = _relay_refused(to_b, tampered)
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED
    assert "message authentication failed" in error.details()
    assert three.b.node_id in error.details()  # "relayed by B to C: ..."
    logged = three.c.entries(message_id=envelope.header.message_id)
    assert [(e.direction, e.status, e.peer_id) for e in logged] == [
        ("in", "bad_signature", three.b.node_id)
    ]
    assert logged[0].envelope_sha256 == envelope_hash(tampered)
    out = three.b.entries(message_id=envelope.header.message_id, direction="out")
    assert [e.status for e in out] == ["unauthenticated"]


def test_relay_checks_the_clear_header(three: Three, a_via_b: tuple[RawPeer, RawPeer]) -> None:
    to_b, to_c = a_via_b
    # unknown next hop
    error = _relay_refused(to_b, to_c.envelope(recipient=three.d.node_id))
    assert error.code() == grpc.StatusCode.NOT_FOUND
    assert error.details() == f"node {three.b.node_id} has no peer {three.d.node_id}"
    # addressed to the relay itself, or to its sender: a loop
    for recipient in (three.b.node_id, three.a.node_id):
        error = _relay_refused(to_b, to_c.envelope(recipient=recipient))
        assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    # another node's envelope: a relay forwards only what its caller sent (one hop)
    error = _relay_refused(to_b, to_c.envelope(signer=three.c.identity))
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED
    # Relay is not a forwardable RPC
    error = _relay_refused(to_b, to_c.envelope(), rpc="Relay")
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    statuses = [e.status for e in three.b.entries(msg_type="relay", direction="in")]
    assert {"no_next_hop", "relay_loop", "sender_mismatch", "bad_rpc"} <= set(statuses)


def test_a_node_that_does_not_relay_refuses(three: Three) -> None:
    a, b, c = three.a, three.b, three.c
    # C tries to reach B through A, which has not enabled relaying
    assert run_cli("peer", "relay", c.directory, b.node_id, "--via", a.node_id)[0] == 0
    try:
        code, _, err = run_cli("peer", "ping", c.directory, b.node_id)
    finally:
        assert run_cli("peer", "relay", c.directory, b.node_id, "--direct")[0] == 0
    assert code == 1
    assert "FAILED_PRECONDITION" in err and "[federation] relay = true" in err
    refused = a.entries(msg_type="relay", peer_id=c.node_id)
    assert refused[-1].status == "relay_disabled"
    assert run_cli("peer", "ping", c.directory, b.node_id)[0] == 0  # direct again


def test_a_node_that_does_not_accept_relayed_envelopes_refuses(three: Three) -> None:
    a, b, c = three.a, three.b, three.c
    # C reaches A through B, but A accepts no relayed envelopes
    assert run_cli("peer", "relay", c.directory, a.node_id, "--via", b.node_id)[0] == 0
    try:
        code, _, err = run_cli("peer", "ping", c.directory, a.node_id)
    finally:
        assert run_cli("peer", "relay", c.directory, a.node_id, "--direct")[0] == 0
    assert code == 1
    assert "PERMISSION_DENIED" in err and "accept_relayed" in err
    refused = a.entries(direction="in", peer_id=b.node_id)[-1]
    assert refused.status == "sender_mismatch"


def test_relay_that_is_no_peer_of_the_recipient_is_refused(three: Three) -> None:
    a, b, c = three.a, three.b, three.c
    assert run_cli("peer", "remove", c.directory, b.node_id)[0] == 0
    try:
        code, _, err = run_cli("peer", "ping", a.directory, c.node_id)
        assert code == 1
        assert "PERMISSION_DENIED" in err or "UNAVAILABLE" in err, err
        assert f"relayed by {b.node_id}" in err
    finally:
        assert run_cli("peer", "add", c.directory, b.descriptor_file)[0] == 0
    assert run_cli("peer", "ping", a.directory, c.node_id)[0] == 0


def test_peer_relay_refuses_bad_routes(three: Three) -> None:
    a, b, c = three.a, three.b, three.c
    code, _, err = run_cli("peer", "relay", a.directory, c.node_id, "--via", c.node_id)
    assert code != 0 and "itself" in err
    code, _, err = run_cli("peer", "relay", a.directory, b.node_id, "--via", c.node_id)
    assert code != 0 and "one hop" in err  # C is itself reached through B
    code, _, err = run_cli("peer", "relay", a.directory, c.node_id, "--via", three.d.node_id)
    assert code != 0 and "not an active peer" in err
    code, _, err = run_cli("peer", "relay", a.directory, c.node_id)
    assert code != 0
    # the logs of all three nodes still verify
    for node in (a, b, c):
        assert run_cli("audit", "verify", node.directory)[0] == 0


def test_relay_switches_are_booleans_and_off_by_default(tmp_path: Path) -> None:
    node = init_node(tmp_path, "Heide", "01051")
    text = (node.directory / CONFIG_NAME).read_text()
    assert "relay = false" in text and "accept_relayed = false" in text
    config = load_config(node.directory)
    assert not config.federation.relay and not config.federation.accept_relayed
    (node.directory / CONFIG_NAME).write_text(text.replace("relay = false", "relay = 1", 1))
    with pytest.raises(UsageError, match=r"federation\.relay must be bool"):
        load_config(node.directory)
