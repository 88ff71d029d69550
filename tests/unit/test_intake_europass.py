"""Europass XML: the v3 SkillsPassport schema and the current HR-Open "Candidate" schema."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentverbund.node.intake import IntakeError, parse_profile, profile_to_json, read_candidates
from talentverbund.node.intake.europass import read_europass
from talentverbund.node.intake.model import CandidateDraft

V3 = """<?xml version="1.0" encoding="UTF-8"?>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass" locale="de">
  <DocumentInfo><DocumentType>ECV</DocumentType></DocumentInfo>
  <LearnerInfo>
    <Identification>
      <PersonName><FirstName>Jana</FirstName><Surname>Petersen</Surname></PersonName>
      <ContactInfo>
        <Address><Contact>
          <AddressLine>Holm 12</AddressLine><PostalCode>24937</PostalCode>
          <Municipality>Flensburg</Municipality>
          <Country><Code>DE</Code><Label>Deutschland</Label></Country>
        </Contact></Address>
        <Email><Contact>jana.petersen@example.org</Contact></Email>
        <TelephoneList>
          <Telephone><Contact>+49 461 000000</Contact><Use><Code>home</Code></Use></Telephone>
          <Telephone><Contact>+49 170 0000000</Contact><Use><Code>mobile</Code></Use></Telephone>
        </TelephoneList>
      </ContactInfo>
      <Demographics>
        <Birthdate year="1988" month="--04" day="---23"/>
        <Gender><Code>F</Code><Label>weiblich</Label></Gender>
        <NationalityList><Nationality><Code>DK</Code><Label>dänisch</Label></Nationality>
        </NationalityList>
      </Demographics>
    </Identification>
    <Headline>
      <Type><Code>position</Code><Label>Gewünschte Beschäftigung</Label></Type>
      <Description><Label>Sachbearbeitung Bauaufsicht</Label></Description>
    </Headline>
    <WorkExperienceList>
      <WorkExperience>
        <Period><From year="2014" month="--01"/><To year="2018" month="--12"/></Period>
        <Position><Label>Bauzeichnerin</Label></Position>
        <Activities>&lt;ul&gt;&lt;li&gt;Bauantr&amp;auml;ge pr&amp;uuml;fen&lt;/li&gt;
          &lt;li&gt;CAD (AutoCAD)&lt;/li&gt;&lt;/ul&gt;</Activities>
        <Employer><Name>Ingenieurbüro Nord</Name>
          <Sector><Label>Baugewerbe</Label></Sector></Employer>
      </WorkExperience>
      <WorkExperience>
        <Period><From year="2017" month="--06"/><To year="2020" month="--12"/></Period>
        <Position><Label>Sachbearbeiterin</Label></Position>
        <Employer><Name>Kreis Schleswig-Flensburg</Name></Employer>
      </WorkExperience>
    </WorkExperienceList>
    <EducationList>
      <Education>
        <Period><From year="2010"/><To year="2013"/></Period>
        <Title>Bachelor Architektur</Title>
        <Organisation><Name>Fachhochschule Kiel</Name></Organisation>
        <Level><Code>6</Code><Label>EQR-Niveau 6</Label></Level>
      </Education>
    </EducationList>
    <Skills>
      <Linguistic>
        <MotherTongueList><MotherTongue><Description><Code>de</Code><Label>Deutsch</Label>
        </Description></MotherTongue></MotherTongueList>
        <ForeignLanguageList>
          <ForeignLanguage>
            <Description><Code>en</Code><Label>Englisch</Label></Description>
            <ProficiencyLevel><Listening>C1</Listening><Reading>C1</Reading>
              <SpokenInteraction>C1</SpokenInteraction><SpokenProduction>C1</SpokenProduction>
              <Writing>C1</Writing></ProficiencyLevel>
          </ForeignLanguage>
          <ForeignLanguage>
            <Description><Code>da</Code></Description>
            <ProficiencyLevel><Listening>B2</Listening><Reading>B1</Reading>
              <SpokenInteraction>B1</SpokenInteraction><SpokenProduction>A2</SpokenProduction>
              <Writing>A2</Writing></ProficiencyLevel>
          </ForeignLanguage>
        </ForeignLanguageList>
      </Linguistic>
      <Computer><Description>&lt;p&gt;MS Office, AutoCAD, GIS&lt;/p&gt;</Description></Computer>
      <Driving><Description><Licence>B</Licence><Licence>be</Licence></Description></Driving>
    </Skills>
  </LearnerInfo>
