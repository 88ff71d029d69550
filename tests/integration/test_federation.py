"""Federation over real servers: two nodes started with ``serve``, real mTLS on loopback.

Kiel (A) and Flensburg (B) serve as subprocesses and peer mutually through the CLI
(through their admin sockets). Hand-crafted envelopes go over a real mTLS channel
holding B's certificate, so each refusal is exercised against A's real server:
the status, the public message, and the entry in A's exchange log.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from sqlalchemy import select

from talentverbund.crypto.descriptor import build_descriptor, parse_descriptor
from talentverbund.crypto.envelope import (
    Envelope,
    EnvelopeHeader,
    envelope_hash,
    now_ms,
    open_envelope,
    seal_envelope,
)
from talentverbund.crypto.identity import NodeIdentity, tls_server_name
from talentverbund.node.federation.certs import fetch_peer_certificate
from talentverbund.node.federation.client import FederationClient
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.errors import FederationCallError
from talentverbund.node.federation.receipts import verify_receipt
from talentverbund.node.federation.transport import CLIENT_OPTIONS
from talentverbund.node.runtime import builtin_model_id
from talentverbund.node.storage import migrate
from talentverbund.node.storage.db import make_engine, session_factory
from talentverbund.node.storage.models import ExchangeLogEntry, Peer
from talentverbund.protocol.v1 import federation_pb2 as pb
from talentverbund.protocol.v1 import federation_pb2_grpc as pb_grpc
from tests.conftest import free_port
from tests.nodes import Node, init_node, run_cli, serve, stop_nodes, wait_serving


@dataclass
class Federated:
    a: Node
    b: Node
    c: Node  # initialized, never serving, no peer of A or B


@pytest.fixture(scope="module")
def fed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Federated]:
    base = tmp_path_factory.mktemp("federation")
    a, b = init_node(base, "Kiel", "01002"), init_node(base, "Flensburg", "01001")
    c = init_node(base, "Fremd", "DE-BY")
    for node in (a, b):
        serve(node)
    try:
        for node in (a, b):
            wait_serving(node)
        assert run_cli("peer", "add", a.directory, b.descriptor_file)[0] == 0
        assert run_cli("peer", "add", b.directory, a.descriptor_file)[0] == 0
        yield Federated(a, b, c)
    finally:
        stop_nodes((a, b))


# -- a hand-made client speaking as one node to another ------------------------------------


class RawPeer:
    """Speaks as ``me`` to ``them`` over a real mTLS channel, with envelopes made by hand."""

    def __init__(self, me: Node, them: Node) -> None:
        self.me, self.them = me, them
        self.descriptor = parse_descriptor(them.descriptor_file.read_text())
        cert = fetch_peer_certificate(them.endpoint, them.node_id, self.descriptor.tls_cert_sha256)
        credentials = grpc.ssl_channel_credentials(
            root_certificates=cert,
            private_key=me.identity.tls_key_pem,
            certificate_chain=me.identity.tls_cert_pem,
        )
        options = [
            ("grpc.ssl_target_name_override", tls_server_name(them.node_id)),
            *CLIENT_OPTIONS,
        ]
        self.channel = grpc.secure_channel(them.endpoint, credentials, options=options)
        self.stub = pb_grpc.FederationStub(self.channel)

    def close(self) -> None:
        self.channel.close()

    def envelope(
        self,
        payload: bytes | None = None,
        *,
        max_size: int = 4 * 1024 * 1024,
        signer: NodeIdentity | None = None,
        **header: Any,
    ) -> Envelope:
        """A Handshake sealed to ``them`` and signed by ``me`` (or ``signer``)."""
        signer = signer or self.me.identity
        key = self.descriptor.current_encryption_key(datetime.now(UTC))
        fields: dict[str, Any] = {
            "sender": signer.node_id,
            "recipient": self.them.node_id,
            "message_type": "handshake",
            "timestamp_ms": now_ms(),
            "recipient_kid": key.kid,
            "sender_kid": signer.signing_kid,
        }
        fields.update(header)
        if payload is None:
            payload = pb.Handshake(
                node_id=signer.node_id, protocol_versions=[1], time_ms=now_ms()
            ).SerializeToString()
        return seal_envelope(
            header=EnvelopeHeader.create(**fields),
            payload=payload,
            recipient_public=key.public,
            sender_signing_key=signer,
            max_size=max_size,
        )

    def send(self, envelope: Envelope, timeout: float = 10) -> pb.Envelope:
        return self.stub.Handshake(  # type: ignore[no-any-return]
            pb.Envelope(
                header=envelope.header_bytes,
                enc=envelope.enc,
                ciphertext=envelope.ciphertext,
                signature=envelope.signature,
            ),
            timeout=timeout,
        )

    def open_reply(self, answer: pb.Envelope) -> pb.HandshakeReply:
        envelope = Envelope.from_parts(
            header_bytes=answer.header,
            enc=answer.enc,
            ciphertext=answer.ciphertext,
            signature=answer.signature,
        )
        opened = open_envelope(
            envelope,
            expected_recipient=self.me.node_id,
            recipient_private=self.me.identity.encryption_private_key(
                envelope.header.recipient_kid
            ),
            sender_public=self.descriptor.signing_key.public,
            now_ms=now_ms(),
            expected_type="handshake.reply",
        )
        return pb.HandshakeReply.FromString(opened.payload)


@pytest.fixture
def b_to_a(fed: Federated) -> Iterator[RawPeer]:
    raw = RawPeer(fed.b, fed.a)
    yield raw
    raw.close()


def _refused(raw: RawPeer, envelope: Envelope | pb.Envelope) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        if isinstance(envelope, Envelope):
            raw.send(envelope)
        else:
            raw.stub.Handshake(envelope, timeout=10)
    return caught.value


# -- the happy path -------------------------------------------------------------------------


def test_two_nodes_handshake_with_receipts_on_both_logs(fed: Federated) -> None:
    a, b = fed.a, fed.b
    code, out, err = run_cli("peer", "ping", a.directory, b.node_id, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["ok"] and result["protocol_versions"] == [1]
    receipt = result["receipt"]
    # A logged its request with B's receipt, and B's reply
    sent = a.entries(message_id=result["message_id"])
    assert [(e.direction, e.status) for e in sent] == [("out", "receipted")]
    assert sent[0].envelope_sha256 == result["envelope_sha256"] == receipt["envelope_sha256"]
    replies = a.entries(msg_type="handshake.reply", direction="in")
    assert any(e.details["in_reply_to"] == result["message_id"] for e in replies)
    # B logged the acceptance exactly where its receipt says, and its reply after it
    b_entries = {e.seq: e for e in b.entries()}
    accepted = b_entries[receipt["log_index"]]
    assert accepted.entry_hash == receipt["log_entry_hash"]
    assert (accepted.direction, accepted.status, accepted.peer_id) == ("in", "accepted", a.node_id)
    assert accepted.envelope_sha256 == result["envelope_sha256"]
    reply_entry = b_entries[receipt["log_index"] + 1]
    assert (reply_entry.direction, reply_entry.status) == ("out", "sent")
    # every envelope entry names the HPKE suite and the key it was sealed to
    for entry in (sent[0], accepted, reply_entry):
        assert entry.details["suite"] == "X25519-SHA256-AES128GCM"
        assert entry.details["recipient_kid"].startswith("enc-")
    # and the other way round
    code, out, err = run_cli("peer", "ping", b.directory, a.node_id, "--json")
    assert code == 0, err
    for node in (a, b):
        report = node.log().verify_chain()
        assert report.ok, report.problem
    # the receipt is signed on its own: it verifies with B's descriptor key alone
    proto = pb.Receipt(
        envelope_sha256=receipt["envelope_sha256"],
        log_index=receipt["log_index"],
        log_entry_hash=receipt["log_entry_hash"],
        received_at_ms=receipt["received_at_ms"],
        status=receipt["status"],
        receiver=b.node_id,
        receiver_kid=receipt["receiver_kid"],
    )
    proto.signature = base64.urlsafe_b64decode(receipt["signature"] + "==")
    b_descriptor = parse_descriptor(b.descriptor_file.read_text())
    verify_receipt(
        proto,
        receiver=b.node_id,
        receiver_kid="sig-1",
        receiver_public=b_descriptor.signing_key.public,
        envelope_sha256=result["envelope_sha256"],
    )
    # peer list shows the contact
    code, out, _ = run_cli("peer", "list", a.directory, "--json")
    listed = {p["node_id"]: p for p in json.loads(out)}
    assert listed[b.node_id]["status"] == "active"
    assert listed[b.node_id]["last_contact_at"] is not None
    assert listed[b.node_id]["fingerprint"] == b_descriptor.fingerprint_text()
    code, out, _ = run_cli("peer", "list", a.directory, "--check")
    assert code == 0 and "active / ok" in out and "Flensburg" in out


def test_health_and_reflection_clients_reach_the_server(fed: Federated, b_to_a: RawPeer) -> None:
    # as a peer (B's certificate) ...
    reply = health_pb2_grpc.HealthStub(b_to_a.channel).Check(
        health_pb2.HealthCheckRequest(), timeout=10
    )
    assert reply.status == health_pb2.HealthCheckResponse.SERVING
    stub = reflection_pb2_grpc.ServerReflectionStub(b_to_a.channel)
    answers = stub.ServerReflectionInfo(
        iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=10
    )
    names = {s.name for a in answers for s in a.list_services_response.service}
    assert {"talentverbund.v1.Federation", "grpc.health.v1.Health"} <= names
    # ... and as the node's own operator tooling (its own certificate)
    own = fed.a.identity
    credentials = grpc.ssl_channel_credentials(
        root_certificates=own.tls_cert_pem,
        private_key=own.tls_key_pem,
        certificate_chain=own.tls_cert_pem,
    )
    options = [("grpc.ssl_target_name_override", tls_server_name(own.node_id))]
    with grpc.secure_channel(fed.a.endpoint, credentials, options=options) as channel:
        reply = health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service=""), timeout=10
        )
        assert reply.status == health_pb2.HealthCheckResponse.SERVING
        # the own certificate is for tooling, not for federation messages
        with pytest.raises(grpc.RpcError) as caught:
            pb_grpc.FederationStub(channel).Handshake(pb.Envelope(), timeout=10)
        assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED


# -- refusals ---------------------------------------------------------------------------


def test_unknown_node_is_refused_at_the_tls_layer(fed: Federated) -> None:
    stranger = fed.c.identity
    a_descriptor = parse_descriptor(fed.a.descriptor_file.read_text())
    cert = fetch_peer_certificate(fed.a.endpoint, fed.a.node_id, a_descriptor.tls_cert_sha256)
    credentials = grpc.ssl_channel_credentials(
        root_certificates=cert,
        private_key=stranger.tls_key_pem,
        certificate_chain=stranger.tls_cert_pem,
    )
    options = [("grpc.ssl_target_name_override", tls_server_name(fed.a.node_id))]
    with grpc.secure_channel(fed.a.endpoint, credentials, options=options) as channel:
        for call in (
            lambda: health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=5
            ),
            lambda: pb_grpc.FederationStub(channel).Handshake(pb.Envelope(), timeout=5),
        ):
            with pytest.raises(grpc.RpcError) as caught:
                call()
            assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
    # the stranger trusts A (one-sided): A still refuses it, and the CLI says what to do
    code, _, err = run_cli("peer", "add", fed.c.directory, fed.a.descriptor_file)
    assert code == 0, err
    code, _, err = run_cli("peer", "ping", fed.c.directory, fed.a.node_id, "--timeout", "3")
    assert code == 1
    assert "UNAVAILABLE" in err and "peering is mutual" in err


def test_forged_signature_is_refused_opaquely(fed: Federated, b_to_a: RawPeer) -> None:
    envelope = b_to_a.envelope()
    forged = replace(
        envelope, signature=bytes([envelope.signature[0] ^ 1]) + envelope.signature[1:]
    )
    error = _refused(b_to_a, forged)
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED
    assert error.details() == "message authentication failed"
    logged = fed.a.entries(message_id=envelope.header.message_id)
    assert [(e.direction, e.status, e.peer_id) for e in logged] == [
        ("in", "bad_signature", fed.b.node_id)
    ]
    assert logged[0].envelope_sha256 == envelope_hash(forged)
    assert logged[0].details["grpc_status"] == "UNAUTHENTICATED"


def test_tampered_ciphertext_is_refused(fed: Federated, b_to_a: RawPeer) -> None:
    envelope = b_to_a.envelope()
    tampered = replace(envelope, ciphertext=envelope.ciphertext[:-1] + b"\x00")
    error = _refused(b_to_a, tampered)
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED
    assert error.details() == "message authentication failed"


def test_wrong_recipient_is_refused(fed: Federated, b_to_a: RawPeer) -> None:
    envelope = b_to_a.envelope(recipient=fed.c.node_id)
    error = _refused(b_to_a, envelope)
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED
    assert fed.c.node_id in error.details() and fed.a.node_id in error.details()
    assert fed.a.entries(message_id=envelope.header.message_id)[0].status == "wrong_recipient"


def test_stale_timestamp_is_refused_with_a_precise_message(fed: Federated, b_to_a: RawPeer) -> None:
    old = now_ms() - 10 * 60 * 1000
    envelope = b_to_a.envelope(timestamp_ms=old)
    error = _refused(b_to_a, envelope)
    assert error.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "behind this node's clock" in error.details() and "NTP" in error.details()
    assert fed.a.entries(message_id=envelope.header.message_id)[0].status == "stale_timestamp"


def test_client_clock_skew_through_the_real_client(fed: Federated, tmp_path: Path) -> None:
    """B's identity with a scratch database: the real client, a clock 10 minutes ahead."""
    engine = make_engine(f"sqlite:///{tmp_path}/scratch.db")
    migrate.upgrade(engine)
    sessions = session_factory(engine)
    a_descriptor = parse_descriptor(fed.a.descriptor_file.read_text())
    with sessions() as session, session.begin():
        session.add(
            Peer(
                node_id=fed.a.node_id,
                name="Kiel",
                descriptor=a_descriptor.to_json(),
                tls_cert_sha256=a_descriptor.tls_cert_sha256,
                added_at=datetime.now(UTC),
            )
        )
    federation = Federation(sessions, fed.b.identity, builtin_model_id)
    client = FederationClient(federation)
    try:
        assert client.handshake(fed.a.node_id).receipt["status"] == "accepted"  # cert fetched
        with pytest.raises(FederationCallError) as caught:
            client.handshake(fed.a.node_id, now_ms=now_ms() + 10 * 60 * 1000)
        assert caught.value.status == "FAILED_PRECONDITION"
        assert "ahead of this node's clock" in caught.value.message
        statuses = [e.status for e in federation.log.entries()]
        assert statuses == ["receipted", "accepted", "failed_precondition"]
        assert federation.log.verify_chain().ok
    finally:
        federation.close()
        engine.dispose()


