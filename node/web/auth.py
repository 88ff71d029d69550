"""Access to the web interface: one token per node, sessions held in memory.

The token lives in ``DIR/web.token`` (mode 0600, created on the first ``serve``);
whoever can read the node directory can log in. A login exchanges the token for a
random session id (an HttpOnly, SameSite=Strict cookie) and a CSRF token bound to
that session, which every state-changing request must carry. Sessions end on
logout, after a period without use, and with the process.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from talentverbund.node.errors import NodeError

TOKEN_FILE = "web.token"  # noqa: S105 (a file name, not a secret)
IDLE_SECONDS = 8 * 3600  # a working day without use ends a session
MAX_SESSIONS = 64


def load_or_create_token(directory: Path) -> tuple[Path, str, bool]:
    """The node's web token: (its file, the token, whether it was created now)."""
    path = directory / TOKEN_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        os.chmod(path, 0o600)
        token = path.read_text(encoding="utf-8").strip()
        if len(token) < 16:
            raise NodeError(
                f"{path} holds no usable token (at least 16 characters)",
                f"delete {path}; the next 'serve' creates a new one",
            ) from None
        return path, token, False
    token = secrets.token_urlsafe(32)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    return path, token, True


def same(given: str, expected: str) -> bool:
    """Constant-time comparison of two secrets."""
    return hmac.compare_digest(given.encode(), expected.encode())


@dataclass
class Session:
    sid: str
    csrf: str
    last_seen: float = field(default_factory=time.monotonic)


class Sessions:
    """Logged-in browsers, by session id; nothing is written to disk."""

    def __init__(self, idle: float = IDLE_SECONDS, cap: int = MAX_SESSIONS) -> None:
        self._idle = idle
        self._cap = cap
        self._by_id: dict[str, Session] = {}
        self._lock = threading.Lock()

    def create(self) -> Session:
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32))
        with self._lock:
            self._expire()
            if len(self._by_id) >= self._cap:  # the least recently used one goes
                oldest = min(self._by_id.values(), key=lambda s: s.last_seen)
                del self._by_id[oldest.sid]
            self._by_id[session.sid] = session
        return session

    def get(self, sid: str | None) -> Session | None:
        if not sid:
            return None
        with self._lock:
            self._expire()
            session = self._by_id.get(sid)
            if session is not None:
                session.last_seen = time.monotonic()
            return session

    def drop(self, sid: str) -> None:
        with self._lock:
            self._by_id.pop(sid, None)

    def _expire(self) -> None:
        cutoff = time.monotonic() - self._idle
        for sid in [s.sid for s in self._by_id.values() if s.last_seen < cutoff]:
            del self._by_id[sid]
