"""The local search benchmark runs end to end in a reduced size and writes its JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_search_benchmark_reduced(tmp_path: Path) -> None:
    out = tmp_path / "search.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "search_speed.py"), "--sizes", "20000",
         "--queries", "20", "--baseline-queries", "5", "--runs", "2", "--output", str(out)],
        check=True, capture_output=True, cwd=ROOT, timeout=300,
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1"},  # no BLAS thread spin on 2 shared cores
    )  # fmt: skip
    result = json.loads(out.read_text())
    assert result["parameters"]["sizes"] == [20000]
    assert {"all_goals_met", "environment", "total_s", "load_100k_s"} <= result.keys()
    (size,) = result["sizes"]
    assert size["n"] == 20000 and size["queries"] == 20
    latency = size["latency_ms_median"]
    expected = {"ours", "numpy_exact_f32", "faiss_flat_f32", "faiss_fp16", "faiss_sq8",
                "faiss_flat_f32_2t", "faiss_fp16_2t", "faiss_sq8_2t"}  # fmt: skip
    assert expected <= latency.keys()
    assert all(v > 0 for v in latency.values())
    assert expected <= size["cpu_ms_median"].keys()
    assert 0.0 <= size["recall_at_10"]["ours"] <= 1.0
    assert size["recall_at_10"]["numpy_exact_f32"] == 1.0
    assert size["fastest_faiss_1thread"] in {"faiss_flat_f32", "faiss_fp16", "faiss_sq8"}
    assert size["ratio_ours_over_fastest_faiss_1thread"] > 0
    assert size["ratio_ours_over_fastest_faiss_any"] > 0
    assert isinstance(size["goal_met"], bool)
    assert size["batch_queries_per_s_median"]["ours"] > 0
    assert size["load"]["rows"] == 20000 and size["load"]["from_bytes_s_median"] > 0
    assert size["data"]["mean_top10_similarity"] > 0
    assert {"generate", "build_ours", "latency", "batch", "load"} <= size["phase_s"].keys()
