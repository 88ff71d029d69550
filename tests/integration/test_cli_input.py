"""Bad input: one clear message, the right exit code, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

GOOD = {
    "personal": {"name": "Ana Test"},
    "cv_text": "Sachbearbeitung, Haushaltsrecht",
    "desired_regions": ["DE-SH"],
    "employment_types": ["full_time"],
}


def _count(cli, node_dir: Path) -> int:  # type: ignore[no-untyped-def]
    return len(cli("candidate", "list", node_dir, "--json").out.splitlines())


def test_init_into_existing_directory_is_refused(node_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    before = sorted(p.name for p in node_dir.iterdir())
    result = cli("init", node_dir, "--name", "Again")
    assert result.code == 2 and "already exists" in result.err
    assert sorted(p.name for p in node_dir.iterdir()) == before


def test_error_naming_a_long_path_is_one_unbroken_line(tmp_path: Path, cli, node_dir: Path) -> None:  # type: ignore[no-untyped-def]
    deep = tmp_path / ("a-rather-long-directory-name-" * 4) / "kiel"
    deep.mkdir(parents=True)
    (deep / "notes.txt").write_text("not a node")
    result = cli("init", deep, "--name", "Kiel")
    assert result.code == 2
    assert f"error: {deep} already exists and is not empty" in result.err.splitlines()


def test_init_with_bad_region_writes_nothing(tmp_path: Path, cli, node_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("init", tmp_path / "x", "--name", "X", "--region", "Kiel")
    assert result.code == 2 and "node.region" in result.err
    assert not (tmp_path / "x").exists()


def test_init_with_unreachable_database_leaves_nothing(tmp_path: Path, cli, node_dir: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "y"
    result = cli(
        "init",
        target,
        "--name",
        "Y",
        "--database",
        "postgresql+psycopg://postgres@127.0.0.1:1/none",
    )
    assert result.code == 1 and "cannot open the database" in result.err
    assert not target.exists()


def test_unknown_consent_purpose(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cv = tmp_path / "cv.txt"
    cv.write_text("Verwaltung")
    result = cli("candidate", "add", node_dir, "--cv", cv, "--consent", "marketing")
    assert result.code == 2 and "marketing" in result.err
    assert _count(cli, node_dir) == 0


def test_add_without_consent(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cv = tmp_path / "cv.txt"
    cv.write_text("Verwaltung")
    result = cli("candidate", "add", node_dir, "--cv", cv)
    assert result.code == 2 and "--consent" in result.err


def test_empty_cv(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cv = tmp_path / "empty.txt"
    cv.write_text("")
    result = cli("candidate", "add", node_dir, "--cv", cv, "--consent", "local")
    assert result.code == 2 and "empty.txt" in result.err
    assert _count(cli, node_dir) == 0


def test_bulk_import_skips_bad_records_and_keeps_good(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    lines = [
        json.dumps(GOOD),
        "[1, 2]",
        "{not json",
        json.dumps({**GOOD, "consent": ["ads"]}),
        json.dumps(GOOD),
    ]
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text("\n".join(lines) + "\n")
    notzip = tmp_path / "export.zip"
    notzip.write_bytes(b"PK\x05\x06" + b"\0" * 18)
    result = cli("candidate", "import", node_dir, bulk, notzip, "--consent", "local", "--json")
    assert result.code == 3, result.err
    events = [json.loads(line) for line in result.out.splitlines()]
    stored = [e for e in events if e["status"] == "stored"]
    skipped = [e["where"] for e in events if e["status"] == "skipped"]
    assert len(stored) == 2
    assert skipped == ["bulk.jsonl:2", "bulk.jsonl:3", "bulk.jsonl:4", "export.zip"] or all(
        any(w.endswith(s) for w in skipped)
        for s in ("bulk.jsonl:2", "bulk.jsonl:3", "bulk.jsonl:4", "export.zip")
    )
    assert _count(cli, node_dir) == 2
    assert "Ana Test" not in result.out + result.err  # reports carry no personal data


def test_bulk_import_with_only_bad_records(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    bulk = tmp_path / "bad.jsonl"
    bulk.write_text('"just a string"\n')
    result = cli("candidate", "import", node_dir, bulk, "--consent", "local")
    assert result.code == 2
    assert "bad.jsonl:1" in result.err


def test_unknown_candidate(node_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("candidate", "show", node_dir, "c0000000000000000")
    assert result.code == 2 and "does not exist" in result.err


def test_not_a_node_directory(tmp_path: Path, cli, node_dir: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("candidate", "list", tmp_path)
    assert result.code == 2 and "talentverbund init" in result.err
