"""``kill -9`` during a bulk import loses no acknowledged candidate and leaves no half record."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from talentverbund.node.config import load_config
from talentverbund.node.storage.keystore import KeyStore
from talentverbund.node.synth import generate_candidates

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_kill_during_import(node_dir: Path, tmp_path: Path) -> None:
    bulk = tmp_path / "bulk.jsonl"
    with bulk.open("w") as handle:
        for profile in generate_candidates(3000, seed=3, lang=None):
            handle.write(json.dumps(profile, ensure_ascii=False) + "\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "talentverbund.node.cli.main", "candidate", "import",
         str(node_dir), str(bulk), "--consent", "local", "--batch-size", "50", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout is not None
    acknowledged = []
    for line in proc.stdout:
        acknowledged.append(json.loads(line)["id"])
        if len(acknowledged) >= 120:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    acknowledged += [json.loads(line)["id"] for line in proc.stdout.read().splitlines() if line]
    assert proc.returncode == -signal.SIGKILL, "import finished before it could be killed"

    config = load_config(node_dir)
    with create_engine(config.resolved_database_url()).connect() as conn:
        stored = {r[0] for r in conn.execute(text("SELECT id FROM candidates"))}
        with_secret = {r[0] for r in conn.execute(text("SELECT candidate_id FROM candidate_secrets"))}
        with_consent = {r[0] for r in conn.execute(text("SELECT candidate_id FROM consents"))}
    keystore = KeyStore(config.keys_dir)
    try:
        with_key = keystore.candidate_ids()
    finally:
        keystore.close()
    assert set(acknowledged) <= stored
    assert stored == with_secret == with_consent  # no half records
    assert stored <= with_key  # every stored candidate can still be decrypted
