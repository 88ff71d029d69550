"""LinkedIn data export ZIPs, written with zipfile by the tests."""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentverbund.node.intake import IntakeError, parse_profile, profile_to_json, read_candidates
from talentverbund.node.intake import linkedin as linkedin_module
from talentverbund.node.intake.linkedin import read_linkedin
from talentverbund.node.intake.model import CandidateDraft

PROFILE = (
    "\ufeffFirst Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
    "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Lena,Hansen,,"Am Markt 1, 24103 Kiel",Mar 14 1990,IT-Administratorin im öffentlichen Dienst,'
    '"Ich betreue Netzwerke und Fachverfahren.\nSchwerpunkt: IT-Sicherheit.",'
    'Government Administration,24103,"Kiel, Schleswig-Holstein",,,\n'
)
POSITIONS = (
    "Company Name,Title,Description,Location,Started On,Finished On\n"
    'Landeshauptstadt Kiel,IT-Administratorin,"Active Directory, Windows Server",Kiel,Jan 2021,\n'
    "Dataport AöR,Systemadministratorin,Linux-Server betreuen,Altenholz,Jan 2016,Dec 2019\n"
    "Dataport AöR,Werkstudentin,,Altenholz,Jun 2015,Mar 2016\n"
)
SKILLS = "Name\nActive Directory\nPowerShell\nITIL\n"
EDUCATION = (
    "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
    "Fachhochschule Kiel,2011,2015,Schwerpunkt Netze,B.Sc. Informatik,Fachschaft\n"
)
EMAILS = (
    "Email Address,Confirmed,Primary,Updated On\n"
    "alt@example.org,Yes,No,1/1/20\nlena.hansen@example.org,Yes,Yes,1/1/20\n"
)
PHONES = "Extension,Number,Type\n,+49 431 000000,Mobile\n"


