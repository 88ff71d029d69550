"""The encoder: a weighted skill set in, one L2-normalized vector out, run by onnxruntime.

The model (``matching/data/encoder.onnx``) is built by ``scripts/build_encoder.py``
from the taxonomy's occupations (which skills occur together) and is a single
matrix product followed by L2 normalization. Its input is a bag of taxonomy
skill weights, nothing else: no free text and no personal attribute can reach
it, because there is no input for them.

The model id is the SHA-256 of the model file together with the taxonomy's
skill-space hash. Every node of a federation must use the same model id, and
every stored vector records the id it was made with, so vectors of different
models are never compared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from importlib import resources

import numpy as np
import onnxruntime as ort

from talentverbund.matching.taxonomy import Taxonomy

INPUT = "skills"
OUTPUT = "vector"


class EncoderError(Exception):
    """A model file that does not fit the taxonomy, or input that cannot be encoded."""


def model_id(model_bytes: bytes, taxonomy: Taxonomy) -> str:
    digest = hashlib.sha256()
    digest.update(hashlib.sha256(model_bytes).digest())
    digest.update(bytes.fromhex(taxonomy.space_hash()))
    return "m1-" + digest.hexdigest()[:32]


class Encoder:
    """Encodes skill sets; one onnxruntime session, single-threaded (the node has 2 cores)."""

    def __init__(self, model_bytes: bytes, taxonomy: Taxonomy) -> None:
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            model_bytes, sess_options=options, providers=["CPUExecutionProvider"]
        )
        shape = self._session.get_inputs()[0].shape
        if shape[1] != taxonomy.size:
            raise EncoderError(
                f"model expects {shape[1]} skills but taxonomy {taxonomy.version} has "
                f"{taxonomy.size}; rebuild with scripts/build_encoder.py"
            )
        self.taxonomy = taxonomy
        self.model_id = model_id(model_bytes, taxonomy)
        self.dim = int(self._session.get_outputs()[0].shape[1])

    @classmethod
    def load_builtin(cls, taxonomy: Taxonomy) -> Encoder:
        data = resources.files("talentverbund.matching.data").joinpath("encoder.onnx")
        return cls(data.read_bytes(), taxonomy)

    def bag(self, skill_sets: Sequence[Mapping[int, float]]) -> np.ndarray:
        """Dense input rows; rejects indexes outside the space and bad weights."""
        rows = np.zeros((len(skill_sets), self.taxonomy.size), dtype=np.float32)
        for row, skills in enumerate(skill_sets):
            for index, weight in skills.items():
                if not 0 <= index < self.taxonomy.size:
                    raise EncoderError(f"skill index {index} is outside the skill space")
                if not 0.0 < weight <= 1.0:
                    raise EncoderError(f"skill weight {weight} must be in (0, 1]")
                rows[row, index] = weight
        return rows

    def encode(self, skill_sets: Sequence[Mapping[int, float]]) -> np.ndarray:
        """One unit vector per skill set; an empty set gives a zero row (never indexed)."""
        if not skill_sets:
            return np.zeros((0, self.dim), dtype=np.float32)
        bag = self.bag(skill_sets)
        empty = ~bag.any(axis=1)
        bag[empty, 0] = 1.0  # keep the normalization finite; the row is zeroed below
        (vectors,) = self._session.run([OUTPUT], {INPUT: bag})
        out = np.asarray(vectors, dtype=np.float32)
        out[empty] = 0.0
        return out
