"""A node with ``[audit] mirror_dir``: its log is mirrored, and ``audit.mirror_sync`` catches up."""

from __future__ import annotations

import dataclasses
import shutil
import signal
from pathlib import Path

import pytest

from talentverbund.node import api
from talentverbund.node.config import AuditConfig, load_config
from talentverbund.node.errors import UsageError
from talentverbund.node.federation.exchange_log import LogRecord
from talentverbund.node.runtime import open_runtime
from tests.nodes import init_node, serve, wait_serving


def _record(i: int) -> LogRecord:
    return LogRecord(direction="out", msg_type="search", status="sent", details={"n": i})


def _enable_mirror(node_dir: Path, mirror_dir: str) -> None:
    config = load_config(node_dir)
    dataclasses.replace(config, audit=AuditConfig(mirror_dir=mirror_dir)).write()


def test_a_configured_mirror_is_written_and_synced(node_dir: Path) -> None:
    _enable_mirror(node_dir, "log-mirror")
    rt = open_runtime(node_dir)
    try:
        log = rt.federation().log
        for i in range(3):
            log.append(_record(i))
        mirror_dir = node_dir / "log-mirror"
        assert [p.name for p in mirror_dir.glob("*.log")] == ["epoch-from-000000000001.log"]
        assert api.dispatch(rt, "audit.mirror_sync", {}) == {
            "mirror_dir": str(mirror_dir),
            "written": 0,
            "last_seq": 3,
        }
        shutil.rmtree(mirror_dir)
        assert api.dispatch(rt, "audit.mirror_sync", {})["written"] == 3
        assert log.mirror is not None and log.mirror.verify().ok
    finally:
        rt.close()


def test_mirror_sync_without_a_mirror_says_how_to_enable_it(node_dir: Path) -> None:
    rt = open_runtime(node_dir)
    try:
        assert rt.federation().log.mirror is None
        with pytest.raises(UsageError, match="mirror is off") as caught:
            api.dispatch(rt, "audit.mirror_sync", {})
        assert "mirror_dir" in caught.value.hint
    finally:
        rt.close()


def test_serve_catches_the_mirror_up_at_start(tmp_path: Path) -> None:
    """Entries logged before mirror_dir was set are in the mirror once serve has started."""
    node = init_node(tmp_path, "Kiel", "01002")
    rt = open_runtime(node.directory)
    try:
        for i in range(4):
            rt.federation().log.append(_record(i))
    finally:
        rt.close()
    _enable_mirror(node.directory, "mirror")
    serve(node)
    try:
        wait_serving(node)
        lines = (node.directory / "mirror" / "epoch-from-000000000001.log").read_bytes()
        assert lines.count(b"\n") >= 4
        assert "exchange log mirror caught up" in (tmp_path / "Kiel.log").read_text()
    finally:
        assert node.proc is not None
        node.proc.send_signal(signal.SIGTERM)
        node.proc.wait(timeout=20)
