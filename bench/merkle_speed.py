"""Merkle tree speed: what ``audit verify`` pays to hash a whole exchange log.

Builds ``--size`` (default 1,000,000) JSON log entries of about 150 bytes, then
measures, as medians over ``--runs``:

* leaf hashing (``hash_leaves``), total and per entry;
* the bulk root (``root_of``), and the incremental tree (``MerkleTree.extend``,
  per-append cost) plus its O(log n) root;
* building a ``ProofTree`` and generating / verifying inclusion and consistency
  proofs (``--proofs`` random ones each), per proof;
* one one-off ``inclusion_proof(leaf_hashes, i)`` (O(n), no cached tree).

Writes JSON to ``--output`` and prints a short summary. The machine may be
shared: the load average at start and end is recorded with the result.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from talentverbund.crypto import merkle
from talentverbund.crypto.merkle import (
    MerkleTree,
    ProofTree,
    hash_leaves,
    inclusion_proof,
    root_of,
    verify_consistency,
    verify_inclusion,
)


def make_entries(count: int, seed: int) -> list[bytes]:
    """Exchange-log-like JSON entries of about 150 bytes each (deterministic)."""
    rng = random.Random(seed)
    kinds = ("query", "result", "receipt", "introduction")
    entries = []
    for seq in range(count):
        entry = (
            f'{{"seq":{seq},"dir":"{"out" if seq % 2 else "in"}",'
            f'"type":"{kinds[seq % 4]}","peer":"tv1{rng.getrandbits(80):020x}",'
            f'"msg":"{rng.getrandbits(128):032x}","ts":{1767225600 + seq},'
            f'"sha256":"{rng.getrandbits(64):016x}"}}'
        )
        entries.append(entry.encode("ascii"))
    return entries


class Recorder:
    """Times steps in wall-clock and process CPU seconds (CPU time resists a busy machine)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def time(
        self, name: str, function: Callable[[], Any], *, per: int = 1, unit: float = 1.0
    ) -> Any:
        """Run ``function``; store its duration divided by ``per``, times ``unit``."""
        wall, cpu = time.perf_counter(), time.process_time()
        value = function()
        self.wall[name] = (time.perf_counter() - wall) / per * unit
        self.cpu[name] = (time.process_time() - cpu) / per * unit
        return value


