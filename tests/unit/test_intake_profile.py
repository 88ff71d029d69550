"""The JSON profile: JSON Lines imports, the node export, and their round trip."""

from __future__ import annotations

import base64
import contextlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentverbund.node.intake import (
    BREAK_KINDS,
    EMPLOYMENT_TYPES,
    EXPORT_FORMAT,
    PURPOSES,
    CandidateDraft,
    CareerBreak,
    IntakeError,
    RecordError,
    parse_profile,
    profile_to_json,
    read_candidates,
)
from talentverbund.node.intake import jsonl as jsonl_module
from talentverbund.node.intake.export import read_export
from talentverbund.node.intake.jsonl import read_jsonl_bytes
from talentverbund.node.intake.profile import TOP_LEVEL_KEYS

FULL: dict[str, Any] = {
    "personal": {
        "name": "Aylin Yılmaz",
        "email": "aylin@example.org",
        "phone": "+49 40 000000",
        "address": "Rathausmarkt 1, 20095 Hamburg",
        "birth_date": "1991-07-30",
        "religion": "muslimisch",
    },
    "cv_text": "Erzieherin, 8 Jahre Kita-Leitung.",
    "lang": "de",
    "desired_regions": ["DE-HH", "01002"],
    "available_from": "2025-09-01",
    "employment_types": ["part_time"],
    "experience_years": 8,
    "career_breaks": [
        {"kind": "parental_leave", "start": "2019-04", "end": "2020-03-31"},
        {"kind": "care", "start": "2023-01-15"},
    ],
    "qualifications": ["Staatlich anerkannte Erzieherin"],
    "licences": ["B"],
    "consent": ["local", "federation", "local"],
    "meta": {"gender": "f", "anything": [1, 2, 3]},
}


def test_full_profile() -> None:
    draft = parse_profile(FULL, "f.jsonl:1", "jsonl")
    assert draft.where == "f.jsonl:1" and draft.source == "jsonl"
    assert draft.personal == FULL["personal"]
    assert draft.desired_regions == ("DE-HH", "01002")
    assert draft.available_from == date(2025, 9, 1)
    assert draft.employment_types == ("part_time",)
    assert draft.experience_years == 8.0
    assert draft.career_breaks == (
        CareerBreak("parental_leave", "2019-04", "2020-03-31"),
        CareerBreak("care", "2023-01-15", None),
    )
    assert draft.qualifications == ("Staatlich anerkannte Erzieherin",)
    assert draft.licences == ("B",)
    assert draft.consents == ("local", "federation")
    assert draft.original is None and draft.flags == ()


