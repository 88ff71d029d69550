"""A crash between telling peers about an erasure and deleting the rows is finished later."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from talentverbund.node.runtime import open_runtime
from talentverbund.node.storage.models import Candidate, Erasure


def test_tombstone_without_erased_rows_is_finished(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cv = tmp_path / "cv.txt"
    cv.write_text("Verwaltungsfachangestellte\nBürgerberatung, Aktenführung, Haushaltsrecht\n")
    out = cli("candidate", "add", node_dir, "--cv", cv, "--consent", "local", "--json").out
    cid = json.loads(out)["id"]
    runtime = open_runtime(node_dir)
    try:
        with runtime.sessions.begin() as session:  # what erase_everywhere commits first
            session.add(Erasure(candidate_id=cid, erased_at=datetime.now(UTC), reason="request"))
        assert runtime.candidates.finish_interrupted_erasures() == 1
        with runtime.sessions() as session:
            assert session.get(Candidate, cid) is None
            assert session.get(Erasure, cid) is not None
        assert runtime.keystore.get(cid) is None
    finally:
        runtime.close()