</SkillsPassport>
"""

CANDIDATE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Candidate xmlns="http://www.europass.eu/1.0" xmlns:oa="http://www.openapplications.org/oagis/9"
    xmlns:eures="http://www.europass_eures.eu/1.0" xmlns:hr="http://www.hr-xml.org/3">
  <hr:DocumentID schemeID="Test-0001" schemeName="DocumentIdentifier"/>
  <CandidateSupplier><hr:PartyName>Owner</hr:PartyName></CandidateSupplier>
  <CandidatePerson>
    <PersonName><oa:GivenName>Tom</oa:GivenName><hr:FamilyName>Becker</hr:FamilyName></PersonName>
    <Communication><ChannelCode>Email</ChannelCode><oa:URI>tom.becker@example.org</oa:URI>
    </Communication>
    <Communication><ChannelCode>Telephone</ChannelCode><UseCode>mobile</UseCode>
      <CountryDialing>49</CountryDialing><oa:DialNumber>1700000000</oa:DialNumber></Communication>
    <Communication><UseCode>home</UseCode>
      <Address type="home"><oa:AddressLine>Dorfstr. 3</oa:AddressLine>
        <oa:CityName>Husum</oa:CityName><CountryCode>de</CountryCode>
        <oa:PostalCode>25813</oa:PostalCode></Address></Communication>
    <NationalityCode>de</NationalityCode>
    <hr:BirthDate>1979-11-02</hr:BirthDate>
    <hr:GenderCode>Male</hr:GenderCode>
    <PrimaryLanguageCode name="NORMAL">deu</PrimaryLanguageCode>
  </CandidatePerson>
  <CandidateProfile languageCode="en">
    <hr:ID schemeID="Test-0001" schemeName="CandidateProfileID"/>
    <hr:ExecutiveSummary>Civil engineer with a focus on road maintenance.</hr:ExecutiveSummary>
    <EmploymentHistory>
      <EmployerHistory>
        <hr:OrganizationName>Stadt Husum</hr:OrganizationName>
        <PositionHistory>
          <PositionTitle typeCode="FREETEXT">Road maintenance engineer</PositionTitle>
          <eures:EmploymentPeriod>
            <eures:StartDate><hr:FormattedDateTime>2015-03-01</hr:FormattedDateTime></eures:StartDate>
            <eures:EndDate><hr:FormattedDateTime>2020-02-29</hr:FormattedDateTime></eures:EndDate>
            <hr:CurrentIndicator>false</hr:CurrentIndicator>
          </eures:EmploymentPeriod>
          <oa:Description>
            &lt;p&gt;Winter service planning, &lt;b&gt;asphalt&lt;/b&gt; works.&lt;/p&gt;
          </oa:Description>
          <City>Husum</City><Country>de</Country>
        </PositionHistory>
      </EmployerHistory>
      <EmployerHistory>
        <hr:OrganizationName>Kreis Nordfriesland</hr:OrganizationName>
        <eures:EmploymentPeriod>
          <eures:StartDate><hr:FormattedDateTime>2020-03</hr:FormattedDateTime></eures:StartDate>
          <eures:EndDate><hr:FormattedDateTime>2022-02</hr:FormattedDateTime></eures:EndDate>
        </eures:EmploymentPeriod>
        <PositionHistory><PositionTitle>Bridge inspector</PositionTitle></PositionHistory>
      </EmployerHistory>
    </EmploymentHistory>
    <EducationHistory>
      <EducationOrganizationAttendance>
        <hr:OrganizationName>TU Hamburg</hr:OrganizationName>
        <AttendancePeriod>
          <StartDate><hr:FormattedDateTime>2008</hr:FormattedDateTime></StartDate>
          <EndDate><hr:FormattedDateTime>2014</hr:FormattedDateTime></EndDate>
        </AttendancePeriod>
        <EducationDegree><hr:DegreeName>MSc Civil Engineering</hr:DegreeName></EducationDegree>
      </EducationOrganizationAttendance>
    </EducationHistory>
    <eures:Licenses>
      <eures:License><hr:LicenseTypeCode>B</hr:LicenseTypeCode></eures:License>
      <eures:License><hr:LicenseTypeCode>C1</hr:LicenseTypeCode></eures:License>
    </eures:Licenses>
    <PersonQualifications>
      <PersonCompetency>
        <CompetencyID schemeName="NORMAL">eng</CompetencyID>
        <hr:TaxonomyID>language</hr:TaxonomyID>
        <eures:CompetencyDimension>
          <hr:CompetencyDimensionTypeCode>CEF-Understanding-Listening</hr:CompetencyDimensionTypeCode>
          <eures:Score><hr:ScoreText>B2</hr:ScoreText></eures:Score>
        </eures:CompetencyDimension>
        <eures:CompetencyDimension>
          <hr:CompetencyDimensionTypeCode>CEF-Writing-Production</hr:CompetencyDimensionTypeCode>
          <eures:Score><hr:ScoreText>B1</hr:ScoreText></eures:Score>
        </eures:CompetencyDimension>
      </PersonCompetency>
      <PersonCompetency>
        <hr:CompetencyID>GIS</hr:CompetencyID><hr:TaxonomyID>other</hr:TaxonomyID>
        <hr:CompetencyName>Geographic information systems</hr:CompetencyName>
      </PersonCompetency>
    </PersonQualifications>
    <Projects><Project><Title>Dike road renewal</Title>
      <Description>Tendering under VOB/A</Description></Project></Projects>
    <EmploymentReferences><Reference><Name>Referee Person</Name></Reference>
    </EmploymentReferences>
  </CandidateProfile>
</Candidate>
"""


