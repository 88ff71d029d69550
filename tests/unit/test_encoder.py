"""Encoder: ONNX output equals a numpy reference; builds are byte-reproducible."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import numpy_helper

from talentverbund.matching.encoder import Encoder, EncoderError
from talentverbund.matching.taxonomy import Occupation, Skill, Taxonomy, load_builtin

ROOT = Path(__file__).resolve().parents[2]


def _builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_encoder", ROOT / "scripts/build_encoder.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_encoder"] = module
    spec.loader.exec_module(module)
    return module


def _fixture() -> Taxonomy:
    skills = [Skill(i, f"urn:s{i}", "knowledge", {"en": (f"skill {i}",)}) for i in range(40)]
    occupations = [
        Occupation(f"urn:o{j}", "", "", {"en": (f"occ {j}",)},
                   essential=tuple(range(j * 4, j * 4 + 4)), optional=(((j * 4) + 5) % 40,))
        for j in range(10)
    ]
    return Taxonomy("fixture-1", skills, occupations)


@pytest.fixture(scope="module")
def fixture_encoder() -> tuple[Encoder, np.ndarray]:
    builder = _builder()
    taxonomy = _fixture()
    data = builder.build_model(builder.skill_matrix(taxonomy))
    matrix = numpy_helper.to_array(onnx.load_from_string(data).graph.initializer[0])
    return Encoder(data, taxonomy), matrix


def test_onnx_equals_numpy_reference(fixture_encoder) -> None:  # type: ignore[no-untyped-def]
    encoder, matrix = fixture_encoder
    sets = [{0: 1.0, 1: 0.5}, {7: 0.3}, {10: 1.0, 20: 1.0, 39: 0.7}]
    bag = encoder.bag(sets)
    expected = bag @ matrix
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    np.testing.assert_allclose(encoder.encode(sets), expected, rtol=1e-5, atol=1e-6)
    assert np.allclose(np.linalg.norm(encoder.encode(sets), axis=1), 1.0, atol=1e-5)


def test_related_skills_are_closer(fixture_encoder) -> None:  # type: ignore[no-untyped-def]
    encoder, _ = fixture_encoder
    a, same_occ, other = encoder.encode([{0: 1.0}, {1: 1.0}, {30: 1.0}])
    assert float(a @ same_occ) > float(a @ other) + 0.1
    exact, related = encoder.encode([{0: 1.0, 1: 1.0}, {0: 1.0, 2: 1.0}])
    assert float(exact @ exact) > float(exact @ related)


def test_empty_set_and_bad_input(fixture_encoder) -> None:  # type: ignore[no-untyped-def]
    encoder, _ = fixture_encoder
    assert not encoder.encode([{}]).any()
    with pytest.raises(EncoderError, match="outside the skill space"):
        encoder.encode([{999: 1.0}])
    with pytest.raises(EncoderError, match="weight"):
        encoder.encode([{1: 1.5}])


def test_build_is_deterministic() -> None:
    builder = _builder()
    taxonomy = _fixture()
    assert builder.build_model(builder.skill_matrix(taxonomy)) == builder.build_model(
        builder.skill_matrix(taxonomy)
    )


def test_model_must_fit_taxonomy(fixture_encoder) -> None:  # type: ignore[no-untyped-def]
    builder = _builder()
    data = builder.build_model(builder.skill_matrix(_fixture()))
    small = Taxonomy("other", _fixture().skills[:10], [])
    with pytest.raises(EncoderError, match="rebuild"):
        Encoder(data, small)


# OpenBLAS picks its kernels by CPU; forcing older ones stands in for other machines.
@pytest.mark.parametrize("kernels", ["", "Prescott", "Haswell"])
def test_committed_model_is_reproducible(tmp_path: Path, kernels: str) -> None:
    out = tmp_path / "encoder.onnx"
    env = {**os.environ, "OPENBLAS_CORETYPE": kernels} if kernels else None
    # a fresh process: the builder pins BLAS to one thread before numpy loads
    subprocess.run([sys.executable, str(ROOT / "scripts/build_encoder.py"), "--output", str(out)],
                   check=True, capture_output=True, timeout=300, env=env)
    assert out.read_bytes() == (ROOT / "matching/data/encoder.onnx").read_bytes()
    encoder = Encoder.load_builtin(load_builtin())
    assert encoder.model_id.startswith("m1-") and encoder.dim == 256