def test_oversize_envelope_is_ours_to_refuse_and_log(fed: Federated, b_to_a: RawPeer) -> None:
    payload = os.urandom(5 * 1024 * 1024)  # above the 4 MiB envelope, below the 8 MiB transport
    envelope = b_to_a.envelope(payload, max_size=6 * 1024 * 1024)
    error = _refused(b_to_a, envelope)
    assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert "exceeds the limit of 4194304 bytes" in error.details()
    refusals = [e for e in fed.a.entries(status="too_large") if e.peer_id == fed.b.node_id]
    assert refusals and refusals[-1].details["grpc_status"] == "RESOURCE_EXHAUSTED"


def test_malformed_and_unknown_sender_are_refused(fed: Federated, b_to_a: RawPeer) -> None:
    error = _refused(b_to_a, pb.Envelope(header=b"{}", enc=b"x", ciphertext=b"y", signature=b"z"))
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    envelope = b_to_a.envelope(signer=fed.c.identity)  # signed by C, sent over B's connection
    error = _refused(b_to_a, envelope)
    assert error.code() == grpc.StatusCode.UNAUTHENTICATED
    assert error.details() == "the sender is not a peer of this node"
    assert fed.a.entries(message_id=envelope.header.message_id)[0].status == "unknown_sender"


