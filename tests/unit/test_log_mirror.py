"""The exchange log's file mirror: written on commit, caught up, tampering found and located.

The database tests run on SQLite and PostgreSQL; the mirror is edited with plain
file operations the way an administrator could (a byte, a line, a file, a tail).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.node.federation import log_mirror
from talentverbund.node.federation.exchange_log import (
    HASH_DOMAIN,
    ExchangeLog,
    LogRecord,
    compute_entry_hash,
    entry_bytes,
)
from talentverbund.node.federation.log_mirror import LogMirror, MirrorReport, file_name
from talentverbund.node.storage import migrate
from talentverbund.node.storage.db import make_engine, session_factory
from talentverbund.node.storage.models import ExchangeLogEntry

PEER = "tv1" + "c" * 32


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def mirror_dir(tmp_path: Path) -> Path:
    return tmp_path / "mirror"


@pytest.fixture
def mirror(mirror_dir: Path, sessions: sessionmaker[Session]) -> LogMirror:
    return LogMirror(mirror_dir, sessions)


@pytest.fixture
def log(sessions: sessionmaker[Session], mirror: LogMirror) -> ExchangeLog:
    return ExchangeLog(sessions, mirror=mirror)


def _record(i: int) -> LogRecord:
    return LogRecord(
        direction="in" if i % 2 else "out",
        msg_type="search",
        status="accepted",
        peer_id=PEER,
        message_id=f"{i:032x}",
        details={"rpc": "Search", "n": i, "text": "Grüße\nzwei Zeilen"},
    )


def _close(epoch: int, first: int, last: int) -> LogRecord:
    return LogRecord(
        direction="local",
        msg_type="log.epoch",
        status="closed",
        details={"epoch": epoch, "first_seq": first, "last_seq": last},
    )


def _fill(log: ExchangeLog, count: int, start: int = 1) -> None:
    for i in range(start, start + count):
        log.append(_record(i))


def _two_epochs(log: ExchangeLog) -> None:
    """Entries 1..4 (4 closes epoch 1) and 5..8."""
    _fill(log, 3)
    log.append(_close(1, 1, 4))
    _fill(log, 4, start=5)


def _only_file(directory: Path) -> Path:
    (path,) = directory.glob("epoch-from-*.log")
    return path


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def _sql(engine: Engine, statement: str) -> None:
    with engine.begin() as conn:
        conn.execute(text(statement))


def _kinds(report: MirrorReport) -> list[tuple[str, int | None]]:
    return [(p.kind, p.seq) for p in report.problems]


# -- writing ------------------------------------------------------------------------------


def test_each_commit_is_mirrored_as_hash_and_entry_bytes(
    log: ExchangeLog, mirror_dir: Path, sessions: sessionmaker[Session]
) -> None:
    _fill(log, 5)
    path = _only_file(mirror_dir)
    assert path.name == "epoch-from-000000000001.log"
    assert stat.S_IMODE(mirror_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sessions() as session:
        rows = session.scalars(select(ExchangeLogEntry).order_by(ExchangeLogEntry.seq)).all()
        expected = [
            row.entry_hash.encode()
            + b" "
            + entry_bytes(row.seq, row.logged_at, row, row.prev_hash)
            + b"\n"
            for row in rows
        ]
    assert _lines(path) == expected
    data = expected[0][65:-1]
    assert hashlib.sha256(HASH_DOMAIN + data).hexdigest() == expected[0][:64].decode()
    assert json.loads(data)["details"]["text"] == "Grüße\nzwei Zeilen"  # escaped, one line
    report = log.mirror.verify() if log.mirror else None
    assert report is not None and report.ok, report
    assert (report.files, report.lines, report.first_seq, report.last_seq) == (1, 5, 1, 5)


def test_the_common_append_reads_nothing_more_from_the_database(
    sessions: sessionmaker[Session], log: ExchangeLog, engine: Engine
) -> None:
    """The transaction hands its entry bytes to the mirror: no statement is added."""
    plain = ExchangeLog(sessions)
    log.append(_record(1))
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    counts = []
    event.listen(engine, "before_cursor_execute", count)
    try:
        for target in (log, plain):  # the mirror first: it must not need to catch up
            statements.clear()
            target.append(_record(3))
            counts.append(len(statements))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert counts[0] == counts[1] > 0


def test_a_rolled_back_transaction_writes_nothing(log: ExchangeLog, mirror_dir: Path) -> None:
    _fill(log, 2)
    with pytest.raises(RuntimeError), log.transaction() as tx:
        tx.append(_record(3))
        raise RuntimeError("caller failed")
    assert len(_lines(_only_file(mirror_dir))) == 2


def test_an_epoch_close_starts_a_new_file(log: ExchangeLog, mirror: LogMirror) -> None:
    _two_epochs(log)
    files = sorted(p.name for p in mirror.directory.glob("*.log"))
    assert files == [file_name(1), file_name(5)]
    assert len(_lines(mirror.directory / file_name(1))) == 4
    assert mirror.last_seq() == 8
    assert mirror.verify().ok


def test_delete_through_removes_whole_epochs_only(
    log: ExchangeLog, mirror: LogMirror, engine: Engine
) -> None:
    _two_epochs(log)
    assert mirror.delete_through(3) == []  # the first file holds entry 4 too
    assert mirror.delete_through(4) == [mirror.directory / file_name(1)]
    _sql(engine, "DELETE FROM exchange_log WHERE seq <= 4")  # the epoch deletion's part
    report = mirror.verify()
    assert report.ok, report
    assert report.first_seq == 5
    assert mirror.delete_through(100) == [mirror.directory / file_name(5)]
    log.append(_record(9))  # an empty mirror starts at the database's first entry
    assert [p.name for p in mirror.directory.glob("*.log")] == [file_name(5)]
    assert mirror.verify().ok


def test_mirror_files_of_deleted_epochs_are_only_noted(
    log: ExchangeLog, mirror: LogMirror, engine: Engine
) -> None:
    _two_epochs(log)
    _sql(engine, "DELETE FROM exchange_log WHERE seq <= 4")
    report = mirror.verify()
    assert report.ok, report
    assert any("whole epochs" in note for note in report.notes)


# -- failures and catching up ------------------------------------------------------------


def test_a_failed_write_loses_nothing_and_is_caught_up(
    log: ExchangeLog,
    mirror_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _fill(log, 2)
    real_write = os.write
    failures = iter([True])

    def failing_write(fd: int, data: bytes) -> int:
        if next(failures, False):
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", failing_write)
    with caplog.at_level(logging.WARNING, "talentverbund.audit"):
        appended = log.append(_record(3))  # committed although the mirror failed
    assert appended.seq == 3 and log.head()[0] == 3
    assert "mirror not written" in caplog.text
    assert len(_lines(_only_file(mirror_dir))) == 2
    report = log.mirror.verify() if log.mirror else None
    assert report is not None and _kinds(report) == [("mirror_behind", 3)]
    assert "mirror-sync" in report.problems[0].message
    log.append(_record(4))  # the next commit copies entry 3 first
    assert [json.loads(line[65:])["seq"] for line in _lines(_only_file(mirror_dir))] == [1, 2, 3, 4]
    assert log.mirror is not None and log.mirror.verify().ok


def test_a_write_cut_short_is_completed_and_noted(
    log: ExchangeLog, mirror: LogMirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(log, 2)
    real_write = os.write
    cut = iter([True])

    def short_write(fd: int, data: bytes) -> int:
        if next(cut, False):
            real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", short_write)
    log.append(_record(3))
    report = mirror.verify()
    assert _kinds(report) == [("truncated", 3), ("mirror_behind", 3)]
    log.append(_record(4))
    report = mirror.verify()
    assert report.ok, report
    assert report.lines == 5 and any("incomplete copy" in note for note in report.notes)


def test_a_mirror_refusing_new_files_keeps_the_database_working(
    log: ExchangeLog, mirror: LogMirror, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a read-only mount: a new epoch's file cannot be created."""
    _fill(log, 4)
    log.append(_close(1, 1, 5))
    real_open = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if flags & os.O_CREAT and not os.path.exists(path) and str(path).endswith(".log"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refusing_open)
    log.append(_record(6))
    assert log.head()[0] == 6 and mirror.last_seq() == 5
    with pytest.raises(log_mirror.MirrorError, match="Permission denied"):
        mirror.sync()
    monkeypatch.undo()
    assert mirror.catch_up() == 1
    assert mirror.verify().ok


