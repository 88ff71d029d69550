"""The exchange log's file mirror: every entry again, in append-only files outside the database.

Why
===

The hash chain and the signed checkpoints show *that* the database's log was
changed, not what it said before. A second copy that whoever can write to the
database cannot rewrite -- files marked ``chattr +a``, a write-once or remote
mount -- keeps that, and comparing the two locates a cut tail, a deleted row or
a rewritten stretch.

Format
======

``MIRROR_DIR/epoch-from-<first seq, 12 digits>.log``, one file per log epoch
(mode 0600, in a 0700 directory). A file ends with the entry that closes its
epoch (:func:`~.exchange_log.closes_epoch`); the next entry starts a new file.
Each line is::

    <entry_hash: 64 lowercase hex> <entry_bytes: the canonical JSON the hash covers>\\n

so every line can be checked on its own (SHA-256 of ``HASH_DOMAIN || JSON`` is
the hash) and against the line before it (``prev_hash``). Canonical JSON escapes
control characters, so an entry never contains a raw line break.

Writing
=======

After each commit, under an exclusive ``flock`` on ``MIRROR_DIR/.lock`` (CLI
commands and ``serve`` may append at the same time): find the mirror's last
entry from the last line of its newest file, copy from the database whatever
lies between that and the new entries (after a crash or a failed write, or for
a mirror enabled on a node that already has a log), append the new lines with
``O_APPEND`` and ``fdatasync``. A failure is logged and never raised: the
database entry stays committed and the next write, ``serve`` at start or
``talentverbund audit mirror-sync DIR`` catches up. A write cut short (crash,
full disk) leaves an incomplete last line; the next write ends it with a line
break and writes the entry again, and :meth:`LogMirror.verify` notes it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.node.errors import NodeError, UsageError
from talentverbund.node.federation.exchange_log import (
    HASH_DOMAIN,
    Written,
    closes_epoch,
    entry_bytes,
)
from talentverbund.node.storage.models import ExchangeLogEntry

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

log = logging.getLogger("talentverbund.audit")

FILE_PREFIX = "epoch-from-"
FILE_SUFFIX = ".log"
LOCK_NAME = ".lock"
MAX_PROBLEMS = 100  # a wrecked mirror is reported by its first problems, not all of them
_FILE_NAME = re.compile(r"epoch-from-(\d{12,})\.log")
_HEX = frozenset(b"0123456789abcdef")
_CHANGED = "its bytes no longer match its hash"
_decode = json.JSONDecoder().decode  # json.loads costs a third more per line
_COPY_BATCH = 1000  # entries copied from the database per write and fdatasync
_DB_BATCH = 5000  # (seq, entry_hash) rows read per query while verifying
_TAIL_LINES = 64  # unreadable lines skipped at the end before the writer gives up
_WARN_EVERY = 60.0  # seconds between warnings while mirror writes keep failing
_TABLE: Table = ExchangeLogEntry.__table__  # type: ignore[assignment]


class MirrorError(NodeError):
    """The mirror cannot be written or read."""


def file_name(first_seq: int) -> str:
    """The name of the file whose first entry is ``first_seq``."""
    return f"{FILE_PREFIX}{first_seq:012d}{FILE_SUFFIX}"


def mirror_files(directory: Path) -> list[tuple[int, Path]]:
    """The mirror's files as (first seq by name, path), oldest first."""
    try:
        names = os.listdir(directory)
    except FileNotFoundError:
        return []
    files = []
    for name in names:
        match = _FILE_NAME.fullmatch(name)
        if match:
            files.append((int(match.group(1)), directory / name))
    return sorted(files, key=lambda item: (item[0], item[1].name))


# -- lines ----------------------------------------------------------------------------


class ParsedLine(NamedTuple):
    """One mirror line taken apart; ``error`` is empty when it is a sound entry.

    ``seq`` is None unless the line hashes right: a damaged line's own number
    cannot be trusted.
    """

    seq: int | None
    entry_hash: str
    prev_hash: str | None
    closes: bool
    error: str

    @property
    def usable(self) -> bool:
        return not self.error and self.seq is not None


def format_line(entry: Written) -> bytes:
    if b"\n" in entry.data:  # canonical JSON never holds one: a bug, not bad input
        raise ValueError(f"entry {entry.seq}: entry bytes contain a line break")
    return entry.entry_hash.encode("ascii") + b" " + entry.data + b"\n"


