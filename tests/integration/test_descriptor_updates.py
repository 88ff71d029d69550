"""Descriptor updates over real servers: rotations announced and accepted without any
``peer add``, refusals logged, scheduled renewal and deletion of expired keys.

Kiel (A) and Flensburg (B) serve for the whole module. Refused announcements are sent
with B's real identity through the real client from a scratch database, so A's real
server judges them exactly as it would B's.
"""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from talentverbund.crypto.descriptor import (
    DescriptorSignature,
    KeyCommitment,
    NodeDescriptor,
    SigningKeyInfo,
    build_descriptor,
    parse_descriptor,
)
from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.federation.client import Exchange, FederationClient
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.introductions import NOTIFY_CALL
from talentverbund.node.federation.rotation import keys_upkeep
from talentverbund.node.runtime import builtin_model_id, open_runtime
from talentverbund.node.storage import migrate
from talentverbund.node.storage.db import make_engine, session_factory
from talentverbund.node.storage.models import Outbox, Peer
from talentverbund.protocol.v1 import federation_pb2 as pb
from tests.nodes import Node, init_node, run_cli, serve, serving_pair, wait_serving


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Node, Node]]:
    with serving_pair(tmp_path_factory.mktemp("descriptors"), handshakes=1) as nodes:
        yield nodes


def _held(holder: Node, node_id: str) -> NodeDescriptor:
    """The descriptor ``holder`` holds for ``node_id`` (from its database)."""
    engine = make_engine(f"sqlite:///{holder.directory}/node.db")
    try:
        with session_factory(engine)() as session:
            row = session.get(Peer, node_id)
            assert row is not None
            return NodeDescriptor.from_json(row.descriptor)
    finally:
        engine.dispose()


def _issued(node: Node) -> NodeDescriptor:
    return parse_descriptor((node.directory / "keys" / "descriptor.json").read_bytes())


def _json(*args: object) -> dict:  # type: ignore[type-arg]
    code, out, err = run_cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


@contextmanager
def _endpoint_of(holder: Node, node_id: str, endpoint: str) -> Iterator[None]:
    """The peer's endpoint in ``holder``'s database points elsewhere meanwhile."""
    engine = make_engine(f"sqlite:///{holder.directory}/node.db")

    def set_to(value: str) -> str:
        with session_factory(engine).begin() as session:
            row = session.get(Peer, node_id)
            assert row is not None
            old: str = row.descriptor["endpoint"]
            row.descriptor = {**row.descriptor, "endpoint": value}
            return old

    try:
        real = set_to(endpoint)
        yield
        set_to(real)
    finally:
        engine.dispose()


def _ping_both_ways(a: Node, b: Node) -> None:
    for me, them in ((a, b), (b, a)):
        code, _, err = run_cli("peer", "ping", me.directory, them.node_id)
        assert code == 0, err


# -- rotations reach the serving peer by themselves ------------------------------------------


def test_encryption_rotation_is_announced_and_used(pair: tuple[Node, Node]) -> None:
    a, b = pair
    result = _json("keys", "rotate-encryption", a.directory)
    assert result["peers"] == [b.node_id] and result["delivered_now"] == 1
    assert result["pending"] == 0
    held = _held(b, a.node_id)
    assert held.sequence == result["sequence"] == _issued(a).sequence
    assert held.current_encryption_key(datetime.now(UTC)).kid == result["encryption_kid"]
    assert [k.kid for k in held.encryption_keys] == ["enc-1", "enc-2"]  # enc-1 until it expires
    update = b.entries(msg_type="peer.update", peer_id=a.node_id)[-1]
    assert (update.direction, update.actor, update.status) == ("local", "node", "ok")
    assert update.details["sequence"] == result["sequence"]
    notice = a.entries(msg_type="notice", direction="out", peer_id=b.node_id)[-1]
    assert notice.status == "receipted" and notice.details["notice"] == "descriptor_update"
    issued = a.entries(msg_type="descriptor")[-1]
    assert issued.status == "issued" and issued.details["peers_notified"] == [b.node_id]
    _ping_both_ways(a, b)  # B seals to enc-2 now, A opens it


