"""Labelled evaluation data for matching quality: job ads and CVs from the taxonomy.

Everything is generated from the built-in taxonomy (``talentverbund.matching``)
and ``bench/data/heldout.json`` (skill synonyms and occupations that the
extractor and the encoder never saw), with one ``random.Random`` per item
derived from the seed, so a run is reproducible and independent of the order
in which items are built.

* Jobs: one German job ad per occupation (title, "Ihre Aufgaben" with a subset
  of the essential skills, "Ihr Profil" with requirements, "Wünschenswert"
  with optional skills, plus the usual employer and benefits prose), and an
  English variant of each.
* Candidates: several CVs per occupation, German and English, in three
  layouts, with a personal-data header (name, address, phone, e-mail, birth
  date, nationality; sometimes gender, religion, marital status, disability,
  photo). Skills are phrased in varied templates; a share of the mentions uses
  held-out synonyms; some skills are left out; 2-4 skills of another
  occupation are mixed in; ~5 % of the words carry a typo; filler sentences.
* Swaps: a CV is rendered from a slot-free ``CvCore`` and a ``Personal``
  record, so a protected-attribute swap changes only the personal lines
  (``swap_identity``) or only the German job-title forms (``swap_title_form``).

Relevance (graded): 2 = the CV was written for the job's occupation, 1 = same
field, 0 otherwise (see ``grade``).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Final

from talentverbund.matching.taxonomy import Occupation, Skill, Taxonomy

HELDOUT_PATH: Final = Path(__file__).resolve().parent / "data" / "heldout.json"
LANGS: Final = ("de", "en")

# A title form is (masculine, feminine); German CVs pick one per candidate.
TitlePair = tuple[str, str]


# ---------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GenParams:
    seed: int = 20261123
    cvs_per_lang: int = 6  # per occupation and CV language
    occupations: int | None = None  # None: all; else a field-balanced subset
    heldout_share_cv: float = 0.35  # mentions phrased with a held-out synonym (when one exists)
    heldout_share_job: float = 0.2
    keep_essential: tuple[float, float] = (0.45, 0.85)  # share of essentials a CV mentions
    keep_optional: float = 0.3
    noise_skills: tuple[int, int] = (2, 4)  # skills of another occupation per CV
    typo_rate: float = 0.05  # share of words (>= 4 letters) with a typo, CV body only
    exact_title_share: float = 0.5  # CVs whose job titles name the occupation itself
    exact_job_title_share: float = 0.5  # job ads whose title names the occupation itself
    protected_share: float = 0.2  # per optional protected line (gender, religion, ...)

    def to_json(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "cvs_per_lang": self.cvs_per_lang,
            "occupations": self.occupations,
            "heldout_share_cv": self.heldout_share_cv,
            "heldout_share_job": self.heldout_share_job,
            "keep_essential": list(self.keep_essential),
            "keep_optional": self.keep_optional,
            "noise_skills": list(self.noise_skills),
            "typo_rate": self.typo_rate,
            "exact_title_share": self.exact_title_share,
            "exact_job_title_share": self.exact_job_title_share,
            "protected_share": self.protected_share,
        }


def rng_for(seed: int, *parts: object) -> random.Random:
    """An independent generator per item: same item, same text, whatever else is built."""
    key = "|".join([str(seed), *map(str, parts)]).encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))


# ---------------------------------------------------------------------------
# Static material
# ---------------------------------------------------------------------------

CITIES: Final = (
    ("Kiel", "24103"), ("Lübeck", "23552"), ("Hamburg", "20249"), ("Bremen", "28195"),
    ("Hannover", "30159"), ("Braunschweig", "38100"), ("Osnabrück", "49074"),
    ("Münster", "48143"), ("Bielefeld", "33602"), ("Dortmund", "44135"), ("Essen", "45127"),
    ("Köln", "50667"), ("Bonn", "53111"), ("Aachen", "52062"), ("Kassel", "34117"),
    ("Frankfurt am Main", "60311"), ("Wiesbaden", "65183"), ("Mainz", "55116"),
    ("Trier", "54290"), ("Saarbrücken", "66111"), ("Mannheim", "68159"),
    ("Karlsruhe", "76133"), ("Stuttgart", "70173"), ("Freiburg im Breisgau", "79098"),
    ("Ulm", "89073"), ("Augsburg", "86150"), ("München", "80331"), ("Regensburg", "93047"),
    ("Nürnberg", "90402"), ("Würzburg", "97070"), ("Erfurt", "99084"), ("Jena", "07743"),
    ("Leipzig", "04109"), ("Dresden", "01067"), ("Chemnitz", "09111"), ("Halle (Saale)", "06108"),
    ("Magdeburg", "39104"), ("Potsdam", "14467"), ("Berlin", "10115"), ("Rostock", "18055"),
    ("Schwerin", "19053"), ("Göttingen", "37073"),
)
STREETS: Final = (
    "Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee", "Schillerstraße",
    "Goethestraße", "Am Stadtpark", "Mühlenweg", "Kirchplatz", "Bergstraße", "Ringstraße",
    "Rosenweg", "Eichendorffstraße", "Friedrich-Ebert-Straße", "Marktstraße", "Am Hang",
    "Birkenweg", "Uhlandstraße", "Waldstraße", "Hafenstraße",
)
MAIL_DOMAINS: Final = ("web.de", "gmx.de", "t-online.de", "posteo.de", "mailbox.org", "gmail.com")

# Per field: (German area, English area)
AREAS: Final[dict[str, tuple[str, str]]] = {
    "administration": ("Verwaltung", "public administration"),
    "it": ("IT", "IT"),
    "civil_engineering": ("Bauwesen", "construction"),
    "urban_planning": ("Stadtplanung", "urban planning"),
    "surveying": ("Vermessung und Geoinformation", "surveying"),
    "social_work": ("Soziale Dienste", "social services"),
    "early_childhood": ("Kindertagesbetreuung", "childcare"),
    "health": ("Gesundheitswesen", "health services"),
    "fire_rescue": ("Feuerwehr und Rettungsdienst", "fire and rescue services"),
    "public_order": ("Ordnung und Sicherheit", "public order"),
    "finance_tax": ("Finanzen", "finance"),
    "hr": ("Personal", "human resources"),
    "legal": ("Recht", "legal services"),
    "facility": ("Gebäudemanagement", "facility management"),
    "library": ("Bibliothek und Archiv", "library and archives"),
    "environment": ("Umwelt", "environment"),
    "teaching": ("Schule und Bildung", "education"),
}
# Per field: (German degree/training, English degree/training)
EDUCATION: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "administration": (
        ("Bachelor of Arts Public Administration, Hochschule für öffentliche Verwaltung",
         "Bachelor of Arts in Public Administration, University of Applied Administrative "
         "Sciences"),
        ("Ausbildung zur/zum Verwaltungsfachangestellten", "Vocational training as an "
         "administrative clerk"),
    ),
    "it": (
        ("B.Sc. Informatik, Technische Universität", "B.Sc. Computer Science, Technical "
         "University"),
        ("Ausbildung Fachinformatiker/in Systemintegration", "Vocational training as an IT "
         "specialist for system integration"),
    ),
    "civil_engineering": (
        ("Dipl.-Ing. (FH) Bauingenieurwesen", "Diploma in Civil Engineering (University of "
         "Applied Sciences)"),
        ("Staatlich geprüfte/r Bautechniker/in", "State-certified construction technician"),
    ),
    "urban_planning": (
        ("M.Sc. Stadt- und Regionalplanung", "M.Sc. Urban and Regional Planning"),
        ("B.Eng. Raumplanung", "B.Eng. Spatial Planning"),
    ),
    "surveying": (
        ("B.Eng. Geodäsie und Geoinformatik", "B.Eng. Geodesy and Geoinformatics"),
        ("Ausbildung Vermessungstechniker/in", "Vocational training as a surveying "
         "technician"),
    ),
    "social_work": (
        ("B.A. Soziale Arbeit, staatliche Anerkennung", "B.A. Social Work, state recognition"),
        ("M.A. Sozialpädagogik", "M.A. Social Pedagogy"),
    ),
    "early_childhood": (
        ("Staatlich anerkannte/r Erzieher/in, Fachschule für Sozialpädagogik",
         "State-recognised early years educator, college of social pedagogy"),
        ("B.A. Kindheitspädagogik", "B.A. Early Childhood Education"),
    ),
    "health": (
        ("Ausbildung Pflegefachfrau/Pflegefachmann", "Vocational training in nursing"),
        ("B.Sc. Gesundheitswissenschaften", "B.Sc. Health Sciences"),
    ),
    "fire_rescue": (
        ("Laufbahnausbildung mittlerer feuerwehrtechnischer Dienst", "Career training for the "
         "professional fire service"),
        ("Ausbildung Notfallsanitäter/in", "Vocational training as a paramedic"),
    ),
    "public_order": (
        ("Ausbildung Justizfachangestellte/r", "Vocational training as a court clerk"),
        ("Verwaltungslehrgang I", "Administrative training course I"),
    ),
    "finance_tax": (
        ("Diplom-Finanzwirt/in (FH)", "Diploma in Public Finance (University of Applied "
         "Sciences)"),
        ("B.A. Betriebswirtschaftslehre", "B.A. Business Administration"),
    ),
    "hr": (
        ("B.A. Personalmanagement", "B.A. Human Resource Management"),
        ("Ausbildung Kauffrau/Kaufmann für Büromanagement", "Vocational training in office "
         "management"),
    ),
    "legal": (
        ("Zweites juristisches Staatsexamen", "Second State Examination in Law"),
        ("Ausbildung Rechtsanwaltsfachangestellte/r", "Vocational training as a legal "
         "assistant"),
    ),
    "facility": (
        ("Meister/in Elektrotechnik", "Master craftsman in electrical engineering"),
        ("B.Eng. Facility Management", "B.Eng. Facility Management"),
    ),
    "library": (
        ("B.A. Bibliotheks- und Informationswissenschaft", "B.A. Library and Information "
         "Science"),
        ("Ausbildung Fachangestellte/r für Medien- und Informationsdienste",
         "Vocational training as a media and information services assistant"),
    ),
    "environment": (
        ("M.Sc. Umweltwissenschaften", "M.Sc. Environmental Sciences"),
        ("B.Eng. Umwelttechnik", "B.Eng. Environmental Engineering"),
    ),
    "teaching": (
        ("Erstes und Zweites Staatsexamen Lehramt", "First and Second State Examination "
         "for teaching"),
        ("M.Ed. Lehramt an Grundschulen", "M.Ed. Primary Education"),
    ),
}
GENERIC_ROLES_DE: Final[tuple[TitlePair, ...]] = (
    ("Mitarbeiter", "Mitarbeiterin"),
    ("Sachbearbeiter", "Sachbearbeiterin"),
    ("Fachkraft", "Fachkraft"),
    ("Beschäftigter", "Beschäftigte"),
)
GENERIC_ROLES_EN: Final = ("Staff member", "Officer", "Specialist", "Team member")
FILLER_DE: Final = (
    "Ich arbeite gerne im Team und gelte als zuverlässig und belastbar.",
    "In meiner Freizeit engagiere ich mich ehrenamtlich im Sportverein.",
    "Ich freue mich auf neue Herausforderungen im öffentlichen Dienst.",
    "Hobbys: Lesen, Radfahren, Gartenarbeit",
    "Führerschein Klasse B",
    "Ich bin flexibel, motiviert und bringe eine hohe Lernbereitschaft mit.",
    "Meine Arbeitsweise ist strukturiert, sorgfältig und lösungsorientiert.",
    "Interessen: Fotografie, Wandern, Musik",
    "Sicherer Umgang mit MS Office (Word, Outlook).",
)
FILLER_EN: Final = (
    "I enjoy working in a team and am known to be reliable.",
    "In my spare time I volunteer at a local sports club.",
    "Looking forward to new challenges in the public sector.",
    "Hobbies: reading, cycling, gardening",
    "Driving licence (category B)",
    "Flexible, motivated and eager to learn.",
    "I work in a structured, careful and solution-oriented way.",
    "Interests: photography, hiking, music",
    "Confident user of MS Office (Word, Outlook).",
)
OTHER_LANGUAGES: Final = (
    ("Französisch", "French"), ("Spanisch", "Spanish"), ("Italienisch", "Italian"),
    ("Polnisch", "Polish"), ("Türkisch", "Turkish"), ("Russisch", "Russian"),
    ("Arabisch", "Arabic"), ("Niederländisch", "Dutch"),
)
CEFR: Final = ("A2", "B1", "B2", "C1")
MONTHS_EN: Final = ("January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December")
PROTECTED: Final[dict[str, dict[str, tuple[tuple[str, str], ...]]]] = {
    # slot -> lang -> ((line label, value), ...); a line is "label value"
    "gender": {
        "de": (("Geschlecht:", "weiblich"), ("Geschlecht:", "männlich"),
               ("Geschlecht:", "divers")),
        "en": (("Gender:", "female"), ("Gender:", "male"), ("Gender:", "non-binary")),
    },
    "religion": {
        "de": (("Konfession:", "evangelisch"), ("Religion:", "römisch-katholisch"),
               ("Religion:", "muslimisch"), ("Konfession:", "konfessionslos")),
        "en": (("Religion:", "Protestant"), ("Religion:", "Roman Catholic"),
               ("Religion:", "Muslim"), ("Religion:", "none")),
    },
    "marital_status": {
        "de": (("Familienstand:", "verheiratet, zwei Kinder"), ("Familienstand:", "ledig"),
               ("Familienstand:", "geschieden, ein Kind")),
        "en": (("Marital status:", "married, two children"), ("Marital status:", "single"),
               ("Marital status:", "divorced, one child")),
    },
    "disability": {
        "de": (("Schwerbehinderung:", "GdB 50"), ("Schwerbehinderung:", "gleichgestellt, GdB 30")),
        "en": (("Disability:", "severely disabled (degree 50)"), ("Disability:", "yes")),
    },
    "photo": {
        "de": (("", "[Foto]"), ("Foto:", "siehe Anlage")),
        "en": (("", "[Photo]"), ("Photo:", "attached")),
    },
}


def _load_names() -> dict[str, Any]:
    text = resources.files("talentverbund.node.data").joinpath("synth_names.json").read_text(
        "utf-8"
    )
    origins: dict[str, Any] = json.loads(text)["origins"]
    return origins


HeldoutLabels = dict[str, dict[str, list[str]]]


def load_heldout(path: Path = HELDOUT_PATH) -> tuple[frozenset[str], HeldoutLabels]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(data["occupations"]), data["labels"]


# ---------------------------------------------------------------------------
# Phrasing
# ---------------------------------------------------------------------------

_DE_SEPARABLE: Final = (
    "zusammen", "zurück", "weiter", "bereit", "sicher", "durch", "fest", "nach", "dar", "auf",
    "aus", "bei", "ein", "mit", "vor", "weg", "her", "hin", "an", "ab", "um", "zu",
)
_DE_INSEPARABLE: Final = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "über", "unter",
                          "hinter", "wider")
_DE_INFINITIVE = re.compile(r"^[a-zäöüß][a-zäöüß-]*(?:en|ern|eln)$")
_EN_IRREGULAR: Final = {
    "write": "wrote", "keep": "kept", "give": "gave", "meet": "met", "lead": "led",
    "draw": "drew", "teach": "taught", "make": "made", "set": "set", "build": "built",
    "take": "took", "hold": "held", "run": "ran", "understand": "understood", "speak": "spoke",
    "deal": "dealt", "bring": "brought", "seek": "sought", "read": "read", "find": "found",
    "drive": "drove", "choose": "chose", "do": "did", "have": "had", "be": "was",
    "put": "put", "think": "thought", "sell": "sold", "tell": "told", "spend": "spent",
    "undertake": "undertook", "oversee": "oversaw", "see": "saw", "get": "got", "go": "went",
    "show": "showed", "lay": "laid", "send": "sent", "stand": "stood", "withstand": "withstood",
}
_EN_DOUBLE: Final = frozenset(
    ("plan", "stop", "ship", "map", "log", "chat", "jog", "drop", "tag", "scan", "pin", "skim")
)
_EN_NOT_VERBS: Final = frozenset((
    "ict", "it", "data", "legal", "public", "social", "health", "financial", "human", "basic",
    "general", "personal", "digital", "environmental", "technical", "local", "european",
    "international", "national", "conflict", "quality", "project", "risk", "office", "budget",
))


def is_german_verb_phrase(label: str) -> bool:
    words = label.split()
    return len(words) > 1 and bool(_DE_INFINITIVE.match(words[-1]))


def is_english_verb_phrase(label: str, skill_type: str) -> bool:
    words = label.split()
    first = words[0] if words else ""
    if skill_type != "skill/competence" or not first.islower() or first in _EN_NOT_VERBS:
        return False
    if len(words) > 1 and words[1] in ("of", "and", "for", "in"):
        return False
    return not first.endswith(("ing", "tion", "ment", "ness", "ity", "s", "al", "ics"))


def zu_infinitive(phrase: str) -> str:
    """'Tabellenkalkulationsprogramme verwenden' -> '... zu verwenden' (also 'anzuwenden')."""
    words = phrase.split()

    def convert(verb: str) -> str:
        if verb.startswith(_DE_INSEPARABLE) and not verb.startswith(("über", "unter")):
            return "zu " + verb
        for prefix in _DE_SEPARABLE:
            rest = verb[len(prefix):]
            if verb.startswith(prefix) and len(rest) >= 4 and _DE_INFINITIVE.match(rest):
                return prefix + "zu" + rest
        return "zu " + verb

    words[-1] = convert(words[-1])
    if len(words) >= 3 and words[-2] in ("und", "oder") and _DE_INFINITIVE.match(words[-3]):
        words[-3] = convert(words[-3])
    return " ".join(words)


def english_past(phrase: str) -> str:
    """'manage budgets' -> 'managed budgets' (first word only; common irregulars)."""
    words = phrase.split()
    verb = words[0]
    if verb in _EN_IRREGULAR:
        past = _EN_IRREGULAR[verb]
    elif verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        past = verb[:-1] + "ied"
    elif verb in _EN_DOUBLE:
        past = verb + verb[-1] + "ed"
    else:
        past = verb + "ed"
    return " ".join([past, *words[1:]])


def cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def feminine(title: str) -> str:
    """German feminine form of an occupation title (rules on the head word)."""
    words = title.split()
    for i, word in enumerate(words):
        if not word[:1].isupper():
            continue
        base = word.rstrip(",")
        tail = word[len(base):]
        for old, new in (("beamter", "beamtin"), ("mann", "frau"), ("pfleger", "pflegerin"),
                         ("arzt", "ärztin"), ("walt", "wältin"), ("Experte", "Expertin"),
                         ("experte", "expertin"), ("loge", "login"), ("oge", "ogin"),
                         ("ter", "terin"), ("er", "erin"), ("ent", "entin"), ("ist", "istin"),
                         ("eur", "eurin"), ("ar", "arin"), ("at", "atin")):
            if base.endswith(old):
                words[i] = base[: len(base) - len(old)] + new + tail
                return " ".join(words)
        if base.endswith(("kraft", "hilfe")):
            return title
        break
    return title


def title_pair(occupation: Occupation) -> TitlePair:
    names = occupation.labels.get("de", ())
    masculine = names[0] if names else occupation.label("de")
    if len(names) > 1 and names[1] != masculine and names[1][:4] == masculine[:4]:
        return masculine, names[1]
    return masculine, feminine(masculine)


# ---------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    index: int  # skill index in the taxonomy
    source: str  # "label" (taxonomy label) or "heldout" (synonym the extractor never saw)
    phrase: str  # the words used (before typos)
    role: str  # CV: "own" or "noise"; job: "essential" or "optional"


@dataclass(frozen=True)
class Job:
    id: str
    lang: str
    occupation: int  # index into taxonomy.occupations
    field: str
    heldout: bool
    title: str
    description: str
    mentions: tuple[Mention, ...]
    title_exact: bool  # the title names the occupation (else a generic title for the field)

    def text(self) -> str:
        return f"{self.title}\n{self.description}"


@dataclass(frozen=True)
class Personal:
    name: str
    email: str
    phone: str
    street: str
    city: str  # "PLZ Ort"
    birth_date: str  # ISO
    nationality: str
    extras: tuple[tuple[str, str, str], ...] = ()  # (slot, label, value)

    def as_dict(self) -> dict[str, str]:
        """What a structured import would give the node as ``personal``."""
        out = {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "address": f"{self.street}, {self.city}",
            "birth_date": self.birth_date,
            "nationality": self.nationality,
        }
        for slot, _label, value in self.extras:
            if slot != "photo":
                out[slot] = value
        return out


# A body line is either plain text or a (masculine, feminine) pair, resolved at render time.
BodyLine = str | TitlePair


@dataclass(frozen=True)
class CvCore:
    """Everything about a CV except the personal data and the German title form."""

    lang: str
    layout: int
    occupation: int
    field: str
    heldout_occupation: bool
    title_form: str  # "masculine" | "feminine" (German titles)
    birth_style: int
    body: tuple[BodyLine, ...]
    mentions: tuple[Mention, ...]
    noise_occupation: int
    title_exact: bool  # job titles name the occupation (else generic for the field)


@dataclass(frozen=True)
class Candidate:
    id: str
    core: CvCore
    personal: Personal

    @property
    def lang(self) -> str:
        return self.core.lang

    def text(self) -> str:
        return render_cv(self.core, self.personal)


@dataclass
class Dataset:
    params: GenParams
    occupations: list[int]  # taxonomy occupation indexes used
    jobs: list[Job]  # German jobs first, then English ones, same occupation order
    candidates: list[Candidate]
    heldout_occupations: frozenset[str] = field(default_factory=frozenset)

    def jobs_in(self, lang: str) -> list[Job]:
        return [j for j in self.jobs if j.lang == lang]


def grade(job: Job, candidate: Candidate) -> int:
    if candidate.core.occupation == job.occupation:
        return 2
    return 1 if candidate.core.field == job.field else 0


# ---------------------------------------------------------------------------
# Skill phrases
# ---------------------------------------------------------------------------


class Phraser:
    """Chooses the words for a skill: a taxonomy label or a held-out synonym."""

    def __init__(self, taxonomy: Taxonomy, heldout_labels: Mapping[str, Mapping[str, list[str]]]):
        self.taxonomy = taxonomy
        self.heldout = heldout_labels

    def pick(self, skill: Skill, lang: str, rng: random.Random, share: float) -> tuple[str, str]:
        synonyms = [s for s in self.heldout.get(skill.uri, {}).get(lang, []) if s.strip()]
        if synonyms and rng.random() < share:
            return rng.choice(synonyms), "heldout"
        labels = [label for label in skill.labels.get(lang, ()) if label.strip()]
        if not labels:
            labels = [skill.label(lang)]
        # the preferred label most of the time, an alternative otherwise
        if len(labels) > 1 and rng.random() < 0.4:
            return rng.choice(labels[1:]), "label"
        return labels[0], "label"


def _is_verb(phrase: str, lang: str, skill: Skill) -> bool:
    if skill.type == "language":
        return False
    if lang == "de":
        return is_german_verb_phrase(phrase)
    return is_english_verb_phrase(phrase, skill.type)


def cv_skill_line(phrase: str, verb: bool, lang: str, rng: random.Random) -> str:
    """One sentence or bullet naming a skill, in a CV."""
    options: tuple[str, ...]
    if lang == "de":
        if verb:
            options = (
                f"- {phrase}",
                f"Zu meinen Aufgaben gehörte es, {zu_infinitive(phrase)}.",
                f"Ich bin es gewohnt, {zu_infinitive(phrase)}.",
                f"Dabei habe ich gelernt, {zu_infinitive(phrase)}.",
                f"Schwerpunkt: {phrase}",
                f"- regelmäßig {phrase}",
            )
        else:
            options = (
                f"- {cap(phrase)}",
                f"Kenntnisse im Bereich {phrase}",
                f"Fundierte Kenntnisse: {phrase}",
                f"Schwerpunkt meiner Tätigkeit: {phrase}",
                f"- Erfahrung im Bereich {phrase}",
                f"Weiterbildung: {phrase}",
                f"Zuständig für das Thema {phrase}.",
            )
    elif verb:
        options = (
            f"- {cap(english_past(phrase))}",
            f"- {cap(phrase)}",
            f"I {phrase} on a daily basis.",
            f"Responsibilities included the need to {phrase}.",
            f"Trained to {phrase}.",
            f"- {cap(english_past(phrase))} for several teams",
        )
    else:
        options = (
            f"- {cap(phrase)}",
            f"Knowledge of {phrase}",
            f"Experience in {phrase}",
            f"Solid background in {phrase}",
            f"- Focus on {phrase}",
            f"Training course: {phrase}",
        )
    return rng.choice(options)


def qualified(phrase: str, lang: str, rng: random.Random) -> str:
    """A skill-list entry, sometimes with a proficiency word."""
    roll = rng.random()
    if roll < 0.6:
        return phrase
    if lang == "de":
        return rng.choice((f"sehr gute Kenntnisse in {phrase}", f"Grundkenntnisse {phrase}",
                           f"{phrase} (gut)", f"{phrase} (sehr gut)",
                           f"{phrase} (fortgeschritten)"))
    return rng.choice((f"very good knowledge of {phrase}", f"basic {phrase}", f"{phrase} (good)",
                       f"{phrase} (advanced)", f"{phrase} (expert)"))


# ---------------------------------------------------------------------------
# Typos
# ---------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")
_KEYS: Final = "qwertzuiopasdfghjklyxcvbnm"


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(4)
    if op == 0:  # swap two neighbours
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == 1:  # drop a letter
        return word[:i] + word[i + 1:]
    if op == 2:  # double a letter
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(_KEYS) + word[i + 1:]  # wrong key


def add_typos(line: str, rate: float, rng: random.Random) -> str:
    return _WORD.sub(lambda m: typo(m.group(0), rng) if rng.random() < rate else m.group(0), line)


# ---------------------------------------------------------------------------
# Personal data
# ---------------------------------------------------------------------------


def _fold_mail(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ğ": "g",
                           "ş": "s", "ç": "c", "ć": "c", "č": "c", "š": "s", "ž": "z",
                           "đ": "d", "ó": "o", "ł": "l", "ń": "n", "ś": "s", "ż": "z",
                           "ź": "z", "ę": "e", "ą": "a", "é": "e"})
    return re.sub(r"[^a-z0-9.-]+", "", text.lower().translate(table))


class PersonalFactory:
    def __init__(self) -> None:
        self.origins = _load_names()
        self.keys = sorted(self.origins)
        self.weights = [float(self.origins[k]["weight"]) for k in self.keys]

    def identity(self, rng: random.Random, lang: str) -> tuple[str, str, str, str]:
        """(name, email, birth date ISO, nationality in ``lang``)."""
        origin = self.origins[rng.choices(self.keys, self.weights)[0]]
        firsts = origin["first_names"]
        pool = firsts[rng.choice(["female", "male"])] + firsts.get("unisex", [])
        first, last = rng.choice(pool), rng.choice(origin["surnames"])
        name = f"{first} {last}"
        suffix = rng.choice(["", str(rng.randrange(10, 99))])
        email = f"{_fold_mail(first)}.{_fold_mail(last)}{suffix}@{rng.choice(MAIL_DOMAINS)}"
        birth = f"{rng.randrange(1962, 2003)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        nationality = rng.choice(origin["nationalities"])[lang]
        return name, email, birth, nationality

    def make(self, rng: random.Random, lang: str, protected_share: float) -> Personal:
        name, email, birth, nationality = self.identity(rng, lang)
        city, plz = rng.choice(CITIES)
        street = f"{rng.choice(STREETS)} {rng.randrange(1, 120)}"
        if rng.random() < 0.5:
            phone = f"0{rng.choice(['151', '160', '170', '176'])} {rng.randrange(1000000, 9999999)}"
        else:
            phone = f"+49 {rng.randrange(30, 999)} {rng.randrange(100000, 999999)}"
        extras = []
        for slot in ("gender", "religion", "marital_status", "disability", "photo"):
            if rng.random() < protected_share:
                label, value = rng.choice(PROTECTED[slot][lang])
                extras.append((slot, label, value))
        return Personal(name, email, phone, street, f"{plz} {city}", birth, nationality,
                        tuple(extras))


def format_birth(iso: str, lang: str, style: int) -> str:
    year, month, day = iso.split("-")
    if lang == "de":
        shown = f"{day}.{month}.{year}"
        return ("Geburtsdatum: ", "geb. am ", "Geboren am ")[style % 3] + shown
    shown = (f"{int(day)} {MONTHS_EN[int(month) - 1]} {year}", f"{day}/{month}/{year}", iso)[
        style % 3
    ]
    return ("Date of birth: ", "Born: ", "Date of birth: ")[style % 3] + shown


def render_cv(core: CvCore, personal: Personal) -> str:
    """The CV text: personal block (layout-dependent) and the body."""
    de = core.lang == "de"
    lines: list[str] = []
    nat = ("Staatsangehörigkeit: " if de else "Nationality: ") + personal.nationality
    birth = format_birth(personal.birth_date, core.lang, core.birth_style)
    extras = [f"{label} {value}".strip() for _slot, label, value in personal.extras]
    if core.layout == 0:
        lines += ["Lebenslauf" if de else "Curriculum Vitae", ""]
        lines += [
            "Name: " + personal.name,
            ("Anschrift: " if de else "Address: ") + f"{personal.street}, {personal.city}",
            ("Telefon: " if de else "Phone: ") + personal.phone,
            "E-Mail: " + personal.email if de else "Email: " + personal.email,
            birth, nat, *extras, "",
        ]
    elif core.layout == 1:
        lines += [personal.name, personal.street, personal.city,
                  "Tel. " + personal.phone, personal.email, ""]
        lines += ["Persönliche Daten" if de else "Personal details", birth, nat, *extras, ""]
    else:
        lines += [f"{personal.name} | {personal.street}, {personal.city} | {personal.phone} | "
                  f"{personal.email}", f"{birth} | {nat}", *extras, ""]
    female = core.title_form == "feminine"
    for line in core.body:
        lines.append(line if isinstance(line, str) else line[1 if female else 0])
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------


class Generator:
    def __init__(self, taxonomy: Taxonomy, params: GenParams, heldout_path: Path = HELDOUT_PATH):
        self.tax = taxonomy
        self.params = params
        self.heldout_occupations, heldout_labels = load_heldout(heldout_path)
        self.phraser = Phraser(taxonomy, heldout_labels)
        self.people = PersonalFactory()

    # -- selection --------------------------------------------------------

    def select_occupations(self) -> list[int]:
        occs = self.tax.occupations
        if self.params.occupations is None or self.params.occupations >= len(occs):
            return list(range(len(occs)))
        # field-balanced: fields with a held-out occupation first, 3 occupations per field
        # (the held-out one(s) first), so the subset has seen, held-out and same-field pairs
        rng = rng_for(self.params.seed, "occupations")
        by_field: dict[str, list[int]] = {}
        for i, occ in enumerate(occs):
            by_field.setdefault(occ.field, []).append(i)
        fields = sorted(by_field, key=lambda f: (-any(occs[i].heldout for i in by_field[f]),
                                                 -len(by_field[f]), f))
        chosen: list[int] = []
        for name in fields:
            members = sorted(by_field[name], key=lambda i: (not occs[i].heldout, i))
            held = [i for i in members if occs[i].heldout][:1]
            rest = [i for i in members if i not in held]
            rng.shuffle(rest)
            chosen += (held + rest)[:3]
            if len(chosen) >= self.params.occupations:
                break
        return sorted(chosen[: self.params.occupations])

    # -- jobs ----------------------------------------------------------------

    def job(self, occ_index: int, lang: str) -> Job:
        p = self.params
        occ = self.tax.occupations[occ_index]
        rng = rng_for(p.seed, "job", occ_index, lang)
        city, _plz = rng.choice(CITIES)
        area_de, area_en = AREAS.get(occ.field, ("Verwaltung", "administration"))
        essential = list(occ.essential)
        rng.shuffle(essential)
        n_ess = max(3, round(len(essential) * rng.uniform(0.55, 0.8)))
        chosen = essential[:n_ess]
        optional = list(occ.optional)
        rng.shuffle(optional)
        chosen_opt = optional[: rng.randint(min(2, len(optional)), min(4, len(optional)))]
        tasks: list[int] = []
        reqs: list[int] = []
        for index in chosen:
            kind = self.tax.skills[index].type
            (tasks if kind == "skill/competence" and len(tasks) < 8 else reqs).append(index)
        mentions: list[Mention] = []

        def phrase(index: int, role: str) -> tuple[str, bool]:
            skill = self.tax.skills[index]
            text, source = self.phraser.pick(skill, lang, rng, p.heldout_share_job)
            mentions.append(Mention(index, source, text, role))
            return text, _is_verb(text, lang, skill)

        employer_de = rng.choice((f"Die Stadt {city}", f"Der Landkreis {city}",
                                  f"Die Stadtverwaltung {city}", f"Das Bezirksamt {city}"))
        exact = rng.random() < p.exact_job_title_share
        if lang == "de":
            masc, fem = title_pair(occ)
            if exact:
                title = rng.choice((f"{masc} (m/w/d)", f"{fem} / {masc} (w/m/d)",
                                    f"{masc} im Fachbereich {area_de} (m/w/d)"))
            else:
                title = rng.choice((f"Sachbearbeitung (m/w/d) im Fachbereich {area_de}",
                                    f"Mitarbeiter*in (m/w/d) für den Bereich {area_de}",
                                    f"Fachkraft (m/w/d) {area_de}",
                                    f"Beschäftigte*r (m/w/d) im Team {area_de}"))
            pay = rng.choice(("Entgeltgruppe 9b TVöD", "Entgeltgruppe 10 TVöD",
                              "Besoldungsgruppe A 11", "Entgeltgruppe S 8a TVöD SuE",
                              "Entgeltgruppe 11 TV-L"))
            lines = [
                f"{employer_de} sucht zum nächstmöglichen Zeitpunkt für den Fachbereich "
                f"{area_de} eine/n {title}.",
                f"{pay} | {rng.choice(('Vollzeit', 'Voll- oder Teilzeit'))} | "
                f"{rng.choice(('unbefristet', 'befristet auf zwei Jahre'))}",
                "",
                rng.choice((
                    f"Mit rund {rng.randrange(8, 40) * 100} Beschäftigten ist die Verwaltung "
                    f"ein moderner Dienstleister für die Bürgerinnen und Bürger von {city}.",
                    f"Wir sind ein engagiertes Team und suchen Verstärkung im Bereich {area_de}.",
                )),
                "",
                "Ihre Aufgaben:",
            ]
            for index in tasks:
                text, verb = phrase(index, "essential")
                lines.append(rng.choice((
                    f"- {text}" if verb else f"- {cap(text)}",
                    f"- Zu Ihren Aufgaben gehört es, {zu_infinitive(text)}" if verb
                    else f"- Sie übernehmen Aufgaben im Bereich {text}",
                )))
            lines += ["", "Ihr Profil:", "- " + rng.choice(EDUCATION[occ.field])[0]
                      + " oder eine vergleichbare Qualifikation"]
            for index in reqs:
                text, verb = phrase(index, "essential")
                lines.append(rng.choice((
                    f"- Sie sind in der Lage, {zu_infinitive(text)}" if verb
                    else f"- Kenntnisse im Bereich {text}",
                    f"- Erfahrung: {text}",
                    f"- fundierte Kenntnisse: {text}",
                )))
            if chosen_opt:
                lines += ["", "Wünschenswert:"]
                for index in chosen_opt:
                    text, verb = phrase(index, "optional")
                    lines.append(f"- {cap(text)}" if verb else rng.choice((
                        f"- {cap(text)}", f"- Erfahrung im Bereich {text}",
                        f"- Kenntnisse: {text}")))
            lines += [
                "", "Wir bieten:",
                "- einen sicheren Arbeitsplatz im öffentlichen Dienst",
                "- flexible Arbeitszeiten und die Möglichkeit zum mobilen Arbeiten",
                "- betriebliche Altersvorsorge (VBL) und ein Jobticket",
                "- vielfältige Fort- und Weiterbildungsmöglichkeiten",
                "",
                f"Bitte bewerben Sie sich bis zum {rng.randrange(1, 29)}.{rng.randrange(1, 13)}."
                "2026 über unser Online-Bewerbungsportal. Schwerbehinderte Menschen werden "
                "bei gleicher Eignung bevorzugt berücksichtigt.",
            ]
        else:
            if exact:
                title = rng.choice((f"{cap(occ.label('en'))} (m/f/d)",
                                    f"{cap(occ.label('en'))}, {area_en} department (m/f/d)"))
            else:
                title = rng.choice((f"Officer (m/f/d), {area_en} department",
                                    f"Specialist (m/f/d) for {area_en}",
                                    f"Team member (m/f/d) in {area_en}"))
            lines = [
                f"The City of {city} is looking for a {title} to join its {area_en} "
                "department as soon as possible.",
                f"Pay grade {rng.choice(('E 9b', 'E 10', 'A 11', 'E 11'))} | full time | "
                f"{rng.choice(('permanent', 'fixed-term for two years'))}",
                "",
                "Your tasks:",
            ]
            for index in tasks:
                text, verb = phrase(index, "essential")
                lines.append(f"- {cap(text)}" if verb else
                             rng.choice((f"- {cap(text)}", f"- Responsibility for {text}")))
            lines += ["", "Your profile:", "- " + rng.choice(EDUCATION[occ.field])[1]
                      + " or a comparable qualification"]
            for index in reqs:
                text, verb = phrase(index, "essential")
                lines.append(f"- Ability to {text}" if verb else
                             rng.choice((f"- Knowledge of {text}", f"- Experience in {text}")))
            if chosen_opt:
                lines += ["", "Desirable:"]
                for index in chosen_opt:
                    text, verb = phrase(index, "optional")
                    lines.append(f"- Ability to {text}" if verb else rng.choice((
                        f"- {cap(text)}", f"- Experience in {text}")))
            lines += [
                "", "We offer:",
                "- a secure job in the public sector",
                "- flexible working hours and remote work",
                "- a company pension scheme and a public transport ticket",
                "", "Please apply via our online portal.",
            ]
        return Job(
            id=f"job-{lang}-{occ_index:03d}", lang=lang, occupation=occ_index, field=occ.field,
            heldout=occ.uri in self.heldout_occupations or occ.heldout, title=title,
            description="\n".join(lines), mentions=tuple(mentions), title_exact=exact,
        )

    # -- CVs -------------------------------------------------------------------

    def cv_core(self, occ_index: int, lang: str, k: int, others: Sequence[int]) -> CvCore:
        p = self.params
        occ = self.tax.occupations[occ_index]
        rng = rng_for(p.seed, "cv", occ_index, lang, k)
        de = lang == "de"
        keep = rng.uniform(*p.keep_essential)
        own = [i for i in occ.essential if rng.random() < keep]
        if len(own) < 3:
            own = rng.sample(list(occ.essential), min(3, len(occ.essential)))
        own += [i for i in occ.optional if rng.random() < p.keep_optional and i not in own]
        rng.shuffle(own)
        noise_occ = rng.choice([o for o in others if o != occ_index])
        noise_pool = [i for i in self.tax.occupations[noise_occ].essential if i not in own]
        noise = rng.sample(noise_pool, min(len(noise_pool), rng.randint(*p.noise_skills)))

        mentions: list[Mention] = []

        def phrase(index: int, role: str) -> tuple[str, bool]:
            skill = self.tax.skills[index]
            text, source = self.phraser.pick(skill, lang, rng, p.heldout_share_cv)
            mentions.append(Mention(index, source, text, role))
            return text, _is_verb(text, lang, skill)

        # titles: the occupation's own (50 %) or a generic one for the field
        area_de, area_en = AREAS.get(occ.field, ("Verwaltung", "administration"))
        exact = rng.random() < p.exact_title_share
        if de:
            if exact:
                title: BodyLine = title_pair(occ)
            else:
                role_m, role_f = rng.choice(GENERIC_ROLES_DE)
                title = (f"{role_m} im Bereich {area_de}", f"{role_f} im Bereich {area_de}")
        else:
            names = [n for n in occ.labels.get("en", ()) if n.strip()] or [occ.label("en")]
            title = cap(rng.choice(names[:2])) if exact else \
                f"{rng.choice(GENERIC_ROLES_EN)}, {area_en}"
        noise_area = AREAS.get(self.tax.occupations[noise_occ].field, ("Verwaltung", "admin"))
        noise_title: BodyLine = (
            ("Aushilfe im Bereich " + noise_area[0], "Aushilfe im Bereich " + noise_area[0]) if de
            else "Temporary assistant, " + noise_area[1]
        )

        # distribute: ~60 % of own skills in experience bullets, the rest in a skills list
        n_exp = round(len(own) * 0.6)
        exp_skills, list_skills = own[:n_exp], own[n_exp:]
        jobs_count = rng.randint(2, 3)
        chunks: list[list[int]] = [exp_skills[i::jobs_count] for i in range(jobs_count)]
        body: list[BodyLine] = []
        year = 2025
        city_a, _ = rng.choice(CITIES)
        city_b, _ = rng.choice(CITIES)

        # a short profile, then the experience
        fillers = FILLER_DE if de else FILLER_EN
        years = rng.randint(3, 18)
        body += [
            "Kurzprofil" if de else "Profile",
            f"{years} Jahre Berufserfahrung im Bereich {area_de}." if de
            else f"{years} years of professional experience in {area_en}.",
            rng.choice(fillers),
            "",
        ]

        body.append("Berufserfahrung" if de else "Work experience")
        employers_de = (f"Stadt {city_a}", f"Landkreis {city_b}", f"Stadtverwaltung {city_a}",
                        f"Bezirksamt {city_b}", f"Kreisverwaltung {city_b}")
        employers_en = (f"City of {city_a}", f"{city_b} District Council",
                        f"Municipality of {city_a}")
        for j, chunk in enumerate(chunks):
            start = year - rng.randint(2, 6)
            period = (f"{rng.randint(1, 12):02d}/{start} – " +
                      ("heute" if de and j == 0 else "present" if j == 0 else
                       f"{rng.randint(1, 12):02d}/{year}"))
            employer = rng.choice(employers_de if de else employers_en)
            body.append(period)
            body.append(title)
            body.append(employer)
            for index in chunk:
                text, verb = phrase(index, "own")
                body.append(cv_skill_line(text, verb, lang, rng))
            body.append("")
            year = start
        # an older, unrelated job carries the noise skills
        start = year - rng.randint(1, 3)
        body += [f"{rng.randint(1, 12):02d}/{start} – {rng.randint(1, 12):02d}/{year}",
                 noise_title, rng.choice(employers_de if de else employers_en)]
        for index in noise:
            text, verb = phrase(index, "noise")
            body.append(cv_skill_line(text, verb, lang, rng))
        body.append("")

        body += ["Ausbildung" if de else "Education",
                 f"{start - rng.randint(3, 5)} – {start}", rng.choice(EDUCATION[occ.field])[
                     0 if de else 1], ""]

        if list_skills:
            body.append(rng.choice(("Kenntnisse", "Fachkenntnisse", "Kompetenzen")) if de
                        else rng.choice(("Skills", "Key skills", "Competencies")))
            entries = []
            for index in list_skills:
                text, _verb = phrase(index, "own")
                entries.append(qualified(text, lang, rng))
            if rng.random() < 0.5:
                body += [f"- {e}" for e in entries]
            else:
                body.append(", ".join(entries))
            body.append("")

        body.append("Sprachen" if de else "Languages")
        other = rng.choice(OTHER_LANGUAGES)
        if de:
            body.append(rng.choice(("Deutsch: Muttersprache", "Deutsch (C2)", "Deutsch: C1")))
            body.append(f"Englisch: {rng.choice(CEFR)}")
            if rng.random() < 0.4:
                body.append(f"{other[0]}: {rng.choice(CEFR[:2])}")
        else:
            body.append(rng.choice(("German: native", "German (C1)", "German: B2")))
            body.append(rng.choice(("English: fluent", "English (C1)", "English: C2")))
            if rng.random() < 0.4:
                body.append(f"{other[1]}: {rng.choice(CEFR[:2])}")
        body += ["", rng.choice(fillers)]

        if p.typo_rate > 0:
            typo_rng = rng_for(p.seed, "typos", occ_index, lang, k)
            body = [
                add_typos(line, p.typo_rate, typo_rng) if isinstance(line, str) else line
                for line in body
            ]
        return CvCore(
            lang=lang, layout=rng.randrange(3), occupation=occ_index, field=occ.field,
            heldout_occupation=occ.uri in self.heldout_occupations or occ.heldout,
            title_form=rng.choice(("masculine", "feminine")), birth_style=rng.randrange(3),
            body=tuple(body), mentions=tuple(mentions), noise_occupation=noise_occ,
            title_exact=exact,
        )

    def build(self) -> Dataset:
        p = self.params
        occs = self.select_occupations()
        jobs = [self.job(o, "de") for o in occs] + [self.job(o, "en") for o in occs]
        drafts: list[tuple[CvCore, Personal]] = []
        for o in occs:
            for lang in LANGS:
                for k in range(p.cvs_per_lang):
                    core = self.cv_core(o, lang, k, occs)
                    person = self.people.make(rng_for(p.seed, "person", o, lang, k), lang,
                                              p.protected_share)
                    drafts.append((core, person))
        # ids in a shuffled order: a tie between candidates must not favour an occupation
        order = list(range(len(drafts)))
        rng_for(p.seed, "ids").shuffle(order)
        candidates = [
            Candidate(f"c{rank:05d}", *drafts[i]) for rank, i in sorted(
                ((rank, i) for rank, i in enumerate(order)), key=lambda t: t[1])
        ]
        return Dataset(p, occs, jobs, candidates, self.heldout_occupations)

    # -- protected-attribute swaps -------------------------------------------

    def swap_identity(self, candidate: Candidate) -> Candidate:
        """Same CV, another person: name (and the e-mail made from it), birth date,
        nationality, and the values of any gender/religion/marital/disability line."""
        rng = rng_for(self.params.seed, "swap", candidate.id)
        person = candidate.personal
        for _ in range(10):
            name, email, birth, nationality = self.people.identity(rng, candidate.lang)
            if name != person.name and nationality != person.nationality:
                break
        extras = []
        for slot, label, value in person.extras:
            options = [v for v in PROTECTED[slot][candidate.lang] if v[1] != value]
            if slot != "photo" and options:
                label, value = rng.choice(options)
            extras.append((slot, label, value))
        swapped = replace(person, name=name, email=email, birth_date=birth,
                          nationality=nationality, extras=tuple(extras))
        return replace(candidate, personal=swapped)

    @staticmethod
    def swap_title_form(candidate: Candidate) -> Candidate:
        """Same CV with the other German title form ('Sachbearbeiterin' <-> 'Sachbearbeiter')."""
        flipped = "masculine" if candidate.core.title_form == "feminine" else "feminine"
        return replace(candidate, core=replace(candidate.core, title_form=flipped))


def build_dataset(taxonomy: Taxonomy, params: GenParams) -> Dataset:
    return Generator(taxonomy, params).build()