def parse_line(raw: bytes) -> ParsedLine:
    """Check a line (without its line end) on its own: form, hash, JSON, seq."""
    head, sep, data = raw.partition(b" ")
    if not sep or len(head) != 64:
        return ParsedLine(None, "", None, False, "it is not '<hash> <entry>'")
    if hashlib.sha256(HASH_DOMAIN + data).hexdigest().encode("ascii") != head:
        if not _HEX.issuperset(head):
            return ParsedLine(None, "", None, False, "it is not '<hash> <entry>'")
        return ParsedLine(None, head.decode("ascii"), None, False, _CHANGED)
    entry_hash = head.decode("ascii")
    try:
        fields = _decode(data.decode("utf-8"))
    except ValueError:  # also UnicodeDecodeError
        fields = None
    seq = fields.get("seq") if isinstance(fields, dict) else None
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        seq = None
    if not isinstance(fields, dict) or seq is None or not isinstance(fields.get("prev_hash"), str):
        return ParsedLine(seq, entry_hash, None, False, "it does not hold a log entry")
    closes = closes_epoch(
        str(fields.get("direction")), str(fields.get("msg_type")), str(fields.get("status"))
    )
    return ParsedLine(seq, entry_hash, fields["prev_hash"], closes, "")


def _lines_backward(fd: int, size: int, block: int = 8192) -> Iterator[bytes]:
    """The file's lines (without line ends), last first; a final line end yields b"" first."""
    pending, position = b"", size
    while position > 0:
        start = max(0, position - block)
        pending = os.pread(fd, position - start, start) + pending
        position = start
        parts = pending.split(b"\n")
        pending = parts[0]
        yield from reversed(parts[1:])
    yield pending


# -- writing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tail:
    """The mirror's last sound entry and the file it is in."""

    path: Path
    seq: int
    entry_hash: str
    closes: bool


