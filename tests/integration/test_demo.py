"""`make demo` keeps working: serving nodes peer, search the federation, one introduction."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_demo_three_nodes(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "talentverbund.node.cli.main", "demo", "--nodes", "3",
         "--candidates", "30", "--dir", str(tmp_path / "demo")],
        capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "matches the pin" in result.stdout
    assert "handshake with" in result.stdout and " ok: " in result.stdout
    assert "ranked candidates (no personal data)" in result.stdout
    assert "2 of 2 peers answered" in result.stdout
    assert "status: accepted" in result.stdout  # the introduction went through
    assert not list((tmp_path / "demo").glob("*/admin.sock"))  # all nodes stopped cleanly
