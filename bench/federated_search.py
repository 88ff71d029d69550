"""Federated search at scale: one requester and up to 20 answering nodes on this machine.

Every node is a real ``talentverbund serve`` process (own SQLite database, mTLS,
the full Federation pipeline) holding ``--candidates`` synthetic candidates with
``federation`` consent. The candidates are imported once through the real intake
path into a template node; the other nodes are initialised with their own
identities and get a copy of the template's database and key store (same
candidates, different nodes: matching cost is what matters here).

Production settings: exchange-log entries, signed receipts (verified by the
requester), idempotency records and per-peer budgets are all on; the benchmark
checks afterwards that every answering node logged, receipted, remembered and
budgeted every query. Budgets are raised above the query rate of the benchmark
(they are still counted and checked). Each query is a different job (one per
public-sector occupation of the synthetic data), so the repeated-job cache never
answers.

For 5, 10 and 20 answering nodes (the requester adds peers in steps) it reports
wall time per federated search (p50, p99 over ``--queries``), CPU milliseconds per
query in the requester's serve process and in each answering node's process, and
in the same run two baselines: (a) a bare gRPC fan-out of the same shape -- one
plain unary call with a 2 KB payload to each of N separate server processes over
warm insecure channels, waiting for all -- and (b) one in-process search over all
N x candidates vectors (``VectorIndex``, top 10). p50 / (a) is the price of privacy.

Usage::

    python bench/federated_search.py --nodes 20 --candidates 10000 --queries 40
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import tomli_w

from talentverbund.matching.index import VectorIndex
from talentverbund.matching.taxonomy import load_builtin
from talentverbund.node.admin import AdminClient
from talentverbund.node.cli.main import main
from talentverbund.node.matcher import JobSkill, Matcher
from talentverbund.node.pool import vectors_from_bytes
from talentverbund.node.runtime import serving
from talentverbund.node.synth import generate_candidates

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")
BUDGET = {"queries_per_minute": 10_000, "queries_per_hour": 100_000}


def cli(*args: object) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(a) for a in args])
    if code != 0:
        raise SystemExit(f"talentverbund {' '.join(map(str, args[:2]))} failed ({code})")
    return out.getvalue()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def init(base: Path, name: str) -> Path:
    directory = base / name
    cli("init", directory, "--name", name, "--region", "DE-SH",
        "--listen", f"127.0.0.1:{free_port()}", "--web", f"127.0.0.1:{free_port()}")  # fmt: skip
    path = directory / "talentverbund.toml"
    config = tomllib.loads(path.read_text())
    config["federation"].update(BUDGET)
    config["log"] = {"level": "warning"}
    path.write_text(tomli_w.dumps(config))
    return directory


def fill(directory: Path, count: int, seed: int) -> None:
    profiles = directory.parent / "candidates.jsonl"
    with profiles.open("w", encoding="utf-8") as handle:
        for profile in generate_candidates(count, seed, None):
            handle.write(json.dumps(profile, ensure_ascii=False) + "\n")
    cli("candidate", "import", directory, profiles, "--consent", "local", "--consent", "federation")
    profiles.unlink()


def clone_candidates(template: Path, target: Path) -> None:
    """Same candidates, own identity: copy the database and the candidate key store."""
    for relative in ("node.db", "keys/datakeys.db", "keys/storage.key"):
        shutil.copy2(template / relative, target / relative)
        os.chmod(target / relative, 0o600)


def start(directory: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "talentverbund.node.cli.main", "serve", str(directory)],
        stdout=subprocess.DEVNULL,
        stderr=open(directory.parent / f"{directory.name}.log", "wb"),
    )


def wait_ready(directory: Path, proc: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"serve {directory.name} exited with {proc.returncode}")
        if serving(directory) and (directory / "admin.sock").exists():
            with contextlib.suppress(Exception):
                AdminClient(directory / "admin.sock").call("status", {})
                return
        time.sleep(0.3)
    raise SystemExit(f"serve {directory.name} did not start")


def cpu_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICKS


def jobs(admin: AdminClient, count: int) -> list[str]:
    """One job per occupation of the synthetic data: distinct skill sets, no cache hits."""
    taxonomy = load_builtin()
    data = json.loads((ROOT / "node/data/synth_occupations.json").read_text())
    ids = []
    for occupation in data["occupations"][:count]:
        skills = [u for u in occupation["essential"] if taxonomy.has(u)][:8]
        labels = [taxonomy.skill(u).label("de") for u in skills]
        posting = {
            "@type": "JobPosting",
            "title": str(occupation.get("title_de") or occupation.get("label") or "Stelle"),
            "description": "Ihre Aufgaben: " + ", ".join(labels) + ".",
        }
        added = admin.call(
            "job.add", {"posting": posting, "where": "bench", "skills": skills, "requirements": []}
        )
        ids.append(str(added["id"]))
    return ids


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.array(values), q))


# -- baseline (a): bare gRPC fan-out ----------------------------------------------------

ECHO_SERVER = """
import sys, grpc
from concurrent import futures
server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
handler = grpc.unary_unary_rpc_method_handler(lambda req, ctx: req[:64])
generic = grpc.method_handlers_generic_handler("bench.Echo", {"Call": handler})
server.add_generic_rpc_handlers((generic,))
server.add_insecure_port("127.0.0.1:" + sys.argv[1])
server.start()
print("ready", flush=True)
server.wait_for_termination()
"""


def bare_fanout(count: int, runs: int) -> dict[str, float]:
    import grpc

    ports = [free_port() for _ in range(count)]
    procs = [
        subprocess.Popen([sys.executable, "-c", ECHO_SERVER, str(p)], stdout=subprocess.PIPE)
        for p in ports
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        channels = [grpc.insecure_channel(f"127.0.0.1:{p}") for p in ports]
        calls = [c.unary_unary("/bench.Echo/Call") for c in channels]
        payload = os.urandom(2048)
        pool = ThreadPoolExecutor(max_workers=count)
        times = []
        for i in range(runs + 5):
            started = time.perf_counter()
            list(pool.map(lambda call: call(payload, timeout=10), calls))
            if i >= 5:  # warm channels first
                times.append((time.perf_counter() - started) * 1000)
        pool.shutdown()
        for channel in channels:
            channel.close()
        return {"p50_ms": statistics.median(times), "p99_ms": percentile(times, 99)}
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()


# -- baseline (b): one in-process search over all vectors -------------------------------


def in_process_search(
    template: Path, copies: int, job_ids: list[str], admin: AdminClient
) -> dict[str, float]:
    import sqlite3

    with sqlite3.connect(template / "node.db") as db:
        blobs = [row[0] for row in db.execute("SELECT vector FROM candidate_skills")]
    matcher = Matcher.load({})
    base = vectors_from_bytes(blobs, matcher.encoder.dim)
    rng = np.random.default_rng(1)
    tiled = np.concatenate([base + rng.normal(0, 0.01, base.shape) for _ in range(copies)])
    tiled /= np.linalg.norm(tiled, axis=1, keepdims=True)
    index = VectorIndex(matcher.encoder.dim)
    index.add([f"c{i}" for i in range(len(tiled))], tiled.astype(np.float32))
    times = []
    for job_id in job_ids:
        shown = admin.call("job.show", {"id": job_id})
        skills = [
            JobSkill(matcher.taxonomy.skill(s["uri"]).index, s["uri"], s["weight"], s["essential"])
            for s in shown["skills"]
        ]
        query = matcher.job_vector(skills)
        started = time.perf_counter()
        index.search(query, 10)
        times.append((time.perf_counter() - started) * 1000)
    return {"vectors": len(tiled), "p50_ms": statistics.median(times)}


# -- the run ----------------------------------------------------------------------------


def measure(
    requester: Path,
    req_proc: subprocess.Popen[bytes],
    holders: list[tuple[Path, subprocess.Popen[bytes]]],
    job_ids: list[str],
    timeout: float,
) -> dict[str, Any]:
    admin = AdminClient(requester / "admin.sock")
    for job_id in job_ids[:3]:  # warm channels and caches
        admin.call("search", {"job_id": job_id, "top": 10, "timeout": timeout})
    measured = job_ids[3:]
    cpu_req = cpu_ms(req_proc.pid)
    cpu_holders = [cpu_ms(p.pid) for _, p in holders]
    times, missing = [], 0
    for job_id in measured:
        started = time.perf_counter()
        answer = admin.call("search", {"job_id": job_id, "top": 10, "timeout": timeout})
        times.append((time.perf_counter() - started) * 1000)
        missing += sum(p["status"] != "answered" for p in answer["peers"])
    per_holder = [
        (cpu_ms(p.pid) - before) / len(measured)
        for (_, p), before in zip(holders, cpu_holders, strict=True)
    ]
    return {
        "answering_nodes": len(holders),
        "queries": len(measured),
        "p50_ms": statistics.median(times),
        "p99_ms": percentile(times, 99),
        "mean_ms": statistics.fmean(times),
        "peer_answers_missing": missing,
        "cpu_ms_per_query_requester": (cpu_ms(req_proc.pid) - cpu_req) / len(measured),
        "cpu_ms_per_query_answering_node_mean": statistics.fmean(per_holder),
        "cpu_ms_per_query_answering_node_max": max(per_holder),
        "cpu_ms_per_query_total": (cpu_ms(req_proc.pid) - cpu_req) / len(measured)
        + sum(per_holder),
    }


def check_production_path(holders: list[Path], requester_id: str, queries: int) -> dict[str, Any]:
    """Every answering node logged, receipted, remembered and budgeted every query."""
    import sqlite3

    checks = []
    for directory in holders:
        with sqlite3.connect(directory / "node.db") as db:
            count = "SELECT COUNT(*) FROM exchange_log WHERE msg_type = ? AND status = ?"
            accepted = db.execute(count, ("search", "accepted")).fetchone()[0]
            replies = db.execute(count, ("search.results", "sent")).fetchone()[0]
            remembered = db.execute(
                "SELECT COUNT(*) FROM received_messages WHERE sender_id = ?", (requester_id,)
            ).fetchone()[0]
            budgeted = db.execute(
                "SELECT COUNT(*) FROM answered_queries WHERE requester = ?", (requester_id,)
            ).fetchone()[0]
        config = tomllib.loads((directory / "talentverbund.toml").read_text())["federation"]
        checks.append(
            accepted == replies == budgeted
            and remembered >= accepted >= queries
            and config["queries_per_hour"] < 10**9
        )
    assert all(checks), "an answering node skipped logging, receipts, idempotency or budgets"
    return {"log_receipts_idempotency_budgets_on": True, "nodes_checked": len(holders)}


def run(args: argparse.Namespace) -> dict[str, Any]:
    base = Path(tempfile.mkdtemp(prefix="tv-bench-fed-"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        started = time.monotonic()
        template = init(base, "node00")
        fill(template, args.candidates, seed=11)
        setup_import_s = time.monotonic() - started
        holders = [template] + [init(base, f"node{i:02d}") for i in range(1, args.nodes)]
        for directory in holders[1:]:
            clone_candidates(template, directory)
        requester = init(base, "requester")
        clone_candidates(template, requester)
        directories = [requester, *holders]
        procs = [start(d) for d in directories]
        for directory, proc in zip(directories, procs, strict=True):
            wait_ready(directory, proc)
        admin = AdminClient(requester / "admin.sock")
        descriptors = {d: cli("identity", d) for d in directories}
        for directory in holders:
            AdminClient(directory / "admin.sock").call(
                "peer.add", {"descriptor": descriptors[requester]}
            )
        job_ids = jobs(admin, args.queries + 3)
        levels, added = [], 0
        for level in [n for n in (5, 10, 20) if n <= args.nodes] or [args.nodes]:
            for directory in holders[added:level]:
                admin.call("peer.add", {"descriptor": descriptors[directory]})
            added = level
            pairs = list(zip(holders[:level], procs[1 : level + 1], strict=True))
            result = measure(requester, procs[0], pairs, job_ids, args.timeout)
            bare = bare_fanout(level, args.bare_runs)
            result["bare_fanout_p50_ms"] = bare["p50_ms"]
            result["price_of_privacy_p50_ratio"] = result["p50_ms"] / bare["p50_ms"]
            levels.append(result)
            print(json.dumps(result), file=sys.stderr)
        requester_id = json.loads(descriptors[requester])["node_id"]
        checks = check_production_path(holders, requester_id, args.queries)
        baseline_b = in_process_search(template, args.nodes, job_ids[3:], admin)
        top = levels[-1]
        return {
            "benchmark": "federated_search",
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
            "settings": {
                "answering_nodes": args.nodes,
                "candidates_per_node": args.candidates,
                "queries": args.queries,
                "timeout_s": args.timeout,
                "budgets": BUDGET,
                **checks,
            },
            "setup_import_s": round(setup_import_s, 1),
            "levels": levels,
            "in_process_search_all_vectors": baseline_b,
            "targets": {"p50_ms": 80, "p99_ms": 200, "price_of_privacy_goal": 5},
            "met": {
                "p50": top["p50_ms"] <= 80,
                "p99": top["p99_ms"] <= 200,
                "price_of_privacy": top["price_of_privacy_p50_ratio"] <= 5,
            },
        }
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nodes", type=int, default=20)
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--bare-runs", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="Keep the node directories.")
    parser.add_argument("--output", type=Path, default=ROOT / "bench/results/federated_search.json")
    args = parser.parse_args(argv)
    result = run(args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["levels"][-1], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main_())
