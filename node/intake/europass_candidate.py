"""Current Europass CV ("Candidate", namespace http://www.europass.eu/1.0).

The schema the Europass portal has exported since 2020, based on HR Open
Standards (HR-XML 3) with EURES extensions. Elements carry ``hr:``, ``oa:``
and ``eures:`` prefixes inconsistently between producers, so children are
matched by local name. Dates are ``FormattedDateTime`` values at year, month
or day precision.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from talentverbund.node.intake.common import indent, join_nonempty
from talentverbund.node.intake.europass_render import (
    HR_OPEN_DIMENSIONS,
    Extracted,
    doc_lang,
    language_line,
    language_name,
)
from talentverbund.node.intake.periods import Period, parse_partial
from talentverbund.node.intake.xmltree import kid, kids, leaf_texts, local, rich, text

NAMESPACE = "http://www.europass.eu/1.0"
ROOTS = ("Candidate",)

# Sections handled field by field below; everything else in CandidateProfile is
# read generically. References name other people and attachments hold
# base64 blobs, so both are skipped.
_HANDLED = frozenset(
    {
        "ID",
        "ExecutiveSummary",
        "EmploymentHistory",
        "EducationHistory",
        "Licenses",
        "Certifications",
        "PersonQualifications",
        "EmploymentReferences",
        "Attachment",
        "AttachmentReference",
    }
)
_PHONE_CHANNELS = frozenset({"telephone", "mobiletelephone", "fax", "phone", "mobile"})
_WEB_CHANNELS = frozenset({"web", "website", "instantmessage", "instantmessaging"})


def extract(root: Element) -> Extracted:
    profile = kid(root, "CandidateProfile")
    out = Extracted(lang=doc_lang(profile.get("languageCode", "") if profile is not None else ""))
    mother = _person(kid(root, "CandidatePerson"), out)
    summary = rich(profile, "ExecutiveSummary")
    out.section("summary", summary.split("\n") if summary else [])
    _employment(kid(profile, "EmploymentHistory"), out)
    _education(kid(profile, "EducationHistory"), out)
    _qualifications(kid(profile, "PersonQualifications"), mother, out)
    _certifications(kid(profile, "Certifications"), out)
    _licences(kid(profile, "Licenses"), out)
    _other_sections(profile, out)
    return out


def _person(person: Element | None, out: Extracted) -> list[str]:
    """Personal fields into ``out.personal``; returns the mother-tongue line for cv_text."""
    name = kid(person, "PersonName")
    given = [text(name, n) for n in ("GivenName", "PreferredGivenName", "MiddleName")]
    out.put("name", join_nonempty([*given[:1], given[2], text(name, "FamilyName")], " "))
    phones: list[str] = []
    web: list[str] = []
    for comm in kids(person, "Communication"):
        channel = text(comm, "ChannelCode").lower()
        if channel == "email":
            out.put("email", text(comm, "URI"))
        elif channel in _PHONE_CHANNELS:
            phones.append(_phone(comm))
        elif channel in _WEB_CHANNELS:
            web.append(text(comm, "URI"))
        if (address := kid(comm, "Address")) is not None:
            out.put("address", _address(address))
    out.put("phone", join_nonempty(phones, "; "))
    out.put("website", join_nonempty(web, "; "))
    out.put("nationality", join_nonempty([text(n) for n in kids(person, "NationalityCode")]))
    birth = text(person, "BirthDate")
    when = parse_partial(birth)
    if when is not None and when.day is not None:
        out.put("birth_date", when.first_day().isoformat())
    else:
        out.put("birth_date_text", birth)
    out.put("gender", text(person, "GenderCode"))
    out.put(
        "disability", join_nonempty([" ".join(leaf_texts(d)) for d in kids(person, "Disability")])
    )
    mother = [language_name(text(c), "", out.lang) for c in kids(person, "PrimaryLanguageCode")]
    return [f"{out.labels['mother']}: {join_nonempty(mother)}"] if join_nonempty(mother) else []


def _phone(comm: Element) -> str:
    dialing = text(comm, "CountryDialing").lstrip("+")
    number = text(comm, "DialNumber") or text(comm, "FormattedNumber")
    return join_nonempty([f"+{dialing}" if dialing else "", number], " ")


def _address(address: Element) -> str:
    lines = [text(line) for line in kids(address, "AddressLine")]
    place = join_nonempty([text(address, "PostalCode"), text(address, "CityName")], " ")
    return join_nonempty([*lines, place, text(address, "CountryCode").upper()])


def _date(el: Element | None) -> str:
    return text(el, "FormattedDateTime") or text(el, "DateText") or text(el)


def _period(el: Element | None, current_tag: str) -> Period | None:
    start = parse_partial(_date(kid(el, "StartDate")))
    if start is None:
        return None
    if text(el, current_tag).lower() == "true":
        return Period(start, None)
    end = parse_partial(_date(kid(el, "EndDate")))
    return Period(start, end or start)


def _employment(history: Element | None, out: Extracted) -> None:
    body: list[str] = []
    for employer in kids(history, "EmployerHistory"):
        organisation = text(employer, "OrganizationName")
        fallback = _period(kid(employer, "EmploymentPeriod"), "CurrentIndicator")
        positions = kids(employer, "PositionHistory")
        if not positions and fallback is not None:
            out.periods.append(fallback)
            body.append(_dated(fallback, organisation, out))
        for position in positions:
            period = _period(kid(position, "EmploymentPeriod"), "CurrentIndicator") or fallback
            if period is not None:
                out.periods.append(period)
            place = join_nonempty([text(position, "City"), text(position, "Country").upper()])
            head = join_nonempty([text(position, "PositionTitle"), organisation, place])
            body.append(_dated(period, head, out))
            body.extend(indent(rich(position, "Description")))
    out.section("work", [line for line in body if line])


def _education(history: Element | None, out: Extracted) -> None:
    body: list[str] = []
    for item in kids(history, "EducationOrganizationAttendance"):
        period = _period(kid(item, "AttendancePeriod"), "Ongoing")
        degree = kid(item, "EducationDegree")
        head = join_nonempty(
            [
                text(degree, "DegreeName"),
                text(item, "OrganizationName"),
                text(item, "EducationLevelCode"),
            ]
        )
        body.append(_dated(period, head, out))
        body.extend(indent(rich(degree, "OccupationalSkillsCovered")))
        body.extend(indent(rich(item, "Description")))
    out.section("education", [line for line in body if line])


def _qualifications(quals: Element | None, mother: list[str], out: Extracted) -> None:
    languages = list(mother)
    skills: list[str] = []
    for comp in kids(quals, "PersonCompetency"):
        code, name = text(comp, "CompetencyID"), text(comp, "CompetencyName")
        if text(comp, "TaxonomyID").lower() == "language":
            levels = {
                HR_OPEN_DIMENSIONS[dim]: text(d, "Score", "ScoreText")
                for d in kids(comp, "CompetencyDimension")
                if (dim := text(d, "CompetencyDimensionTypeCode")) in HR_OPEN_DIMENSIONS
            }
            languages.append(language_line(language_name(code, name, out.lang), levels, out.lang))
        elif name or code:
            skills.append(name or code)
    out.section("languages", languages)
    body = [line for line in rich(quals, "QualificationsSummary").split("\n") if line]
    if skills:
        body.append(", ".join(skills))
    out.section("skills", body)


def _certifications(certs: Element | None, out: Extracted) -> None:
    body = []
    for cert in kids(certs, "Certification"):
        authority = text(cert, "IssuingAuthority", "Name") or text(cert, "IssuingAuthority")
        body.append(join_nonempty([text(cert, "CertificationName"), authority]))
        body.extend(indent(rich(cert, "CertificationDescription") or rich(cert, "Description")))
    out.section("certifications", [line for line in body if line])


def _licences(licences: Element | None, out: Extracted) -> None:
    names = [
        text(lic, "LicenseTypeCode") or text(lic, "LicenseName")
        for lic in kids(licences, "License")
    ]
    out.licences.extend(n.upper() for n in names if n)
    if out.licences:
        out.section("driving", [", ".join(out.licences)])


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _other_sections(profile: Element | None, out: Extracted) -> None:
    """Projects, skills groups, hobbies, voluntary work ...: their words, under their own name."""
    for section in profile if profile is not None else []:
        name = local(section.tag)
        if not name or name in _HANDLED:
            continue
        items = [
            " – ".join(leaf_texts(item)) for item in section if local(item.tag) not in _HANDLED
        ]
        items = [i for i in items if i]
        if not items and section.text and section.text.strip():
            items = [" ".join(leaf_texts(section))]
        if items:
            out.lines.extend(["", _CAMEL.sub(" ", name).replace(" And ", " and "), *items])


def _dated(period: Period | None, head: str, out: Extracted) -> str:
    if period is None:
        return head
    label = period.label(out.labels["present"])
    return f"{label}: {head}" if head else label
