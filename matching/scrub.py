"""PII scrubbing: the only form of a CV that skill extraction ever reads.

Matching must be blind to who a candidate is (AGG §1: ethnic origin, gender,
religion or belief, disability, age, sexual identity; plus name, photo, birth
date, nationality, marital status and contact data). The extractor therefore
reads ``scrub(cv).text``, never the CV itself, and the fairness requirement is
stated on this output: two CVs that differ only in one personal datum must
scrub to *byte-identical* text, so the extracted skills and the vector are
bit-identical too.

How identical output is achieved
--------------------------------
* Every removed span becomes the same placeholder, ``[…]``, whatever was
  removed and however long it was. A few gendered words are *replaced* by a
  neutral word instead, because the fact they carry is not personal:
  "Mutterschutz", "Vaterzeit", "maternity leave" -> "Elternzeit" /
  "parental leave" (a career break stays visible, never as a gap, and never
  with its gender), English "he"/"she" -> "they", "his"/"her"/"him" -> "their".
* Whitespace is normalised afterwards (runs collapsed, lines stripped, lines
  that end up holding only placeholders or punctuation dropped, runs of
  placeholders merged, leading/trailing placeholders stripped, consecutive blank
  lines collapsed), so spans of different lengths or a different number of
  spans give the same text.
* A line that is a labelled personal field ("Religion: evangelisch",
  "Nationality: Turkish") goes completely, label and value, so whether the
  field is present at all does not show either.
* ``scrub`` is idempotent: ``scrub(scrub(x).text).text == scrub(x).text``.
  Removing text can make the rest look different (a handle "@00" no longer
  glued to a phone number, a heading now followed by a blank line), so every
  rule that depends on its surroundings judges the line as a second run
  would see it, and the changed lines are re-checked until nothing changes.

Rules (German and English)
--------------------------
Contact and identifiers: e-mail (also "(at)" forms), phone numbers (+49,
0049, 0431 123456, (0431) 12 34-56, 0431/123456, mobile), URLs, bare domains
and social handles, IBAN, tax id, social-security and NI numbers, postal
addresses (street + number, "Am Stadtpark 12", PLZ + town, "c/o", "Postfach").
Labelled personal fields (a line or a "label: value" part of a line): name,
birth date/place, age, gender, pronouns, nationality/citizenship/origin,
residence status, religion/confession, marital status/children, photo,
disability/health, sexual identity, identifiers, bank details, contact data.
Statements without a label: birth ("geb. 12.03.1988 in Ankara", "geboren
am", "born", "DOB", "* 12.03.1988") and nationality/origin ("türkische
Staatsangehörigkeit", "citizen of", "mit türkischen Wurzeln") remove their
whole clause, and so do disability statements ("GdB 50", "schwerbehindert",
"gleichgestellt", "severely disabled"); age ("34 Jahre alt", "aged 34",
"34-jährige"), salutations ("Herr", "Frau", "Mr", "Ms" and the name that
follows), gender words ("weiblich", "male", "als Frau", "as a man",
"(m/w/d)"), religion words (uninflected "evangelisch", "muslimisch",
"Catholic", ...), marital words and children ("verheiratet", "2 Kinder",
"married, two children", "Mutter von zwei Kindern"), photo mentions and
sexual identity words are removed where they stand. Residence status,
"Migrationshintergrund", "Behinderung" and "disability" count only as a
field or in the first person ("ich habe eine Behinderung", "I hold a work
permit"): "Menschen mit Behinderung", "Einbürgerung" or "Familien mit
Migrationshintergrund" are also the work of social services and immigration
offices. "Muttersprache"/"mother tongue"/"native" are kept: the extractor
maps them to CEFR C2 (the language itself is a skill); a nationality next to
them is removed. In a "Persönliche Daten"/"Personal details" block every
short unlabelled line goes too ("deutsch", "ledig").

The name, without any list of names
-----------------------------------
The scrubber never uses a list of first names or surnames: such a list would
only prove that it finds the names on the list, and would fail exactly the
people whose names are rare here. Names are found structurally instead:

* the header: the first of the first two surviving lines before the first
  section heading that is (or starts with) 2-5 capitalised words, in any
  script (plus particles such as "von", "de", "bin", initials, salutations
  and academic titles) and holds no CV, section or job word; also
  "Lebenslauf von X", "Curriculum Vitae – X";
* fields labelled as a name ("Name:", "Vorname:", "Surname:", ..., also a
  label alone on its line with the value on the next) and "Mein Name ist X" /
  "My name is X";
* signature lines at the end ("Kiel, 01.02.2024" followed by a name, or
  "Kiel, 01.02.2024 / Max Mustermann");
* a salutation or title followed by a capitalised word ("Herr Koch").

The header name is replaced by a placeholder line of its own. That line also
marks the header as done, which keeps ``scrub`` idempotent: run again, the
scrubber sees the marker and does not take the next line for a name.

A name found this way is then removed wherever the same full sequence occurs
again. When intake knows the candidate's personal fields, ``known`` adds them:
e-mail, phone (any spacing, +49 or 0), address parts that contain a digit,
the birth date in every common format, and the name.

The name trade-off ("Koch" is also a cook)
------------------------------------------
Many surnames are words, often occupations (Koch, Richter, Schneider, Maurer,
Fischer, Weber, Gärtner) and many first names are too ("Jan" is January).
Removing every "Koch" in the CV of Max Koch would also delete "Ausbildung
zum Koch" for a cook, and then two cooks named Koch and Weber would get
different vectors: the very unfairness the scrubber exists to prevent. So a
name token is removed only where it is used as a name: the full name
sequence or any run of two or more of its tokens (case-insensitive, also
umlaut-folded: "Müller"/"Mueller"/"Muller", "Yılmaz"/"Yilmaz"), a token after a
salutation, title, initial or name particle ("Herr Koch", "Dr. Koch",
"M. Koch", "von Koch"), never inside a compound ("Kochausbildung") and never
a month-like token followed by a number ("Jan 2020"); a token alone goes
only as the subject of a third-person sentence ("Kwame is", "Koch leitete").
The price: a surname standing alone anywhere else in running text survives.
CVs are written in the first person, so this is rare, and it is the lesser
harm.

Limitations (documented, not hidden)
------------------------------------
* Proxies are not removed: school-leaving and graduation years (age),
  languages and places of study (origin), employers with a religious
  affiliation, "Zivildienst"/"Wehrdienst" (gender and age). The extractor
  reads skills only, and the experience band needs the dates.
* German third-person pronouns ("er"/"sie") are left alone ("sie" is also
  "they" and the polite "you").
* Unlabelled nationality adjectives in free text ("I am Turkish") and
  unlabelled bare values outside the header and personal blocks cannot be
  told from language skills without a list, so they survive.
* A birth or origin statement in prose removes its whole clause or sentence,
  including anything else said in it (privacy first).
* A one-word name line in the header is kept: it cannot be told from a job
  title ("Verwaltungsfachangestellte") without a list of names. Nor can an
  English job title in title case that uses no known job word.
* Only German, Austrian and Swiss postcodes are recognised; a town after a
  foreign street address survives (towns are not protected; the region is
  a matching criterion anyway).
* English "he"/"she" become "they" without fixing the verb ("They has led").
* ``Redaction`` spans cover the removed personal data; formatting changes
  (collapsed whitespace, dropped punctuation-only lines) are not listed.

Speed: all rules are precompiled once (the word rules share one regex over
the lower-cased text, most patterns fail at their first character); the
candidate's own ``known`` values are found with plain string search, so
nothing is compiled per call. Measured on the project's 2-core machine (while
shared with other jobs): about 300-330 CVs of 3 KB per second of CPU time on
one core, with or without ``known``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

__all__ = ["KINDS", "PLACEHOLDER", "Redaction", "ScrubResult", "scrub"]

PLACEHOLDER: Final = "[…]"

KINDS: Final = (
    "name",
    "email",
    "phone",
    "url",
    "bank",
    "id_number",
    "address",
    "birth",
    "age",
    "gender",
    "origin",
    "religion",
    "family",
    "photo",
    "disability",
    "sexual_identity",
    "personal",
)


@dataclass(frozen=True, slots=True)
class Redaction:
    """A span of the ORIGINAL text that was removed or neutralised."""

    kind: str  # one of KINDS
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ScrubResult:
    text: str
    redactions: tuple[Redaction, ...]


# A span before merging: start, end, kind, replacement (None = the placeholder).
_Span = tuple[int, int, str, str | None]

# ---------------------------------------------------------------------------
# Shared regex pieces
# ---------------------------------------------------------------------------
# Speed notes: Python's regex engine tries a pattern at every position, so
# patterns start with something that fails fast there: a literal character
# with the word-boundary check right after it ("x(?<![\w-].)"), or the
# boundary check itself. Case-insensitive rules run case-sensitively on a
# lower-cased copy of the text (IGNORECASE alternations are several times
# slower), and nothing is compiled per call.

_H: Final = r"[^\S\r\n]"  # horizontal whitespace (any Unicode space but a line break)
_E: Final = r"(?![\w-])"  # word end, not inside a compound
_CAP: Final = r"[A-ZÄÖÜÀ-ÖØ-ÞĀ-Ž][\w'’.-]*+"  # a capitalised word (Latin scripts)
_BULLET: Final = r"[-–—•·*‣▪◦●○■□➢►>✓✔]"
_BULLETS: Final = "-–—•·*‣▪◦●○■□➢►>✓✔"
_MONTH: Final = (
    r"(?:januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november"
    r"|dezember|january|february|march|may|june|july|october|december|jan|feb|mär|mrz|mar"
    r"|apr|jun|jul|aug|sept|sep|okt|oct|nov|dez|dec)\.?"
)
_DATE: Final = (
    rf"(?:\d{{1,2}}{_H}*[./-]{_H}*\d{{1,2}}{_H}*[./-]{_H}*\d{{2,4}}"
    rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}"
    rf"|\d{{1,2}}(?:\.|st|nd|rd|th)?{_H}*(?:of{_H}+)?{_MONTH}{_H}*,?{_H}*\d{{2,4}}"
    rf"|{_MONTH}{_H}*\d{{1,2}}(?:st|nd|rd|th)?,?{_H}*\d{{4}}"
    rf"|{_MONTH}{_H}*\d{{4}}|\d{{4}})"
)
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_WORD_CHAR: Final = re.compile(r"\w")
_WORDISH: Final = re.compile(r"[\w-]")
_DIGIT: Final = re.compile(r"\d")
_TOKEN: Final = re.compile(r"\S+")


def _trie(alternatives: Iterable[str]) -> str:
    """One branch per first character, so the regex engine can skip quickly.

    Each alternative starts with a literal character (a letter, or an escaped
    "(", "[", "*"); letters get a word-boundary check right after them.
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        first, rest = (alt[:2], alt[2:]) if alt.startswith("\\") else (alt[0], alt[1:])
        groups.setdefault(first, []).append(rest)
    words: list[str] = []
    others: list[str] = []
    for first, rests in sorted(groups.items()):
        body = "|".join(sorted(set(rests), key=len, reverse=True))
        (words if first[-1].isalnum() else others).append(f"{first}(?:{body})")
    # A failing lookbehind rejects a position inside a word at once: faster
    # than letting every letter enter the branch.
    firsts = "".join(sorted({f for f in groups if f[-1].isalnum()}))
    parts = [rf"(?<![\w-])(?=[{firsts}])(?:{'|'.join(words)})"] if words else []
    return "|".join(parts + others)


