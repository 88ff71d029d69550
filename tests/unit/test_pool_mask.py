"""Pool masks are cached per filter set, and never outlive a change or a consent expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from talentverbund.node.pool import CandidatePool, Filters, PoolEntry

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _pool() -> CandidatePool:
    pool = CandidatePool("m1-test", 64)
    vectors = np.eye(64, dtype=np.float32)[:3]
    for i, expires in enumerate((NOW + timedelta(days=1), NOW + timedelta(days=30), NOW)):
        cid = f"c{i}"
        pool.entries[cid] = PoolEntry("[]", ["DE-SH"], [], None, None, [], [],
                                      {"local": expires})
        pool.index.add([cid], vectors[i : i + 1])
    return pool


def test_mask_respects_expiry_and_changes() -> None:
    pool = _pool()
    filters = Filters(purpose="local")
    first = pool.mask(filters, NOW)
    assert first.tolist() == [True, True, False]  # c2's consent expires exactly now
    assert pool.mask(filters, NOW + timedelta(hours=1)) is first  # cached
    later = pool.mask(filters, NOW + timedelta(days=2))  # c0 expired: recomputed
    assert later.tolist() == [False, True, False]
    pool.remove(["c1"])
    assert pool.mask(filters, NOW + timedelta(days=2)).tolist() == [False, False]
    assert not pool.mask(Filters(purpose="federation"), NOW).any()
