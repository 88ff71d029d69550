"""Real nodes for integration tests: ``init`` through the CLI, ``serve`` as a subprocess."""

from __future__ import annotations

import contextlib
import io
import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.cli.main import main
from talentverbund.node.federation.exchange_log import ExchangeLog
from talentverbund.node.storage.db import make_engine, session_factory
from talentverbund.node.storage.models import ExchangeLogEntry
from tests.conftest import free_port

# -- nodes ------------------------------------------------------------------------------


@dataclass
class Node:
    name: str
    directory: Path
    port: int
    identity: NodeIdentity
    descriptor_file: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def node_id(self) -> str:
        return self.identity.node_id

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def log(self) -> ExchangeLog:
        engine = make_engine(f"sqlite:///{self.directory}/node.db")
        return ExchangeLog(session_factory(engine))

    def entries(self, **where: Any) -> list[ExchangeLogEntry]:
        entries = self.log().entries(limit=10_000)
        return [e for e in entries if all(getattr(e, k) == v for k, v in where.items())]


def run_cli(*args: object) -> tuple[int, str, str]:
    """The real command line, in-process (module-scoped fixtures cannot use capsys)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def init_node(base: Path, name: str, region: str) -> Node:
    directory, port = base / name.lower(), free_port()
    code, _, err = run_cli(
        "init", directory, "--name", name, "--region", region, "--listen", f"127.0.0.1:{port}"
    )
    assert code == 0, err
    code, out, err = run_cli("identity", directory)
    assert code == 0, err
    descriptor_file = base / f"{name.lower()}.json"
    descriptor_file.write_text(out)
    return Node(name, directory, port, NodeIdentity.load(directory / "keys"), descriptor_file)


def serve(node: Node) -> None:
    stderr = open(node.directory.parent / f"{node.name}.log", "wb")  # noqa: SIM115
    node.proc = subprocess.Popen(
        [sys.executable, "-m", "talentverbund.node.cli.main", "serve", str(node.directory)],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )
    stderr.close()


def stop_nodes(nodes: Iterable[Node]) -> None:
    """SIGTERM every node still running, then wait for each; kill one that hangs."""
    running = [n for n in nodes if n.proc is not None and n.proc.poll() is None]
    for node in running:
        assert node.proc is not None
        node.proc.send_signal(signal.SIGTERM)
    for node in running:
        assert node.proc is not None
        try:
            node.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            node.proc.kill()
            node.proc.wait()


def wait_serving(node: Node) -> None:
    logfile = node.directory.parent / f"{node.name}.log"
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        assert node.proc is not None
        if node.proc.poll() is not None:
            raise AssertionError(f"serve {node.name} exited: {logfile.read_text()}")
        for line in logfile.read_text(errors="replace").splitlines():
            if line.startswith("{") and json.loads(line).get("event") == "node serving":
                return
        time.sleep(0.1)
    raise AssertionError(f"serve {node.name} did not start")


@contextlib.contextmanager
def serving_pair(base: Path, handshakes: int = 3) -> Iterator[tuple[Node, Node]]:
    """Kiel and Flensburg serving, peered both ways, with a few handshakes logged."""
    a, b = init_node(base, "Kiel", "01002"), init_node(base, "Flensburg", "01001")
    for node in (a, b):
        serve(node)
    try:
        for node in (a, b):
            wait_serving(node)
        assert run_cli("peer", "add", a.directory, b.descriptor_file)[0] == 0
        assert run_cli("peer", "add", b.directory, a.descriptor_file)[0] == 0
        for _ in range(handshakes):
            assert run_cli("peer", "ping", a.directory, b.node_id)[0] == 0
            assert run_cli("peer", "ping", b.directory, a.node_id)[0] == 0
        yield a, b
    finally:
        stop_nodes((a, b))
