"""The audit module on a real log (SQLite and PostgreSQL): encoding, proofs, exports, reports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.engine import Engine

from talentverbund.crypto.identity import NodeIdentity
from talentverbund.crypto.merkle import ProofTree
from talentverbund.node import audit
from talentverbund.node.errors import UsageError
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.exchange_log import LogRecord, entry_bytes, leaf_hash
from talentverbund.node.storage.db import session_factory
from talentverbund.node.storage.models import ExchangeLogEntry

PEER_A, PEER_B = "tv1" + "a" * 32, "tv1" + "b" * 32
START = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


class Clock:
    """One minute per reading, from START: entries get known times."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> NodeIdentity:
    return NodeIdentity.create(tmp_path_factory.mktemp("node") / "keys")


@pytest.fixture
def fed(engine: Engine, identity: NodeIdentity) -> Iterator[Federation]:
    federation = Federation(session_factory(engine), identity, lambda: "model", Clock())
    yield federation
    federation.close()


def _append(fed: Federation, *records: LogRecord) -> None:
    with fed.log.transaction() as tx:
        for record in records:
            tx.append(record)


def _raw(fed: Federation) -> list[tuple[Any, ...]]:
    with fed.sessions() as session:
        return list(audit._raw_rows(session))


# -- the fast encoding never disagrees with the reference --------------------------------

_chars = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")  # PG: no NUL
_text = st.text(_chars, max_size=12)
_json: Any = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | _text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3),
    max_leaves=8,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    details=st.dictionaries(_text, _json, max_size=4),
    actor=st.text(_chars, min_size=1, max_size=20),
    message=st.none() | st.text(_chars, max_size=30),
)
def test_fast_encoding_matches_the_reference(
    fed: Federation, details: dict[str, Any], actor: str, message: str | None
) -> None:
    _append(fed, LogRecord("out", "search", "sent", actor=actor, message_id=message,
                           peer_id=PEER_A, details=details))  # fmt: skip
    row = _raw(fed)[-1]
    with fed.sessions() as session:
        stored = session.get(ExchangeLogEntry, row[0])
        assert stored is not None
        exact = entry_bytes(stored.seq, stored.logged_at, stored, stored.prev_hash)
    assert audit._entry_bytes_checked(row) == exact  # never a false alarm
    if all(key.isascii() for key in _keys(details)):
        assert audit._fast_entry_bytes(row) == exact  # and the fast path is the one taken


def _keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _keys(inner)


# -- proofs --------------------------------------------------------------------------------


def _records(count: int) -> list[LogRecord]:
    return [
        LogRecord("in" if i % 2 else "out", "search", "accepted", peer_id=PEER_A,
                  message_id=f"{i:032x}", details={"n": i})
        for i in range(count)
    ]  # fmt: skip


def test_proof_roundtrip_and_tampering(
    fed: Federation, identity: NodeIdentity, tmp_path: Path
) -> None:
    _append(fed, *_records(37))
    audit.make_checkpoint(fed)
    proof = json.loads(json.dumps(audit.prove(fed, 20)))  # as handed over: JSON text
    check = audit.verify_proof(proof)
    assert (check.seq, check.tree_size, check.key_source) == (20, 37, "proof file (self-asserted)")
    given_key = audit.verify_proof(proof, key=proof["log_key"])
    assert given_key.key_source == "given key"

    def refused(change: dict[str, Any], match: str) -> None:
        broken = json.loads(json.dumps(proof))
        for path, value in change.items():
            target = broken
            *parents, last = path.split(".")
            for name in parents:
                target = target[name]
            target[last] = value
        with pytest.raises(audit.ProofError, match=match):
            audit.verify_proof(broken)

    refused({"entry.status": "rejected"}, "do not match its entry_hash")
    refused({"inclusion_path": ["00" * 32, *proof["inclusion_path"][1:]]}, "not in the checkpoint")
    refused({"leaf_index": 18}, "is not entry 20")
    refused({"checkpoint": proof["checkpoint"].replace("\n37\n", "\n38\n")}, "not signed")
    other = NodeIdentity.create(tmp_path / "other-keys")
    with pytest.raises(audit.ProofError, match="not signed"):
        key = audit.verifier_key(audit.log_origin(identity.node_id), other.signing_public_key)
        audit.verify_proof(proof, key=key)
    with pytest.raises(UsageError, match="not an inclusion proof"):
        audit.verify_proof({"format": "something else"})


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(size=st.integers(1, 70), pick=st.integers(0, 10_000))
def test_proof_path_is_rfc6962s(fed: Federation, size: int, pick: int) -> None:
    """The streamed path equals crypto's ProofTree path over the same leaves."""
    have = fed.log.head()[0]
    if have < size:
        _append(fed, *_records(size - have))
    info = audit.make_checkpoint(fed)
    seq = 1 + pick % info.tree_size  # the log grows across examples: no draw depends on it
    proof = audit.prove(fed, seq)
    leaves = [leaf_hash(entry) for entry in fed.log.entries(limit=1000)]  # the log's own
    expected = ProofTree(leaves[: info.tree_size]).inclusion_proof(seq - 1)
    assert proof["inclusion_path"] == [node.hex() for node in expected]
    assert audit.verify_proof(proof).seq == seq


