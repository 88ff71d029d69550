"""Exchange-log speed: what logging adds per message, and ``audit verify`` over 1M entries.

Two measurements on a real node (``talentverbund init``, SQLite in WAL mode with
synchronous=FULL, the node's own engine), medians of ``--runs``:

* **Append cost**: ``ExchangeLog.append`` of one realistic entry in its own
  transaction (lock, read the head, hash, insert, commit: what answering a query
  adds), against the baseline of the same run, a bare insert of the entry's
  JSON into a plain two-column table in the same database, each in its own
  transaction. The difference is what the hash chain costs beyond durably
  writing a row at all. Measured on the full ``--entries`` log, its worst case.
* **Verify**: ``audit verify`` (:func:`talentverbund.node.audit.verify`, the
  function the command runs) over ``--entries`` entries with a signed checkpoint:
  chain, Merkle tree, checkpoint root and signature. Also timed once: the bare
  streaming of the rows (no hashing), and the command line end to end (a new
  process: imports, opening the node, verifying, printing).

The log is generated fast but honestly: entries with the message mix of a
federation (queries, results with receipts, handshakes, refusals), hashed with
the log's own ``entry_bytes`` and inserted with ``executemany`` in large
transactions. Writes JSON to ``--output``; the machine may be shared, so the
load average at start and end is recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from talentverbund.node import audit
from talentverbund.node.cli.main import main as cli_main
from talentverbund.node.federation.exchange_log import (
    GENESIS_HASH,
    LogRecord,
    compute_entry_hash,
)
from talentverbund.node.runtime import NodeRuntime, open_runtime
from talentverbund.node.storage.models import ExchangeLogEntry

TABLE = ExchangeLogEntry.__table__
SHARED = 10  # entries per shared transaction (a search logs about two per peer)


def _hex(rng: random.Random, bits: int) -> str:
    return f"{rng.getrandbits(bits):0{bits // 4}x}"


def make_record(rng: random.Random, i: int, peers: list[str]) -> LogRecord:
    """One entry of a federation's message mix (ids and hashes only, as in the real log)."""
    peer = peers[i % len(peers)]
    kind = i % 6
    if kind == 0:  # our query out, with the peer's receipt
        details: dict[str, Any] = {
            "rpc": "Search",
            "query_id": _hex(rng, 128),
            "results": rng.randrange(11),
            "receipt": {
                "envelope_sha256": _hex(rng, 256),
                "log_index": i,
                "log_entry_hash": _hex(rng, 256),
                "received_at_ms": 1_767_225_600_000 + i,
                "receiver_kid": "sig-1",
                "status": "accepted",
                "signature": _hex(rng, 256),
            },
        }
        return LogRecord("out", "search", "receipted", peer_id=peer,
                         message_id=_hex(rng, 128), purpose="recruitment",
                         envelope_sha256=_hex(rng, 256), details=details)  # fmt: skip
    if kind == 1:  # the results that answered it
        return LogRecord("in", "search.results", "accepted", peer_id=peer,
                         message_id=_hex(rng, 128), purpose="recruitment",
                         envelope_sha256=_hex(rng, 256),
                         details={"in_reply_to": _hex(rng, 128)})  # fmt: skip
    if kind == 2:  # a peer's query in
        details = {"rpc": "Search", "query_id": _hex(rng, 128), "skills": 7, "top_k": 10}
        return LogRecord("in", "search", "accepted", peer_id=peer, message_id=_hex(rng, 128),
                         purpose="recruitment", envelope_sha256=_hex(rng, 256),
                         details=details)  # fmt: skip
    if kind == 3:  # our answer
        details = {"in_reply_to": _hex(rng, 128), "receipt_log_index": i,
                   "query_id": _hex(rng, 128), "results": rng.randrange(11),
                   "from_cache": False}  # fmt: skip
        return LogRecord("out", "search.results", "sent", peer_id=peer,
                         message_id=_hex(rng, 128), purpose="recruitment",
                         envelope_sha256=_hex(rng, 256), details=details)  # fmt: skip
    if kind == 4:
        return LogRecord("in", "handshake", "accepted", peer_id=peer, message_id=_hex(rng, 128),
                         envelope_sha256=_hex(rng, 256),
                         details={"rpc": "Handshake", "protocol_version": 1})  # fmt: skip
    return LogRecord("in", "search", "replayed", peer_id=peer, message_id=_hex(rng, 128),
                     envelope_sha256=_hex(rng, 256),
                     details={"rpc": "Search", "grpc_status": "ALREADY_EXISTS"})  # fmt: skip