def test_signing_rotation_is_announced_with_the_previous_key(pair: tuple[Node, Node]) -> None:
    a, b = pair
    before = NodeIdentity.load(a.directory / "keys")
    result = _json("keys", "rotate", a.directory)
    assert (result["previous_kid"], result["signing_kid"]) == (before.signing_kid, "sig-2")
    assert result["delivered_now"] == 1
    held = _held(b, a.node_id)
    assert held.signing_key.kid == "sig-2" and held.sequence == result["sequence"]
    notice = a.entries(msg_type="notice", direction="out", peer_id=b.node_id)[-1]
    # signed with the key B held; the descriptor inside carries the committed new key
    assert notice.details["sender_kid"] == "sig-1" and notice.details["signing_kid"] == "sig-2"
    _ping_both_ways(a, b)  # A signs with sig-2, B verifies it; receipts too

    assert "signing-1.pem" in {p.name for p in (a.directory / "keys").iterdir()}
    assert _json("upkeep", a.directory)["keys_renewed"] == 1  # every peer has it: key deleted
    after = NodeIdentity.load(a.directory / "keys")
    assert after.previous_signing_kid is None
    assert "signing-1.pem" not in {p.name for p in (a.directory / "keys").iterdir()}


def test_peer_list_and_doctor_show_a_newer_descriptor(pair: tuple[Node, Node]) -> None:
    a, b = pair
    held = _held(a, b.node_id).sequence
    engine = make_engine(f"sqlite:///{a.directory}/node.db")
    try:
        with session_factory(engine).begin() as session:
            row = session.get(Peer, b.node_id)
            assert row is not None
            # as if B's last handshake had reported a descriptor A never received
            row.last_handshake = {**(row.last_handshake or {}), "descriptor_sequence": held + 5}
    finally:
        engine.dispose()
    peers = json.loads(run_cli("peer", "list", a.directory, "--json")[1])
    note = next(p for p in peers if p["node_id"] == b.node_id)["newer_descriptor"]
    assert f"sequence {held + 5}, we hold {held}" in note
    code, _, err = run_cli("peer", "list", a.directory)
    assert code == 0 and "peer has a newer descriptor" in " ".join(err.split())
    # a real handshake reports B's true sequence: the note is gone again
    assert _json("peer", "ping", a.directory, b.node_id)["descriptor_sequence"] == held
    peers = json.loads(run_cli("peer", "list", a.directory, "--json")[1])
    assert next(p for p in peers if p["node_id"] == b.node_id)["newer_descriptor"] is None


def test_stopped_node_announces_from_the_command_and_retries(
    pair: tuple[Node, Node], tmp_path: Path
) -> None:
    b = pair[1]
    d = init_node(tmp_path, "Husum", "01054")
    serve(d)  # once, so that B pins its certificate
    try:
        wait_serving(d)
        assert run_cli("peer", "add", b.directory, d.descriptor_file)[0] == 0
        assert run_cli("peer", "add", d.directory, b.descriptor_file)[0] == 0
    finally:
        assert d.proc is not None
        d.proc.send_signal(signal.SIGTERM)
        d.proc.wait(timeout=20)

    # stopped: the command rotates and announces itself
    result = _json("keys", "rotate-encryption", d.directory)
    assert result["delivered_now"] == 1
    assert _held(b, d.node_id).sequence == result["sequence"]
    assert run_cli("peer", "ping", d.directory, b.node_id)[0] == 0  # B seals to enc-2

    # B is out of reach at the next rotation, and its operator adds the file by hand
    by_hand = tmp_path / "husum-2.json"
    with _endpoint_of(d, b.node_id, "127.0.0.1:9"):
        result = _json("keys", "rotate", d.directory, "-o", by_hand)
    assert (result["delivered_now"], result["pending"]) == (0, 1)
    code, out, err = run_cli("peer", "add", b.directory, by_hand)
    assert code == 0 and "Updated peer" in out, err
    engine = make_engine(f"sqlite:///{d.directory}/node.db")
    try:
        with session_factory(engine).begin() as session:  # the retry is due now
            session.query(Outbox).update({Outbox.not_before: datetime.now(UTC)})
    finally:
        engine.dispose()
    # the retry: B refuses the previous key (it holds the new one already), the same
    # notice goes again signed with the new key, and B answers that it has it
    done = _json("upkeep", d.directory)
    assert done["outbox_delivered"] == 1 and done["keys_renewed"] == 1  # old key deleted
    tries = d.entries(msg_type="notice", direction="out", peer_id=b.node_id)[-2:]
    assert [(e.status, e.details["sender_kid"]) for e in tries] == [
        ("unauthenticated", "sig-1"),
        ("already_exists", "sig-2"),
    ]
    assert run_cli("peer", "ping", d.directory, b.node_id)[0] == 0  # signed with sig-2


