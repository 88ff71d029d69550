"""The ingest benchmark runs end to end in a reduced size and writes its JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ingest_benchmark_reduced(tmp_path: Path) -> None:
    out = tmp_path / "ingest.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "ingest.py"), "--count", "40", "--runs", "1",
         "--batch", "16", "--output", str(out)],
        check=True, capture_output=True, cwd=ROOT, timeout=300,
    )
    result = json.loads(out.read_text())
    assert result["count"] == 40
    assert result["node_cvs_per_s_median"] > 0
    assert result["baseline_plain_sqlite_cvs_per_s_median"] > 0
