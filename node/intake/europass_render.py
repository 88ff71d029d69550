"""What both Europass schemas produce, and how it is written as CV text.

The two schemas differ in structure, not in content, so each reader fills one
``Extracted`` and the wording of cv_text (German or English headings, CEFR
levels, language names) is shared. Headings follow the CV's own language so a
German CV does not get English section names mixed into its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from talentverbund.node.intake.periods import Period

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "headline": "Desired position",
        "summary": "Summary",
        "work": "Work experience",
        "education": "Education and training",
        "mother": "Mother tongue",
        "languages": "Languages",
        "driving": "Driving licence",
        "present": "present",
        "skills": "Skills",
        "communication": "Communication skills",
        "organisational": "Organisational skills",
        "job_related": "Job-related skills",
        "computer": "Digital skills",
        "other": "Other skills",
        "achievements": "Further information",
        "certifications": "Certificates",
        "licences": "Licences",
    },
    "de": {
        "headline": "Angestrebte Tätigkeit",
        "summary": "Zusammenfassung",
        "work": "Berufserfahrung",
        "education": "Schul- und Berufsbildung",
        "mother": "Muttersprache",
        "languages": "Sprachen",
        "driving": "Führerschein",
        "present": "heute",
        "skills": "Kompetenzen",
        "communication": "Kommunikative Fähigkeiten",
        "organisational": "Organisatorische Fähigkeiten",
        "job_related": "Berufsbezogene Fähigkeiten",
        "computer": "Digitale Kompetenzen",
        "other": "Sonstige Fähigkeiten",
        "achievements": "Weitere Informationen",
        "certifications": "Zertifikate",
        "licences": "Lizenzen",
    },
}

CEFR_DIMENSIONS: dict[str, tuple[str, str]] = {
    # key: (English, German) -- the v3 element names and the HR-Open type codes
    "Listening": ("Listening", "Hören"),
    "Reading": ("Reading", "Lesen"),
    "SpokenInteraction": ("Spoken interaction", "An Gesprächen teilnehmen"),
    "SpokenProduction": ("Spoken production", "Zusammenhängendes Sprechen"),
    "Writing": ("Writing", "Schreiben"),
}
HR_OPEN_DIMENSIONS = {
    "CEF-Understanding-Listening": "Listening",
    "CEF-Understanding-Reading": "Reading",
    "CEF-Speaking-Interaction": "SpokenInteraction",
    "CEF-Speaking-Production": "SpokenProduction",
    "CEF-Writing-Production": "Writing",
}

_LANGUAGE_NAMES: dict[tuple[str, ...], tuple[str, str]] = {
    ("en", "eng"): ("English", "Englisch"),
    ("de", "deu", "ger"): ("German", "Deutsch"),
    ("fr", "fra", "fre"): ("French", "Französisch"),
    ("es", "spa"): ("Spanish", "Spanisch"),
    ("it", "ita"): ("Italian", "Italienisch"),
    ("pl", "pol"): ("Polish", "Polnisch"),
    ("tr", "tur"): ("Turkish", "Türkisch"),
    ("ar", "ara"): ("Arabic", "Arabisch"),
    ("ru", "rus"): ("Russian", "Russisch"),
    ("uk", "ukr"): ("Ukrainian", "Ukrainisch"),
    ("nl", "nld", "dut"): ("Dutch", "Niederländisch"),
    ("pt", "por"): ("Portuguese", "Portugiesisch"),
    ("da", "dan"): ("Danish", "Dänisch"),
    ("el", "ell", "gre"): ("Greek", "Griechisch"),
    ("ro", "ron", "rum"): ("Romanian", "Rumänisch"),
    ("hr", "hrv"): ("Croatian", "Kroatisch"),
    ("cs", "ces", "cze"): ("Czech", "Tschechisch"),
    ("sv", "swe"): ("Swedish", "Schwedisch"),
    ("fa", "fas", "per"): ("Persian", "Persisch"),
    ("zh", "zho", "chi"): ("Chinese", "Chinesisch"),
}
LANGUAGE_NAMES = {code: names for codes, names in _LANGUAGE_NAMES.items() for code in codes}


@dataclass
class Extracted:
    """One Europass CV, schema-independent."""

    lang: str | None = None
    personal: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    licences: list[str] = field(default_factory=list)

    @property
    def labels(self) -> dict[str, str]:
        return LABELS["de" if self.lang == "de" else "en"]

    def section(self, key: str, body: list[str]) -> None:
        """Append a heading and its lines, or nothing when the section is empty."""
        if body:
            self.lines.extend(["", self.labels[key], *body])

    def put(self, key: str, value: str) -> None:
        if value.strip():
            self.personal[key] = value.strip()


def doc_lang(code: str) -> str | None:
    """Our lang values are "de" and "en"; anything else is left to detection later."""
    prefix = code.strip().lower()[:2]
    return prefix if prefix in ("de", "en") else None


def language_name(code: str, label: str, lang: str | None) -> str:
    if label:
        return label
    names = LANGUAGE_NAMES.get(code.strip().lower())
    if names is None:
        return code.strip()
    return names[1] if lang == "de" else names[0]


def language_line(name: str, levels: dict[str, str], lang: str | None) -> str:
    """ "English: C1" when all five CEFR levels agree, else each skill named."""
    levels = {k: v.upper() for k, v in levels.items() if v.strip()}
    if not levels:
        return name
    if len(levels) == len(CEFR_DIMENSIONS) and len(set(levels.values())) == 1:
        return f"{name}: {next(iter(levels.values()))}"
    pick = 1 if lang == "de" else 0
    parts = [f"{CEFR_DIMENSIONS[k][pick]} {v}" for k, v in levels.items() if k in CEFR_DIMENSIONS]
    return f"{name}: {', '.join(parts)}"
