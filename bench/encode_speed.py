"""Encoder throughput: weighted skill sets per second through onnxruntime, in batches.

Baseline in the same run: the same matrix product and normalization in numpy,
so the ratio shows what the ONNX runtime costs or saves. Medians of several runs.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

from talentverbund.node.matcher import Matcher


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=512)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=Path("bench/results/encode_speed.json"))
    args = parser.parse_args(argv)
    matcher = Matcher.load()
    rng = np.random.default_rng(1)
    sets = [
        {
            int(i): float(w)
            for i, w in zip(
                rng.choice(matcher.taxonomy.size, 20, replace=False),
                rng.uniform(0.2, 1.0, 20),
                strict=True,
            )
        }
        for _ in range(args.sets)
    ]
    from importlib import resources

    data = resources.files("talentverbund.matching.data").joinpath("encoder.onnx").read_bytes()
    matrix = numpy_helper.to_array(onnx.load_from_string(data).graph.initializer[0])

    def ours() -> None:
        for i in range(0, len(sets), args.batch):
            matcher.encode(sets[i : i + args.batch])

    def numpy_ref() -> None:
        for i in range(0, len(sets), args.batch):
            out = matcher.encoder.bag(sets[i : i + args.batch]) @ matrix
            out /= np.linalg.norm(out, axis=1, keepdims=True)

    rates: dict[str, list[float]] = {"onnxruntime": [], "numpy": []}
    for _ in range(args.runs):
        for name, fn in (("onnxruntime", ours), ("numpy", numpy_ref)):
            start = time.perf_counter()
            fn()
            rates[name].append(len(sets) / (time.perf_counter() - start))
    result = {
        "benchmark": "encode_skill_sets",
        "sets": args.sets,
        "batch": args.batch,
        "runs": args.runs,
        "skills_per_set": 20,
        "model_id": matcher.model_id,
        "onnxruntime_sets_per_s_median": round(statistics.median(rates["onnxruntime"]), 1),
        "numpy_sets_per_s_median": round(statistics.median(rates["numpy"]), 1),
        "target_sets_per_s": 5000,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
