"""Fairness: CVs that differ only in a protected attribute get bit-identical vectors.

Each synthetic CV is re-rendered with exactly one personal slot changed (name —
including surnames that are occupations or skills, such as Koch, Richter,
Schneider, Maurer, Fischer, Weber —, gender, the gendered job title, birth date,
nationality, religion, marital status, photo, disability, address, phone,
e-mail), and the whole pipeline (scrub, extract, encode) must not notice.
"""

from __future__ import annotations

import numpy as np
import pytest

from talentverbund.node import synth
from talentverbund.node.matcher import Matcher

HARD_SURNAMES = ("Koch", "Richter", "Schneider", "Maurer", "Fischer", "Weber")


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher.load()


def _vector(matcher: Matcher, profile: dict) -> tuple[dict[int, float], np.ndarray]:  # type: ignore[type-arg]
    result = matcher.profile(profile["cv_text"], profile["personal"])
    return result.skills, matcher.encode([result.skills])[0]


def _variants(profile: dict, slot: str) -> list[str | None]:  # type: ignore[type-arg]
    lang = profile["lang"]
    values: list[str | None] = [v for v in synth.slot_values(slot, lang)
                                if v != profile["meta"]["slots"].get(slot)][:3]
    if slot == "name":
        first = profile["meta"]["slots"]["name"].split()[0]
        values += [f"{first} {surname}" for surname in HARD_SURNAMES]
    if slot in synth.OPTIONAL_SLOTS:
        values.append(None)
    current = profile["meta"]["slots"].get(slot)
    return [v for v in values if v != current]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_swapping_protected_attributes_keeps_vectors_identical(matcher: Matcher, lang: str) -> None:
    checked = 0
    for profile in synth.generate_candidates(12, seed=99, lang=lang):
        skills, vector = _vector(matcher, profile)
        assert skills, "a synthetic CV should have skills"
        for slot in synth.slots_for(lang):
            for value in _variants(profile, slot):
                swapped = synth.swap_slot(profile, slot, value)
                if swapped["cv_text"] == profile["cv_text"]:
                    continue  # e.g. no gendered title in this CV: nothing to compare
                other_skills, other_vector = _vector(matcher, swapped)
                assert other_skills == skills, f"slot {slot} changed the skills"
                assert other_vector.tobytes() == vector.tobytes(), f"slot {slot} changed the vector"
                checked += 1
    assert checked > 200


def test_mother_tongue_counts_as_c2(matcher: Matcher) -> None:
    native = matcher.profile("Sprachen\nDeutsch: Muttersprache\nEnglisch (B2)", {}).skills
    level = matcher.profile("Sprachen\nDeutsch (C2)\nEnglisch (B2)", {}).skills
    assert native == level


def test_gendered_titles_are_equal(matcher: Matcher) -> None:
    for a, b in [("Erzieherin in einer Kita", "Erzieher in einer Kita"),
                 ("Verwaltungsfachangestellte bei der Stadt", "Verwaltungsfachangestellter bei der Stadt")]:
        assert matcher.profile(a, {}).skills == matcher.profile(b, {}).skills


def test_parental_leave_is_not_a_penalty(matcher: Matcher) -> None:
    base = "Sachbearbeiterin Bürgerservice 2015-2020\nHaushaltsrecht, Vergaberecht\n"
    with_leave = base + "Elternzeit 2020-2021\n"
    maternity = base + "Mutterschutz und Elternzeit 2020-2021\n"
    skills = matcher.profile(base, {}).skills
    assert matcher.profile(with_leave, {}).skills == skills
    assert matcher.profile(maternity, {}).skills == skills
