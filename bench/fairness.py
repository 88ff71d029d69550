"""Fairness report: do scores or ranks move when only protected attributes change?

Builds a synthetic pool, then one copy of the pool per value of a protected
attribute (every candidate gets that value: a name of another origin, another
gender with the matching gendered job titles, another birth date, nationality,
religion, marital status, photo or disability statement). Each copy goes
through the product pipeline (scrub, extract, encode) and is ranked for a set
of jobs with the product's score. Reported per attribute: the largest score
difference and the largest rank difference of any candidate between copies,
and mean scores per group. The goal is exactly zero everywhere.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from talentverbund.matching.taxonomy import load_builtin
from talentverbund.node import synth
from talentverbund.node.jobs import JobDraft
from talentverbund.node.matcher import Matcher
from talentverbund.node.search import SIMILARITY_SHARE, coverage

ATTRIBUTES = (
    "name",
    "gender",
    "title_form",
    "birth_date",
    "nationality",
    "religion",
    "marital_status",
    "photo",
    "disability",
)


def job_drafts(count: int) -> list[JobDraft]:
    taxonomy = load_builtin()
    jobs = []
    for occ in taxonomy.occupations[:count]:
        tasks = "\n".join(f"- {taxonomy.skills[i].label('de')}" for i in occ.essential[:8])
        nice = "\n".join(f"- {taxonomy.skills[i].label('de')}" for i in occ.optional[:3])
        jobs.append(
            JobDraft(
                title=f"{occ.label('de')} (m/w/d)",
                description=f"Ihre Aufgaben\n{tasks}\nWünschenswert\n{nice}",
            )
        )
    return jobs


def rank_pool(
    matcher: Matcher, profiles: list[dict[str, Any]], jobs: list[JobDraft]
) -> tuple[np.ndarray, np.ndarray]:
    """Scores and ranks [job, candidate] for one copy of the pool."""
    skills = [matcher.profile(p["cv_text"], p["personal"]).skills for p in profiles]
    vectors = matcher.encode(skills)
    scores = np.zeros((len(jobs), len(profiles)))
    for j, job in enumerate(jobs):
        job_skills = matcher.job_skills(job)
        sims = vectors @ matcher.job_vector(job_skills)
        for c, cand in enumerate(skills):
            cover = coverage(SimpleNamespace(skills=cand), job_skills)[0]  # type: ignore[arg-type]
            scores[j, c] = (
                SIMILARITY_SHARE * max(float(sims[c]), 0.0) + (1 - SIMILARITY_SHARE) * cover
            )
    order = np.argsort(-scores, axis=1, kind="stable")
    ranks = np.empty_like(order)
    rows = np.arange(scores.shape[0])[:, None]
    ranks[rows, order] = np.arange(scores.shape[1])[None, :]
    return scores, ranks


def variants(profile: dict[str, Any], attribute: str, count: int) -> list[str | None]:
    values: list[str | None] = list(synth.slot_values(attribute, profile["lang"])[:count])
    if attribute in synth.OPTIONAL_SLOTS:
        values.append(None)
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=120)
    parser.add_argument("--jobs", type=int, default=20)
    parser.add_argument("--values", type=int, default=4, help="group values per attribute")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--output", type=Path, default=Path("bench/results/fairness.json"))
    args = parser.parse_args(argv)
    matcher = Matcher.load()
    base = list(synth.generate_candidates(args.candidates, args.seed, "de"))
    jobs = job_drafts(args.jobs)
    report: dict[str, Any] = {}
    for attribute in ATTRIBUTES:
        groups: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for k in range(args.values + 1):
            pool = []
            for profile in base:
                options = variants(profile, attribute, args.values)
                pool.append(synth.swap_slot(profile, attribute, options[k % len(options)]))
            groups[f"group_{k}"] = rank_pool(matcher, pool, jobs)
        scores = np.stack([g[0] for g in groups.values()])
        ranks = np.stack([g[1] for g in groups.values()])
        report[attribute] = {
            "groups": len(groups),
            "max_score_difference": float(np.max(scores.max(axis=0) - scores.min(axis=0))),
            "max_rank_difference": int(np.max(ranks.max(axis=0) - ranks.min(axis=0))),
            "mean_score_per_group": {
                name: round(float(g[0].mean()), 6) for name, g in groups.items()
            },
        }
    result = {
        "benchmark": "fairness_protected_attribute_swaps",
        "candidates": args.candidates,
        "jobs": args.jobs,
        "seed": args.seed,
        "model_id": matcher.model_id,
        "attributes": report,
        "all_zero": all(
            r["max_score_difference"] == 0 and r["max_rank_difference"] == 0
            for r in report.values()
        ),
        "mean_abs_score_difference": statistics.fmean(
            r["max_score_difference"] for r in report.values()
        ),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    for attribute, r in report.items():
        print(
            f"{attribute:15} groups={r['groups']} max |Δscore|={r['max_score_difference']:.6f} "
            f"max |Δrank|={r['max_rank_difference']}"
        )
    print("all zero:", result["all_zero"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
