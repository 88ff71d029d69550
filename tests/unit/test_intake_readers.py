"""``read_candidates`` dispatch and limits, and the shared date/experience helpers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from talentverbund.node.intake import IntakeError, read_candidates
from talentverbund.node.intake.common import (
    MAX_FILE_BYTES,
    clean_text,
    decode_text,
    strip_html,
)
from talentverbund.node.intake.model import CandidateDraft
from talentverbund.node.intake.periods import PartialDate, Period, experience_years, parse_partial


@pytest.mark.parametrize("name", ["cv.doc", "cv.odt", "cv", "cv.exe", "cv.pdf.bak"])
def test_unknown_extension_lists_supported_formats(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"content")
    with pytest.raises(IntakeError) as info:
        read_candidates(path)
    assert info.value.where == name
    assert "unsupported file type" in info.value.message
    for ext in (".txt", ".pdf", ".docx", ".xml", ".zip", ".jsonl", ".json"):
        assert ext in info.value.hint


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "CV.TXT"
    path.write_text("Kämmerei")
    (draft,) = read_candidates(path)
    assert isinstance(draft, CandidateDraft) and draft.cv_text == "Kämmerei"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match="file not found"):
        read_candidates(tmp_path / "nope.pdf")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IntakeError, match="not a regular file"):
        read_candidates(tmp_path / "dir.txt")


@pytest.mark.parametrize("name", ["big.pdf", "big.txt", "big.zip"])
def test_file_size_limit(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: instant, no disk use
    with pytest.raises(IntakeError) as info:
        read_candidates(path)
    assert info.value.message == "file is too large"
    assert "20 MB" in info.value.hint


def test_error_describe_has_where_what_and_hint(tmp_path: Path) -> None:
    path = tmp_path / "leer.txt"
    path.write_bytes(b"")
    with pytest.raises(IntakeError) as info:
        read_candidates(path)
    text = info.value.describe()
    assert text.startswith("leer.txt: file is empty (") and text.endswith(")")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", PartialDate(2019)),
        ("2019-03", PartialDate(2019, 3)),
        ("2019-03-07", PartialDate(2019, 3, 7)),
        ("2019-03-07T10:00:00", PartialDate(2019, 3, 7)),
        ("Mar 2019", PartialDate(2019, 3)),
        ("März 2019", PartialDate(2019, 3)),
        ("Dez. 2019", PartialDate(2019, 12)),
        ("03/2019", PartialDate(2019, 3)),
        ("7.3.2019", PartialDate(2019, 3, 7)),
        ("March 7, 2019", PartialDate(2019, 3, 7)),
        ("7 Mar 2019", PartialDate(2019, 3, 7)),
        ("", None),
        ("Foo 2019", None),
        ("2019-13", None),
        ("2019-02-30", None),
        ("1066", None),
        ("since last year", None),
    ],
)
def test_parse_partial(text: str, expected: PartialDate | None) -> None:
    assert parse_partial(text) == expected


def test_experience_merges_overlaps_and_ignores_the_future() -> None:
    today = date(2025, 1, 1)
    periods = [
        Period(PartialDate(2010), PartialDate(2014)),  # 2010-01..2015-01: 5 years
        Period(PartialDate(2012, 6), PartialDate(2013, 5)),  # inside the first
        Period(PartialDate(2020, 1), None),  # until today: 5 years
        Period(PartialDate(2030), None),  # starts in the future: nothing
    ]
    assert experience_years(periods, today) == 10.0
    assert experience_years([], today) is None


def test_experience_is_capped() -> None:
    periods = [Period(PartialDate(1900), PartialDate(1999))]
    assert experience_years(periods, date(2025, 1, 1)) == 60.0


def test_month_end_precision() -> None:
    assert PartialDate(2019, 12).day_after() == date(2020, 1, 1)
    assert PartialDate(2019, 2, 28).day_after() == date(2019, 3, 1)
    assert PartialDate(2019).day_after() == date(2020, 1, 1)


def test_decode_text_fallbacks() -> None:
    assert decode_text("Grüße".encode()) == "Grüße"
    assert decode_text("Grüße".encode("utf-16")) == "Grüße"
    assert decode_text("Grüße €".encode("cp1252")) == "Grüße €"
    assert decode_text(b"\x81\x8d") == "\x81\x8d"  # undefined in cp1252 -> Latin-1


def test_strip_html() -> None:
    html = "<p>Aufgaben:</p><ul><li>Bau&shy;anträge</li><li>A &amp; B</li></ul>x<br/>y"
    assert strip_html(html) == "Aufgaben:\n- Bau\xadanträge\n- A & B\nx\ny"


def test_clean_text() -> None:
    raw = "  Zeile 1\r\nZeile\x002 \ud800\n\n\n\n\fZeile 3\t  \n"
    assert clean_text(raw) == "Zeile 1\nZeile2 ?\n\nZeile 3"