def test_minimal_profile_and_empty_text_flag() -> None:
    assert parse_profile({"cv_text": "x"}, "w", "jsonl").personal == {}
    assert parse_profile({"cv_text": " "}, "w", "jsonl").flags == ("no_text",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"cv_txt": "typo"}, "unknown field 'cv_txt'"),
        ({"cv_text": 5}, "field 'cv_text' must be a string"),
        ({"personal": []}, "field 'personal' must be an object"),
        ({"personal": {"email": 1}}, "field 'personal.email' must be a string"),
        ({"personal": {"birth_date": "30.07.1991"}}, "field 'personal.birth_date' is not a valid"),
        ({"lang": "fr"}, "field 'lang' must be one of de, en"),
        ({"desired_regions": "DE-HH"}, "field 'desired_regions' must be a list"),
        ({"desired_regions": ["DE-XX"]}, "field 'desired_regions[0]' is not a region code"),
        ({"desired_regions": ["DE-HH", 1002]}, "field 'desired_regions[1]' must be a string"),
        ({"available_from": "2025-02-30"}, "field 'available_from' is not a valid date"),
        ({"available_from": "2025-9-1"}, "field 'available_from' is not a valid date"),
        ({"employment_types": ["freelance"]}, "field 'employment_types[0]' is not an employment"),
        ({"experience_years": "8"}, "field 'experience_years' must be a number"),
        ({"experience_years": True}, "field 'experience_years' must be a number"),
        ({"experience_years": -1}, "field 'experience_years' is out of range"),
        ({"experience_years": 61}, "field 'experience_years' is out of range"),
        ({"career_breaks": [{"kind": "sabbatical", "start": "2020-01"}]}, "is not a break kind"),
        ({"career_breaks": [{"kind": "care"}]}, "field 'career_breaks[0].start' is missing"),
        ({"career_breaks": [{"kind": "care", "start": "2020"}]}, "start' is not a valid date"),
        ({"career_breaks": [{"kind": "care", "start": "2020-13"}]}, "start' is not a valid"),
        (
            {"career_breaks": [{"kind": "care", "start": "2020-05", "end": "2020-04-30"}]},
            "field 'career_breaks[0].end' is before its start",
        ),
        ({"career_breaks": [{"kind": "care", "start": "2020-05", "x": 1}]}, "unknown key 'x'"),
        ({"qualifications": [None]}, "field 'qualifications[0]' must be a string"),
        ({"licences": {"B": True}}, "field 'licences' must be a list"),
        ({"consent": ["marketing"]}, "field 'consent[0]' is not a consent purpose"),
    ],
)
def test_bad_fields_are_named_and_values_never_echoed(change: dict[str, Any], message: str) -> None:
    obj = {"cv_text": "Verwaltungswirt", **change}
    with pytest.raises(IntakeError) as info:
        parse_profile(obj, "f.jsonl:7", "jsonl")
    assert info.value.where == "f.jsonl:7"
    assert message in info.value.message
    assert info.value.hint
    for value in ("30.07.1991", "2025-02-30", "sabbatical", "marketing", "freelance"):
        assert value not in info.value.describe()


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (b'{"cv_text": "a\\u0000b"}', "cv_text"),
        (b'{"cv_text": "x", "licences": ["\\ud800"]}', "licences[0]"),
        (b'{"cv_text": "x", "personal": {"name": "\\udfff"}}', "personal.name"),
    ],
)
def test_unstorable_strings_are_record_errors(line: bytes, field: str) -> None:
    (record,) = read_jsonl_bytes(line, "s.jsonl")
    assert isinstance(record, RecordError)
    assert record.message.startswith(f"field '{field}' contains a NUL")


def test_missing_cv_text() -> None:
    with pytest.raises(IntakeError, match="field 'cv_text' is missing"):
        parse_profile({"personal": {}}, "w", "jsonl")


def test_long_unknown_key_is_shortened() -> None:
    with pytest.raises(IntakeError) as info:
        parse_profile({"cv_text": "", "x" * 500: 1}, "w", "jsonl")
    assert len(info.value.message) < 80


# -- JSON Lines -------------------------------------------------------------------


def test_jsonl_good_and_bad_lines_with_exact_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"cv_text": "Erzieher", "consent": ["local"]}),  # 1
        "",  # 2: blank lines are skipped but counted
        "{not json",  # 3
        "[1, 2]",  # 4
        json.dumps({"cv_text": "Kämmerer", "personal": {"email": 42}}),  # 5
        json.dumps({"cv_text": "Förster", "desired_regions": ["DE-ZZ"]}),  # 6
        json.dumps({"cv_text": "Bauhof", "available_from": "2025-13-01"}),  # 7
        json.dumps({"cv_text": "Bibliothekarin", "consent": ["everyone"]}),  # 8
        '{"cv_text": "x", "experience_years": NaN}',  # 9
        json.dumps({"cv_text": "Stadtplanerin", "lang": "en"}),  # 10
    ]
    path = tmp_path / "bulk.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = list(read_candidates(path))
    kinds = [type(r).__name__ for r in records]
    assert kinds == ["CandidateDraft", *["RecordError"] * 7, "CandidateDraft"]
    errors = [r for r in records if isinstance(r, RecordError)]
    assert [e.where for e in errors] == [f"bulk.jsonl:{n}" for n in (3, 4, 5, 6, 7, 8, 9)]
    assert "not valid JSON" in errors[0].message
    assert errors[1].message == "line is not a JSON object"
    assert errors[2].message == "field 'personal.email' must be a string"
    assert "region code" in errors[3].message
    assert "not a valid date" in errors[4].message
    assert "consent purpose" in errors[5].message
    assert "NaN" in errors[6].message
    assert all(e.hint for e in errors)
    first, last = records[0], records[-1]
    assert isinstance(first, CandidateDraft) and isinstance(last, CandidateDraft)
    assert (first.where, first.source, first.consents) == ("bulk.jsonl:1", "jsonl", ("local",))
    assert first.original is None
    assert (last.where, last.lang) == ("bulk.jsonl:10", "en")