def test_second_rotation_waits_for_peers_without_the_first(
    pair: tuple[Node, Node], tmp_path: Path
) -> None:
    """A second signing rotation would delete the only key a lagging peer can verify the
    announcement with: refused, naming the peer, unless forced."""
    b = pair[1]
    e = init_node(tmp_path, "Niebuell", "01054")  # B does not know E: nothing reaches B
    assert run_cli("peer", "add", e.directory, b.descriptor_file)[0] == 0
    first = _json("keys", "rotate", e.directory)
    assert (first["signing_kid"], first["pending"]) == ("sig-2", 1)

    code, out, err = run_cli("keys", "rotate", e.directory)
    assert code == 2 and out == ""
    assert "1 peer(s) do not have the descriptor of the last signing rotation" in err
    assert b.name in err and "--force" in err
    assert NodeIdentity.load(e.directory / "keys").signing_kid == "sig-2"  # nothing changed

    forced = _json("keys", "rotate", e.directory, "--force")
    assert (forced["previous_kid"], forced["signing_kid"]) == ("sig-2", "sig-3")


# -- refusals ----------------------------------------------------------------------------------


@pytest.fixture
def as_b(pair: tuple[Node, Node], tmp_path: Path) -> Iterator[tuple[FederationClient, Node]]:
    """B's identity and client, with a scratch database holding A's issued descriptor."""
    a, b = pair
    engine = make_engine(f"sqlite:///{tmp_path}/scratch.db")
    migrate.upgrade(engine)
    sessions = session_factory(engine)
    descriptor = _issued(a)
    with sessions.begin() as session:
        session.add(
            Peer(
                node_id=a.node_id,
                name=a.name,
                descriptor=descriptor.to_json(),
                tls_cert_sha256=descriptor.tls_cert_sha256,
                added_at=datetime.now(UTC),
            )
        )
    federation = Federation(sessions, b.identity, builtin_model_id)
    try:
        yield FederationClient(federation), a
    finally:
        federation.close()
        engine.dispose()


def _announce(client: FederationClient, a: Node, descriptor: NodeDescriptor | bytes) -> Exchange:
    raw = descriptor if isinstance(descriptor, bytes) else descriptor.to_bytes()
    payload = pb.Notice(descriptor_update=pb.DescriptorUpdate(descriptor=raw))
    return client.exchange(
        client.peer(a.node_id), NOTIFY_CALL, payload.SerializeToString(), timeout=10
    )


def _refused_and_logged(a: Node, b: Node, done: Exchange, status: str, reason: str) -> None:
    assert done.status == status, done.detail
    entry = a.entries(direction="in", peer_id=b.node_id)[-1]
    assert (entry.msg_type, entry.status) == ("notice", reason)


def test_uncommitted_signing_key_is_refused_and_logged(
    pair: tuple[Node, Node], as_b: tuple[FederationClient, Node], tmp_path: Path
) -> None:
    client, a = as_b
    b = pair[1]
    held = _held(a, b.node_id)
    thief = NodeIdentity.create(tmp_path / "thief").rotate_signing_key()  # a sig-2 of its own
    unsigned = replace(
        held,
        signing_key=SigningKeyInfo("sig-2", thief.signing_public_key),
        next_signing_key_commitment=KeyCommitment("sig-3", "0" * 64),
        sequence=held.sequence + 100,
        signature=DescriptorSignature("sig-2", bytes(64)),
    )
    forged = replace(
        unsigned, signature=DescriptorSignature("sig-2", thief.sign(unsigned.signed_bytes()))
    )
    done = _announce(client, a, forged)
    _refused_and_logged(a, b, done, "PERMISSION_DENIED", "uncommitted_key")
    assert "does not match the commitment" in done.detail
    assert _held(a, b.node_id) == held  # unchanged


