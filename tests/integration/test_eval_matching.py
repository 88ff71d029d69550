"""The matching-quality evaluation runs end to end in its small size and writes its JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SLICES = ("overall", "cv_de", "cv_en", "seen", "heldout", "generic_title", "jobs_en")


def test_eval_matching_small(tmp_path: Path) -> None:
    out = tmp_path / "eval.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_matching.py"), "--size", "small",
         "--output", str(out)],
        check=True, capture_output=True, text=True, cwd=ROOT, timeout=240,
    )
    print(done.stdout)  # the table, baselines included (shown with pytest -s or on failure)
    result = json.loads(out.read_text(encoding="utf-8"))

    params, counts = result["params"], result["counts"]
    assert params["size"] == "small"
    assert isinstance(params["seed"], int)
    assert params["generator"]["seed"] == params["seed"]
    assert counts["occupations"] == 12
    assert counts["candidates"] == counts["candidates_de"] + counts["candidates_en"]
    assert counts["candidates_de"] > 0 and counts["candidates_en"] > 0
    assert counts["heldout_occupations"] > 0
    assert counts["cv_mentions_heldout_synonym"] > 0

    methods = result["methods"]
    assert "ours" in methods and "bm25" in methods
    for name, entry in methods.items():
        for slice_name in SLICES:
            metrics = entry[slice_name]
            assert metrics["queries"] > 0, (name, slice_name)
            assert 0.0 <= metrics["ndcg@10"] <= 1.0, (name, slice_name)
            assert 0.0 <= metrics["recall@50"] <= 1.0, (name, slice_name)
        assert {"de", "en"} <= set(entry["mixed_pool_grade2_mean_rank"])
        assert entry["seconds"]["total"] > 0

    ours = methods["ours"]
    assert ours["overall"]["ndcg@10"] > 0.5
    # Only protected data changes: our ranking must not move at all, whether the node
    # knows the personal fields (structured import) or not (plain-text CV).
    for mode in ("header", "none"):
        for kind in ("identity", "title_form"):
            swap = ours["swaps"][mode][kind]
            assert swap["tested"] > 0, (mode, kind)
            assert swap["rank_changed"] == 0, (mode, kind, swap["examples"])
            assert swap["score_changed"] == 0, (mode, kind)
    for name, entry in methods.items():
        if name != "ours":
            assert set(entry["swaps"]) == {"identity", "title_form"}
    assert "cv_skill_recall" in ours["diagnostics"]
