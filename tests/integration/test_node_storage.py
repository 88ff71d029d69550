"""One storage suite, run against SQLite and PostgreSQL: init, register, consent, export, erase."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from sqlalchemy import create_engine, text

from talentverbund.node.config import load_config

CV = """Erika Beispiel
Musterweg 5, 24103 Kiel
Telefon 0431 123456, erika@example.org

Berufserfahrung: Verwaltungsfachangestellte bei der Stadt Kiel (2015-2024)
Kenntnisse: Haushaltsrecht, Bürgerservice, MS Office
"""


def _write_cv(tmp_path: Path, content: str = CV, name: str = "lebenslauf.txt") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def _engine(node_dir: Path):  # type: ignore[no-untyped-def]
    return create_engine(load_config(node_dir).resolved_database_url())


def test_init_creates_private_node(node_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    assert stat.S_IMODE(node_dir.stat().st_mode) == 0o700
    keys = node_dir / "keys"
    for key in keys.iterdir():
        if key.suffix in (".pem", ".key", ".db"):
            assert stat.S_IMODE(key.stat().st_mode) == 0o600, key.name
    assert (node_dir / "talentverbund.toml").is_file()
    again = cli("migrate", node_dir)
    assert again.code == 0 and "already at revision" in again.out


def test_identity_prints_signed_descriptor(node_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("identity", node_dir)
    assert result.code == 0, result.err
    descriptor = json.loads(result.out)
    assert descriptor["name"] == "Kiel" and descriptor["node_id"].startswith("tv1")
    assert descriptor["signature"]["alg"] == "Ed25519"


def test_register_list_show_export_import(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cv = _write_cv(tmp_path)
    added = cli("candidate", "add", node_dir, "--cv", cv, "--consent", "local", "--json")
    assert added.code == 0, added.err
    cid = json.loads(added.out)["id"]

    listed = cli("candidate", "list", node_dir, "--json")
    rows = [json.loads(line) for line in listed.out.splitlines()]
    assert [r["id"] for r in rows] == [cid]
    assert rows[0]["consents"] == ["local"]
    assert "Erika" not in listed.out  # listing carries no personal data

    shown = json.loads(cli("candidate", "show", node_dir, cid, "--json").out)
    assert "Erika Beispiel" in shown["cv_text"]
    assert shown["consents"][0]["notice_text"].startswith("Datenschutzhinweis")

    export_file = tmp_path / "export.json"
    assert cli("candidate", "export", node_dir, cid, "-o", export_file).code == 0
    document = json.loads(export_file.read_text())
    assert document["format"] == "talentverbund.candidate-export/v1"
    assert document["original"]["filename"] == "lebenslauf.txt"

    imported = cli(
        "candidate", "import", node_dir, export_file, "--consent", "federation", "--json"
    )
    assert imported.code == 0, imported.err
    new_id = json.loads(imported.out)["id"]
    moved = json.loads(cli("candidate", "show", node_dir, new_id, "--json").out)
    assert moved["cv_text"] == shown["cv_text"]
    assert [c["purpose"] for c in moved["consents"]] == ["federation"]


def test_personal_data_is_encrypted_at_rest(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    canary = "CANARY-7f3e9b1c"
    cv = _write_cv(tmp_path, CV + f"\nKennwort {canary}\n")
    cid = json.loads(
        cli("candidate", "add", node_dir, "--cv", cv, "--consent", "local", "--json").out
    )["id"]
    with _engine(node_dir).connect() as conn:
        sealed = conn.execute(
            text("SELECT sealed FROM candidate_secrets WHERE candidate_id = :c"), {"c": cid}
        ).scalar_one()
        tables = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                    if conn.dialect.name == "sqlite"
                    else "SELECT tablename FROM pg_tables WHERE schemaname='public'"
                )
            )
        ]
        for table in tables:
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                assert canary not in repr(row), table
    assert canary.encode() not in bytes(sealed)

    assert cli("candidate", "erase", node_dir, cid).code == 0
    with _engine(node_dir).connect() as conn:
        for table in ("candidates", "candidate_secrets", "candidate_files", "consents"):
            column = "id" if table == "candidates" else "candidate_id"
            count = conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE {column} = :c"), {"c": cid}
            ).scalar_one()
            assert count == 0, table
    gone = cli("candidate", "show", node_dir, cid)
    assert gone.code == 2 and "was erased" in gone.err


def test_consent_per_purpose(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    cv = _write_cv(tmp_path)
    cid = json.loads(
        cli(
            "candidate",
            "add",
            node_dir,
            "--cv",
            cv,
            "--consent",
            "local",
            "--consent",
            "federation",
            "--json",
        ).out
    )["id"]
    assert cli("candidate", "consent", node_dir, cid, "withdraw", "federation").code == 0
    row = json.loads(cli("candidate", "list", node_dir, "--json").out)
    assert row["consents"] == ["local"]
    shown = json.loads(cli("candidate", "show", node_dir, cid, "--json").out)
    states = {(c["purpose"], c["state"]) for c in shown["consents"]}
    assert states == {("local", "valid"), ("federation", "withdrawn")}
    assert cli("candidate", "consent", node_dir, cid, "grant", "federation").code == 0
    row = json.loads(cli("candidate", "list", node_dir, "--json").out)
    assert row["consents"] == ["federation", "local"]


def test_unmigrated_database_is_refused(node_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    with _engine(node_dir).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'old'"))
    result = cli("candidate", "list", node_dir)
    assert result.code == 1
    assert "talentverbund migrate" in result.err