def test_repeated_message_is_answered_idempotently(fed: Federated, b_to_a: RawPeer) -> None:
    envelope = b_to_a.envelope()
    first = b_to_a.open_reply(b_to_a.send(envelope))
    second = b_to_a.open_reply(b_to_a.send(envelope))
    assert first.receipt.SerializeToString(deterministic=True) == second.receipt.SerializeToString(
        deterministic=True
    )
    assert first.receipt.envelope_sha256 == envelope_hash(envelope)
    logged = fed.a.entries(message_id=envelope.header.message_id)
    assert [e.status for e in logged] == ["accepted", "duplicate"]
    assert logged[1].details["original_log_index"] == first.receipt.log_index
    assert logged[0].seq == first.receipt.log_index
    assert logged[0].entry_hash == first.receipt.log_entry_hash
    # the same message id with a fresh seal (an outbox retry) gets the same receipt too
    retry = b_to_a.envelope(message_id=envelope.header.message_id)
    third = b_to_a.open_reply(b_to_a.send(retry))
    assert third.receipt == first.receipt


def test_removed_peer_is_refused_on_an_open_connection(fed: Federated, b_to_a: RawPeer) -> None:
    a, b = fed.a, fed.b
    b_to_a.open_reply(b_to_a.send(b_to_a.envelope()))  # the connection is open and works
    code, out, err = run_cli("peer", "remove", a.directory, b.node_id)
    assert code == 0, err
    try:
        error = _refused(b_to_a, b_to_a.envelope())
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED
        assert "does not peer with" in error.details()
        with pytest.raises(grpc.RpcError) as caught:
            health_pb2_grpc.HealthStub(b_to_a.channel).Check(
                health_pb2.HealthCheckRequest(), timeout=5
            )
        assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
        fresh = RawPeer(b, a)  # a new connection fails the TLS handshake
        try:
            assert _refused(fresh, fresh.envelope()).code() == grpc.StatusCode.UNAVAILABLE
        finally:
            fresh.close()
        assert a.entries(msg_type="peer.remove")[-1].peer_id == b.node_id
        assert any(e.status == "not_a_peer" and e.peer_id == b.node_id for e in a.entries())
        code, out, _ = run_cli("peer", "list", a.directory, "--json")
        assert {p["node_id"]: p["status"] for p in json.loads(out)}[b.node_id] == "removed"
        assert run_cli("peer", "remove", a.directory, b.node_id)[0] == 2  # already removed
    finally:
        code, out, err = run_cli("peer", "add", a.directory, b.descriptor_file)
        assert code == 0, err
    fresh = RawPeer(b, a)
    try:
        fresh.open_reply(fresh.send(fresh.envelope()))
    finally:
        fresh.close()