# -- export -----------------------------------------------------------------------------------


def test_export_formats_and_period(fed: Federation) -> None:
    _append(
        fed,
        LogRecord("in", "=cmd|'/c calc'!A1", "bad_header", peer_id=PEER_A, details={"a": 1}),
        *_records(5),
    )  # entries at 08:01 .. 08:06
    period = audit.parse_period("2026-03-01T08:02:00Z", "2026-03-01T08:05:00Z")
    lines = audit.export_text(fed, period, "jsonl").splitlines()
    entries = [json.loads(line) for line in lines]
    assert [e["seq"] for e in entries] == [2, 3, 4]  # [from, to): 08:02, 08:03, 08:04
    assert entries[0]["logged_at"] == "2026-03-01T08:02:00.000Z"
    assert list(entries[0]) == list(audit.EXPORT_FIELDS)
    whole = audit.parse_period("2026-03-01", "2026-03-01")  # a bare end date: the whole day
    table = list(csv.reader(io.StringIO(audit.export_text(fed, whole, "csv"))))
    assert table[0] == list(audit.EXPORT_FIELDS) and len(table) == 7
    assert table[1][5] == "'=cmd|'/c calc'!A1"  # a spreadsheet would run it: neutralized
    assert json.loads(table[2][10]) == {"n": 0}
    assert table[1][3] == PEER_A and table[2][7] == ""  # None is empty
    # paging: the cursor walks the whole period
    page, following = audit.export_page(fed, whole, 0, limit=4)
    rest, done = audit.export_page(fed, whole, following or 0, limit=4)
    assert [e["seq"] for e in page + rest] == [1, 2, 3, 4, 5, 6] and done is None
    with pytest.raises(UsageError, match="unknown export format"):
        audit.export_text(fed, whole, "xml")


def test_dates_and_periods() -> None:
    assert audit.parse_moment("2026-01-31", "--from") == datetime(2026, 1, 31, tzinfo=UTC)
    assert audit.parse_moment("2026-01-31", "--to", end=True) == datetime(2026, 2, 1, tzinfo=UTC)
    assert audit.parse_moment("2026-01-31T14:30:00+01:00", "--from") == datetime(
        2026, 1, 31, 13, 30, tzinfo=UTC
    )
    assert audit.parse_moment("2026-01-31T14:30", "--from").tzinfo == UTC
    with pytest.raises(UsageError, match=r"--from: '31\.01\.2026'"):
        audit.parse_moment("31.01.2026", "--from")
    with pytest.raises(UsageError, match=r"--to .* is not after --from"):
        audit.parse_period("2026-02-01", "2026-01-01", ("--from", "--to"))


# -- report -----------------------------------------------------------------------------------


