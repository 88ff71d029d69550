"""``talentverbund audit``: tampering with the real database is caught and located.

Each test builds a node (SQLite and PostgreSQL), writes a few hundred exchange-log
entries through the node's own log with signed checkpoints in between, then edits
the database with plain SQL the way an administrator could: a changed byte, a
deleted, inserted or moved row, a cut tail, a consistently re-hashed tail, a
checkpoint signed by a key that is not the node's. ``audit verify`` (the real
command line) must exit 1 and name the entry; the intact log must exit 0.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.engine import Engine

from talentverbund.crypto.checkpoint import Checkpoint, sign_note
from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node import audit
from talentverbund.node.config import load_config
from talentverbund.node.federation.exchange_log import LogRecord, compute_entry_hash
from talentverbund.node.runtime import NodeRuntime, open_runtime
from talentverbund.node.storage.db import make_engine
from talentverbund.node.storage.models import ExchangeLogEntry, LogCheckpoint
from tests.conftest import free_port

PEERS = ("tv1" + "a" * 32, "tv1" + "b" * 32)
ENTRIES = 300


def record(i: int) -> LogRecord:
    """The message mix of a federation: queries, results, introductions, refusals."""
    peer = PEERS[i % 2]
    kinds: list[tuple[str, str, str, dict[str, Any]]] = [
        ("in", "search", "accepted", {"rpc": "Search", "query_id": f"q{i}", "skills": 5}),
        ("out", "search.results", "sent", {"query_id": f"q{i}", "results": 3}),
        ("out", "search", "receipted", {"rpc": "Search", "query_id": f"r{i}", "results": 2}),
        ("in", "search.results", "accepted", {"in_reply_to": f"{i:032x}"}),
        ("in", "search", "replayed", {"rpc": "Search", "grpc_status": "ALREADY_EXISTS"}),
        (
            "out",
            "notice",
            "receipted",
            {"rpc": "Notify", "intro_id": f"i{i}", "outcome": "accepted"},
        ),
    ]
    direction, kind, status, details = kinds[i % len(kinds)]
    return LogRecord(
        direction=direction,
        msg_type=kind,
        status=status,
        peer_id=peer,
        message_id=f"{i:032x}",
        purpose="recruitment",
        envelope_sha256=f"{i:064x}",
        details=details,
    )


@contextmanager
def runtime(node_dir: Path, clock: Callable[[], datetime] | None = None) -> Iterator[NodeRuntime]:
    rt = open_runtime(node_dir) if clock is None else open_runtime(node_dir, clock=clock)
    try:
        yield rt
    finally:
        rt.close()


def build_log(
    node_dir: Path, entries: int = ENTRIES, checkpoints: tuple[int, ...] = (100, 200)
) -> int:
    """Append ``entries`` records through the node's log (checkpoints between); log size."""
    with runtime(node_dir) as rt:
        fed = rt.federation()
        written = 0
        while written < entries:
            with fed.log.transaction() as tx:
                for _ in range(min(25, entries - written)):
                    tx.append(record(written))
                    written += 1
            if written in checkpoints:
                audit.make_checkpoint(fed)
        audit.make_checkpoint(fed)
        return fed.log.head()[0]


def engine_of(node_dir: Path) -> Engine:
    return make_engine(load_config(node_dir).resolved_database_url())


def sql(node_dir: Path, statement: str, **params: object) -> None:
    engine = engine_of(node_dir)
    try:
        with engine.begin() as conn:
            conn.execute(text(statement), params)
    finally:
        engine.dispose()


def row(node_dir: Path, seq: int) -> dict[str, Any]:
    engine = engine_of(node_dir)
    try:
        with engine.connect() as conn:
            found = conn.execute(
                ExchangeLogEntry.__table__.select().where(ExchangeLogEntry.seq == seq)
            ).one()
            return dict(found._mapping)
    finally:
        engine.dispose()


def set_row(node_dir: Path, seq: int, fields: dict[str, Any]) -> None:
    """Write ``fields`` into the row ``seq`` with the model's types (as an attacker with SQL)."""
    engine = engine_of(node_dir)
    table = ExchangeLogEntry.__table__
    try:
        with engine.begin() as conn:
            conn.execute(table.update().where(table.c.seq == seq).values(**fields))
    finally:
        engine.dispose()