# -- peer add: bad input ---------------------------------------------------------------


def test_peer_add_refuses_bad_input(fed: Federated, tmp_path: Path) -> None:
    a, b = fed.a, fed.b
    bad = tmp_path / "bad.json"

    def add(text: str | None = None) -> tuple[int, str]:
        if text is not None:
            bad.write_text(text)
        code, _, err = run_cli("peer", "add", a.directory, bad)
        return code, err

    code, err = add('{"node_id": ')
    assert code == 2 and "not valid JSON" in err
    descriptor = json.loads(b.descriptor_file.read_text())
    code, err = add(json.dumps({**descriptor, "name": "Flensburg (forged)"}))
    assert code == 2 and "signature does not verify" in err
    code, err = add(json.dumps({**descriptor, "extra": 1}))
    assert code == 2 and "unknown field 'extra'" in err
    code, err = add(a.descriptor_file.read_text())
    assert code == 2 and "own descriptor" in err
    code, err = add(b.descriptor_file.read_text())
    assert code == 2 and "already a peer" in err
    bad.unlink()
    code, err = add()
    assert code == 2 and "does not exist" in err
    # a newer descriptor of the same node replaces the old one; an older one is refused
    now = datetime.now(UTC)
    current = parse_descriptor(b.descriptor_file.read_text())
    newer = build_descriptor(
        b.identity, "Flensburg", "01001", b.endpoint, now, sequence=current.sequence + 1
    )
    code, err = add(json.dumps(newer.to_json()))
    assert code == 0, err
    code, err = add(b.descriptor_file.read_text())
    assert code == 2 and "newer descriptor" in err


