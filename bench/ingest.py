"""Ingest benchmark: text CVs per second, read, sealed and durably stored.

Measures the real path ``candidate import`` takes (read the .txt file, build
the draft, scrub personal data, extract skills, encode with the ONNX model,
seal with a per-candidate key, store in SQLite with WAL and synchronous=FULL,
commit per batch) and, in the same run, a baseline that
writes the same texts into a bare SQLite table with no encryption, no consent
and no file, so the ratio shows what privacy and integrity cost. Medians of
several runs; JSON result.
"""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from talentverbund.node.cli.candidate import _register as register
from talentverbund.node.cli.client import LocalClient
from talentverbund.node.cli.main import main as cli_main
from talentverbund.node.intake import read_candidates
from talentverbund.node.intake.model import CandidateDraft
from talentverbund.node.runtime import open_runtime
from talentverbund.node.synth import generate_candidates


def write_cvs(folder: Path, count: int, seed: int) -> list[Path]:
    paths = []
    for i, profile in enumerate(generate_candidates(count, seed, None)):
        path = folder / f"cv{i:06d}.txt"
        path.write_text(profile["cv_text"], encoding="utf-8")
        paths.append(path)
    return paths


def run_node(paths: list[Path], batch: int, work: Path) -> float:
    node = work / "node"
    if cli_main(["init", str(node), "--name", "Bench", "--listen", "127.0.0.1:0"]) != 0:
        raise SystemExit("init failed")
    runtime = open_runtime(node)
    try:
        runtime.matcher()  # loaded once when a node starts serving; not part of ingest
        start = time.perf_counter()
        pending: list[CandidateDraft] = []
        for path in paths:
            pending.extend(r for r in read_candidates(path) if isinstance(r, CandidateDraft))
            if len(pending) >= batch:
                _store(runtime, pending)
                pending = []
        _store(runtime, pending)
        return time.perf_counter() - start
    finally:
        runtime.close()


def _store(runtime, drafts: list[CandidateDraft]) -> None:  # type: ignore[no-untyped-def]
    """The same call ``candidate import`` makes for each batch."""
    if drafts:
        register(LocalClient(runtime), drafts, ("local",), "bench")


def run_baseline(paths: list[Path], batch: int, work: Path) -> float:
    db = sqlite3.connect(work / "baseline.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE cv (id INTEGER PRIMARY KEY, text TEXT)")
    start = time.perf_counter()
    rows: list[tuple[str]] = []
    for path in paths:
        rows.append((path.read_text(encoding="utf-8"),))
        if len(rows) >= batch:
            db.execute("BEGIN")
            db.executemany("INSERT INTO cv (text) VALUES (?)", rows)
            db.execute("COMMIT")
            rows = []
    if rows:
        db.execute("BEGIN")
        db.executemany("INSERT INTO cv (text) VALUES (?)", rows)
        db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--output", type=Path, default=Path("bench/results/ingest.json"))
    args = parser.parse_args()
    node_rates, base_rates = [], []
    with tempfile.TemporaryDirectory() as tmp:
        cvs = Path(tmp) / "cvs"
        cvs.mkdir()
        paths = write_cvs(cvs, args.count, seed=42)
        for run in range(args.runs):
            work = Path(tmp) / f"run{run}"
            work.mkdir()
            node_rates.append(args.count / run_node(paths, args.batch, work))
            base_rates.append(args.count / run_baseline(paths, args.batch, work))
    result = {
        "benchmark": "ingest_text_cvs",
        "count": args.count,
        "runs": args.runs,
        "batch": args.batch,
        "node_cvs_per_s_median": round(statistics.median(node_rates), 1),
        "baseline_plain_sqlite_cvs_per_s_median": round(statistics.median(base_rates), 1),
        "node_runs": [round(r, 1) for r in node_rates],
        "baseline_runs": [round(r, 1) for r in base_rates],
        "ratio_baseline_over_node": round(
            statistics.median(base_rates) / statistics.median(node_rates), 2
        ),
        "path": "read .txt, scrub, extract, encode (onnxruntime), seal, SQLite WAL sync=FULL",
        "python": platform.python_version(),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