def insert_row(node_dir: Path, fields: dict[str, Any]) -> None:
    engine = engine_of(node_dir)
    try:
        with engine.begin() as conn:
            conn.execute(ExchangeLogEntry.__table__.insert().values(**fields))
    finally:
        engine.dispose()


def checkpoint_sizes(node_dir: Path) -> list[int]:
    engine = engine_of(node_dir)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT tree_size FROM log_checkpoints ORDER BY tree_size"))
            return [int(r[0]) for r in rows]
    finally:
        engine.dispose()


@dataclass
class Verdict:
    code: int
    report: dict[str, Any]
    err: str


def verify(cli: Any, node_dir: Path, *extra: object) -> Verdict:
    result = cli("audit", "verify", node_dir, "--json", *extra)
    return Verdict(result.code, json.loads(result.out), result.err)


def assert_caught(cli: Any, node_dir: Path, seq: int, kind: str) -> dict[str, Any]:
    verdict = verify(cli, node_dir)
    assert verdict.code == 1, verdict.report
    first = min(verdict.report["problems"], key=lambda p: (p["seq"] is None, p["seq"] or 0))
    assert verdict.report["first_bad_seq"] == seq, verdict.report["problems"]
    assert first["kind"] == kind, verdict.report["problems"]
    human = cli("audit", "verify", node_dir)  # the operator's view: exit 1, entry named
    assert human.code == 1
    assert f"at entry {seq}:" in " ".join(human.err.split()), human.err
    return first


# -- intact -----------------------------------------------------------------------------


def test_intact_log_verifies(cli: Any, node_dir: Path) -> None:
    size = build_log(node_dir)
    verdict = verify(cli, node_dir)
    assert verdict.code == 0, verdict.report
    report = verdict.report
    assert report["ok"] and report["entries"] == size and not report["problems"]
    assert [c["tree_size"] for c in report["checkpoints"]] == checkpoint_sizes(node_dir)
    assert all(c["signature"] == "ok" and c["root"] == "matches" for c in report["checkpoints"])
    assert report["notes"] == []  # only the newest checkpoint's own record is uncovered
    human = cli("audit", "verify", node_dir)
    assert human.code == 0 and f"exchange log verified: {size} entries" in human.out
    # the chain check of the exchange log itself agrees
    with runtime(node_dir) as rt:
        assert rt.federation().log.verify_chain().ok


def test_checkpoint_command_prints_a_signed_note(cli: Any, node_dir: Path) -> None:
    size = build_log(node_dir, entries=30, checkpoints=())
    result = cli("audit", "checkpoint", node_dir)
    assert result.code == 0, result.err
    with runtime(node_dir) as rt:
        origin = audit.log_origin(rt.federation().node_id)
    assert result.out.startswith(f"{origin}\n{size}\n")
    assert f"\n\n\u2014 {origin} " in result.out
    assert f"of {size} entries" in result.err
    as_json = cli("audit", "checkpoint", node_dir, "--json")
    assert json.loads(as_json.out)["tree_size"] == size + 1  # the first one's record is in


def test_empty_log_has_nothing_to_sign(cli: Any, node_dir: Path) -> None:
    result = cli("audit", "checkpoint", node_dir)
    assert result.code == 2 and "empty" in result.err
    assert verify(cli, node_dir).code == 0


# -- single-byte changes ---------------------------------------------------------------------


def _flip(value: str) -> str:
    """The same text with one character changed (hex stays hex)."""
    last = value[-1]
    return value[:-1] + ("0" if last != "0" else "1")


@pytest.mark.parametrize(
    "field", ["message_id", "peer_id", "status", "prev_hash", "entry_hash", "envelope_sha256"]
)
def test_one_changed_character_is_found(cli: Any, node_dir: Path, field: str) -> None:
    build_log(node_dir)
    original = row(node_dir, 150)[field]
    set_row(node_dir, 150, {field: _flip(original)})
    problem = assert_caught(cli, node_dir, 150, "modified")
    assert "entry 150 was changed" in problem["message"]