def test_jsonl_bom_crlf_and_ndjson(tmp_path: Path) -> None:
    path = tmp_path / "a.ndjson"
    path.write_bytes(b'\xef\xbb\xbf{"cv_text": "A"}\r\n{"cv_text": "B"}')
    records = list(read_candidates(path))
    assert [r.cv_text for r in records if isinstance(r, CandidateDraft)] == ["A", "B"]


def test_jsonl_bad_utf8_line() -> None:
    records = list(read_jsonl_bytes(b'{"cv_text": "ok"}\n{"cv_text": "\xff"}\n', "b.jsonl"))
    assert isinstance(records[1], RecordError)
    assert records[1].where == "b.jsonl:2" and "UTF-8" in records[1].message


def test_jsonl_overlong_line_is_skipped_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl_module, "MAX_LINE_BYTES", 50)
    data = b'{"cv_text": "a"}\n{"cv_text": "' + b"x" * 200 + b'"}\n{"cv_text": "c"}\n'
    records = list(read_jsonl_bytes(data, "l.jsonl"))
    assert [r.where for r in records] == ["l.jsonl:1", "l.jsonl:2", "l.jsonl:3"]
    assert isinstance(records[1], RecordError) and "longer than" in records[1].message
    assert isinstance(records[2], CandidateDraft) and records[2].cv_text == "c"


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_jsonl(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "e.jsonl"
    path.write_bytes(content)
    with pytest.raises(IntakeError) as info:
        list(read_candidates(path))
    assert info.value.where == "e.jsonl" and "empty" in info.value.message


@settings(max_examples=100, deadline=2000)
@given(data=st.binary(max_size=1024))
def test_jsonl_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        for record in read_jsonl_bytes(data, "x.jsonl"):
            assert isinstance(record, CandidateDraft | RecordError)
    except IntakeError as exc:
        assert "empty" in exc.message


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_KEYS = st.sampled_from(sorted(TOP_LEVEL_KEYS))


@settings(max_examples=150, deadline=2000)
@given(obj=st.dictionaries(_KEYS, _JSON, max_size=6))
def test_profile_shaped_garbage_is_a_record_error_not_a_crash(obj: dict[str, Any]) -> None:
    (record,) = read_jsonl_bytes(json.dumps(obj).encode(), "g.jsonl")
    assert isinstance(record, CandidateDraft | RecordError)


# -- round trip ------------------------------------------------------------------------

_MONTHS = st.dates(date(1970, 1, 1), date(2040, 12, 31))


@st.composite
def career_breaks(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(_MONTHS)
    end = draw(st.none() | st.dates(start, date(2041, 12, 31)))
    as_text = draw(st.sampled_from(["month", "day"]))

    def fmt(d: date) -> str:
        return d.isoformat()[:7] if as_text == "month" else d.isoformat()

    item: dict[str, Any] = {"kind": draw(st.sampled_from(BREAK_KINDS)), "start": fmt(start)}
    if end is not None or draw(st.booleans()):
        item["end"] = fmt(end) if end is not None else None
    return item


_REGIONS = st.sampled_from(["DE-SH", "DE-HH", "DE-BY", "DE-NW"]) | st.from_regex(r"\A[0-9]{5}\Z")
_PERSONAL_KEYS = st.sampled_from(
    ["name", "email", "phone", "address", "gender", "religion", "photo", "x-custom"]
)
_CHARS = st.characters(codec="utf-8", exclude_characters="\x00")
_TEXT = st.text(_CHARS, max_size=40)

profiles = st.fixed_dictionaries(
    {"cv_text": st.text(_CHARS, max_size=200)},
    optional={
        "personal": st.dictionaries(_PERSONAL_KEYS, _TEXT, max_size=5)
        | st.builds(
            lambda d, b: {**d, "birth_date": b.isoformat()},
            st.dictionaries(_PERSONAL_KEYS, _TEXT, max_size=3),
            _MONTHS,
        ),
        "lang": st.sampled_from([None, "de", "en"]),
        "desired_regions": st.lists(_REGIONS, max_size=3),
        "available_from": st.none() | _MONTHS.map(date.isoformat),
        "employment_types": st.lists(st.sampled_from(EMPLOYMENT_TYPES), max_size=3),
        "experience_years": st.none() | st.integers(0, 60) | st.floats(0, 60),
        "career_breaks": st.lists(career_breaks(), max_size=3),
        "qualifications": st.lists(_TEXT, max_size=3),
        "licences": st.lists(st.sampled_from(["B", "BE", "C1", "CE", "T"]), max_size=3),
        "consent": st.lists(st.sampled_from(PURPOSES), max_size=3),
        "meta": _JSON,
    },
)


@settings(max_examples=200, deadline=None)
@given(obj=profiles)
def test_profile_round_trip(obj: dict[str, Any]) -> None:
    draft = parse_profile(obj, "w", "jsonl")
    as_json = profile_to_json(draft)
    assert json.loads(json.dumps(as_json)) == as_json  # plain JSON, nothing exotic
    again = parse_profile(as_json, "w", "jsonl")
    assert again == draft
    assert profile_to_json(again) == as_json


# -- node export ---------------------------------------------------------------------


def export_doc(draft: CandidateDraft, original: dict[str, str] | None) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "exported_at": "2025-01-01T00:00:00Z",
        "node": {"name": "Kiel", "region": "DE-SH"},
        "candidate_id": "c1",
        "profile": profile_to_json(draft),
        "consents": [{"purpose": "federation", "state": "valid"}],
        "original": original,
    }


def test_export_round_trip_without_consents(tmp_path: Path) -> None:
    draft = parse_profile(FULL, "f", "jsonl")
    pdf = b"%PDF-1.4 fake"
    original = {
        "filename": "C:\\Users\\x\\lebenslauf.pdf",
        "media_type": "application/pdf",
        "content_base64": base64.b64encode(pdf).decode(),
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_doc(draft, original)), encoding="utf-8")
    (imported,) = read_candidates(path)
    assert isinstance(imported, CandidateDraft)
    assert imported.source == "export" and imported.where == "export.json"
    assert imported.consents == ()  # consent is asked anew by the importing node
    assert imported.original is not None
    assert imported.original.filename == "lebenslauf.pdf"  # no path from elsewhere
    assert imported.original.content == pdf
    expected = replace(draft, source="export", where="export.json", consents=())
    assert replace(imported, original=None) == expected


