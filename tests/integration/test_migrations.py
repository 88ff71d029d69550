"""Upgrades keep data: migrate a populated 0001 database to head on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from talentverbund.node.errors import NotMigrated
from talentverbund.node.storage import migrate


@pytest.fixture
def engine(database_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path}/m.db" if database_url.startswith("sqlite") else database_url
    eng = create_engine(url)
    yield eng
    eng.dispose()


def test_upgrade_from_first_revision_keeps_rows(engine) -> None:  # type: ignore[no-untyped-def]
    command.upgrade(migrate.alembic_config(engine), "0001")
    with pytest.raises(NotMigrated, match="talentverbund migrate"):
        migrate.require_current(engine)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO candidates (id, created_at, updated_at, source, lang, desired_regions,"
            " employment_types, career_breaks, qualifications, licences, flags) VALUES"
            " ('c1', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'text', 'de', '[]', '[]',"
            " '[]', '[]', '[]', '[]')"))
        conn.execute(text(
            "INSERT INTO jobs (id, created_at, title, posting) VALUES"
            " ('j1', '2026-01-01 00:00:00', 'Sachbearbeitung', :p)"), {"p": json.dumps({"a": 1})})
    before, after = migrate.upgrade(engine)
    assert (before, after) == ("0001", migrate.head_revision())
    migrate.require_current(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id FROM candidates")).scalar_one() == "c1"
        facts, skills = conn.execute(text("SELECT facts, skills FROM jobs")).one()
    assert json.loads(facts) == {} if isinstance(facts, str) else facts == {}
    assert json.loads(skills) == [] if isinstance(skills, str) else skills == []
