"""The built-in taxonomy: content bars, held-out material, reproducible build, label import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from talentverbund.matching.taxonomy import (
    ATTRIBUTION,
    FORMAT,
    Occupation,
    Taxonomy,
    TaxonomyError,
    load_builtin,
    read_esco_skill_labels,
)

REPO = Path(__file__).resolve().parents[2]
ESCO = REPO.parent / "shared" / "data" / "esco"
TAXONOMY_FILE = REPO / "matching" / "data" / "taxonomy.json"
HELDOUT_FILE = REPO / "bench" / "data" / "heldout.json"
BUILDER = REPO / "scripts" / "build_taxonomy.py"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_builtin()


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TAXONOMY_FILE.read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def heldout() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(HELDOUT_FILE.read_text("utf-8"))
    return data


# -- the built-in file ----------------------------------------------------------


def test_builtin_loads_with_metadata(taxonomy: Taxonomy, raw: dict[str, Any]) -> None:
    assert raw["format"] == FORMAT
    assert raw["attribution"] == ATTRIBUTION
    assert raw["esco_version"] == "1.1.1"
    assert taxonomy.version == raw["version"]
    assert taxonomy.version.startswith("tv-")
    assert taxonomy.esco_version == "1.1.1"
    assert TAXONOMY_FILE.stat().st_size < 2_500_000


def test_size_of_skill_space_and_occupations(taxonomy: Taxonomy) -> None:
    assert 300 <= taxonomy.size <= 1200
    assert len(taxonomy.occupations) >= 60
    assert all(s.uri.startswith(ESCO_SKILL) for s in taxonomy.skills)
    assert {s.type for s in taxonomy.skills} == {"skill/competence", "knowledge", "language"}
    assert [s.index for s in taxonomy.skills] == list(range(taxonomy.size))


def test_every_occupation_has_essential_skills_in_the_space(
    taxonomy: Taxonomy, raw: dict[str, Any]
) -> None:
    for occ, entry in zip(taxonomy.occupations, raw["occupations"], strict=True):
        assert len(occ.essential) >= 5, occ.label("en")
        # nothing in the file points outside the space
        assert len(occ.essential) == len(entry["essential"])
        assert len(occ.optional) == len(entry["optional"])
        assert not set(occ.essential) & set(occ.optional), occ.label("en")
        assert occ.labels.get("de") and occ.labels.get("en"), occ.uri
        assert occ.isco.isdigit() and occ.field


def test_occupation_labels_spell_out_both_genders(taxonomy: Taxonomy) -> None:
    labels = {label for occ in taxonomy.occupations for label in occ.labels["de"]}
    for expected in ("Standesbeamter", "Standesbeamtin", "Erzieher", "Erzieherin",
                     "Verwaltungsfachangestellte", "Fachinformatiker Systemintegration",
                     "Pflegefachkraft", "Feuerwehrmann", "Feuerwehrfrau", "Stadtplanerin"):
        assert expected in labels
    # "X/Xin" and "XIn" forms are split, never shipped as such
    assert not [label for label in labels if label.endswith("/in") or "erIn" in label]


def test_german_label_coverage(taxonomy: Taxonomy) -> None:
    with_german = sum(1 for s in taxonomy.skills if s.labels.get("de"))
    assert with_german / taxonomy.size >= 0.90
    assert all(s.labels.get("en") for s in taxonomy.skills)


def test_public_sector_vocabulary_is_there(taxonomy: Taxonomy) -> None:
    german = {label for s in taxonomy.skills for label in s.labels.get("de", ())}
    for term in ("Bauleitplanung", "Vergaberecht", "Kinderschutz", "DSGVO", "TVöD",
                 "Entgeltabrechnung", "Brandschutz", "Pflegedokumentation", "GIS",
                 "Verwaltungsrecht", "Haushaltsrecht", "MS Office"):
        assert term in german, term


@pytest.mark.parametrize(
    ("english", "german"),
    [("German", "Deutsch"), ("English", "Englisch"), ("Turkish", "Türkisch"),
     ("Arabic", "Arabisch"), ("Polish", "Polnisch"), ("Ukrainian", "Ukrainisch")],
)
def test_language_skills_present(taxonomy: Taxonomy, english: str, german: str) -> None:
    found = [s for s in taxonomy.skills if s.type == "language" and s.labels["en"][0] == english]
    assert len(found) == 1
    assert found[0].labels["de"][0] == german
    assert f"{german}kenntnisse" in found[0].labels["de"]


def test_no_protected_attribute_proxies(taxonomy: Taxonomy) -> None:
    for dropped in ("54a0974e-a8d1-4b2d-9dfa-e1da028a58e3",  # visual disability
                    "5d7a2896-fa02-4262-93a5-ecb4fbd95602",  # hearing disability
                    "15f9284a-5385-42ac-92c7-b8352ea43c36"):  # religious studies
        assert not taxonomy.has(ESCO_SKILL + dropped)
    # ESCO's "from Holland" (a nationality, not a skill) is not a label of Dutch
    labels = {label for s in taxonomy.skills for label in s.labels["en"]}
    assert "from Holland" not in labels


# -- held-out evaluation material ---------------------------------------------------


def test_heldout_synonyms_are_absent_from_the_taxonomy(
    taxonomy: Taxonomy, heldout: dict[str, Any]
) -> None:
    shipped = {(lang, label.casefold()) for s in taxonomy.skills
               for lang, labels in s.labels.items() for label in labels}
    count = 0
    for uri, by_lang in heldout["labels"].items():
        skill = taxonomy.skill(uri)
        assert set(by_lang) == {"de", "en"}
        for lang, labels in by_lang.items():
            for label in labels:
                count += 1
                assert (lang, label.casefold()) not in shipped, (uri, label)
            if labels:  # never the preferred label, never below three labels
                assert len(skill.labels[lang]) >= 2
                assert len(skill.labels[lang]) + len(labels) >= 3
    assert count >= 500
    assert TAXONOMY_FILE.read_text("utf-8").count('"heldout":true') == len(heldout["occupations"])


def test_heldout_occupations_are_flagged(taxonomy: Taxonomy, heldout: dict[str, Any]) -> None:
    flagged = {o.uri for o in taxonomy.occupations if o.heldout}
    assert flagged == set(heldout["occupations"])
    assert len(flagged) >= 12
    assert 0.15 <= len(flagged) / len(taxonomy.occupations) <= 0.25
    # every field keeps occupations for training
    training_fields = {o.field for o in taxonomy.occupations if not o.heldout}
    assert training_fields == {o.field for o in taxonomy.occupations}


def test_heldout_flag_round_trips(taxonomy: Taxonomy) -> None:
    again = Taxonomy.from_json(taxonomy.to_json())
    assert [o.heldout for o in again.occupations] == [o.heldout for o in taxonomy.occupations]
    entries = taxonomy.to_json()["occupations"]
    assert all(("heldout" in e) == o.heldout for e, o in zip(entries, taxonomy.occupations,
                                                               strict=True))


def test_builder_is_reproducible(tmp_path: Path) -> None:
    if not (ESCO / "v1.1.1-en" / "skills_en.csv").is_file():
        pytest.skip(f"ESCO CSV files not found under {ESCO}; cannot rebuild the taxonomy")
    out_tax, out_held = tmp_path / "taxonomy.json", tmp_path / "heldout.json"
    result = subprocess.run(
        [sys.executable, str(BUILDER), "--esco", str(ESCO),
         "--taxonomy", str(out_tax), "--heldout", str(out_held)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out_tax.read_bytes() == TAXONOMY_FILE.read_bytes(), "rerun scripts/build_taxonomy.py"
    assert out_held.read_bytes() == HELDOUT_FILE.read_bytes(), "rerun scripts/build_taxonomy.py"


def test_builder_refuses_a_missing_esco_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BUILDER), "--esco", str(tmp_path / "nowhere"),
         "--taxonomy", str(tmp_path / "t.json"), "--heldout", str(tmp_path / "h.json")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert "no ESCO" in result.stderr
    assert not (tmp_path / "t.json").exists()


# -- importing official ESCO labels -------------------------------------------------


def test_read_esco_skill_labels(tmp_path: Path) -> None:
    csv_file = tmp_path / "skills_de.csv"
    csv_file.write_text(
        "conceptType,conceptUri,preferredLabel,altLabels,description\n"
        'KnowledgeSkillCompetence,urn:a,Haushaltsrecht,"kommunales Haushaltsrecht\n'
        'Haushaltsplanung\n",x\n'
        "KnowledgeSkillCompetence,urn:b,Vergaberecht,Vergabeverordnung | VgV,y\n"
        "KnowledgeSkillCompetence,urn:c,Statik,,z\n",
        encoding="utf-8",
    )
    labels = read_esco_skill_labels(csv_file, "de")
    assert labels == {
        "urn:a": {"de": ["Haushaltsrecht", "kommunales Haushaltsrecht", "Haushaltsplanung"]},
        "urn:b": {"de": ["Vergaberecht", "Vergabeverordnung", "VgV"]},
        "urn:c": {"de": ["Statik"]},
    }


def test_read_esco_skill_labels_names_missing_columns(tmp_path: Path) -> None:
    csv_file = tmp_path / "occupations_de.csv"
    csv_file.write_text("conceptUri,label,description\nurn:a,Erzieher,x\n", encoding="utf-8")
    with pytest.raises(TaxonomyError) as info:
        read_esco_skill_labels(csv_file, "de")
    message = str(info.value)
    assert "occupations_de.csv" in message
    assert "preferredLabel" in message and "altLabels" in message
    assert "conceptUri," not in message.split("expected")[0]


def test_with_labels_keeps_the_space(taxonomy: Taxonomy) -> None:
    skill = next(s for s in taxonomy.skills if s.type == "skill/competence")
    before = taxonomy.space_hash()
    extended, added = taxonomy.with_labels(
        {skill.uri: {"de": ["Ganz neues Synonym", skill.labels["en"][0]], "fr": ["nouveau"]},
         ESCO_SKILL + "00000000-0000-0000-0000-000000000000": {"de": ["nicht im Raum"]}}
    )
    assert added == 3
    assert extended.space_hash() == before
    assert extended.size == taxonomy.size
    assert "Ganz neues Synonym" in extended.skill(skill.uri).labels["de"]
    assert extended.skill(skill.uri).labels["fr"] == ("nouveau",)
    assert "Ganz neues Synonym" not in taxonomy.skill(skill.uri).labels.get("de", ())
    assert [o.heldout for o in extended.occupations] == [o.heldout for o in taxonomy.occupations]
    # adding the same labels again adds nothing
    _, again = extended.with_labels({skill.uri: {"de": ["Ganz neues Synonym"]}})
    assert again == 0


def test_occupation_default_is_not_heldout() -> None:
    occ = Occupation(uri="urn:o", isco="2422", field="administration", labels={"de": ("X",)},
                     essential=(), optional=())
    assert occ.heldout is False