def test_export_without_original(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    path.write_text(json.dumps(export_doc(parse_profile({"cv_text": "x"}, "w", "j"), None)))
    (imported,) = read_candidates(path)
    assert isinstance(imported, CandidateDraft) and imported.original is None


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"profile": {"cv_text": "x"}}, "not a Talentverbund export (no 'format' field)"),
        ({"format": "talentverbund.candidate-export/v9", "profile": {}}, "unsupported export"),
        ({"format": EXPORT_FORMAT}, "export has no 'profile' object"),
        ({"format": EXPORT_FORMAT, "profile": {"cv_text": 1}}, "in 'profile', field 'cv_text'"),
        (
            {"format": EXPORT_FORMAT, "profile": {"cv_text": "x"}, "original": "abc"},
            "field 'original' must be an object or null",
        ),
        (
            {
                "format": EXPORT_FORMAT,
                "profile": {"cv_text": "x"},
                "original": {"filename": "a", "media_type": "b", "content_base64": "!!"},
            },
            "not valid base64",
        ),
        ([1, 2], "not an object"),
    ],
)
def test_bad_exports(tmp_path: Path, doc: Any, message: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(IntakeError) as info:
        read_candidates(path)
    assert info.value.where == "x.json"
    assert message in info.value.message


def test_export_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": ')
    with pytest.raises(IntakeError, match="not valid JSON"):
        read_candidates(path)


@settings(max_examples=100, deadline=2000)
@given(data=st.binary(max_size=512))
def test_export_arbitrary_bytes_only_raise_intake_error(data: bytes) -> None:
    with contextlib.suppress(IntakeError):
        read_export(data, "x")


def test_export_deeply_nested_json() -> None:
    with pytest.raises(IntakeError):
        read_export(b"[" * 100_000 + b"]" * 100_000, "x")
