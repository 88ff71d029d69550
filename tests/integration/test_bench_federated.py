"""The federated search benchmark runs end to end in a reduced size and writes its JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_federated_search_benchmark_reduced(tmp_path: Path) -> None:
    out = tmp_path / "federated.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "federated_search.py"), "--nodes", "2",
         "--candidates", "60", "--queries", "4", "--bare-runs", "5", "--output", str(out)],
        check=True, capture_output=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    result = json.loads(out.read_text())
    assert result["settings"]["log_receipts_idempotency_budgets_on"]
    (level,) = result["levels"]
    assert level["answering_nodes"] == 2 and level["queries"] == 4
    assert level["peer_answers_missing"] == 0
    assert level["p50_ms"] > 0 and level["bare_fanout_p50_ms"] > 0
    assert level["cpu_ms_per_query_answering_node_mean"] > 0
    assert result["in_process_search_all_vectors"]["vectors"] == 120
    assert set(result["met"]) == {"p50", "p99", "price_of_privacy"}
