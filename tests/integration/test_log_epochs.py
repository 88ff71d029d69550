"""Epochs of the exchange log: closed at a signed checkpoint, deleted after retention.

After the oldest epochs are deleted, ``audit verify`` must still check everything
that is left -- and catch an administrator who edits the signed deletion record,
hides it, or puts deleted entries back -- on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from talentverbund.node import audit, log_epochs
from talentverbund.node.storage.models import ExchangeLogEntry, LogCheckpoint, LogEpoch
from talentverbund.node.upkeep import TASKS
from tests.integration.test_audit import (
    build_log,
    insert_row,
    record,
    row,
    runtime,
    sql,
    verify,
)

LATER = timedelta(days=1200)  # past the default retention of 1095 days


def _later() -> datetime:
    return datetime.now(UTC) + LATER


def _append(node_dir: Path, count: int, start: int = 10_000) -> None:
    with runtime(node_dir) as rt, rt.federation().log.transaction() as tx:
        for i in range(count):
            tx.append(record(start + i))


def _close(cli: Any, node_dir: Path) -> dict[str, Any]:
    result = cli("audit", "close-epoch", node_dir, "--json")
    assert result.code == 0, result.err
    closed: dict[str, Any] = json.loads(result.out)
    return closed


def _delete_expired(node_dir: Path) -> list[int]:
    with runtime(node_dir, clock=_later) as rt:
        return log_epochs.delete_expired(rt.federation(), 1095)


def _two_epochs_one_deleted(cli: Any, node_dir: Path) -> dict[str, Any]:
    """300 entries, epoch 1 closed; 40 more and a checkpoint; epoch 1 deleted."""
    build_log(node_dir)
    first = _close(cli, node_dir)
    _append(node_dir, 40)
    assert cli("audit", "checkpoint", node_dir).code == 0
    assert _delete_expired(node_dir) == [1]
    return first


def test_closing_an_epoch_ends_it_at_a_signed_checkpoint(cli: Any, node_dir: Path) -> None:
    size = build_log(node_dir)
    closed = _close(cli, node_dir)
    assert closed["state"] == "closed" and closed["first_seq"] == 1
    assert closed["last_seq"] == size + 1  # the log.epoch entry is the epoch's last
    with runtime(node_dir) as rt:
        entry = rt.federation().log.entries(after=size, limit=2)
    assert [e.msg_type for e in entry] == ["log.epoch", "checkpoint"]
    assert entry[1].details["tree_size"] == size + 1
    listed = json.loads(cli("audit", "epochs", node_dir, "--json").out)
    assert [e["state"] for e in listed] == ["closed", "open"]
    assert listed[1]["first_seq"] == size + 2 and listed[0]["expires_at"] is not None
    assert verify(cli, node_dir).code == 0


def test_an_empty_log_has_no_epoch_to_close(cli: Any, node_dir: Path) -> None:
    result = cli("audit", "close-epoch", node_dir)
    assert result.code == 2 and "nothing to close" in result.err


def test_deleted_epoch_leaves_a_record_and_verification_goes_on(
    cli: Any, node_dir: Path, tmp_path: Path
) -> None:
    first = _two_epochs_one_deleted(cli, node_dir)
    boundary = first["last_seq"]
    with runtime(node_dir) as rt, rt.federation().sessions() as session:
        assert session.scalar(select(func.min(ExchangeLogEntry.seq))) == boundary + 1
        sizes = session.scalars(
            select(LogCheckpoint.tree_size).where(LogCheckpoint.peer_id.is_(None))
        ).all()
        assert min(sizes) == boundary  # older checkpoints went with the epoch
        epoch = session.get(LogEpoch, 1)
        assert epoch is not None and epoch.deleted_at is not None and epoch.record
        body = json.loads(epoch.record)["record"]
        assert body["last_seq"] == boundary and body["checkpoint"].count("\n—") == 1
    verdict = verify(cli, node_dir)
    assert verdict.code == 0, verdict.report
    assert any(f"entries 1 to {boundary} were deleted" in n for n in verdict.report["notes"])
    # the deletion itself is in the log, and later entries still prove
    listed = json.loads(cli("audit", "epochs", node_dir, "--json").out)
    assert [e["state"] for e in listed] == ["deleted", "open"]
    proof = tmp_path / "proof.json"
    assert cli("audit", "prove", node_dir, str(boundary + 5), "-o", proof).code == 0
    assert cli("audit", "verify-proof", proof).code == 0
    gone = cli("audit", "prove", node_dir, "7")
    assert gone.code == 2 and "deleted with its epoch" in gone.err
    # the scheduler's first round (whole log) and a new checkpoint still work
    _append(node_dir, 5, start=20_000)
    assert cli("audit", "checkpoint", node_dir).code == 0
    assert verify(cli, node_dir).code == 0


def test_an_epoch_is_deleted_only_after_retention(cli: Any, node_dir: Path) -> None:
    build_log(node_dir, entries=50, checkpoints=())
    _close(cli, node_dir)
    with runtime(node_dir) as rt:
        assert log_epochs.delete_expired(rt.federation(), 1095) == []
        assert log_epochs.delete_expired(rt.federation(), 0) == []  # 0: keep every epoch
    result = cli("audit", "delete-epochs", node_dir)
    assert result.code == 0 and "no closed epoch is older than 1095 days" in result.out


def test_deletion_refuses_a_log_that_does_not_verify(cli: Any, node_dir: Path) -> None:
    build_log(node_dir, entries=60, checkpoints=())
    _close(cli, node_dir)
    sql(node_dir, "UPDATE exchange_log SET status = 'x' WHERE seq = 10")
    with runtime(node_dir, clock=_later) as rt, pytest.raises(audit.AuditError, match="refusing"):
        log_epochs.delete_expired(rt.federation(), 1095)
    with runtime(node_dir) as rt, rt.federation().sessions() as session:
        assert session.scalar(select(func.count()).select_from(ExchangeLogEntry)) > 60


def _problems(cli: Any, node_dir: Path) -> list[dict[str, Any]]:
    verdict = verify(cli, node_dir)
    assert verdict.code == 1, verdict.report
    problems: list[dict[str, Any]] = verdict.report["problems"]
    return problems


def test_an_edited_deletion_record_is_caught(cli: Any, node_dir: Path) -> None:
    _two_epochs_one_deleted(cli, node_dir)
    with runtime(node_dir) as rt, rt.federation().sessions() as session, session.begin():
        epoch = session.get(LogEpoch, 1)
        assert epoch is not None
        epoch.last_entry_hash = "0" * 64
    kinds = {p["kind"] for p in _problems(cli, node_dir)}
    assert "epoch_record" in kinds


def test_a_forged_deletion_record_is_caught(cli: Any, node_dir: Path) -> None:
    _two_epochs_one_deleted(cli, node_dir)
    with runtime(node_dir) as rt, rt.federation().sessions() as session, session.begin():
        epoch = session.get(LogEpoch, 1)
        assert epoch is not None and epoch.record
        document = json.loads(epoch.record)
        document["record"]["deleted_at"] = "2020-01-01T00:00:00.000Z"
        epoch.record = json.dumps(document)
    problems = _problems(cli, node_dir)
    assert any("signature does not verify" in p["message"] for p in problems)


def test_a_hidden_deletion_shows_as_deleted_entries(cli: Any, node_dir: Path) -> None:
    first = _two_epochs_one_deleted(cli, node_dir)
    sql(node_dir, "DELETE FROM log_epochs")
    problems = _problems(cli, node_dir)
    first_problem = min(problems, key=lambda p: (p["seq"] is None, p["seq"] or 0))
    assert first_problem["kind"] == "deleted" and first_problem["seq"] == 1
    assert first_problem["last_seq"] == first["last_seq"]


def test_entries_put_back_after_deletion_are_caught(cli: Any, node_dir: Path) -> None:
    _two_epochs_one_deleted(cli, node_dir)
    fields = row(node_dir, 330)
    fields["seq"] = 3
    fields["entry_hash"] = "f" * 64
    insert_row(node_dir, fields)
    problems = _problems(cli, node_dir)
    assert any(p["kind"] == "inserted" and p["seq"] == 3 for p in problems)


def test_a_changed_entry_after_the_deleted_epoch_is_located(cli: Any, node_dir: Path) -> None:
    first = _two_epochs_one_deleted(cli, node_dir)
    seq = first["last_seq"] + 3
    sql(node_dir, "UPDATE exchange_log SET status = 'edited' WHERE seq = :seq", seq=seq)
    verdict = verify(cli, node_dir)
    assert verdict.code == 1 and verdict.report["first_bad_seq"] == seq


def test_upkeep_closes_a_due_epoch_and_deletes_an_expired_one(cli: Any, node_dir: Path) -> None:
    build_log(node_dir, entries=40, checkpoints=())
    task = dict((name, run) for name, _, run in TASKS)["log_epochs_closed_or_deleted"]
    with runtime(node_dir) as rt:
        assert task(rt) == 0  # the open epoch is younger than 90 days
    with runtime(node_dir, clock=lambda: datetime.now(UTC) + timedelta(days=91)) as rt:
        assert task(rt) == 1  # closed
    with runtime(node_dir, clock=_later) as rt:
        assert task(rt) == 2  # the next epoch closed (it was due too), the first deleted
    listed = json.loads(cli("audit", "epochs", node_dir, "--json").out)
    assert [e["state"] for e in listed] == ["deleted", "closed", "open"]
    assert verify(cli, node_dir).code == 0


def test_deleting_an_epoch_deletes_its_part_of_the_file_mirror(cli: Any, node_dir: Path) -> None:
    config = node_dir / "talentverbund.toml"
    text = config.read_text(encoding="utf-8")
    assert 'mirror_dir = ""' in text
    config.write_text(text.replace('mirror_dir = ""', 'mirror_dir = "log-mirror"'), "utf-8")
    first = _two_epochs_one_deleted(cli, node_dir)
    files = sorted(p.name for p in (node_dir / "log-mirror").glob("epoch-from-*.log"))
    assert files == [f"epoch-from-{first['last_seq'] + 1:012d}.log"]
    verdict = verify(cli, node_dir)
    assert verdict.code == 0, verdict.report
    # the mirror still catches what the database lost at its end
    sql(node_dir, "DELETE FROM exchange_log WHERE seq > :seq", seq=first["last_seq"] + 30)
    problems = _problems(cli, node_dir)
    assert any(p["kind"] == "truncated" for p in problems), problems
