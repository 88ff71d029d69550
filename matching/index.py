"""In-memory vector index: binary sketch scan, exact float32 re-rank, recall by construction.

A node keeps up to about a million candidate vectors (L2-normalised float32,
dimension ``d``, 256 by default) and must answer top-k inner-product queries in
milliseconds. A float32 scan of 1M x 256 reads 1 GB and is bound by memory
bandwidth (~70-100 ms on the reference machine, whether numpy or faiss), so the
index keeps two forms of every vector:

* the exact float32 matrix, used to re-rank candidates and for exact search;
* a *sketch*: the sign bits of the vector after a fixed, seeded random
  orthogonal rotation (``sketch_bits`` bits, 256 by default = 32 bytes, 1/32 of
  the float32 size), stored word-major as uint64 and scanned with XOR and
  ``np.bitwise_count``. The Hamming distance between two sketches estimates the
  angle between the vectors (each bit differs with probability angle / pi).

Search = sketch scan over all rows -> exact re-rank of a small shortlist ->
*adaptive expansion*: with the k-th best exact score ``s_k`` found so far, every
true top-k neighbour has angle at most ``arccos(s_k)``, so each of its sketch bits
differs from the query's with probability at most ``p = arccos(s_k) / pi``. All
rows whose distance is within the ``recall_target`` quantile of Binomial(bits, p)
are re-ranked exactly as well. Over the random rotation, each true neighbour is
therefore missed with probability at most about ``1 - recall_target`` whatever the
data (the Binomial treats the bits as independent; the orthogonal directions used
here are negatively correlated, which concentrates the distance further, so the
bound is conservative). What the data decides is only the cost. On clustered data
(skill vectors) the expanded shortlist is a few thousand rows of a million and
search is several times faster than faiss' flat indexes; on structureless data
(uniform random vectors: every distance about the same) the shortlist grows until
scanning the float32 matrix is cheaper, which the index then does
(``exact_fraction``).

Alternatives measured before choosing (1M x 256, one core; faiss fp16, the fastest
flat index, ~70 ms): int8 codes widened to float32 in chunks + matvec 82 ms, 4-bit
codes 153 ms, numpy float16 / int8 matvecs far slower (~1.7 s / ~0.2 s); a 512-bit
sketch ~1.5x slower than 256 bits on clustered data (scan doubles, shortlist only
halves); two-stage scans (64- or 128-bit prefix over all rows, remaining words
gathered for the survivors) within noise of the single scan, so the simpler one
stayed. Current figures: ``bench/search_speed.py``.

Filtering: ``search`` takes an optional boolean *row mask* over the index's
current rows (``mask[row]`` True = candidate may be returned). Build it with
:meth:`VectorIndex.mask_for` (from allowed ids) or :meth:`VectorIndex.rows_mask`
(from a predicate on ids), or yourself via :meth:`row_of` / :attr:`ids`. Rows move
on every write (removal swaps the last row into the hole), so a mask is valid
only until the next ``add`` or ``remove``.

Thread safety: the owner serialises writes (the node holds one writer lock);
any number of concurrent reads (``search``, ``search_batch``, ``exact_search``,
``to_bytes``) are fine because they share no scratch memory, but reads during a
write are not supported.

Scores returned are exact inner products, recomputed in float64 from the stored
float32 vectors, so ``search`` and ``exact_search`` report bit-identical scores
for the same row and ties are broken by id (ascending) deterministically.
"""

from __future__ import annotations

import functools
import json
import math
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

__all__ = ["MAX_K", "NORM_TOLERANCE", "VectorIndex"]

MAX_K: Final = 10_000
"""Largest ``k`` a search accepts; larger result lists are an export, not a query."""

NORM_TOLERANCE: Final = 1e-3
"""Allowed deviation of a vector's L2 norm from 1."""

DEFAULT_SEED: Final = 0x7A1E_47BD
DEFAULT_DIM: Final = 256

_MAGIC: Final = b"TVVIDX01"
_FORMAT: Final = "talentverbund.vector-index/v1"
_ALIGN: Final = 64
_CHUNK: Final = 32_768  # rows per scan step: temporaries stay in L2/L3 (measured 16k-32k best)
_P_GRID: Final = 2048  # resolution in p of the cached Binomial quantiles (rounded up)
_SCORE_MARGIN: Final = 1e-4  # > worst float32 dot error for unit vectors (d * 2^-24 ~ 1.5e-5)
_MAX_ID_LEN: Final = 512
_MASKED: Final = 65_535  # distance of a masked-out row: beyond every threshold

