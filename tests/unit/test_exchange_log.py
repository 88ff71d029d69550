"""The exchange log's hash chain: appends, tamper detection, concurrent appends (both backends)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from talentverbund.crypto.merkle import leaf_hash as merkle_leaf
from talentverbund.node.federation.exchange_log import (
    GENESIS_HASH,
    ExchangeLog,
    LogRecord,
    entry_bytes,
    leaf_hash,
)
from talentverbund.node.storage.db import session_factory

PEER = "tv1" + "a" * 32


@pytest.fixture
def log(engine: Engine) -> ExchangeLog:
    return ExchangeLog(session_factory(engine))


def _record(i: int, **overrides: object) -> LogRecord:
    fields: dict[str, object] = {
        "direction": "in" if i % 2 else "out",
        "msg_type": "handshake",
        "status": "accepted",
        "peer_id": PEER,
        "message_id": f"{i:032x}",
        "envelope_sha256": f"{i:064x}",
        "details": {"rpc": "Handshake", "n": i, "nested": {"ok": True, "list": [1, "a"]}},
    }
    fields.update(overrides)
    return LogRecord(**fields)  # type: ignore[arg-type]


def _fill(log: ExchangeLog, count: int = 6) -> None:
    for i in range(1, count + 1):
        log.append(_record(i))


def _sql(engine: Engine, statement: str, **params: object) -> None:
    with engine.begin() as conn:
        conn.execute(text(statement), params)


def test_appends_chain_from_genesis(log: ExchangeLog) -> None:
    first = log.append(_record(1))
    second = log.append(_record(2, direction="local", peer_id=None, message_id=None))
    assert (first.seq, second.seq) == (1, 2)
    entries = log.entries()
    assert entries[0].prev_hash == GENESIS_HASH
    assert entries[1].prev_hash == first.entry_hash
    assert log.head() == (2, second.entry_hash)
    report = log.verify_chain()
    assert report.ok and report.entries == 2 and report.head_hash == second.entry_hash
    # the RFC 6962 leaf of an entry covers the same canonical bytes as its hash
    stored = entries[1]
    assert leaf_hash(stored) == merkle_leaf(
        entry_bytes(stored.seq, stored.logged_at, stored, stored.prev_hash)
    )


def test_empty_log_verifies(log: ExchangeLog) -> None:
    report = log.verify_chain()
    assert report.ok and report.entries == 0 and report.head_hash == GENESIS_HASH


def test_records_are_validated() -> None:
    with pytest.raises(ValueError, match="direction"):
        LogRecord(direction="sideways", msg_type="x", status="ok")
    with pytest.raises(ValueError, match="status"):
        LogRecord(direction="in", msg_type="x", status="s" * 33)


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        ("UPDATE exchange_log SET status = 'rejected' WHERE seq = 3", "changed"),
        (
            "UPDATE exchange_log SET peer_id = 'tv1bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' WHERE seq = 3",
            "changed",
        ),
        ('UPDATE exchange_log SET details = \'{"rpc": "Search"}\' WHERE seq = 3', "changed"),
        ("UPDATE exchange_log SET logged_at = '2001-01-01 00:00:00' WHERE seq = 3", "changed"),
    ],
)
def test_modification_is_found(
    log: ExchangeLog, engine: Engine, statement: str, problem: str
) -> None:
    _fill(log)
    _sql(engine, statement)
    report = log.verify_chain()
    assert not report.ok and report.first_bad_seq == 3 and problem in report.problem
    assert report.entries == 2


def test_deletion_is_found(log: ExchangeLog, engine: Engine) -> None:
    _fill(log)
    _sql(engine, "DELETE FROM exchange_log WHERE seq = 3")
    report = log.verify_chain()
    assert not report.ok and report.first_bad_seq == 4 and "deleted or inserted" in report.problem


def test_insertion_is_found(log: ExchangeLog, engine: Engine) -> None:
    _fill(log)
    entries = log.entries()
    # make room after entry 3 and insert a forged entry chained to it
    for seq in range(6, 3, -1):
        _sql(engine, "UPDATE exchange_log SET seq = :new WHERE seq = :old", new=seq + 1, old=seq)
    _sql(
        engine,
        "INSERT INTO exchange_log (seq, logged_at, direction, peer_id, actor, msg_type,"
        " message_id, purpose, envelope_sha256, status, details, prev_hash, entry_hash)"
        " VALUES (4, :at, 'out', :peer, 'node', 'search.query', NULL, NULL, NULL, 'sent',"
        " '{}', :prev, :hash)",
        at=datetime(2026, 1, 1),
        peer=PEER,
        prev=entries[2].entry_hash,
        hash="f" * 64,
    )
    report = log.verify_chain()
    assert not report.ok and report.first_bad_seq == 4


def test_reordering_is_found(log: ExchangeLog, engine: Engine) -> None:
    _fill(log)
    # swap the contents of entries 2 and 3 (keeping each row's seq)
    _sql(engine, "UPDATE exchange_log SET seq = 100 WHERE seq = 2")
    _sql(engine, "UPDATE exchange_log SET seq = 2 WHERE seq = 3")
    _sql(engine, "UPDATE exchange_log SET seq = 3 WHERE seq = 100")
    report = log.verify_chain()
    assert not report.ok and report.first_bad_seq == 2


def test_truncation_and_rewrite_need_an_outside_anchor(log: ExchangeLog, engine: Engine) -> None:
    _fill(log)
    anchors = {entry.seq: entry.entry_hash for entry in log.entries()}
    assert log.verify_chain(anchors).ok
    _sql(engine, "DELETE FROM exchange_log WHERE seq = 6")
    assert log.verify_chain().ok  # the chain alone cannot see a cut tail ...
    report = log.verify_chain({6: anchors[6]})  # ... a receipt or checkpoint can
    assert not report.ok and report.first_bad_seq == 6 and "removed from the end" in report.problem
    # rewrite entry 5 and re-hash it consistently: only the anchor shows it
    with session_factory(engine)() as session:
        from talentverbund.node.federation.exchange_log import compute_entry_hash
        from talentverbund.node.storage.models import ExchangeLogEntry

        entry = session.get(ExchangeLogEntry, 5)
        assert entry is not None
        entry.status = "forged"
        entry.entry_hash = compute_entry_hash(5, entry.logged_at, entry, entry.prev_hash)
        session.commit()
    assert log.verify_chain().ok
    report = log.verify_chain({5: anchors[5]})
    assert not report.ok and report.first_bad_seq == 5 and "rewritten" in report.problem


def test_concurrent_appends_stay_one_chain(engine: Engine) -> None:
    """Two log objects (as two processes would have) and several threads each."""
    logs = [ExchangeLog(session_factory(engine)) for _ in range(2)]
    errors: list[BaseException] = []

    def worker(log: ExchangeLog, base: int) -> None:
        try:
            for i in range(15):
                log.append(_record(base + i))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(logs[n % 2], n * 100)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    report = logs[0].verify_chain()
    assert report.ok and report.entries == 60


def test_transaction_rolls_back_with_the_caller(log: ExchangeLog) -> None:
    log.append(_record(1))
    with pytest.raises(RuntimeError), log.transaction() as tx:
        tx.append(_record(2))
        raise RuntimeError("caller failed after appending")
    assert log.head()[0] == 1
    assert log.append(_record(3)).seq == 2
    assert log.verify_chain().ok


def test_time_is_kept_to_the_millisecond(engine: Engine) -> None:
    moment = datetime(2026, 3, 1, 12, 0, 0, 123_987, tzinfo=UTC)
    log = ExchangeLog(session_factory(engine), clock=lambda: moment)
    appended = log.append(_record(1))
    assert appended.logged_at == moment.replace(microsecond=123_000)
    assert log.entries()[0].logged_at == appended.logged_at
    assert log.verify_chain().ok


def test_entries_with_a_purpose_carry_the_configured_legal_basis(engine: Engine) -> None:
    log = ExchangeLog(session_factory(engine), legal_basis="Art. 6(1)(a) DSGVO")
    log.append(_record(1, purpose="recruitment"))
    log.append(_record(2))  # no purpose (a handshake): no legal basis either
    log.append(_record(3, purpose="audit", details={"legal_basis": "Art. 6(1)(c) DSGVO"}))
    first, second, third = log.entries()
    assert first.details["legal_basis"] == "Art. 6(1)(a) DSGVO"
    assert "legal_basis" not in second.details
    assert third.details["legal_basis"] == "Art. 6(1)(c) DSGVO"  # a caller's own wins
    assert log.verify_chain().ok