def test_changed_details_and_time_are_found(cli: Any, node_dir: Path) -> None:
    build_log(node_dir)
    details = row(node_dir, 151)["details"]
    key = next(k for k, v in details.items() if isinstance(v, str))
    set_row(node_dir, 151, {"details": {**details, key: _flip(details[key])}})
    assert_caught(cli, node_dir, 151, "modified")
    set_row(node_dir, 151, {"details": details})
    assert verify(cli, node_dir).code == 0  # restored exactly: nothing to report
    moment = row(node_dir, 152)["logged_at"]
    set_row(node_dir, 152, {"logged_at": moment + timedelta(milliseconds=1)})
    assert_caught(cli, node_dir, 152, "modified")


def test_one_changed_byte_in_the_stored_text_is_found(cli: Any, node_dir: Path) -> None:
    """Below the model: the stored JSON text itself, edited with the database's functions."""
    build_log(node_dir)
    details = "details" if "sqlite" in load_config(node_dir).database_url else "details::text"
    cast = "" if details == "details" else "::json"
    sql(
        node_dir,
        f"UPDATE exchange_log SET details = replace({details}, 'q60', 'q61'){cast} WHERE seq = 61",
    )
    assert_caught(cli, node_dir, 61, "modified")


def test_any_single_change_is_found_where_it_is(cli: Any, node_dir: Path) -> None:
    """Hypothesis picks the entry and the field; each change is undone after its check."""
    build_log(node_dir, checkpoints=())

    @settings(max_examples=12, deadline=None)
    @given(
        seq=st.integers(min_value=1, max_value=ENTRIES),
        field=st.sampled_from(["message_id", "status", "prev_hash", "entry_hash", "purpose"]),
    )
    def change_one(seq: int, field: str) -> None:
        original = row(node_dir, seq)[field]
        set_row(node_dir, seq, {field: _flip(original)})
        try:
            verdict = verify(cli, node_dir)
            assert verdict.code == 1 and verdict.report["first_bad_seq"] == seq, verdict.report
        finally:
            set_row(node_dir, seq, {field: original})

    change_one()
    assert verify(cli, node_dir).code == 0


# -- deleted, inserted, reordered ----------------------------------------------------------


def test_deleted_row_is_found(cli: Any, node_dir: Path) -> None:
    build_log(node_dir)
    sql(node_dir, "DELETE FROM exchange_log WHERE seq = 150")
    problem = assert_caught(cli, node_dir, 150, "deleted")
    assert "entry 150 is missing" in problem["message"]


def test_deleted_row_with_renumbering_is_found(cli: Any, node_dir: Path) -> None:
    size = build_log(node_dir)
    sql(node_dir, "DELETE FROM exchange_log WHERE seq = 150")
    for seq in range(151, size + 1):  # close the gap, one row at a time (primary key)
        sql(node_dir, "UPDATE exchange_log SET seq = :new WHERE seq = :old", new=seq - 1, old=seq)
    assert_caught(cli, node_dir, 150, "deleted")


def _make_room(node_dir: Path, after: int, size: int) -> None:
    for seq in range(size, after, -1):
        sql(node_dir, "UPDATE exchange_log SET seq = :new WHERE seq = :old", new=seq + 1, old=seq)


def test_inserted_row_is_found(cli: Any, node_dir: Path) -> None:
    """A forged entry chained correctly after entry 150, later entries renumbered."""
    size = build_log(node_dir)
    before = row(node_dir, 150)
    _make_room(node_dir, 150, size)
    forged = LogRecord("out", "search.results", "sent", peer_id=PEERS[0], details={"results": 9})
    at, prev = before["logged_at"], before["entry_hash"]
    insert_row(node_dir, {
        "seq": 151, "logged_at": at, "direction": "out", "peer_id": PEERS[0], "actor": "node",
        "msg_type": "search.results", "message_id": None, "purpose": None,
        "envelope_sha256": None, "status": "sent", "details": {"results": 9},
        "prev_hash": prev, "entry_hash": compute_entry_hash(151, at, forged, prev),
    })  # fmt: skip
    problem = assert_caught(cli, node_dir, 151, "inserted")
    assert "entry 151 was inserted" in problem["message"]


