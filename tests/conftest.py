"""Shared fixtures: a fresh PostgreSQL database per test, nodes made by the real CLI."""

from __future__ import annotations

import secrets
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import Engine

from talentverbund.node.cli.main import main
from talentverbund.node.storage import migrate
from talentverbund.node.storage.db import make_engine

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=5"


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run the real command line in-process; returns exit code and output."""

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database on the local server, dropped afterwards."""
    name = "tv_test_" + secrets.token_hex(6)
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True)
    except psycopg.OperationalError as exc:  # CI starts the server; locally: start it
        pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is not reachable: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """Run a test against both backends (one shared storage suite)."""
    if request.param == "sqlite":
        return "sqlite:///node.db"
    return str(request.getfixturevalue("pg_database"))


@pytest.fixture
def engine(database_url: str, tmp_path: Path) -> Iterator[Engine]:
    """A migrated database on either backend, without a node around it (log-level tests)."""
    url = f"sqlite:///{tmp_path}/log.db" if database_url.startswith("sqlite") else database_url
    eng = make_engine(url)
    migrate.upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def node_dir(tmp_path: Path, database_url: str, cli) -> Path:  # type: ignore[no-untyped-def]
    directory = tmp_path / "kiel"
    result = cli(
        "init",
        directory,
        "--name",
        "Kiel",
        "--region",
        "01002",
        "--listen",
        f"127.0.0.1:{free_port()}",
        "--database",
        database_url,
    )
    assert result.code == 0, result.err
    return directory