class LogMirror:
    """The append-only file copy of one node's exchange log. Thread- and process-safe."""

    def __init__(self, directory: Path, sessions: sessionmaker[Session]) -> None:
        self.directory = directory
        self._sessions = sessions
        self._lock = threading.Lock()
        self._cache: tuple[tuple[str, int, int], _Tail] | None = None  # (name, inode, size)
        self._failing_since: float | None = None
        self._last_warning = 0.0

    # -- public ------------------------------------------------------------------------

    def after_commit(self, written: Sequence[Written]) -> None:
        """Mirror a committed transaction's entries; on failure log a warning, never raise."""
        try:
            self._sync(written)
        except Exception as exc:  # the database entry is committed: nothing to undo
            self._failed(exc)
        else:
            self._recovered()

    def catch_up(self) -> int:
        """Copy what the database has and the mirror lacks (``serve`` at start); never raises."""
        try:
            count = self._sync(())
        except Exception as exc:
            self._failed(exc)
            return 0
        self._recovered()
        if count:
            log.info("exchange log mirror caught up", extra={"entries": count})
        return count

    def sync(self) -> int:
        """Like :meth:`catch_up`, but raise :class:`MirrorError`; the number of entries written."""
        try:
            return self._sync(())
        except OSError as exc:
            raise MirrorError(
                f"cannot write the log mirror in {self.directory}: {exc.strerror or exc}",
                "check the directory's space and permissions (and an append-only attribute)",
            ) from None

    def last_seq(self) -> int | None:
        """Seq of the mirror's last sound entry, None for an empty mirror."""
        with self._lock:
            tail = self._tail(repair=False)
        return None if tail is None else tail.seq

    def delete_through(self, last_seq: int) -> list[Path]:
        """Delete the files whose entries all have ``seq <= last_seq`` (expired epochs).

        A file that cannot be deleted (``chattr +a``, read-only mount) is kept with a
        warning, and so is every file after it: the mirror never gets a hole.
        """
        deleted: list[Path] = []
        if not self.directory.is_dir():
            return deleted
        try:
            with self._lock, self._locked():
                self._delete_through(last_seq, deleted)
        except Exception as exc:  # the epochs are gone from the database already
            log.warning(
                "expired log mirror files not deleted",
                extra={"mirror_dir": str(self.directory), "error": _describe(exc)},
            )
        return deleted

    def _delete_through(self, last_seq: int, deleted: list[Path]) -> None:
        try:
            files = mirror_files(self.directory)
            for index, (first, path) in enumerate(files):
                if index + 1 < len(files):
                    file_last: int | None = files[index + 1][0] - 1
                else:
                    tail = self._file_tail(path)
                    file_last = None if tail is None else tail.seq
                if first > last_seq or file_last is None or file_last > last_seq:
                    break
                path.unlink()
                deleted.append(path)
        finally:
            if deleted:
                self._cache = None
                self._sync_dir()

    def verify(self, limit: int = MAX_PROBLEMS) -> MirrorReport:
        """Check every line, then compare the mirror with the database by seq.

        Streams both: the files line by line, the database in batches of
        (seq, entry_hash). Lines committed while this runs are read too; the
        mirror's end is re-read under its lock, so a write in progress is not
        taken for a cut tail.
        """
        return _Verifier(self, limit).run()

    # -- writing -------------------------------------------------------------------------

    def _sync(self, written: Sequence[Written]) -> int:
        with self._lock, self._locked():
            tail = self._tail(repair=True)
            count = 0
            upto = written[0].seq - 1 if written else None
            after = tail.seq if tail is not None else self._first_db_seq() - 1
            if upto is None or after < upto:
                tail, count = self._copy_from_db(tail, after, upto)
            if not written and tail is not None:
                self._check_ahead(tail)
            fresh = [w for w in written if tail is None or w.seq > tail.seq]
            if fresh:
                self._append(tail, fresh)
            return count + len(fresh)

    def _check_ahead(self, tail: _Tail) -> None:
        """Warn when the mirror goes past the database's end: new entries would not be
        mirrored until the log passes it (a database restored from a backup, or cut)."""
        with self._sessions() as session:
            head = session.scalar(select(func.max(_TABLE.c.seq))) or 0
        if head < tail.seq:
            log.warning(
                "the log mirror holds entries the database does not: run 'audit verify'; "
                "after restoring a database backup, move the mirror directory aside",
                extra={"mirror_dir": str(self.directory), "seq": head + 1, "last_seq": tail.seq},
            )

    def _first_db_seq(self) -> int:
        with self._sessions() as session:
            first = session.scalar(select(func.min(_TABLE.c.seq)))
        return 1 if first is None else int(first)

    def _copy_from_db(
        self, tail: _Tail | None, after: int, upto: int | None
    ) -> tuple[_Tail | None, int]:
        """Append the database's entries ``after < seq <= upto`` in batches, oldest first."""
        count = 0
        while True:
            query = select(_TABLE).where(_TABLE.c.seq > after)
            if upto is not None:
                query = query.where(_TABLE.c.seq <= upto)
            with self._sessions() as session:  # Core rows: ORM objects cost twice the time
                rows = session.execute(query.order_by(_TABLE.c.seq).limit(_COPY_BATCH)).all()
            batch = [_written_from_row(row) for row in rows]
            if not batch:
                return tail, count
            tail = self._append(tail, batch)
            count += len(batch)
            after = batch[-1].seq

    def _append(self, tail: _Tail | None, entries: Sequence[Written]) -> _Tail:
        """Append entries in seq order, one file per epoch; fdatasync each file written."""
        groups: list[tuple[Path, bytearray]] = []
        for entry in entries:
            if (
                tail is not None
                and entry.seq == tail.seq + 1
                and entry.prev_hash != tail.entry_hash
            ):
                log.warning(
                    "the exchange log no longer continues its mirror: run 'audit verify'",
                    extra={"seq": entry.seq},
                )
            path = tail.path if tail is not None and not tail.closes else None
            if path is None:
                path = self.directory / file_name(entry.seq)
            if not groups or groups[-1][0] != path:
                groups.append((path, bytearray()))
            groups[-1][1].extend(format_line(entry))
            tail = _Tail(path, entry.seq, entry.entry_hash, entry.closes_epoch)
        for path, data in groups:
            self._write(path, bytes(data))
        assert tail is not None
        stat = os.stat(tail.path)
        self._cache = ((tail.path.name, stat.st_ino, stat.st_size), tail)
        return tail

    def _write(self, path: Path, data: bytes) -> None:
        created = not path.exists()
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            view = memoryview(data)
            while view:
                done = os.write(fd, view)
                if done <= 0:
                    raise OSError(f"no progress writing {path.name}")
                view = view[done:]
            os.fdatasync(fd)
        finally:
            os.close(fd)
        if created:
            self._sync_dir()

    def _sync_dir(self) -> None:
        """Make a created or deleted file's name durable, not only its contents."""
        fd = os.open(self.directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """The cross-process write lock: an exclusive flock on ``MIRROR_DIR/.lock``."""
        if not self.directory.is_dir():  # created by the first write (or catch-up)
            self.directory.mkdir(parents=True, mode=0o700)
            os.chmod(self.directory, 0o700)
        fd = os.open(self.directory / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    # -- the tail ----------------------------------------------------------------------------

    def _tail(self, *, repair: bool) -> _Tail | None:
        """The last sound entry, from the newest file that has one.

        ``repair``: end an incomplete last line (a write cut short) with a line
        break first, so the next line starts cleanly. The answer for an unchanged
        newest file (same inode and size) is cached.
        """
        newest = True
        for _, path in reversed(mirror_files(self.directory)):
            stat = os.stat(path)
            if stat.st_size == 0:
                continue
            key = (path.name, stat.st_ino, stat.st_size)
            if newest and self._cache is not None and self._cache[0] == key:
                return self._cache[1]
            if newest and repair and self._terminate(path, stat.st_size):
                stat = os.stat(path)
                key = (path.name, stat.st_ino, stat.st_size)
            tail = self._file_tail(path)
            if tail is not None:
                if newest:
                    self._cache = (key, tail)
                return tail
            newest = False
        return None

    def _terminate(self, path: Path, size: int) -> bool:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            if os.pread(fd, 1, size - 1) == b"\n":
                return False
        finally:
            os.close(fd)
        log.warning("log mirror: ending an incomplete last line", extra={"file": path.name})
        self._write(path, b"\n")
        return True

    @staticmethod
    def _file_tail(path: Path) -> _Tail | None:
        """The file's last sound line, skipping up to a few unreadable ones at its end."""
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            size = os.fstat(fd).st_size
            lines = _lines_backward(fd, size)
            if size and os.pread(fd, 1, size - 1) == b"\n":
                next(lines)  # the empty piece after the final line end
            for skipped, raw in enumerate(lines):
                parsed = parse_line(raw)
                if parsed.usable:
                    assert parsed.seq is not None
                    return _Tail(path, parsed.seq, parsed.entry_hash, parsed.closes)
                if skipped >= _TAIL_LINES:
                    raise MirrorError(
                        f"the last {_TAIL_LINES} lines of {path} are not log entries",
                        "run 'talentverbund audit verify DIR'; move the damaged file aside",
                    )
        finally:
            os.close(fd)
        return None

    # -- failures -----------------------------------------------------------------------

    def _failed(self, exc: Exception) -> None:
        now = time.monotonic()
        if self._failing_since is None or now - self._last_warning >= _WARN_EVERY:
            log.warning(
                "exchange log mirror not written; the next append or 'serve' catches up",
                extra={"mirror_dir": str(self.directory), "error": _describe(exc)},
            )
            self._last_warning = now
        if self._failing_since is None:
            self._failing_since = now

    def _recovered(self) -> None:
        if self._failing_since is not None:
            log.info("exchange log mirror written again", extra={"mirror_dir": str(self.directory)})
            self._failing_since = None


def _describe(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{type(exc).__name__}: {exc.strerror}"
    return f"{type(exc).__name__}: {exc}"


def _written_from_row(row: Row[Any]) -> Written:
    """An entry as the writer needs it, its bytes rebuilt from the stored columns."""
    data = entry_bytes(row.seq, row.logged_at, row, row.prev_hash)
    if hashlib.sha256(HASH_DOMAIN + data).hexdigest() != row.entry_hash:
        log.warning(
            "log entry does not match its hash; mirrored as stored: run 'audit verify'",
            extra={"seq": row.seq},
        )
    closes = closes_epoch(row.direction, row.msg_type, row.status)
    return Written(row.seq, row.entry_hash, row.prev_hash, data, closes)


# -- verification ------------------------------------------------------------------------


@dataclass(frozen=True)
class MirrorProblem:
    """One thing wrong with the mirror or between it and the database.

    ``kind``: modified, deleted, inserted, reordered, truncated (as for the
    database log), ``mirror_differs`` (same seq, different hash in the database
    and the mirror) or ``mirror_behind`` (the database has entries the mirror
    lacks at its end). ``seq``/``last_seq``: the entries concerned; ``file`` and
    ``line`` (1-based): where in the mirror.
    """

    kind: str
    message: str
    seq: int | None = None
    last_seq: int | None = None
    file: str | None = None
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "message": self.message,
            "seq": self.seq,
            "last_seq": self.last_seq,
            "file": self.file,
            "line": self.line,
        }


@dataclass(frozen=True)
class MirrorReport:
    """Result of :meth:`LogMirror.verify`; ``ok`` only when no problem was found."""

    directory: str
    files: int
    lines: int
    first_seq: int | None
    last_seq: int | None
    problems: tuple[MirrorProblem, ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first(self) -> MirrorProblem | None:
        """The problem at the earliest entry."""
        if not self.problems:
            return None
        return min(self.problems, key=lambda p: (p.seq is None, p.seq or 0))

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "directory": self.directory,
            "files": self.files,
            "lines": self.lines,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "problems": [p.to_json() for p in self.problems],
            "notes": list(self.notes),
        }


class _Line(NamedTuple):
    path: Path
    number: int
    raw: bytes  # without its line end
    terminated: bool

    @property
    def where(self) -> str:
        return f"line {self.number} of {self.path.name}"


class _Reader:
    """The mirror's lines in order; a second call continues where the first stopped."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.key: tuple[int, str] | None = None  # the file being read
        self.offset = 0
        self.number = 0
        self.files = 0
        self.lines = 0

    def read(self, *, final: bool) -> Iterator[_Line]:
        """``final`` False: stop before an incomplete last line (it may be being written)."""
        files = mirror_files(self.directory)
        if self.key is not None:
            files = [f for f in files if (f[0], f[1].name) >= self.key]
        for index, (first, path) in enumerate(files):
            if (first, path.name) != self.key:
                self.key, self.offset, self.number = (first, path.name), 0, 0
                self.files += 1
            last_file = index == len(files) - 1
            with open(path, "rb") as handle:
                handle.seek(self.offset)
                for raw in handle:
                    terminated = raw.endswith(b"\n")
                    if not terminated and not final and last_file:
                        return
                    self.offset += len(raw)
                    self.number += 1
                    self.lines += 1
                    yield _Line(path, self.number, raw[:-1] if terminated else raw, terminated)


class _Database:
    """The database's (seq, entry_hash) in seq order, read in batches as needed."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._rows: deque[tuple[int, str]] = deque()
        self._after = 0
        self.done = False
        self.matched = 0  # rows consumed by a line with the same seq

    def peek(self) -> tuple[int, str] | None:
        if not self._rows and not self.done:
            self._fetch()
        return self._rows[0] if self._rows else None

    def retry(self) -> tuple[int, str] | None:
        """Look again after the end: rows committed since the last read."""
        self.done = False
        return self.peek()

    def pop(self) -> tuple[int, str]:
        return self._rows.popleft()

    def lookup(self, seq: int) -> str | None:
        with self._sessions() as session:
            found = session.scalar(select(_TABLE.c.entry_hash).where(_TABLE.c.seq == seq))
        return None if found is None else str(found)

    def head(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.coalesce(func.max(_TABLE.c.seq), 0))) or 0)

    def remaining(self, upto: int) -> tuple[int, int] | None:
        """(first, last) seq of the rows not yet read with ``seq <= upto``."""
        pending = [seq for seq, _ in self._rows if seq <= upto]
        with self._sessions() as session:
            row = session.execute(
                select(func.min(_TABLE.c.seq), func.max(_TABLE.c.seq), func.count()).where(
                    _TABLE.c.seq > self._after, _TABLE.c.seq <= upto
                )
            ).one()
        count = len(pending) + int(row[2])
        if not count:
            return None
        first = pending[0] if pending else int(row[0])
        last = int(row[1]) if row[1] is not None else pending[-1]
        return first, last

    def _fetch(self) -> None:
        with self._sessions() as session:
            rows = session.execute(
                select(_TABLE.c.seq, _TABLE.c.entry_hash)
                .where(_TABLE.c.seq > self._after)
                .order_by(_TABLE.c.seq)
                .limit(_DB_BATCH)
            ).all()
        if not rows:
            self.done = True
            return
        self._rows.extend((int(seq), str(entry_hash)) for seq, entry_hash in rows)
        self._after = self._rows[-1][0]