def test_inserted_row_with_a_made_up_hash_is_found(cli: Any, node_dir: Path) -> None:
    size = build_log(node_dir)
    before = row(node_dir, 150)
    _make_room(node_dir, 150, size)
    insert_row(
        node_dir, {**before, "seq": 151, "entry_hash": "f" * 64, "prev_hash": before["entry_hash"]}
    )
    assert_caught(cli, node_dir, 151, "modified")


@pytest.mark.parametrize(("first", "second"), [(120, 121), (120, 180)])
def test_reordered_rows_are_found(cli: Any, node_dir: Path, first: int, second: int) -> None:
    """Swap two rows' contents, each keeping its place (seq)."""
    build_log(node_dir)
    a, b = row(node_dir, first), row(node_dir, second)
    keep = {"entry_hash": "0" * 63 + "x"}  # the unique index forbids two equal hashes at once
    set_row(node_dir, first, keep)
    set_row(node_dir, second, {k: v for k, v in a.items() if k != "seq"})
    set_row(node_dir, first, {k: v for k, v in b.items() if k != "seq"})
    problem = assert_caught(cli, node_dir, first, "reordered")
    assert f"entry {first}" in problem["message"] and "reordered" in problem["message"]


# -- tails: cut off, rewritten ----------------------------------------------------------------


def test_truncated_tail_is_found_thanks_to_the_checkpoint(cli: Any, node_dir: Path) -> None:
    size = build_log(node_dir)
    covered = max(checkpoint_sizes(node_dir))
    sql(node_dir, "DELETE FROM exchange_log WHERE seq > :keep", keep=size - 5)
    with runtime(node_dir) as rt:  # the chain alone sees nothing wrong
        assert rt.federation().log.verify_chain().ok
    problem = assert_caught(cli, node_dir, size - 4, "truncated")
    assert problem["last_seq"] == covered
    assert "removed from the end" in problem["message"]


def _rewrite_tail(node_dir: Path, start: int) -> None:
    """Change entry ``start`` and re-hash it and every later entry: a consistent chain."""
    engine = engine_of(node_dir)
    table = ExchangeLogEntry.__table__
    try:
        with engine.begin() as conn:
            rows = conn.execute(table.select().where(table.c.seq >= start - 1).order_by("seq"))
            entries = [ExchangeLogEntry(**r._mapping) for r in rows]
            prev = entries[0].entry_hash
            for entry in entries[1:]:
                if entry.seq == start:
                    entry.status = "rejected"
                new = compute_entry_hash(entry.seq, entry.logged_at, entry, prev)
                conn.execute(
                    table.update()
                    .where(table.c.seq == entry.seq)
                    .values(status=entry.status, prev_hash=prev, entry_hash=new)
                )
                prev = new
    finally:
        engine.dispose()


def test_rehashed_tail_is_found_by_the_checkpoint_root(cli: Any, node_dir: Path) -> None:
    build_log(node_dir)
    sizes = checkpoint_sizes(node_dir)
    _rewrite_tail(node_dir, 250)
    with runtime(node_dir) as rt:
        assert rt.federation().log.verify_chain().ok  # the chain was rebuilt consistently
    good = max(s for s in sizes if s < 250)
    problem = assert_caught(cli, node_dir, good + 1, "rewritten")
    assert problem["last_seq"] >= 250 and "rewritten" in problem["message"]
    # signing over the rewritten log is refused
    refused = cli("audit", "checkpoint", node_dir)
    assert refused.code == 1 and "refusing to sign" in refused.err