def test_a_mirror_enabled_later_copies_the_log(
    sessions: sessionmaker[Session], mirror: LogMirror
) -> None:
    _fill(ExchangeLog(sessions), 1203)  # more than one copy batch
    assert mirror.verify().problems[0].kind == "mirror_behind"
    log = ExchangeLog(sessions, mirror=mirror)
    log.append(_record(1204))
    assert mirror.last_seq() == 1204
    assert mirror.verify().ok
    assert mirror.sync() == 0


def test_catch_up_starts_at_the_first_entry_left_in_the_database(
    sessions: sessionmaker[Session], mirror: LogMirror, engine: Engine
) -> None:
    _fill(ExchangeLog(sessions), 6)
    _sql(engine, "DELETE FROM exchange_log WHERE seq <= 3")  # an expired epoch
    assert mirror.catch_up() == 3
    assert [p.name for p in mirror.directory.glob("*.log")] == [file_name(4)]
    assert mirror.verify().ok


def test_two_logs_on_one_database_keep_the_mirror_in_order(
    sessions: sessionmaker[Session], mirror_dir: Path
) -> None:
    """Two log objects with their own mirror objects, as two processes would have."""
    logs = [ExchangeLog(sessions, mirror=LogMirror(mirror_dir, sessions)) for _ in range(2)]
    errors: list[BaseException] = []

    def worker(log: ExchangeLog, base: int) -> None:
        try:
            for i in range(12):
                log.append(_record(base + i))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(logs[n % 2], n * 100)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    seqs = [json.loads(line[65:])["seq"] for line in _lines(_only_file(mirror_dir))]
    assert seqs == list(range(1, 49))
    report = LogMirror(mirror_dir, sessions).verify()
    assert report.ok, report


