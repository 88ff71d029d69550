"""TLS certificate renewal over real servers: the next certificate is pinned beside the
current one before the node presents it, so no peer loses contact; a peer that missed it
is reconnected by hand; upkeep stages a renewal before expiry and switches when due.
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from talentverbund.crypto.descriptor import NodeDescriptor
from talentverbund.crypto.identity import TLS_CERT_VALIDITY, NodeIdentity, tls_fingerprint
from talentverbund.node.federation.certs import fetch_certificate_der
from talentverbund.node.federation.rotation import keys_upkeep
from talentverbund.node.runtime import open_runtime
from talentverbund.node.storage.db import make_engine, session_factory
from talentverbund.node.storage.models import Peer
from tests.nodes import Node, init_node, run_cli, serve, serving_pair, wait_serving


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Node, Node]]:
    with serving_pair(tmp_path_factory.mktemp("tls"), handshakes=1) as nodes:
        yield nodes


def _json(*args: object, code: int = 0) -> dict:  # type: ignore[type-arg]
    got, out, err = run_cli(*args, "--json")
    assert got == code, err
    return json.loads(out) if out else {"error": err}  # type: ignore[no-any-return]


def _held(holder: Node, node_id: str) -> tuple[NodeDescriptor, str | None]:
    """The descriptor and the pinned certificate ``holder`` holds for ``node_id``."""
    engine = make_engine(f"sqlite:///{holder.directory}/node.db")
    try:
        with session_factory(engine)() as session:
            row = session.get(Peer, node_id)
            assert row is not None
            return NodeDescriptor.from_json(row.descriptor), row.tls_cert_pem
    finally:
        engine.dispose()


def _presented(node: Node) -> str:
    """Fingerprint of the certificate the node's server presents right now."""
    return tls_fingerprint(fetch_certificate_der(node.endpoint, "x", timeout=3))


def _ping_both_ways(a: Node, b: Node) -> None:
    for me, them in ((a, b), (b, a)):
        code, _, err = run_cli("peer", "ping", me.directory, them.node_id)
        assert code == 0, err


def _stopped(node: Node) -> None:
    assert node.proc is not None
    node.proc.send_signal(signal.SIGTERM)
    node.proc.wait(timeout=20)


def _restart(node: Node) -> None:
    serve(node)
    wait_serving(node)


def _until_reached(me: Node, them: Node) -> None:
    """Ping until ``me``'s channel to ``them`` has reconnected (gRPC waits out its
    reconnect backoff, up to 10 s, after a peer was down)."""
    deadline = time.monotonic() + 20
    while run_cli("peer", "ping", me.directory, them.node_id)[0] != 0:
        assert time.monotonic() < deadline, f"{me.name} does not reach {them.name} again"
        time.sleep(0.5)


def test_renewal_with_every_peer_reachable_switches_at_once(pair: tuple[Node, Node]) -> None:
    a, b = pair
    before = NodeIdentity.load(a.directory / "keys").tls_fingerprint
    result = _json("keys", "renew-tls", a.directory)
    assert result["stage"] == "switched" and result["pending"] == 0
    after = NodeIdentity.load(a.directory / "keys")
    assert result["tls_cert_sha256"] == after.tls_fingerprint != before
    assert after.tls_next_cert_pem is None
    assert _presented(a) == after.tls_fingerprint  # the running server switched

    held, pem = _held(b, a.node_id)
    assert held.tls_cert_sha256 == after.tls_fingerprint and held.tls_next_cert is None
    assert pem is not None and tls_fingerprint(pem.encode()) == after.tls_fingerprint
    updates = b.entries(msg_type="peer.update", peer_id=a.node_id)[-2:]
    # first the staged certificate beside the old pin, then the switch to it
    assert updates[0].details["tls_cert_sha256"] == before
    assert updates[0].details["tls_next_sha256"] == after.tls_fingerprint
    assert updates[1].details["tls_cert_sha256"] == after.tls_fingerprint
    assert updates[1].details["certificate_pinned"] is True
    switch = a.entries(msg_type="tls.switch")[-1]
    assert switch.details == {"from": before, "to": after.tls_fingerprint}
    _ping_both_ways(a, b)  # A's new client certificate and server certificate both accepted
    assert a.log().verify_chain().ok and b.log().verify_chain().ok