def test_checkpoint_signed_by_another_key_is_rejected(cli: Any, node_dir: Path) -> None:
    """An attacker without the node's key re-signs a checkpoint over a rewritten log."""
    size = build_log(node_dir)
    with runtime(node_dir) as rt:
        fed = rt.federation()
        origin = audit.log_origin(fed.node_id)
        root = bytes.fromhex(audit.verify(fed).root_hash)
    forged = sign_note(Checkpoint(origin, size, root).body(), origin, Ed25519PrivateKey.generate())
    engine = engine_of(node_dir)
    with engine.begin() as conn:
        conn.execute(
            LogCheckpoint.__table__.insert().values(
                origin=origin,
                tree_size=size,
                root_hash=root.hex(),
                note=forged,
                created_at=datetime.now(UTC),
                peer_id=None,
            )
        )
    engine.dispose()
    verdict = verify(cli, node_dir)
    assert verdict.code == 1
    (problem,) = verdict.report["problems"]
    assert problem["kind"] == "bad_signature" and "signed by another key" in problem["message"]
    assert problem["seq"] is None and problem["checkpoint"].startswith("#")
    human = cli("audit", "verify", node_dir)
    assert human.code == 1 and "signed by another key" in " ".join(human.err.split())


def test_deleted_and_edited_checkpoint_rows_are_found(cli: Any, node_dir: Path) -> None:
    build_log(node_dir)
    sql(node_dir, "DELETE FROM log_checkpoints WHERE tree_size = 100")
    verdict = verify(cli, node_dir)
    assert verdict.code == 1
    assert [p["kind"] for p in verdict.report["problems"]] == ["checkpoint_deleted"]
    sql(node_dir, "UPDATE log_checkpoints SET tree_size = tree_size + 1 WHERE tree_size > 150")
    kinds = {p["kind"] for p in verify(cli, node_dir).report["problems"]}
    assert "checkpoint_row_changed" in kinds


# -- time -------------------------------------------------------------------------------


def test_a_clock_jumping_backwards_breaks_nothing(cli: Any, node_dir: Path) -> None:
    calls = iter(range(10_000))

    def clock() -> datetime:  # forward for 35 readings, then back by more than a day
        n = next(calls)
        start = (
            datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
            if n < 35
            else datetime(2026, 4, 30, 9, 0, tzinfo=UTC)
        )
        return start + timedelta(seconds=n)

    with runtime(node_dir, clock=clock) as rt:
        fed = rt.federation()
        for i in range(30):
            fed.log.append(record(i))
        audit.make_checkpoint(fed)  # signs across the jump
        for i in range(30, 45):
            fed.log.append(record(i))
    verdict = verify(cli, node_dir)
    assert verdict.code == 0, verdict.report
    assert any("clock went backwards" in note for note in verdict.report["notes"])
    assert cli("audit", "checkpoint", node_dir).code == 0
    exported = cli("audit", "export", node_dir, "--from", "2026-04-30", "--to", "2026-05-01")
    assert exported.code == 0 and len(exported.out.splitlines()) == 46  # both days, seq order
    seqs = [json.loads(line)["seq"] for line in exported.out.splitlines()]
    assert seqs == sorted(seqs)


# -- checkpoints held outside: --against, cosignatures ------------------------------------------


def _peer_node(cli: Any, base: Path) -> tuple[Path, NodeIdentity]:
    directory = base / "flensburg"
    result = cli("init", directory, "--name", "Flensburg", "--region", "01001", "--listen",
                 f"127.0.0.1:{free_port()}", "--database", f"sqlite:///{base}/flensburg.db")  # fmt: skip
    assert result.code == 0, result.err
    return directory, NodeIdentity.load(directory / "keys")


def test_verify_against_checkpoints_cosigned_by_a_peer(
    cli: Any, node_dir: Path, tmp_path: Path
) -> None:
    size = build_log(node_dir)
    peer_dir, peer_identity = _peer_node(cli, tmp_path)
    descriptor = tmp_path / "flensburg.json"
    descriptor.write_text(cli("identity", peer_dir).out)
    assert cli("peer", "add", node_dir, descriptor).code == 0
    note = cli("audit", "checkpoint", node_dir).out
    cosigned = audit.cosign_checkpoint(peer_identity, note, 1_780_000_000)
    held = tmp_path / "held.txt"
    older = next(c for c in _notes(node_dir) if c.startswith(note.split("\n")[0]))
    held.write_text(older + "\n" + cosigned)
    verdict = verify(cli, node_dir, "--against", held)
    assert verdict.code == 0, verdict.report
    against = [c for c in verdict.report["checkpoints"] if c["source"] == "against"]
    assert [c["cosigned_by"] for c in against] == [[], [peer_identity.node_id]]

    # the administrator cuts the tail and removes every trace of it from the database
    sql(node_dir, "DELETE FROM exchange_log WHERE seq > :keep", keep=size - 10)
    sql(node_dir, "DELETE FROM log_checkpoints WHERE tree_size > :keep", keep=size - 10)
    assert verify(cli, node_dir).code == 0  # nothing inside the node shows it ...
    verdict = verify(cli, node_dir, "--against", held)  # ... the peer's copy does
    assert verdict.code == 1 and verdict.report["first_bad_seq"] == size - 9
    assert verdict.report["problems"][0]["kind"] == "truncated"


