"""The fairness report runs in a reduced size and finds no difference at all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_fairness_report_reduced(tmp_path: Path) -> None:
    out = tmp_path / "fairness.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench/fairness.py"), "--candidates", "12", "--jobs", "4",
         "--values", "2", "--output", str(out)],
        check=True, capture_output=True, cwd=ROOT, timeout=300,
    )
    result = json.loads(out.read_text())
    assert set(result["attributes"]) >= {"name", "gender", "birth_date", "nationality", "disability"}
    assert result["all_zero"] is True
