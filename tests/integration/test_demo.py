"""`make demo` keeps working: two serving nodes peer, handshake, post a job and rank."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_demo_two_nodes(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "talentverbund.node.cli.main", "demo", "--nodes", "2",
         "--candidates", "6", "--dir", str(tmp_path / "demo")],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "matches the pin" in result.stdout
    assert "handshake with" in result.stdout and " ok: " in result.stdout
    assert "ranked candidates (no personal data)" in result.stdout
    assert not list((tmp_path / "demo").glob("*/admin.sock"))  # both nodes stopped cleanly