def test_forged_cosignature_and_foreign_checkpoint_are_refused(
    cli: Any, node_dir: Path, tmp_path: Path
) -> None:
    build_log(node_dir, entries=40, checkpoints=())
    peer_dir, peer_identity = _peer_node(cli, tmp_path)
    descriptor = tmp_path / "flensburg.json"
    descriptor.write_text(cli("identity", peer_dir).out)
    assert cli("peer", "add", node_dir, descriptor).code == 0
    note = cli("audit", "checkpoint", node_dir).out
    cosigned = audit.cosign_checkpoint(peer_identity, note, 1_780_000_000)
    line = cosigned.splitlines()[-1]
    broken = line[:-6] + ("AAAA==" if not line.endswith("AAAA==") else "BBBB==")
    forged_file = tmp_path / "forged.txt"
    forged_file.write_text(cosigned.replace(line, broken))
    verdict = verify(cli, node_dir, "--against", forged_file)
    assert verdict.code == 1
    assert [p["kind"] for p in verdict.report["problems"]] == ["bad_cosignature"]
    # a checkpoint of another log (the peer's own) is not evidence about ours
    foreign = tmp_path / "foreign.txt"
    other = audit.sign_checkpoint(peer_identity, 1, bytes(32))
    foreign.write_text(other)
    verdict = verify(cli, node_dir, "--against", foreign)
    assert verdict.code == 1 and verdict.report["problems"][0]["kind"] == "foreign_checkpoint"
    missing = cli("audit", "verify", node_dir, "--against", tmp_path / "nope.txt")
    assert missing.code == 2 and "does not exist" in missing.err


def _notes(node_dir: Path) -> list[str]:
    engine = engine_of(node_dir)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT note FROM log_checkpoints ORDER BY tree_size"))
            return [str(r[0]) for r in rows]
    finally:
        engine.dispose()


# -- key rotation ----------------------------------------------------------------------------


def test_checkpoints_survive_key_rotations(cli: Any, node_dir: Path) -> None:
    """sig-1, then sig-2 (trusted only through the log's record of it), then sig-3."""
    build_log(node_dir, entries=20, checkpoints=())
    for batch in range(2):
        NodeIdentity.load(node_dir / "keys").rotate_signing_key()
        with runtime(node_dir) as rt:
            fed = rt.federation()
            for i in range(10):
                fed.log.append(record(100 * batch + i))
            audit.make_checkpoint(fed)
    verdict = verify(cli, node_dir)
    assert verdict.code == 0, verdict.report
    assert len(verdict.report["checkpoints"]) == 3


# -- the scheduler inside serve ---------------------------------------------------------------


def test_scheduler_signs_when_the_log_grew_and_never_over_tampering(node_dir: Path) -> None:
    build_log(node_dir, entries=20, checkpoints=())
    with runtime(node_dir) as rt:
        fed = rt.federation()
        scheduler = audit.CheckpointScheduler(fed, interval=3600)
        assert scheduler.run_once() is None  # the log holds nothing new since the last one
        fed.log.append(record(1))
        signed = scheduler.run_once()
        assert signed is not None and signed.tree_size == fed.log.head()[0] - 1
        assert scheduler.run_once() is None
        fed.log.append(record(2))
        scheduler.start()  # a round at start
        scheduler.stop()  # and, had it grown again, one at stop
        assert max(checkpoint_sizes(node_dir)) == fed.log.head()[0] - 1
        sql(node_dir, "UPDATE exchange_log SET status = 'x' WHERE seq = 3")
        fed.log.append(record(3))
        # the running scheduler continues the history it verified itself: it signs the
        # root of the entries as they were, so the edit shows against that checkpoint
        assert scheduler.run_once() is not None
        fresh = audit.CheckpointScheduler(fed)
        assert fresh.run_once() is None  # a full check refuses to sign over the edit
        assert audit.verify(fed).first == audit._modified(3)


