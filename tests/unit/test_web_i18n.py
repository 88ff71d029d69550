"""Node errors in the web interface: worded in the reader's language, or shown in the
node's own words after a lead-in; every code the node raises is worded in both."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from talentverbund.node.errors import NotFound, UsageError
from talentverbund.node.web.i18n import ERRORS, LANGS, TEXTS, problem

ROOT = Path(__file__).resolve().parents[2]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(ERRORS))
def test_every_code_is_worded_in_every_language_with_the_same_facts(code: str) -> None:
    worded = ERRORS[code]
    assert set(worded) == set(LANGS)
    for part in (0, 1):
        fields = {lang: _fields(worded[lang][part]) for lang in LANGS}
        assert fields["de"] == fields["en"], (code, part)
        assert all(worded[lang][part].strip() for lang in LANGS)


def test_every_code_raised_by_the_node_is_worded() -> None:
    raised = set()
    for path in (ROOT / "node").rglob("*.py"):
        raised |= set(re.findall(r'code="([a-z_]+)"', path.read_text("utf-8")))
    assert raised and raised <= set(ERRORS), raised - set(ERRORS)


def test_a_coded_error_is_worded_in_the_readers_language() -> None:
    exc = NotFound("job j1 does not exist on this node", "list jobs", code="job_not_found",
                   params={"job_id": "j1"})  # fmt: skip
    german = problem("de", exc.message, exc.hint, exc.code, exc.params)
    assert (german.message, german.lang, german.lead) == (
        "Die Stelle j1 gibt es auf diesem Knoten nicht.",
        "de",
        "",
    )
    assert (
        german.to_json()["error"] == german.message and german.to_json()["code"] == "job_not_found"
    )
    english = problem("en", exc.message, exc.hint, exc.code, exc.params)
    assert english.message == "Job j1 does not exist on this node."


def test_an_uncoded_error_keeps_the_nodes_words_after_a_lead_in() -> None:
    exc = UsageError("--timeout must be in (0, 30] seconds", "e.g. --timeout 5")
    shown = problem("de", exc.message, exc.hint, exc.code, exc.params)
    assert (shown.message, shown.hint, shown.lang) == (exc.message, exc.hint, "en")
    assert shown.lead == TEXTS["de"]["node_says"]
    assert shown.text() == f"{TEXTS['de']['node_says']} {exc.message}"
    assert problem("en", exc.message).text() == exc.message  # no lead-in in English


def test_a_code_without_its_facts_falls_back_to_the_nodes_words() -> None:
    shown = problem("de", "job j1 does not exist on this node", "", "job_not_found", {})
    assert shown.lang == "en" and shown.message == "job j1 does not exist on this node"