@dataclass
class _Seen:
    """The last sound line in mirror order."""

    seq: int
    entry_hash: str
    closes: bool
    line: _Line


@dataclass
class _Run:
    """Consecutive entries with the same disagreement with the database."""

    kind: str  # differs | missing (in the mirror, not in the database)
    seq: int
    last_seq: int
    line: _Line
    closes: bool  # its last entry closes an epoch


class _Verifier:
    """One pass over the mirror: each line alone, in sequence, and against the database."""

    def __init__(self, mirror: LogMirror, limit: int) -> None:
        self.mirror = mirror
        self.reader = _Reader(mirror.directory)
        self.db = _Database(mirror._sessions)
        self.limit = limit
        self.problems: list[MirrorProblem] = []
        self.omitted = 0
        self.notes: list[str] = []
        self.prev: _Seen | None = None
        self.skipped = 0  # unreadable lines since ``prev``: each may have stood for an entry
        self.swapped: int | None = None  # the seq of the second line of a swapped pair
        self.compared = 0  # highest seq compared with the database
        self.in_order = 0  # lines compared in seq order
        self.unusable = 0  # lines that are not sound entries
        self.run_: _Run | None = None
        self.first_seq: int | None = None
        self.last_seq: int | None = None
        self.pending: _Line | None = None

    def run(self) -> MirrorReport:
        head = self.db.head()
        if not self.mirror.directory.is_dir():
            self.notes.append(f"the mirror directory {self.mirror.directory} does not exist")
        else:
            self._feed(self.reader.read(final=False))
            with ExitStack() as stack:
                # A write in progress finishes before the end is read again; a
                # read-only copy or mount is read unlocked.
                with suppress(OSError):
                    stack.enter_context(self.mirror._locked())
                self._feed(self.reader.read(final=True))
        if self.pending is not None:
            self._line(self.pending, None)
        self._close_run()
        self._behind(head)
        if self.omitted:
            self.notes.append(f"{self.omitted} more problems were found and not listed")
        return MirrorReport(
            str(self.mirror.directory),
            self.reader.files,
            self.reader.lines,
            self.first_seq,
            self.last_seq,
            tuple(self.problems),
            tuple(self.notes),
        )

    def _feed(self, lines: Iterator[_Line]) -> None:
        """Check each line once its successor is known (torn writes, swapped pairs)."""
        for line in lines:
            if self.pending is not None:
                self._line(self.pending, line)
            self.pending = line

    def _add(
        self,
        kind: str,
        message: str,
        seq: int | None,
        last_seq: int | None = None,
        line: _Line | None = None,
    ) -> None:
        if len(self.problems) >= self.limit:
            self.omitted += 1
            return
        where = (line.path.name, line.number) if line is not None else (None, None)
        self.problems.append(MirrorProblem(kind, message, seq, last_seq, *where))

    def _expected(self, line: _Line) -> int:
        if self.prev is not None:
            return self.prev.seq + 1 + self.skipped
        match = _FILE_NAME.fullmatch(line.path.name)
        return (int(match.group(1)) if match else 1) + line.number - 1

    # -- one line ------------------------------------------------------------------------

    def _line(self, line: _Line, following: _Line | None) -> None:
        parsed = parse_line(line.raw)
        if not line.terminated:
            seq = self._expected(line)
            self._add(
                "truncated",
                f"{line.path.name} ends inside {line.where} (entry {seq}): the last line is "
                "incomplete -- a write was interrupted (crash, full disk) or the file was cut",
                seq,
                line=line,
            )
        if not parsed.usable:
            self._unusable(line, parsed, following)
            return
        assert parsed.seq is not None
        self.first_seq = parsed.seq if self.first_seq is None else self.first_seq
        self.last_seq = max(self.last_seq or 0, parsed.seq)
        in_order = self._sequence(line, parsed, following)
        self._compare(line, parsed, in_order)

    def _unusable(self, line: _Line, parsed: ParsedLine, following: _Line | None) -> None:
        """A line that is not a sound entry; its seq (unreliable in it) is where it stands."""
        self.unusable += 1
        if not line.raw:
            self._add("inserted", f"{line.where} is empty", self._expected(line), line=line)
            return
        if (
            following is not None
            and line.terminated
            and following.raw.startswith(line.raw)
            and len(following.raw) > len(line.raw)
        ):
            self.notes.append(
                f"{line.where} is an incomplete copy of the line after it: a write was "
                "interrupted (crash or full disk) and repeated; nothing is missing"
            )
            return
        if line.terminated:
            seq = self._expected(line)
            self._add(
                "modified",
                f"{line.where} (entry {seq}) was changed: {parsed.error}",
                seq,
                line=line,
            )
        self.skipped += 1

    def _sequence(self, line: _Line, parsed: ParsedLine, following: _Line | None) -> bool:
        """Check seq order and the hash chain; False for a line out of order."""
        seq = parsed.seq
        assert seq is not None
        prev = self.prev
        if self.swapped == seq:
            self.swapped = None
            return False
        if prev is None:
            self._advance(line, parsed)
            return True
        low, high = prev.seq + 1, prev.seq + 1 + self.skipped
        if seq < low:
            self._backwards(line, seq, prev)
            return False
        if seq > high:
            self._gap(line, parsed, high, following)
        elif seq == low and not self.skipped and parsed.prev_hash != prev.entry_hash:
            self._add(
                "modified",
                f"{line.where} (entry {seq}) does not chain to {prev.line.where} "
                f"(entry {prev.seq}): one of the two was rewritten with a new hash",
                prev.seq,
                seq,
                line=prev.line,
            )
        self._advance(line, parsed)
        return True

    def _advance(self, line: _Line, parsed: ParsedLine) -> None:
        assert parsed.seq is not None
        self.prev = _Seen(parsed.seq, parsed.entry_hash, parsed.closes, line)
        self.skipped = 0

    def _backwards(self, line: _Line, seq: int, prev: _Seen) -> None:
        if seq == prev.seq:
            self._add(
                "inserted",
                f"{prev.line.where} and {line.where} both hold entry {seq}: one was inserted",
                seq,
                line=line,
            )
        else:
            self._add(
                "reordered",
                f"{line.where} holds entry {seq} after entry {prev.seq} "
                f"({prev.line.where}): lines were reordered or an old entry copied in",
                seq,
                line=line,
            )

    def _gap(self, line: _Line, parsed: ParsedLine, missing: int, following: _Line | None) -> None:
        assert parsed.seq is not None and self.prev is not None
        after = parse_line(following.raw) if following is not None else None
        if after is not None and after.seq == missing and not self.skipped:
            self._add(
                "reordered",
                f"{line.where} and the line after it hold entries {parsed.seq} and {missing} "
                "in the wrong order",
                missing,
                parsed.seq,
                line=line,
            )
            self.swapped = missing
            return
        span = _span(missing, parsed.seq - 1)
        if line.path != self.prev.line.path and line.number == 1:
            message = (
                f"{span} missing from the mirror between {self.prev.line.path.name} (ends "
                f"with entry {self.prev.seq}) and {line.path.name}: a file or the lines at "
                "their boundary were deleted"
            )
        else:
            message = f"{span} missing from the mirror before {line.where}: lines were deleted"
        self._add("deleted", message, missing, parsed.seq - 1, line=line)

    # -- against the database -----------------------------------------------------------

    def _compare(self, line: _Line, parsed: ParsedLine, in_order: bool) -> None:
        seq = parsed.seq
        assert seq is not None
        if not in_order or seq <= self.compared:
            self._compare_one(line, parsed)
            return
        self.compared = seq
        self._skip_rows_before(seq, line)
        self.in_order += 1
        row = self.db.peek()
        if row is None and (self.run_ is None or self.run_.kind != "missing"):
            row = self.db.retry()  # the line was written after its commit: look again
        if row is not None and row[0] == seq:
            if row[1] != parsed.entry_hash:
                self._extend("differs", seq, line, parsed.closes)
            else:
                self._close_run()
            self.db.pop()
            self.db.matched += 1
        else:
            self._extend("missing", seq, line, parsed.closes)

    def _compare_one(self, line: _Line, parsed: ParsedLine) -> None:
        """A line out of order: look its seq up on its own."""
        assert parsed.seq is not None
        stored = self.db.lookup(parsed.seq)
        if stored is None:
            self._add(
                "deleted",
                f"entry {parsed.seq} ({line.where}) is in the mirror but not in the database",
                parsed.seq,
                line=line,
            )
        elif stored != parsed.entry_hash:
            self._add(
                "mirror_differs", _differs(parsed.seq, parsed.seq, line), parsed.seq, line=line
            )

    def _skip_rows_before(self, seq: int, line: _Line) -> None:
        """Rows the mirror skipped: a gap it reported itself, or its start is missing."""
        first = last = None
        count = 0
        while (row := self.db.peek()) is not None and row[0] < seq:
            self.db.pop()
            first = row[0] if first is None else first
            last, count = row[0], count + 1
        if count and not self.in_order and not self.unusable:  # before the mirror's first line
            assert first is not None and last is not None
            self._add(
                "deleted",
                f"{_span(first, last)} in the database but missing from the mirror, "
                f"which starts with entry {seq} ({line.where}): its first files or "
                "lines were deleted",
                first,
                last,
                line=line,
            )

    def _extend(self, kind: str, seq: int, line: _Line, closes: bool) -> None:
        run = self.run_
        if run is not None and run.kind == kind and run.last_seq == seq - 1:
            run.last_seq, run.closes = seq, closes
            return
        self._close_run()
        self.run_ = _Run(kind, seq, seq, line, closes)

    def _close_run(self) -> None:
        run, self.run_ = self.run_, None
        if run is None:
            return
        if run.kind == "differs":
            self._add(
                "mirror_differs",
                _differs(run.seq, run.last_seq, run.line),
                run.seq,
                run.last_seq,
                line=run.line,
            )
            return
        span = (
            f"{_span(run.seq, run.last_seq)} in the mirror (from {run.line.where}) but not "
            "in the database"
        )
        if self.db.peek() is None:
            self._add(
                "truncated",
                f"{span}, whose log ends before them: the database's log was cut at its end",
                run.seq,
                run.last_seq,
                line=run.line,
            )
        elif self.db.matched == 0 and run.closes:
            self.notes.append(
                f"{span}: whole epochs deleted from the database whose mirror files were "
                "not removed (see the node's log for why)"
            )
        else:
            self._add(
                "deleted",
                f"{span}: they were deleted from the database",
                run.seq,
                run.last_seq,
                line=run.line,
            )

    def _behind(self, head: int) -> None:
        """Database entries (committed before this check began) after the mirror's end."""
        remaining = self.db.remaining(head)
        if remaining is None:
            return
        first, last = remaining
        first = max(first, (self.last_seq or 0) + 1)
        if first > last:
            return  # rows the mirror skipped in a gap: reported with the gap
        where = (
            f"which ends with entry {self.last_seq}"
            if self.last_seq is not None
            else "which holds no entries"
        )
        self._add(
            "mirror_behind",
            f"{_span(first, last)} in the database but not in the mirror, {where}: a mirror "
            "write failed (the node's log says why) or the mirror's last lines were cut. "
            "'talentverbund audit mirror-sync DIR' (or restarting serve) copies them; if "
            "the node's log shows no failed write, treat it as a cut",
            first,
            last,
        )


def _span(first: int, last: int) -> str:
    return f"entry {first} is" if first == last else f"entries {first}..{last} are"


def _differs(first: int, last: int, line: _Line) -> str:
    return (
        f"{_span(first, last)} different in the database and in the mirror (from "
        f"{line.where}): one of them was rewritten; 'audit verify' of the database and its "
        "checkpoints show which"
    )


# -- admin method (node/api.py) -----------------------------------------------------------------


def api_mirror_sync(rt: NodeRuntime, _params: Mapping[str, Any]) -> Any:
    """``talentverbund audit mirror-sync DIR``: copy what the mirror lacks now."""
    mirror = rt.federation().log.mirror
    if mirror is None:
        raise UsageError(
            "the exchange log mirror is off on this node",
            "set mirror_dir in the [audit] section of talentverbund.toml",
        )
    written = mirror.sync()
    return {"mirror_dir": str(mirror.directory), "written": written, "last_seq": mirror.last_seq()}
