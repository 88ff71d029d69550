"""Art. 15/20 export: the exchanges that involved the candidate, found by keyed commitments."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.federation.exchange_log import LogRecord
from talentverbund.node.runtime import NodeRuntime, open_runtime
from talentverbund.node.storage.models import Introduction
from tests.conftest import free_port

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

CV = "Sachbearbeitung Haushaltsrecht, Kommunalverwaltung, Vergaberecht, Buchhaltung"
EMAIL = "ana.beispiel@example.org"
TITLE = "Sachbearbeitung Haushalt (m/w/d)"


def _add(cli: Any, node_dir: Path, tmp_path: Path, name: str) -> str:
    cv = tmp_path / f"{name}.txt"
    cv.write_text(f"{name}\n{CV}", encoding="utf-8")
    result = cli(
        "candidate", "add", node_dir, "--cv", cv, "--consent", "federation", "--email", EMAIL
    )
    assert result.code == 0, result.err
    return str(result.out.split("registered candidate ")[1].split()[0])


def _peer(cli: Any, node_dir: Path, tmp_path: Path) -> str:
    peer_dir = tmp_path / "flensburg"
    result = cli(
        "init",
        peer_dir,
        "--name",
        "Flensburg",
        "--region",
        "01001",
        "--listen",
        f"127.0.0.1:{free_port()}",
    )
    assert result.code == 0, result.err
    descriptor = tmp_path / "flensburg.json"
    descriptor.write_text(cli("identity", peer_dir).out)
    assert cli("peer", "add", node_dir, descriptor).code == 0
    return NodeIdentity.load(peer_dir / "keys").node_id


def _results(rt: NodeRuntime, peer: str, query_id: str, subjects: list[str], reply_to: str) -> None:
    """What the Search pipeline logs for its reply (answering.SearchHandler)."""
    rt.federation().log.append(
        LogRecord(
            direction="out",
            peer_id=peer,
            msg_type="search.results",
            message_id=secrets.token_hex(16),
            purpose="recruitment",
            status="sent",
            details={
                "in_reply_to": reply_to,
                "query_id": query_id,
                "results": len(subjects),
                "from_cache": False,
                "subjects": subjects,
            },
        )
    )


def _introduction(rt: NodeRuntime, peer: str, cid: str, intro_id: str, query_id: str) -> None:
    """An introduction for ``cid``: the table row and its log entries (request, decision,
    answer), as IntroduceHandler, respond() and the outbox write them."""
    now = rt.clock()
    with rt.sessions.begin() as session:
        session.add(
            Introduction(
                id=intro_id,
                side="holder",
                peer_id=peer,
                pseudonym="p" + intro_id,
                result_id=None,
                candidate_id=cid,
                job={"title": TITLE},
                message="Hallo",
                status="accepted",
                requested_at=now,
                respond_by=now + timedelta(days=14),
                decided_at=now,
            )
        )
    log = rt.federation().log
    log.append(
        LogRecord(
            direction="in",
            peer_id=peer,
            msg_type="introduction.request",
            message_id=secrets.token_hex(16),
            status="accepted",
            details={"rpc": "Introduce", "intro_id": intro_id, "query_id": query_id},
        )
    )
    _decision(rt, peer, cid, intro_id)
    log.append(
        LogRecord(
            direction="out",
            peer_id=peer,
            msg_type="notice",
            message_id=secrets.token_hex(16),
            status="ok",
            details={"rpc": "Notify", "intro_id": intro_id, "outcome": "accepted"},
        )
    )


def _decision(rt: NodeRuntime, peer: str, cid: str, intro_id: str) -> None:
    rt.federation().log.append(
        LogRecord(
            direction="local",
            actor="candidate",
            msg_type="introduction.decision",
            purpose="recruitment",
            status="recorded",
            peer_id=peer,
            details={
                "intro_id": intro_id,
                "subject": rt.candidates.pseudonym(cid, f"log/{intro_id}"),
            },
        )
    )


def _export(cli: Any, node_dir: Path, cid: str) -> dict[str, Any]:
    result = cli("candidate", "export", node_dir, cid)
    assert result.code == 0, result.err
    document: dict[str, Any] = json.loads(result.out)
    return document


def test_export_lists_only_the_candidates_exchanges_and_erasure_unlinks(
    cli: Any, node_dir: Path, tmp_path: Path
) -> None:
    peer = _peer(cli, node_dir, tmp_path)
    ana, ben = _add(cli, node_dir, tmp_path, "Ana"), _add(cli, node_dir, tmp_path, "Ben")
    both, only_ben, wrong_ctx = (secrets.token_hex(16) for _ in range(3))
    rt = open_runtime(node_dir)
    try:
        c = rt.candidates.pseudonym
        _results(rt, peer, "q1", [c(ben, f"log/{both}"), c(ana, f"log/{both}")], both)
        _results(rt, peer, "q2", [c(ben, f"log/{only_ben}")], only_ben)
        # Ana's commitment, but for another message: must not count as this reply
        _results(rt, peer, "q3", [c(ana, f"log/{only_ben}")], wrong_ctx)
        _introduction(rt, peer, ana, "iAna0001", "q1")
        _decision(rt, peer, ben, "iBen0001")  # no table row: found by commitment alone
    finally:
        rt.close()

    exported = _export(cli, node_dir, ana)
    got = [(e["what"], e["query_id"], e["introduction_id"]) for e in exported["exchanges"]]
    assert got == [
        ("search result given", "q1", "iAna0001"),
        ("introduction requested", "q1", "iAna0001"),
        ("introduction decision recorded", None, "iAna0001"),
        ("introduction answer sent", None, "iAna0001"),
    ]
    for item in exported["exchanges"]:
        assert item["peer_id"] == peer and item["peer_name"] == "Flensburg"
        assert item["job_title"] == TITLE and item["introduction_requested"] is True
        assert item["introduction_status"] == "accepted" and isinstance(item["log_seq"], int)
    assert exported["exchanges"][3]["outcome"] == "accepted"

    ben_exchanges = _export(cli, node_dir, ben)["exchanges"]
    assert [(e["what"], e["query_id"], e["introduction_id"]) for e in ben_exchanges] == [
        ("search result given", "q1", None),
        ("search result given", "q2", None),
        ("introduction decision recorded", None, "iBen0001"),
    ]
    assert ben_exchanges[0]["job_title"] is None
    assert ben_exchanges[0]["introduction_requested"] is False

    # the export stays importable by another node: "exchanges" is ignored there
    document = tmp_path / "ana-export.json"
    document.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    imported = cli("candidate", "import", tmp_path / "flensburg", document, "--consent", "local")
    assert imported.code == 0, imported.err

    # erasure shreds Ana's key: the same person registering again is linked to nothing
    assert cli("candidate", "erase", node_dir, ana).code == 0
    assert cli("candidate", "export", node_dir, ana).code != 0
    again = _add(cli, node_dir, tmp_path, "Ana")
    assert _export(cli, node_dir, again)["exchanges"] == []
    assert len(_export(cli, node_dir, ben)["exchanges"]) == 3
