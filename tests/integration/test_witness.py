"""Witnessing: peers cosign each other's checkpoints over the Witness RPC."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest

from talentverbund.crypto.checkpoint import open_checkpoint
from talentverbund.crypto.envelope import OpenedMessage
from talentverbund.crypto.merkle import ProofTree, leaf_hash
from talentverbund.node.audit import log_origin, sign_checkpoint
from talentverbund.node.federation.errors import Rejection
from talentverbund.node.federation.witness import (
    EVIDENCE_DIR,
    WitnessHandler,
    _cosigner_key,
)
from talentverbund.node.runtime import open_runtime
from talentverbund.protocol.v1 import federation_pb2 as pb
from tests.nodes import Node, init_node, run_cli, serving_pair


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Node, Node]]:
    with serving_pair(tmp_path_factory.mktemp("witness")) as nodes:
        yield nodes


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("export") / "a-cosigned.txt"


def _witness(node: Node, *peers: Node) -> tuple[int, dict[str, Any], str]:
    code, out, err = run_cli(
        "audit", "witness", node.directory, *(p.node_id for p in peers), "--json"
    )
    return code, json.loads(out), err


def _held_by(witness: Node, asker: Node) -> list[tuple[int, str, str]]:
    with sqlite3.connect(witness.directory / "node.db") as db:
        rows = db.execute(
            "SELECT tree_size, root_hash, note FROM log_checkpoints WHERE peer_id = ?"
            " ORDER BY tree_size",
            (asker.node_id,),
        ).fetchall()
    return [(int(s), r, n) for s, r, n in rows]


def test_first_witness_cosigns(pair: tuple[Node, Node]) -> None:
    a, b = pair
    code, result, err = _witness(a, b)
    assert code == 0, err
    (item,) = result["results"]
    assert item["ok"] and item["old_size"] == 0 and item["last_size"] == 0
    assert item["tree_size"] > 6
    held = _held_by(b, a)
    assert [size for size, _, _ in held] == [item["tree_size"]]
    # B's stored note carries its cosignature, which verifies with B's key
    key = _cosigner_key(b.node_id, b.identity.signing_public_key)
    assert open_checkpoint(held[0][2], [key]).cosignatures


def test_second_witness_proves_consistency(pair: tuple[Node, Node]) -> None:
    a, b = pair
    first = _held_by(b, a)[-1][0]
    for _ in range(2):
        assert run_cli("peer", "ping", a.directory, b.node_id)[0] == 0
    code, out, err = run_cli("audit", "witness", a.directory)  # all active peers
    assert code == 0, err
    assert "cosigned size" in out and f"after size {first}" in out
    sizes = [size for size, _, _ in _held_by(b, a)]
    assert sizes[0] == first and sizes[-1] > first and len(sizes) == 2
    # B witnesses A as well: witnessing works both ways
    code, result, err = _witness(b, a)
    assert code == 0 and result["results"][0]["ok"], err


def test_verify_against_cosigned_checkpoints(pair: tuple[Node, Node], exported: Path) -> None:
    a, b = pair
    code, _, err = run_cli("audit", "checkpoints", a.directory, "--cosigned", "-o", exported)
    assert code == 0, err
    assert exported.read_text().count(log_origin(a.node_id)) >= 2 * 2  # origin + key name
    code, out, err = run_cli("audit", "verify", a.directory, "--against", exported, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["ok"]
    against = [c for c in report["checkpoints"] if c["checkpoint"].startswith("against")]
    assert len(against) == 2 and all(b.node_id in c["cosigned_by"] for c in against)


def test_fork_is_refused(pair: tuple[Node, Node]) -> None:
    a, b = pair
    # B "remembers" another history of A at the size it last cosigned: A's honest next
    # checkpoint is then inconsistent with it, as a forked checkpoint would be.
    size, root, _ = _held_by(b, a)[-1]
    with sqlite3.connect(b.directory / "node.db") as db:
        db.execute(
            "UPDATE log_checkpoints SET root_hash = ? WHERE peer_id = ? AND tree_size = ?",
            ("ab" * 32, a.node_id, size),
        )
    assert run_cli("peer", "ping", a.directory, b.node_id)[0] == 0
    code, result, _ = _witness(a, b)
    assert code == 1
    (item,) = result["results"]
    assert not item["ok"] and item["status"] == "INVALID_ARGUMENT"
    assert "inconsistent_checkpoint" in item["error"]
    assert [e for e in b.entries(peer_id=a.node_id, status="inconsistent_checkpoint")]
    evidence = list((b.directory / EVIDENCE_DIR).glob(f"{a.node_id}-{size}-*.json"))
    assert evidence and json.loads(evidence[0].read_text())["peer_id"] == a.node_id
    with sqlite3.connect(b.directory / "node.db") as db:  # restore B's memory
        db.execute(
            "UPDATE log_checkpoints SET root_hash = ? WHERE peer_id = ? AND tree_size = ?",
            (root, a.node_id, size),
        )


def test_tampered_log_fails_against_cosigned(pair: tuple[Node, Node], exported: Path) -> None:
    a, _ = pair
    assert exported.exists()
    with sqlite3.connect(a.directory / "node.db") as db:
        db.execute("DELETE FROM exchange_log WHERE seq = 3")
    code, out, _ = run_cli("audit", "verify", a.directory, "--against", exported, "--json")
    assert code == 1
    report = json.loads(out)
    assert not report["ok"] and report["first_bad_seq"] == 3


# -- the handler alone: honest growth, staleness, forks ---------------------------------------


def _leaves(count: int, tag: bytes = b"") -> list[bytes]:
    return [leaf_hash(tag + b"entry %d" % i) for i in range(count)]


def _opened(sender: str, request: pb.WitnessRequest) -> OpenedMessage:
    header = SimpleNamespace(sender=sender)
    payload = request.SerializeToString(deterministic=True)
    return cast(OpenedMessage, SimpleNamespace(header=header, payload=payload))


def test_handler_checks_consistency(tmp_path: Path) -> None:
    a, b = init_node(tmp_path, "Kiel", "01002"), init_node(tmp_path, "Flensburg", "01001")
    assert run_cli("peer", "add", b.directory, a.descriptor_file)[0] == 0
    rt = open_runtime(b.directory)
    try:
        handler = WitnessHandler(rt)
        log = rt.federation().log

        def ask(size: int, old: int, leaves: list[bytes], proof: list[bytes]) -> Any:
            note = sign_checkpoint(a.identity, size, ProofTree(leaves).root(size))
            request = pb.WitnessRequest(checkpoint=note, old_size=old, consistency_proof=proof)
            opened = _opened(a.node_id, request)
            parsed = handler.parse(opened)
            with log.transaction() as tx:
                return handler.act(parsed, opened, tx, 0)

        honest = ProofTree(_leaves(13))
        assert ask(5, 0, _leaves(5), []).last_size == 0  # first sight: trusted
        state = ask(13, 5, _leaves(13), honest.consistency_proof(5, 13))
        assert state.last_size == 5 and state.cosignature.startswith("— ")
        with pytest.raises(Rejection) as stale:
            ask(14, 5, _leaves(14), ProofTree(_leaves(14)).consistency_proof(5, 14))
        assert stale.value.reason == "witness_stale" and "size 13" in stale.value.public
        fork = _leaves(13)[:10] + _leaves(10, b"fork")  # same first 10, other history
        with pytest.raises(Rejection) as forked:
            ask(20, 13, fork, ProofTree(fork).consistency_proof(13, 20))
        assert forked.value.reason == "inconsistent_checkpoint"
        with pytest.raises(Rejection) as smaller:
            ask(8, 13, _leaves(8), [])
        assert smaller.value.reason == "inconsistent_checkpoint"
        assert len(list((b.directory / EVIDENCE_DIR).iterdir())) == 2
        # a note signed by another key, or of another origin, is refused before acting
        forged = sign_checkpoint(b.identity, 20, ProofTree(_leaves(20)).root())
        request = pb.WitnessRequest(checkpoint=forged, old_size=13)
        with pytest.raises(Rejection) as bad:
            handler.parse(_opened(a.node_id, request))
        assert bad.value.reason == "bad_checkpoint"
        grown = ProofTree(_leaves(21))
        assert ask(21, 13, _leaves(21), grown.consistency_proof(13, 21)).last_size == 13
    finally:
        rt.close()