def read(tmp_path: Path, text: str, name: str = "cv.xml") -> CandidateDraft:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (draft,) = read_candidates(path)
    assert isinstance(draft, CandidateDraft)
    return draft


def test_v3_personal_fields_are_separated_from_the_cv_text(tmp_path: Path) -> None:
    draft = read(tmp_path, V3)
    assert draft.source == "europass"
    assert draft.personal == {
        "name": "Jana Petersen",
        "email": "jana.petersen@example.org",
        "phone": "+49 461 000000; +49 170 0000000",
        "address": "Holm 12, 24937 Flensburg, Deutschland",
        "birth_date": "1988-04-23",
        "gender": "weiblich",
        "nationality": "dänisch",
    }
    for value in ("Petersen", "jana.petersen", "Holm 12", "1988", "weiblich", "dänisch"):
        assert value not in draft.cv_text


def test_v3_descriptive_content_is_readable_text_in_the_cv_language(tmp_path: Path) -> None:
    draft = read(tmp_path, V3)
    assert draft.lang == "de"
    lines = draft.cv_text.split("\n")
    assert "Gewünschte Beschäftigung: Sachbearbeitung Bauaufsicht" in lines
    assert "Berufserfahrung" in lines
    assert "01/2014 – 12/2018: Bauzeichnerin, Ingenieurbüro Nord, Baugewerbe" in lines
    assert "  - Bauanträge prüfen" in lines  # escaped HTML list -> plain lines
    assert "2010 – 2013: Bachelor Architektur, Fachhochschule Kiel, EQR-Niveau 6" in lines
    assert "Muttersprache: Deutsch" in lines
    assert "Englisch: C1" in lines
    assert (
        "Dänisch: Hören B2, Lesen B1, An Gesprächen teilnehmen B1, "
        "Zusammenhängendes Sprechen A2, Schreiben A2"
    ) in lines
    assert "MS Office, AutoCAD, GIS" in lines
    assert "<" not in draft.cv_text


def test_v3_licences_and_merged_experience(tmp_path: Path) -> None:
    draft = read(tmp_path, V3)
    assert draft.licences == ("B", "BE")
    # 2014-01..2018-12 and 2017-06..2020-12 overlap: union is 2014-01..2020-12 = 7 years
    assert draft.experience_years == 7.0
    assert draft.original is not None and draft.original.media_type == "application/xml"


def test_candidate_schema_personal_fields(tmp_path: Path) -> None:
    draft = read(tmp_path, CANDIDATE)
    assert draft.personal == {
        "name": "Tom Becker",
        "email": "tom.becker@example.org",
        "phone": "+49 1700000000",
        "address": "Dorfstr. 3, 25813 Husum, DE",
        "nationality": "de",
        "birth_date": "1979-11-02",
        "gender": "Male",
    }
    assert "Becker" not in draft.cv_text and "Dorfstr" not in draft.cv_text


def test_candidate_schema_cv_text(tmp_path: Path) -> None:
    draft = read(tmp_path, CANDIDATE)
    assert draft.lang == "en"
    lines = draft.cv_text.split("\n")
    assert "Civil engineer with a focus on road maintenance." in lines
    assert "03/2015 – 02/2020: Road maintenance engineer, Stadt Husum, Husum, DE" in lines
    assert "  Winter service planning, asphalt works." in lines
    assert "03/2020 – 02/2022: Bridge inspector, Kreis Nordfriesland" in lines
    assert "2008 – 2014: MSc Civil Engineering, TU Hamburg" in lines
    assert "Mother tongue: German" in lines
    assert "English: Listening B2, Writing B1" in lines
    assert "Geographic information systems" in lines
    assert "Dike road renewal – Tendering under VOB/A" in lines
    assert "Referee" not in draft.cv_text  # references name other people
    assert "Owner" not in draft.cv_text