# -- proofs, exports, reports through the command line ------------------------------------------


def test_prove_and_verify_proof(cli: Any, node_dir: Path, tmp_path: Path) -> None:
    build_log(node_dir, entries=60, checkpoints=())
    proof_file = tmp_path / "proof.json"
    result = cli("audit", "prove", node_dir, "42", "-o", proof_file)
    assert result.code == 0, result.err
    descriptor = tmp_path / "kiel.json"
    descriptor.write_text(cli("identity", node_dir).out)
    checked = cli("audit", "verify-proof", proof_file, "--descriptor", descriptor, "--json")
    assert checked.code == 0, checked.err
    assert json.loads(checked.out)["key_source"] == "descriptor"
    proof = json.loads(proof_file.read_text())
    proof["entry"]["status"] = "rejected"
    proof_file.write_text(json.dumps(proof))
    refused = cli("audit", "verify-proof", proof_file)
    assert refused.code == 1 and "do not match its entry_hash" in refused.err
    not_yet = cli("audit", "prove", node_dir, "61")  # the checkpoint's own record
    assert not_yet.code == 2 and "audit checkpoint" in " ".join(not_yet.err.split())
    assert cli("audit", "prove", node_dir, "9999").code == 2


def test_export_and_report(cli: Any, node_dir: Path, tmp_path: Path) -> None:
    build_log(node_dir, entries=60, checkpoints=())
    today = datetime.now(UTC).date()
    period = ("--from", str(today - timedelta(days=1)), "--to", str(today + timedelta(days=1)))
    out = tmp_path / "log.csv"
    result = cli("audit", "export", node_dir, *period, "--format", "csv", "-o", out)
    assert result.code == 0, result.err
    lines = out.read_text().splitlines()
    assert lines[0].startswith("seq,logged_at,direction,peer_id") and len(lines) == 62
    jsonl = cli("audit", "export", node_dir, *period)
    entries = [json.loads(line) for line in jsonl.out.splitlines()]
    assert len(entries) == 61 and entries[0]["logged_at"].endswith("Z")
    report = json.loads(cli("audit", "report", node_dir, *period, "--json").out)
    assert report["entries"] == 61 and report["legal_basis"]
    # build_log's records carry a purpose; the node's runtime logged its legal basis with each
    logged = {(b["purpose"], b["legal_basis"]) for b in report["legal_bases_logged"]}
    assert logged == {("recruitment", report["legal_basis"])}
    human = cli("audit", "report", node_dir, *period)
    assert human.code == 0 and "Per peer and purpose" in human.out
    bad = cli("audit", "report", node_dir, "--from", "yesterday", "--to", "2026-01-01")
    assert bad.code == 2 and "--from" in bad.err
    backwards = cli("audit", "export", node_dir, "--from", "2026-02-01", "--to", "2026-01-01")
    assert backwards.code == 2 and "--to" in backwards.err


# -- large logs: worker processes ----------------------------------------------------------------


def test_parallel_verification_agrees_and_falls_back_to_locate(
    node_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_log(node_dir, entries=400, checkpoints=(100, 200))
    monkeypatch.setattr(audit, "PARALLEL_MIN_ENTRIES", 10)
    with runtime(node_dir) as rt:
        fed = rt.federation()
        sequential = audit.verify(fed, workers=1)
        parallel = audit.verify(fed, workers=2)
        assert parallel.ok and parallel.to_json() == sequential.to_json()
        set_row(node_dir, 333, {"status": "forged"})
        report = audit.verify(fed, workers=2)
        assert report.first is not None and report.first.seq == 333
