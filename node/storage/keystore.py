"""Per-candidate keys, kept apart from the database they protect.

Each candidate has a data key (seals their personal data and files) and a
pseudonym key (keyed commitments in the exchange log). Both live here, in
``DIR/keys/datakeys.db`` (mode 0600), wrapped under the node's storage master
key ``DIR/keys/storage.key``. The main database, and every backup of it,
therefore holds only ciphertext. Erasing a candidate deletes their row here;
``secure_delete`` zeroes the freed bytes and a WAL checkpoint truncates the
log, so no copy of the key survives on the node (crypto-shredding).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from talentverbund.crypto import atrest
from talentverbund.crypto.keyfiles import read_private_file

KEYSTORE_NAME = "datakeys.db"
MASTER_KEY_NAME = "storage.key"
CACHE_SIZE = 50_000


@dataclass(frozen=True)
class CandidateKeys:
    """The two keys of one candidate, unwrapped (held in memory only)."""

    version: int
    data_key: bytes
    pseudonym_key: bytes


class KeyStore:
    """A small SQLite file of wrapped keys; one row per candidate."""

    def __init__(self, keys_dir: Path) -> None:
        self.path = keys_dir / KEYSTORE_NAME
        self._master = atrest.load_or_create_master_key(keys_dir / MASTER_KEY_NAME)
        fresh = not self.path.exists()
        if fresh:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
        else:
            read_private_file(self.path)  # refuses a key store others can read
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        # Unwrapped keys of recently used candidates: a serving node answering a query
        # derives a pseudonym and a log commitment per result. Dropped on destroy.
        self._cache: dict[str, CandidateKeys] = {}
        self._lock = threading.Lock()
        for pragma in ("journal_mode=WAL", "secure_delete=ON", "synchronous=FULL"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS candidate_keys ("
            " candidate_id TEXT PRIMARY KEY, version INTEGER NOT NULL,"
            " data_key BLOB NOT NULL, pseudonym_key BLOB NOT NULL)"
        )

    def close(self) -> None:
        self._db.close()

    def _aad(self, candidate_id: str, kind: str) -> bytes:
        return f"talentverbund/keystore/{kind}/{candidate_id}".encode()

    def create_many(self, candidate_ids: list[str]) -> dict[str, CandidateKeys]:
        """New keys for new candidates, stored durably before any data is sealed."""
        created: dict[str, CandidateKeys] = {}
        rows = []
        for cid in candidate_ids:
            keys = CandidateKeys(1, atrest.new_data_key(), atrest.new_data_key())
            created[cid] = keys
            rows.append(
                (
                    cid,
                    keys.version,
                    atrest.wrap_key(self._master, keys.data_key, self._aad(cid, "data")),
                    atrest.wrap_key(self._master, keys.pseudonym_key, self._aad(cid, "pseudonym")),
                )
            )
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT INTO candidate_keys VALUES (?, ?, ?, ?)", rows)
        return created

    def get(self, candidate_id: str) -> CandidateKeys | None:
        with self._lock:
            cached = self._cache.get(candidate_id)
        if cached is not None:
            return cached
        keys = self._read(candidate_id)
        if keys is not None:
            with self._lock:
                if len(self._cache) >= CACHE_SIZE:
                    self._cache.clear()
                self._cache[candidate_id] = keys
        return keys

    def _read(self, candidate_id: str) -> CandidateKeys | None:
        row = self._db.execute(
            "SELECT version, data_key, pseudonym_key FROM candidate_keys WHERE candidate_id = ?",
            (candidate_id,),
        ).fetchone()
        if row is None:
            return None
        return CandidateKeys(
            row[0],
            atrest.unwrap_key(self._master, row[1], self._aad(candidate_id, "data")),
            atrest.unwrap_key(self._master, row[2], self._aad(candidate_id, "pseudonym")),
        )

    def destroy(self, candidate_ids: list[str]) -> None:
        """Shred keys: delete, zero the freed pages, truncate the WAL."""
        with self._lock:
            for cid in candidate_ids:
                self._cache.pop(cid, None)
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "DELETE FROM candidate_keys WHERE candidate_id = ?", [(c,) for c in candidate_ids]
            )
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def candidate_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT candidate_id FROM candidate_keys")}
