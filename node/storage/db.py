"""Opening the node database: SQLite (embedded default) or PostgreSQL.

SQLite runs in WAL mode with foreign keys, ``secure_delete`` (freed pages are
zeroed, so deleted ciphertext does not linger) and ``synchronous=FULL`` (an
acknowledged candidate survives a crash or power cut).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.node.errors import DatabaseUnavailable


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "foreign_keys=ON",
        "secure_delete=ON",
        "synchronous=FULL",
        "busy_timeout=10000",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine and prove the database answers (exit 1 with advice if not)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseUnavailable(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}",
            "check database.url in talentverbund.toml, that the server runs and accepts "
            "this user, and that the database exists",
        ) from exc
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def checkpoint(engine: Engine) -> None:
    """Fold the SQLite WAL back into the main file and truncate it (after erasure)."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