def test_peer_add_checks_the_certificate_against_the_pin(fed: Federated, tmp_path: Path) -> None:
    a, b, c = fed.a, fed.b, fed.c
    now = datetime.now(UTC)
    # C's signed descriptor, but its endpoint is B's server: the certificate found there
    # is B's, not the one C pinned -> refused, nothing stored
    lying = build_descriptor(c.identity, "Fremd", "DE-BY", b.endpoint, now, sequence=1)
    path = tmp_path / "lying.json"
    path.write_text(json.dumps(lying.to_json()))
    code, _, err = run_cli("peer", "add", a.directory, path)
    assert code == 1
    assert "pins" in err and c.node_id in err
    code, out, _ = run_cli("peer", "list", a.directory, "--json")
    assert c.node_id not in out
    # an unreachable endpoint is not an error: the certificate is fetched later
    offline = build_descriptor(
        c.identity, "Fremd", "DE-BY", f"127.0.0.1:{free_port()}", now, sequence=2
    )
    path.write_text(json.dumps(offline.to_json()))
    code, out, err = run_cli("peer", "add", a.directory, path)
    assert code == 0 and "not fetched yet" in out + err
    code, out, _ = run_cli("peer", "list", a.directory, "--json")
    assert {p["node_id"]: p["status"] for p in json.loads(out)}[c.node_id] == "pending"
    assert run_cli("peer", "remove", a.directory, c.node_id)[0] == 0