def test_staged_renewal_waits_for_an_absent_peer(pair: tuple[Node, Node]) -> None:
    a, b = pair
    current = NodeIdentity.load(a.directory / "keys").tls_fingerprint
    _stopped(b)
    try:
        result = _json("keys", "renew-tls", a.directory)
        assert result["stage"] == "staged" and result["pending"] == 1
        assert result["tls_cert_sha256"] == current == _presented(a)  # still the old one
        nxt = result["tls_next_sha256"]
        again = _json("keys", "renew-tls", a.directory, code=2)
        assert "already staged" in again["error"] and "1 peer(s)" in again["error"]
        assert _json("upkeep", a.directory)["keys_renewed"] == 0  # B still lacks it
    finally:
        _restart(b)
    _until_reached(a, b)
    _ping_both_ways(a, b)  # B (old pin only) still reaches A, which presents the old cert
    # one upkeep round: the outbox delivers the staged descriptor, then the keys task
    # finds every peer has it and switches
    done = _json("upkeep", a.directory)
    assert done["outbox_delivered"] >= 1 and done["keys_renewed"] == 1
    staged = [
        e for e in b.entries(msg_type="peer.update", peer_id=a.node_id)
        if e.details.get("tls_next_sha256") == nxt
    ]
    assert staged and staged[-1].details["tls_cert_sha256"] == current
    assert _presented(a) == nxt
    _json("upkeep", a.directory)  # delivers the switched descriptor (unless serve did)
    held, pem = _held(b, a.node_id)
    assert held.tls_cert_sha256 == nxt and held.tls_next_cert is None
    assert pem is not None and tls_fingerprint(pem.encode()) == nxt
    _ping_both_ways(a, b)


def test_switch_now_leaves_an_absent_peer_to_be_reconnected_by_hand(
    pair: tuple[Node, Node], tmp_path: Path
) -> None:
    a, b = pair
    _stopped(b)
    try:
        result = _json("keys", "renew-tls", a.directory, "--now", "-o", tmp_path / "a.json")
        assert result["stage"] == "switched" and result["pending"] == 1
    finally:
        _restart(b)
    # B pins only A's old certificate: the TLS handshake fails both ways, and says why
    code, _, err = run_cli("peer", "ping", b.directory, a.node_id)
    assert code == 1, err
    # the operator gives B the new descriptor; B fetches A's certificate and checks the pin
    code, _, err = run_cli("peer", "add", b.directory, tmp_path / "a.json")
    assert code == 0, err
    assert _held(b, a.node_id)[0].tls_cert_sha256 == result["tls_cert_sha256"]
    _until_reached(a, b)
    _ping_both_ways(a, b)


def test_upkeep_stages_before_expiry_and_switches_after_the_overlap(tmp_path: Path) -> None:
    k, other = init_node(tmp_path, "Kiel", "01002"), init_node(tmp_path, "Husum", "01054")
    assert run_cli("peer", "add", k.directory, other.descriptor_file)[0] == 0  # never reached
    keys = k.directory / "keys"
    expires = NodeIdentity.load(keys).tls_cert_not_after

    def upkeep_at(moment: datetime) -> int:
        runtime = open_runtime(k.directory, clock=lambda: moment)
        try:
            return keys_upkeep(runtime)
        finally:
            runtime.close()

    def staged_at() -> datetime | None:
        return NodeIdentity.load(keys).tls_next_staged_at

    upkeep_at(expires - timedelta(days=61))  # (encryption keys are renewed meanwhile)
    assert staged_at() is None  # not due (default: 60 days before expiry)
    staging = expires - timedelta(days=59)
    upkeep_at(staging)
    staged = NodeIdentity.load(keys)
    assert staged.tls_next_staged_at == staging and staged.tls_next_cert_pem is not None
    issued = json.loads((keys / "descriptor.json").read_text())
    assert tls_fingerprint(staged.tls_next_cert_pem) == tls_fingerprint(
        NodeDescriptor.from_json(issued).tls_next_cert or b""
    )
    upkeep_at(staging + timedelta(days=13))
    assert staged_at() == staging  # Husum never got it: wait
    upkeep_at(staging + timedelta(days=14))  # the overlap is over: switch
    switched = NodeIdentity.load(keys)
    assert switched.tls_next_staged_at is None
    assert switched.tls_cert_not_after > expires
    assert switched.tls_cert_not_after - datetime.now(UTC) > TLS_CERT_VALIDITY - timedelta(days=2)