def test_report_counts_from_the_log(fed: Federation) -> None:
    def entry(
        direction: str, kind: str, status: str, peer: str | None, **details: Any
    ) -> LogRecord:
        return LogRecord(direction, kind, status, peer_id=peer, details=details,
                         purpose="recruitment" if peer else None)  # fmt: skip

    _append(
        fed,
        entry("in", "search", "accepted", PEER_A, query_id="q1"),
        entry("out", "search.results", "sent", PEER_A, results=4),
        entry("in", "search", "accepted", PEER_A, query_id="q2"),
        entry("out", "search.results", "sent", PEER_A, results=2),
        entry("in", "search", "budget_exceeded", PEER_A),
        entry("out", "search", "receipted", PEER_B, results=3),
        entry("in", "search.results", "accepted", PEER_B),
        entry("in", "introduction.request", "accepted", PEER_B, intro_id="i1"),
        entry("out", "introduction.reply", "sent", PEER_B, intro_id="i1"),
        entry("out", "notice", "receipted", PEER_B, intro_id="i1", outcome="accepted"),
        entry("out", "notice", "unavailable", PEER_B, intro_id="i2", outcome="accepted"),
        entry("out", "notice", "receipted", PEER_B, intro_id="i3", outcome="not_accepted"),
        entry("in", "notice", "accepted", PEER_A, notice="introduction_answer", outcome="accepted"),
        entry(
            "out", "notice", "receipted", PEER_B, notice_id="n1", reason="retention", pseudonyms=2
        ),
        entry("in", "notice", "accepted", PEER_A, notice="erasure", pseudonyms=1),
        entry("local", "erasure", "recorded", None, reason="erasure_request"),
        entry("local", "retention", "keep", None, intro_id="i1"),
        entry("local", "peer.add", "ok", PEER_B),
        LogRecord("in", "handshake", "accepted", peer_id=PEER_B),  # no purpose
    )
    period = audit.parse_period("2026-03-01", "2026-03-01")
    report = audit.report(fed, period, "Art. 6(1)(a) DSGVO")
    assert report["entries"] == 19 and report["legal_basis"] == "Art. 6(1)(a) DSGVO"
    groups = {g["peer_id"]: g for g in report["by_peer_and_purpose"] if g["purpose"]}
    a, b = groups[PEER_A], groups[PEER_B]
    assert (a["queries_received"], a["result_messages_sent"], a["results_sent"]) == (3, 2, 6)
    assert a["rejections"] == 1 and a["queries_sent"] == 0
    assert (a["candidate_data_received"], a["erasure_notices_received"]) == (1, 1)
    assert (b["queries_sent"], b["results_received"], b["result_messages_received"]) == (1, 3, 1)
    assert (b["introductions_received"], b["introductions_sent"]) == (1, 1)
    assert b["introduction_answers_sent"] == 3 and b["erasure_notices_sent"] == 1
    assert b["candidate_data_sent"] == 1  # the failed delivery carried nothing
    assert b["rejections"] == 1 and b["other_messages"] == 0
    assert groups.get(None) is None  # the handshake has no purpose: its own group
    handshake = next(g for g in report["by_peer_and_purpose"] if g["purpose"] is None)
    assert handshake["other_messages"] == 1
    (recipient,) = report["recipients_of_candidate_data"]
    assert recipient["peer_id"] == PEER_B and recipient["count"] == 1
    retention = {(r["direction"], r["msg_type"]): r["count"] for r in report["retention_actions"]}
    assert retention == {
        ("out", "erasure notice"): 1,
        ("in", "erasure notice"): 1,
        ("local", "erasure"): 1,
        ("local", "retention"): 1,
    }
    local = {r["msg_type"]: r["count"] for r in report["local_actions"]}
    assert local == {"erasure": 1, "retention": 1, "peer.add": 1}
    assert sum(m["count"] for m in report["message_types"]) == 19
    empty = audit.report(fed, audit.parse_period("2025-01-01", "2025-12-31"))
    assert empty["entries"] == 0 and empty["by_peer_and_purpose"] == []


# -- notes, checkpoints ---------------------------------------------------------------------


def test_split_notes_reads_concatenated_notes(fed: Federation, identity: NodeIdentity) -> None:
    first = audit.sign_checkpoint(identity, 3, bytes(32))
    second = audit.cosign_checkpoint(identity, audit.sign_checkpoint(identity, 5, bytes(32)), 9)
    for joined in (
        first + second,
        first + "\n\n" + second + "\n",
        (first + second).replace("\n", "\r\n"),
    ):
        assert audit.split_notes(joined) == [first, second]
    assert audit.split_notes("") == []


def test_checkpoint_note_carries_key_and_next_key_commitment(identity: NodeIdentity) -> None:
    note = audit.sign_checkpoint(identity, 7, b"\x01" * 32)
    body = note.split("\n\n")[0].split("\n")
    assert body[:2] == [audit.log_origin(identity.node_id), "7"]
    assert body[3].startswith(audit.KEY_EXTENSION + " ")
    assert body[4] == f"{audit.NEXT_KEY_EXTENSION} {identity.next_signing_key_commitment}"


def test_verify_reports_an_empty_and_a_plain_log(fed: Federation, engine: Engine) -> None:
    report = audit.verify(fed)
    assert report.ok and report.entries == 0
    _append(fed, *_records(10))
    report = audit.verify(fed)
    assert report.ok and report.entries == 10
    assert any("no signed checkpoint" in note for note in report.notes)
    with engine.begin() as conn:
        conn.execute(text("UPDATE exchange_log SET purpose = 'marketing' WHERE seq = 4"))
    report = audit.verify(fed)
    assert not report.ok and report.first is not None and report.first.seq == 4
    assert report.to_json()["first_bad_seq"] == 4