def one_run(entries: list[bytes], proofs: int, seed: int) -> Recorder:
    rng = random.Random(seed)
    n = len(entries)
    us = 1e6
    rec = Recorder()

    leaves: list[bytes] = rec.time("leaf_hashing_s", lambda: hash_leaves(entries))
    bulk_root: bytes = rec.time("root_bulk_s", lambda: root_of(leaves))

    tree = MerkleTree()
    rec.time("incremental_append_us_per_entry", lambda: tree.extend(leaves), per=n, unit=us)
    if rec.time("incremental_root_us", tree.root, unit=us) != bulk_root:
        raise SystemExit("incremental and bulk roots differ")

    proof_tree: ProofTree = rec.time("proof_tree_build_s", lambda: ProofTree(leaves))

    indices = [rng.randrange(n) for _ in range(proofs)]
    paths: list[list[bytes]] = rec.time(
        "inclusion_proof_generate_us",
        lambda: [proof_tree.inclusion_proof(i) for i in indices],
        per=proofs,
        unit=us,
    )

    def verify_all_inclusion() -> None:
        for i, path in zip(indices, paths, strict=True):
            verify_inclusion(leaves[i], i, n, path, bulk_root)

    rec.time("inclusion_proof_verify_us", verify_all_inclusion, per=proofs, unit=us)

    old_sizes = [rng.randrange(1, n + 1) for _ in range(proofs)]
    old_roots: list[bytes] = rec.time(
        "prefix_root_us", lambda: [proof_tree.root(m) for m in old_sizes], per=proofs, unit=us
    )
    consistency: list[list[bytes]] = rec.time(
        "consistency_proof_generate_us",
        lambda: [proof_tree.consistency_proof(m) for m in old_sizes],
        per=proofs,
        unit=us,
    )

    def verify_all_consistency() -> None:
        for m, old, proof in zip(old_sizes, old_roots, consistency, strict=True):
            verify_consistency(m, n, old, bulk_root, proof)

    rec.time("consistency_proof_verify_us", verify_all_consistency, per=proofs, unit=us)
    rec.time("one_off_inclusion_proof_s", lambda: inclusion_proof(leaves, n // 3))

    for times in (rec.wall, rec.cpu):
        times["leaf_hashing_us_per_entry"] = times["leaf_hashing_s"] / n * us
        times["root_bulk_us_per_entry"] = times["root_bulk_s"] / n * us
        times["audit_hashing_s"] = times["leaf_hashing_s"] + times["root_bulk_s"]
    return rec


def node_hash_cost(constructor: Callable[[bytes], Any], count: int = 200_000) -> float:
    """CPU microseconds per SHA-256 of a 65-byte node input with ``constructor``."""
    data = [os.urandom(32) for _ in range(count + 1)]
    start = time.process_time()
    for left, right in itertools.pairwise(data):
        constructor(b"\x01" + left + right).digest()
    return (time.process_time() - start) / count * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="log entries")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--proofs", type=int, default=1000, help="proofs of each kind per run")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--output", type=Path, default=Path("bench/results/merkle_speed.json"))
    args = parser.parse_args()
    if args.size < 2 or args.runs < 1 or args.proofs < 1:
        parser.error("need --size >= 2, --runs >= 1, --proofs >= 1")

    load_start = os.getloadavg()
    started = time.perf_counter()
    entries = make_entries(args.size, args.seed)
    generation = time.perf_counter() - started
    mean_entry = sum(map(len, entries)) / len(entries)
    runs = [one_run(entries, args.proofs, args.seed + run) for run in range(args.runs)]
    wall = {key: statistics.median(run.wall[key] for run in runs) for key in runs[0].wall}
    cpu = {key: statistics.median(run.cpu[key] for run in runs) for key in runs[0].cpu}
    backend = merkle._sha256
    result = {
        "benchmark": "merkle_speed",
        "size": args.size,
        "runs": args.runs,
        "proofs_per_kind": args.proofs,
        "mean_entry_bytes": round(mean_entry, 1),
        "entry_generation_s": round(generation, 3),
        "medians_wall": {key: round(value, 3) for key, value in wall.items()},
        "medians_cpu": {key: round(value, 3) for key, value in cpu.items()},
        "runs_wall": [{key: round(v, 3) for key, v in run.wall.items()} for run in runs],
        "sha256_backend": f"{getattr(backend, '__module__', '?')}.{backend.__name__}",
        "node_hash_us": {
            "selected": round(node_hash_cost(backend), 3),
            "hashlib_openssl": round(node_hash_cost(hashlib.sha256), 3),
        },
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average_start_end": [round(load_start[0], 2), round(os.getloadavg()[0], 2)],
        "note": "units in key names; *_us per entry or per proof; cpu = process CPU time",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")

    m = wall
    lines = [
        f"merkle_speed: {args.size:,} entries of ~{mean_entry:.0f} B, median of {args.runs} runs",
        f"  leaf hashing        {m['leaf_hashing_s']:7.3f} s "
        f"({m['leaf_hashing_us_per_entry']:.2f} us/entry)",
        f"  bulk root           {m['root_bulk_s']:7.3f} s "
        f"({m['root_bulk_us_per_entry']:.2f} us/entry)",
        f"  => audit hashing    {m['audit_hashing_s']:7.3f} s (CPU {cpu['audit_hashing_s']:.3f} s)",
        f"  incremental append  {m['incremental_append_us_per_entry']:7.3f} us/entry, "
        f"root {m['incremental_root_us']:.1f} us",
        f"  proof tree build    {m['proof_tree_build_s']:7.3f} s",
        f"  inclusion proof     gen {m['inclusion_proof_generate_us']:.1f} us, "
        f"verify {m['inclusion_proof_verify_us']:.1f} us",
        f"  consistency proof   gen {m['consistency_proof_generate_us']:.1f} us, "
        f"verify {m['consistency_proof_verify_us']:.1f} us",
        f"  one-off inclusion_proof (no cache) {m['one_off_inclusion_proof_s']:.3f} s",
        f"  sha256 {result['sha256_backend']}, node hash {result['node_hash_us']}",
        f"  load average {result['load_average_start_end']} on {os.cpu_count()} CPUs; "
        f"written to {args.output}",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