FloatArray = npt.NDArray[np.float32]
WordArray = npt.NDArray[np.uint64]
RowArray = npt.NDArray[np.intp]
BoolArray = npt.NDArray[np.bool_]
Distances = npt.NDArray[np.uint16]
Result = list[tuple[str, float]]


class VectorIndex:
    """Top-k inner-product search over L2-normalised vectors keyed by string ids.

    Parameters (all fixed for the index's lifetime and stored by :meth:`to_bytes`):

    ``dim``
        Vector dimension, a positive multiple of 64.
    ``seed``
        Seed of the random rotation that defines the sketches. The rotation itself
        is serialised, so a loaded index never depends on numpy's RNG stream.
    ``sketch_bits``
        Sketch length, a multiple of 64 (default: ``min(dim, 256)``). For d = 256 on
        clustered data 256 bits were fastest (measured: 512 bits shrink the shortlist
        but double the scan); 512 bits pay off on weakly structured data.
    ``recall_target``
        Per-neighbour probability of being found by ``search`` (0.5 < x < 1);
        1 - x is the Binomial tail left out of the adaptive expansion.
    ``exact_below``
        Indexes with at most this many rows are always searched exactly (a float32
        scan of 2048 x 256 takes ~0.1 ms; the sketch path would not be faster).
    ``exact_fraction``
        If the adaptive shortlist would exceed this fraction of the rows, scan the
        float32 matrix instead (a gathered re-rank costs ~6x a sequential scan per row,
        measured: 0.44 vs 0.07 us per row of 256 floats).
    """

    def __init__(
        self,
        dim: int = DEFAULT_DIM,
        *,
        seed: int = DEFAULT_SEED,
        sketch_bits: int | None = None,
        recall_target: float = 0.995,
        exact_below: int = 2048,
        exact_fraction: float = 0.15,
    ) -> None:
        bits = _check_params(dim, sketch_bits, recall_target, exact_below, exact_fraction)
        self._configure(
            dim, bits, int(seed), float(recall_target), int(exact_below), float(exact_fraction),
            _rotation(dim, bits, int(seed)),
        )  # fmt: skip

    def _configure(
        self,
        dim: int,
        bits: int,
        seed: int,
        recall_target: float,
        exact_below: int,
        exact_fraction: float,
        rotation: FloatArray,
    ) -> None:
        """Set up an empty index; shared by ``__init__`` and :meth:`from_bytes` (which
        brings its own rotation, so loading never pays for a QR decomposition)."""
        self._dim = dim
        self._bits = bits
        self._words = bits // 64
        self._seed = seed
        self._recall_target = recall_target
        self._exact_below = exact_below
        self._exact_fraction = exact_fraction
        self._rotation = rotation
        self._tail = 1.0 - recall_target
        self._n = 0
        self._vectors: FloatArray = np.empty((0, dim), np.float32)
        self._sketch: WordArray = np.empty((self._words, 0), np.uint64)
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}

    # ------------------------------------------------------------------ properties

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def sketch_bits(self) -> int:
        return self._bits

    @property
    def seed(self) -> int:
        return self._seed

    @property
    def recall_target(self) -> float:
        return self._recall_target

    @property
    def ids(self) -> list[str]:
        """A copy of the ids in row order (``ids[row]``); O(n), for building masks."""
        return list(self._ids)

    def __len__(self) -> int:
        return self._n

    def __contains__(self, candidate_id: object) -> bool:
        return candidate_id in self._rows

    def __repr__(self) -> str:
        return f"VectorIndex(dim={self._dim}, sketch_bits={self._bits}, rows={self._n})"

    def row_of(self, candidate_id: str) -> int:
        """Current row of ``candidate_id`` (KeyError if absent); changes on writes."""
        return self._rows[candidate_id]

    def id_at(self, row: int) -> str:
        """Id stored in ``row`` (IndexError if out of range)."""
        if not 0 <= row < self._n:
            raise IndexError(f"row {row} out of range for {self._n} rows")
        return self._ids[row]

    def vector(self, candidate_id: str) -> FloatArray:
        """A copy of the stored float32 vector of ``candidate_id``."""
        vector: FloatArray = self._vectors[self._rows[candidate_id]].copy()
        return vector

    # ------------------------------------------------------------------ masks

    def mask_for(self, allowed_ids: Iterable[str]) -> BoolArray:
        """Row mask allowing exactly ``allowed_ids`` (ids not in the index are ignored)."""
        mask = np.zeros(self._n, np.bool_)
        rows = [self._rows[i] for i in allowed_ids if i in self._rows]
        if rows:
            mask[np.asarray(rows, np.intp)] = True
        return mask

    def rows_mask(self, predicate: Callable[[str], bool]) -> BoolArray:
        """Row mask of the rows whose id satisfies ``predicate``; O(n) Python calls."""
        return np.fromiter((bool(predicate(i)) for i in self._ids), np.bool_, self._n)

    # ------------------------------------------------------------------ writes

    def add(self, ids: Sequence[str], vectors: npt.ArrayLike) -> None:
        """Insert or replace a batch of vectors; all-or-nothing (validated first).

        ``vectors`` has shape ``(len(ids), dim)``, finite, each of L2 norm 1 within
        :data:`NORM_TOLERANCE`. An id already present gets the new vector (same row).
        Ids must be unique within the batch, non-empty strings without line breaks.
        """
        if isinstance(ids, str):
            raise TypeError("ids must be a sequence of strings, not a single string")
        ids = list(ids)
        matrix = self._check_vectors(vectors, len(ids))
        _check_ids(ids)
        if not ids:
            return
        sketches = self._sketch_rows(matrix)
        known = [self._rows.get(candidate_id) for candidate_id in ids]
        fresh = [candidate_id for candidate_id, row in zip(ids, known, strict=True) if row is None]
        start = self._n
        self._reserve(start + len(fresh))
        if len(fresh) == len(ids):  # bulk load: one contiguous block, no scatter
            self._vectors[start : start + len(ids)] = matrix
            self._sketch[:, start : start + len(ids)] = sketches
        else:
            counter = iter(range(start, start + len(fresh)))
            rows = np.fromiter(
                (next(counter) if row is None else row for row in known), np.intp, len(ids)
            )
            self._vectors[rows] = matrix
            self._sketch[:, rows] = sketches
        self._ids.extend(fresh)
        self._rows.update(zip(fresh, range(start, start + len(fresh)), strict=True))
        self._n = start + len(fresh)

    def remove(self, ids: Iterable[str], *, missing_ok: bool = False) -> int:
        """Remove ids; returns how many were removed. O(1) each (last row fills the hole).

        Unknown ids raise KeyError before anything changes, unless ``missing_ok``.
        """
        if isinstance(ids, str):
            raise TypeError("ids must be an iterable of strings, not a single string")
        wanted = list(dict.fromkeys(ids))
        missing = [i for i in wanted if i not in self._rows]
        if missing and not missing_ok:
            more = " ..." if len(missing) > 5 else ""
            raise KeyError(f"not in the index: {missing[:5]!r}{more}")
        removed = 0
        for candidate_id in wanted:
            row = self._rows.pop(candidate_id, None)
            if row is None:
                continue
            last = self._n - 1
            if row != last:
                moved = self._ids[last]
                self._vectors[row] = self._vectors[last]
                self._sketch[:, row] = self._sketch[:, last]
                self._ids[row] = moved
                self._rows[moved] = row
            self._ids.pop()
            self._n = last
            removed += 1
        return removed

    # ------------------------------------------------------------------ search

    def search(self, query: npt.ArrayLike, k: int, mask: npt.ArrayLike | None = None) -> Result:
        """Top-k ``(id, score)`` by inner product, best first, ties by id.

        Approximate only in *which* rows are found (each true top-k neighbour with
        probability >= ``recall_target``); scores are exact. ``mask`` is a boolean
        row mask (see module docstring); fewer than k results if fewer rows allowed.
        """
        _check_k(k)
        q = self._check_query(query)
        allowed = self._check_mask(mask)
        return self._search_one(q, self._sketch_queries(q[None, :])[0], k, allowed)

    def search_batch(
        self, queries: npt.ArrayLike, k: int, mask: npt.ArrayLike | None = None
    ) -> list[Result]:
        """:meth:`search` for each row of ``queries`` (shape ``(m, dim)``), one mask for all.

        Validation, rotation (one matrix product) and the mask are shared; the
        per-query sketch scan is bound by popcount throughput, which batching cannot
        share, so throughput is about 1 / single-query latency.
        """
        _check_k(k)
        matrix = self._check_vectors(queries, None, what="queries")
        allowed = self._check_mask(mask)
        sketches = self._sketch_queries(matrix)
        return [
            self._search_one(matrix[i], sketches[i], k, allowed) for i in range(matrix.shape[0])
        ]

    def exact_search(
        self, query: npt.ArrayLike, k: int, mask: npt.ArrayLike | None = None
    ) -> Result:
        """Brute-force top-k over all (allowed) rows: the reference for ``search``."""
        _check_k(k)
        q = self._check_query(query)
        allowed = self._check_mask(mask)
        return self._exact(q, k, allowed)

    # ------------------------------------------------------------------ persistence

    def to_bytes(self) -> bytes:
        """Serialise to a compact, platform-independent byte string (little-endian).

        Layout: magic, header length, JSON header, then 64-byte aligned raw arrays
        (rotation, vectors, sketches) and the ids, newline-separated UTF-8. Loading
        is a few memory copies, no recomputation (100k rows: ~0.1 s).
        """
        return b"".join(self._parts())

    def _parts(self) -> Iterator[bytes | memoryview]:
        """The serialised form piece by piece, arrays as zero-copy views where the
        memory layout allows, so :meth:`save` never holds a second copy of 1 GB."""
        n = self._n
        id_blob = "\n".join(self._ids).encode("utf-8")
        header = {
            "format": _FORMAT,
            "dim": self._dim,
            "sketch_bits": self._bits,
            "seed": self._seed,
            "recall_target": self._recall_target,
            "exact_below": self._exact_below,
            "exact_fraction": self._exact_fraction,
            "count": n,
            "ids_bytes": len(id_blob),
        }
        head = json.dumps(header, sort_keys=True).encode("utf-8")
        yield _MAGIC
        yield len(head).to_bytes(4, "little")
        yield head
        offset = len(_MAGIC) + 4 + len(head)
        for array in (
            np.ascontiguousarray(self._rotation, dtype="<f4"),
            np.ascontiguousarray(self._vectors[:n], dtype="<f4"),
            np.ascontiguousarray(self._sketch[:, :n], dtype="<u8"),
        ):
            pad = -offset % _ALIGN
            yield b"\0" * pad
            yield array.reshape(-1).view(np.uint8).data
            offset += pad + array.nbytes
        yield id_blob

    @classmethod
    def from_bytes(cls, data: bytes | bytearray | memoryview) -> VectorIndex:
        """Inverse of :meth:`to_bytes` (copies ``data``); ValueError on any inconsistency.

        The rotation's columns and a sample of rows are re-checked, so a file written
        with a different rotation, truncated or corrupted is rejected instead of
        silently losing recall.
        """
        return cls._decode(memoryview(data).cast("B"), adopt=False)

    @classmethod
    def _decode(cls, buf: memoryview, *, adopt: bool) -> VectorIndex:
        """Parse the serialised form. With ``adopt`` (a private, writable buffer on a
        little-endian machine) the arrays are used in place instead of copied."""
        if bytes(buf[: len(_MAGIC)]) != _MAGIC:
            raise ValueError("not a serialised VectorIndex (bad magic)")
        pos = len(_MAGIC)
        head_len = int.from_bytes(buf[pos : pos + 4], "little")
        pos += 4
        try:
            header: dict[str, Any] = json.loads(bytes(buf[pos : pos + head_len]).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"corrupt VectorIndex header: {exc}") from exc
        pos += head_len
        if not isinstance(header, dict) or header.get("format") != _FORMAT:
            raise ValueError("unsupported VectorIndex format")
        try:
            dim = int(header["dim"])
            seed = int(header["seed"])
            recall_target = float(header["recall_target"])
            exact_below = int(header["exact_below"])
            exact_fraction = float(header["exact_fraction"])
            bits = _check_params(
                dim, int(header["sketch_bits"]), recall_target, exact_below, exact_fraction
            )
            n = int(header["count"])
            ids_bytes = int(header["ids_bytes"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"corrupt VectorIndex header: {exc}") from exc
        if n < 0 or ids_bytes < 0:
            raise ValueError("corrupt VectorIndex header: negative sizes")
        d, w = dim, bits // 64

        def take(dtype: str, count: int) -> npt.NDArray[Any]:
            nonlocal pos
            pos += -pos % _ALIGN
            size = np.dtype(dtype).itemsize * count
            if pos + size > len(buf):
                raise ValueError("truncated VectorIndex data")
            array = np.frombuffer(buf, dtype=dtype, count=count, offset=pos)
            pos += size
            return array

        rotation = take("<f4", d * bits).reshape(d, bits)
        vectors = take("<f4", n * d).reshape(n, d)
        sketch = take("<u8", n * w).reshape(w, n)
        if pos + ids_bytes != len(buf):
            raise ValueError("VectorIndex data has the wrong length")
        ids = bytes(buf[pos:]).decode("utf-8").split("\n") if n else []
        if len(ids) != n:
            raise ValueError(f"VectorIndex holds {len(ids)} ids for {n} vectors")
        rows = dict(zip(ids, range(n), strict=True))
        if len(rows) != n:
            raise ValueError("VectorIndex holds duplicate ids")
        index = cls.__new__(cls)
        index._configure(
            dim, bits, seed, recall_target, exact_below, exact_fraction,
            rotation.astype(np.float32),
        )  # fmt: skip
        if adopt and not buf.readonly and sys.byteorder == "little":
            index._vectors, index._sketch = vectors, sketch  # capacity n; grows on add
        else:
            index._reserve(n)
            index._vectors[:n] = vectors
            index._sketch[:, :n] = sketch
        index._ids = ids
        index._rows = rows
        index._n = n
        index._verify_sample()
        return index

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the :meth:`to_bytes` form to ``path`` atomically (temp file, fsync,
        rename), streaming: no second in-memory copy of the index."""
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        with open(tmp, "wb") as handle:
            for part in self._parts():
                handle.write(part)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> VectorIndex:
        """Read an index written by :meth:`save`: one read into a private buffer that
        the index then uses in place (no second copy of the vectors)."""
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            buffer = np.empty(size, np.uint8)  # unlike bytearray(size): not zero-filled first
            if handle.readinto(buffer.data) != size:
                raise ValueError(f"{path}: file changed while reading")
        return cls._decode(buffer.data, adopt=True)

    # ------------------------------------------------------------------ internals

    def _reserve(self, rows: int) -> None:
        """Grow storage geometrically so a stream of single adds is amortised O(1)."""
        capacity = self._vectors.shape[0]
        if rows <= capacity:
            return
        capacity = max(rows, capacity + capacity // 2, 1024)
        vectors = np.empty((capacity, self._dim), np.float32)
        vectors[: self._n] = self._vectors[: self._n]
        sketch = np.zeros((self._words, capacity), np.uint64)
        sketch[:, : self._n] = self._sketch[:, : self._n]
        self._vectors, self._sketch = vectors, sketch

    def _check_vectors(
        self, vectors: npt.ArrayLike, count: int | None, what: str = "vectors"
    ) -> FloatArray:
        matrix = np.asarray(vectors)
        if matrix.ndim != 2 or matrix.shape[1] != self._dim:
            raise ValueError(f"{what} must have shape (n, {self._dim}), got {matrix.shape}")
        if count is not None and matrix.shape[0] != count:
            raise ValueError(f"{count} ids but {matrix.shape[0]} vectors")
        if not np.issubdtype(matrix.dtype, np.number) or np.iscomplexobj(matrix):
            raise ValueError(f"{what} must be numeric, got dtype {matrix.dtype}")
        matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        if not np.isfinite(matrix).all():
            raise ValueError(f"{what} contain NaN or infinite values")
        norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix, dtype=np.float64))
        bad = np.flatnonzero(np.abs(norms - 1.0) > NORM_TOLERANCE)
        if bad.size:
            raise ValueError(
                f"{what} must be L2-normalised (|norm - 1| <= {NORM_TOLERANCE}); "
                f"row {int(bad[0])} has norm {float(norms[bad[0]]):.6g}"
            )
        return matrix

    def _check_query(self, query: npt.ArrayLike) -> FloatArray:
        q = np.asarray(query)
        if q.ndim != 1 or q.shape[0] != self._dim:
            raise ValueError(f"query must have shape ({self._dim},), got {q.shape}")
        checked: FloatArray = self._check_vectors(q[None, :], 1, what="query")[0]
        return checked

    def _check_mask(self, mask: npt.ArrayLike | None) -> BoolArray | None:
        if mask is None:
            return None
        array = np.asarray(mask)
        if array.dtype != np.bool_ or array.shape != (self._n,):
            raise ValueError(
                f"mask must be a boolean array of shape ({self._n},) over the current rows, "
                f"got dtype {array.dtype} shape {array.shape} (masks expire on every write)"
            )
        return array

    def _sketch_rows(self, matrix: FloatArray) -> WordArray:
        """Word-major sketches ``(words, n)`` of the rows of ``matrix``."""
        out = np.empty((self._words, matrix.shape[0]), np.uint64)
        step = 65_536  # bounds the float temporary to 64 MB
        for start in range(0, matrix.shape[0], step):
            part = self._sketch_queries(matrix[start : start + step])
            out[:, start : start + part.shape[0]] = part.T
        return out

    def _sketch_queries(self, matrix: FloatArray) -> WordArray:
        """Row-major sketches ``(n, words)``: sign bits of the rotated vectors."""
        bits = np.packbits(matrix @ self._rotation > 0, axis=1, bitorder="little")
        # "<u8" pins the byte order: the words are the same on every platform.
        return bits.view("<u8").astype(np.uint64, copy=False).reshape(matrix.shape[0], self._words)

    def _distance(self, words: WordArray, allowed: BoolArray | None) -> Distances:
        """Hamming distance of the query sketch to every row's sketch.

        The only pass over all rows: per sketch word XOR, popcount, add, in chunks
        of 32k rows so the temporaries stay in cache (~6 ms per million rows at 256
        bits, bound by popcount throughput). Masked-out rows get a sentinel beyond
        every threshold.
        """
        n, width = self._n, self._words
        out = np.empty(n, np.uint16)
        chunk = min(_CHUNK, n)
        xor = np.empty((width, chunk), np.uint64)
        counts = np.empty((width, chunk), np.uint8)
        column = words.reshape(width, 1)
        for start in range(0, n, chunk):
            stop = min(n, start + chunk)
            m = stop - start
            np.bitwise_xor(self._sketch[:, start:stop], column, out=xor[:, :m])
            np.bitwise_count(xor[:, :m], out=counts[:, :m])
            np.add.reduce(counts[:, :m], axis=0, dtype=np.uint16, out=out[start:stop])
        if allowed is not None:
            out[~allowed] = _MASKED
        return out

    def _search_one(
        self, q: FloatArray, words: WordArray, k: int, allowed: BoolArray | None
    ) -> Result:
        """Sketch scan -> stage 1 (estimate the k-th score) -> stage 2 (adaptive expansion).

        Recall argument: let ``s_k`` be the k-th best exact score among the stage-1
        rows; it is <= the true k-th score, so every true top-k neighbour has angle
        <= ``arccos(s_k)`` and each of its sketch bits differs from the query's with
        probability <= ``p = arccos(s_k) / pi``. Stage 2 re-ranks every row whose
        distance is within the ``recall_target`` quantile of Binomial(bits, p), so a
        true neighbour is missed with probability <= 1 - recall_target.
        """
        n = self._n
        available = n if allowed is None else int(np.count_nonzero(allowed))
        if available == 0:
            return []
        if n <= self._exact_below or available <= max(k, n // 64):
            # tiny index or sparse filter: re-ranking the allowed rows costs less than
            # the sketch scan (0.44 us per gathered row vs ~6 ms per million scanned)
            return self._exact(q, k, allowed)
        distance = self._distance(words, allowed)
        # Stage 1: the few hundred rows nearest in sketch space, re-ranked exactly.
        target = max(8 * k, 256)
        cut = _shortlist_cut(distance, target, min(max(k, target // 4), available), self._bits)
        candidates = np.flatnonzero(distance <= cut)
        scores = np.take(self._vectors, candidates, axis=0) @ q
        kth = float(np.partition(scores, candidates.size - k)[candidates.size - k])
        # Stage 2: every row a true top-k neighbour can hide in, with high probability.
        wide_cut = _wide_cut(self._bits, self._tail, kth)
        if wide_cut > cut:
            within = distance <= wide_cut
            if np.count_nonzero(within) > self._exact_fraction * n:
                return self._exact(q, k, allowed)  # structureless data: scanning is cheaper
            fresh = np.flatnonzero(within & (distance > cut))
            candidates = np.concatenate([candidates, fresh])
            scores = np.concatenate([scores, np.take(self._vectors, fresh, axis=0) @ q])
        return self._finish(q, candidates, scores, k)

    def _exact(self, q: FloatArray, k: int, allowed: BoolArray | None) -> Result:
        n = self._n
        if allowed is not None and np.count_nonzero(allowed) < n // 4:
            rows = np.flatnonzero(allowed)  # sparse filter: gather beats a full scan
            return self._finish(q, rows, np.take(self._vectors, rows, axis=0) @ q, k)
        scores = self._vectors[:n] @ q
        if allowed is None:
            return self._finish(q, np.arange(n, dtype=np.intp), scores, k)
        rows = np.flatnonzero(allowed)
        return self._finish(q, rows, scores[rows], k)

    def _finish(self, q: FloatArray, rows: RowArray, scores: FloatArray, k: int) -> Result:
        """Exact top-k of the candidate rows, float64 scores, ties broken by id.

        Candidates within ``_SCORE_MARGIN`` of the float32 k-th score are rescored
        in float64 (products of float32 are exact in float64; the row-wise sum is
        the same for equal rows), so results do not depend on BLAS blocking.
        """
        if rows.size == 0:
            return []
        if rows.size > k:
            kth = np.partition(scores, rows.size - k)[rows.size - k]
            keep = np.flatnonzero(scores >= kth - _SCORE_MARGIN)
            rows = rows[keep]
        rows64 = np.take(self._vectors, rows, axis=0).astype(np.float64)
        exact = (rows64 * q.astype(np.float64)).sum(axis=1)
        ranked = sorted(
            zip(exact.tolist(), rows.tolist(), strict=True),
            key=lambda pair: (-pair[0], self._ids[pair[1]]),
        )
        return [(self._ids[row], score) for score, row in ranked[:k]]

    def _verify_sample(self) -> None:
        """Spot-check a loaded index: the rotation's column norms, norms and sketches
        of up to 64 evenly spaced rows.

        A sign bit may legitimately differ where the rotated coordinate is within
        float32 rounding of zero (BLAS blocks a 64-row product differently from the
        bulk one that built the sketch); only clear disagreements count as corrupt.
        """
        columns = np.linalg.norm(self._rotation.astype(np.float64), axis=0)
        if not np.isfinite(columns).all() or (np.abs(columns - 1.0) > NORM_TOLERANCE).any():
            raise ValueError("VectorIndex data is corrupt (rotation)")
        n = self._n
        if n == 0:
            return
        sample = np.unique(np.linspace(0, n - 1, num=min(n, 64)).astype(np.intp))
        vectors = self._vectors[sample]
        norms = np.linalg.norm(vectors.astype(np.float64), axis=1)
        if not np.isfinite(vectors).all() or (np.abs(norms - 1.0) > NORM_TOLERANCE).any():
            raise ValueError("VectorIndex data is corrupt (vector norms)")
        projected = vectors @ self._rotation
        stored_words = np.ascontiguousarray(self._sketch[:, sample].T).astype("<u8")
        stored = np.unpackbits(stored_words.view(np.uint8), axis=1, bitorder="little")
        wrong = (stored.astype(np.bool_) != (projected > 0)) & (np.abs(projected) > 1e-4)
        if wrong.any():
            raise ValueError("VectorIndex data is corrupt (sketches do not match the rotation)")


def _check_params(
    dim: int, sketch_bits: int | None, recall_target: float, exact_below: int, exact_fraction: float
) -> int:
    """Validate constructor parameters; returns the sketch length in bits."""
    if isinstance(dim, bool) or not isinstance(dim, int) or dim <= 0 or dim % 64:
        raise ValueError(f"dim must be a positive multiple of 64, got {dim!r}")
    bits = min(dim, 256) if sketch_bits is None else sketch_bits
    if isinstance(bits, bool) or not isinstance(bits, int) or not 64 <= bits <= 1024 or bits % 64:
        raise ValueError(f"sketch_bits must be a multiple of 64 in [64, 1024], got {bits!r}")
    if not 0.5 < recall_target < 1.0:
        raise ValueError(f"recall_target must be in (0.5, 1), got {recall_target!r}")
    if exact_below < 0:
        raise ValueError(f"exact_below must be >= 0, got {exact_below!r}")
    if not 0.0 < exact_fraction <= 1.0:
        raise ValueError(f"exact_fraction must be in (0, 1], got {exact_fraction!r}")
    return bits


def _check_k(k: int) -> None:
    if isinstance(k, bool) or not isinstance(k, int | np.integer):
        raise ValueError(f"k must be an integer, got {k!r}")
    if not 1 <= k <= MAX_K:
        raise ValueError(f"k must be between 1 and {MAX_K}, got {k}")


def _check_ids(ids: list[str]) -> None:
    """Ids: unique, non-empty strings of at most 512 characters without line breaks
    (the serialised form separates ids by newlines). Vectorised with C-level
    builtins: 100k ids take milliseconds, not a Python loop's 0.2 s."""
    if not all(isinstance(candidate_id, str) for candidate_id in ids):
        bad = next(i for i in ids if not isinstance(i, str))
        raise ValueError(f"ids must be non-empty strings, got {bad!r}")
    if not ids:
        return
    if not all(ids):
        raise ValueError("ids must be non-empty strings, got ''")
    joined = "\n".join(ids)
    if joined.count("\n") != len(ids) - 1 or "\r" in joined or max(map(len, ids)) > _MAX_ID_LEN:
        bad = next(i for i in ids if "\n" in i or "\r" in i or len(i) > _MAX_ID_LEN)
        raise ValueError(f"id too long or contains a line break: {bad[:40]!r}")
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        duplicate = next(i for i in ids if i in seen or seen.add(i))  # type: ignore[func-returns-value]
        raise ValueError(f"duplicate id in one batch: {duplicate!r}")


def _shortlist_cut(distance: Distances, target: int, floor: int, limit: int) -> int:
    """A distance t with about ``target`` rows (and surely >= ``floor``) at <= t.

    Estimated from a strided sample of 64k rows (a histogram of all of 1M rows
    costs ~5 ms: bincount widens to int64), checked on all rows with
    ``count_nonzero`` (~0.2 ms per million); only if the sample was far off (or a
    mask left few rows) is the full histogram computed. Stage 1 only needs *some*
    shortlist of about that size: the recall argument does not depend on it.
    """
    step = max(1, distance.size // 65_536)
    sample = np.minimum(distance[::step], limit + 1)  # masked rows: one overflow bin
    counts = np.cumsum(np.bincount(sample, minlength=limit + 2)[: limit + 1])
    cut = min(int(np.searchsorted(counts * (distance.size / sample.size), target)), limit)
    found = int(np.count_nonzero(distance <= cut))
    if found < floor or found > 4 * target:
        clipped = np.minimum(distance, limit + 1)
        counts = np.cumsum(np.bincount(clipped, minlength=limit + 2)[: limit + 1])
        cut = min(int(np.searchsorted(counts, max(target, floor))), limit)
    return cut


def _p_index(score: float) -> int:
    """Grid index of ``arccos(score) / pi``, rounded *up*: thresholds err wide."""
    p = math.acos(min(1.0, max(-1.0, score))) / math.pi
    return min(_P_GRID, math.ceil(p * _P_GRID))


@functools.lru_cache(maxsize=8)
def _rotation(dim: int, bits: int, seed: int) -> FloatArray:
    """``(dim, bits)`` projection with orthonormal columns per block of ``dim``.

    Orthogonal directions make the sketch bits negatively correlated, which lowers
    the variance of the Hamming estimate below the Binomial bound used for search.
    """
    rng = np.random.default_rng(seed)
    blocks = []
    remaining = bits
    while remaining > 0:
        q, r = np.linalg.qr(rng.standard_normal((dim, dim)))
        q *= np.sign(np.diag(r))  # Haar-distributed rotation
        blocks.append(q[:, : min(dim, remaining)])
        remaining -= dim
    rotation = np.ascontiguousarray(np.concatenate(blocks, axis=1), dtype=np.float32)
    rotation.flags.writeable = False  # cached and shared between indexes
    return rotation


@functools.lru_cache(maxsize=16)
def _quantile_cache(bits: int, tail: float) -> npt.NDArray[np.int32]:
    """Per (bits, tail): Binomial quantiles by p-grid index, -1 = not computed yet.

    Filled lazily, one grid point per first use (~20 us), so neither construction
    nor loading pays for a full table. Concurrent readers may compute the same
    entry twice and store the same value: benign.
    """
    return np.full(_P_GRID + 1, -1, np.int32)


def _wide_cut(bits: int, tail: float, score: float) -> int:
    """Stage-2 distance threshold for a k-th best score ``score`` (see ``_search_one``)."""
    index = _p_index(score)
    cache = _quantile_cache(bits, tail)
    cut = int(cache[index])
    if cut < 0:
        cut = _binomial_quantile(bits, index / _P_GRID, tail)
        cache[index] = cut
    return cut


def _binomial_quantile(bits: int, p: float, tail: float) -> int:
    """Smallest t with P(Binomial(bits, p) > t) <= tail (computed in log space)."""
    if p <= 0.0:
        return 0
    if p >= 1.0:
        return bits
    t = np.arange(bits + 1, dtype=np.float64)
    log_pmf = _log_choose(bits) + t * math.log(p) + (bits - t) * math.log1p(-p)
    cdf = np.cumsum(np.exp(log_pmf - log_pmf.max()))
    cdf /= cdf[-1]
    return min(int(np.count_nonzero(cdf < 1.0 - tail)), bits)


@functools.lru_cache(maxsize=16)
def _log_choose(bits: int) -> npt.NDArray[np.float64]:
    """log C(bits, t) for t = 0..bits, by the product recurrence (no overflow)."""
    t = np.arange(bits, dtype=np.float64)
    table = np.concatenate([[0.0], np.cumsum(np.log((bits - t) / (t + 1.0)))])
    table.flags.writeable = False
    return table