# -- tampering with the mirror --------------------------------------------------------------


def _edit(path: Path, change: str) -> None:
    lines = _lines(path)
    if change == "byte":
        line = bytearray(lines[2])
        line[100] ^= 0x01
        lines[2] = bytes(line)
    elif change == "hash":
        lines[2] = (b"0" if lines[2][:1] != b"0" else b"1") + lines[2][1:]
    elif change == "delete":
        del lines[2]
    elif change == "duplicate":
        lines.insert(3, lines[2])
    elif change == "copy_back":
        lines.insert(5, lines[1])
    elif change == "swap":
        lines[2], lines[3] = lines[3], lines[2]
    elif change == "line_break":
        lines[2] = lines[2][:-1] + b" "
    elif change == "cut_inside":
        lines[-1] = lines[-1][:40]
    elif change == "cut_lines":
        del lines[-2:]
    path.write_bytes(b"".join(lines))


@pytest.mark.parametrize(
    ("change", "kind", "seq", "line"),
    [
        ("byte", "modified", 3, 3),
        ("hash", "modified", 3, 3),
        ("delete", "deleted", 3, 3),
        ("duplicate", "inserted", 3, 4),
        ("copy_back", "reordered", 2, 6),
        ("swap", "reordered", 3, 3),
        ("line_break", "modified", 3, 3),
        ("cut_inside", "truncated", 8, 8),
        ("cut_lines", "mirror_behind", 7, None),
    ],
)
def test_a_changed_mirror_is_found_where_it_was_changed(
    log: ExchangeLog, mirror: LogMirror, change: str, kind: str, seq: int, line: int | None
) -> None:
    _fill(log, 8)
    path = _only_file(mirror.directory)
    _edit(path, change)
    report = mirror.verify()
    assert not report.ok
    first = report.problems[0]
    assert (first.kind, first.seq) == (kind, seq), report
    if line is not None:
        assert (first.file, first.line) == (path.name, line)
        assert f"line {line} of {path.name}" in first.message


def test_a_deleted_file_is_found(log: ExchangeLog, mirror: LogMirror) -> None:
    _fill(log, 3)
    log.append(_close(1, 1, 4))
    _fill(log, 3, start=5)
    log.append(_close(2, 5, 8))
    _fill(log, 2, start=9)
    (mirror.directory / file_name(5)).unlink()
    report = mirror.verify()
    assert _kinds(report) == [("deleted", 5)]
    assert "entries 5..8 are missing" in report.problems[0].message
    assert file_name(1) in report.problems[0].message
    (mirror.directory / file_name(1)).unlink()
    report = mirror.verify()
    assert _kinds(report) == [("deleted", 1)]
    assert "its first files" in report.problems[0].message


def test_a_rehashed_line_is_found_by_the_chain_and_the_database(
    log: ExchangeLog, mirror: LogMirror
) -> None:
    """Rewritten with a correct hash for its new bytes: the next line no longer chains."""
    _fill(log, 5)
    path = _only_file(mirror.directory)
    lines = _lines(path)
    data = lines[2][65:-1].replace(b'"status":"accepted"', b'"status":"rejected"')
    lines[2] = hashlib.sha256(HASH_DOMAIN + data).hexdigest().encode() + b" " + data + b"\n"
    path.write_bytes(b"".join(lines))
    report = mirror.verify()
    assert ("mirror_differs", 3) in _kinds(report)
    assert ("modified", 3) in _kinds(report)  # entry 4 names entry 3's old hash
    assert report.first is not None and report.first.seq == 3


