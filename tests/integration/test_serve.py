"""``serve`` as a real process: mTLS health and reflection, admin socket, clean SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from talentverbund.crypto.identity import NodeIdentity

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _serve(node_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "talentverbund.node.cli.main", "serve", str(node_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_listening(proc: subprocess.Popen[str]) -> int:
    assert proc.stderr is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            raise AssertionError(f"serve exited early: {proc.wait()}")
        event = json.loads(line)
        if event["event"] == "node serving":
            return int(event["listen"].rsplit(":", 1)[1])
    raise AssertionError("serve did not start in time")


@pytest.fixture
def served(node_dir: Path) -> Iterator[tuple[Path, int, subprocess.Popen[str]]]:
    proc = _serve(node_dir)
    try:
        port = _wait_listening(proc)
        yield node_dir, port, proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _channel(node_dir: Path, port: int) -> grpc.Channel:
    identity = NodeIdentity.load(node_dir / "keys")
    creds = grpc.ssl_channel_credentials(
        root_certificates=identity.tls_cert_pem,
        private_key=identity.tls_key_pem,
        certificate_chain=identity.tls_cert_pem,
    )
    return grpc.secure_channel(
        f"127.0.0.1:{port}",
        creds,
        options=[("grpc.ssl_target_name_override", f"{identity.node_id}.node.talentverbund")],
    )


def test_health_and_reflection_over_mtls(served) -> None:  # type: ignore[no-untyped-def]
    node_dir, port, _ = served
    with _channel(node_dir, port) as channel:
        reply = health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(), timeout=10
        )
        assert reply.status == health_pb2.HealthCheckResponse.SERVING
        stub = reflection_pb2_grpc.ServerReflectionStub(channel)
        answers = stub.ServerReflectionInfo(
            iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=10
        )
        names = {s.name for a in answers for s in a.list_services_response.service}
        assert "grpc.health.v1.Health" in names


def test_client_without_certificate_is_refused(served) -> None:  # type: ignore[no-untyped-def]
    node_dir, port, _ = served
    identity = NodeIdentity.load(node_dir / "keys")
    creds = grpc.ssl_channel_credentials(root_certificates=identity.tls_cert_pem)
    options = [("grpc.ssl_target_name_override", f"{identity.node_id}.node.talentverbund")]
    with (
        grpc.secure_channel(f"127.0.0.1:{port}", creds, options=options) as channel,
        pytest.raises(grpc.RpcError) as caught,
    ):
        health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5)
    assert caught.value.code() == grpc.StatusCode.UNAVAILABLE


def test_erase_while_serving_goes_through_the_node(served, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    node_dir, _, proc = served
    assert (node_dir / "admin.sock").exists()
    assert oct((node_dir / "admin.sock").stat().st_mode & 0o777) == "0o600"
    cv = tmp_path / "cv.txt"
    cv.write_text("Jana Beispiel\nSachbearbeitung Bürgerbüro\n")
    cid = json.loads(
        cli("candidate", "add", node_dir, "--cv", cv, "--consent", "local", "--json").out
    )["id"]
    assert cid in cli("candidate", "list", node_dir, "--json").out
    assert cli("candidate", "erase", node_dir, cid).code == 0
    assert cid not in cli("candidate", "list", node_dir, "--json").out
    assert cli("candidate", "show", node_dir, cid).code == 2
    # while serving, nobody else may open the node for exclusive work
    busy = cli("migrate", node_dir)
    assert busy.code == 1 and "another process holds the node" in busy.err
    assert proc.poll() is None


def test_sigterm_stops_cleanly(served) -> None:  # type: ignore[no-untyped-def]
    node_dir, _, proc = served
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=20) == 0
    assert not (node_dir / "admin.sock").exists()


def test_refuses_keys_readable_by_others(node_dir: Path) -> None:
    key = next((node_dir / "keys").glob("signing-1*"))
    os.chmod(key, 0o644)
    proc = _serve(node_dir)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert "chmod 600" in err