def generate(rt: NodeRuntime, count: int, seed: int, batch: int = 50_000) -> float:
    """Insert ``count`` correctly chained entries directly; returns seconds taken."""
    rng = random.Random(seed)
    peers = ["tv1" + _hex(rng, 160)[:32] for _ in range(20)]
    start_time = datetime(2026, 1, 1, tzinfo=UTC)
    prev = GENESIS_HASH
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    for seq in range(1, count + 1):
        record = make_record(rng, seq, peers)
        at = start_time + timedelta(milliseconds=seq * 37)
        entry_hash = compute_entry_hash(seq, at, record, prev)
        rows.append(
            {"seq": seq, "logged_at": at, "direction": record.direction,
             "peer_id": record.peer_id, "actor": record.actor, "msg_type": record.msg_type,
             "message_id": record.message_id, "purpose": record.purpose,
             "envelope_sha256": record.envelope_sha256, "status": record.status,
             "details": dict(record.details), "prev_hash": prev, "entry_hash": entry_hash}
        )  # fmt: skip
        prev = entry_hash
        if len(rows) >= batch:
            with rt.engine.begin() as conn:
                conn.execute(insert(TABLE), rows)
            rows = []
    if rows:
        with rt.engine.begin() as conn:
            conn.execute(insert(TABLE), rows)
    return time.perf_counter() - started


def process_and_workers_cpu() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def median_run(function: Callable[[], Any], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def append_costs(rt: NodeRuntime, appends: int, runs: int, seed: int) -> dict[str, Any]:
    """Milliseconds per entry: log appends vs bare inserts, run by run interleaved.

    Two shapes: each entry in its own committed transaction (a lone log line), and
    entries inside one shared transaction of ``SHARED`` (how the answering and search
    paths log: their entries commit together with the reply's own rows).
    """
    fed = rt.federation()
    rng = random.Random(seed)
    records = [make_record(rng, i, ["tv1" + "b" * 32]) for i in range(appends)]
    payloads = [{"payload": json.dumps(dict(r.details))} for r in records]
    with rt.engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS bench_plain (id INTEGER PRIMARY KEY, "
                          "payload TEXT NOT NULL)"))  # fmt: skip
    plain = text("INSERT INTO bench_plain (payload) VALUES (:payload)")

    def log_own() -> None:
        for record in records:
            fed.log.append(record)

    def bare_own() -> None:
        for payload in payloads:
            with rt.engine.begin() as conn:
                conn.execute(plain, payload)

    def log_shared() -> None:
        for start in range(0, appends, SHARED):
            with fed.log.transaction() as tx:
                for record in records[start : start + SHARED]:
                    tx.append(record)

    def bare_shared() -> None:
        for start in range(0, appends, SHARED):
            with rt.engine.begin() as conn:
                for payload in payloads[start : start + SHARED]:
                    conn.execute(plain, payload)

    shapes = {"own": (log_own, bare_own), "shared": (log_shared, bare_shared)}
    times: dict[str, list[float]] = {f"{k}_{w}": [] for k in shapes for w in ("log", "bare")}
    for _ in range(runs):  # interleaved, so a busy moment hits both alike
        for shape, (log_fn, bare_fn) in shapes.items():
            times[f"{shape}_log"].append(median_run(log_fn, 1)[0] / appends * 1e3)
            times[f"{shape}_bare"].append(median_run(bare_fn, 1)[0] / appends * 1e3)
    result: dict[str, Any] = {"appends_per_run": appends, "shared_transaction_size": SHARED}
    for shape in shapes:
        log_ms = statistics.median(times[f"{shape}_log"])
        bare_ms = statistics.median(times[f"{shape}_bare"])
        result[shape] = {
            "log_append_ms_per_entry": round(log_ms, 4),
            "baseline_bare_insert_ms_per_entry": round(bare_ms, 4),
            "log_overhead_ms_per_entry": round(log_ms - bare_ms, 4),
            "ratio_log_to_baseline": round(log_ms / bare_ms, 3),
            "runs_log_ms": [round(v, 4) for v in times[f"{shape}_log"]],
            "runs_baseline_ms": [round(v, 4) for v in times[f"{shape}_bare"]],
        }
    return result


def stream_only(rt: NodeRuntime) -> float:
    """Seconds to read every row the way ``audit verify`` does, hashing nothing."""
    started = time.perf_counter()
    with rt.sessions() as session:
        for _ in audit._raw_rows(session):
            pass
    return time.perf_counter() - started


