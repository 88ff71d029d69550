"""An opened node: configuration, database, key store and services, plus the lock.

Only one process may hold a node's state in memory: ``serve`` takes an
exclusive lock on ``DIR/node.lock``; a command working on the database
directly takes a shared lock, so ``serve`` cannot start under it, and a command
that cannot get the shared lock knows a node is serving and must go through
the admin socket instead.
"""

from __future__ import annotations

import fcntl
import functools
import os
import threading
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING

from sqlalchemy.engine import Engine

from talentverbund.matching.encoder import model_id as encoder_model_id
from talentverbund.matching.taxonomy import load_builtin
from talentverbund.node.candidates import CandidateService, Clock, utcnow
from talentverbund.node.config import NodeConfig, load_config
from talentverbund.node.errors import NodeBusy
from talentverbund.node.matcher import Matcher
from talentverbund.node.pool import CandidatePool
from talentverbund.node.storage import migrate
from talentverbund.node.storage.db import make_engine, session_factory
from talentverbund.node.storage.keystore import KeyStore
from talentverbund.node.storage.labels import imported_labels

if TYPE_CHECKING:
    from talentverbund.node.federation.core import Federation

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


class NodeRuntime:
    """Everything a command needs to act on a node.

    The matcher and the candidate pool are loaded on first use: listing
    candidates needs neither, and ``serve`` warms both at start.
    """

    def __init__(
        self,
        config: NodeConfig,
        engine: Engine,
        keystore: KeyStore,
        lock: NodeLock | None,
        clock: Clock = utcnow,
    ) -> None:
        self.config = config
        self.engine = engine
        self.sessions = session_factory(engine)
        self.keystore = keystore
        self.lock = lock
        self.clock = clock
        self._matcher: Matcher | None = None
        self._pool: CandidatePool | None = None
        self._loading = threading.RLock()  # serve loads lazily from several threads
        self._federation: Federation | None = None
        self.candidates = CandidateService(config, self.sessions, keystore, self.matcher, clock)

    def matcher(self) -> Matcher:
        with self._loading:
            if self._matcher is None:
                self._matcher = Matcher.load(imported_labels(self.sessions))
            return self._matcher

    def pool(self) -> CandidatePool:
        with self._loading:
            if self._pool is None:
                matcher = self.matcher()
                self._pool = CandidatePool.load(
                    self.sessions, matcher.model_id, matcher.encoder.dim
                )
            return self._pool

    def pool_changed(self, ids: list[str]) -> None:
        """Keep a loaded pool current after candidates were added or changed."""
        if self._pool is not None:
            self._pool.refresh(self.sessions, ids)

    def pool_removed(self, ids: list[str]) -> None:
        if self._pool is not None:
            self._pool.remove(ids)

    def reload_pool(self) -> None:
        self._pool = None

    def labels_changed(self) -> None:
        """Imported labels change extraction, not vectors: rebuild the matcher lazily."""
        self._matcher = None

    def model_id(self) -> str:
        """The encoder model id, without loading the matcher when it is not loaded yet."""
        if self._matcher is not None:
            return self._matcher.model_id
        return builtin_model_id()

    def federation(self) -> Federation:
        """Peers, exchange log, channels: built on first use (loads the node identity)."""
        with self._loading:
            if self._federation is None:
                from talentverbund.crypto.identity import NodeIdentity
                from talentverbund.node.federation.core import Federation

                self._federation = Federation(
                    self.sessions,
                    NodeIdentity.load(self.config.keys_dir),
                    self.model_id,
                    self.clock,
                    self.config.audit.mirror_path(self.config.directory),
                    self.config.privacy.legal_basis,
                )
            return self._federation

    def close(self) -> None:
        if self._federation is not None:
            self._federation.close()
        self.keystore.close()
        self.engine.dispose()
        if self.lock is not None:
            self.lock.close()


@functools.cache
def builtin_model_id() -> str:
    """The model id of the built-in encoder and taxonomy (what handshakes compare)."""
    data = resources.files("talentverbund.matching.data").joinpath("encoder.onnx")
    return encoder_model_id(data.read_bytes(), load_builtin())


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
    return NodeRuntime(config, engine, keystore, lock, clock)


def ensure_private_dir(path: Path) -> None:
    """Node directories hold personal data: only the node's user may enter."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
