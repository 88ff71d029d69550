"""Synthetic candidates: realistic German and English CVs as JSON Lines records.

Tests, benchmarks and the demo need many candidates without touching real
people. Each record is built from one ``random.Random`` per (seed, index), so a
run is reproducible and any single record can be rebuilt on its own.

Personal data lives in *slots* (name, address, birth date, nationality,
religion, ...). The CV is rendered from a slot-free ``CandidateCore`` plus the
slots, so a fairness test can swap exactly one slot (``swap_slot``) and get a
CV that differs only there: the matcher must then produce an identical vector.

The German job-title form ("Erzieher"/"Erzieherin") is a slot of its own,
``title_form``: it signals gender without being a personal field, which is
precisely the case a scrubber cannot simply delete.

Record schema (one JSON object per line, read back by the intake parser)::

    {"personal": {...}, "cv_text", "lang", "desired_regions", "available_from",
     "employment_types", "experience_years", "career_breaks", "qualifications",
     "licences", "meta": {"occupation_uri", "occupation_label", "skill_uris",
     "seed_index", "seed", "slots"}}

``meta`` is ground truth for tests and evaluation; ``meta.slots`` repeats the
slot values (synthetic personal data), so importers should drop ``meta`` or
treat it as personal data. Data: "ESCO, European Commission" (v1.1.1).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Final, NamedTuple, TypeVar

__all__ = [
    "LANGS",
    "OPTIONAL_SLOTS",
    "REFERENCE_MONTH",
    "REQUIRED_SLOTS",
    "SLOTS",
    "CandidateCore",
    "ascii_fold",
    "build_core",
    "format_birth_date",
    "generate_candidates",
    "iter_jsonl",
    "make_record",
    "render_cv",
    "slot_values",
    "slots_for",
    "swap_slot",
]

LANGS: Final = ("de", "en")
GERMAN_SHARE: Final = 0.7
# "Today" for synthetic careers. Fixed on purpose: output must never depend on the clock.
REFERENCE_MONTH: Final = (2025, 10)

REQUIRED_SLOTS: Final = ("name", "email", "phone", "address", "birth_date", "nationality")
OPTIONAL_SLOTS: Final = ("gender", "religion", "marital_status", "photo", "disability")
PERSONAL_KEYS: Final = (
    "name",
    "email",
    "phone",
    "address",
    "birth_date",
    "gender",
    "nationality",
    "religion",
    "marital_status",
    "photo",
    "disability",
)
SLOTS: Final = (*PERSONAL_KEYS, "title_form")
TITLE_FORMS: Final = ("masculine", "feminine")

_DATA_PACKAGE = "talentverbund.node.data"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# A CV line: plain text, or (masculine, feminine) variants chosen by the title_form slot.
Text = str | tuple[str, str]


# ---------------------------------------------------------------------------
# Reference data
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Skill:
    uri: str
    label_en: str
    alt_en: tuple[str, ...]
    label_de: str | None
    alt_de: tuple[str, ...]
    knowledge: bool


@dataclass(frozen=True, slots=True)
class _Occupation:
    uri: str
    field: str
    label_en: str
    title_de: tuple[str, str]  # masculine, feminine
    essential: tuple[_Skill, ...]
    optional: tuple[_Skill, ...]


@dataclass(frozen=True, slots=True)
class _Origin:
    name: str
    weight: float
    languages: tuple[tuple[str, str], ...]  # (de, en)
    nationalities: tuple[tuple[str, str], ...]
    female: tuple[str, ...]
    male: tuple[str, ...]
    unisex: tuple[str, ...]
    surnames: tuple[str, ...]
    surnames_female: tuple[str, ...]
    surnames_male: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Municipality:
    town: str
    postcodes: tuple[str, ...]
    kreis: str  # 5-digit AGS of the Kreis / kreisfreie Stadt
    land: str  # ISO 3166-2 suffix
    area_code: str  # without the leading 0
    authorities: tuple[str, ...]  # the town's own administration
    district: str | None  # the Landkreis administration, if the town is not kreisfrei


def _m(
    town: str,
    postcodes: str,
    kreis: str,
    land: str,
    area: str,
    authorities: str,
    district: str | None = None,
) -> _Municipality:
    names = authorities.split("; ")
    if land not in ("BE", "HH", "HB"):  # city states have no "Stadtverwaltung"
        names.append(f"Stadtverwaltung {town}")
    return _Municipality(town, tuple(postcodes.split()), kreis, land, area, tuple(names), district)


# Real postcodes, dialling codes and Kreis AGS; street names are generated.
MUNICIPALITIES: Final = (
    _m("Kiel", "24103 24105 24114 24116 24143", "01002", "SH", "431", "Landeshauptstadt Kiel"),
    _m("Flensburg", "24937 24939 24941", "01001", "SH", "461", "Stadt Flensburg"),
    _m("Lübeck", "23552 23554 23558 23562", "01003", "SH", "451", "Hansestadt Lübeck"),
    _m("Neumünster", "24534 24536", "01004", "SH", "4321", "Stadt Neumünster"),
    _m("Rendsburg", "24768", "01058", "SH", "4331", "Stadt Rendsburg",
       "Kreis Rendsburg-Eckernförde"),
    _m("Eckernförde", "24340", "01058", "SH", "4351", "Stadt Eckernförde",
       "Kreis Rendsburg-Eckernförde"),
    _m("Husum", "25813", "01054", "SH", "4841", "Stadt Husum", "Kreis Nordfriesland"),
    _m("Hamburg", "20095 20249 21073 22111 22767", "02000", "HH", "40",
       "Freie und Hansestadt Hamburg; Bezirksamt Altona; Bezirksamt Hamburg-Nord; "
       "Bezirksamt Wandsbek"),
    _m("Bremen", "28195 28203 28215", "04011", "HB", "421", "Freie Hansestadt Bremen"),
    _m("Bremerhaven", "27568 27570", "04012", "HB", "471", "Stadt Bremerhaven"),
    _m("Hannover", "30159 30161 30169", "03241", "NI", "511", "Landeshauptstadt Hannover",
       "Region Hannover"),
    _m("Braunschweig", "38100 38102", "03101", "NI", "531", "Stadt Braunschweig"),
    _m("Oldenburg", "26122 26123", "03403", "NI", "441", "Stadt Oldenburg"),
    _m("Osnabrück", "49074 49076", "03404", "NI", "541", "Stadt Osnabrück"),
    _m("Göttingen", "37073 37075", "03159", "NI", "551", "Stadt Göttingen", "Landkreis Göttingen"),
    _m("Lüneburg", "21335 21337", "03355", "NI", "4131", "Hansestadt Lüneburg",
       "Landkreis Lüneburg"),
    _m("Köln", "50667 50674 50823", "05315", "NW", "221", "Stadt Köln"),
    _m("Düsseldorf", "40210 40213 40477", "05111", "NW", "211", "Landeshauptstadt Düsseldorf"),
    _m("Dortmund", "44135 44137", "05913", "NW", "231", "Stadt Dortmund"),
    _m("Münster", "48143 48145", "05515", "NW", "251", "Stadt Münster"),
    _m("Bielefeld", "33602 33604", "05711", "NW", "521", "Stadt Bielefeld"),
    _m("Essen", "45127 45130", "05113", "NW", "201", "Stadt Essen"),
    _m("Frankfurt am Main", "60311 60313 60486", "06412", "HE", "69", "Stadt Frankfurt am Main"),
    _m("Kassel", "34117 34119", "06611", "HE", "561", "Stadt Kassel"),
    _m("Wiesbaden", "65183 65185", "06414", "HE", "611", "Landeshauptstadt Wiesbaden"),
    _m("Darmstadt", "64283 64285", "06411", "HE", "6151", "Wissenschaftsstadt Darmstadt"),
    _m("Mainz", "55116 55118", "07315", "RP", "6131", "Landeshauptstadt Mainz"),
    _m("Trier", "54290 54292", "07211", "RP", "651", "Stadt Trier"),
    _m("Saarbrücken", "66111 66113", "10041", "SL", "681", "Landeshauptstadt Saarbrücken",
       "Regionalverband Saarbrücken"),
    _m("Stuttgart", "70173 70176 70182", "08111", "BW", "711", "Landeshauptstadt Stuttgart"),
    _m("Karlsruhe", "76133 76135", "08212", "BW", "721", "Stadt Karlsruhe"),
    _m("Freiburg im Breisgau", "79098 79102", "08311", "BW", "761", "Stadt Freiburg im Breisgau"),
    _m("Mannheim", "68159 68161", "08222", "BW", "621", "Stadt Mannheim"),
    _m("Ludwigsburg", "71634 71636", "08118", "BW", "7141", "Stadt Ludwigsburg",
       "Landratsamt Ludwigsburg"),
    _m("München", "80331 80333 81539", "09162", "BY", "89", "Landeshauptstadt München"),
    _m("Nürnberg", "90402 90403", "09564", "BY", "911", "Stadt Nürnberg"),
    _m("Augsburg", "86150 86152", "09761", "BY", "821", "Stadt Augsburg"),
    _m("Regensburg", "93047 93053", "09362", "BY", "941", "Stadt Regensburg"),
    _m("Würzburg", "97070 97072", "09663", "BY", "931", "Stadt Würzburg"),
    _m("Freising", "85354 85356", "09178", "BY", "8161", "Stadt Freising", "Landratsamt Freising"),
    _m("Berlin", "10115 10117 10243 12043 13347", "11000", "BE", "30",
       "Bezirksamt Mitte von Berlin; Bezirksamt Friedrichshain-Kreuzberg; "
       "Bezirksamt Neukölln; Senatsverwaltung für Finanzen Berlin"),
    _m("Potsdam", "14467 14469 14482", "12054", "BB", "331", "Landeshauptstadt Potsdam"),
    _m("Cottbus", "03044 03046", "12052", "BB", "355", "Stadt Cottbus"),
    _m("Rostock", "18055 18057 18069", "13003", "MV", "381",
       "Hanse- und Universitätsstadt Rostock"),
    _m("Schwerin", "19053 19055", "13004", "MV", "385", "Landeshauptstadt Schwerin"),
    _m("Greifswald", "17489 17491", "13075", "MV", "3834",
       "Universitäts- und Hansestadt Greifswald", "Landkreis Vorpommern-Greifswald"),
    _m("Leipzig", "04103 04109 04275", "14713", "SN", "341", "Stadt Leipzig"),
    _m("Dresden", "01067 01069 01099", "14612", "SN", "351", "Landeshauptstadt Dresden"),
    _m("Chemnitz", "09111 09112", "14511", "SN", "371", "Stadt Chemnitz"),
    _m("Pirna", "01796", "14628", "SN", "3501", "Stadt Pirna",
       "Landratsamt Sächsische Schweiz-Osterzgebirge"),
    _m("Magdeburg", "39104 39108", "15003", "ST", "391", "Landeshauptstadt Magdeburg"),
    _m("Halle (Saale)", "06108 06110", "15002", "ST", "345", "Stadt Halle (Saale)"),
    _m("Erfurt", "99084 99089", "16051", "TH", "361", "Landeshauptstadt Erfurt"),
    _m("Jena", "07743 07745", "16053", "TH", "3641", "Stadt Jena"),
)  # fmt: skip

_BY_LAND: Final = {
    land: tuple(m for m in MUNICIPALITIES if m.land == land)
    for land in dict.fromkeys(m.land for m in MUNICIPALITIES)
}

LAND_NAMES: Final = {
    "SH": ("Schleswig-Holstein", "Schleswig-Holstein"),
    "HH": ("Hamburg", "Hamburg"),
    "HB": ("Bremen", "Bremen"),
    "NI": ("Niedersachsen", "Lower Saxony"),
    "NW": ("Nordrhein-Westfalen", "North Rhine-Westphalia"),
    "HE": ("Hessen", "Hesse"),
    "RP": ("Rheinland-Pfalz", "Rhineland-Palatinate"),
    "SL": ("dem Saarland", "Saarland"),
    "BW": ("Baden-Württemberg", "Baden-Württemberg"),
    "BY": ("Bayern", "Bavaria"),
    "BE": ("Berlin", "Berlin"),
    "BB": ("Brandenburg", "Brandenburg"),
    "MV": ("Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania"),
    "SN": ("Sachsen", "Saxony"),
    "ST": ("Sachsen-Anhalt", "Saxony-Anhalt"),
    "TH": ("Thüringen", "Thuringia"),
}
NEIGHBOURS: Final = {
    "SH": ("HH", "NI", "MV"),
    "HH": ("SH", "NI"),
    "HB": ("NI",),
    "NI": ("HB", "HH", "SH", "MV", "BB", "ST", "TH", "HE", "NW"),
    "NW": ("NI", "HE", "RP"),
    "HE": ("NW", "NI", "TH", "BY", "BW", "RP"),
    "RP": ("NW", "HE", "BW", "SL"),
    "SL": ("RP",),
    "BW": ("RP", "HE", "BY"),
    "BY": ("BW", "HE", "TH", "SN"),
    "BE": ("BB",),
    "BB": ("BE", "MV", "NI", "ST", "SN"),
    "MV": ("SH", "NI", "BB"),
    "SN": ("BB", "ST", "TH", "BY"),
    "ST": ("NI", "BB", "SN", "TH"),
    "TH": ("HE", "NI", "ST", "SN", "BY"),
}

_STREET_BASES: Final = (
    "Linden", "Birken", "Eichen", "Ahorn", "Buchen", "Kastanien", "Rosen", "Tulpen", "Garten",
    "Schul", "Kirch", "Mühlen", "Bahnhof", "Feld", "Wiesen", "Berg", "Wald", "Sonnen", "Hafen",
    "Brunnen", "Blumen", "Holunder", "Erlen", "Weiden", "Fichten", "Tannen", "Amsel", "Drossel",
    "Lerchen", "Finken", "Schwalben", "Möwen", "Dünen", "Deich", "Kornblumen",
)  # fmt: skip
_STREET_SUFFIXES: Final = ("straße", "straße", "weg", "weg", "allee", "ring", "stieg", "pfad")
_STREET_PHRASES: Final = (
    "Am Mühlenteich", "Am Kirchberg", "An der Alten Schule", "Im Winkel", "Zum Sportplatz",
    "Hinter den Höfen", "Am Stadtpark", "Auf dem Kamp", "Im Grund", "An den Eichen",
)  # fmt: skip
_MOBILE_PREFIXES: Final = (
    "151", "152", "157", "159", "160", "162", "170", "171", "172", "173", "175", "176", "177",
    "178", "179",
)  # fmt: skip
_MAIL_DOMAINS: Final = (
    "web.de", "gmx.de", "gmx.net", "t-online.de", "posteo.de", "mailbox.org", "outlook.de",
    "gmail.com", "icloud.com", "freenet.de", "yahoo.de",
)  # fmt: skip

# Protected-attribute slot values, German and English. Only used for synthetic CVs.
GENDERS: Final = {"de": ("weiblich", "männlich", "divers"), "en": ("female", "male", "diverse")}
RELIGIONS: Final = {
    "de": ("römisch-katholisch", "evangelisch", "evangelisch-lutherisch", "muslimisch",
           "alevitisch", "jüdisch", "griechisch-orthodox", "russisch-orthodox", "buddhistisch",
           "konfessionslos"),
    "en": ("Roman Catholic", "Protestant", "Lutheran", "Muslim", "Alevi", "Jewish",
           "Greek Orthodox", "Russian Orthodox", "Buddhist", "none"),
}  # fmt: skip
MARITAL: Final = {
    "de": ("ledig", "verheiratet", "verheiratet, 2 Kinder", "verheiratet, 1 Kind",
           "geschieden, 1 Kind", "verwitwet", "in eingetragener Lebenspartnerschaft",
           "alleinerziehend, 2 Kinder"),
    "en": ("single", "married", "married, two children", "married, one child",
           "divorced, one child", "widowed", "in a registered civil partnership",
           "single parent, two children"),
}  # fmt: skip
PHOTO: Final = {
    "de": ("siehe Anlage", "Bewerbungsfoto anbei"),
    "en": ("attached", "see attachment"),
}
DISABILITY: Final = {
    "de": ("Schwerbehindert (GdB 50)", "Schwerbehindert (GdB 60), Merkzeichen G",
           "Gleichgestellt (GdB 30)", "Schwerbehinderung: GdB 80"),
    "en": ("Severely disabled (degree of disability 50)",
           "Severely disabled (degree of disability 60)",
           "Disability with equal status (degree of disability 30)",
           "Registered severe disability (GdB 80)"),
}  # fmt: skip

_MONTHS: Final = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


@lru_cache(maxsize=1)
def _occupations() -> tuple[_Occupation, ...]:
    raw = json.loads(
        resources.files(_DATA_PACKAGE).joinpath("synth_occupations.json").read_text("utf-8")
    )
    skills: dict[str, _Skill] = {}
    for uri, entry in raw["skills"].items():
        skills[uri] = _Skill(
            uri=uri,
            label_en=entry["label_en"],
            alt_en=tuple(entry["alt_en"]),
            label_de=entry.get("label_de"),
            alt_de=tuple(entry.get("alt_de", ())),
            knowledge=entry["type"] == "knowledge",
        )
    return tuple(
        _Occupation(
            uri=occ["uri"],
            field=occ["field"],
            label_en=occ["label_en"],
            title_de=(occ["label_de"]["masculine"], occ["label_de"]["feminine"]),
            essential=tuple(skills[u] for u in occ["essential"]),
            optional=tuple(skills[u] for u in occ["optional"]),
        )
        for occ in raw["occupations"]
    )


@lru_cache(maxsize=1)
def _origins() -> tuple[tuple[_Origin, ...], tuple[float, ...]]:
    raw = json.loads(
        resources.files(_DATA_PACKAGE).joinpath("synth_names.json").read_text("utf-8")
    )
    origins = []
    for name, entry in sorted(raw["origins"].items()):
        first = entry["first_names"]
        origins.append(
            _Origin(
                name=name,
                weight=float(entry["weight"]),
                languages=tuple((x["de"], x["en"]) for x in entry["languages"]),
                nationalities=tuple((x["de"], x["en"]) for x in entry["nationalities"]),
                female=tuple(first["female"]),
                male=tuple(first["male"]),
                unisex=tuple(first["unisex"]),
                surnames=tuple(entry["surnames"]),
                surnames_female=tuple(entry.get("surnames_female", ())),
                surnames_male=tuple(entry.get("surnames_male", ())),
            )
        )
    return tuple(origins), tuple(o.weight for o in origins)


# ---------------------------------------------------------------------------
# Field-specific career material
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Education:
    canonical: str  # gender-neutral, goes into the structured qualifications
    de: tuple[str, str]
    en: str
    kind: str  # ausbildung | fachschule | bachelor | master | staatsexamen
    institution: str  # key into _INSTITUTIONS
    years: int


def _e(canonical: str, de_m: str, de_f: str | None, en: str, kind: str, inst: str, years: int
       ) -> _Education:  # fmt: skip
    return _Education(canonical, (de_m, de_f or de_m), en, kind, inst, years)


_INSTITUTIONS: Final = {
    "uni": ("Universität Hamburg", "Christian-Albrechts-Universität zu Kiel",
            "Universität Leipzig", "Freie Universität Berlin", "Universität zu Köln",
            "Ludwig-Maximilians-Universität München",
            "Universität Münster", "Georg-August-Universität Göttingen", "Universität Bremen",
            "Universität Rostock", "Goethe-Universität Frankfurt am Main", "Universität Potsdam"),
    "tu": ("Technische Universität München", "RWTH Aachen", "Technische Universität Berlin",
           "Karlsruher Institut für Technologie", "Technische Universität Dresden",
           "Leibniz Universität Hannover", "Technische Universität Braunschweig"),
    "fh": ("Fachhochschule Kiel", "Hochschule Bremen", "HAW Hamburg", "Hochschule Hannover",
           "Fachhochschule Dortmund", "Hochschule München", "Hochschule Magdeburg-Stendal",
           "Hochschule Neubrandenburg", "Frankfurt University of Applied Sciences",
           "Hochschule Esslingen", "Fachhochschule Erfurt"),
    "admin": ("Hochschule für Verwaltung und Dienstleistung Altenholz",
              "Hochschule für Polizei und öffentliche Verwaltung Nordrhein-Westfalen",
              "Hochschule für öffentliche Verwaltung Kehl",
              "Hochschule für den öffentlichen Dienst in Bayern",
              "Hochschule für Wirtschaft und Recht Berlin",
              "Kommunale Hochschule für Verwaltung in Niedersachsen",
              "Hochschule Harz", "Hochschule Meißen (FH) und Fortbildungszentrum"),
    "vocational": ("Berufsschule {town}", "Berufsbildungszentrum {town}",
                   "Regionales Berufsbildungszentrum {town}", "Berufskolleg {town}"),
    "social": ("Fachschule für Sozialpädagogik {town}",
               "Evangelische Fachschule für Sozialpädagogik {town}",
               "Berufsfachschule für Sozialwesen {town}"),
    "nursing": ("Pflegeschule am Klinikum {town}", "Bildungszentrum für Pflegeberufe {town}",
                "Akademie für Gesundheitsberufe {town}"),
    "fire": ("Landesfeuerwehrschule", "Institut der Feuerwehr", "Feuerwehrakademie {town}",
             "Rettungsdienstschule {town}"),
    "admin_school": ("Verwaltungsschule {town}", "Studieninstitut für kommunale Verwaltung {town}",
                     "Verwaltungsakademie {town}"),
    "state": ("Landesjustizprüfungsamt", "Oberlandesgericht (Referendariat)",
              "Studienseminar {town}", "Landesinstitut für Lehrerbildung {town}"),
}  # fmt: skip

_EDUCATION: Final[dict[str, tuple[_Education, ...]]] = {
    "administration": (
        _e("Ausbildung Verwaltungsfachangestellte/r", "Ausbildung zum Verwaltungsfachangestellten",
           "Ausbildung zur Verwaltungsfachangestellten",
           "Apprenticeship as administrative clerk (Verwaltungsfachangestellte/r)",
           "ausbildung", "admin_school", 3),
        _e("Bachelor of Arts Allgemeine Verwaltung", "Bachelor of Arts Allgemeine Verwaltung", None,
           "Bachelor of Arts in Public Administration", "bachelor", "admin", 3),
        _e("Bachelor Public Management", "Studium Public Management (B.A.)", None,
           "B.A. Public Management", "bachelor", "admin", 3),
        _e("Diplom-Verwaltungswirt/in (FH)", "Diplom-Verwaltungswirt (FH)",
           "Diplom-Verwaltungswirtin (FH)", "Diploma in Public Administration (FH)",
           "bachelor", "admin", 3),
        _e("Master of Public Administration", "Master of Public Administration (MPA)", None,
           "Master of Public Administration (MPA)", "master", "uni", 2),
    ),
    "it": (
        _e("Ausbildung Fachinformatiker/in Systemintegration",
           "Ausbildung zum Fachinformatiker für Systemintegration",
           "Ausbildung zur Fachinformatikerin für Systemintegration",
           "Apprenticeship as IT specialist for system integration", "ausbildung", "vocational", 3),
        _e("Ausbildung Fachinformatiker/in Anwendungsentwicklung",
           "Ausbildung zum Fachinformatiker für Anwendungsentwicklung",
           "Ausbildung zur Fachinformatikerin für Anwendungsentwicklung",
           "Apprenticeship as IT specialist for application development", "ausbildung",
           "vocational", 3),
        _e("B.Sc. Informatik", "Studium der Informatik (B.Sc.)", None,
           "B.Sc. Computer Science", "bachelor", "tu", 3),
        _e("M.Sc. Wirtschaftsinformatik", "Studium der Wirtschaftsinformatik (M.Sc.)", None,
           "M.Sc. Business Informatics", "master", "uni", 2),
        _e("B.Sc. Verwaltungsinformatik", "Studium der Verwaltungsinformatik (B.Sc.)", None,
           "B.Sc. Public Sector Informatics", "bachelor", "admin", 3),
    ),
    "civil_engineering": (
        _e("B.Eng. Bauingenieurwesen", "Studium des Bauingenieurwesens (B.Eng.)", None,
           "B.Eng. Civil Engineering", "bachelor", "fh", 4),
        _e("M.Sc. Bauingenieurwesen", "Studium des Bauingenieurwesens (M.Sc.)", None,
           "M.Sc. Civil Engineering", "master", "tu", 2),
        _e("M.A. Architektur", "Studium der Architektur (M.A.)", None,
           "M.A. Architecture", "master", "tu", 2),
        _e("Staatlich geprüfte/r Bautechniker/in",
           "Weiterbildung zum staatlich geprüften Bautechniker",
           "Weiterbildung zur staatlich geprüften Bautechnikerin",
           "State-certified construction technician", "fachschule", "vocational", 2),
        _e("Ausbildung Bauzeichner/in", "Ausbildung zum Bauzeichner",
           "Ausbildung zur Bauzeichnerin",
           "Apprenticeship as construction draughtsperson", "ausbildung", "vocational", 3),
    ),
    "urban_planning": (
        _e("B.Sc. Raumplanung", "Studium der Raumplanung (B.Sc.)", None,
           "B.Sc. Spatial Planning", "bachelor", "tu", 3),
        _e("M.Sc. Stadtplanung", "Studium der Stadtplanung (M.Sc.)", None,
           "M.Sc. Urban Planning", "master", "tu", 2),
        _e("M.A. Landschaftsarchitektur", "Studium der Landschaftsarchitektur (M.A.)", None,
           "M.A. Landscape Architecture", "master", "fh", 2),
        _e("B.Sc. Verkehrsingenieurwesen", "Studium des Verkehrsingenieurwesens (B.Sc.)", None,
           "B.Sc. Transport Engineering", "bachelor", "tu", 3),
    ),
    "surveying": (
        _e("B.Eng. Vermessung und Geoinformatik", "Studium Vermessung und Geoinformatik (B.Eng.)",
           None, "B.Eng. Surveying and Geoinformatics", "bachelor", "fh", 3),
        _e("M.Sc. Geodäsie und Geoinformatik", "Studium der Geodäsie und Geoinformatik (M.Sc.)",
           None, "M.Sc. Geodesy and Geoinformatics", "master", "tu", 2),
        _e("Ausbildung Vermessungstechniker/in", "Ausbildung zum Vermessungstechniker",
           "Ausbildung zur Vermessungstechnikerin", "Apprenticeship as surveying technician",
           "ausbildung", "vocational", 3),
    ),
    "social_work": (
        _e("B.A. Soziale Arbeit", "Studium der Sozialen Arbeit (B.A.)", None,
           "B.A. Social Work", "bachelor", "fh", 3),
        _e("M.A. Soziale Arbeit", "Studium der Sozialen Arbeit (M.A.)", None,
           "M.A. Social Work", "master", "fh", 2),
        _e("B.A. Sozialpädagogik", "Studium der Sozialpädagogik (B.A.)", None,
           "B.A. Social Pedagogy", "bachelor", "uni", 3),
        _e("Ausbildung Heilerziehungspfleger/in", "Ausbildung zum Heilerziehungspfleger",
           "Ausbildung zur Heilerziehungspflegerin", "Training as curative education nurse",
           "fachschule", "social", 3),
    ),
    "early_childhood": (
        _e("Ausbildung staatlich anerkannte/r Erzieher/in",
           "Ausbildung zum staatlich anerkannten Erzieher",
           "Ausbildung zur staatlich anerkannten Erzieherin",
           "Training as state-certified early years educator (Erzieher/in)", "fachschule",
           "social", 3),
        _e("Ausbildung Sozialpädagogische/r Assistent/in",
           "Ausbildung zum Sozialpädagogischen Assistenten",
           "Ausbildung zur Sozialpädagogischen Assistentin",
           "Training as social pedagogical assistant", "ausbildung", "social", 2),
        _e("B.A. Kindheitspädagogik", "Studium der Kindheitspädagogik (B.A.)", None,
           "B.A. Early Childhood Education", "bachelor", "fh", 3),
    ),
    "health": (
        _e("Ausbildung Gesundheits- und Krankenpfleger/in",
           "Ausbildung zum Gesundheits- und Krankenpfleger",
           "Ausbildung zur Gesundheits- und Krankenpflegerin",
           "Nursing training (Gesundheits- und Krankenpflege)", "ausbildung", "nursing", 3),
        _e("Ausbildung Pflegefachfrau/Pflegefachmann", "Ausbildung zum Pflegefachmann",
           "Ausbildung zur Pflegefachfrau", "Training as registered nurse (Pflegefachfrau/-mann)",
           "ausbildung", "nursing", 3),
        _e("B.Sc. Pflege", "Studium Pflege (B.Sc.)", None, "B.Sc. Nursing", "bachelor", "fh", 3),
        _e("B.Sc. Lebensmittelchemie", "Studium der Lebensmittelchemie (B.Sc.)", None,
           "B.Sc. Food Chemistry", "bachelor", "uni", 3),
    ),
    "fire_rescue": (
        _e("Ausbildung Notfallsanitäter/in", "Ausbildung zum Notfallsanitäter",
           "Ausbildung zur Notfallsanitäterin", "Paramedic training (Notfallsanitäter/in)",
           "ausbildung", "fire", 3),
        _e("Laufbahnausbildung Brandmeister/in",
           "Laufbahnausbildung zum Brandmeister (mittlerer feuerwehrtechnischer Dienst)",
           "Laufbahnausbildung zur Brandmeisterin (mittlerer feuerwehrtechnischer Dienst)",
           "Fire service career training (Brandmeister/in)", "ausbildung", "fire", 2),
        _e("B.Eng. Rettungsingenieurwesen", "Studium Rettungsingenieurwesen (B.Eng.)", None,
           "B.Eng. Rescue Engineering", "bachelor", "fh", 4),
        _e("Ausbildung Elektroniker/in",
           "Ausbildung zum Elektroniker für Energie- und Gebäudetechnik",
           "Ausbildung zur Elektronikerin für Energie- und Gebäudetechnik",
           "Apprenticeship as electronics technician", "ausbildung", "vocational", 3),
    ),
    "public_order": (
        _e("Ausbildung Verwaltungsfachangestellte/r", "Ausbildung zum Verwaltungsfachangestellten",
           "Ausbildung zur Verwaltungsfachangestellten",
           "Apprenticeship as administrative clerk (Verwaltungsfachangestellte/r)", "ausbildung",
           "admin_school", 3),
        _e("Ausbildung Justizfachangestellte/r", "Ausbildung zum Justizfachangestellten",
           "Ausbildung zur Justizfachangestellten", "Apprenticeship as court clerk",
           "ausbildung", "admin_school", 3),
        _e("Diplom-Rechtspfleger/in (FH)", "Studium zum Diplom-Rechtspfleger (FH)",
           "Studium zur Diplom-Rechtspflegerin (FH)", "Diploma in judicial administration (FH)",
           "bachelor", "admin", 3),
    ),
    "finance_tax": (
        _e("Ausbildung Finanzwirt/in", "Ausbildung zum Finanzwirt", "Ausbildung zur Finanzwirtin",
           "Tax administration training (Finanzwirt/in)", "ausbildung", "admin_school", 2),
        _e("Diplom-Finanzwirt/in (FH)", "Studium zum Diplom-Finanzwirt (FH)",
           "Studium zur Diplom-Finanzwirtin (FH)", "Diploma in Tax Administration (FH)",
           "bachelor", "admin", 3),
        _e("B.A. Betriebswirtschaftslehre", "Studium der Betriebswirtschaftslehre (B.A.)", None,
           "B.A. Business Administration", "bachelor", "fh", 3),
        _e("M.Sc. Accounting und Controlling", "Studium Accounting und Controlling (M.Sc.)", None,
           "M.Sc. Accounting and Controlling", "master", "uni", 2),
        _e("Ausbildung Steuerfachangestellte/r", "Ausbildung zum Steuerfachangestellten",
           "Ausbildung zur Steuerfachangestellten", "Apprenticeship as tax clerk",
           "ausbildung", "vocational", 3),
    ),
    "hr": (
        _e("B.A. Personalmanagement", "Studium Personalmanagement (B.A.)", None,
           "B.A. Human Resource Management", "bachelor", "fh", 3),
        _e("B.A. Betriebswirtschaftslehre", "Studium der Betriebswirtschaftslehre (B.A.)", None,
           "B.A. Business Administration", "bachelor", "fh", 3),
        _e("Ausbildung Kaufmann/Kauffrau für Büromanagement",
           "Ausbildung zum Kaufmann für Büromanagement",
           "Ausbildung zur Kauffrau für Büromanagement",
           "Apprenticeship in office management", "ausbildung", "vocational", 3),
    ),
    "legal": (
        _e("Erste juristische Prüfung",
           "Studium der Rechtswissenschaften, Erste juristische Prüfung", None,
           "Law degree (First State Examination)", "staatsexamen", "uni", 5),
        _e("LL.B. Wirtschaftsrecht", "Studium Wirtschaftsrecht (LL.B.)", None,
           "LL.B. Business Law", "bachelor", "fh", 3),
        _e("Ausbildung Rechtsanwaltsfachangestellte/r",
           "Ausbildung zum Rechtsanwaltsfachangestellten",
           "Ausbildung zur Rechtsanwaltsfachangestellten", "Apprenticeship as paralegal",
           "ausbildung", "vocational", 3),
    ),
    "facility": (
        _e("Ausbildung Elektroniker/in Energie- und Gebäudetechnik",
           "Ausbildung zum Elektroniker für Energie- und Gebäudetechnik",
           "Ausbildung zur Elektronikerin für Energie- und Gebäudetechnik",
           "Apprenticeship as electronics technician for energy and building services",
           "ausbildung", "vocational", 3),
        _e("Ausbildung Gärtner/in Garten- und Landschaftsbau",
           "Ausbildung zum Gärtner, Fachrichtung Garten- und Landschaftsbau",
           "Ausbildung zur Gärtnerin, Fachrichtung Garten- und Landschaftsbau",
           "Apprenticeship as landscape gardener", "ausbildung", "vocational", 3),
        _e("B.Eng. Facility Management", "Studium Facility Management (B.Eng.)", None,
           "B.Eng. Facility Management", "bachelor", "fh", 3),
        _e("Ausbildung Anlagenmechaniker/in SHK", "Ausbildung zum Anlagenmechaniker SHK",
           "Ausbildung zur Anlagenmechanikerin SHK",
           "Apprenticeship as plumbing and heating technician", "ausbildung", "vocational", 3),
    ),
    "library": (
        _e("Ausbildung Fachangestellte/r für Medien- und Informationsdienste",
           "Ausbildung zum Fachangestellten für Medien- und Informationsdienste",
           "Ausbildung zur Fachangestellten für Medien- und Informationsdienste",
           "Apprenticeship as media and information services assistant", "ausbildung",
           "vocational", 3),
        _e("B.A. Bibliotheks- und Informationswissenschaft",
           "Studium Bibliotheks- und Informationswissenschaft (B.A.)", None,
           "B.A. Library and Information Science", "bachelor", "fh", 3),
        _e("M.A. Archivwissenschaft", "Studium der Archivwissenschaft (M.A.)", None,
           "M.A. Archival Science", "master", "fh", 2),
        _e("M.A. Geschichte", "Studium der Geschichte (M.A.)", None, "M.A. History", "master",
           "uni", 2),
    ),
    "environment": (
        _e("B.Sc. Umweltwissenschaften", "Studium der Umweltwissenschaften (B.Sc.)", None,
           "B.Sc. Environmental Science", "bachelor", "uni", 3),
        _e("M.Sc. Umweltingenieurwesen", "Studium des Umweltingenieurwesens (M.Sc.)", None,
           "M.Sc. Environmental Engineering", "master", "tu", 2),
        _e("B.Sc. Forstwirtschaft", "Studium der Forstwirtschaft (B.Sc.)", None,
           "B.Sc. Forestry", "bachelor", "fh", 3),
        _e("Ausbildung Forstwirt/in", "Ausbildung zum Forstwirt", "Ausbildung zur Forstwirtin",
           "Apprenticeship as forestry worker", "ausbildung", "vocational", 3),
        _e("Ausbildung Fachkraft für Kreislauf- und Abfallwirtschaft",
           "Ausbildung zur Fachkraft für Kreislauf- und Abfallwirtschaft", None,
           "Apprenticeship in recycling and waste management", "ausbildung", "vocational", 3),
    ),
    "teaching": (
        _e("Erstes Staatsexamen Lehramt an Grundschulen",
           "Lehramtsstudium Grundschule, Erstes Staatsexamen", None,
           "Primary teacher training (First State Examination)", "staatsexamen", "uni", 4),
        _e("Master of Education Gymnasium", "Lehramtsstudium Gymnasium (Master of Education)", None,
           "Master of Education (secondary schools)", "master", "uni", 5),
        _e("M.A. Sonderpädagogik", "Studium der Sonderpädagogik (M.A.)", None,
           "M.A. Special Needs Education", "master", "uni", 5),
        _e("Master of Education berufsbildende Schulen",
           "Lehramtsstudium berufsbildende Schulen (Master of Education)", None,
           "Master of Education (vocational schools)", "master", "uni", 5),
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Qualification:
    canonical: str
    de: tuple[str, str]
    en: str
    probability: float


def _q(canonical: str, de_m: str | None, de_f: str | None, en: str, p: float) -> _Qualification:
    de_m = de_m or canonical
    return _Qualification(canonical, (de_m, de_f or de_m), en, p)


_QUALIFICATIONS: Final[dict[str, tuple[_Qualification, ...]]] = {
    "administration": (
        _q("Laufbahnbefähigung für den gehobenen nichttechnischen Verwaltungsdienst", None, None,
           "Career qualification for the higher intermediate administrative service "
           "(gehobener nichttechnischer Verwaltungsdienst)", 0.35),
        _q("Verwaltungslehrgang II", "Angestelltenlehrgang II (Verwaltungslehrgang II)", None,
           "Administrative course II (Angestelltenlehrgang II)", 0.25),
        _q("Verwaltungsfachwirt/in", "geprüfter Verwaltungsfachwirt",
           "geprüfte Verwaltungsfachwirtin", "Certified public administration specialist "
           "(Verwaltungsfachwirt/in)", 0.15),
        _q("Ausbildereignung (AEVO)", "Ausbildereignungsprüfung (AEVO)", None,
           "Trainer aptitude certificate (AEVO)", 0.15),
    ),
    "it": (
        _q("ITIL 4 Foundation", None, None, "ITIL 4 Foundation", 0.3),
        _q("Cisco CCNA", None, None, "Cisco CCNA", 0.2),
        _q("BSI IT-Grundschutz-Praktiker/in", "BSI IT-Grundschutz-Praktiker",
           "BSI IT-Grundschutz-Praktikerin", "BSI IT baseline protection practitioner", 0.2),
        _q("Professional Scrum Master I", None, None, "Professional Scrum Master I", 0.15),
        _q("LPIC-1", "Linux Professional Institute LPIC-1", None, "LPIC-1 Linux certification",
           0.15),
    ),
    "civil_engineering": (
        _q("Bauvorlageberechtigung", None, None, "Authorisation to submit building plans", 0.3),
        _q("SiGeKo nach RAB 30", "Sicherheits- und Gesundheitsschutzkoordinator (RAB 30)",
           "Sicherheits- und Gesundheitsschutzkoordinatorin (RAB 30)",
           "Health and safety coordinator for construction sites (RAB 30)", 0.2),
        _q("Fachkunde Vergaberecht (VOB/A)", None, None,
           "Public procurement law for construction (VOB/A)", 0.2),
    ),
    "urban_planning": (
        _q("Zweite Staatsprüfung Städtebau", "Bauassessor (Städtebau)", "Bauassessorin (Städtebau)",
           "Second state examination in urban planning (Bauassessor/in)", 0.25),
        _q("Eintragung in die Stadtplanerliste", "Eintragung in die Stadtplanerliste der "
           "Architektenkammer", None, "Registered urban planner (chamber of architects)", 0.3),
    ),
    "surveying": (
        _q("Große Staatsprüfung Vermessung", "Große Staatsprüfung (Vermessungsreferendariat)",
           None, "Second state examination in surveying", 0.2),
        _q("Zertifikat ArcGIS Desktop Professional", None, None,
           "ArcGIS Desktop Professional certification", 0.25),
    ),
    "social_work": (
        _q("staatliche Anerkennung als Sozialarbeiter/in",
           "staatliche Anerkennung als Sozialarbeiter",
           "staatliche Anerkennung als Sozialarbeiterin",
           "State recognition as social worker (staatliche Anerkennung)", 0.6),
        _q("Insoweit erfahrene Fachkraft (§ 8a SGB VIII)", None, None,
           "Child protection specialist (insoweit erfahrene Fachkraft, § 8a SGB VIII)", 0.2),
        _q("Systemische Beratung (DGSF)", "Weiterbildung Systemische Beratung (DGSF)", None,
           "Systemic counselling (DGSF)", 0.2),
        _q("Case Management (DGCC)", "Zertifikat Case Management (DGCC)", None,
           "Case management certificate (DGCC)", 0.15),
    ),
    "early_childhood": (
        _q("staatliche Anerkennung als Erzieher/in", "staatliche Anerkennung als Erzieher",
           "staatliche Anerkennung als Erzieherin",
           "State recognition as early years educator (staatliche Anerkennung als Erzieher/in)",
           0.8),
        _q("Zusatzqualifikation Krippenpädagogik", None, None,
           "Additional qualification in infant and toddler education", 0.25),
        _q("Fachkraft für Sprachförderung", None, None, "Language support specialist (Kita)", 0.2),
    ),
    "health": (
        _q("Examen Gesundheits- und Krankenpflege", "Staatsexamen Gesundheits- und Krankenpflege",
           None, "State examination in nursing", 0.5),
        _q("Fachweiterbildung Intensiv- und Anästhesiepflege", None, None,
           "Specialist training in intensive care and anaesthesia nursing", 0.2),
        _q("Praxisanleiter/in", "Weiterbildung zum Praxisanleiter",
           "Weiterbildung zur Praxisanleiterin",
           "Clinical practice instructor (Praxisanleiter/in)", 0.2),
        _q("Hygienebeauftragte/r in der Pflege", "Hygienebeauftragter in der Pflege",
           "Hygienebeauftragte in der Pflege", "Infection control link nurse", 0.15),
    ),
    "fire_rescue": (
        _q("Laufbahnbefähigung für den mittleren feuerwehrtechnischen Dienst", None, None,
           "Career qualification for the fire service (mittlerer feuerwehrtechnischer Dienst)",
           0.4),
        _q("Atemschutzgeräteträger/in", "Atemschutzgeräteträger", "Atemschutzgeräteträgerin",
           "Breathing apparatus wearer", 0.4),
        _q("Gruppenführer/in (F III)", "Gruppenführerlehrgang (F III)", None,
           "Fire service crew commander course (F III)", 0.2),
        _q("Rettungssanitäter/in", "Ausbildung zum Rettungssanitäter",
           "Ausbildung zur Rettungssanitäterin",
           "Emergency medical technician (Rettungssanitäter/in)", 0.3),
    ),
    "public_order": (
        _q("Verwaltungslehrgang I", "Angestelltenlehrgang I (Verwaltungslehrgang I)", None,
           "Administrative course I (Angestelltenlehrgang I)", 0.3),
        _q("Lehrgang Verkehrsüberwachung", None, None, "Traffic enforcement course", 0.3),
        _q("Deeskalationstraining", None, None, "De-escalation training", 0.3),
        _q("Laufbahnbefähigung für den mittleren Justizdienst", None, None,
           "Career qualification for the judicial service (mittlerer Justizdienst)", 0.2),
    ),
    "finance_tax": (
        _q("Laufbahnbefähigung für den gehobenen Dienst der Steuerverwaltung", None, None,
           "Career qualification for the higher intermediate tax administration service", 0.3),
        _q("Bilanzbuchhalter/in (IHK)", "geprüfter Bilanzbuchhalter (IHK)",
           "geprüfte Bilanzbuchhalterin (IHK)", "Certified accountant (Bilanzbuchhalter/in IHK)",
           0.2),
        _q("Zertifikat Doppik (NKF)", "Zertifikat Kommunale Doppik (NKF)", None,
           "Municipal double-entry accounting certificate (Doppik)", 0.25),
    ),
    "hr": (
        _q("Personalfachkaufmann/-frau (IHK)", "Personalfachkaufmann (IHK)",
           "Personalfachkauffrau (IHK)", "Certified HR specialist (IHK)", 0.3),
        _q("Zertifikat Eingruppierung TVöD", None, None, "Certificate in TVöD job grading", 0.3),
        _q("Ausbildereignung (AEVO)", "Ausbildereignungsprüfung (AEVO)", None,
           "Trainer aptitude certificate (AEVO)", 0.2),
    ),
    "legal": (
        _q("Zweite juristische Staatsprüfung", None, None,
           "Second State Examination in Law (qualification for judicial office)", 0.5),
        _q("Fachanwalt/Fachanwältin für Verwaltungsrecht", "Fachanwalt für Verwaltungsrecht",
           "Fachanwältin für Verwaltungsrecht", "Certified specialist in administrative law", 0.15),
        _q("Datenschutzbeauftragte/r (TÜV)", "zertifizierter Datenschutzbeauftragter (TÜV)",
           "zertifizierte Datenschutzbeauftragte (TÜV)", "Certified data protection officer (TÜV)",
           0.25),
    ),
    "facility": (
        _q("Elektrofachkraft", "Elektrofachkraft nach DGUV Vorschrift 3", None,
           "Qualified electrician (DGUV regulation 3)", 0.3),
        _q("Meisterprüfung", "Meisterprüfung im Handwerk", None, "Master craftsperson certificate",
           0.2),
        _q("Motorsägenschein", "Motorsägenschein (Modul A und B)", None,
           "Chainsaw certificate (modules A and B)", 0.2),
        _q("Sachkunde Pflanzenschutz", "Sachkundenachweis Pflanzenschutz", None,
           "Plant protection competence certificate", 0.15),
    ),
    "library": (
        _q("Zertifikat Bibliotheksmanagement", None, None, "Certificate in library management",
           0.25),
        _q("Weiterbildung Informationskompetenz", None, None, "Training in information literacy",
           0.2),
    ),
    "environment": (
        _q("Fachkunde Abfallbeauftragte nach AbfBeauftrV", None, None,
           "Waste management officer qualification (AbfBeauftrV)", 0.25),
        _q("Sachkunde Immissionsschutz", None, None, "Pollution control competence certificate",
           0.2),
        _q("Motorsägenschein", "Motorsägenschein (Modul A und B)", None,
           "Chainsaw certificate (modules A and B)", 0.2),
    ),
    "teaching": (
        _q("Zweites Staatsexamen Lehramt", "Zweites Staatsexamen für das Lehramt", None,
           "Second State Examination for teaching", 0.7),
        _q("Zusatzqualifikation Deutsch als Zweitsprache", "Zusatzqualifikation Deutsch als "
           "Zweitsprache (DaZ)", None, "Additional qualification in German as a second language",
           0.25),
    ),
}  # fmt: skip

_EMPLOYERS: Final[dict[str, tuple[str, ...]]] = {
    "administration": ("{city}", "{city}, Bürgeramt", "{city}, Amt für Soziales", "{district}",
                       "{district}, Ordnungsamt", "Jobcenter {town}", "Stadtwerke {town} GmbH"),
    "it": ("{city}, Amt für Digitalisierung und IT", "Dataport AöR", "{district}, IT-Service",
           "Komm.ONE", "AKDB", "ITZBund", "Softwarehaus Nordlicht GmbH", "Stadtwerke {town} GmbH"),
    "civil_engineering": ("{city}, Tiefbauamt", "{city}, Hochbauamt", "{district}, Bauaufsicht",
                          "Landesbetrieb Straßenbau", "Ingenieurbüro Hansen + Partner GmbH",
                          "Bauunternehmen Krämer GmbH & Co. KG", "Die Autobahn GmbH des Bundes"),
    "urban_planning": ("{city}, Stadtplanungsamt", "{district}, Amt für Kreisentwicklung",
                       "Planungsbüro Stadt & Raum GmbH", "{city}, Amt für Mobilität"),
    "surveying": ("{city}, Vermessungs- und Katasteramt",
                  "Landesamt für Vermessung und Geoinformation",
                  "Vermessungsbüro Lorenz & Partner", "{district}, Geodatenservice"),
    "social_work": ("{city}, Jugendamt", "{city}, Amt für Soziale Dienste",
                    "{district}, Allgemeiner Sozialer Dienst", "AWO Kreisverband {town} e. V.",
                    "Diakonie {town}", "Caritasverband {town} e. V.", "Jobcenter {town}"),
    "early_childhood": ("Kita Sonnenschein, {city}", "Städtische Kindertagesstätte Regenbogen, "
                        "{town}", "Evangelische Kita St. Marien, {town}", "AWO Kita Pusteblume, "
                        "{town}", "{city}, Amt für Kindertagesbetreuung"),
    "health": ("Städtisches Klinikum {town}", "{district}, Gesundheitsamt",
               "{city}, Gesundheitsamt",
               "Pflegedienst Lebenswert GmbH", "Seniorenzentrum am Park, {town}",
               "{district}, Lebensmittelüberwachung und Veterinärwesen"),
    "fire_rescue": ("Berufsfeuerwehr {town}", "{city}, Feuerwehr", "{district}, Rettungsdienst",
                    "DRK Rettungsdienst {town}", "Integrierte Leitstelle {town}"),
    "public_order": ("{city}, Ordnungsamt", "{city}, Kommunaler Ordnungsdienst",
                     "Amtsgericht {town}",
                     "Landgericht {town}", "{district}, Straßenverkehrsbehörde"),
    "finance_tax": ("Finanzamt {town}", "{city}, Kämmerei", "{district}, Kreiskasse",
                    "{city}, Steueramt", "Steuerberatungskanzlei Berger & Kollegen",
                    "Sparkasse {town}"),
    "hr": ("{city}, Personal- und Organisationsamt", "{district}, Fachdienst Personal",
           "Stadtwerke {town} GmbH", "Personalberatung Nordwind GmbH"),
    "legal": ("{city}, Rechtsamt", "{district}, Rechtsabteilung", "Amtsgericht {town}",
              "Rechtsanwaltskanzlei Albers & Partner", "Verwaltungsgericht {town}",
              "Landesdatenschutzbehörde"),
    "facility": ("{city}, Gebäudemanagement", "{city}, Grünflächenamt",
                 "{district}, Liegenschaftsverwaltung", "Kommunale Immobilien {town} AöR",
                 "Garten- und Landschaftsbau Petersen GmbH", "Elektro Brandt GmbH"),
    "library": ("Stadtbibliothek {town}", "{city}, Stadtarchiv", "Universitätsbibliothek {town}",
                "Landesarchiv", "{district}, Kreisarchiv"),
    "environment": ("{city}, Umweltamt", "{district}, Untere Naturschutzbehörde",
                    "{district}, Untere Abfallbehörde", "Landesamt für Umwelt", "Landesforsten",
                    "Abfallwirtschaftsbetrieb {town}", "Umweltbüro Grünkonzept GmbH"),
    "teaching": ("Grundschule am Park, {town}", "Gemeinschaftsschule {town}-Mitte",
                 "Regionales Berufsbildungszentrum {town}", "Förderzentrum {town}",
                 "Humboldt-Gymnasium {town}", "Volkshochschule {town}"),
}  # fmt: skip

# Occupations whose employers differ from their field's default list.
_OCCUPATION_EMPLOYERS: Final[dict[str, tuple[str, ...]]] = {
    "court enforcement officer": ("Amtsgericht {town}",),
    "court clerk": ("Amtsgericht {town}", "Landgericht {town}", "Sozialgericht {town}"),
    "judge": ("Amtsgericht {town}", "Landgericht {town}", "Verwaltungsgericht {town}",
              "Sozialgericht {town}"),
    "probation officer": ("Landgericht {town}, Bewährungshilfe",
                          "Soziale Dienste der Justiz {town}"),
    "tax inspector": ("Finanzamt {town}",),
    "tax clerk": ("Finanzamt {town}", "{city}, Steueramt",
                  "Steuerberatungskanzlei Berger & Kollegen"),
    "firefighter": ("Berufsfeuerwehr {town}", "{city}, Feuerwehr"),
    "chief fire officer": ("Berufsfeuerwehr {town}", "{city}, Feuerwehr",
                           "{district}, Kreisbrandmeisterei"),
    "fire inspector": ("{city}, Feuerwehr, Vorbeugender Brandschutz",
                       "{district}, Brandschutzdienststelle"),
    "fire protection technician": ("{city}, Feuerwehr, Vorbeugender Brandschutz",
                                   "Brandschutztechnik Nord GmbH"),
    "paramedic in emergency responses": ("{district}, Rettungsdienst", "DRK Rettungsdienst {town}",
                                         "Berufsfeuerwehr {town}"),
    "emergency medical dispatcher": ("Integrierte Leitstelle {town}",
                                     "{district}, Rettungsleitstelle"),
    "food safety inspector": ("{district}, Lebensmittelüberwachung und Veterinärwesen",
                              "{city}, Lebensmittelüberwachung"),
    "environmental health inspector": ("{district}, Gesundheitsamt", "{city}, Gesundheitsamt",
                                       "{district}, Umweltamt"),
    "nurse responsible for general care": ("Städtisches Klinikum {town}",
                                           "Pflegedienst Lebenswert GmbH",
                                           "Seniorenzentrum am Park, {town}"),
    "specialist nurse": ("Städtisches Klinikum {town}", "Klinikum {town}, Intensivstation"),
    "healthcare assistant": ("Städtisches Klinikum {town}", "Pflegedienst Lebenswert GmbH",
                             "Seniorenzentrum am Park, {town}"),
    "civil enforcement officer": ("{city}, Ordnungsamt", "{city}, Verkehrsüberwachung"),
    "street warden": ("{city}, Kommunaler Ordnungsdienst", "{city}, Ordnungsamt"),
}  # fmt: skip

_TOOLS: Final[dict[str, tuple[str, ...]]] = {
    "administration": ("MS Office", "E-Akte", "SAP", "OK.VERFAHREN"),
    "it": ("Linux", "Windows Server", "VMware", "Python", "PowerShell", "Active Directory",
           "Ansible", "PostgreSQL"),
    "civil_engineering": ("AutoCAD", "Revit", "AVA-Software", "MS Project"),
    "urban_planning": ("ArcGIS", "QGIS", "AutoCAD", "Adobe InDesign"),
    "surveying": ("ArcGIS", "QGIS", "Leica Infinity", "AutoCAD Civil 3D"),
    "finance_tax": ("SAP FI", "DATEV", "MS Excel", "H&H proDoppik"),
    "hr": ("SAP HCM", "P&I LOGA", "MS Office"),
    "legal": ("beck-online", "juris", "MS Office"),
    "library": ("BIBLIOTHECAplus", "Koha", "MS Office"),
    "environment": ("QGIS", "MS Office", "R"),
}  # fmt: skip

_LICENCES: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "fire_rescue": (("B", "C"), ("B", "CE"), ("B", "C1")),
    "facility": (("B", "BE"), ("B", "C1E"), ("B", "T")),
    "environment": (("B", "BE"), ("B", "T")),
}

_VOLUNTEERING: Final[dict[str, tuple[tuple[str, str | None], ...]]] = {
    "de": (("Ehrenamt: Freiwillige Feuerwehr {town}", None), ("Ehrenamt: Trainer im Sportverein",
           "Ehrenamt: Trainerin im Sportverein"), ("Interessen: Lesen, Radfahren, Kochen", None),
           ("Ehrenamt: Hausaufgabenhilfe in der Stadtteilbücherei", None),
           ("Interessen: Chor, Wandern", None)),
    "en": (("Volunteering: volunteer fire brigade in {town}", None),
           ("Volunteering: coach at a local sports club", None),
           ("Interests: reading, cycling, cooking", None), ("Interests: choir, hiking", None)),
}  # fmt: skip


# ---------------------------------------------------------------------------
# Core and rendering
# ---------------------------------------------------------------------------


class CandidateCore(NamedTuple):
    """Everything about a synthetic candidate except the personal-data slots.

    ``body`` is the CV below the personal block; lines given as (masculine,
    feminine) pairs are resolved by the ``title_form`` slot at render time.
    A NamedTuple rather than a frozen dataclass: as immutable, and its
    construction is several times cheaper, which matters at 10,000 records.
    """

    seed: int
    seed_index: int
    lang: str
    occupation_uri: str
    occupation_label: str
    skill_uris: tuple[str, ...]
    cv_title: str | None
    address_lines: int
    phone_label: str
    email_label: str
    personal_heading: str | None
    birth_style: int
    labels: tuple[tuple[str, str], ...]  # slot -> line label, for the personal block
    body: tuple[Text, ...]
    desired_regions: tuple[str, ...]
    available_from: str
    employment_types: tuple[str, ...]
    experience_years: float
    career_breaks: tuple[tuple[str, str, str], ...]  # kind, start, end
    qualifications: tuple[str, ...]
    licences: tuple[str, ...]


def slots_for(lang: str) -> tuple[str, ...]:
    """Slot names a CV in ``lang`` can carry (German CVs add the title form)."""
    return SLOTS if lang == "de" else PERSONAL_KEYS


def format_birth_date(value: str, lang: str, style: int) -> str:
    """Render an ISO birth date the way the CV shows it (style is a layout choice)."""
    year, month, day = value.split("-")
    if lang == "de":
        return f"{day}.{month}.{year}"
    if style == 1:
        return f"{day}/{month}/{year}"
    if style == 2:
        return value
    return f"{int(day)} {_MONTHS['en'][int(month) - 1]} {year}"


def _birth_line(value: str, lang: str, style: int) -> str:
    shown = format_birth_date(value, lang, style)
    if lang == "de":
        return ("Geburtsdatum: ", "geb. ", "Geboren am ")[style % 3] + shown
    return ("Date of birth: ", "Date of birth: ", "Date of birth: ", "Born: ")[style % 4] + shown


def render_cv(core: CandidateCore, slots: Mapping[str, str], lang: str | None = None) -> str:
    """The CV text for ``core`` with the given slot values.

    Each slot appears only in its own lines, so changing one slot changes only
    those lines; ``title_form`` picks the masculine or feminine German titles.
    The language is the core's; ``lang``, if given, must agree with it.
    """
    if lang is not None and lang != core.lang:
        raise ValueError(f"core is {core.lang!r}, not {lang!r}: build the core in that language")
    feminine = slots.get("title_form", "feminine") == "feminine"
    lines: list[str] = []
    if core.cv_title:
        lines += [core.cv_title, ""]
    lines.append(slots["name"])
    address = slots["address"]
    if core.address_lines == 2 and ", " in address:
        lines.extend(address.split(", ", 1))
    else:
        lines.append(address)
    lines.append(f"{core.phone_label} {slots['phone']}")
    lines.append(f"{core.email_label} {slots['email']}")
    lines.append("")
    if core.personal_heading:
        lines.append(core.personal_heading)
    lines.append(_birth_line(slots["birth_date"], core.lang, core.birth_style))
    for slot, label in core.labels:
        value = slots.get(slot)
        if value is None:
            continue
        lines.append(f"{label}{value}" if label else value)
    lines.append("")
    for line in core.body:
        lines.append(line if isinstance(line, str) else line[1 if feminine else 0])
    return "\n".join(lines).rstrip("\n") + "\n"


def make_record(core: CandidateCore, slots: Mapping[str, str]) -> dict[str, Any]:
    """One JSON Lines record (the intake schema) from a core and its slots."""
    personal = {key: slots[key] for key in PERSONAL_KEYS if key in slots}
    used = {key: slots[key] for key in slots_for(core.lang) if key in slots}
    return {
        "personal": personal,
        "cv_text": render_cv(core, slots),
        "lang": core.lang,
        "desired_regions": list(core.desired_regions),
        "available_from": core.available_from,
        "employment_types": list(core.employment_types),
        "experience_years": core.experience_years,
        "career_breaks": [
            {"kind": kind, "start": start, "end": end} for kind, start, end in core.career_breaks
        ],
        "qualifications": list(core.qualifications),
        "licences": list(core.licences),
        "meta": {
            "occupation_uri": core.occupation_uri,
            "occupation_label": core.occupation_label,
            "skill_uris": list(core.skill_uris),
            "seed_index": core.seed_index,
            "seed": core.seed,
            "slots": used,
        },
    }


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------

_FOLD: Final = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ı": "i",
     "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "œ": "oe"}
)  # fmt: skip
_NON_MAIL = re.compile(r"[^a-z0-9.-]+")


def ascii_fold(text: str) -> str:
    """German-style transliteration to ASCII (ü→ue, ß→ss, ł→l, ş→s, ễ→e)."""
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=4096)
def _mail_part(text: str) -> str:
    """A name as an e-mail address part ("Yılmaz" -> "yilmaz"); names repeat, so cached."""
    return _NON_MAIL.sub("", ascii_fold(text).lower().replace(" ", "-")).strip(".-")


def _month(idx: int) -> tuple[int, int]:
    return idx // 12, idx % 12 + 1


def _ym(idx: int) -> str:
    year, month = _month(idx)
    return f"{year:04d}-{month:02d}"


_NOW: Final = REFERENCE_MONTH[0] * 12 + REFERENCE_MONTH[1] - 1


@dataclass(slots=True)
class _Item:
    """One period in the CV: a job segment, a break, or an education step."""

    kind: str  # job | break kind | education
    start: int
    end: int  # month index, inclusive; == _NOW with ongoing=True means "heute"
    ongoing: bool = False
    title: tuple[str, str] | None = None
    employer: str = ""
    skills: tuple[_Skill, ...] = ()
    education: _Education | None = None
    institution: str = ""
    note: str = ""


_T = TypeVar("_T")


class _Rng:
    """``random.Random`` seeded per record, with cheaper draws.

    The stdlib's ``randrange``/``choice`` cost about a microsecond each and a CV
    takes a hundred draws; these use one ``random()`` call each, so 10,000
    candidates stay well under the 5-second budget.
    """

    __slots__ = ("_random", "random")

    def __init__(self, key: str) -> None:
        # Synthetic data, not security: a seeded PRNG is the point.
        self._random = random.Random(key)  # noqa: S311
        self.random = self._random.random

    def randrange(self, n: int) -> int:
        return int(self.random() * n)

    def randint(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def choice(self, seq: Sequence[_T]) -> _T:
        return seq[int(self.random() * len(seq))]

    def weighted(self, seq: Sequence[_T], weights: Sequence[float]) -> _T:
        x = self.random() * sum(weights)
        for item, weight in zip(seq, weights, strict=True):
            x -= weight
            if x < 0:
                return item
        return seq[-1]

    def sample(self, seq: Sequence[_T], k: int) -> list[_T]:
        pool = list(seq)
        for i in range(k):
            j = i + int(self.random() * (len(pool) - i))
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def shuffle(self, items: list[_T]) -> None:
        for i in range(len(items) - 1, 0, -1):
            j = int(self.random() * (i + 1))
            items[i], items[j] = items[j], items[i]


class _Builder:
    """Draws one candidate from its own RNG. Kept in one place so draws stay in order."""

    def __init__(self, seed: int, index: int, lang: str | None) -> None:
        self.rng = _Rng(f"talentverbund.synth:{seed}:{index}")
        self.rand = self.rng.random
        self.seed = seed
        self.index = index
        draw = self.rng.random()  # always drawn, so a forced language keeps the stream aligned
        self.lang = lang or ("de" if draw < GERMAN_SHARE else "en")

    # -- small helpers -----------------------------------------------------

    def pick(self, seq: Sequence[str]) -> str:
        return seq[int(self.rand() * len(seq))]

    # -- slots ---------------------------------------------------------------

    def person(self, home: _Municipality) -> tuple[dict[str, str], _Origin]:
        rng, lang = self.rng, self.lang
        origins, weights = _origins()
        origin = rng.weighted(origins, weights)
        sex = rng.weighted(("female", "male", "diverse"), (50, 48, 2))
        if sex == "diverse" or (origin.unisex and self.rand() < 0.06):
            first_pool = origin.unisex or origin.female + origin.male
        else:
            first_pool = origin.female if sex == "female" else origin.male
        first = self.pick(first_pool)
        gendered = origin.surnames_female if sex == "female" else origin.surnames_male
        use_gendered = bool(gendered) and self.rand() < 0.5
        last = self.pick(gendered if use_gendered else origin.surnames)
        if sex == "diverse":
            title_form = self.pick(TITLE_FORMS)
        else:
            title_form = "feminine" if sex == "female" else "masculine"
        gender_idx = ("female", "male", "diverse").index(sex)

        street = (
            self.pick(_STREET_PHRASES)
            if self.rand() < 0.15
            else self.pick(_STREET_BASES) + self.pick(_STREET_SUFFIXES)
        )
        number = str(rng.randint(1, 140)) + (self.pick("abc") if self.rand() < 0.1 else "")
        address = f"{street} {number}, {self.pick(home.postcodes)} {home.town}"

        if self.rand() < 0.45:
            prefix = self.pick(_MOBILE_PREFIXES)
            width = rng.randint(7, 8)
            digits = f"{rng.randrange(10**width):0{width}d}"
        else:
            prefix = home.area_code
            width = max(5, 10 - len(prefix))  # subscriber numbers never start with 0
            digits = str(rng.randint(10 ** (width - 1), 10**width - 1))
        style = rng.randrange(4) if lang == "de" else rng.choice((0, 0, 1, 2))
        if style == 0:
            phone = f"+49 {prefix} {digits}"
        elif style == 1:
            phone = f"0{prefix} {digits}"
        elif style == 2:
            phone = f"0{prefix}/{digits}"
        else:
            phone = f"0{prefix} {digits[:3]} {digits[3:]}"

        f_part, l_part = _mail_part(first.split()[0]), _mail_part(last)
        year2 = f"{rng.randint(60, 99) if self.rand() < 0.5 else rng.randint(0, 9):02d}"
        local = (
            f"{f_part}.{l_part}",
            f"{f_part[:1]}.{l_part}",
            f"{f_part}{l_part}",
            f"{l_part}.{f_part}",
            f"{f_part}.{l_part}{year2}",
            f"{f_part}_{l_part}",
        )[rng.randrange(6)]
        email = f"{local}@{self.pick(_MAIL_DOMAINS)}"

        lang_idx = 0 if lang == "de" else 1
        if origin.name == "german" or self.rand() < 0.5:
            nationality = "deutsch" if lang == "de" else "German"
        else:
            nationality = rng.choice(origin.nationalities)[lang_idx]

        slots = {
            "name": f"{first} {last}",
            "email": email,
            "phone": phone,
            "address": address,
            "birth_date": "",  # set once the career is known
            "nationality": nationality,
        }
        if self.rand() < 0.25:
            slots["gender"] = GENDERS[lang][gender_idx]
        if self.rand() < 0.15:
            slots["religion"] = self.pick(RELIGIONS[lang])
        if self.rand() < 0.45:
            slots["marital_status"] = self.pick(MARITAL[lang])
        if self.rand() < 0.3:
            slots["photo"] = self.pick(PHOTO[lang])
        if self.rand() < 0.08:
            slots["disability"] = self.pick(DISABILITY[lang])
        if lang == "de":
            slots["title_form"] = title_form
        return slots, origin

    # -- career ------------------------------------------------------------

    def employer(self, occ: _Occupation, home: _Municipality) -> str:
        rng = self.rng
        if self.rand() < 0.6:
            where = home
        else:
            where = rng.choice(_BY_LAND[home.land] if self.rand() < 0.7 else MUNICIPALITIES)
        template = self.pick(_OCCUPATION_EMPLOYERS.get(occ.label_en) or _EMPLOYERS[occ.field])
        return template.format(
            city=self.pick(where.authorities),
            district=where.district or self.pick(where.authorities),
            town=where.town,
        )

    def split(self, total: int, parts: int) -> list[int]:
        """Split ``total`` months into ``parts`` chunks of at least 6 months."""
        base = [6] * parts
        rest = total - 6 * parts
        cuts = sorted(self.rng.randint(0, rest) for _ in range(parts - 1))
        bounds = [0, *cuts, rest]
        return [b + (bounds[i + 1] - bounds[i]) for i, b in enumerate(base)]

    def career(
        self, occ: _Occupation, home: _Municipality, skills: list[_Skill]
    ) -> tuple[list[_Item], list[_Item], int]:
        """Jobs and breaks (oldest first), education (oldest first), birth month index."""
        rng = self.rng
        band = rng.weighted(((0.5, 2), (2, 5), (5, 10), (10, 20), (20, 32)), (15, 25, 25, 25, 10))
        months = max(6, int(rng.uniform(*band) * 12))
        end = _NOW if self.rand() < 0.75 else _NOW - rng.randint(1, 8)
        n_jobs = 1 + sum(1 for limit in (36, 96, 180) if months >= limit and self.rand() < 0.6)
        employers = [self.employer(occ, home) for _ in range(n_jobs)]
        # Timeline entries: (job index or -1 for a break, months, break kind).
        timeline: list[tuple[int, int, str]] = [
            (job, dur, "job") for job, dur in enumerate(self.split(months, n_jobs))
        ]
        breaks: list[tuple[str, int]] = []
        if months >= 24 and self.rand() < 0.18:
            breaks.append(("parental_leave", rng.randint(6, 24)))
        if self.rand() < 0.06:
            breaks.append(("care", rng.randint(3, 18)))
        if self.rand() < 0.04:
            breaks.append(("other", rng.randint(3, 12)))
        for kind, length in breaks:
            boundaries = list(range(1, len(timeline)))
            splittable = [i for i, (job, dur, _) in enumerate(timeline) if job >= 0 and dur >= 12]
            if splittable and (not boundaries or self.rand() < 0.4):
                # A break inside a job: back to the same employer afterwards.
                pos = rng.choice(splittable)
                job, dur, _ = timeline[pos]
                first = rng.randint(6, dur - 6)
                timeline[pos : pos + 1] = [(job, first, "job"), (-1, length, kind),
                                           (job, dur - first, "job")]  # fmt: skip
            elif boundaries:
                timeline.insert(rng.choice(boundaries), (-1, length, kind))
        gaps = [rng.choice((0, 0, 0, 1, 2)) if job >= 0 else 0 for job, _, _ in timeline]
        cursor = end - sum(dur for _, dur, _ in timeline) - sum(gaps[:-1]) + 1
        items: list[_Item] = []
        for (job, dur, kind), gap in zip(timeline, gaps, strict=True):
            if job < 0:
                items.append(_Item(kind, cursor, cursor + dur - 1))
            else:
                items.append(_Item("job", cursor, cursor + dur - 1, title=occ.title_de,
                                   employer=employers[job]))  # fmt: skip
            cursor += dur + gap
        if items[-1].end >= _NOW:
            items[-1].end = _NOW
            items[-1].ongoing = True
        pool = list(skills)  # newest jobs mention the most skills
        for item in reversed(items):
            if item.kind == "job" and pool:
                take = min(len(pool), rng.randint(1, 3))
                item.skills = tuple(pool[:take])
                del pool[:take]

        # Education before the first job.
        options = _EDUCATION[occ.field]
        main = rng.choice(options)
        education: list[_Item] = []
        first_start = items[0].start
        edu_end = first_start - rng.randint(0, 3)
        chain = [main]
        if main.kind == "master":
            bachelors = [e for e in options if e.kind == "bachelor"]
            if bachelors:
                chain.insert(0, rng.choice(bachelors))
        elif main.kind in ("bachelor", "fachschule") and self.rand() < 0.2:
            ausbildungen = [e for e in options if e.kind == "ausbildung" and e is not main]
            if ausbildungen:
                chain.insert(0, rng.choice(ausbildungen))
        for edu in reversed(chain):
            length = edu.years * 12 + rng.choice((0, 0, 3, 6))
            start = edu_end - length + 1
            inst = self.pick(_INSTITUTIONS[edu.institution]).format(town=home.town)
            education.insert(0, _Item("education", start, edu_end, education=edu, institution=inst))
            edu_end = start - rng.randint(1, 4)
        if self.rand() < 0.08:
            start = edu_end - rng.randint(9, 12) + 1
            if start < 2011 * 12:  # before conscription was suspended
                note = self.pick(("Zivildienst", "Grundwehrdienst", "Freiwilliges Soziales Jahr"))
            else:
                note = self.pick(("Bundesfreiwilligendienst", "Freiwilliges Soziales Jahr"))
            education.insert(0, _Item("military_or_civil_service", start, edu_end, note=note))
            edu_end = start - 1
        needs_abitur = chain[0].kind != "ausbildung" or self.rand() < 0.4
        school_end = (edu_end // 12) * 12 + rng.choice((5, 6))  # June or July
        school_end = min(school_end, edu_end)
        age = rng.randint(18, 19) if needs_abitur else rng.randint(16, 17)
        birth = school_end - age * 12 - rng.randint(0, 11)
        school = "abitur" if needs_abitur else "mittlere_reife"
        if needs_abitur and chain[0].institution == "fh" and self.rand() < 0.3:
            school = "fachhochschulreife"
        education.insert(0, _Item("school", school_end, school_end, note=school))
        return items, education, birth

    def build(self) -> tuple[CandidateCore, dict[str, str]]:
        rng, lang = self.rng, self.lang
        occ = rng.choice(_occupations())
        home = rng.choice(MUNICIPALITIES)
        slots, origin = self.person(home)

        n_ess = min(len(occ.essential), rng.randint(4, 9))
        n_opt = min(len(occ.optional), rng.randint(0, 4))
        skills = rng.sample(occ.essential, n_ess) + rng.sample(occ.optional, n_opt)
        summary_skills = skills[:2]
        rest = skills[2:]
        rng.shuffle(rest)

        items, education, birth = self.career(occ, home, rest)
        job_skill_uris = {s.uri for item in items for s in item.skills}
        listed = [s for s in rest if s.uri not in job_skill_uris]
        by, bm = _month(birth)
        slots["birth_date"] = f"{by:04d}-{bm:02d}-{rng.randint(1, 28):02d}"

        # Structured facts.
        job_months = sum(it.end - it.start + 1 for it in items if it.kind == "job")
        experience = round(job_months / 12, 1)
        breaks = tuple(
            (it.kind, _ym(it.start), _ym(it.end))
            for it in education + items
            if it.kind in ("parental_leave", "care", "other", "military_or_civil_service")
        )
        regions = self.regions(home)
        available = _NOW + rng.randint(0, 6)
        ay, am = _month(available)
        available_from = f"{ay:04d}-{am:02d}-{rng.choice(('01', '01', '15'))}"
        family = any(b[0] in ("parental_leave", "care") for b in breaks)
        employment = rng.weighted(
            (("full_time",), ("part_time",), ("full_time", "part_time")),
            (30, 35, 35) if family else (55, 15, 30),
        )
        quals = [q for q in _QUALIFICATIONS[occ.field] if self.rand() < q.probability]
        licences: tuple[str, ...] = ()
        if occ.field in _LICENCES and self.rand() < 0.7:
            licences = rng.choice(_LICENCES[occ.field])
        elif self.rand() < 0.7:
            licences = ("B",)
        if "B" in licences and self.rand() < 0.1:
            licences = (*licences, "A")
        qualifications = tuple(
            dict.fromkeys(
                [it.education.canonical for it in education if it.education]
                + [q.canonical for q in quals]
            )
        )
        languages = self.languages(origin)

        render = _German(self) if lang == "de" else _English(self)
        body = render.body(
            occ, summary_skills, items, education, quals, licences, listed, languages, home,
            experience,
        )
        layout = render.layout()
        core = CandidateCore(
            seed=self.seed,
            seed_index=self.index,
            lang=lang,
            occupation_uri=occ.uri,
            occupation_label=occ.label_en,
            skill_uris=tuple(s.uri for s in skills),
            body=tuple(body),
            desired_regions=regions,
            available_from=available_from,
            employment_types=employment,
            experience_years=experience,
            career_breaks=breaks,
            qualifications=qualifications,
            licences=licences,
            **layout,
        )
        return core, slots

    def regions(self, home: _Municipality) -> tuple[str, ...]:
        """Desired regions: always the home Kreis or Land, sometimes more around it."""
        rng = self.rng
        out: list[str] = []
        if self.rand() < 0.6:
            out.append(home.kreis)
        if not out or self.rand() < 0.5:
            out.append(f"DE-{home.land}")
        if self.rand() < 0.3:
            other = [m.kreis for m in _BY_LAND[home.land] if m.kreis != home.kreis]
            if other:
                out.append(rng.choice(other))
        if self.rand() < 0.2:
            out.append(f"DE-{rng.choice(NEIGHBOURS[home.land])}")
        return tuple(dict.fromkeys(out))

    def languages(self, origin: _Origin) -> list[tuple[str, str, str]]:
        """(German name, English name, level) where level is 'native' or a CEFR level."""
        rng = self.rng
        out: list[tuple[str, str, str]] = []
        heritage = rng.choice(origin.languages) if origin.languages else None
        if heritage is None or self.rand() < 0.5:
            out.append(("Deutsch", "German", "native"))
        else:
            out.append(("Deutsch", "German", rng.choice(("B2", "C1", "C1", "C2"))))
        if heritage is not None:
            out.append((heritage[0], heritage[1], "native"))
        if not any(name == "Englisch" for name, _, _ in out):
            out.append(("Englisch", "English", rng.choice(("A2", "B1", "B2", "B2", "C1", "C2"))))
        if self.rand() < 0.25:
            extra = rng.choice(
                (("Französisch", "French"), ("Spanisch", "Spanish"), ("Dänisch", "Danish"),
                 ("Polnisch", "Polish"), ("Russisch", "Russian"))
            )  # fmt: skip
            if all(name != extra[0] for name, _, _ in out):
                out.append((extra[0], extra[1], rng.choice(("A1", "A2", "B1"))))
        return out


class _Renderer:
    """Shared machinery for the two CV languages."""

    lang = "de"
    proficiency: tuple[str, ...] = ()
    years: tuple[str, str] = ("", "")
    knowledge_lines: tuple[str, ...] = ()
    competence_lines: tuple[str, ...] = ()
    knowledge_bullets: tuple[str, ...] = ()
    competence_bullets: tuple[str, ...] = ()

    def __init__(self, builder: _Builder) -> None:
        self.b = builder
        self.rng = builder.rng
        self.bullet = builder.pick(("• ", "- ", "– "))
        self.date_style = builder.rng.randrange(3)

    def label(self, skill: _Skill) -> str:
        if self.lang == "de" and skill.label_de:
            if skill.alt_de and self.b.rand() < 0.2:
                return self.b.pick(skill.alt_de)
            return skill.label_de
        if skill.alt_en and self.b.rand() < 0.25:
            return self.b.pick(skill.alt_en)
        return skill.label_en

    def month_text(self, idx: int) -> str:
        return _month_text(self.lang, self.date_style, idx)

    def skill_line(self, skill: _Skill, years_max: float) -> str:
        """A skill for the skills section, with a proficiency or years of experience."""
        label = self.label(skill)
        n = self.rng.randint(1, max(1, min(15, int(years_max))))
        years = self.years[0] if n == 1 else self.years[1].format(n=n)
        prof = self.b.pick(self.proficiency)
        template = self.b.pick(self.knowledge_lines if skill.knowledge else self.competence_lines)
        return template.format(s=label, S=_cap(label), p=prof, P=_cap(prof), y=years)

    def job_bullet(self, skill: _Skill) -> str:
        """A skill as a task under a job."""
        label = self.label(skill)
        template = self.b.pick(
            self.knowledge_bullets if skill.knowledge else self.competence_bullets
        )
        return template.format(s=label, S=_cap(label))

    def period(self, item: _Item, now_word: str) -> str:
        start = self.month_text(item.start)
        end = now_word if item.ongoing else self.month_text(item.end)
        return f"{start} – {end}"


@lru_cache(maxsize=8192)
def _month_text(lang: str, style: int, idx: int) -> str:
    year, month = _month(idx)
    if style == 0:
        return f"{month:02d}/{year}"
    if style == 1:
        name = _MONTHS[lang][month - 1]
        return f"{name} {year}" if lang == "de" else f"{name[:3]} {year}"
    return f"{month:02d}.{year}" if lang == "de" else f"{month:02d}/{year}"


@lru_cache(maxsize=16384)
def _cap(text: str) -> str:
    """Capitalise the first letter only ("ICT" stays "ICT"); labels repeat, so cached."""
    return text[:1].upper() + text[1:]


def _both(template: str, title: tuple[str, str], **kwargs: str) -> Text:
    masc = template.format(title=title[0], **kwargs)
    fem = template.format(title=title[1], **kwargs)
    return masc if masc == fem else (masc, fem)


class _German(_Renderer):
    lang = "de"
    proficiency = ("Grundkenntnisse", "gute Kenntnisse", "fundierte Kenntnisse",
                   "sehr gute Kenntnisse", "Expertenwissen")
    years = ("1 Jahr", "{n} Jahre")
    knowledge_lines = ("{P} in {s}", "{y} Erfahrung in {s}", "Kenntnisse im Bereich {s} ({p})",
                       "{s}: {p}", "Fundierte Kenntnisse in {s}", "Grundkenntnisse in {s}")
    competence_lines = ("{s} ({y} Erfahrung)", "Erfahrung: {s}", "{s} – {p}",
                        "{y} Erfahrung: {s}", "Sicher im Bereich: {s}", "Grundkenntnisse: {s}")
    knowledge_bullets = ("Anwendung von Fachwissen: {s}", "Schwerpunkt {s}", "{s}",
                         "Fachliche Grundlage: {s}")
    competence_bullets = ("{s}", "Aufgabe: {s}", "{s} (eigenverantwortlich)", "Schwerpunkt: {s}",
                          "Verantwortlich: {s}")  # fmt: skip


    def layout(self) -> dict[str, Any]:
        b = self.b
        return {
            "cv_title": b.rng.choice(("Lebenslauf", "Lebenslauf", "LEBENSLAUF", None)),
            "address_lines": b.rng.choice((1, 2)),
            "phone_label": b.pick(("Telefon:", "Tel.:", "Mobil:", "Telefon")),
            "email_label": b.pick(("E-Mail:", "E-Mail", "Mail:")),
            "personal_heading": b.rng.choice(("Persönliche Daten", "Zur Person", None)),
            "birth_style": b.rng.randrange(3),
            "labels": (
                ("nationality", b.pick(("Staatsangehörigkeit: ", "Nationalität: "))),
                ("gender", "Geschlecht: "),
                ("marital_status", "Familienstand: "),
                ("religion", b.pick(("Konfession: ", "Religion: "))),
                ("disability", ""),
                ("photo", "Foto: "),
            ),
        }

    def body(
        self,
        occ: _Occupation,
        summary: list[_Skill],
        items: list[_Item],
        education: list[_Item],
        quals: list[_Qualification],
        licences: tuple[str, ...],
        listed: list[_Skill],
        languages: list[tuple[str, str, str]],
        home: _Municipality,
        experience: float,
    ) -> list[Text]:
        b, rng, bl = self.b, self.rng, self.bullet
        out: list[Text] = []
        title = occ.title_de
        neutral = title[0] == title[1]  # "Lehrkraft", "Führungskraft": grammatically feminine
        if b.rand() < 0.75:
            out.append(b.pick(("Profil", "Kurzprofil", "Über mich")))
            adjective = b.rng.choice((("Erfahrener", "Erfahrene"), ("Engagierter", "Engagierte"),
                                      ("Motivierter", "Motivierte")))  # fmt: skip
            adj = (adjective[1], adjective[1]) if neutral else adjective
            years = int(experience)
            if years >= 2:
                lead = f"mit {'über ' if b.rand() < 0.3 else ''}{years} Jahren Berufserfahrung"
            else:
                lead = "mit ersten Berufserfahrungen"
            first = (f"{adj[0]} {title[0]} {lead}.", f"{adj[1]} {title[1]} {lead}.")
            out.append(first[0] if first[0] == first[1] else first)
            if summary:
                names = [self.label(s) for s in summary]
                out.append(b.pick((f"Schwerpunkte: {'; '.join(names)}.",
                                   f"Meine Stärken: {'; '.join(names)}.",
                                   f"Besondere Erfahrung in: {'; '.join(names)}.")))  # fmt: skip
            land = LAND_NAMES[home.land][0]
            if b.rand() < 0.5:
                out.append(f"Ich suche eine neue Aufgabe im öffentlichen Dienst, gern in {land}.")
            out.append("")

        out.append(b.pick(("Berufserfahrung", "Beruflicher Werdegang", "Berufliche Stationen")))
        job_style = rng.randrange(3)
        for item in reversed(items):
            period = self.period(item, "heute")
            if item.kind == "job":
                assert item.title is not None
                if job_style == 0:
                    out.append(_both("{period}  {title}, {employer}", item.title, period=period,
                                     employer=item.employer))  # fmt: skip
                elif job_style == 1:
                    out.append(period)
                    out.append(_both("{title} – {employer}", item.title, employer=item.employer))
                else:
                    out.append(_both("{title} bei {employer} ({period})", item.title,
                                     employer=item.employer, period=period))  # fmt: skip
                for skill in item.skills:
                    out.append(f"  {bl}{self.job_bullet(skill)}")
            else:
                out.append(f"{period}  {b.pick(_BREAK_TEXT['de'][item.kind])}")
        out.append("")

        out.append(b.pick(("Ausbildung", "Ausbildung und Studium", "Bildungsweg")))
        for item in reversed(education):
            if item.kind == "school":
                year = _month(item.start)[0]
                out.append(f"{year}  {_SCHOOL['de'][item.note]}, {b.pick(_SCHOOLS)} {home.town}")
            elif item.kind == "military_or_civil_service":
                out.append(f"{self.period(item, 'heute')}  {item.note}")
            else:
                assert item.education is not None
                line = _both("{period}  {title}, {inst}", item.education.de,
                             period=self.period(item, "heute"), inst=item.institution)
                out.append(line)
                if b.rand() < 0.3:
                    out.append(f"  Abschlussnote: {rng.randint(1, 2)},{rng.randint(0, 9)}")
        out.append("")

        if quals or licences:
            out.append(b.pick(("Weiterbildungen und Zertifikate", "Qualifikationen",
                               "Zusatzqualifikationen")))  # fmt: skip
            for q in quals:
                year = _month(rng.randint(items[0].start, items[-1].end))[0]
                line = _both("{bl}{title} ({year})", q.de, bl=bl, year=str(year))
                out.append(line)
            if licences:
                if len(licences) == 1:
                    out.append(f"{bl}Führerschein Klasse {licences[0]}")
                else:
                    out.append(f"{bl}Führerscheinklassen {', '.join(licences)}")
            out.append("")

        if listed or occ.field in _TOOLS:
            out.append(b.pick(("Kenntnisse", "Kenntnisse und Fähigkeiten", "Fachkenntnisse",
                               "Fachliche Kompetenzen")))  # fmt: skip
            for skill in listed:
                out.append(f"{bl}{self.skill_line(skill, experience)}")
            if occ.field in _TOOLS:
                tools = rng.sample(_TOOLS[occ.field], min(3, len(_TOOLS[occ.field])))
                out.append(f"{bl}EDV: {', '.join(tools)}")
            out.append("")

        out.append(b.pick(("Sprachen", "Sprachkenntnisse")))
        lang_style = rng.randrange(3)
        for name, _en, level in languages:
            if level == "native":
                out.append(f"{name}: Muttersprache" if lang_style != 1 else
                           f"{name} (Muttersprache)")  # fmt: skip
            elif lang_style == 0:
                out.append(f"{name} ({level})")
            elif lang_style == 1:
                out.append(f"{name}: {level}")
            else:
                word = {"A1": "Grundkenntnisse", "A2": "Grundkenntnisse", "B1": "gute Kenntnisse",
                        "B2": "gute Kenntnisse", "C1": "fließend", "C2": "verhandlungssicher"}
                out.append(f"{name} – {word[level]} ({level})")
        if b.rand() < 0.3:
            text, fem = rng.choice(_VOLUNTEERING["de"])
            out.append("")
            line = text.format(town=home.town)
            out.append((line, fem) if fem else line)
        return out


class _English(_Renderer):
    lang = "en"
    proficiency = ("basic knowledge", "good knowledge", "solid knowledge", "advanced knowledge",
                   "expert knowledge")
    years = ("1 year", "{n} years")
    knowledge_lines = ("{P} of {s}", "{y} of experience in {s}", "Solid knowledge of {s}",
                       "Basic knowledge of {s}", "{S} ({p})", "Good working knowledge of {s}")
    competence_lines = ("Able to {s}", "{S} ({y} of experience)", "Experienced in: {s}",
                        "Proven ability to {s}", "Basic experience: {s}", "{S} – {p}")
    knowledge_bullets = ("Applied knowledge of {s}", "Focus area: {s}", "{S}")
    competence_bullets = ("{S}", "Responsibilities included: {s}", "Day-to-day: {s}",
                          "Regularly had to {s}")  # fmt: skip


    def layout(self) -> dict[str, Any]:
        b = self.b
        return {
            "cv_title": b.rng.choice(("Curriculum Vitae", "CURRICULUM VITAE", "CV", None)),
            "address_lines": b.rng.choice((1, 2)),
            "phone_label": b.pick(("Phone:", "Tel.:", "Mobile:")),
            "email_label": b.pick(("Email:", "E-mail:")),
            "personal_heading": b.rng.choice(("Personal details", "Personal information", None)),
            "birth_style": b.rng.randrange(4),
            "labels": (
                ("nationality", b.pick(("Nationality: ", "Citizenship: "))),
                ("gender", "Gender: "),
                ("marital_status", "Marital status: "),
                ("religion", "Religion: "),
                ("disability", ""),
                ("photo", "Photo: "),
            ),
        }

    def body(
        self,
        occ: _Occupation,
        summary: list[_Skill],
        items: list[_Item],
        education: list[_Item],
        quals: list[_Qualification],
        licences: tuple[str, ...],
        listed: list[_Skill],
        languages: list[tuple[str, str, str]],
        home: _Municipality,
        experience: float,
    ) -> list[Text]:
        b, rng, bl = self.b, self.rng, self.bullet
        out: list[Text] = []
        title = _cap(occ.label_en)
        if b.rand() < 0.75:
            out.append(b.pick(("Profile", "Summary", "About me")))
            years = int(experience)
            adjective = b.pick(("Experienced", "Dedicated", "Motivated"))
            if years >= 2:
                out.append(f"{adjective} {occ.label_en} with {years} years of professional "
                           f"experience{' in the public sector' if b.rand() < 0.5 else ''}.")
            else:
                out.append(f"{adjective} {occ.label_en} at the start of my career.")
            if summary:
                names = [self.label(s) for s in summary]
                out.append(b.pick((f"Key strengths: {'; '.join(names)}.",
                                   f"Areas of expertise: {'; '.join(names)}.")))  # fmt: skip
            if b.rand() < 0.5:
                out.append("Looking for a new role in public administration in "
                           f"{LAND_NAMES[home.land][1]}.")  # fmt: skip
            out.append("")

        out.append(b.pick(("Work Experience", "Professional Experience", "Employment History")))
        job_style = rng.randrange(2)
        for item in reversed(items):
            period = self.period(item, "present")
            if item.kind == "job":
                if job_style == 0:
                    out.append(f"{period}  {title}, {item.employer}")
                else:
                    out.append(period)
                    out.append(f"{title} – {item.employer}")
                for skill in item.skills:
                    out.append(f"  {bl}{self.job_bullet(skill)}")
            else:
                out.append(f"{period}  {b.pick(_BREAK_TEXT['en'][item.kind])}")
        out.append("")

        out.append(b.pick(("Education", "Education and Training")))
        for item in reversed(education):
            if item.kind == "school":
                year = _month(item.start)[0]
                out.append(f"{year}  {_SCHOOL['en'][item.note]}, {b.pick(_SCHOOLS)} {home.town}")
            elif item.kind == "military_or_civil_service":
                out.append(f"{self.period(item, 'present')}  {_SERVICE_EN[item.note]}")
            else:
                assert item.education is not None
                out.append(f"{self.period(item, 'present')}  {item.education.en}, "
                           f"{item.institution}")  # fmt: skip
                if b.rand() < 0.3:
                    out.append(f"  Final grade: {rng.randint(1, 2)}.{rng.randint(0, 9)} "
                               "(German scale)")  # fmt: skip
        out.append("")

        if quals or licences:
            out.append(b.pick(("Certifications", "Qualifications", "Further Training")))
            for q in quals:
                year = _month(rng.randint(items[0].start, items[-1].end))[0]
                out.append(f"{bl}{q.en} ({year})")
            if licences:
                noun = "category" if len(licences) == 1 else "categories"
                out.append(f"{bl}Driving licence: {noun} {', '.join(licences)}")
            out.append("")

        if listed or occ.field in _TOOLS:
            out.append(b.pick(("Skills", "Key Skills", "Skills and Competences")))
            for skill in listed:
                out.append(f"{bl}{self.skill_line(skill, experience)}")
            if occ.field in _TOOLS:
                tools = rng.sample(_TOOLS[occ.field], min(3, len(_TOOLS[occ.field])))
                out.append(f"{bl}IT: {', '.join(tools)}")
            out.append("")

        out.append("Languages")
        lang_style = rng.randrange(2)
        for _de, name, level in languages:
            if level == "native":
                out.append(f"{name}: native" if lang_style == 0 else f"{name} (mother tongue)")
            else:
                word = {"A1": "basic", "A2": "basic", "B1": "intermediate", "B2": "good",
                        "C1": "fluent", "C2": "fluent"}[level]
                out.append(f"{name}: {word} ({level})" if lang_style == 0 else f"{name} ({level})")
        if b.rand() < 0.3:
            text, _fem = rng.choice(_VOLUNTEERING["en"])
            out.append("")
            out.append(text.format(town=home.town))
        return out


_BREAK_TEXT: Final = {
    "de": {
        "parental_leave": ("Elternzeit", "Elternzeit", "Familienzeit (Elternzeit)"),
        "care": ("Pflege eines Angehörigen", "Pflegezeit (Pflege eines Angehörigen)",
                 "Familienpflegezeit"),
        "other": ("Sabbatical", "Berufliche Neuorientierung", "Auslandsaufenthalt (Reise)"),
        "military_or_civil_service": ("Bundesfreiwilligendienst",),
    },
    "en": {
        "parental_leave": ("Parental leave", "Parental leave (Elternzeit)"),
        "care": ("Caring for a family member", "Family care leave"),
        "other": ("Sabbatical", "Career break (travel)", "Career reorientation"),
        "military_or_civil_service": ("Federal volunteer service",),
    },
}  # fmt: skip
_SERVICE_EN: Final = {
    "Bundesfreiwilligendienst": "Federal volunteer service (Bundesfreiwilligendienst)",
    "Freiwilliges Soziales Jahr": "Voluntary social year (FSJ)",
    "Zivildienst": "Civilian service (Zivildienst)",
    "Grundwehrdienst": "Basic military service (Grundwehrdienst)",
}
_SCHOOL: Final = {
    "de": {"abitur": "Abitur", "mittlere_reife": "Mittlere Reife",
           "fachhochschulreife": "Fachhochschulreife"},
    "en": {"abitur": "Abitur (university entrance qualification)",
           "mittlere_reife": "Mittlere Reife (secondary school certificate)",
           "fachhochschulreife": "Fachhochschulreife (entrance qualification for universities "
                                 "of applied sciences)"},
}  # fmt: skip
_SCHOOLS: Final = ("Goethe-Gymnasium", "Humboldt-Schule", "Gesamtschule", "Gemeinschaftsschule",
                   "Friedrich-Schiller-Schule", "Realschule", "Käthe-Kollwitz-Schule")  # fmt: skip


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


# One encoder for all records: json.dumps with options would build a new one per call.
_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _check_lang(lang: str | None) -> None:
    if lang is not None and lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)} or None, not {lang!r}")


def build_core(
    seed: int, index: int, lang: str | None = None
) -> tuple[CandidateCore, dict[str, str]]:
    """The core and default slots of record ``index`` of run ``seed``.

    Records are independent of each other: record 7 of seed 1 is the same
    whether 10 or 10,000 records are generated.
    """
    _check_lang(lang)
    return _Builder(seed, index, lang).build()


def generate_candidates(count: int, seed: int, lang: str | None = None) -> Iterator[dict[str, Any]]:
    """Yield ``count`` synthetic candidate records, deterministic for ``seed``.

    ``lang`` None mixes German (about 70 %) and English CVs.
    """
    if count < 0:
        raise ValueError(f"count must be >= 0, not {count}")
    _check_lang(lang)
    for index in range(count):
        core, slots = _Builder(seed, index, lang).build()
        yield make_record(core, slots)


def iter_jsonl(count: int, seed: int, lang: str | None = None) -> Iterator[str]:
    """The records as JSON Lines (UTF-8 text, one object per line, newline-terminated)."""
    encode = _ENCODER.encode
    for record in generate_candidates(count, seed, lang):
        yield encode(record) + "\n"


def swap_slot(profile: Mapping[str, Any], slot: str, value: str | None) -> dict[str, Any]:
    """Return ``profile`` with one slot changed and the CV re-rendered.

    Only ``personal[slot]``, ``meta.slots[slot]`` and the slot's lines in
    ``cv_text`` change; every other byte stays the same. ``None`` removes an
    optional slot (gender, religion, marital status, photo, disability).
    Raises ``ValueError`` for unknown slots, bad values, or a profile that
    does not come from this generator.
    """
    meta = profile.get("meta") or {}
    lang = profile.get("lang")
    if lang not in LANGS or "seed" not in meta or "seed_index" not in meta:
        raise ValueError("not a synthetic profile from talentverbund.node.synth")
    if slot not in slots_for(lang):
        raise ValueError(f"unknown slot {slot!r} for lang {lang!r}; known: {slots_for(lang)}")
    if value is None and slot not in OPTIONAL_SLOTS:
        raise ValueError(f"slot {slot!r} is required and cannot be removed")
    if value is not None:
        if not value.strip() or "\n" in value:
            raise ValueError(f"slot {slot!r}: value must be one non-empty line")
        if slot == "birth_date" and not _DATE_RE.match(value):
            raise ValueError("birth_date must be YYYY-MM-DD")
        if slot == "title_form" and value not in TITLE_FORMS:
            raise ValueError(f"title_form must be one of {TITLE_FORMS}")
    core, _defaults = build_core(int(meta["seed"]), int(meta["seed_index"]), lang)
    slots = dict(meta.get("slots") or {})
    if render_cv(core, slots) != profile.get("cv_text"):
        raise ValueError("profile does not match its seed (edited, or from another version)")
    if value is None:
        slots.pop(slot, None)
    else:
        slots[slot] = value
    return make_record(core, slots)


def slot_values(slot: str, lang: str) -> tuple[str, ...]:
    """Alternative values for ``slot`` in ``lang``: a menu for counterfactual tests."""
    _check_lang(lang)
    if slot == "name":
        origins, _ = _origins()
        names = []
        for origin in origins:
            names.append(f"{origin.female[0]} {(origin.surnames_female or origin.surnames)[0]}")
            names.append(f"{origin.male[0]} {(origin.surnames_male or origin.surnames)[0]}")
        return tuple(names)
    table: dict[str, tuple[str, ...]] = {
        "gender": GENDERS[lang],
        "religion": RELIGIONS[lang],
        "marital_status": MARITAL[lang],
        "photo": PHOTO[lang],
        "disability": DISABILITY[lang],
        "title_form": TITLE_FORMS,
        "birth_date": ("1962-05-14", "1975-11-02", "1988-01-23", "1999-07-30"),
        "nationality": (
            ("deutsch", "türkisch", "syrisch", "polnisch", "ukrainisch", "italienisch",
             "vietnamesisch", "nigerianisch")
            if lang == "de"
            else ("German", "Turkish", "Syrian", "Polish", "Ukrainian", "Italian", "Vietnamese",
                  "Nigerian")
        ),
        "address": ("Lindenweg 3, 24103 Kiel", "Am Stadtpark 12, 80331 München",
                    "Rosenstraße 7a, 12043 Berlin", "Deichstieg 40, 25813 Husum"),
        "phone": ("+49 431 5550123", "0151 55501234", "089/5550199"),
        "email": ("a.schmidt@example.org", "ayse.yilmaz@example.org", "kwame.mensah@example.org"),
    }  # fmt: skip
    if slot not in table:
        raise ValueError(f"unknown slot {slot!r}")
    return table[slot]
