"""Erasure that holds: a canary in an erased CV is found nowhere in the node directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CANARY = "CANARY-d41d8cd98f00b204"


def _scan(directory: Path, needle: bytes) -> list[str]:
    """Every file under the node directory (database, WAL, key store, sealed files)."""
    hits = []
    for path in directory.rglob("*"):
        if path.is_file() and not path.is_socket() and needle in path.read_bytes():
            hits.append(str(path.relative_to(directory)))
    return hits


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_canary_found_nowhere_after_erase(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cv = tmp_path / "cv.txt"
    cv.write_text(f"Max Mustermann\nmax@example.org\nGeheimnis: {CANARY}\nBauleitplanung\n")
    other = tmp_path / "other.txt"
    other.write_text("Erika Musterfrau\nVerwaltung\n")
    cid = json.loads(
        cli("candidate", "add", node_dir, "--cv", cv, "--consent", "local", "--json").out
    )["id"]
    keep = json.loads(
        cli("candidate", "add", node_dir, "--cv", other, "--consent", "local", "--json").out
    )["id"]
    assert CANARY in json.loads(cli("candidate", "show", node_dir, cid, "--json").out)["cv_text"]

    assert cli("candidate", "erase", node_dir, cid).code == 0

    assert _scan(node_dir, CANARY.encode()) == []
    assert _scan(node_dir, cid.encode()) in ([], ["node.db"])  # only the bare tombstone id
    # the other candidate is untouched and still readable
    assert "Erika" in json.loads(cli("candidate", "show", node_dir, keep, "--json").out)["cv_text"]
