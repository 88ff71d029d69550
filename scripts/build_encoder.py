"""Build the encoder model (matching/data/encoder.onnx) reproducibly from the taxonomy.

Method, in words a DPO can follow: two skills are *related* when they are
needed together by the same occupations (or belong to the same ESCO skill
group). We count those co-occurrences over the taxonomy's occupations
(held-out occupations excluded, so the evaluation stays honest), turn counts
into positive pointwise mutual information, and keep the strongest 128
directions of that matrix (an eigendecomposition). Each skill's vector joins
those 128 "relatedness" coordinates with 128 coordinates of a fixed random
code of its own, so an exact skill match always counts more than a related
one. A skill set's vector is the weighted sum of its skills' vectors,
normalized to length 1. That is the whole model: one matrix.

Determinism: fixed seed, single-threaded BLAS, values rounded to float16
precision before they are stored, eigenvector signs fixed, rows of rounding noise
dropped, no negative zeros; the same inputs give the same bytes whichever BLAS
kernels the CPU selects, which CI checks.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import onnx  # noqa: E402
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from talentverbund.matching.encoder import INPUT, OUTPUT  # noqa: E402
from talentverbund.matching.taxonomy import Taxonomy, load_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DIM_CODE = 128
DIM_RELATED = 128
ALPHA = 0.55  # share of the exact-identity code in each skill vector
GROUP_WEIGHT = 0.3
SEED = 20261123
NOISE = 1e-9  # relative row norm below which the related part is rounding noise


def cooccurrence(taxonomy: Taxonomy) -> np.ndarray:
    n = taxonomy.size
    counts = np.zeros((n, n), dtype=np.float64)
    for occ in taxonomy.occupations:
        if getattr(occ, "heldout", False):
            continue
        weights = np.zeros(n)
        weights[list(occ.optional)] = 0.5
        weights[list(occ.essential)] = 1.0
        counts += np.outer(weights, weights)
    groups: dict[str, list[int]] = {}
    for skill in taxonomy.skills:
        for group in skill.groups:
            groups.setdefault(group, []).append(skill.index)
    for members in groups.values():
        idx = np.array(members)
        counts[np.ix_(idx, idx)] += GROUP_WEIGHT
    np.fill_diagonal(counts, 0.0)
    return counts


def ppmi(counts: np.ndarray) -> np.ndarray:
    total = counts.sum()
    if total == 0:
        return counts
    row = counts.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((counts * total) / (row @ row.T))
    pmi[~np.isfinite(pmi)] = 0.0
    return np.maximum(pmi, 0.0)


def related_embedding(matrix: np.ndarray, dim: int) -> np.ndarray:
    values, vectors = np.linalg.eigh(matrix)
    order = np.argsort(values)[::-1][:dim]
    values, vectors = np.maximum(values[order], 0.0), vectors[:, order]
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), np.arange(vectors.shape[1])])
    vectors = vectors * np.where(signs == 0, 1.0, signs)
    emb = vectors * np.sqrt(values)
    if emb.shape[1] < dim:
        emb = np.pad(emb, ((0, 0), (0, dim - emb.shape[1])))
    # A skill that co-occurs with nothing gets a row of rounding noise (norms ~1e-15 and
    # below), which normalizing would blow up into a direction that differs from one
    # CPU's BLAS kernels to another's: such a skill has no related part.
    norms = np.linalg.norm(emb, axis=1)
    emb[norms < NOISE * norms.max()] = 0.0
    return _unit_rows(emb)


def _unit_rows(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return np.divide(m, norms, out=np.zeros_like(m), where=norms > 0)


def skill_matrix(taxonomy: Taxonomy) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    code = rng.choice([-1.0, 1.0], size=(taxonomy.size, DIM_CODE)) / np.sqrt(DIM_CODE)
    related = related_embedding(ppmi(cooccurrence(taxonomy)), DIM_RELATED)
    has_related = np.linalg.norm(related, axis=1) > 0
    alpha = np.where(has_related, ALPHA, 1.0)[:, None]
    matrix = np.hstack([np.sqrt(alpha) * code, np.sqrt(1.0 - alpha) * related])
    stored = _unit_rows(matrix).astype(np.float16).astype(np.float32)
    return stored + np.float32(0.0)  # -0.0 (its sign is kernel-dependent) becomes 0.0


def build_model(matrix: np.ndarray) -> bytes:
    n, d = matrix.shape
    graph = helper.make_graph(
        nodes=[
            helper.make_node("MatMul", [INPUT, "skill_vectors"], ["summed"]),
            helper.make_node("LpNormalization", ["summed"], [OUTPUT], axis=1, p=2),
        ],
        name="talentverbund_skill_encoder",
        inputs=[helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, ["batch", n])],
        outputs=[helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", d])],
        initializer=[numpy_helper.from_array(matrix, name="skill_vectors")],
    )
    model = helper.make_model(
        graph,
        producer_name="talentverbund/scripts/build_encoder.py",
        producer_version="1",
        opset_imports=[helper.make_opsetid("", 17)],
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model.SerializeToString(deterministic=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--taxonomy", type=Path, default=ROOT / "matching/data/taxonomy.json")
    parser.add_argument("--output", type=Path, default=ROOT / "matching/data/encoder.onnx")
    args = parser.parse_args(argv)
    taxonomy = load_file(args.taxonomy)
    data = build_model(skill_matrix(taxonomy))
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes, {taxonomy.size} skills)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