def test_candidate_schema_licences_and_experience(tmp_path: Path) -> None:
    draft = read(tmp_path, CANDIDATE)
    assert draft.licences == ("B", "C1")
    assert draft.experience_years == 7.0  # 2015-03..2020-02 then 2020-03..2022-02


def test_current_position_counts_until_today(tmp_path: Path) -> None:
    xml = CANDIDATE.replace(
        "<hr:CurrentIndicator>false</hr:CurrentIndicator>",
        "<hr:CurrentIndicator>true</hr:CurrentIndicator>",
    )
    draft = read(tmp_path, xml)
    assert draft.experience_years is not None and draft.experience_years > 10
    assert "03/2015 – present: Road maintenance engineer" in draft.cv_text


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ("<cv><name>x</name></cv>", "not a Europass CV (root element 'cv'"),
        (
            '<SkillsPassport xmlns="http://example.org/other"><LearnerInfo/></SkillsPassport>',
            "not a Europass CV",
        ),
        (
            '<Candidate xmlns="http://www.europass.eu/2.0"><CandidatePerson/></Candidate>',
            "not a Europass CV",
        ),
        (
            '<europass:learnerinfo xmlns:europass="http://europass.cedefop.europa.eu/Europass/V2.0"/>',
            "old Europass version",
        ),
        ("<SkillsPassport xmlns='http://europass.cedefop.europa.eu/Europass'>", "not well-formed"),
        ("just text", "not well-formed XML (line 1, column 0)"),
        (
            '<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass"/>',
            "contains no CV data",
        ),
    ],
)
def test_wrong_schema_or_broken_xml(tmp_path: Path, xml: str, message: str) -> None:
    path = tmp_path / "cv.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(IntakeError) as info:
        read_candidates(path)
    assert info.value.where == "cv.xml"
    assert message in info.value.message
    assert "Europass" in info.value.hint


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass">&lol4;</SkillsPassport>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass">&secret;</SkillsPassport>
"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["bomb", "xxe"])
def test_xml_attacks_are_refused(tmp_path: Path, xml: str) -> None:
    path = tmp_path / "cv.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(IntakeError, match="refused for safety"):
        read_candidates(path)


def test_empty_xml(tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match="file is empty"):
        read(tmp_path, "   \n")


def test_deeply_nested_xml_is_an_error_not_a_crash() -> None:
    depth = 5000
    xml = (
        '<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass"><LearnerInfo>'
        + "<Headline>" * depth
        + "</Headline>" * depth
        + "</LearnerInfo></SkillsPassport>"
    )
    with contextlib.suppress(IntakeError):
        read_europass(xml.encode(), "x")


@settings(max_examples=80, deadline=2000)
@given(data=st.binary(max_size=1024))
def test_arbitrary_bytes_only_ever_raise_intake_error(data: bytes) -> None:
    with contextlib.suppress(IntakeError):
        read_europass(data, "x")


_ELEMENTS = st.sampled_from(
    [
        "LearnerInfo", "Identification", "PersonName", "FirstName", "WorkExperience",
        "Period", "From", "To", "Current", "Skills", "Driving", "Licence", "Linguistic",
        "ForeignLanguage", "ProficiencyLevel", "Description", "Label", "Birthdate",
    ]
)  # fmt: skip
_ATTRS = st.sampled_from(["", ' year="2019"', ' month="--13"', ' year="x" day="---31"'])


@st.composite
def v3_like(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        name, attrs = draw(_ELEMENTS), draw(_ATTRS)
        inner = draw(v3_like(depth + 1)) if draw(st.booleans()) else draw(st.text(max_size=8))
        inner = inner.replace("&", "&amp;").replace("<", "&lt;")
        parts.append(f"<{name}{attrs}>{inner}</{name}>")
    return "".join(parts)


@settings(max_examples=80, deadline=2000)
@given(body=v3_like())
def test_schema_shaped_nonsense_only_ever_raises_intake_error(body: str) -> None:
    xml = f'<SkillsPassport xmlns="http://europass.cedefop.europa.eu/Europass">{body}</SkillsPassport>'
    with contextlib.suppress(IntakeError):
        read_europass(xml.encode(), "x")


@pytest.mark.parametrize("xml", [V3, CANDIDATE], ids=["v3", "candidate"])
def test_drafts_survive_the_profile_round_trip(xml: str) -> None:
    """Exports and the admin socket carry drafts as profiles; nothing may get lost."""
    draft = read_europass(xml.encode(), "cv.xml")
    again = parse_profile(profile_to_json(draft), draft.where, draft.source)
    assert replace(again, original=draft.original, flags=draft.flags) == draft