def test_older_equal_and_foreign_descriptors_are_refused(
    pair: tuple[Node, Node], as_b: tuple[FederationClient, Node], tmp_path: Path
) -> None:
    client, a = as_b
    b = pair[1]
    held = _held(a, b.node_id)
    done = _announce(client, a, held)
    _refused_and_logged(a, b, done, "ALREADY_EXISTS", "stale_descriptor")
    assert f"already holds descriptor sequence {held.sequence}" in done.detail

    older = build_descriptor(
        b.identity, b.name, "01001", b.endpoint, datetime.now(UTC), held.sequence - 1
    )
    _refused_and_logged(a, b, _announce(client, a, older), "ALREADY_EXISTS", "stale_descriptor")

    c = init_node(tmp_path, "Fremd", "DE-BY")
    foreign = _issued(c)
    done = _announce(client, a, foreign)
    _refused_and_logged(a, b, done, "INVALID_ARGUMENT", "bad_descriptor")
    assert f"is for node {c.node_id}" in done.detail

    newer = build_descriptor(
        b.identity, "Altered", "01001", b.endpoint, datetime.now(UTC), held.sequence + 1
    )
    tampered = newer.to_bytes().replace(b'"Altered"', b'"Flensburg"')
    done = _announce(client, a, tampered)
    _refused_and_logged(a, b, done, "INVALID_ARGUMENT", "bad_descriptor")
    assert "signature does not verify" in done.detail
    assert _held(a, b.node_id) == held
    assert a.log().verify_chain().ok


# -- scheduled renewal (the upkeep task, the clock moved on) --------------------------------


def test_scheduled_rotation_and_deletion_of_expired_keys(tmp_path: Path) -> None:
    k, other = init_node(tmp_path, "Kiel", "01002"), init_node(tmp_path, "Husum", "01054")
    assert run_cli("peer", "add", k.directory, other.descriptor_file)[0] == 0  # pending
    first = _issued(k)
    start = datetime.now(UTC)

    def upkeep_at(days: int) -> int:
        runtime = open_runtime(k.directory, clock=lambda: start + timedelta(days=days))
        try:
            return keys_upkeep(runtime)
        finally:
            runtime.close()

    keys = k.directory / "keys"
    assert upkeep_at(89) == 0  # not due yet (default: every 90 days)
    assert upkeep_at(100) == 1  # a new key, announced to the peer
    assert [key.kid for key in NodeIdentity.load(keys).encryption_keys] == ["enc-1", "enc-2"]
    issued = _issued(k)
    assert issued.sequence > first.sequence
    assert [key.kid for key in issued.encryption_keys] == ["enc-1", "enc-2"]
    engine = make_engine(f"sqlite:///{k.directory}/node.db")
    try:
        with session_factory(engine)() as session:
            queued = session.query(Outbox).filter(Outbox.kind == "descriptor_update").all()
            assert [(row.recipient, row.sent_at) for row in queued] == [(other.node_id, None)]
    finally:
        engine.dispose()

    assert (keys / "encryption-1.pem").exists()
    assert upkeep_at(181) == 1  # enc-1 expired at day 180: its private file goes
    assert not (keys / "encryption-1.pem").exists()
    assert [key.kid for key in NodeIdentity.load(keys).encryption_keys] == ["enc-2"]
    assert _issued(k) == issued  # an expired key is no news to the peers


def test_scheduled_rotation_can_be_turned_off(tmp_path: Path) -> None:
    k = init_node(tmp_path, "Kiel", "01002")
    config = k.directory / "talentverbund.toml"
    config.write_text(
        config.read_text().replace("encryption_rotation_days = 90", "encryption_rotation_days = 0")
    )
    later = datetime.now(UTC) + timedelta(days=120)
    runtime = open_runtime(k.directory, clock=lambda: later)
    try:
        assert runtime.config.keys.encryption_rotation_days == 0
        assert keys_upkeep(runtime) == 0
    finally:
        runtime.close()