# -- the database against the mirror -------------------------------------------------------


def test_a_cut_database_tail_is_found_through_the_mirror(
    log: ExchangeLog, mirror: LogMirror, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    _fill(log, 8)
    _sql(engine, "DELETE FROM exchange_log WHERE seq > 5")
    with caplog.at_level(logging.WARNING, "talentverbund.audit"):
        assert mirror.catch_up() == 0  # serve at start: nothing to copy, but it says why
    assert "holds entries the database does not" in caplog.text
    report = mirror.verify()
    assert [(p.kind, p.seq, p.last_seq) for p in report.problems] == [("truncated", 6, 8)]
    assert "entries 6..8 are in the mirror" in report.problems[0].message
    assert "cut at its end" in report.problems[0].message


def test_a_row_deleted_from_the_database_is_found(
    log: ExchangeLog, mirror: LogMirror, engine: Engine
) -> None:
    _fill(log, 8)
    _sql(engine, "DELETE FROM exchange_log WHERE seq IN (4, 5)")
    report = mirror.verify()
    assert [(p.kind, p.seq, p.last_seq) for p in report.problems] == [("deleted", 4, 5)]
    assert "deleted from the database" in report.problems[0].message


def test_a_consistently_rehashed_database_is_found(
    log: ExchangeLog, mirror: LogMirror, sessions: sessionmaker[Session]
) -> None:
    _fill(log, 8)
    with sessions() as session, session.begin():
        rows = session.scalars(
            select(ExchangeLogEntry).where(ExchangeLogEntry.seq >= 4).order_by(ExchangeLogEntry.seq)
        ).all()
        prev_hash = session.scalar(
            select(ExchangeLogEntry.entry_hash).where(ExchangeLogEntry.seq == 3)
        )
        assert prev_hash is not None
        for row in rows:
            if row.seq == 4:
                row.status = "rejected"
            row.prev_hash = prev_hash
            row.entry_hash = compute_entry_hash(row.seq, row.logged_at, row, prev_hash)
            prev_hash = row.entry_hash
    assert log.verify_chain().ok  # the database alone looks intact
    report = mirror.verify()
    assert [(p.kind, p.seq, p.last_seq) for p in report.problems] == [("mirror_differs", 4, 8)]
    assert "line 4 of" in report.problems[0].message


def test_an_empty_or_missing_mirror_is_behind(
    sessions: sessionmaker[Session], mirror: LogMirror
) -> None:
    assert mirror.verify().ok  # nothing logged, nothing mirrored
    _fill(ExchangeLog(sessions), 2)
    report = mirror.verify()
    assert [(p.kind, p.seq, p.last_seq) for p in report.problems] == [("mirror_behind", 1, 2)]
    assert "holds no entries" in report.problems[0].message
    assert not mirror.directory.exists()  # verifying creates nothing


# -- any single changed byte -------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, sessionmaker[Session]]]:
    """A mirrored SQLite log of two epochs (a close at entry 9) with varied entries."""
    base = tmp_path_factory.mktemp("sample")
    engine = make_engine(f"sqlite:///{base}/log.db")
    migrate.upgrade(engine)
    sessions = session_factory(engine)
    log = ExchangeLog(sessions, mirror=LogMirror(base / "mirror", sessions))
    for i in range(1, 9):
        log.append(_record(i))
    log.append(_close(1, 1, 9))
    for i in range(10, 17):
        log.append(_record(i))
    yield base / "mirror", sessions
    engine.dispose()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_changed_byte_is_found_at_or_before_its_line(
    sample: tuple[Path, sessionmaker[Session]], data: st.DataObject
) -> None:
    source, sessions = sample
    names = sorted(p.name for p in source.glob("*.log"))
    name = data.draw(st.sampled_from(names))
    content = (source / name).read_bytes()
    position = data.draw(st.integers(0, len(content) - 1))
    value = data.draw(st.integers(0, 255).filter(lambda b: b != content[position]))
    seq = int(name[11:23]) + content[:position].count(b"\n")  # the changed line's entry
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "mirror"
        shutil.copytree(source, copy)
        changed = bytearray(content)
        changed[position] = value
        (copy / name).write_bytes(bytes(changed))
        report = LogMirror(copy, sessions).verify()
    assert not report.ok
    assert report.first is not None and report.first.seq is not None
    assert report.first.seq <= seq, report
