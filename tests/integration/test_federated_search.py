"""Federated search and introductions across five real nodes on loopback.

Kiel (the requester), Flensburg, Lübeck, Neumünster and Husum each run ``serve``
as their own process with real mTLS and their own SQLite database, all peered
with each other, each holding synthetic candidates. Holder-side facts (which
candidate a pseudonym stands for) are read from the holders' own databases.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from talentverbund.node.synth import generate_candidates
from tests.nodes import Node, init_node, run_cli, serve, stop_nodes, wait_serving

JOB = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Stadtplanerin / Stadtplaner (m/w/d)",
    "description": "Ihre Aufgaben: Bauleitplanung, Aufstellung von Bebauungsplänen, "
    "Flächennutzungsplan, GIS. Ihr Profil: Kenntnisse im öffentlichen Baurecht, "
    "Bürgerbeteiligung.",
    "employmentType": "FULL_TIME",
}
PLANNER = (
    "{name}\n{email}\nStadtplanerin bei der Stadt Kiel (2012-2024)\n"
    "Bauleitplanung, Aufstellung von Bebauungsplänen, Flächennutzungsplan, GIS, "
    "öffentliches Baurecht, Bürgerbeteiligung\nEnglisch (B2)\n"
)
HOLDERS = (("Flensburg", "01001"), ("Luebeck", "01003"), ("Neumuenster", "01004"),
           ("Husum", "01054"))  # fmt: skip
PER_NODE = 40


@dataclass
class Fed:
    base: Path
    kiel: Node
    holders: list[Node]
    personal: list[str]  # names, e-mails, phones of the holders' candidates
    local_only: str  # candidate id at Flensburg with local consent only
    withdrawn: str  # candidate id at Flensburg whose federation consent was withdrawn

    @property
    def all(self) -> list[Node]:
        return [self.kiel, *self.holders]

    def by_name(self, name: str) -> Node:
        return next(n for n in self.all if n.name == name)


def _cli_ok(*args: object) -> str:
    code, out, err = run_cli(*args)
    assert code == 0, f"{args[:2]}: {err}"
    return out


def _configure(node: Node, federation: dict[str, int]) -> None:
    path = node.directory / "talentverbund.toml"
    config = tomllib.loads(path.read_text())
    config["federation"].update(federation)
    path.write_text(tomli_w.dumps(config))


def _fill(node: Node, seed: int, base: Path) -> list[str]:
    profiles = list(generate_candidates(PER_NODE, seed, None))
    path = base / f"{node.name}.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in profiles))
    _cli_ok("candidate", "import", node.directory, path, "--consent", "local",
            "--consent", "federation")  # fmt: skip
    path.unlink()
    personal = []
    for p in profiles:
        personal += [v for k, v in p.get("personal", {}).items() if k in ("name", "email", "phone")]
    return personal


def _add_planner(node: Node, base: Path, name: str, *consents: str) -> str:
    cv = base / f"{name}.txt"
    email = name.lower().replace(" ", ".") + "@example.org"
    cv.write_text(PLANNER.format(name=name, email=email))
    args = [a for c in consents for a in ("--consent", c)]
    out = _cli_ok("candidate", "add", node.directory, "--cv", cv, "--email", email, *args, "--json")
    cv.unlink()
    return str(json.loads(out)["id"])


def _post_job(node: Node, base: Path, posting: dict[str, Any], name: str) -> str:
    path = base / f"{name}.jsonld"
    path.write_text(json.dumps(posting, ensure_ascii=False))
    return str(json.loads(_cli_ok("job", "add", node.directory, "--file", path, "--json"))["id"])


def _search(node: Node, job_id: str, *extra: object) -> dict[str, Any]:
    code, out, err = run_cli("search", node.directory, job_id, "--json", *extra)
    answer = dict(json.loads(out))
    complete = all(p["status"] == "answered" for p in answer["peers"])
    assert code == (0 if complete else 3), err  # 3: partial, some peers did not answer
    return answer


def _db(node: Node) -> sqlite3.Connection:
    return sqlite3.connect(node.directory / "node.db", timeout=30)


def _owners(holder: Node, requester: Node) -> dict[str, str]:
    """pseudonym -> candidate id, as the holder recorded what it gave ``requester``."""
    with _db(holder) as db:
        rows = db.execute(
            "SELECT pseudonym, candidate_id FROM issued_results WHERE requester = ?",
            (requester.node_id,),
        ).fetchall()
    return dict(rows)


@pytest.fixture(scope="module")
def fed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fed]:
    base = tmp_path_factory.mktemp("fedsearch")
    kiel = init_node(base, "Kiel", "01002")
    holders = [init_node(base, name, region) for name, region in HOLDERS]
    nodes = [kiel, *holders]
    _configure(holders[1], {"queries_per_minute": 6})  # Lübeck: a small budget
    _configure(holders[2], {"cache_hours": 0, "exposure_cap": 2})  # Neumünster
    personal: list[str] = []
    for i, node in enumerate(nodes):
        found = _fill(node, 100 + i, base)
        if node is not kiel:
            personal += found
    flensburg = holders[0]
    local_only = _add_planner(flensburg, base, "Lokal Nurhier", "local")
    withdrawn = _add_planner(flensburg, base, "Zurueck Gezogen", "local", "federation")
    for name in ("Planer Eins", "Planer Zwei", "Planer Drei"):
        _add_planner(flensburg, base, name, "local", "federation")
    personal += ["Planer Eins", "Planer Zwei", "Planer Drei", "planer.eins@example.org"]
    for node in nodes:
        serve(node)
    try:
        for node in nodes:
            wait_serving(node)
        for node in nodes:
            for other in nodes:
                if other is not node:
                    _cli_ok("peer", "add", node.directory, other.descriptor_file)
        _cli_ok("candidate", "consent", flensburg.directory, withdrawn, "withdraw", "federation")
        yield Fed(base, kiel, holders, personal, local_only, withdrawn)
    finally:
        for node in nodes:
            if node.proc is not None and node.proc.poll() is None:
                os.kill(node.proc.pid, signal.SIGCONT)  # a test may have frozen it
        stop_nodes(nodes)


@pytest.fixture(scope="module")
def job_id(fed: Fed) -> str:
    return _post_job(fed.kiel, fed.base, JOB, "planner")


def test_results_come_from_every_peer_merged_and_anonymous(fed: Fed, job_id: str) -> None:
    answer = _search(fed.kiel, job_id, "--top", "30")
    peers = {p["name"]: p for p in answer["peers"]}
    assert set(peers) == {n.name for n in fed.holders}
    assert all(p["status"] == "answered" for p in peers.values()), peers
    sources = {r["node"] for r in answer["results"]}
    assert "Flensburg" in sources and len(sources) >= 3
    scores = [r["score"] for r in answer["results"]]
    assert scores == sorted(scores, reverse=True)
    remote = [r for r in answer["results"] if r["result_id"]]
    assert all(0 <= r["score"] <= 100 and r["score"] % 5 == 0 for r in remote)
    assert all(r["experience"] in ("", "0-2", "3-5", "6-10", ">10") for r in remote)
    dump = json.dumps(answer, ensure_ascii=False)
    assert not [p for p in fed.personal if p in dump]
    # the three planners at Flensburg fit best and match the job's core skills
    best = next(r for r in remote if r["node"] == "Flensburg")
    assert best["score"] >= 60 and best["matched"]


def test_local_only_and_withdrawn_consent_never_leave(fed: Fed, job_id: str) -> None:
    _search(fed.kiel, job_id, "--top", "50")
    shown = set(_owners(fed.holders[0], fed.kiel).values())
    assert shown, "Flensburg gave Kiel no results at all"
    assert fed.local_only not in shown
    assert fed.withdrawn not in shown


def test_repeated_job_is_answered_from_cache(fed: Fed, job_id: str) -> None:
    first = _search(fed.kiel, job_id, "--top", "20")
    again = _search(fed.kiel, job_id, "--top", "20")
    flensburg = {p["name"]: p for p in again["peers"]}["Flensburg"]
    assert flensburg["from_cache"]

    def pseudonyms(answer: dict[str, Any]) -> set[str]:
        return {r["pseudonym"] for r in answer["results"] if r["node"] == "Flensburg"}

    assert pseudonyms(first) == pseudonyms(again)  # nothing new to learn by asking again
    tweaked = dict(JOB, title="Stadtplaner/in (w/m/d), befristet")  # a small change
    tweaked_id = _post_job(fed.kiel, fed.base, tweaked, "tweaked")
    answer = _search(fed.kiel, tweaked_id, "--top", "20")
    assert {p["name"]: p for p in answer["peers"]}["Flensburg"]["from_cache"]


def test_pseudonyms_differ_across_queries_and_requesters(fed: Fed, job_id: str) -> None:
    flensburg, husum = fed.holders[0], fed.holders[3]
    first = _search(fed.kiel, job_id, "--top", "20")
    later = dict(JOB, jobStartDate="2031-01-01")  # other facts: a new query, not the cache
    second = _search(fed.kiel, _post_job(fed.kiel, fed.base, later, "later"), "--top", "20")
    from_husum = _search(husum, _post_job(husum, fed.base, JOB, "husum-job"), "--top", "20")
    owners = _owners(flensburg, fed.kiel)
    husum_owners = _owners(flensburg, husum)

    def by_candidate(answer: dict[str, Any], owner: dict[str, str]) -> dict[str, str]:
        return {owner[r["pseudonym"]]: r["pseudonym"] for r in answer["results"]
                if r["node"] == "Flensburg"}  # fmt: skip

    a, b = by_candidate(first, owners), by_candidate(second, owners)
    c = by_candidate(from_husum, husum_owners)
    assert set(a) & set(b) and set(a) & set(c)
    assert all(a[cid] != b[cid] for cid in set(a) & set(b))
    assert all(a[cid] != c[cid] for cid in set(a) & set(c))


def test_exposure_cap_limits_how_often_one_candidate_is_shown(fed: Fed, job_id: str) -> None:
    neumuenster = fed.holders[2]  # exposure_cap = 2, no cache
    for _ in range(3):
        _search(fed.kiel, job_id, "--top", "5")
    with _db(neumuenster) as db:
        counts = db.execute(
            "SELECT candidate_id, COUNT(*) FROM issued_results WHERE requester = ? "
            "GROUP BY candidate_id",
            (fed.kiel.node_id,),
        ).fetchall()
    assert counts and max(n for _, n in counts) <= 2


def test_query_budget_answers_resource_exhausted_with_retry_time(fed: Fed) -> None:
    luebeck, flensburg = fed.holders[1], fed.holders[0]  # Lübeck: 6 queries per minute
    job = _post_job(flensburg, fed.base, dict(JOB, jobStartDate="2032-01-01"), "budget")
    statuses = []
    for _ in range(8):
        peers = _search(flensburg, job, "--top", "5")["peers"]
        statuses.append(next(p for p in peers if p["name"] == luebeck.name))
    assert statuses[0]["status"] == "answered"
    refused = [s for s in statuses if s["status"] != "answered"]
    assert refused and refused[-1]["status"] == "resource_exhausted"
    assert "retry after" in refused[-1]["reason"]


def _wait_status(node: Node, intro_id: str, status: str, timeout: float = 30) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        rows = [json.loads(line) for line in _cli_ok("introduction", "list", node.directory,
                                                      "--json").splitlines()]  # fmt: skip
        row = next(r for r in rows if r["id"] == intro_id)
        if row["status"] == status or time.monotonic() > deadline:
            return dict(row)
        time.sleep(0.5)


def test_introduction_accept_decline_and_no_answer(fed: Fed, job_id: str) -> None:
    kiel, flensburg = fed.kiel, fed.holders[0]
    answer = _search(kiel, job_id, "--top", "30")
    results = [r["result_id"] for r in answer["results"] if r["node"] == "Flensburg"][:3]
    assert len(results) == 3
    intros = []
    for result in results:
        out = _cli_ok("introduce", kiel.directory, result, "-m", "Wir freuen uns.", "--json")
        intros.append(json.loads(out)["id"])
    accepted, declined, silent = intros
    held = {json.loads(line)["id"] for line in _cli_ok(
        "introduction", "list", flensburg.directory, "--json").splitlines()}  # fmt: skip
    assert set(intros) <= held
    outbox = flensburg.directory / "outbox"
    deadline = time.monotonic() + 20  # the candidate is notified by serve's next upkeep round
    while len(list(outbox.glob("*-introduction.txt"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.3)
    notices = [p.read_text() for p in outbox.glob("*-introduction.txt")]
    assert len(notices) == 3 and all("Wir freuen uns." in n for n in notices)
    assert not [p for p in fed.personal if any(p in n for n in notices)]  # id only, no name

    _cli_ok("candidate", "respond", flensburg.directory, accepted, "accept")
    _cli_ok("candidate", "respond", flensburg.directory, declined, "decline")
    assert _wait_status(kiel, accepted, "accepted")["status"] == "accepted"
    shown = json.loads(_cli_ok("introduction", "show", kiel.directory, accepted, "--json"))
    assert shown["contact"]["email"] and shown["contact"]["scrubbed_cv"]
    assert "[" in shown["contact"]["scrubbed_cv"]  # protected details were scrubbed

    # the declined one says nothing yet; both end alike when the period ends
    assert _wait_status(kiel, declined, "requested", timeout=0)["status"] == "requested"
    with _db(flensburg) as db:
        db.execute(
            "UPDATE introductions SET respond_by = '2000-01-01 00:00:00.000000' "
            "WHERE id IN (?, ?)",
            (declined, silent),
        )
    a = _wait_status(kiel, declined, "not_accepted")
    b = _wait_status(kiel, silent, "not_accepted")
    assert a["status"] == b["status"] == "not_accepted"
    assert set(a) == set(b)
    with _db(kiel) as db:
        kinds = {
            intro: db.execute(
                "SELECT msg_type, status, purpose FROM exchange_log WHERE details LIKE ? "
                "AND direction = 'in'",
                (f'%"intro_id": "{intro}"%',),
            ).fetchall()
            for intro in (declined, silent)
        }
    assert kinds[declined] == kinds[silent] != []
    # answering twice is refused with a clear message
    code, _, err = run_cli("candidate", "respond", flensburg.directory, accepted, "decline")
    assert code == 2 and "already answered" in err


def test_outbox_retry_after_a_lost_reply_gets_the_original_receipt(fed: Fed) -> None:
    """Re-sealed retry, same message id: the peer answers with its first receipt, which
    names the first envelope; the sender accepts it and stops retrying."""
    kiel, flensburg = fed.kiel, fed.holders[0]
    with _db(flensburg) as db:
        row_id, attempts = db.execute(
            "SELECT id, attempts FROM outbox WHERE kind = 'introduction.answer' "
            "AND sent_at IS NOT NULL ORDER BY id LIMIT 1"
        ).fetchone()
        db.execute(  # as if the reply to the first delivery had been lost
            "UPDATE outbox SET sent_at = NULL, not_before = '2000-01-01 00:00:00.000000' "
            "WHERE id = ?",
            (row_id,),
        )

    def redelivered() -> bool:
        with _db(flensburg) as db:
            row = db.execute(
                "SELECT sent_at, attempts, last_error FROM outbox WHERE id = ?", (row_id,)
            ).fetchone()
        return row[0] is not None and row[1] == attempts + 1 and row[2] is None

    assert _wait_until(redelivered)
    with _db(kiel) as db:
        statuses = [r[0] for r in db.execute(
            "SELECT status FROM exchange_log WHERE msg_type = 'notice' AND direction = 'in' "
            "AND peer_id = ?", (flensburg.node_id,))]  # fmt: skip
    assert "duplicate" in statuses


def _wait_until(check: Any, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True


def test_erasure_reaches_every_peer_holding_results(fed: Fed, job_id: str) -> None:
    kiel, flensburg, husum = fed.kiel, fed.holders[0], fed.holders[3]
    _search(husum, _post_job(husum, fed.base, JOB, "husum-erasure"), "--top", "20")
    answer = _search(kiel, job_id, "--top", "30")
    owners = _owners(flensburg, kiel)
    husum_has = set(_owners(flensburg, husum).values())
    with _db(flensburg) as db:  # introduced candidates are the next test's subject
        introduced = {r[0] for r in db.execute("SELECT candidate_id FROM introductions")}
    shared = [r for r in answer["results"] if r["node"] == "Flensburg"
              and owners[r["pseudonym"]] in husum_has - introduced]  # fmt: skip
    assert shared, "no Flensburg candidate was shown to both Kiel and Husum"
    cid = owners[shared[0]["pseudonym"]]
    pseudonyms = {p for p, c in owners.items() if c == cid}
    out = _cli_ok("candidate", "erase", flensburg.directory, cid)
    assert "erasure notices sent to 2 peers" in out

    def gone(node: Node) -> bool:
        with _db(node) as db:
            rows = db.execute("SELECT pseudonym FROM federated_results").fetchall()
        return not pseudonyms & {r[0] for r in rows}

    assert _wait_until(lambda: gone(kiel)) and _wait_until(lambda: gone(husum))
    with _db(kiel) as db:
        logged = db.execute(
            "SELECT status FROM exchange_log WHERE msg_type = 'notice' AND direction = 'in' "
            "AND details LIKE '%\"notice\": \"erasure\"%'"
        ).fetchall()
    assert ("accepted",) in logged
    with _db(flensburg) as db:  # nothing of the candidate is left but the tombstone
        assert not db.execute("SELECT 1 FROM candidates WHERE id = ?", (cid,)).fetchall()
        assert not db.execute("SELECT 1 FROM issued_results WHERE candidate_id = ?",
                              (cid,)).fetchall()  # fmt: skip


def test_erasure_of_an_introduced_candidate_lets_the_employer_decide(fed: Fed) -> None:
    kiel, flensburg = fed.kiel, fed.holders[0]
    with _db(flensburg) as db:
        row = db.execute(
            "SELECT id, candidate_id FROM introductions WHERE side = 'holder' "
            "AND status = 'accepted'"
        ).fetchone()
    intro_id, cid = row
    assert "erasure notices sent to" in _cli_ok("candidate", "erase", flensburg.directory, cid)

    def noticed() -> bool:
        shown = json.loads(_cli_ok("introduction", "show", kiel.directory, intro_id, "--json"))
        return bool(shown["erasure_notice_at"])

    assert _wait_until(noticed)
    shown = json.loads(_cli_ok("introduction", "show", kiel.directory, intro_id, "--json"))
    assert shown["contact"]["email"]  # a controller in its own right: not forced to purge
    code, _, err = run_cli("introduction", "erasure", kiel.directory, intro_id, "keep")
    assert code == 2 and "--until" in err
    _cli_ok("introduction", "erasure", kiel.directory, intro_id, "delete")
    shown = json.loads(_cli_ok("introduction", "show", kiel.directory, intro_id, "--json"))
    assert shown["status"] == "deleted" and not shown.get("contact")


def test_bad_introductions_are_refused_clearly(fed: Fed, job_id: str) -> None:
    code, _, err = run_cli("introduce", fed.kiel.directory, "rdoesnotexist")
    assert code == 2 and "no result" in err
    answer = _search(fed.kiel, job_id, "--top", "30")
    result = next(r["result_id"] for r in answer["results"] if r["node"] == "Husum")
    with _db(fed.kiel) as db:
        db.execute(
            "UPDATE federated_results SET expires_at = '2000-01-01 00:00:00.000000' WHERE id = ?",
            (result,),
        )
    code, _, err = run_cli("introduce", fed.kiel.directory, result)
    assert code == 2 and "expired" in err


def test_hung_and_killed_peers_are_reported_while_others_answer(fed: Fed, job_id: str) -> None:
    neumuenster, husum = fed.holders[2], fed.holders[3]
    assert neumuenster.proc is not None and husum.proc is not None
    os.kill(neumuenster.proc.pid, signal.SIGSTOP)  # accepts connections, never answers
    husum.proc.kill()
    husum.proc.wait()
    try:
        started = time.monotonic()
        code, out, err = run_cli("search", fed.kiel.directory, job_id, "--json", "--timeout", "2",
                                 "--top", "20")
        elapsed = time.monotonic() - started
    finally:
        os.kill(neumuenster.proc.pid, signal.SIGCONT)
    assert code == 3 and "peers did not answer" in err  # partial: scripts can tell
    answer = json.loads(out)
    peers = {p["name"]: p for p in answer["peers"]}
    assert peers["Flensburg"]["status"] == "answered"
    assert peers["Luebeck"]["status"] in ("answered", "resource_exhausted")
    assert peers["Neumuenster"]["status"] in ("deadline_exceeded", "timeout")
    assert peers["Husum"]["status"] == "unavailable"
    assert peers["Husum"]["reason"] and peers["Neumuenster"]["reason"]
    assert elapsed < 2 + 3  # the deadline, plus command start-up; never the hung peer's time
    assert any(r["node"] == "Flensburg" for r in answer["results"])


def test_requesting_node_stores_no_personal_data_of_other_nodes(fed: Fed) -> None:
    """Every byte Kiel stored (database, WAL, keys, outbox, its log) holds no name, e-mail
    or phone number of another node's candidate; the accepted contact card is sealed."""
    files = [p for p in fed.kiel.directory.rglob("*") if p.is_file()]
    files.append(fed.base / "Kiel.log")
    blob = b"".join(p.read_bytes() for p in files)
    leaked = [p for p in fed.personal if p.encode() in blob]
    assert files and not leaked
