"""Synthetic candidates: determinism, schema, realism markers, and slot swaps.

The fairness tests elsewhere rely on ``swap_slot`` changing exactly one piece
of personal data, so that property is checked line by line here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from talentverbund.node import synth

REPO = Path(__file__).resolve().parents[2]
ESCO = REPO.parent / "shared" / "data" / "esco"
DATA = REPO / "node" / "data"

TOP_KEYS = {
    "personal", "cv_text", "lang", "desired_regions", "available_from", "employment_types",
    "experience_years", "career_breaks", "qualifications", "licences", "meta",
}  # fmt: skip
PERSONAL_REQUIRED = {"name", "email", "phone", "address", "birth_date", "nationality"}
PERSONAL_OPTIONAL = {"gender", "religion", "marital_status", "photo", "disability"}
REGION_RE = re.compile(r"^(DE-(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)|\d{5})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
BREAK_KINDS = {"parental_leave", "care", "military_or_civil_service", "illness", "other"}
LICENCES = {"A", "B", "BE", "C", "C1", "C1E", "CE", "T"}
BY_POSTCODE = {pc: m for m in synth.MUNICIPALITIES for pc in m.postcodes}


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return list(synth.generate_candidates(600, seed=20240601))


@pytest.fixture(scope="module")
def occupations() -> dict[str, Any]:
    data = json.loads((DATA / "synth_occupations.json").read_text("utf-8"))
    return {occ["uri"]: occ for occ in data["occupations"]}


def _home(record: dict[str, Any]) -> synth._Municipality:
    postcode = re.search(r", (\d{5}) ", record["personal"]["address"])
    assert postcode, record["personal"]["address"]
    return BY_POSTCODE[postcode.group(1)]


# -- determinism ------------------------------------------------------------


def test_same_seed_gives_identical_output() -> None:
    assert list(synth.iter_jsonl(40, seed=7)) == list(synth.iter_jsonl(40, seed=7))
    assert list(synth.iter_jsonl(20, seed=7, lang="en")) == list(
        synth.iter_jsonl(20, seed=7, lang="en")
    )


def test_different_seed_gives_different_output() -> None:
    a = list(synth.iter_jsonl(20, seed=1))
    b = list(synth.iter_jsonl(20, seed=2))
    assert not set(a) & set(b)


def test_records_do_not_depend_on_count() -> None:
    assert list(synth.generate_candidates(5, seed=3)) == list(
        synth.generate_candidates(12, seed=3)
    )[:5]


def test_generation_does_not_touch_global_random() -> None:
    import random

    random.seed(99)
    expected = random.random()
    random.seed(99)
    list(synth.generate_candidates(5, seed=1))
    assert random.random() == expected


@pytest.mark.parametrize("count", [0, 1, 37])
def test_count_is_respected(count: int) -> None:
    assert len(list(synth.generate_candidates(count, seed=5))) == count


def test_bad_arguments_are_rejected() -> None:
    with pytest.raises(ValueError):
        list(synth.generate_candidates(-1, seed=1))
    with pytest.raises(ValueError):
        list(synth.generate_candidates(1, seed=1, lang="fr"))


# -- schema -----------------------------------------------------------------


def test_every_record_matches_the_schema(
    records: list[dict[str, Any]], occupations: dict[str, Any]
) -> None:
    for rec in records:
        assert set(rec) == TOP_KEYS
        personal = rec["personal"]
        assert PERSONAL_REQUIRED <= set(personal) <= PERSONAL_REQUIRED | PERSONAL_OPTIONAL
        assert all(isinstance(v, str) and v for v in personal.values())
        assert DATE_RE.match(personal["birth_date"])
        assert isinstance(rec["cv_text"], str) and rec["cv_text"].endswith("\n")
        assert rec["lang"] in ("de", "en")
        assert rec["desired_regions"]
        assert all(REGION_RE.match(code) for code in rec["desired_regions"])
        assert len(set(rec["desired_regions"])) == len(rec["desired_regions"])
        assert DATE_RE.match(rec["available_from"])
        assert rec["available_from"] >= "2025-10-01"
        types = rec["employment_types"]
        assert types and set(types) <= {"full_time", "part_time"}
        assert len(set(types)) == len(types)
        assert isinstance(rec["experience_years"], int | float)
        assert 0 < rec["experience_years"] < 45
        for brk in rec["career_breaks"]:
            assert set(brk) == {"kind", "start", "end"}
            assert brk["kind"] in BREAK_KINDS
            assert MONTH_RE.match(brk["start"]) and MONTH_RE.match(brk["end"])
            assert brk["start"] <= brk["end"] <= "2025-10"
        assert all(isinstance(q, str) and q for q in rec["qualifications"])
        assert set(rec["licences"]) <= LICENCES
        meta = rec["meta"]
        assert set(meta) == {
            "occupation_uri", "occupation_label", "skill_uris", "seed_index", "seed", "slots"
        }  # fmt: skip
        occ = occupations[meta["occupation_uri"]]
        assert meta["occupation_label"] == occ["label_en"]
        assert meta["skill_uris"]
        assert set(meta["skill_uris"]) <= set(occ["essential"]) | set(occ["optional"])
        assert set(meta["slots"]) <= set(synth.slots_for(rec["lang"]))
        assert {k: v for k, v in meta["slots"].items() if k != "title_form"} == personal


def test_schema_constants_agree_with_intake_model() -> None:
    model = pytest.importorskip("talentverbund.node.intake.model")
    assert set(model.BREAK_KINDS) == BREAK_KINDS
    assert set(model.EMPLOYMENT_TYPES) == {"full_time", "part_time"}
    assert model.REGION_RE.pattern == REGION_RE.pattern


def test_records_pass_the_intake_parser(records: list[dict[str, Any]]) -> None:
    profile = pytest.importorskip("talentverbund.node.intake.profile")
    for i, rec in enumerate(records[:200]):
        draft = profile.parse_profile(json.loads(json.dumps(rec)), f"synth:{i}", "jsonl")
        assert draft.cv_text == rec["cv_text"]
        assert tuple(draft.desired_regions) == tuple(rec["desired_regions"])
        assert [b.kind for b in draft.career_breaks] == [b["kind"] for b in rec["career_breaks"]]


def test_structured_fields_carry_no_personal_data(records: list[dict[str, Any]]) -> None:
    for rec in records:
        structured = json.dumps(
            {k: rec[k] for k in TOP_KEYS - {"personal", "cv_text", "meta"}}, ensure_ascii=False
        )
        for value in rec["personal"].values():
            assert value not in structured


def test_regions_are_consistent_with_the_address(records: list[dict[str, Any]]) -> None:
    kreise = {m.kreis: m.land for m in synth.MUNICIPALITIES}
    for rec in records:
        home = _home(rec)
        regions = rec["desired_regions"]
        assert home.kreis in regions or f"DE-{home.land}" in regions
        for code in regions:
            if code.isdigit():
                assert kreise[code] == home.land


def test_birth_dates_fit_the_career(records: list[dict[str, Any]]) -> None:
    for rec in records:
        age = 2025 - int(rec["personal"]["birth_date"][:4])
        assert 17 <= age <= 66
        assert rec["experience_years"] <= age - 15


def test_lang_filter_and_mix() -> None:
    assert {r["lang"] for r in synth.generate_candidates(60, seed=4, lang="de")} == {"de"}
    assert {r["lang"] for r in synth.generate_candidates(60, seed=4, lang="en")} == {"en"}
    mixed = Counter(r["lang"] for r in synth.generate_candidates(400, seed=4))
    assert 0.6 < mixed["de"] / 400 < 0.8


# -- realism ----------------------------------------------------------------


def test_german_cvs_read_like_a_lebenslauf(records: list[dict[str, Any]]) -> None:
    german = [r for r in records if r["lang"] == "de"]
    for rec in german:
        text = rec["cv_text"]
        assert re.search(r"Berufserfahrung|Beruflicher Werdegang|Berufliche Stationen", text)
        assert re.search(r"Ausbildung|Bildungsweg", text)
        assert re.search(r"Sprachen|Sprachkenntnisse", text)
        assert re.search(r"Englisch.*(\b[ABC][12]\b|Muttersprache)", text)
        assert re.search(r"Deutsch(: Muttersprache| \(Muttersprache\)|.*\b[BC][12]\b)", text)
    joined = "\n".join(r["cv_text"] for r in german)
    for marker in ("Elternzeit", "Pflege", "Führerschein", "Grundkenntnisse", "Jahre Erfahrung",
                   "fundierte Kenntnisse", "heute", "Stadt", "Konfession", "Familienstand"):
        assert marker.lower() in joined.lower(), marker


def test_english_cvs_read_like_a_cv(records: list[dict[str, Any]]) -> None:
    english = [r for r in records if r["lang"] == "en"]
    assert english
    for rec in english:
        text = rec["cv_text"]
        assert re.search(r"Work Experience|Professional Experience|Employment History", text)
        assert "Education" in text and "Languages" in text
    joined = "\n".join(r["cv_text"] for r in english)
    for marker in ("Date of birth", "present", "Parental leave", "basic knowledge", "fluent"):
        assert marker.lower() in joined.lower(), marker


def test_career_breaks_are_explicit_periods(records: list[dict[str, Any]]) -> None:
    words = {
        ("de", "parental_leave"): ("Elternzeit",),
        ("de", "care"): ("Pflege",),
        ("en", "parental_leave"): ("Parental leave",),
        ("en", "care"): ("Caring", "care leave"),
    }
    seen: Counter[str] = Counter()
    for rec in records:
        for brk in rec["career_breaks"]:
            seen[brk["kind"]] += 1
            expected = words.get((rec["lang"], brk["kind"]))
            if expected:
                assert any(w.lower() in rec["cv_text"].lower() for w in expected), brk
    assert seen["parental_leave"] and seen["care"]


def test_names_are_diverse_and_include_hard_cases(records: list[dict[str, Any]]) -> None:
    names = json.loads((DATA / "synth_names.json").read_text("utf-8"))
    assert "must not" in names["_comment"].lower()
    hard = set(names["hard_case_surnames"])
    assert {"Koch", "Richter", "Schneider", "Maurer", "Fischer", "Weber", "Müller", "Becker",
            "Schreiber", "Meier"} <= hard  # fmt: skip
    surnames = Counter(r["personal"]["name"].split()[-1] for r in records)
    assert sum(surnames[s] for s in hard) >= 30
    assert any(not n.isascii() for n in surnames)
    assert len(surnames) > 150


def test_emails_and_phones(records: list[dict[str, Any]]) -> None:
    for rec in records:
        email = rec["personal"]["email"]
        assert re.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]+", email), email
        assert re.fullmatch(r"(\+49 |0)\d{2,4}[ /]\d[\d ]+", rec["personal"]["phone"])
    assert synth.ascii_fold("Müller Straße") == "Mueller Strasse"
    assert synth.ascii_fold("Yılmaz Łukasz Nguyễn Hodžić") == "Yilmaz Lukasz Nguyen Hodzic"


def test_cv_text_contains_the_personal_slots(records: list[dict[str, Any]]) -> None:
    for rec in records:
        text, personal = rec["cv_text"], rec["personal"]
        lines = text.splitlines()
        assert personal["name"] in lines[:3]
        for key in ("phone", "email", "nationality", *PERSONAL_OPTIONAL):
            if key in personal:
                assert personal[key] in text, key
        street, town = personal["address"].split(", ", 1)
        assert street in text and town in text
        shown = {synth.format_birth_date(personal["birth_date"], rec["lang"], s) for s in range(4)}
        assert any(s in text for s in shown)


# -- slot swaps -------------------------------------------------------------


def _other(slot: str, rec: dict[str, Any]) -> str:
    current = rec["meta"]["slots"].get(slot)
    return next(v for v in synth.slot_values(slot, rec["lang"]) if v != current)


def _assert_only_slot_changed(
    before: dict[str, Any], after: dict[str, Any], slot: str, old: str | None, new: str | None
) -> None:
    for key in TOP_KEYS - {"personal", "cv_text", "meta"}:
        assert after[key] == before[key], key
    meta_b = {k: v for k, v in before["meta"].items() if k != "slots"}
    meta_a = {k: v for k, v in after["meta"].items() if k != "slots"}
    assert meta_a == meta_b
    rest_b = {k: v for k, v in before["meta"]["slots"].items() if k != slot}
    rest_a = {k: v for k, v in after["meta"]["slots"].items() if k != slot}
    assert rest_a == rest_b
    assert after["meta"]["slots"].get(slot) == new
    if slot != "title_form":
        assert {k: v for k, v in after["personal"].items() if k != slot} == {
            k: v for k, v in before["personal"].items() if k != slot
        }
        assert after["personal"].get(slot) == new
    else:
        assert after["personal"] == before["personal"]

    lines_b, lines_a = before["cv_text"].splitlines(), after["cv_text"].splitlines()
    if old is None or new is None:  # an optional line added or removed
        longer, shorter = (lines_a, lines_b) if old is None else (lines_b, lines_a)
        extra = [line for line in longer if line not in shorter]
        assert len(longer) == len(shorter) + 1 and len(extra) == 1
        assert (new or old) in extra[0]
        return
    assert len(lines_a) == len(lines_b)
    changed = [(b, a) for b, a in zip(lines_b, lines_a, strict=True) if b != a]
    assert changed or slot == "title_form", slot  # "Lehrkraft" has one form only
    for line_b, line_a in changed:
        if slot == "address":
            assert line_a in (new, *new.split(", ", 1)) and line_b in (old, *old.split(", ", 1))
        elif slot == "birth_date":
            assert len(changed) == 1
            assert old[:4] in line_b and new[:4] in line_a
        elif slot == "title_form":
            assert not any(v in line_b for v in before["personal"].values())
        else:
            assert line_b.replace(old, new) == line_a


def test_swap_slot_changes_exactly_that_slot(records: list[dict[str, Any]]) -> None:
    swaps = 0
    for rec in records[:60]:
        for slot in synth.slots_for(rec["lang"]):
            old = rec["meta"]["slots"].get(slot)
            new = _other(slot, rec)
            swapped = synth.swap_slot(rec, slot, new)
            _assert_only_slot_changed(rec, swapped, slot, old, new)
            back = synth.swap_slot(swapped, slot, old) if old is not None else None
            if back is not None:
                assert json.dumps(back, ensure_ascii=False) == json.dumps(rec, ensure_ascii=False)
            swaps += 1
    assert swaps > 500


def test_swap_slot_removes_optional_slots(records: list[dict[str, Any]]) -> None:
    removed = 0
    for rec in records[:100]:
        for slot in synth.OPTIONAL_SLOTS:
            old = rec["personal"].get(slot)
            if old is None:
                continue
            after = synth.swap_slot(rec, slot, None)
            _assert_only_slot_changed(rec, after, slot, old, None)
            assert synth.swap_slot(after, slot, old) == rec
            removed += 1
    assert removed > 20


def test_swap_title_form_keeps_the_vector_inputs(records: list[dict[str, Any]]) -> None:
    german = [r for r in records if r["lang"] == "de"][:30]
    flipped = 0
    for rec in german:
        form = rec["meta"]["slots"]["title_form"]
        other = "masculine" if form == "feminine" else "feminine"
        after = synth.swap_slot(rec, "title_form", other)
        _assert_only_slot_changed(rec, after, "title_form", form, other)
        flipped += after["cv_text"] != rec["cv_text"]
    assert flipped > 20  # most German titles have two forms


def test_swap_slot_rejects_bad_input(records: list[dict[str, Any]]) -> None:
    german = next(r for r in records if r["lang"] == "de")
    english = next(r for r in records if r["lang"] == "en")
    with pytest.raises(ValueError):
        synth.swap_slot(german, "shoe_size", "42")
    with pytest.raises(ValueError):
        synth.swap_slot(english, "title_form", "feminine")
    with pytest.raises(ValueError):
        synth.swap_slot(german, "name", None)
    with pytest.raises(ValueError):
        synth.swap_slot(german, "birth_date", "12.03.1988")
    with pytest.raises(ValueError):
        synth.swap_slot(german, "name", "Anna\nSchmidt")
    with pytest.raises(ValueError):
        synth.swap_slot({**german, "cv_text": german["cv_text"] + "x"}, "name", "Anna Schmidt")
    with pytest.raises(ValueError):
        synth.swap_slot({"lang": "de", "meta": {}}, "name", "Anna Schmidt")


def test_swap_works_on_json_round_trip(records: list[dict[str, Any]]) -> None:
    rec = json.loads(json.dumps(records[3]))
    swapped = synth.swap_slot(rec, "name", "Chinedu Okafor")
    assert swapped["cv_text"].count("Chinedu Okafor") == 1


# -- data files and speed ---------------------------------------------------


def test_data_files_are_small_and_cover_the_public_sector(occupations: dict[str, Any]) -> None:
    assert (DATA / "synth_occupations.json").stat().st_size < 1_500_000
    assert 60 <= len(occupations) <= 90
    fields = Counter(occ["field"] for occ in occupations.values())
    assert len(fields) >= 12
    for occ in occupations.values():
        assert occ["label_de"]["masculine"] and occ["label_de"]["feminine"]
        assert "/" not in occ["label_de"]["masculine"] + occ["label_de"]["feminine"]
        assert len(occ["essential"]) <= 25 and len(occ["optional"]) <= 15


def test_committed_occupations_match_the_builder(tmp_path: Path) -> None:
    if not (ESCO / "v1.1.1-en" / "occupations_en.csv").is_file():
        pytest.skip(f"ESCO reference data not present at {ESCO}; cannot rebuild to compare")
    out = tmp_path / "synth_occupations.json"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_synth_data.py"), "--esco", str(ESCO),
         "--out", str(out)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    assert out.read_bytes() == (DATA / "synth_occupations.json").read_bytes()


def test_jsonl_lines_parse_back() -> None:
    lines = list(synth.iter_jsonl(30, seed=11))
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert [json.loads(line) for line in lines] == list(synth.generate_candidates(30, seed=11))


def test_generation_is_fast() -> None:
    list(synth.generate_candidates(5, seed=0))  # load the data files first
    start = time.process_time()
    records = list(synth.generate_candidates(5000, seed=8))
    elapsed = time.process_time() - start
    assert len(records) == 5000
    assert elapsed < 2.5, f"5,000 candidates took {elapsed:.2f} s of CPU (budget 10,000 in 5 s)"