def _lower(text: str) -> str:
    """``text.lower()`` with the same length, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


# ---------------------------------------------------------------------------
# Contact data and identifiers
# ---------------------------------------------------------------------------

_EMAIL_DOMAIN: Final = re.compile(r"[\w.-]*\.[\w-]+")
_AT_MARK: Final = re.compile(r"\(at\)|\[at\]|\{at\}|\(@\)|\[@\]")
_EMAIL_OBFUSCATED_DOMAIN: Final = re.compile(
    rf"{_H}*[\w-]+(?:{_H}*(?:\.|\(dot\)|\[dot\]|\{{dot\}}|\(punkt\)|\[punkt\]){_H}*[\w-]+)+"
)
_URL: Final = re.compile(
    r"h(?<![\w-].)ttps?://[^\s<>\"')\]]+|f(?<![\w-].)tp://[^\s<>\"')\]]+"
    r"|w(?<![\w-].)ww\.[^\s<>\"')\]]+|@(?<![\w@.].)[A-Za-z0-9_][\w.]{1,30}"
)
_TLD: Final = re.compile(r"\.(?:de|com|org|net|eu|info|at|ch|uk|fr|nl|biz)(?![\w-])")
_URL_PATH: Final = re.compile(r"/[^\s<>\"')\]]*")
_IBAN: Final = re.compile(rf"[A-Z]{{2}}\d{{2}}(?:{_H}*+[A-Z0-9]){{11,32}}")
_ID_NUMBER: Final = re.compile(
    # German tax id (11 digits), pension insurance number, US SSN
    rf"\d(?<![\w.,/-]\d)(?:\d{_H}*\d{{3}}{_H}*\d{{3}}{_H}*\d{{3}}(?![\w.,/-])"
    rf"|\d{_H}*[0-3]\d[01]\d\d{{2}}{_H}*[A-Z]{_H}*\d{{3}}(?!\w)"
    r"|\d{2}-\d{2}-\d{4}(?![\w-]))"
)
_NI_NUMBER: Final = re.compile(
    rf"[A-CEGHJ-PR-TW-Z](?<!\w.)[A-CEGHJ-PR-TW-Z]{_H}*\d{{2}}{_H}*\d{{2}}{_H}*\d{{2}}{_H}*[A-D]"
    r"(?!\w)"
)
_PHONE: Final = re.compile(
    # international: +49 431 123456, 0049 (0) 431-123456, +1 (555) 123-4567
    # (a whole run of digits or nothing, so a second run finds nothing new)
    rf"\+(?<![\w+].){_H}*+[1-9]\d{{0,3}}(?:{_H}*\(0\))?(?:{_H}*[./-]?{_H}*\(?\d{{1,6}}+\)?){{1,8}}+"
    rf"(?!\d)|0(?<![\w+].)0[1-9]\d{{0,3}}(?:{_H}*\(0\))?(?:{_H}*[./-]?{_H}*\(?\d{{1,6}}+\)?)"
    rf"{{1,8}}+(?!\d)"
    # national: 0431 123456, (0431) 12 34-56, 0431/123456, 0151 23456789
    rf"|\((?<![\w+/.,:-].)0\d{{2,5}}\)(?:{_H}*[/.-]?{_H}*\d){{4,12}}(?!\d)"
    rf"|0(?<![\w+/.,:(-].)\d{{2,5}}(?:{_H}*[/.-]?{_H}*\d){{4,12}}(?!\d)"
)
_PHONE_LABELLED: Final = re.compile(
    rf"(?:tel(?:efon)?|fon|phone|mobil(?:e)?|handy|cell|fax)\.?{_H}*(?:nr\.?|no\.?)?{_H}*"
    rf":?{_H}*(?:\+{_H}*)?\(?\d(?:[\d()/.-]|{_H}){{4,}}\d"
)
_CONTACT_LABEL_TAIL: Final = re.compile(
    rf"(?<![\w-])(?:tel(?:efon(?:nummer)?)?|fon|phone|telephone|mobil(?:e|nummer|telefon)?"
    rf"|handy|cell(?:phone)?|fax|e-?mail|mail|web(?:site|seite)?|homepage|internet|linkedin"
    rf"|xing|github|twitter|instagram|facebook|tiktok|skype|iban|bic)\.?{_H}*(?:nr\.?|no\.?)?"
    rf"{_H}*[:：]?{_H}*$|[☎✆✉📞📧📱🌐]{_H}*$",
)

# ---------------------------------------------------------------------------
# Postal addresses
# ---------------------------------------------------------------------------

_STREET_SUFFIXES: Final = (
    "straße", "strasse", "str.", "weg", "allee", "ring", "platz", "gasse", "damm", "ufer",
    "chaussee", "steig", "stieg", "pfad", "markt", "kamp", "wall", "graben", "twiete",
    "redder", "deich", "zeile", "brücke", "hof", "garten", "park", "berg", "feld", "grund",
    "winkel", "hain", "höhe", "aue", "anger", "weide", "koppel",
)  # fmt: skip
_STREET_WORDS: Final = (
    r"(?:straße|strasse|str\.|weg|allee|platz|gasse|damm|ufer|ring|chaussee|street|st\.|road"
    r"|rd\.|avenue|ave\.|lane|drive|way|square|place|close|court|crescent|terrace)"
)
_STREET_WORDS_CAP: Final = (
    r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Way|Square|Place|Close|Court"
    r"|Crescent|Terrace)"
)
_HOUSE_NO: Final = rf"\d{{1,3}}{_H}*[a-zA-Z]?(?:{_H}*[-/]{_H}*\d{{1,3}}[a-zA-Z]?)?(?!\w)"
_ADDRESS_END: Final = rf"(?={_H}*(?:[\r\n,;|•·/(]|\d{{4,5}}|$))"
# On the lower-cased text: "musterweg 5", "karl-marx-allee 103", "kieler straße 12".
_STREET: Final = re.compile(
    rf"[a-zäöüß](?<![\w-].)(?=[\w'’.-]*+{_H}+(?:[\w.]+{_H}+)?\d)[\w'’.-]*+(?:"
    + "|".join(f"(?<={re.escape(s)})" for s in _STREET_SUFFIXES)
    + rf"|{_H}+{_STREET_WORDS})"
    rf"{_H}+{_HOUSE_NO}{_ADDRESS_END}",
    re.MULTILINE,
)
_HOUSE_NUMBER: Final = re.compile(
    rf"\d(?<!\S\d)\d{{0,2}}{_H}*[a-zA-Z]?(?:{_H}*[-/]{_H}*\d{{1,3}}[a-zA-Z]?)?(?!\w)"
    rf"{_ADDRESS_END}",
    re.MULTILINE,
)
_STREET_PHRASE: Final = re.compile(
    rf"(?:A(?<![\w-].)(?:m|n{_H}+de[mnr]|uf{_H}+de[mnr]|lte[rns]?)|I(?<![\w-].)(?:m|n{_H}+de[mnr])"
    rf"|Z(?<![\w-].)u[mr]|B(?<![\w-].)(?:eim|ei{_H}+de[mnr])|H(?<![\w-].)(?:inter{_H}+de[mnr]"
    rf"|ohe[rns]?)|U(?<![\w-].)(?:nter{_H}+de[mnr]|ntere[rns]?)|V(?<![\w-].)or{_H}+de[mnr]"
    rf"|Ü(?<![\w-].)ber{_H}+de[mnr]|N(?<![\w-].)eue[rns]?|G(?<![\w-].)roße[rns]?"
    rf"|K(?<![\w-].)leine[rns]?|L(?<![\w-].)ange[rns]?|O(?<![\w-].)bere[rns]?)"
    rf"{_H}+(?:{_CAP}{_H}+){{0,2}}{_CAP}{_H}+{_HOUSE_NO}{_ADDRESS_END}",
    re.MULTILINE,
)
_STREET_EN: Final = re.compile(
    rf"\d(?<![\w.,/-]\d)\d{{0,3}}[a-zA-Z]?{_H}+(?:{_CAP}{_H}+){{1,3}}{_STREET_WORDS_CAP}(?!\w)"
    rf"{_ADDRESS_END}",
    re.MULTILINE,
)
_STREET_EN_HINTS: Final = (
    "Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Lane", "Drive", "Way", "Square", "Place",
    "Close", "Court", "Crescent", "Terrace",
)  # fmt: skip
_ADDRESS_MISC_HINTS: Final = ("c/o", "postfach", "box", "wohn", "resid", "ansässig")
_NOT_TOWN: Final = (
    r"(?:Euro|EUR|Einwohner\w*|Mitarbeite\w*|Beschäftigte\w*|Kunden|Fälle\w*|Akten|Anträge\w*"
    r"|Stunden|Besucher\w*|Teilnehme\w*|Schüler\w*|Kinder\w*|Nutzer\w*|Haushalte\w*"
    r"|Datensätze\w*|Vorgänge\w*|Bescheide\w*|Menschen|Personen|Fahrzeuge\w*|Objekte\w*"
    r"|Seiten|Zeichen|Stück|Exemplare\w*|Medien|Bände\w*|Titel|Bücher\w*)\b"
)
_TOWN: Final = (
    rf"(?!\d){_H}+(?!{_NOT_TOWN}){_CAP}"
    rf"(?:{_H}+(?:am|an{_H}+der|im|in{_H}+der|ob{_H}+der|bei|vor{_H}+der|\([^()\r\n]{{1,30}}\)"
    rf"|{_CAP})){{0,3}}(?:{_H}*,{_H}*(?:Deutschland|Germany))?"
)
_POSTCODE: Final = re.compile(rf"\d(?<![\w.,/:-]\d)\d{{4}}{_TOWN}")
_POSTCODE_INTL: Final = re.compile(
    rf"D(?<![\w-]D)[-‐]{_H}*\d{{4,5}}{_TOWN}|A(?<![\w-]A)[-‐]{_H}*\d{{4}}{_TOWN}"
    rf"|C(?<![\w-]C)H[-‐]{_H}*\d{{4}}{_TOWN}"
)
_RESIDENCE: Final = rf"{_H}+(?:in|of|at){_H}+(?:{_CAP}(?:{_H}+|$)){{1,3}}"
_ADDRESS_MISC: Final = re.compile(
    rf"c(?<![\w-].)/o{_H}+[^\r\n,;|]*|P(?<![\w-].)(?:ostfach|\.?O\.?{_H}*Box){_H}*\d(?:\d|{_H}\d)*"
    rf"|W(?<![\w-].)ohn(?:haft|e|t){_RESIDENCE}|w(?<![\w-].)ohn(?:haft|e|t){_RESIDENCE}"
    rf"|R(?<![\w-].)esid(?:ent|ing){_RESIDENCE}|r(?<![\w-].)esid(?:ent|ing){_RESIDENCE}"
    rf"|A(?<![\w-].)nsässig{_RESIDENCE}|a(?<![\w-].)nsässig{_RESIDENCE}",
    re.MULTILINE,
)

# ---------------------------------------------------------------------------
# Word rules: one regex over the lower-cased text finds every candidate, a
# per-rule classifier says which rule it was.
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    # word: remove the match; clause: remove its clause; origin/birth clauses
    # also take a following place ("geb. 1988 in Ankara, Türkei");
    # replace: a neutral word; salutation: also the name after it;
    # name: "Mein Name ist X"; citizen/roots/aged/jaehrig: checked in context.
    action: str
    case: str  # any | title (original capitalised) | lower | notcaps
    alternatives: tuple[str, ...]


def _words(items: str) -> list[str]:
    """A word list written as one string (easier to read and diff than a list)."""
    return items.split()


def _alts(words: str) -> tuple[str, ...]:
    """Alternatives written one per whitespace-separated item; ``_`` is a space."""
    return tuple(w.replace("_", f"{_H}+") + _E for w in _words(words))


# Fillers allowed between "ich habe" and "Behinderung" ("eine anerkannte").
_FILLER: Final = (
    r"(?:eine|einen|ein|einer|a|an|the|anerkannte|anerkannten|körperliche|seelische|psychische"
    r"|geistige|chronische|leichte|schwere|sichtbare|unsichtbare|physical|mental|chronic"
    r"|registered|severe|visible|invisible|learning|mild|gültige|gültigen|unbefristete"
    r"|unbefristeten|valid|permanent|deutsche|deutschen|auch|also|seit|since|\d{4}|als|as"
    r"|offiziell|officially|anerkannt|mit|with)"
)
_F2: Final = rf"(?:{_FILLER}{_H}+){{0,2}}"
_F3: Final = rf"(?:{_FILLER}{_H}+){{0,3}}"
_F1: Final = rf"(?:{_FILLER}{_H}+)?"


_RULES: Final[tuple[_Rule, ...]] = (
    _Rule("gender", "word", "any", (
        *_alts(
            "weiblich weibliche weiblicher weiblichen weibliches weiblichem männlich männliche "
            "männlicher männlichen männliches männlichem maennlich female females male males "
            "woman mann transfrau transmann"
        ),
        # "as a (gay) man": English "man" alone is also the German "man" (one)
        rf"an?{_H}+(?:[^\W\d_]+{_H}+)?(?:man|woman){_E}",
        rf"als{_H}+(?:[^\W\d_]+{_H}+)?(?:frau|mann){_E}",
        rf"\({_H}*(?:[mwdfx]|div|divers)(?:{_H}*[/,|]{_H}*(?:[mwdfx]|div|divers)){{0,3}}{_H}*\)",
    )),
    _Rule("gender", "salutation", "title", _alts(
        r"herr herrn frau hr\. fr\. mr mr\. mrs mrs\. ms ms\. mx mx\. miss mister madam madame "
        r"mme mme\."
    )),
    _Rule("gender", "replace", "notcaps", _alts("he she him his her hers himself herself")),
    _Rule("gender", "replace", "any", _alts(
        "mutterschutz mutterschaftsurlaub mutterschaft vaterzeit vätermonate vaterschaftsurlaub "
        "vaterschaftszeit papazeit mamazeit babypause maternity_leave paternity_leave maternity "
        "paternity"
    )),
    _Rule("religion", "word", "any", _alts(
        r"römisch-katholisch römisch_katholisch röm.-kath. röm._kath. roemisch-katholisch "
        r"evangelisch evangelisch-lutherisch evangelisch-reformiert evangelisch-freikirchlich "
        r"evangelisch-methodistisch ev.-luth. katholisch lutherisch griechisch-orthodox "
        r"russisch-orthodox serbisch-orthodox rumänisch-orthodox syrisch-orthodox "
        r"armenisch-orthodox äthiopisch-orthodox koptisch-orthodox bulgarisch-orthodox "
        r"ukrainisch-orthodox georgisch-orthodox orthodox muslimisch islamisch jüdisch juedisch "
        r"buddhistisch hinduistisch alevitisch sunnitisch schiitisch jesidisch yezidisch "
        r"ezidisch konfessionslos religionslos atheistisch agnostisch freikirchlich "
        r"neuapostolisch baptistisch methodistisch mennonitisch muslim muslima muslimin muslime "
        r"moslem moslemin christ christin jude jüdin atheist atheistin agnostiker "
        r"agnostikerin buddhist buddhistin hindu sikh alevit alevitin jeside jesidin katholik "
        r"katholikin protestant protestantin roman_catholic catholic lutheran anglican baptist "
        r"methodist evangelical greek_orthodox russian_orthodox serbian_orthodox "
        r"romanian_orthodox eastern_orthodox coptic_orthodox syriac_orthodox armenian_orthodox "
        r"ethiopian_orthodox jewish jew alevi yazidi christian mormon quaker agnostic"
    )),
    _Rule("family", "word", "any", _alts(
        "verheiratet unverheiratet ledig geschieden verwitwet getrennt_lebend alleinerziehend "
        "alleinerziehende alleinerziehender alleinerziehenden verlobt verpartnert liiert married "
        "unmarried divorced widowed single_parent single_mother single_father single_mum "
        "single_mom single_dad in_a_registered_civil_partnership in_a_civil_partnership "
        "in_a_domestic_partnership registered_civil_partnership civil_partnership "
        "domestic_partnership registered_partnership in_eingetragener_lebenspartnerschaft "
        "in_einer_eingetragenen_lebenspartnerschaft eingetragene_lebenspartnerschaft "
        "eingetragener_lebenspartnerschaft eingetragene_partnerschaft lebenspartnerschaft "
        "lebensgemeinschaft schwanger schwangerschaft pregnant pregnancy "
        "mutter vater ehefrau ehemann ehegatte ehegattin ehepartner ehepartnerin hausfrau "
        "hausmann mama papa sohn söhne tochter töchter witwe witwer lebenspartner "
        "lebenspartnerin lebensgefährte lebensgefährtin schwiegermutter schwiegervater "
        "großmutter großvater oma opa husband wife wives daughter daughters widow widower "
        "grandmother grandfather fiancé fiancée mum mom dad"
    ) + tuple(
        rf"{n}{_H}+(?:(?:eigene[n]?|leibliche[n]?){_H}+)?(?:kind|kinder|kindern|kindes){_E}"
        for n in _words(
            "ein eine einem einen einer zwei drei vier fünf sechs sieben acht neun zehn "
            "zweier dreier vierer"
        )
    ) + tuple(
        rf"{n}{_H}+(?:(?:young|small|grown-up|adult){_H}+)?(?:child|children|kids|sons"
        rf"|daughters){_E}"
        for n in _words("one two three four five six seven eight nine ten")
    ) + tuple(
        rf"{w}(?!{_H}+tongue){_E}(?:{_H}+of{_H}+(?:[1-9]|one|two|three|four|five|six)"
        rf"(?:{_H}+(?:children|kids|child))?)?"
        for w in ("mother", "father", "parent")
    )),
    _Rule("family", "word", "lower", _alts("son sons")),
    # "single", "engaged", "separated" are ordinary English words: only as a status
    _Rule("family", "word", "any", (
        rf"i(?:{_H}+am|'m|’m){_H}+(?:(?:currently|now){_H}+)?(?:single|engaged|separated){_E}",
    )),
    _Rule("photo", "word", "any", tuple(
        rf"{w}(?:{_H}*:?{_H}*(?:anbei|beigefügt|beiliegend|siehe{_H}+anlage|s\.{_H}*anlage"
        rf"|attached|enclosed|included|see{_H}+(?:the{_H}+)?attachment))?{_E}"
        for w in ("lichtbild", "lichtbilder", "bewerbungsfoto", "bewerbungsbild", "passfoto",
                  "passbild", "porträtfoto", "portraitfoto", "headshot", rf"passport{_H}+photo")
    ) + tuple(
        rf"{w}{_H}*:?{_H}*(?:anbei|beigefügt|beiliegend|siehe{_H}+anlage|s\.{_H}*anlage"
        rf"|attached|enclosed|included|see{_H}+(?:the{_H}+)?attachment){_E}"
        for w in ("foto", "photo", "photograph", "bild", "picture")
    ) + tuple(
        rf"{b}{_H}*(?:foto|photo|bild|image|picture|lichtbild){_H}*{c}"
        for b, c in ((r"\(", r"\)"), (r"\[", r"\]"))
    ) + _alts("mit_foto with_photo inkl._foto incl._photo including_photo")),
    _Rule("sexual_identity", "word", "any", (
        *_alts(
            "homosexuell heterosexuell bisexuell pansexuell asexuell transsexuell intersexuell "
            "intergeschlechtlich lesbisch schwul queer transgender transident cisgender "
            "nicht-binär nichtbinär non-binary nonbinary genderqueer genderfluid gay lesbian "
            "bisexual homosexual heterosexual pansexual asexual intersex trans cis"
        ),
        r"lgbt\w*+(?:\*|\+)?(?![\w-])",
        r"lsbt\w*+(?:\*|\+)?(?![\w-])",
    )),
    _Rule("personal", "word", "any", _alts(
        "nichtraucher nichtraucherin raucher raucherin non-smoker nonsmoker smoker"
    )),
    _Rule("name", "name", "any", _alts(
        "mein_name_ist ich_heiße ich_heisse my_name_is i_am_called"
    )),
    _Rule("birth", "place", "any", _alts(
        r"geb\. geboren geborene geborener geborenen geburtsdatum geburtsort geburtstag "
        r"geburtsjahr geburtsname jahrgang jg\. née born birthdate birth_date date_of_birth "
        r"place_of_birth birthplace birthday d\.o\.b\. d\.o\.b dob"
    )),
    _Rule("origin", "place", "any", _alts(
        "staatsangehörigkeit staatsangehörigkeiten staatsbürgerschaft staatsbürgerschaften "
        "staatsbürger staatsbürgerin nationalität nationalitäten nationality nationalities "
        "citizenship citizen_of herkunft herkunftsland heimatland geburtsland abstammung "
        "volkszugehörigkeit country_of_origin country_of_birth meine_wurzeln unsere_wurzeln "
        "my_roots our_roots"
    )),
    _Rule("origin", "citizen", "any", _alts("citizen citizens")),
    _Rule("origin", "roots", "any", _alts("wurzeln roots")),
    _Rule("disability", "clause", "any", (
        *_alts(
            "schwerbehindert gdb grad_der_behinderung schwerbehindertenausweis "
            "behindertenausweis gleichgestellt severely_disabled severe_disability "
            "degree_of_disability registered_disabled registered_severely_disabled "
            "disability_with_equal_status"
        ),
        rf"merkzeichen{_H}+[a-z]{{1,3}}{_E}",
        rf"mit{_H}+(?:einer{_H}+)?(?:anerkannten{_H}+)?(?:schwer)?behinderung{_H}+von{_H}+\d+",
        rf"with{_H}+a{_H}+disability{_H}+of{_H}+\d+",
    )),
    # First-person statements only: "Menschen mit Behinderung" or "Einbürgerung"
    # are also the skills of social workers and immigration offices.
    _Rule("disability", "clause", "any", (
        rf"ich{_H}+bin{_H}+{_F2}(?:schwer)?(?:behindert|chronisch{_H}+krank"
        rf"|rollstuhlfahrer(?:in)?|blind|gehörlos|sehbehindert|hörbehindert){_E}",
        rf"i{_H}+(?:am|'m){_H}+{_F2}(?:disabled|chronically{_H}+ill"
        rf"|a{_H}+wheelchair{_H}+user|blind|deaf){_E}",
        rf"ich{_H}+habe{_H}+{_F2}(?:schwer)?(?:behinderung|erkrankung)"
        rf"{_E}",
        rf"i{_H}+(?:have|live{_H}+with){_H}+{_F2}(?:disability|handicap"
        rf"|illness|impairment){_E}",
        rf"meine{_H}+{_F1}(?:schwer)?(?:behinderung|erkrankung){_E}",
        rf"my{_H}+{_F1}(?:disability|handicap|illness|impairment){_E}",
        rf"ich{_H}+(?:sitze{_H}+im|nutze{_H}+einen|benutze{_H}+einen){_H}+rollstuhl{_E}",
        rf"i{_H}+use{_H}+a{_H}+wheelchair{_E}",
    )),
    _Rule("origin", "clause", "any", (
        rf"ich{_H}+(?:bin|wurde){_H}+{_F3}(?:eingebürgert|geflüchtet"
        rf"|asylbewerberin|asylbewerber|flüchtling|staatsbürgerin|staatsbürger){_E}",
        rf"i{_H}+(?:am|was|'m){_H}+{_F3}(?:naturali[sz]ed|a{_H}+refugee"
        rf"|an{_H}+asylum{_H}+seeker|a{_H}+citizen){_E}",
        rf"ich{_H}+(?:habe|besitze){_H}+{_F3}(?:aufenthaltstitel"
        rf"|aufenthaltserlaubnis|niederlassungserlaubnis|arbeitserlaubnis|blaue{_H}+karte"
        rf"|migrationshintergrund|zuwanderungsgeschichte|einwanderungsgeschichte|wurzeln)"
        rf"{_E}",
        rf"i{_H}+(?:have|hold){_H}+{_F3}(?:work{_H}+permit"
        rf"|residence{_H}+permit|blue{_H}+card|migration{_H}+background|roots){_E}",
        rf"mein(?:e|en)?{_H}+{_F1}(?:aufenthaltstitel|aufenthaltserlaubnis"
        rf"|niederlassungserlaubnis|arbeitserlaubnis|migrationshintergrund|hautfarbe"
        rf"|ethnie|herkunft|staatsbürgerschaft){_E}",
        rf"my{_H}+{_F1}(?:work{_H}+permit|residence{_H}+permit|migration{_H}+"
        rf"background|ethnicity|ethnic{_H}+background|skin{_H}+colou?r|citizenship){_E}",
    )),
    _Rule("age", "aged", "any", (rf"aged?{_H}*:?{_H}*\d{{2}}{_E}",)),
    _Rule("family", "word", "any", (
        rf"\d(?<![\w-]\d)(?<!\d[.,]\d){_H}*+(?:(?:eigene[n]?|leibliche[n]?|young|small"
        rf"|grown-up|adult){_H}+)?(?:kind|kinder|kindern|kindes|child|children|kids|sons"
        rf"|daughters){_E}",
    )),
    _Rule("age", "word", "any", (
        rf"\d(?<![\w-]\d)\d?{_H}*(?:jahre|j\.){_H}+alt{_E}",
        rf"\d(?<![\w-]\d)\d?{_H}*[-‐]?{_H}*(?:years?|yrs?\.?){_H}*[-‐]?{_H}*old{_E}",
        rf"\d(?<![\w-]\d)\d{_H}*y/o{_E}",
        rf"\({_H}*\d{{2}}{_H}*(?:jahre|j\.|years|yrs\.?|y/o){_H}*\)",
    )),
    _Rule("age", "jaehrig", "any", (rf"\d(?<![\w-]\d)\d[-‐]?jährige?[rnms]?{_E}",)),
)

_RULE_PATTERNS: Final = tuple(re.compile("|".join(rule.alternatives)) for rule in _RULES)
# All rules in one regex: those that start with a word in a first-letter trie,
# those that start with a number in a second one (run only when a hint occurs).
_WORDS_RE: Final = re.compile(
    _trie(a for rule in _RULES for a in rule.alternatives if not a.startswith("\\d"))
)
_NUMBER_START: Final = r"\d(?<![\w-]\d)"  # every number rule starts like this
_NUMBERS_RE: Final = re.compile(
    _NUMBER_START
    + "(?:"
    + "|".join(
        a.removeprefix(_NUMBER_START)
        for rule in _RULES
        for a in rule.alternatives
        if a.startswith("\\d")
    )
    + ")"
)
_NUMBER_HINTS: Final = ("kind", "child", "kids", "sons", "daughters", "jahre", "j.", "year",
                        "yr", "y/o", "jährig")  # fmt: skip
_BIRTH_STAR: Final = re.compile(rf"\*{_H}*(?=\d{{1,2}}\.|\d{{4}}|{_MONTH})")
_AGE_NOT_PERSON: Final = re.compile(
    r"(?:children|pupils|students|youths?|kids|people|persons|patients|adults|clients"
    r"|residents|users|learners|participants|between)\W*$",
)
_AGE_NOT_EXPERIENCE: Final = re.compile(
    rf"{_H}+(?:\w+{_H}+)?\w*(?:erfahrung|tätigkeit|ausbildung|praxis|zugehörigkeit|dienst"
    r"|laufbahn|karriere|mitarbeit|leitung|führung|beschäftigung|arbeit|einsatz|engagement"
    r"|expertise|erfolg|jubiläum|betrieb|geschichte|bestehen|studium|projekt)",
)
_ROOTS_BEFORE: Final = re.compile(rf"(?:mit{_H}+\w+en|with{_H}+\w+){_H}+$")
_NEUTRAL_WORDS: Final = frozenset({"they", "their", "theirs", "themself", "elternzeit"})
_PRONOUNS: Final = {
    "he": "they",
    "she": "they",
    "him": "their",
    "his": "their",
    "her": "their",
    "hers": "theirs",
    "himself": "themself",
    "herself": "themself",
}
_LEAVE_DUP: Final = re.compile(
    r"(?i)\b(elternzeit|parental leave)((?:\s*(?:und|and|/|,|&|\+|bzw\.|or|oder|–|—|-)\s*"
    r"|\s*\(\s*)(?:elternzeit|parental leave)\)?)+"
)
_CLAUSE_SEP: Final = re.compile(rf"[,;|•·()\[\]\t]|{_H}[–—-]{_H}|{_H}{{3,}}|[.!?](?={_H}+\S)")
_ABBREVIATIONS: Final = frozenset(
    _words(
        "geb gest ca bzw z b zb u a ua usw etc inkl ggf vgl evtl bspw insb str nr dr prof dipl "
        "ing med jur rer nat phil hr fr mr mrs ms mx st jg abs tel fax sog d h o max min mind jun "
        "sen jr sr v vs no dt engl gem bzgl allg techn kfm verw röm kath ev luth i e p s m w inc "
        "ltd co approx dept univ ges jan feb mär mrz mar apr jun jul aug sep sept okt oct nov "
        "dez dec née ggfs staatl gepr"
    )
)
_CONTINUATION: Final = re.compile(
    rf"{_H}*(?:{_CAP}|{_DATE})(?:{_H}+(?:{_CAP}|am|an|im|in|der|de|del|la|el|al|upon|on|\d+))"
    rf"{{0,3}}{_H}*",
)

# ---------------------------------------------------------------------------
# Labelled personal fields: a dictionary of label phrases, looked up at colons
# ---------------------------------------------------------------------------

# kind -> (strong labels, weak labels). A strong label is an unambiguous word
# that may stand anywhere and also before its value with only a space
# ("Staatsangehörigkeit deutsch"); a weak one ("Name", "Alter", "Kinder")
# needs a colon and must start a field.
_LABEL_TABLE: Final[dict[str, tuple[str, str]]] = {
    "birth": (
        "geburtsdatum|geburtsdatum und -ort|geburtsdatum und ort|geburtsdatum/-ort"
        "|geburtsdatum / -ort|geburtsdatum/ort|geburtsdatum / ort|geburtsdatum, -ort"
        "|geburtsdatum,-ort|geburtsort|geburtsjahr|geb.-datum|geb.datum|gebdatum|geb. datum"
        "|date of birth|place of birth|birth date|birthdate|birth place|birthplace"
        "|date and place of birth|date/place of birth",
        "geboren|geboren am|geb|geb.|geb. am|geb am|born|dob|d.o.b|d.o.b.|née|geburtsname"
        "|geburtstag|birthday|maiden name",
    ),
    "age": ("lebensalter", "alter|age"),
    "gender": (
        "",
        "geschlecht|gender|pronouns|pronoun|pronomen|geschlechtsidentität|sex|anrede|salutation",
    ),
    "origin": (
        "staatsangehörigkeit|staatsangehörigkeiten|staatsbürgerschaft|staatsbürgerschaften"
        "|nationalität|nationalitäten|nationality|nationalities|citizenship|herkunftsland"
        "|heimatland|geburtsland|country of origin|country of birth",
        "herkunft|abstammung|ethnie|ethnische herkunft|ethnicity|ethnic origin"
        "|ethnic background|migrationshintergrund|volkszugehörigkeit|aufenthaltstitel"
        "|aufenthaltsstatus|aufenthaltserlaubnis|aufenthaltsgenehmigung|aufenthaltsrecht"
        "|niederlassungserlaubnis|arbeitserlaubnis|arbeitsgenehmigung|work permit"
        "|residence permit|residence status|visa|visa status|immigration status|visum|race"
        "|hautfarbe",
    ),
    "religion": (
        "konfession|religionszugehörigkeit|glaubensbekenntnis|religiöse zugehörigkeit"
        "|religious affiliation",
        "religion|glaube|bekenntnis|denomination|faith|weltanschauung|belief",
    ),
    "family": (
        "familienstand|marital status|family status|civil status|anzahl kinder"
        "|anzahl der kinder",
        "kinder|children|familie|family|spouse|ehepartner|ehepartnerin|ehemann|ehefrau"
        "|dependants|dependents|vater|mutter|eltern|father|mother|parents|geschwister|siblings",
    ),
    "photo": (
        "",
        "foto|photo|lichtbild|bewerbungsfoto|passfoto|passbild|bild|picture|photograph",
    ),
    "disability": (
        "gesundheitszustand|health status",
        "schwerbehinderung|grad der behinderung|gdb|degree of disability"
        "|schwerbehindertenstatus|behinderung|disability|disabilities|handicap|gleichstellung"
        "|schwerbehindert",
    ),
    "sexual_identity": (
        "sexuelle orientierung|sexuelle identität|sexual orientation|sexual identity",
        "gender identity",
    ),
    "name": (
        "vorname|vornamen|nachname|familienname|zuname|rufname|vor- und nachname"
        "|vor- und zuname|vor und nachname|name, vorname|name,vorname|name/vorname"
        "|nachname, vorname|vollständiger name|full name|first name|first names|given name"
        "|given names|last name|surname|family name|middle name|middle names",
        "name",
    ),
    "phone": (
        "",
        "tel|tel.|telefon|telefonnummer|tel.-nr.|tel.-nr|tel-nr|telnr|fon|phone|telephone"
        "|mobil|mobile|mobiltelefon|mobilnummer|handy|handynummer|cell|cellphone|fax"
        "|rufnummer|whatsapp|signal|phone number|mobile number|telefon (mobil)|tel. (mobil)"
        "|telefon mobil|telefon privat|telefon (privat)",
    ),
    "email": (
        "",
        "e-mail|email|mail|e-mail-adresse|emailadresse|e-mailadresse|email address"
        "|e-mail address",
    ),
    # ("Web:", "Internet:", "Social Media:", "Instagram:" also head skill lines;
    # a URL or handle after them goes anyway.)
    "url": ("", "website|webseite|homepage|linkedin|linkedin-profil|xing|skype"),
    "address": (
        "",
        "adresse|anschrift|postanschrift|post-anschrift|wohnort|wohnsitz|wohnhaft|straße"
        "|strasse|plz|plz/ort|plz / ort|address|home address|postal address|residence|c/o"
        "|wohnadresse|privatadresse|heimatadresse|straße und hausnummer|straße, hausnummer",
    ),
    "id_number": (
        "steuer-id|steuerid|steueridentifikationsnummer|steuer-identifikationsnummer"
        "|steuer-idnr|steuer-idnr.|sozialversicherungsnummer|sv-nummer|svnummer"
        "|rentenversicherungsnummer|rv-nummer|versichertennummer|krankenversicherungsnummer"
        "|personalausweisnummer|ausweisnummer|reisepassnummer|passnummer|tax id|tax number"
        "|tax identification number|social security number|national insurance number",
        "steuernummer|sv-nr|sv-nr.|personalausweis|reisepass|social security"
        "|national insurance|passport|passport no|passport no.|passport number|tin|ssn"
        "|ni number|id number|id no|id no.|id card number|krankenkasse|krankenversicherung"
        "|health insurance",
    ),
    "bank": (
        "",
        "iban|bic|swift|swift-code|swift code|kontonummer|konto|blz|bankleitzahl"
        "|bankverbindung|bank|bank account|bank details|account number|sort code",
    ),
    "personal": ("", "raucher|nichtraucher|nichtraucherin|smoker|non-smoker|nonsmoker"),
}
_LABELS: Final[dict[str, tuple[str, bool]]] = {
    phrase: (kind, index == 0)
    for kind, groups in _LABEL_TABLE.items()
    for index, group in enumerate(groups)
    for phrase in group.split("|")
    if phrase
}
# Labels that may stand alone on a line with the value on the next one (tables).
_LABELS_ALONE: Final = frozenset(
    {
        "name", "vorname", "nachname", "familienname", "surname", "first name", "last name",
        "alter", "age", "geschlecht", "gender", "religion", "konfession", "kinder", "children",
        "familienstand", "marital status", "staatsangehörigkeit", "staatsbürgerschaft",
        "nationalität", "nationality", "citizenship", "geburtsdatum", "geburtsort",
        "geburtsdatum/-ort", "date of birth", "place of birth", "geboren", "telefon", "tel",
        "tel.", "mobil", "handy", "phone", "mobile", "e-mail", "email", "adresse", "anschrift",
        "address", "wohnort", "foto", "photo", "lichtbild", "schwerbehinderung", "disability",
        "iban", "bic", "bankverbindung",
    }
)  # fmt: skip
_LABEL_LAST_WORDS: Final = frozenset(
    variant
    for phrase in _LABELS
    for variant in (phrase.split()[-1], phrase.split()[-1] + ".", phrase.split()[-1].rstrip("."))
    for variant in (variant, *(b + variant for b in "(\"„[" + _BULLETS))
)
_STRONG_FIRST_WORDS: Final = frozenset(
    phrase.split()[0] for phrase, (_kind, strong) in _LABELS.items() if strong
)
_STRONG_LINE_START: Final = re.compile(
    rf"^{_H}*(?:{_BULLET}{_H}*)?(?:"
    + "|".join(sorted(map(re.escape, _STRONG_FIRST_WORDS), key=len, reverse=True))
    + r")(?![\w])",
    re.MULTILINE,
)
_LABEL_MAX_WORDS: Final = 5
_LABEL_VALUE_END: Final = re.compile(rf"[|•·;\t]|{_H}{{3,}}")
_FIELD_BREAKS: Final = frozenset("|•·;,(/\t.!?")

# ---------------------------------------------------------------------------
# Document structure: headings, CV titles, name-like lines, signatures
# ---------------------------------------------------------------------------

_HEADING_WORDS: Final = frozenset(
    _words(
        """berufserfahrung beruflicher berufliche beruflichen werdegang stationen berufspraxis
    praxiserfahrung praktika praktikum erfahrung erfahrungen tätigkeiten tätigkeit ausbildung
    ausbildungen studium bildungsweg bildung schulbildung schulausbildung schule
    hochschulausbildung hochschulbildung akademische akademischer weiterbildung weiterbildungen
    fortbildung fortbildungen qualifikation qualifikationen zusatzqualifikationen zertifikate
    zertifizierungen abschlüsse kenntnisse fachkenntnisse fähigkeiten kompetenzen fachliche
    persönliche soziale methodische edv it software sprachen sprachkenntnisse fremdsprachen
    profil kurzprofil über mich zusammenfassung daten angaben person persönliches personalien
    kontakt kontaktdaten kontaktinformationen interessen hobbys hobbies freizeit ehrenamt
    ehrenamtliches ehrenamtliche engagement referenzen projekte publikationen
    veröffentlichungen sonstiges sonstige weitere zusätzliche informationen auszeichnungen
    mitgliedschaften führerschein führerscheine schwerpunkte stärken work professional
    experience experiences employment history career education training academic background
    qualifications certifications certificates licenses licences skills key core competences
    competencies technical languages language profile summary about me personal details
    information data contact interests volunteering volunteer activities references projects
    publications awards additional further other memberships achievements objective overview
    internships internship tools lehrtätigkeit lehre teaching"""
    )
)
_HEADING_CONNECTORS: Final = frozenset(
    _words("und and sowie of zur zum der des im in für for the my meine mein & + / -")
)
_HEADING_SPLIT: Final = re.compile(r"[\s/&,+]+|-(?=\s)|(?<=\s)-")
_HEADING_PREFIX: Final = re.compile(rf"^(?:{_BULLET}|\d{{1,2}}\.|[IVX]{{1,4}}\.)\s*")
_PERSONAL_HEADINGS: Final = frozenset(
    {
        "persönliche daten",
        "persönliches",
        "persönliche angaben",
        "persönliche informationen",
        "personalien",
        "zur person",
        "angaben zur person",
        "kontakt",
        "kontaktdaten",
        "kontaktinformationen",
        "kontakt und persönliche daten",
        "persönliche daten und kontakt",
        "personal details",
        "personal information",
        "personal data",
        "personal particulars",
        "contact",
        "contact details",
        "contact information",
        "contact data",
        "personal and contact details",
        "contact and personal details",
    }
)
_CV_TITLES: Final = (
    rf"(?:tabellarischer{_H}+)?lebenslauf|kurzlebenslauf|curriculum{_H}+vitae|c\.?v\.?|resume"
    r"|résumé|bewerbung(?:sunterlagen)?|initiativbewerbung|profil"
)
_CV_TITLE_LINE: Final = re.compile(rf"(?i:{_BULLET}?{_H}*(?:{_CV_TITLES}){_H}*:?{_H}*)")
_CV_TITLE_NAME: Final = re.compile(
    rf"(?i:{_H}*(?:{_CV_TITLES}))(?:{_H}+(?i:von|of|für|for)|{_H}*[:–—|-])?{_H}*(?P<n>.+)"
)
_SEGMENT_SEP: Final = re.compile(rf"[|•·;\t]|{_H}{{2,}}|{_H}[–—-]{_H}|{re.escape(PLACEHOLDER)}")
_SIGNATURE: Final = re.compile(
    rf"(?i:(?:(?:\d{{4,5}}{_H}+)?[^\W\d_][\w.()'’ -]{{0,40}}?,{_H}*)?(?:(?:den|am|the){_H}+)?"
    rf"{_DATE}|ort,{_H}*datum|place,{_H}*date){_H}*\.?(?:{_H}*[/|–—-]{_H}*(?P<n>.+))?"
)
_SIGNATURE_WORDS: Final = re.compile(
    r"(?i:\(?(?:unterschrift|signature|gez\.|signed|mit freundlichen grüßen|mit freundlichen"
    r" grüssen|freundliche grüße|viele grüße|kind regards|best regards|yours sincerely"
    r"|sincerely|regards)\)?[,.:]?)"
)
_PLACE_DATE_NEEDS_PLACE: Final = re.compile(r"(?:\d{4,5}\s+)?[^\W\d_].*,")

_TITLES: Final = frozenset(
    _words(
        """dr. dr prof. prof dipl.-ing. dipl.-ing dipl.-kfm. dipl.-kffr. dipl.-verw.-wirt
    dipl.-verw.-wirtin dipl.-päd. dipl.-soz.päd. dipl.-inf. dipl.-jur. dipl.-betriebsw. m.a.
    b.a. m.sc. b.sc. msc bsc m.eng. b.eng. ll.m. ll.b. llm mba mpa phd ph.d. med. jur. rer.
    nat. phil. dr.-ing. jr. sr. jun. sen. (fh) fh staatl. gepr. mag. ing. rn herr herrn frau
    hr. fr. mr mr. mrs mrs. ms ms. mx mx. miss"""
    )
)
_PARTICLES: Final = frozenset(
    _words(
        "von van vom de der den del della di da das do dos du la le zu zur ter ten al el bin ibn "
        "ben abu bint y e af av"
    )
)
# Words that never are a name: CV titles, section words, job titles, organisations.
# A list of *job* words, not of names; surnames that are also occupations
# (Koch, Richter, Gärtner, Lehrer, Kaufmann, Meister, ...) are deliberately absent.
_NON_NAME_WORDS: Final = _HEADING_WORDS | frozenset(
    _words(
        """lebenslauf curriculum vitae cv resume résumé bewerbung initiativbewerbung anschreiben
    anlage anlagen seite page stadt landeshauptstadt gemeinde landkreis kreis amt gmbh ag kg
    e.v. ltd inc telefon phone email e-mail mobil adresse address engineer manager officer
    assistant administrator developer consultant specialist coordinator technician analyst
    inspector advisor adviser teacher educator nurse worker planner architect director
    secretary accountant clerk lawyer attorney paralegal librarian archivist supervisor
    scientist surveyor firefighter paramedic dispatcher caretaker electrician receptionist
    trainee apprentice intern student graduate lecturer researcher designer programmer editor
    translator interpreter representative executive head lead senior junior chief deputy public
    civil social project software services service administration management sales marketing
    human resources customer support hr tax legal finance municipal council government
    department ministry agency office authority erzieher erzieherin sachbearbeiter
    sachbearbeiterin ingenieur ingenieurin informatiker informatikerin jurist juristin
    volljurist volljuristin architekt architektin referent referentin assistent assistentin
    beamter beamtin inspektor inspektorin techniker technikerin diplom bachelor master
    verwaltung öffentlicher öffentliche dienst elternzeit parental leave they their theirs
    themself"""
    )
)
_JOB_SUFFIXES: Final = (
    "angestellte", "angestellter", "ingenieur", "ingenieurin", "informatiker", "informatikerin",
    "fachwirt", "fachwirtin", "verwaltungswirt", "verwaltungswirtin", "betriebswirt",
    "betriebswirtin", "finanzwirt", "finanzwirtin", "referent", "referentin", "sachbearbeiter",
    "sachbearbeiterin", "pädagoge", "pädagogin", "beamter", "beamtin", "inspektor",
    "inspektorin", "assistent", "assistentin", "techniker", "technikerin", "leiter",
    "leiterin", "berater", "beraterin", "erzieher", "erzieherin", "pflegerin", "kauffrau",
    "managerin", "sekretär", "sekretärin", "fachkraft", "lehrkraft", "arbeiter", "arbeiterin",
    "lehrerin", "jurist", "juristin", "architekt", "architektin", "bewerbung", "lebenslauf",
    "verwaltung", "sanitäter", "sanitäterin", "anwalt", "anwältin", "zeichner", "zeichnerin",
    "mechaniker", "mechanikerin", "elektroniker", "elektronikerin", "planerin", "wissenschaftler",
    "wissenschaftlerin", "ökonom", "ökonomin", "therapeut", "therapeutin",
)  # fmt: skip
_MONTH_WORDS: Final = frozenset(
    _words(
        "januar februar märz april mai juni juli august september oktober november dezember "
        "january february march may june july october december jan feb mär mar apr jun jul aug "
        "sep sept okt oct nov dez dec"
    )
)

_PH_RE: Final = re.escape(PLACEHOLDER)
_SEP_CLASS: Final = r"[\s,;:|/•·.–—\-]"
_PAREN_PH: Final = re.compile(rf"[(\[]\s*{_PH_RE}\s*[)\]]")
_PH_RUN: Final = re.compile(rf"{_PH_RE}(?:{_SEP_CLASS}*{_PH_RE})+")
_LEAD_PH: Final = re.compile(rf"^(?P<bullet>{_BULLET}\s*)?(?:{_PH_RE}{_SEP_CLASS}*)+")
_TRAIL_CHARS: Final = " \t,;:|/•·.–—-"
_BARE_SEGMENT: Final = re.compile(
    rf"(?:[^\W\d_A-ZÄÖÜ][^\W\d_]*(?:-[^\W\d_]+)*|\d{{2}}{_H}*(?:Jahre|years|J\.))\.?",
)
_LABEL_PREFIX: Final = re.compile(r"^[^:：]{1,40}[:：]")

_FOLD_DE: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe",
                                 "Ü": "Ue", "ß": "ss", "ẞ": "SS"})  # fmt: skip
_FOLD_EXTRA: Final = str.maketrans(
    {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
     "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "þ": "th", "ß": "ss"}
)  # fmt: skip

_KEY_KINDS: Final = (
    (("name", "vorname", "nachname", "surname", "first_name", "firstname", "last_name",
      "lastname", "given_name", "family_name", "full_name", "middle_name", "birth_name",
      "maiden_name", "geburtsname", "familienname", "rufname"), "name"),
    (("email", "e_mail", "mail", "email_address"), "email"),
    (("phone", "telephone", "tel", "telefon", "mobile", "mobil", "handy", "fax", "cell"),
     "phone"),
    (("address", "adresse", "anschrift", "street", "strasse", "straße", "postcode",
      "postal_code", "zip", "plz"), "address"),
    (("birth_date", "date_of_birth", "dob", "birthday", "geburtsdatum", "birthdate"), "birth"),
)  # fmt: skip


# ---------------------------------------------------------------------------
# Public entry point
# ---------------------------------------------------------------------------


def scrub(text: str, known: Mapping[str, str] | None = None) -> ScrubResult:
    """Remove personal data and protected attributes from a CV.

    ``known`` holds the candidate's personal fields when intake knows them
    (``name``, ``email``, ``phone``, ``address``, ``birth_date``, ...); their
    values are removed wherever they occur as such (see the module docstring
    for how name tokens are handled). Never raises for any string input.
    """
    if not isinstance(text, str):
        raise TypeError(f"scrub() needs a str, not {type(text).__name__}")
    low = _lower(text)
    lines = _split_lines(text)
    starts = [start for start, _ in lines]
    learned: list[tuple[str, ...]] = []
    merged = _merge(_line_rules(text, low, lines, starts, known, learned, True))
    rendered = _render(text, lines, merged, range(len(lines)), [])
    changed = [
        i
        for i, ((ls, le), line) in enumerate(zip(lines, rendered, strict=True))
        if line[1] or PLACEHOLDER in text[ls:le]
    ]
    merged, rendered = _settle(text, low, lines, starts, known, merged, rendered, changed)
    markers: set[int] = set()
    for _ in range(8):
        # Each removal can change what the rest of the document looks like (a
        # bare value gone, and the line above is now the last one, a signature),
        # so the structure rules run until they find nothing new.
        live = _live(rendered)
        headings, header = _headings(rendered, live)
        extra = _names(text, lines, rendered, live, header, learned, markers)
        if learned:
            extra.extend(_learned_spans(low, learned))
        extra.extend(_bare_values(text, lines, rendered, live, headings, header, markers, merged))
        if not extra:
            break
        before = merged
        merged, rendered, changed = _add(text, low, lines, starts, merged, extra, rendered)
        merged, rendered = _settle(text, low, lines, starts, known, merged, rendered, changed)
        if merged == before:
            break
    else:  # still changing (only contrived text gets here): drop what changed last
        drop: list[_Span] = [
            (lines[i][0], lines[i][1], "personal", None) for i in changed if i not in markers
        ]
        merged, rendered, _changed = _add(text, low, lines, starts, merged, drop, rendered)
    out = _join(rendered, markers)
    redactions = tuple(Redaction(kind, start, end) for start, end, kind, _ in merged)
    return ScrubResult(out, redactions)


# ---------------------------------------------------------------------------
# Lines and spans
# ---------------------------------------------------------------------------


def _line_rules(
    text: str,
    low: str,
    lines: list[tuple[int, int]],
    starts: list[int],
    known: Mapping[str, str] | None,
    learned: list[tuple[str, ...]],
    across_lines: bool,
) -> list[_Span]:
    """Every rule that looks at one line at a time (plus a label's value on the next)."""
    spans: list[_Span] = []
    _contact_spans(text, low, spans)
    _street_spans(text, low, lines, starts, spans)
    _word_spans(text, low, starts, lines, spans, learned)
    if known:
        _known_spans(text, low, known, spans)
    # Rules that depend on what comes before them on the line (a postcode at
    # the start, a label starting a field) look at the line as a second run
    # would see it, with the removals so far applied: that keeps scrub idempotent.
    spans = _tidy(text, low, spans)
    tidied = len(spans)
    _postcode_spans(text, lines, starts, _View(text, _merge(spans)), spans)
    view = _View(text, _merge(spans))
    _label_spans(text, low, starts, lines, spans, learned, view, across_lines)
    return spans[:tidied] + _tidy(text, low, spans[tidied:])


def _add(
    text: str,
    low: str,
    lines: list[tuple[int, int]],
    starts: list[int],
    merged: list[_Span],
    extra: list[_Span],
    rendered: list[_Line],
) -> tuple[list[_Span], list[_Line], list[int]]:
    """Merge more spans in and re-render only the lines they touch."""
    extra = _tidy(text, low, extra)
    merged = _merge([*merged, *extra])
    touched = sorted(
        {
            li
            for start, end, _k, _r in extra
            for li in range(
                bisect_right(starts, start) - 1, bisect_right(starts, max(start, end - 1))
            )
        }
    )
    return merged, _render(text, lines, merged, touched, rendered), touched


def _settle(
    text: str,
    low: str,
    lines: list[tuple[int, int]],
    starts: list[int],
    known: Mapping[str, str] | None,
    merged: list[_Span],
    rendered: list[_Line],
    changed: list[int],
) -> tuple[list[_Span], list[_Line]]:
    """Run the line rules again on the lines that changed, as a second run would.

    Removing a span can expose text to a rule that did not see it before (a
    handle "@00" after "0000000@00" lost its phone number). Anything found is
    mapped back to the original line and removed there, until nothing changes:
    so ``scrub`` is idempotent.
    """
    for attempt in range(_SETTLE_ROUNDS + 1):
        todo = [i for i in changed if rendered[i][0] and rendered[i][0] != PLACEHOLDER]
        if not todo:
            break
        mini = "\n".join(rendered[i][0] or "" for i in todo)
        mini_lines = _split_lines(mini)
        mini_starts = [start for start, _ in mini_lines]
        found = _merge(_line_rules(mini, _lower(mini), mini_lines, mini_starts, known, [], False))
        extra: list[_Span] = []
        for start, end, kind, repl in found:
            k = bisect_right(mini_starts, start) - 1
            ls, le = lines[todo[k]]
            m_start, m_end = mini_lines[k]
            spans = _map_back(text, ls, le, mini[m_start:m_end], start - m_start,
                              end - m_start, merged)  # fmt: skip
            if spans is None or attempt == _SETTLE_ROUNDS:
                # not in one piece in the original, or a chain that goes on and
                # on ("WEG 0:WEG 0:WEG 0 …" loses one street per round): drop the line
                extra.append((ls, le, kind, None))
            else:
                extra.extend((a, b, kind, repl) for a, b in spans)
        if not extra:
            break
        merged, rendered, changed = _add(text, low, lines, starts, merged, extra, rendered)
    return merged, rendered


_SETTLE_ROUNDS: Final = 4


def _map_back(
    text: str, ls: int, le: int, line: str, start: int, end: int, merged: list[_Span]
) -> list[tuple[int, int]] | None:
    """Where line[start:end] (a rendered line) is in the original line: the n-th
    occurrence there of what is the n-th occurrence here (None: not findable)."""
    where: list[tuple[int, int]] = []
    pos = start
    for part in line[start:end].split(PLACEHOLDER):
        piece = part.strip()
        at = pos + part.find(piece) if piece else pos
        pos += len(part) + len(PLACEHOLDER)
        if not piece:
            continue
        located = _nth_uncovered(text, ls, le, piece, merged, _count_before(line, piece, at))
        if located is not None:
            where.append(located)
            continue
        offset = at
        for word in piece.split():  # the piece is not in one part in the original
            offset = line.find(word, offset)
            found = _nth_uncovered(text, ls, le, word, merged, _count_before(line, word, offset))
            if found is None:
                return None
            where.append(found)
            offset += len(word)
    return where


def _count_before(line: str, piece: str, at: int) -> int:
    return sum(1 for start, _end in _find_words(line, 0, len(line), piece) if start < at)


def _nth_uncovered(
    text: str, ls: int, le: int, part: str, merged: list[_Span], n: int
) -> tuple[int, int] | None:
    """The n-th occurrence of ``part`` in text[ls:le] that is not removed yet."""
    ends = [span[1] for span in merged]
    for start, end in _find_words(text, ls, le, part):
        i = bisect_right(ends, start)
        if i < len(merged) and merged[i][0] <= start and merged[i][1] >= end:
            continue  # already inside a removed span
        if n == 0:
            return start, end
        n -= 1
    return None


def _uncovered(
    text: str, ls: int, le: int, part: str, merged: list[_Span]
) -> tuple[int, int] | None:
    """The first occurrence of ``part`` in text[ls:le] that is not removed yet."""
    if not part.split():
        return None
    ends = [span[1] for span in merged]
    for start, end in _find_words(text, ls, le, part):
        i = bisect_right(ends, start)
        if i < len(merged) and merged[i][0] <= start and merged[i][1] >= end:
            continue  # already inside a removed span
        return start, end
    return None


def _split_lines(text: str) -> list[tuple[int, int]]:
    """Line bounds (without the line break); \\r\\n, \\r and \\n all end a line."""
    bounds: list[tuple[int, int]] = []
    start = 0
    if "\r" not in text:
        for line in text.split("\n"):
            bounds.append((start, start + len(line)))
            start += len(line) + 1
        return bounds
    for match in _LINE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def _tidy(text: str, low: str, spans: list[_Span]) -> list[_Span]:
    """Trim whitespace off span edges; let a contact span take its bare label along."""
    tidy: list[_Span] = []
    for start, end, kind, repl in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if kind in ("phone", "email", "url", "bank") and start > 0:
            label = _CONTACT_LABEL_TAIL.search(low, max(0, start - 40), start)
            if label is not None and not _LINE_BREAK.search(text, label.start(), start):
                start = label.start()
        if repl is None and start < end:
            # Never leave a fragment of a word behind ("HeAA00..." minus the
            # IBAN would leave "He", which a second run would read as a word).
            if start > 0 and _is_word_char(text[start - 1]):
                start = _scan_back(text, start, "", 200)
            while end < len(text) and end - start < 400 and _is_word_char(text[end]):
                end += 1
        tidy.append((start, end, kind, repl))
    return tidy


def _merge(spans: Iterable[_Span]) -> list[_Span]:
    """Union of overlapping spans; the placeholder wins over a replacement word."""
    ordered = sorted((s for s in spans if s[1] > s[0]), key=lambda s: (s[0], -s[1]))
    merged: list[_Span] = []
    for start, end, kind, repl in ordered:
        if merged and start < merged[-1][1]:
            m_start, m_end, m_kind, m_repl = merged[-1]
            same = (start, end) == (m_start, m_end) and repl == m_repl
            merged[-1] = (m_start, max(end, m_end), m_kind, m_repl if same else None)
        else:
            merged.append((start, end, kind, repl))
    return merged


def _scan_back(text: str, pos: int, extra: str, limit: int) -> int:
    """Start of the run of word characters (and ``extra``) that ends at ``pos``."""
    low_bound = max(0, pos - limit)
    j = pos
    while j > low_bound:
        ch = text[j - 1]
        if not (ch.isalnum() or ch == "_" or ch in extra):
            break
        j -= 1
    return j


def _boundary_before(text: str, pos: int) -> bool:
    return pos == 0 or _WORDISH.match(text, pos - 1) is None


# ---------------------------------------------------------------------------
# Contact data, identifiers, addresses
# ---------------------------------------------------------------------------


def _contact_spans(text: str, low: str, spans: list[_Span]) -> None:
    at = text.find("@")
    while at >= 0:
        local = _scan_back(text, at, "._%+'-", 64)
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if local < at and domain is not None:
            spans.append((local, domain.end(), "email", None))
        at = text.find("@", at + 1)
    for m in _AT_MARK.finditer(low):  # "max.koch(at)web.de", "max.koch [at] web.de"
        before = m.start()
        while before > 0 and low[before - 1].isspace() and low[before - 1] not in "\r\n":
            before -= 1
        local = _scan_back(low, before, "._%+'-", 64)
        domain = _EMAIL_OBFUSCATED_DOMAIN.match(low, m.end())
        if local < before and domain is not None:
            spans.append((local, domain.end(), "email", None))
    spans.extend((m.start(), m.end(), "url", None) for m in _URL.finditer(text))
    for m in _TLD.finditer(text):  # case-sensitive: "ASP.NET" is a skill, not a domain
        begin = _scan_back(text, m.start(), "-.", 80)
        while begin < m.start() and text[begin] == ".":
            begin += 1
        if begin == m.start() or (begin > 0 and text[begin - 1] == "@"):
            continue
        end = m.end()
        path = _URL_PATH.match(text, end)
        if path is not None:
            end = path.end()
        spans.append((begin, end, "url", None))
    spans.extend((m.start(), m.end(), "bank", None) for m in _IBAN.finditer(text))
    for pattern in (_ID_NUMBER, _NI_NUMBER):
        spans.extend((m.start(), m.end(), "id_number", None) for m in pattern.finditer(text))
    for m in _PHONE.finditer(text):
        if sum(map(str.isdigit, m.group())) >= 6:
            spans.append((m.start(), m.end(), "phone", None))
    if "tel" in low or "fon" in low or "mobil" in low or "handy" in low or "cell" in low:
        for m in _PHONE_LABELLED.finditer(low):
            if _boundary_before(low, m.start()):
                spans.append((m.start(), m.end(), "phone", None))


def _street_spans(
    text: str, low: str, lines: list[tuple[int, int]], starts: list[int], spans: list[_Span]
) -> None:
    # Only lines with a house number at the end of a field can hold a street.
    candidates = sorted(
        {bisect_right(starts, m.start()) - 1 for m in _HOUSE_NUMBER.finditer(low)}
    )
    for li in candidates:
        ls, le = lines[li]
        for m in _STREET.finditer(low, ls, le):
            if text[m.start()].isupper():
                spans.append((m.start(), m.end(), "address", None))
        for m in _STREET_PHRASE.finditer(text, ls, le):
            spans.append((m.start(), m.end(), "address", None))
    if any(word in text for word in _STREET_EN_HINTS):
        spans.extend((m.start(), m.end(), "address", None) for m in _STREET_EN.finditer(text))
    if any(word in low for word in _ADDRESS_MISC_HINTS):
        spans.extend((m.start(), m.end(), "address", None) for m in _ADDRESS_MISC.finditer(text))


def _postcode_spans(
    text: str,
    lines: list[tuple[int, int]],
    starts: list[int],
    view: _View,
    spans: list[_Span],
) -> None:
    """"24103 Kiel" where a postcode can stand: line start, after a comma, after "in"."""
    international = "-" in text or "‐" in text
    for pattern in (_POSTCODE, _POSTCODE_INTL) if international else (_POSTCODE,):
        for m in pattern.finditer(text):
            ls = lines[bisect_right(starts, m.start()) - 1][0]
            before = view.prefix(ls, m.start()).rstrip()
            if not before or before[-1] in ",;|•·/(" or before.split()[-1] in ("in", "In"):
                spans.append((m.start(), m.end(), "address", None))


class _View:
    """The start of a line as a second run would see it: removals applied.

    A rule that asks "does this label start a field?" or "is this postcode
    at the start of the line?" must get the same answer on the scrubbed text
    as on the original, or a second run would remove more (not idempotent).
    """

    __slots__ = ("ends", "merged", "text")

    def __init__(self, text: str, merged: list[_Span]) -> None:
        self.text = text
        self.merged = merged
        self.ends = [span[1] for span in merged]

    def prefix(self, ls: int, pos: int) -> str:
        """text[ls:pos], removed spans as placeholders, cleaned up like a rendered line.

        Only the last 300 characters are looked at (more is "something before"),
        so a line with thousands of labels stays linear; ``_settle`` catches
        what such a line looks like once scrubbed."""
        if pos - ls > 300:
            return "… " + self.prefix(pos - 300, pos)
        text, merged = self.text, self.merged
        i = bisect_right(self.ends, ls)
        if i >= len(merged) or merged[i][0] >= pos:
            raw = text[ls:pos]
            gap = raw.endswith(("  ", "\t"))
            return " ".join(raw.split()) + ("  " if gap else "")
        pieces: list[str] = []
        p = ls
        while i < len(merged) and merged[i][0] < pos:
            start, end, _kind, repl = merged[i]
            if start > p:
                pieces.append(text[p:start])
            pieces.append(PLACEHOLDER if repl is None else repl)
            p = max(p, end)
            i += 1
        if p < pos:
            pieces.append(text[p:pos])
        raw = "".join(pieces)
        gap = raw.endswith(("  ", "\t"))
        s = " ".join(raw.split())
        for _ in range(4):
            before = s
            s = _PH_RUN.sub(PLACEHOLDER, _PAREN_PH.sub(PLACEHOLDER, s))
            if s == before:
                break
        s = _LEAD_PH.sub(lambda m: m.group("bullet") or "", s)
        return s + ("  " if gap else "")


# ---------------------------------------------------------------------------
# Word rules
# ---------------------------------------------------------------------------


def _case_ok(word: str, case: str) -> bool:
    if case == "any":
        return True
    if case == "title":  # "Frau", "Mr", "FRAU" (not "MS" Office, not "miss" a deadline)
        return word[0].isupper() and not (word.isupper() and len(word.rstrip(".")) <= 3)
    if case == "lower":
        return word[0].islower()
    return not (word.isupper() and len(word) > 1)  # notcaps: "HE" is higher education


def _word_spans(
    text: str,
    low: str,
    starts: list[int],
    lines: list[tuple[int, int]],
    spans: list[_Span],
    learned: list[tuple[str, ...]],
) -> None:
    matches = list(_WORDS_RE.finditer(low))
    if any(hint in low for hint in _NUMBER_HINTS):
        matches.extend(_NUMBERS_RE.finditer(low))
    if "*" in text:
        for m in _BIRTH_STAR.finditer(text):
            if m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in ",;(":
                _clause(text, starts, lines, m.start(), m.end(), "birth", True, spans)
    bounds_cache: dict[int, _Bounds] = {}
    for m in matches:
        start, end = m.start(), m.end()
        index = _classify(low, start, end)
        if index < 0:
            continue
        rule = _RULES[index]
        if _case_ok(text[start:end], rule.case):
            _apply(rule, text, low, starts, lines, start, end, spans, learned, bounds_cache)


_CLASSIFIED: dict[str, int] = {}


def _classify(low: str, start: int, end: int) -> int:
    """Which rule a match of the combined regex belongs to (cached by its text)."""
    key = low[start:end]
    index = _CLASSIFIED.get(key)
    if index is None:
        index = next(
            (i for i, p in enumerate(_RULE_PATTERNS) if p.fullmatch(low, start, end)), -1
        )
        if len(_CLASSIFIED) > 20000:
            _CLASSIFIED.clear()
        _CLASSIFIED[key] = index
    return index


def _apply(
    rule: _Rule,
    text: str,
    low: str,
    starts: list[int],
    lines: list[tuple[int, int]],
    start: int,
    end: int,
    spans: list[_Span],
    learned: list[tuple[str, ...]],
    cache: dict[int, _Bounds],
) -> None:
    action, kind = rule.action, rule.kind
    if action == "word":
        spans.append((start, end, kind, None))
    elif action == "replace":
        word = text[start:end]
        key = " ".join(word.lower().split())
        if key in _PRONOUNS:
            neutral = _PRONOUNS[key]
        elif key.startswith(("maternity", "paternity")):
            neutral = "parental leave"
        else:
            neutral = "Elternzeit"
        if word[0].isupper():
            neutral = neutral[0].upper() + neutral[1:]
        spans.append((start, end, kind, neutral))
    elif action == "salutation":
        spans.append((start, end, kind, None))
        name_end = _name_after(text, end)
        if name_end > end:
            spans.append((end, name_end, "name", None))
    elif action == "name":
        name_end = _name_after(text, end)
        if name_end > end:
            tokens = _name_tokens(text[end:name_end], minimum=1)
            spans.append((end, name_end, "name", None))
            if tokens and len(tokens) >= 2:
                learned.append(tuple(tokens))
    elif action in ("place", "clause"):
        _clause(text, starts, lines, start, end, kind, action == "place", spans, cache)
    elif action == "citizen":  # "a Turkish citizen", not "senior citizens"
        line_start = lines[bisect_right(starts, start) - 1][0]
        before = text[max(line_start, start - 40) : start].split()
        if before and before[-1][:1].isupper() and before[-1].lower() != "senior":
            _clause(text, starts, lines, start, end, kind, True, spans, cache)
    elif action == "roots":
        if _ROOTS_BEFORE.search(low, max(0, start - 40), start):
            _clause(text, starts, lines, start, end, kind, True, spans, cache)
    elif action == "aged":
        if not _AGE_NOT_PERSON.search(low, max(0, start - 30), start):
            spans.append((start, end, kind, None))
    elif action == "jaehrig" and not _AGE_NOT_EXPERIENCE.match(low, end):
        spans.append((start, end, kind, None))


def _name_after(text: str, pos: int) -> int:
    """End of the capitalised words after a salutation ("Frau Dr. Nguyen Van Minh")."""
    end = last = pos
    capitalised = 0
    titles = 0
    for token in _TOKEN.finditer(text, pos, min(len(text), pos + 120)):
        word = token.group()
        gap = text[last : token.start()]
        if len(gap) > 3 or "\n" in gap or "\r" in gap:
            break
        last = token.end()
        bare = word.rstrip(",;:")
        low = bare.casefold()
        if low in _TITLES:
            titles += 1
            if capitalised or titles > 3:
                break
            end = token.start() + len(bare)
            continue
        if low in _PARTICLES and capitalised:
            continue
        if not _name_shaped(bare) or low.strip(".") in _NON_NAME_WORDS or capitalised == 4:
            break
        capitalised += 1
        end = token.start() + len(bare)
        if bare != word:
            break
    return end if capitalised else pos


# Clause separators of one line, with their starts and ends (for bisect).
_Bounds = tuple[list[tuple[int, int]], list[int], list[int]]


def _clause_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause separators inside one line: punctuation, gaps, sentence ends."""
    bounds: list[tuple[int, int]] = []
    for m in _CLAUSE_SEP.finditer(text, start, end):
        if m.group() in ".!?":
            before = text[start : m.start()].rsplit(None, 1)
            word = before[-1] if before else ""
            core = word.lstrip("([\"„").casefold()
            if not core or core[-1].isdigit() or len(core) == 1 or core in _ABBREVIATIONS:
                continue
            if "." in core:  # "z.B", "u.a", "Dipl.-Ing"
                continue
        bounds.append((m.start(), m.end()))
    return bounds


def _clause(
    text: str,
    starts: list[int],
    lines: list[tuple[int, int]],
    start: int,
    end: int,
    kind: str,
    with_place: bool,
    spans: list[_Span],
    cache: dict[int, _Bounds] | None = None,
) -> None:
    """Remove the clause around [start, end): birth, origin, disability statements."""
    li = bisect_right(starts, start) - 1
    ls, le = lines[li]
    if cache is None:
        cache = {}
    if li not in cache:
        found = _clause_bounds(text, ls, le)
        cache[li] = (found, [b[0] for b in found], [b[1] for b in found])
    bounds, begins, ends = cache[li]
    i = bisect_right(ends, start) - 1
    c_start = bounds[i][1] if i >= 0 else ls
    j = bisect_left(begins, end)
    c_end = bounds[j][0] if j < len(bounds) else le
    if with_place:
        c_end = _absorb_continuation(text, bounds, begins, j, c_end, le)
    spans.append((c_start, max(c_end, end), kind, None))


def _absorb_continuation(
    text: str,
    bounds: list[tuple[int, int]],
    begins: list[int],
    j: int,
    c_end: int,
    line_end: int,
) -> int:
    """After "geb. 1988 in Ankara" also take ", Türkei" and "(Türkei)"."""
    for _ in range(3):
        if j >= len(bounds) or bounds[j][0] != c_end:
            return c_end
        sep = text[bounds[j][0] : bounds[j][1]]
        if sep == "(":
            close = text.find(")", bounds[j][1], line_end)
            if close < 0:
                return line_end
            c_end = close + 1
            j = bisect_left(begins, c_end)
            continue
        if sep != ",":
            return c_end
        seg_end = bounds[j + 1][0] if j + 1 < len(bounds) else line_end
        if _CONTINUATION.fullmatch(text, bounds[j][1], seg_end) is None:
            return c_end
        c_end = seg_end
        j += 1
    return c_end


# ---------------------------------------------------------------------------
# Labelled fields
# ---------------------------------------------------------------------------


def _label_before(
    low: str, ls: int, pos: int, strong_only: bool, view: _View
) -> tuple[int, str, bool] | None:
    """The label phrase ending at ``pos`` (a colon): start, kind, strong."""
    head = low[max(ls, pos - 60) : pos].split()
    if not head or head[-1] not in _LABEL_LAST_WORDS:
        return None  # most colons end "Schwerpunkt:", "Verantwortlich:", "08:00"
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(low, max(ls, pos - 80), pos)]
    best: tuple[int, str, bool] | None = None
    for k in range(1, min(_LABEL_MAX_WORDS, len(tokens)) + 1):
        first_start, first = tokens[-k]
        stripped = first.lstrip("(\"„[" + _BULLETS)
        offset = len(first) - len(stripped)
        phrase = " ".join([stripped, *(t for _s, t in tokens[len(tokens) - k + 1 :])])
        found = _LABELS.get(phrase) or _LABELS.get(phrase.rstrip("."))
        if found is None or (strong_only and not found[1]):
            continue
        label_start = first_start + offset
        kind, strong = found
        if not strong and not _field_start(view.prefix(ls, label_start)):
            continue
        if strong and not _boundary_before(low, label_start):
            continue
        best = (label_start, kind, strong)
    return best


def _field_start(before: str) -> bool:
    """A weak label must start a field: line start, after a separator or a sentence."""
    stripped = before.rstrip()
    if not stripped.strip(_BULLETS + " \t"):
        return True
    if stripped[-1] in _FIELD_BREAKS:
        return True
    return before.endswith("  ")


def _label_spans(
    text: str,
    low: str,
    starts: list[int],
    lines: list[tuple[int, int]],
    spans: list[_Span],
    learned: list[tuple[str, ...]],
    view: _View,
    across_lines: bool,
) -> None:
    """Labelled personal fields: label and value go, up to the next field separator."""
    found: list[tuple[int, int, str]] = []  # label start, value start, kind
    for sep in (":", "：", "\t"):
        pos = text.find(sep)
        while pos >= 0:
            li = bisect_right(starts, pos) - 1
            hit = _label_before(low, lines[li][0], pos, False, view)
            if hit is not None:
                found.append((hit[0], pos + 1, hit[1]))
            pos = text.find(sep, pos + 1)
    value_on_next: list[tuple[int, str, str]] = []  # line index, kind, label
    if "\r" in text:
        candidates: Iterable[tuple[int, int]] = lines
    else:  # only lines that start with the first word of a strong label
        candidates = [
            lines[bisect_right(starts, m.start()) - 1] for m in _STRONG_LINE_START.finditer(low)
        ]
    for ls, le in candidates:
        words = low[ls:le].split(None, 2)
        if not words:
            continue
        head = words[0].lstrip(_BULLETS) or (words[1] if len(words) > 1 else "")
        if head not in _STRONG_FIRST_WORDS:
            continue
        # A strong label at the start of a line, the value after a space or a
        # dash: "Geburtsort Ankara", "Staatsangehörigkeit – deutsch".
        tokens = list(_TOKEN.finditer(low, ls, le))[: _LABEL_MAX_WORDS + 1]
        if tokens and not tokens[0].group().strip(_BULLETS):
            tokens = tokens[1:]
        for k in range(min(_LABEL_MAX_WORDS, len(tokens) - 1), 0, -1):
            first = tokens[0].group()
            bare = first.lstrip(_BULLETS)
            phrase = " ".join([bare, *(t.group() for t in tokens[1:k])])
            entry = _LABELS.get(phrase)
            label_start = tokens[0].start() + len(first) - len(bare)
            if (
                entry is not None
                and entry[1]
                and not view.prefix(ls, label_start).strip(_BULLETS + " ")
            ):
                found.append((label_start, tokens[k - 1].end(), entry[0]))
                break
    if not found and not value_on_next:
        return
    names: dict[str, str] = {}
    found.sort()
    label_starts = [f[0] for f in found]
    for l_start, v_start, kind in found:
        li = bisect_right(starts, l_start) - 1
        ls, le = lines[li]
        v = v_start
        while v < le and text[v].isspace():
            v += 1
        end = le
        nxt = bisect_right(label_starts, v - 1)
        if nxt < len(found) and found[nxt][0] < end:
            end = max(found[nxt][0], v)
        if v < end:
            sep_m = _LABEL_VALUE_END.search(text, v + 1, end)
            if sep_m is not None:
                end = sep_m.start()
        value = text[v:end].strip()
        spans.append((l_start, max(end, v_start), kind, None))
        label = low[l_start:v_start]
        if value:
            if kind == "name":
                names[label] = value
        elif across_lines and not view.prefix(ls, l_start).strip(" \t" + _BULLETS):
            value_on_next.append((li, kind, label))
    for li, kind, label in value_on_next:
        # The value is on the next line ("Geburtsdatum" / "12.03.1988").
        if li + 1 >= len(lines):
            continue
        nls, nle = lines[li + 1]
        value = text[nls:nle].strip()
        if value and len(value.split()) <= 6 and ":" not in value and not _is_heading(value):
            spans.append((nls, nle, kind, None))
            if kind == "name":
                names[label] = value
    if names:
        _learn_from_name_fields(names, learned)


def _learn_from_name_fields(names: Mapping[str, str], learned: list[tuple[str, ...]]) -> None:
    first: list[str] = []
    last: list[str] = []
    for label, value in names.items():
        tokens = _name_tokens(value, minimum=1)
        if not tokens:
            continue
        if ("vorname" in label and "nach" not in label and "zu" not in label) or (
            "first" in label or "given" in label
        ):
            first = tokens
        elif any(w in label for w in ("nachname", "familienname", "surname", "last",
                                       "family", "zuname")):  # fmt: skip
            last = tokens
        elif len(tokens) >= 2:
            if "," in value:  # "Name, Vorname: Koch, Max"
                tokens = tokens[1:] + tokens[:1]
            learned.append(tuple(tokens))
    if first and last:
        learned.append((*first, *last))


# ---------------------------------------------------------------------------
# Known personal fields
# ---------------------------------------------------------------------------


def _key_kind(key: str) -> str:
    normalized = key.casefold().replace("-", "_").replace(" ", "_")
    for keys, kind in _KEY_KINDS:
        if normalized in keys:
            return kind
    for word, kind in (
        ("name", "name"), ("mail", "email"), ("phone", "phone"), ("address", "address"),
        ("birth", "birth"), ("gender", "gender"), ("sex", "gender"), ("national", "origin"),
        ("citizen", "origin"), ("origin", "origin"), ("religio", "religion"),
        ("confession", "religion"), ("marital", "family"), ("famil", "family"),
        ("child", "family"), ("photo", "photo"), ("disab", "disability"),
        ("sexual", "sexual_identity"), ("age", "age"), ("iban", "bank"), ("bank", "bank"),
        ("tax", "id_number"), ("ssn", "id_number"), ("url", "url"), ("web", "url"),
        ("linkedin", "url"), ("xing", "url"),
    ):  # fmt: skip
        if word in normalized:
            return kind
    return "personal"


def _known_spans(text: str, low: str, known: Mapping[str, str], spans: list[_Span]) -> None:
    """The candidate's own fields, found literally (no regex is compiled per candidate)."""
    name_values: list[str] = []
    for key, raw in known.items():
        if not isinstance(key, str) or not isinstance(raw, str):
            continue
        value = raw.strip()
        if not value:
            continue
        kind = _key_kind(key)
        if kind == "name":
            name_values.append(value)
        elif kind == "phone":
            spans.extend((a, b, "phone", None) for a, b in _find_digits(low, value))
        elif kind == "address":
            for phrase in _address_phrases(value):
                spans.extend((a, b, "address", None) for a, b in _find_phrase(low, phrase))
        elif kind == "birth":
            spans.extend((a, b, "birth", None) for a, b in _find_date(low, value))
        elif kind in ("email", "url", "bank", "id_number") or _identifying(value):
            # Attribute values that are ordinary words ("deutsch", "male",
            # "single") are left to the contextual rules: removing every
            # "deutsch" would also remove the language "Deutsch" and make the
            # output depend on the nationality instead of hiding it.
            spans.extend((a, b, kind, None) for a, b in _find_phrase(low, _lower(value)))
    if name_values:
        tokens = [t for value in name_values for t in _split_name(value)]
        spans.extend((a, b, "name", None) for a, b in _name_hits(low, tokens))


def _find_phrase(low: str, phrase: str, before: str = "-") -> list[tuple[int, int]]:
    """Occurrences of a lower-cased phrase, any whitespace between its words, not
    inside a longer word (nor right after one of ``before``)."""
    words = phrase.split()
    if not words:
        return []
    found: list[tuple[int, int]] = []
    first, last = words[0], words[-1]
    pos = low.find(first)
    while pos >= 0:
        end = _match_words(low, pos, words)
        inside_before = (
            first[0].isalnum()
            and pos > 0
            and (_is_word_char(low[pos - 1]) or low[pos - 1] in before)
        )
        inside_after = (
            end is not None
            and last[-1].isalnum()
            and end < len(low)
            and (_is_word_char(low[end]) or low[end] == "-")
        )
        if end is not None and not inside_before and not inside_after:
            found.append((pos, end))
        pos = low.find(first, pos + 1)
    return found


def _match_words(low: str, pos: int, words: Sequence[str]) -> int | None:
    """End of ``words`` starting at ``pos`` with whitespace between them, else None."""
    for index, word in enumerate(words):
        if index:
            start = pos
            while pos < len(low) and low[pos].isspace() and low[pos] not in "\r\n":
                pos += 1
            if pos == start:
                return None
        if not low.startswith(word, pos):
            return None
        pos += len(word)
    return pos


_PHONE_INSIDE: Final = re.compile(rf"(?:\d|[()/.-]|{_H})*")
_DIGITS: Final = re.compile(r"\d+")


def _find_digits(low: str, value: str) -> list[tuple[int, int]]:
    """A phone number in any spelling: the same digits, any separators, +49 or 0."""
    digits = "".join(_DIGITS.findall(value))
    if len(digits) < 5:
        return []
    stripped = value.lstrip()
    if stripped.startswith("00"):
        digits = digits[2:]
    targets = {digits}
    if stripped.startswith(("+", "00")) and digits.startswith("49"):
        targets.add("0" + digits[2:])
    elif digits.startswith("0"):
        targets.add("49" + digits[1:])
    runs = [(m.start(), m.group()) for m in _DIGITS.finditer(low)]
    digits_only = "".join(run for _start, run in runs)
    if not any(target in digits_only for target in targets):
        return []
    positions = [start + i for start, run in runs for i in range(len(run))]
    found: list[tuple[int, int]] = []
    for target in targets:
        at = digits_only.find(target)
        while at >= 0:
            start, end = positions[at], positions[at + len(target) - 1] + 1
            if _PHONE_INSIDE.fullmatch(low, start, end):  # one number, not two
                found.append((start, end))
            at = digits_only.find(target, at + 1)
    return found


def _identifying(value: str) -> bool:
    """A value worth removing wherever it occurs: not a single ordinary word."""
    if len(value) < 3:
        return False
    if any(ch.isdigit() for ch in value):
        return sum(ch.isdigit() for ch in value) >= 4 or len(value.split()) >= 2
    return "@" in value or "/" in value or len(value.split()) >= 2


def _address_phrases(value: str) -> list[str]:
    """The address, and each part of it that holds a number (never the bare town:
    removing every "Kiel" would also remove the employer "Stadt Kiel")."""
    phrases = [_lower(value)]
    for raw in re.split(r"[,\n;]", value):
        part = _lower(raw.strip())
        if len(part) >= 3 and any(ch.isdigit() for ch in part):
            phrases.append(part)
            phrases.append(re.sub(r"stra(?:ß|ss)e\b", "str.", part))
            phrases.append(part.replace("str.", "straße"))
            phrases.append(part.replace("str.", "strasse"))
    return list(dict.fromkeys(phrases))


_MONTH_NUMBERS: Final = {
    name: number
    for number, names in enumerate(
        (
            "januar january jan jän", "februar february feb", "märz maerz march mär mrz mar",
            "april apr", "mai may", "juni june jun", "juli july jul", "august aug",
            "september sept sep", "oktober october okt oct", "november nov",
            "dezember december dez dec",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
_MONTH_NAME: Final = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
# A full date (day, month and year) in the ways CVs write one; run on lower case.
_FULL_DATE: Final = re.compile(
    rf"(?<![\w.-])(?:(?P<d1>\d{{1,2}}){_H}*(?P<s1>[./-]){_H}*(?P<m1>\d{{1,2}}){_H}*(?P=s1){_H}*"
    rf"(?P<y1>\d{{4}}|\d{{2}})|(?P<y2>\d{{4}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}})"
    rf"|(?P<d3>\d{{1,2}})(?:\.|st|nd|rd|th)?{_H}*(?:of{_H}+)?(?P<n3>{_MONTH_NAME})\.?{_H}*,?"
    rf"{_H}*(?P<y3>\d{{4}})|(?P<n4>{_MONTH_NAME})\.?{_H}*(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?"
    rf"{_H}*(?P<y4>\d{{4}}))(?![\w-])"
)


def _parse_date(value: str) -> tuple[int, int, int] | None:
    """Day, month, year of a birth date given as YYYY-MM-DD or DD.MM.YYYY."""
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", value)
    if m is not None:
        return int(m.group(3)), int(m.group(2)), int(m.group(1))
    m = re.fullmatch(r"\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\s*", value)
    if m is not None:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None


def _find_date(low: str, value: str) -> list[tuple[int, int]]:
    """Every spelling of the birth date: "12.03.1988", "12. März 1988", "March 12, 1988"."""
    target = _parse_date(value)
    if target is None:
        return _find_phrase(low, _lower(value)) if _identifying(value) else []
    day, month, year = target
    found: list[tuple[int, int]] = []
    windows: set[tuple[int, int]] = set()
    for form in (str(year), f"{year % 100:02d}"):
        at = low.find(form)
        while at >= 0:
            windows.add((max(0, at - 30), min(len(low), at + len(form) + 1)))
            at = low.find(form, at + 1)
    matches = {m.span(): m for a, b in sorted(windows) for m in _FULL_DATE.finditer(low, a, b)}
    for m in matches.values():
        g = m.groupdict()
        if g["d1"] is not None:
            y = int(g["y1"])
            d, mo = int(g["d1"]), int(g["m1"])
            options = [(d, mo), (mo, d)] if g["s1"] == "/" else [(d, mo)]  # US: 03/12/1988
        elif g["y2"] is not None:
            y, options = int(g["y2"]), [(int(g["d2"]), int(g["m2"]))]
        elif g["d3"] is not None:
            y, options = int(g["y3"]), [(int(g["d3"]), _MONTH_NUMBERS[g["n3"]])]
        else:
            y, options = int(g["y4"]), [(int(g["d4"]), _MONTH_NUMBERS[g["n4"]])]
        if (y == year or (y < 100 and y == year % 100)) and (day, month) in options:
            found.append((m.start(), m.end()))
    return found


def _fold_variants(token: str) -> set[str]:
    """A name token as written, decomposed, and folded ("Müller", "Mueller", "Muller")."""
    nfc = unicodedata.normalize("NFC", token)
    variants = {nfc, unicodedata.normalize("NFD", nfc)}
    for folded in (nfc.translate(_FOLD_DE).translate(_FOLD_EXTRA), nfc.translate(_FOLD_EXTRA)):
        stripped = "".join(
            ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
        )
        variants.add(stripped)
    return {_lower(v) for v in variants if v}


def _split_name(value: str) -> list[str]:
    tokens: list[str] = []
    for raw in re.split(r"[\s,]+", value):
        token = raw.strip(".()\"'")
        if len(token) < 2 or raw.casefold() in _TITLES or token.casefold() in _TITLES:
            continue
        if token.casefold() in _PARTICLES:
            continue
        tokens.append(token)
        if "-" in token:
            tokens.extend(part for part in token.split("-") if len(part) >= 2)
    return tokens


_NAME_GAP: Final = re.compile(
    rf"(?:{_H}+|{_H}*,{_H}*)(?:(?:"
    + "|".join(sorted(_PARTICLES, key=len, reverse=True))
    + rf"|[^\W\d_]\.){_H}+){{0,4}}"
)
_NAME_CONTEXT: Final = re.compile(
    r"(?<![\w-])(?:herrn?|frau|hr\.|fr\.|mrs?\.?|ms\.?|mx\.?|miss|dr\.|prof\.|dipl\.-\w+\.?"
    r"|von|van|vom|ter|ten|bin|ibn|bint|abu|(?<![\w.])[^\W\d_]\.)"
    rf"(?:{_H}*(?:herrn?|frau|dr\.|prof\.|von|van|der|den|de|[^\W\d_]\.)){{0,3}}{_H}*$"
)
_MONTH_FOLLOWS: Final = re.compile(rf"{_H}*\.?{_H}*\d")
# A name token as the subject of a third-person CV sentence ("Kwame is", "Koch leitete").
_NAME_VERB_AFTER: Final = re.compile(
    rf"(?:['’]s)?{_H}+(?:is|has|was|works|worked|led|leads|brings|holds|joined|ist|hat|war"
    r"|arbeitet|arbeitete|verfügt|bringt|leitet|leitete|betreut|betreute|ist)(?![\w-])"
)


def _token_hits(low: str, tokens: Sequence[str]) -> list[tuple[int, int, int]]:
    """Whole-word occurrences of name tokens (any spelling): start, end, token index."""
    hits: dict[tuple[int, int], int] = {}
    for index, token in enumerate(tokens):
        for variant in _fold_variants(token):
            for start, end in _find_phrase(low, variant):
                if variant in _MONTH_WORDS and _MONTH_FOLLOWS.match(low, end):
                    continue  # "Jan 2020" is a month, not Jan
                hits.setdefault((start, end), index)
    # a longer hit wins over a shorter one inside it ("Müller-Koch" over "Koch")
    ordered = sorted(hits.items(), key=lambda h: (h[0][0], -h[0][1]))
    result: list[tuple[int, int, int]] = []
    for (start, end), index in ordered:
        if result and start < result[-1][1]:
            continue
        result.append((start, end, index))
    return result


def _name_hits(low: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Name tokens used as a name: runs of two or more, or after a salutation,
    title, initial or particle ("Herr Koch", "M. Koch", "von Koch"); never a
    token standing alone ("Ausbildung zum Koch")."""
    hits = _token_hits(low, tokens)
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(hits):
        j = i
        while j + 1 < len(hits) and _NAME_GAP.fullmatch(low, hits[j][1], hits[j + 1][0]):
            j += 1
        start, end = hits[i][0], hits[j][1]
        context = _NAME_CONTEXT.search(low, max(0, start - 40), start)
        if context is not None:
            found.append((context.start(), end))
        elif j > i or _NAME_VERB_AFTER.match(low, end):
            found.append((start, end))
        i = j + 1
    return found


def _learned_spans(low: str, learned: list[tuple[str, ...]]) -> list[_Span]:
    """A name found by structure is removed wherever its full sequence recurs
    ("Max Koch", also "Koch, Max"); its single tokens are left alone."""
    spans: list[_Span] = []
    for tokens in set(learned):
        if len(tokens) < 2:
            continue
        hits = _token_hits(low, tokens)
        orders = (list(range(len(tokens))), [len(tokens) - 1, *range(len(tokens) - 1)])
        for i in range(len(hits)):
            for order in orders:
                k = 0
                while (
                    i + k < len(hits)
                    and k < len(order)
                    and hits[i + k][2] == order[k]
                    and (k == 0 or _NAME_GAP.fullmatch(low, hits[i + k - 1][1], hits[i + k][0]))
                ):
                    k += 1
                if k == len(order):
                    spans.append((hits[i][0], hits[i + k - 1][1], "name", None))
                    break
            else:
                if _NAME_VERB_AFTER.match(low, hits[i][1]):  # "Kwame is a civil engineer"
                    spans.append((hits[i][0], hits[i][1], "name", None))
    return spans


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

# Per original line: normalised text ("" blank, None dropped), whether spans
# touched it, and whether a name span emptied it.
_Line = tuple[str | None, bool, bool]


def _render(
    text: str,
    lines: list[tuple[int, int]],
    merged: list[_Span],
    which: Iterable[int],
    previous: Sequence[_Line],
) -> list[_Line]:
    out: list[_Line] = list(previous) if previous else [("", False, False)] * len(lines)
    span_starts = [s[0] for s in merged]
    span_ends = [s[1] for s in merged]
    # Most lines hold nothing to remove: the fast path only collapses whitespace.
    simple = PLACEHOLDER not in text and "lternzeit" not in text and "arental leave" not in text
    for li in which:
        ls, le = lines[li]
        k = bisect_right(span_ends, ls)
        if k >= len(merged) or merged[k][0] >= le:
            if simple:
                collapsed = " ".join(text[ls:le].split())
                if collapsed and not collapsed[0].isalnum() and not _WORD_CHAR.search(collapsed):
                    collapsed = ""
                out[li] = (collapsed, False, False)
            else:
                out[li] = (_normalise_plain(text[ls:le]), False, False)
            continue
        pieces: list[str] = []
        pos = ls
        name = False
        last = bisect_left(span_starts, le)
        for start, end, kind, repl in merged[k:last]:
            s = max(start, ls)
            if s > pos:
                pieces.append(text[pos:s])
            pieces.append(PLACEHOLDER if repl is None else repl)
            name = name or kind == "name"
            pos = max(pos, min(end, le))
        if pos < le:
            pieces.append(text[pos:le])
        line = _normalise("".join(pieces))
        out[li] = (line, True, name and line is None)
    return out


def _normalise_plain(line: str) -> str:
    """A line without removals: collapse whitespace; blank stays blank ("")."""
    collapsed = " ".join(line.split())
    if PLACEHOLDER in collapsed:
        if collapsed == PLACEHOLDER:
            return collapsed  # a marker left by an earlier run
        return _normalise(collapsed) or ""
    if not collapsed or not _WORD_CHAR.search(collapsed):
        return ""
    if "lternzeit" in collapsed or "arental leave" in collapsed:
        collapsed = _LEAVE_DUP.sub(r"\1", collapsed)
    return collapsed


def _normalise(line: str) -> str | None:
    """Collapse whitespace and placeholders; None if nothing but them is left."""
    s = " ".join(line.split())
    for _ in range(6 if PLACEHOLDER in s else 0):
        before = s
        s = _PAREN_PH.sub(PLACEHOLDER, s)
        s = _PH_RUN.sub(PLACEHOLDER, s)
        s = _LEAD_PH.sub(lambda m: m.group("bullet") or "", s)
        s = " ".join(_strip_trailing_placeholders(s).split())
        if s == before:
            break
    if "lternzeit" in s or "arental leave" in s:
        s = _LEAVE_DUP.sub(r"\1", s)
    if not _WORD_CHAR.search(s.replace(PLACEHOLDER, "")):
        return None
    return s


def _strip_trailing_placeholders(s: str) -> str:
    """Drop placeholders (and the separators around them) at the end of a line."""
    removed = False
    while True:
        trimmed = s.rstrip(_TRAIL_CHARS)
        if not trimmed.endswith(PLACEHOLDER):
            return trimmed if removed else s
        s = trimmed[: -len(PLACEHOLDER)]
        removed = True


def _join(rendered: Sequence[_Line], markers: set[int]) -> str:
    out: list[str] = []
    blank = True
    for index, (line, _had, _name) in enumerate(rendered):
        if index in markers:
            # The header name: a line of its own, so a second run knows it is done.
            out.append(PLACEHOLDER)
            blank = False
            if line and line != PLACEHOLDER:
                out.append(line)
            continue
        if line is None:
            continue
        if line == "":
            if not blank:
                out.append("")
            blank = True
            continue
        out.append(line)
        blank = False
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Structure: header name, personal blocks, signature
# ---------------------------------------------------------------------------


@lru_cache(maxsize=16384)
def _is_heading(line: str) -> bool:
    """A section heading: a few words, all of them section words ("Berufserfahrung")."""
    if len(line) > 70 or line.count(" ") > 8:
        return False
    first = line.split(None, 1)
    if not first:
        return False
    word = first[0].strip(":").casefold()
    if word.split("-")[0] not in _HEADING_WORDS and not _HEADING_PREFIX.match(word):
        return False
    s = _HEADING_PREFIX.sub("", line.strip().strip(":").strip())
    if not s or _DIGIT.search(s):
        return False
    words = [w for w in _HEADING_SPLIT.split(s.casefold()) if w]
    if not words or len(words) > 6:
        return False
    content = 0
    for word in words:
        parts = [p for p in word.split("-") if p]
        if parts and all(p in _HEADING_WORDS for p in parts):
            content += 1
        elif word not in _HEADING_CONNECTORS:
            return False
    return content > 0


def _is_personal_heading(line: str) -> bool:
    s = " ".join(line.strip().strip(":").replace("&", "und").casefold().split())
    return s in _PERSONAL_HEADINGS


def _name_shaped(token: str) -> bool:
    if len(token) == 2 and token[1] == "." and token[0].isalpha() and token[0].isupper():
        return True  # an initial
    core = token.rstrip(",")
    if len(core) < 2:
        return False
    first = core[0]
    if not first.isalpha() or first.islower():
        return False
    return all(
        ch.isalpha() or ch in "-'’." or unicodedata.combining(ch) for ch in core[1:]
    ) and not core.endswith("-")


def _name_tokens(segment: str, minimum: int = 2) -> list[str] | None:
    """The name tokens of a name-like segment (2-5 capitalised words), else None."""
    names: list[str] = []
    particles = 0
    for raw in segment.replace(",", " ").split():
        low = raw.casefold()
        if low in _TITLES or low.rstrip(".") in _TITLES:
            continue
        if low in _PARTICLES and names:
            particles += 1
            continue
        if not _name_shaped(raw):
            return None
        bare = low.strip(".'’")
        if bare in _NON_NAME_WORDS or any(
            bare.endswith(suffix) and len(bare) > len(suffix) + 2 for suffix in _JOB_SUFFIXES
        ):
            return None
        if "-" in bare and any(part in _NON_NAME_WORDS for part in bare.split("-")):
            return None
        names.append(raw.rstrip(","))
    full = [t for t in names if len(t.strip(".")) >= 2]
    if not (minimum <= len(names) <= 5) or particles > 3 or len(full) < minimum:
        return None
    return full


def _segments(line: str) -> list[str]:
    return [seg.strip() for seg in _SEGMENT_SEP.split(line) if seg.strip()]


def _find_in_line(text: str, ls: int, le: int, segment: str) -> tuple[int, int] | None:
    """Where a (whitespace-normalised) segment of a rendered line is in the original."""
    return next(_find_words(text, ls, le, segment), None)


def _find_words(text: str, ls: int, le: int, segment: str) -> Iterator[tuple[int, int]]:
    """Occurrences of a segment's words in text[ls:le], any whitespace between them,
    not inside a longer word."""
    words = segment.split()
    if not words:
        return
    first, last = words[0], words[-1]
    pos = text.find(first, ls, le)
    while pos >= 0:
        end = _match_words(text, pos, words)
        if (
            end is not None
            and end <= le
            and not (first[0].isalnum() and pos > 0 and _is_word_char(text[pos - 1]))
            and not (last[-1].isalnum() and end < len(text) and _is_word_char(text[end]))
        ):
            yield pos, end
        pos = text.find(first, pos + 1, le)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _header_name(
    text: str, ls: int, le: int, line: str
) -> tuple[tuple[int, int], tuple[str, ...]] | None:
    """Where the name is in a header line ("Lebenslauf von X", "X | Job", "X, M.A.")."""
    title = _CV_TITLE_NAME.fullmatch(line)
    if title is not None:
        tokens = _name_tokens(title.group("n"))
        if tokens:
            return (ls, le), tuple(tokens)
    segments = _segments(line)
    if not segments:
        return None
    part = segments[0]
    tokens = _name_tokens(part)
    if tokens is None and "," in part:
        part = part.split(",", 1)[0]
        tokens = _name_tokens(part)
    if not tokens:
        return None
    where = _find_in_line(text, ls, le, part)
    if where is None:
        return None
    return where, tuple(tokens)


def _live(rendered: Sequence[_Line]) -> list[int]:
    return [i for i, (line, _h, emptied) in enumerate(rendered) if line is not None or emptied]


def _headings(rendered: Sequence[_Line], live: list[int]) -> tuple[set[int], list[int]]:
    """Section headings, and the header: the lines before the first heading."""
    headings = {i for i in live if rendered[i][0] and _is_heading(rendered[i][0] or "")}
    first_heading = min(headings) if headings else None
    header = [i for i in live if first_heading is None or i < first_heading]
    if first_heading is None:
        header = [i for i in header if rendered[i][0] != ""][:15]
    return headings, header


def _names(
    text: str,
    lines: list[tuple[int, int]],
    rendered: Sequence[_Line],
    live: list[int],
    header: list[int],
    learned: list[tuple[str, ...]],
    markers: set[int],
) -> list[_Span]:
    """Where the name is: the header, a label alone on its line, the signature.

    Names found here are learned and removed wherever they recur; the structure
    rules then run again on the result, so they see what a second run would see.
    """
    extra: list[_Span] = []

    # 1. The name in the header (unless an earlier run left its marker there).
    count = 0
    done = bool(markers) or any(rendered[i][0] == PLACEHOLDER for i in header)
    for i in header if not done else ():
        line, _had, emptied = rendered[i]
        if emptied:
            markers.add(i)
            break
        if not line:
            continue
        ls, le = lines[i]
        original = " ".join(text[ls:le].split())
        if _CV_TITLE_LINE.fullmatch(line) or _CV_TITLE_LINE.fullmatch(original):
            continue
        found = _header_name(text, ls, le, original) or _header_name(text, ls, le, line)
        if found is not None:
            (start, end), tokens = found
            extra.append((start, end, "name", None))
            markers.add(i)
            learned.append(tokens)
            break
        count += 1
        if count >= 2:
            break

    # 2. A label alone on its line, the value on the next ("Name" / "Max Koch").
    for index, i in enumerate(live):
        line = rendered[i][0]  # for the header line: what is left once the name is gone
        if not line or len(line) > 60:
            continue
        alone = line.strip().rstrip(":：").strip().lstrip(_BULLETS + " ").casefold()
        if alone not in _LABELS_ALONE:
            continue
        extra.append((lines[i][0], lines[i][1], "personal", None))
        nxt = live[index + 1] if index + 1 < len(live) else None
        value = rendered[nxt][0] if nxt is not None else None
        if (
            nxt is not None
            and value
            and nxt not in markers
            and len(value.split()) <= 6
            and ":" not in value
            and not _is_heading(value)
        ):
            extra.append((lines[nxt][0], lines[nxt][1], "personal", None))
            if "name" in alone:
                value_tokens = _name_tokens(value)
                if value_tokens:
                    learned.append(tuple(value_tokens))

    # 3. The signature: "Kiel, 01.02.2024" (and a name after it) at the end;
    #    again while the line above is one too.
    tail = [i for i in live if rendered[i][0]]
    while tail:
        names_after: list[int] = []
        found_at = -1
        for position in range(len(tail) - 1, max(-1, len(tail) - 5), -1):
            i = tail[position]
            line = rendered[i][0] or ""
            ls, le = lines[i]
            original = " ".join(text[ls:le].split())
            sig = None
            if _DIGIT.search(original) or "dat" in original.lower():  # a date, or "Ort, Datum"
                sig = _SIGNATURE.fullmatch(original) or _SIGNATURE.fullmatch(line)
            if sig is not None and (_PLACE_DATE_NEEDS_PLACE.match(sig.group()) or names_after):
                extra.append((ls, le, "address", None))
                for signed in [sig.group("n") or "", *(rendered[j][0] or "" for j in names_after)]:
                    signed_tokens = _name_tokens(signed)
                    if signed_tokens:
                        learned.append(tuple(signed_tokens))
                for j in names_after:
                    extra.append((lines[j][0], lines[j][1], "name", None))
                found_at = position
                break
            if (_SIGNATURE_WORDS.fullmatch(line) or _name_tokens(line)) and i not in markers:
                names_after.append(i)
                continue
            break  # (a header marker is a line of its own in the output: it ends the tail)
        if found_at < 0:
            break
        tail = tail[:found_at]
    return extra


def _bare_values(
    text: str,
    lines: list[tuple[int, int]],
    rendered: Sequence[_Line],
    live: list[int],
    headings: set[int],
    header: list[int],
    markers: set[int],
    merged: list[_Span],
) -> list[_Span]:
    """Unlabelled short lines of a personal block ("deutsch", "Schwerbehindert"), and
    lowercase one-word values in the header ("34 Jahre, deutsch, ledig")."""
    extra: list[_Span] = []
    header_set = set(header)
    block = False
    for i in live:
        line = rendered[i][0]
        if line is None:
            continue
        if i in headings:
            block = _is_personal_heading(line)
            continue
        if line == "":
            block = False  # a block ends at the first blank line
            continue
        ls, le = lines[i]
        if line == PLACEHOLDER:
            continue
        if block:
            if not _LABEL_PREFIX.match(line) and len(line.split()) <= 6:
                extra.append((ls, le, "personal", None))
            continue
        if i in header_set and not _LABEL_PREFIX.match(line) and len(line) <= 200:
            segments = (seg.strip() for seg in re.split(r"[,;|•·]", line)[:12])
            bare = {
                seg
                for seg in segments
                if _BARE_SEGMENT.fullmatch(seg) and seg.lower().rstrip(".") not in _NEUTRAL_WORDS
            }
            # Every occurrence in the line goes (where exactly a rendered segment
            # sits in the original is not always clear; removing more is safe).
            for seg in sorted(bare):
                ends = [span[1] for span in merged]
                for start, end in _find_words(text, ls, le, seg):
                    k = bisect_right(ends, start)
                    if not (k < len(merged) and merged[k][0] <= start and merged[k][1] >= end):
                        extra.append((start, end, "personal", None))
    return extra
