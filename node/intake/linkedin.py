"""LinkedIn data export: the ZIP from "Get a copy of your data", read as CSV tables.

``Profile.csv`` is required (it is what makes a ZIP a LinkedIn export);
``Positions.csv``, ``Skills.csv``, ``Education.csv``, ``Languages.csv``,
``Certifications.csv``, ``Email Addresses.csv`` and ``PhoneNumbers.csv`` are
read when present. Members are found by file name wherever they sit, read
into memory with a size cap (declared sizes are checked first, then each read
is bounded), and never written to disk, so neither ZIP bombs nor ``../``
member names can do harm.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

from talentverbund.node.intake.common import (
    MAX_ARCHIVE_MEMBERS,
    MAX_ARCHIVE_UNCOMPRESSED,
    clean_text,
    converting,
    decode_text,
    indent,
    join_nonempty,
    require_content,
    truncate,
)
from talentverbund.node.intake.model import CandidateDraft, IntakeError, OriginalFile
from talentverbund.node.intake.periods import Period, experience_years, parse_partial

MEDIA_TYPE = "application/zip"
MAX_MEMBER_BYTES = 5 * 1024 * 1024
"""Largest CSV we read from the archive; the profile tables are a few kB."""

TABLES = {
    name.lower(): name
    for name in (
        "Profile.csv",
        "Positions.csv",
        "Skills.csv",
        "Education.csv",
        "Languages.csv",
        "Certifications.csv",
        "Email Addresses.csv",
        "PhoneNumbers.csv",
    )
}
_EXPORT_HINT = (
    "in LinkedIn choose Settings > Data privacy > Get a copy of your data, "
    "and upload the ZIP as downloaded (it contains Profile.csv)"
)

Row = dict[str, str]


def read_linkedin(data: bytes, where: str, today: date | None = None) -> CandidateDraft:
    require_content(data, where)
    tables = _read_tables(data, where)
    if "profile.csv" not in tables:
        raise IntakeError(
            where, "ZIP file is not a LinkedIn data export (Profile.csv is missing)", _EXPORT_HINT
        )
    profile = tables["profile.csv"][0] if tables["profile.csv"] else {}
    positions = tables.get("positions.csv", [])
    personal = _personal(profile, tables)
    flags: list[str] = []
    cv_text = truncate(clean_text("\n".join(_cv_lines(profile, positions, tables))), flags)
    if not cv_text and not personal:
        raise IntakeError(where, "LinkedIn export contains no profile data", _EXPORT_HINT)
    if not cv_text:
        flags.insert(0, "no_text")
    return CandidateDraft(
        source="linkedin",
        where=where,
        cv_text=cv_text,
        personal=personal,
        experience_years=experience_years(_periods(positions), today),
        original=OriginalFile(where, MEDIA_TYPE, data),
        flags=tuple(flags),
    )


# -- archive ---------------------------------------------------------------------


def _read_tables(data: bytes, where: str) -> dict[str, list[Row]]:
    with converting(where, "file is not a valid ZIP archive", _EXPORT_HINT):
        archive = zipfile.ZipFile(io.BytesIO(data))
    with archive:
        members = _members(archive, where)
        return {key: _table(archive, info, TABLES[key], where) for key, info in members.items()}


def _members(archive: zipfile.ZipFile, where: str) -> dict[str, zipfile.ZipInfo]:
    """The tables we read, by lower-case name; the shallowest copy wins."""
    infos = archive.infolist()
    if (
        len(infos) > MAX_ARCHIVE_MEMBERS
        or sum(i.file_size for i in infos) > MAX_ARCHIVE_UNCOMPRESSED
    ):
        raise IntakeError(
            where,
            "ZIP file unpacks to far more data than a LinkedIn export (possible ZIP bomb)",
            _EXPORT_HINT,
        )
    found: dict[str, zipfile.ZipInfo] = {}
    for info in sorted(infos, key=lambda i: i.filename.count("/")):
        key = info.filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
        if key in TABLES and not info.is_dir() and key not in found:
            found[key] = info
    return found


def _table(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, where: str) -> list[Row]:
    """Rows of one CSV as dicts keyed by lower-case column name."""
    too_big = IntakeError(where, f"{name} in the ZIP file is too large", _EXPORT_HINT)
    if info.file_size > MAX_MEMBER_BYTES:
        raise too_big
    damaged = f"{name} in the ZIP file cannot be read (damaged or encrypted)"
    with converting(where, damaged, _EXPORT_HINT), archive.open(info) as handle:
        raw = handle.read(MAX_MEMBER_BYTES + 1)
    if len(raw) > MAX_MEMBER_BYTES:
        raise too_big
    try:
        rows = list(csv.reader(io.StringIO(decode_text(raw), newline="")))
    except csv.Error:
        raise IntakeError(where, f"{name} in the ZIP file is not valid CSV", _EXPORT_HINT) from None
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    return [
        {h: clean_text(cell) for h, cell in zip(header, row, strict=False)}
        for row in rows[1:]
        if any(cell.strip() for cell in row)
    ]


# -- content ---------------------------------------------------------------------


def _personal(profile: Row, tables: dict[str, list[Row]]) -> dict[str, str]:
    personal = {
        "name": join_nonempty([profile.get("first name"), profile.get("last name")], " "),
        "maiden_name": profile.get("maiden name", ""),
        "address": profile.get("address", ""),
        "zip_code": profile.get("zip code", ""),
        "location": profile.get("geo location", ""),
        "twitter": profile.get("twitter handles", ""),
        "website": profile.get("websites", ""),
        "instant_messaging": profile.get("instant messengers", ""),
        "email": _email(tables.get("email addresses.csv", [])),
        "phone": join_nonempty(
            [
                join_nonempty([r.get("number"), r.get("extension")], " ")
                for r in tables.get("phonenumbers.csv", [])
            ],
            "; ",
        ),
    }
    personal.update(_birth(profile.get("birth date", "")))
    return {k: v for k, v in personal.items() if v}


def _email(rows: list[Row]) -> str:
    primary = [r for r in rows if r.get("primary", "").lower() == "yes"]
    return next((r.get("email address", "") for r in primary + rows if r.get("email address")), "")


def _birth(value: str) -> dict[str, str]:
    """A full date is stored as ISO; "Apr 4" (no year, as LinkedIn allows) as text."""
    when = parse_partial(value)
    if when is not None and when.day is not None:
        return {"birth_date": when.first_day().isoformat()}
    return {"birth_date_text": value} if value else {}


def _cv_lines(profile: Row, positions: list[Row], tables: dict[str, list[Row]]) -> list[str]:
    lines = [
        _labelled("Headline", profile.get("headline")),
        _labelled("Industry", profile.get("industry")),
    ]
    if profile.get("summary"):
        lines += ["", "Summary", profile["summary"]]
    lines += _section("Experience", [line for p in positions for line in _position(p)])
    education = tables.get("education.csv", [])
    lines += _section("Education", [line for e in education for line in _school(e)])
    skills = [r.get("name", "") for r in tables.get("skills.csv", [])]
    lines += _section("Skills", [join_nonempty(skills)] if join_nonempty(skills) else [])
    languages = [
        join_nonempty([r.get("name"), f"({r['proficiency']})" if r.get("proficiency") else ""], " ")
        for r in tables.get("languages.csv", [])
    ]
    lines += _section("Languages", [x for x in languages if x])
    certificates = [
        join_nonempty([r.get("name"), r.get("authority")])
        for r in tables.get("certifications.csv", [])
    ]
    lines += _section("Certifications", [x for x in certificates if x])
    return lines


def _labelled(label: str, value: str | None) -> str:
    return f"{label}: {value}" if value else ""


def _section(title: str, body: list[str]) -> list[str]:
    return ["", title, *body] if body else []


def _span(start: str, end: str, present: bool) -> str:
    if not start and not end:
        return ""
    return f"{start or '?'} – {end or ('present' if present else '?')}"


def _position(row: Row) -> list[str]:
    span = _span(row.get("started on", ""), row.get("finished on", ""), present=True)
    location = row.get("location", "")
    head = join_nonempty([row.get("title"), row.get("company name")])
    head += f" ({location})" if location else ""
    return [join_nonempty([span, head], ": "), *indent(row.get("description", ""))]


def _school(row: Row) -> list[str]:
    span = _span(row.get("start date", ""), row.get("end date", ""), present=False)
    head = join_nonempty([row.get("degree name"), row.get("school name")])
    return [
        join_nonempty([span, head], ": "),
        *indent(row.get("notes", "")),
        *indent(row.get("activities", "")),
    ]


def _periods(positions: list[Row]) -> list[Period]:
    periods = []
    for row in positions:
        start = parse_partial(row.get("started on"))
        if start is None:
            continue
        finished = row.get("finished on", "")
        end = parse_partial(finished)
        if finished and end is None:  # an end we cannot read: count the start unit only
            end = start
        periods.append(Period(start, end))
    return periods