def cli_verify(node: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "talentverbund.node.cli.main", "audit", "verify", str(node),
         "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"audit verify failed on the generated log: {done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--appends", type=int, default=2000, help="appends per run")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, default=Path("bench/results/audit_speed.json"))
    args = parser.parse_args()
    if args.entries < 2 or args.runs < 1 or args.appends < 1:
        parser.error("need --entries >= 2, --runs >= 1, --appends >= 1")

    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="audit-bench-") as tmp:
        node = Path(tmp) / "node"
        if cli_main(["init", str(node), "--name", "Bench", "--listen", "127.0.0.1:0"]) != 0:
            raise SystemExit("init failed")
        rt = open_runtime(node)
        try:
            generation_s = generate(rt, args.entries, args.seed)
            fed = rt.federation()
            checkpoint = audit.make_checkpoint(fed)  # itself a full verify: warms the cache
            if checkpoint.tree_size != args.entries:
                raise SystemExit("checkpoint does not cover the generated log")
            verify_reports: list[audit.VerifyReport] = []
            cpu_start = process_and_workers_cpu()
            verify_s, verify_runs = median_run(
                lambda: verify_reports.append(audit.verify(fed)), args.runs
            )
            verify_cpu_s = (process_and_workers_cpu() - cpu_start) / args.runs
            sequential_s, _ = median_run(
                lambda: verify_reports.append(audit.verify(fed, workers=1)), 1
            )
            if not all(report.ok for report in verify_reports):
                raise SystemExit(f"verify failed: {verify_reports[-1].first}")
            entries_verified = verify_reports[-1].entries
            stream_s = stream_only(rt)
        finally:
            rt.close()
        cli_s = cli_verify(node)
        rt = open_runtime(node)
        try:
            appends = append_costs(rt, args.appends, args.runs, args.seed)
        finally:
            rt.close()
        db_bytes = sum(p.stat().st_size for p in node.glob("node.db*"))

    result = {
        "benchmark": "audit_speed",
        "backend": "sqlite (WAL, synchronous=FULL)",
        "entries": args.entries,
        "runs": args.runs,
        "generation_s": round(generation_s, 2),
        "database_bytes": db_bytes,
        "verify": {
            "entries_verified": entries_verified,
            "checkpoints_checked": 1,
            "median_s": round(verify_s, 3),
            "us_per_entry": round(verify_s / entries_verified * 1e6, 3),
            "runs_s": [round(v, 3) for v in verify_runs],
            "workers": min(os.cpu_count() or 1, audit.MAX_WORKERS)
            if args.entries >= audit.PARALLEL_MIN_ENTRIES
            else 1,
            "cpu_s_all_processes": round(verify_cpu_s, 3),
            "one_process_s": round(sequential_s, 3),
            "read_rows_only_s": round(stream_s, 3),
            "cli_end_to_end_s": round(cli_s, 3),
            "target_s": 20.0,
            "meets_target": verify_s < 20.0 if args.entries >= 1_000_000 else None,
        },
        "append": appends,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_start_end": [round(load_start[0], 2), round(os.getloadavg()[0], 2)],
        "note": "append costs per entry on a log of --entries entries: 'own' = each entry in its "
        "own committed transaction, 'shared' = entries of one transaction of "
        "shared_transaction_size; baseline = bare insert of the entry's JSON into a plain table "
        "in the same database, same shape; verify runs in worker processes from "
        "PARALLEL_MIN_ENTRIES on, one_process_s is the same check in one process",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    v, own, shared = result["verify"], appends["own"], appends["shared"]
    print(
        f"audit_speed: {args.entries:,} entries (generated in {generation_s:.1f} s)\n"
        f"  audit verify      {v['median_s']:.2f} s median, {v['workers']} worker(s) "
        f"({v['us_per_entry']:.1f} us/entry, CPU {v['cpu_s_all_processes']:.2f} s in all; "
        f"one process {v['one_process_s']:.2f} s; "
        f"reading rows alone {v['read_rows_only_s']:.2f} s; CLI end to end "
        f"{v['cli_end_to_end_s']:.2f} s)\n"
        f"  log append, own transaction     {own['log_append_ms_per_entry']:.3f} ms/entry vs "
        f"bare insert {own['baseline_bare_insert_ms_per_entry']:.3f} ms "
        f"(+{own['log_overhead_ms_per_entry']:.3f} ms)\n"
        f"  log append, shared transaction  {shared['log_append_ms_per_entry']:.3f} ms/entry vs "
        f"bare insert {shared['baseline_bare_insert_ms_per_entry']:.3f} ms "
        f"(+{shared['log_overhead_ms_per_entry']:.3f} ms)\n"
        f"  written to {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
