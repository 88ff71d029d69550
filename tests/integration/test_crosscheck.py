"""Cross-checking exchange logs between two serving nodes over the CrossCheck RPC."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from talentverbund.node.admin import AdminClient
from talentverbund.node.federation.crosscheck import compare
from talentverbund.protocol.v1 import federation_pb2 as pb
from tests.nodes import Node, run_cli, serving_pair


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Node, Node]]:
    with serving_pair(tmp_path_factory.mktemp("crosscheck")) as nodes:
        yield nodes


def _window() -> list[str]:
    today = datetime.now(UTC).date()
    return ["--from", str(today - timedelta(days=1)), "--to", str(today)]


def _check(node: Node, peer: Node) -> dict[str, Any]:
    now = datetime.now(UTC)
    params = {
        "peer_id": peer.node_id,
        "from": (now - timedelta(hours=1)).isoformat(),
        "to": (now + timedelta(minutes=1)).isoformat(),
    }
    result: dict[str, Any] = AdminClient(node.directory / "admin.sock").call(
        "audit.crosscheck", params
    )
    return result


def test_logs_of_two_honest_nodes_agree(pair: tuple[Node, Node]) -> None:
    a, b = pair
    report = _check(a, b)
    assert report["ok"], report
    assert report["ours"] >= 6 and report["theirs"] >= 6  # three handshakes each way, two legs
    assert not report["peer_lacks"] and not report["we_lack"] and not report["receipt_mismatch"]
    code, out, _ = run_cli("audit", "cross-check", a.directory, b.node_id, *_window())
    assert code == 0 and "logs agree" in out


def test_a_dropped_exchange_is_found(pair: tuple[Node, Node]) -> None:
    a, b = pair
    with sqlite3.connect(b.directory / "node.db") as db:  # B "forgets" one handshake from A
        seq, envelope = db.execute(
            "SELECT seq, envelope_sha256 FROM exchange_log WHERE peer_id = ? AND direction = 'in'"
            " AND msg_type = 'handshake' AND status = 'accepted' ORDER BY seq LIMIT 1",
            (a.node_id,),
        ).fetchone()
        db.execute("DELETE FROM exchange_log WHERE seq = ?", (seq,))
    report = _check(a, b)
    assert not report["ok"]
    assert [e["envelope_sha256"] for e in report["peer_lacks"]] == [envelope]
    code, out, err = run_cli("audit", "cross-check", a.directory, b.node_id, *_window())
    assert code == 1 and "has no record of" in out and "differ" in err
    reverse = _check(b, a)  # seen from B: A has an exchange B lacks
    assert envelope in [e["envelope_sha256"] for e in reverse["we_lack"]]


def test_compare_finds_rewritten_direction() -> None:
    now = datetime.now(UTC)
    ms = int(now.timestamp() * 1000)
    ours = [pb.LogSummary(direction="out", msg_type="search", envelope_sha256="aa", status="receipted",
                          logged_at_ms=ms)]  # fmt: skip
    theirs = [pb.LogSummary(direction="out", msg_type="search", envelope_sha256="aa",
                            status="sent", logged_at_ms=ms)]  # fmt: skip
    report = compare(ours, theirs, now - timedelta(minutes=1), now + timedelta(minutes=1))
    assert not report["ok"] and report["mismatched"][0]["envelope_sha256"] == "aa"