def make_zip(files: Mapping[str, str | bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return buffer.getvalue()


FULL = {
    "Profile.csv": PROFILE,
    "Positions.csv": POSITIONS,
    "Skills.csv": SKILLS,
    "Education.csv": EDUCATION,
    "Email Addresses.csv": EMAILS,
    "PhoneNumbers.csv": PHONES,
    "Connections.csv": "Notes:\nnot read\n",
}


def read(tmp_path: Path, data: bytes) -> CandidateDraft:
    path = tmp_path / "Basic_LinkedInDataExport.zip"
    path.write_bytes(data)
    (draft,) = read_candidates(path)
    assert isinstance(draft, CandidateDraft)
    return draft


def test_personal_fields(tmp_path: Path) -> None:
    draft = read(tmp_path, make_zip(FULL))
    assert draft.source == "linkedin"
    assert draft.personal == {
        "name": "Lena Hansen",
        "address": "Am Markt 1, 24103 Kiel",
        "zip_code": "24103",
        "location": "Kiel, Schleswig-Holstein",
        "email": "lena.hansen@example.org",
        "phone": "+49 431 000000",
        "birth_date": "1990-03-14",
    }
    assert "Hansen" not in draft.cv_text and "lena.hansen" not in draft.cv_text


def test_cv_text(tmp_path: Path) -> None:
    lines = read(tmp_path, make_zip(FULL)).cv_text.split("\n")
    assert lines[0] == "Headline: IT-Administratorin im öffentlichen Dienst"
    assert "Industry: Government Administration" in lines
    assert "Ich betreue Netzwerke und Fachverfahren." in lines
    assert "Jan 2021 – present: IT-Administratorin, Landeshauptstadt Kiel (Kiel)" in lines
    assert "  Active Directory, Windows Server" in lines
    assert "Jan 2016 – Dec 2019: Systemadministratorin, Dataport AöR (Altenholz)" in lines
    assert "Active Directory, PowerShell, ITIL" in lines
    assert "2011 – 2015: B.Sc. Informatik, Fachhochschule Kiel" in lines
    assert "  Schwerpunkt Netze" in lines


def test_experience_merges_overlaps_and_runs_to_today() -> None:
    draft = read_linkedin(make_zip(FULL), "x.zip", today=date(2024, 1, 1))
    # Jun 2015..Dec 2019 (overlapping Werkstudentin + admin) = 4.58 y, Jan 2021..today = 3 y
    assert draft.experience_years == 7.6


def test_only_profile_csv_is_required_and_a_folder_is_fine(tmp_path: Path) -> None:
    draft = read(tmp_path, make_zip({"export/Profile.csv": PROFILE}))
    assert draft.personal["name"] == "Lena Hansen"
    assert draft.experience_years is None
    assert draft.original is not None and draft.original.media_type == "application/zip"


def test_cp1252_csv(tmp_path: Path) -> None:
    data = make_zip({"Profile.csv": PROFILE.replace("\ufeff", "").encode("cp1252")})
    assert "öffentlichen" in read(tmp_path, data).cv_text


def test_birthday_without_year_stays_text(tmp_path: Path) -> None:
    draft = read(tmp_path, make_zip({"Profile.csv": PROFILE.replace("Mar 14 1990", "Mar 14")}))
    assert "birth_date" not in draft.personal
    assert draft.personal["birth_date_text"] == "Mar 14"


def test_zip_without_profile_csv_is_not_a_linkedin_export(tmp_path: Path) -> None:
    with pytest.raises(IntakeError) as info:
        read(tmp_path, make_zip({"photos/img.jpg": b"\xff\xd8", "Positions.csv": POSITIONS}))
    assert "not a LinkedIn data export" in info.value.message
    assert "Get a copy of your data" in info.value.hint


@pytest.mark.parametrize("data", [b"PK\x03\x04 truncated", b"not a zip at all"])
def test_not_a_zip(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(IntakeError, match="not a valid ZIP archive"):
        read(tmp_path, data)


def test_empty_zip_file(tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match="file is empty"):
        read(tmp_path, b"")


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", PROFILE)
        with archive.open("Positions.csv", "w", force_zip64=True) as handle:
            chunk = b"\0" * (1 << 20)
            for _ in range(110):
                handle.write(chunk)
    assert len(buffer.getvalue()) < 1 << 20
    with pytest.raises(IntakeError, match="ZIP bomb"):
        read(tmp_path, buffer.getvalue())


def test_oversized_member_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(linkedin_module, "MAX_MEMBER_BYTES", 100)
    with pytest.raises(IntakeError, match=r"Profile\.csv in the ZIP file is too large"):
        read(tmp_path, make_zip({"Profile.csv": PROFILE}))


def test_path_tricks_are_harmless(tmp_path: Path) -> None:
    """Members are matched by name and read in memory; nothing is extracted anywhere."""
    data = make_zip({"../../Profile.csv": PROFILE, "/etc/Skills.csv": SKILLS})
    draft = read(tmp_path, data)
    assert draft.personal["name"] == "Lena Hansen"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Basic_LinkedInDataExport.zip"]


def test_encrypted_member_is_a_clear_error(tmp_path: Path) -> None:
    data = bytearray(make_zip({"Profile.csv": PROFILE}, zipfile.ZIP_STORED))
    data[6] |= 0x01  # general purpose flag bit 0: "encrypted" in the local header
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x01  # ... and in the central directory
    with pytest.raises(IntakeError, match="damaged or encrypted"):
        read(tmp_path, bytes(data))


@settings(max_examples=80, deadline=2000)
@given(data=st.binary(max_size=1024))
def test_arbitrary_bytes_only_ever_raise_intake_error(data: bytes) -> None:
    with contextlib.suppress(IntakeError):
        read_linkedin(data, "x")


_SAMPLE = make_zip(FULL)


@settings(max_examples=80, deadline=2000)
@given(cuts=st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), min_size=1, max_size=4))
def test_damaged_exports_only_ever_raise_intake_error(cuts: list[tuple[float, bytes]]) -> None:
    data = bytearray(_SAMPLE)
    for where, junk in cuts:
        at = int(where * (len(data) - 1))
        data[at : at + len(junk)] = junk
    with contextlib.suppress(IntakeError):
        read_linkedin(bytes(data), "x")


@settings(max_examples=60, deadline=2000)
@given(csv_text=st.text(max_size=400))
def test_arbitrary_csv_content_only_ever_raises_intake_error(csv_text: str) -> None:
    with contextlib.suppress(IntakeError):
        read_linkedin(make_zip({"Profile.csv": csv_text, "Positions.csv": csv_text}), "x")


def test_control_characters_in_cells_are_dropped(tmp_path: Path) -> None:
    draft = read(tmp_path, make_zip({"Profile.csv": PROFILE.replace("Lena", "Le\x00na\x07")}))
    assert draft.personal["name"] == "Lena Hansen"


def test_drafts_survive_the_profile_round_trip() -> None:
    """Exports and the admin socket carry drafts as profiles; nothing may get lost."""
    draft = read_linkedin(make_zip(FULL), "x.zip")
    again = parse_profile(profile_to_json(draft), draft.where, draft.source)
    assert replace(again, original=draft.original, flags=draft.flags) == draft
