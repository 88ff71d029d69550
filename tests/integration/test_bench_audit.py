"""The exchange-log benchmark runs end to end in a reduced size and writes its JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_audit_benchmark_reduced(tmp_path: Path) -> None:
    out = tmp_path / "audit_speed.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "audit_speed.py"), "--entries", "3000",
         "--runs", "1", "--appends", "40", "--output", str(out)],
        check=True, capture_output=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    result = json.loads(out.read_text())
    assert result["entries"] == 3000
    assert result["verify"]["entries_verified"] == 3001  # generated + the checkpoint record
    assert result["verify"]["median_s"] > 0 and result["verify"]["meets_target"] is None
    for shape in ("own", "shared"):
        assert result["append"][shape]["log_append_ms_per_entry"] > 0
        assert result["append"][shape]["baseline_bare_insert_ms_per_entry"] > 0
