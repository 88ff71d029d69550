"""Europass CV v3 ("SkillsPassport", namespace http://europass.cedefop.europa.eu/Europass).

Written by the Europass online editor 2012-2020; many CVs in circulation
still use it. Dates are split into attributes (``year="2019" month="--03"
day="---01"``); descriptions are escaped HTML.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from talentverbund.node.intake.common import indent, join_nonempty
from talentverbund.node.intake.europass_render import (
    CEFR_DIMENSIONS,
    Extracted,
    doc_lang,
    language_line,
    language_name,
)
from talentverbund.node.intake.periods import PartialDate, Period, parse_partial
from talentverbund.node.intake.xmltree import below, kid, rich, text

NAMESPACE = "http://europass.cedefop.europa.eu/Europass"
ROOTS = ("SkillsPassport", "Europass")

_SKILL_SECTIONS = (
    ("Communication", "communication"),
    ("Organisational", "organisational"),
    ("JobRelated", "job_related"),
    ("Computer", "computer"),
    ("Other", "other"),
)


def extract(root: Element) -> Extracted:
    out = Extracted(lang=doc_lang(root.get("locale", "")))
    learner = kid(root, "LearnerInfo")
    identification = kid(learner, "Identification")
    _personal(identification, out)
    _headline(learner, out)
    _work(learner, out)
    _education(learner, out)
    _skills(kid(learner, "Skills"), out)
    _achievements(learner, out)
    return out


def _personal(ident: Element | None, out: Extracted) -> None:
    out.put(
        "name", join_nonempty([text(ident, "PersonName", n) for n in ("FirstName", "Surname")], " ")
    )
    contact = kid(ident, "ContactInfo")
    out.put("email", text(contact, "Email", "Contact"))
    out.put("phone", join_nonempty([text(t, "Contact") for t in below(contact, "Telephone")], "; "))
    address = kid(contact, "Address", "Contact")
    out.put(
        "address",
        join_nonempty(
            [
                text(address, "AddressLine"),
                join_nonempty([text(address, "PostalCode"), text(address, "Municipality")], " "),
                _label(kid(address, "Country")),
            ]
        ),
    )
    out.put("website", join_nonempty([text(w, "Contact") for w in below(contact, "Website")], "; "))
    messengers = [text(m, "Contact") for m in below(contact, "InstantMessaging")]
    out.put("instant_messaging", join_nonempty(messengers, "; "))
    demographics = kid(ident, "Demographics")
    _birthdate(kid(demographics, "Birthdate"), out)
    out.put("gender", _label(kid(demographics, "Gender")))
    nationalities = [_label(n) for n in below(demographics, "Nationality")]
    out.put("nationality", join_nonempty(nationalities))


def _birthdate(el: Element | None, out: Extracted) -> None:
    when = _attr_date(el)
    if when is None:
        return
    if when.day is not None:
        out.put("birth_date", when.first_day().isoformat())
    else:
        out.put("birth_date_text", when.label())


def _headline(learner: Element | None, out: Extracted) -> None:
    headline = kid(learner, "Headline")
    value = text(headline, "Description", "Label")
    if value:
        out.section("headline", [join_nonempty([text(headline, "Type", "Label"), value], ": ")])


def _work(learner: Element | None, out: Extracted) -> None:
    body: list[str] = []
    for item in below(kid(learner, "WorkExperienceList"), "WorkExperience"):
        period = _period(kid(item, "Period"))
        if period is not None:
            out.periods.append(period)
        employer = kid(item, "Employer")
        head = join_nonempty(
            [
                text(item, "Position", "Label"),
                text(employer, "Name"),
                text(employer, "Sector", "Label"),
            ]
        )
        body.append(_dated(period, head, out))
        body.extend(indent(rich(item, "Activities")))
    out.section("work", [line for line in body if line])


def _education(learner: Element | None, out: Extracted) -> None:
    body: list[str] = []
    for item in below(kid(learner, "EducationList"), "Education"):
        period = _period(kid(item, "Period"))
        head = join_nonempty(
            [
                text(item, "Title"),
                text(item, "Organisation", "Name"),
                _label(kid(item, "Level")),
                _label(kid(item, "Field")),
            ]
        )
        body.append(_dated(period, head, out))
        body.extend(indent(rich(item, "Activities")))
    out.section("education", [line for line in body if line])


def _skills(skills: Element | None, out: Extracted) -> None:
    linguistic = kid(skills, "Linguistic")
    mother = [_label(kid(m, "Description")) for m in below(linguistic, "MotherTongue")]
    languages: list[str] = []
    if join_nonempty(mother):
        languages.append(f"{out.labels['mother']}: {join_nonempty(mother)}")
    for foreign in below(linguistic, "ForeignLanguage"):
        languages.append(_foreign(foreign, out))
    out.section("languages", [line for line in languages if line])
    for element, key in _SKILL_SECTIONS:
        out.section(
            key, [line for line in rich(skills, element, "Description").split("\n") if line]
        )
    licences = [text(lic) for lic in below(kid(skills, "Driving"), "Licence")]
    out.licences.extend(lic.upper() for lic in licences if lic)
    if out.licences:
        out.section("driving", [", ".join(out.licences)])


def _foreign(foreign: Element, out: Extracted) -> str:
    description = kid(foreign, "Description")
    name = language_name(text(description, "Code"), text(description, "Label"), out.lang)
    level = kid(foreign, "ProficiencyLevel")
    levels = {dim: text(level, dim) for dim in CEFR_DIMENSIONS}
    line = language_line(name, levels, out.lang)
    certificates = [text(c, "Title") for c in below(foreign, "Certificate")]
    return join_nonempty([line, join_nonempty(certificates)], "; ")


def _achievements(learner: Element | None, out: Extracted) -> None:
    body: list[str] = []
    for item in below(kid(learner, "AchievementList"), "Achievement"):
        title = _label(kid(item, "Title"))
        description = rich(item, "Description")
        if title and description:
            body.append(f"{title}:")
            body.extend(indent(description))
        elif title or description:
            body.append(title or description)
    out.section("achievements", body)


def _label(el: Element | None) -> str:
    """Europass code/label pairs: the label is for humans, the code is the fallback."""
    return text(el, "Label") or text(el, "Code")


def _attr_date(el: Element | None) -> PartialDate | None:
    """``year="2019" month="--03" day="---01"`` -> PartialDate."""
    if el is None:
        return None
    year = el.get("year", "").strip()
    month = el.get("month", "").strip().lstrip("-")
    day = el.get("day", "").strip().lstrip("-")
    iso = year + (f"-{month}" if month else "") + (f"-{day}" if month and day else "")
    return parse_partial(iso) if year else None


def _period(el: Element | None) -> Period | None:
    start = _attr_date(kid(el, "From"))
    if start is None:
        return None
    current = text(el, "Current").lower() == "true"
    return Period(start, None if current else (_attr_date(kid(el, "To")) or start))


def _dated(period: Period | None, head: str, out: Extracted) -> str:
    if period is None:
        return head
    label = period.label(out.labels["present"])
    return f"{label}: {head}" if head else label
