"""An opened node: configuration, database, key store and services, plus the lock.

Only one process may hold a node's state in memory: ``serve`` takes an
exclusive lock on ``DIR/node.lock``; a command working on the database
directly takes a shared lock, so ``serve`` cannot start under it, and a command
that cannot get the shared lock knows a node is serving and must go through
the admin socket instead.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.node.candidates import CandidateService, Clock, utcnow
from talentverbund.node.config import NodeConfig, load_config
from talentverbund.node.errors import NodeBusy
from talentverbund.node.storage import migrate
from talentverbund.node.storage.db import make_engine, session_factory
from talentverbund.node.storage.keystore import KeyStore

LOCK_NAME = "node.lock"


class NodeLock:
    """An advisory flock on ``DIR/node.lock``; released when closed or on exit."""

    def __init__(self, directory: Path) -> None:
        self._handle: IO[bytes] = open(directory / LOCK_NAME, "ab")  # noqa: SIM115

    def try_exclusive(self) -> bool:
        return self._try(fcntl.LOCK_EX)

    def try_shared(self) -> bool:
        return self._try(fcntl.LOCK_SH)

    def _try(self, mode: int) -> bool:
        try:
            fcntl.flock(self._handle.fileno(), mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def close(self) -> None:
        self._handle.close()


def serving(directory: Path) -> bool:
    """True if a ``serve`` process holds this node (probe without keeping a lock)."""
    probe = NodeLock(directory)
    try:
        return not probe.try_shared()
    finally:
        probe.close()


@dataclass
class NodeRuntime:
    """Everything a command needs to act on a node."""

    config: NodeConfig
    engine: Engine
    sessions: sessionmaker[Session]
    keystore: KeyStore
    candidates: CandidateService
    lock: NodeLock | None = field(default=None)

    def close(self) -> None:
        self.keystore.close()
        self.engine.dispose()
        if self.lock is not None:
            self.lock.close()


def open_runtime(
    directory: Path,
    *,
    exclusive: bool = False,
    require_schema: bool = True,
    clock: Clock = utcnow,
) -> NodeRuntime:
    """Open a node for direct work; ``exclusive`` is for ``serve`` and ``migrate``."""
    config = load_config(directory)
    lock = NodeLock(config.directory)
    if not (lock.try_exclusive() if exclusive else lock.try_shared()):
        lock.close()
        raise NodeBusy(
            f"another process holds the node {config.directory}",
            "stop 'talentverbund serve' (or wait for the running command) and retry",
        )
    try:
        engine = make_engine(config.resolved_database_url())
        if require_schema:
            migrate.require_current(engine)
        keystore = KeyStore(config.keys_dir)
    except BaseException:
        lock.close()
        raise
    sessions = session_factory(engine)
    service = CandidateService(config, sessions, keystore, clock)
    return NodeRuntime(config, engine, sessions, keystore, service, lock)


def ensure_private_dir(path: Path) -> None:
    """Node directories hold personal data: only the node's user may enter."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