# -- doctor -------------------------------------------------------------------------------


def test_doctor_reports_a_healthy_serving_node(fed: Federated) -> None:
    code, out, err = run_cli("doctor", fed.a.directory)
    assert code == 0, out + err
    for name in (
        "keys",
        "certificate",
        "database",
        "listener",
        "clock",
        "versions",
        "exchange log",
        "peer Flensburg",
    ):
        assert any(line.startswith("OK") and name in line for line in out.splitlines()), name
    assert "FAIL" not in out


def test_doctor_says_what_to_fix(fed: Federated) -> None:
    c = fed.c  # not serving; its only peer (A) does not trust it
    key = next((c.directory / "keys").glob("signing-1*"))
    code, out, err = run_cli("doctor", c.directory, "--json")
    assert code == 1, out + err
    checks = {item["check"]: item for item in json.loads(out)}
    assert checks["listener"]["level"] == "OK" and "free" in checks["listener"]["message"]
    peer_check = checks[f"peer Kiel ({fed.a.node_id})"]
    assert peer_check["level"] == "FAIL" and "UNAVAILABLE" in peer_check["message"]
    assert "mutual" in peer_check["fix"]
    os.chmod(key, 0o644)
    try:
        code, out, _ = run_cli("doctor", c.directory)
        assert code == 1
        assert "FAIL  keys" in out and "chmod 600" in out
    finally:
        os.chmod(key, 0o600)


def test_exchange_logs_verify_after_every_refusal(fed: Federated) -> None:
    for node in (fed.a, fed.b):
        report = node.log().verify_chain()
        assert report.ok, report.problem
        engine = make_engine(f"sqlite:///{node.directory}/node.db")
        with session_factory(engine)() as session:
            statuses = set(session.scalars(select(ExchangeLogEntry.status)))
        assert "accepted" in statuses
        engine.dispose()
    assert {
        "bad_signature",
        "wrong_recipient",
        "stale_timestamp",
        "too_large",
        "unknown_sender",
        "duplicate",
    } <= {e.status for e in fed.a.entries()}
    # our own structured log has the detail the peer was not told, and stays pure JSON
    lines = (fed.a.directory.parent / "Kiel.log").read_text().splitlines()
    events = [json.loads(line) for line in lines]  # every line is JSON (no gRPC core noise)
    refused = [e for e in events if e["event"] == "federation message refused"]
    forged = next(e for e in refused if e["reason"] == "bad_signature")
    assert forged["grpc_status"] == "UNAUTHENTICATED" and "Ed25519" in forged["detail"]
    assert forged["peer_id"] == fed.b.node_id


def test_certificate_of_a_peer_added_while_offline_is_fetched_later(
    fed: Federated, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A trusts D before D serves; once D serves and calls, A pins D's certificate itself."""
    a = fed.a
    d = init_node(tmp_path_factory.mktemp("late"), "Husum", "01054")
    code, out, err = run_cli("peer", "add", a.directory, d.descriptor_file)
    assert code == 0 and "not fetched yet" in out + err
    serve(d)
    try:
        wait_serving(d)
        assert run_cli("peer", "add", d.directory, a.descriptor_file)[0] == 0
        deadline, result = time.monotonic() + 20, (1, "", "")
        while time.monotonic() < deadline:
            result = run_cli("peer", "ping", d.directory, a.node_id, "--timeout", "2")
            if result[0] == 0:
                break
            time.sleep(0.5)
        assert result[0] == 0, result[2]
        code, out, _ = run_cli("peer", "list", a.directory, "--json")
        assert {p["node_id"]: p["status"] for p in json.loads(out)}[d.node_id] == "active"
        started = time.monotonic()
        assert d.proc is not None
        d.proc.send_signal(signal.SIGTERM)
        assert d.proc.wait(timeout=20) == 0
        assert time.monotonic() - started < 10
    finally:
        if d.proc is not None and d.proc.poll() is None:
            d.proc.kill()
            d.proc.wait()
        run_cli("peer", "remove", a.directory, d.node_id)
