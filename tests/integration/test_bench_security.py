"""The security-overhead benchmark runs end to end in a reduced size and writes its JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_security_overhead_benchmark_reduced(tmp_path: Path) -> None:
    out = tmp_path / "security.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "security_overhead.py"), "--runs", "20",
         "--output", str(out)],
        check=True, capture_output=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    result = json.loads(out.read_text())
    assert result["benchmark"] and result["sizes_bytes"]
    assert result["results"] and result["fsync_ms_median"] > 0
    for item in result["results"].values():
        floor = item["floor"]
        assert 0 < floor["durable_commit_ms"] < floor["floor_ms"]
        assert floor["crypto_primitives_ms"] > 0
        assert item["post_quantum_ms"]["hpke_seal_open_x25519"] > 0
