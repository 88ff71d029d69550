"""Jobs and local search from the command line: ranked, explained, anonymized, and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from talentverbund.node.config import load_config

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

PLANNER = ("Anna Beispiel\nStadtplanerin bei der Stadt Kiel (2016-2024)\n"
           "Bauleitplanung, Aufstellung von Bebauungsplänen, Flächennutzungsplan, GIS, "
           "öffentliches Baurecht, Bürgerbeteiligung\nEnglisch (B2)\n")
NURSE = ("Ben Beispiel\nGesundheits- und Krankenpfleger (2012-2024)\n"
         "Pflegedokumentation, Wundversorgung, Erste Hilfe, Medikamentengabe\n")
JOB = {
    "@context": "https://schema.org/", "@type": "JobPosting",
    "title": "Stadtplanerin / Stadtplaner (m/w/d)",
    "description": "Ihre Aufgaben: Bauleitplanung, Aufstellung von Bebauungsplänen, GIS. "
                   "Ihr Profil: Kenntnisse im öffentlichen Baurecht.",
    "employmentType": "FULL_TIME",
    "jobLocation": {"address": {"addressRegion": "Schleswig-Holstein"}},
}


def _add(cli, node_dir: Path, tmp_path: Path, name: str, text_: str, *consent: str) -> str:  # type: ignore[no-untyped-def]
    cv = tmp_path / name
    cv.write_text(text_)
    args = [a for c in consent for a in ("--consent", c)]
    result = cli("candidate", "add", node_dir, "--cv", cv, *args, "--json")
    assert result.code == 0, result.err
    return str(json.loads(result.out)["id"])


def _job(cli, node_dir: Path, tmp_path: Path, posting: dict) -> str:  # type: ignore[no-untyped-def, type-arg]
    path = tmp_path / "job.jsonld"
    path.write_text(json.dumps(posting))
    result = cli("job", "add", node_dir, "--file", path, "--json")
    assert result.code == 0, result.err
    return str(json.loads(result.out)["id"])


def test_search_ranks_and_explains_without_personal_data(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    _add(cli, node_dir, tmp_path, "planner.txt", PLANNER, "local")
    _add(cli, node_dir, tmp_path, "nurse.txt", NURSE, "local")
    hidden = _add(cli, node_dir, tmp_path, "fed.txt", PLANNER, "federation")  # no local consent
    job_id = _job(cli, node_dir, tmp_path, JOB)

    answer = json.loads(cli("search", node_dir, job_id, "--top", "5", "--json").out)
    results = answer["results"]
    assert len(results) == 2  # the federation-only candidate is not searched locally
    best = results[0]
    assert best["score"] > results[1]["score"]
    assert "Stadtplanung" in best["matched"]  # "Bauleitplanung" is one of its labels
    assert "Profiling" not in best["matched"]  # "Ihr Profil:" is a heading, not a skill
    assert set(best) >= {"pseudonym", "score", "similarity", "coverage", "missing_essential",
                         "region", "experience"}
    dump = json.dumps(answer, ensure_ascii=False)
    assert "Anna" not in dump and "Beispiel" not in dump and hidden not in dump
    assert best["pseudonym"].startswith("p")

    # withdrawal takes effect for the next query
    cid = json.loads(cli("candidate", "list", node_dir, "--json").out.splitlines()[0])["id"]
    assert cli("candidate", "consent", node_dir, cid, "withdraw", "local").code == 0
    again = json.loads(cli("search", node_dir, job_id, "--json").out)["results"]
    assert len(again) == 1


def test_job_and_search_bad_input(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "bad.jsonld"
    missing.write_text(json.dumps({"@type": "JobPosting", "title": "Nur ein Titel"}))
    result = cli("job", "add", node_dir, "--file", missing)
    assert result.code == 2 and "description" in result.err
    assert cli("job", "add", node_dir).code == 2
    assert cli("search", node_dir, "j000000000000").code == 2
    job_id = _job(cli, node_dir, tmp_path, JOB)
    for top in ("0", "-3", "100000"):
        result = cli("search", node_dir, job_id, "--top", top)
        assert result.code == 2 and "--top" in result.err


def test_vectors_of_another_model_are_refused(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    _add(cli, node_dir, tmp_path, "planner.txt", PLANNER, "local")
    job_id = _job(cli, node_dir, tmp_path, JOB)
    engine = create_engine(load_config(node_dir).resolved_database_url())
    with engine.begin() as conn:
        conn.execute(text("UPDATE candidate_skills SET model_id = 'm1-old'"))
    result = cli("search", node_dir, job_id)
    assert result.code == 1 and "talentverbund reencode" in result.err
    assert cli("reencode", node_dir).code == 0
    assert cli("search", node_dir, job_id).code == 0


def test_taxonomy_import_adds_labels_only(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "skills_de.csv"
    csv.write_text(
        "conceptType,conceptUri,skillType,preferredLabel,altLabels\n"
        "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/unknown,knowledge,X,\n",
        encoding="utf-8")
    result = cli("taxonomy", "import", node_dir, csv, "--lang", "de", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["skills_ignored"] == 1
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("uri,label\nx,y\n")
    result = cli("taxonomy", "import", node_dir, wrong, "--lang", "de")
    assert result.code == 2 and "conceptUri" in result.err
