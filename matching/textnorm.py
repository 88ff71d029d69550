"""Text normalization shared by skill labels, CVs and job ads.

Extraction only works if a label and a CV sentence that mean the same thing end
up as the same token keys, so every string (taxonomy label, CV, job ad, cue
phrase) goes through the one pipeline defined here:

1. Tokenize the raw text (offsets stay in the input, so spans can be reported).
   Gender suffixes written as part of a word ("Sachbearbeiter:in", "*innen",
   "/-in", "(in)", "SachbearbeiterIn") are consumed by the token and dropped,
   and gender markers such as "(m/w/d)" are skipped entirely.
2. Fold each token: Unicode NFKC, casefold, ß -> ss, umlauts typed as
   digraphs ("ae") turned into umlauts, other diacritics removed (``fsurf``).
3. Gender-normalize: feminine forms become the masculine base form
   ("Erzieherin" -> "erzieher", "Kauffrau" -> "kaufmann"). This is a fairness
   rule: a gendered job title must never change which skills are found.
4. Stem lightly (German and English inflection), then drop the umlaut dots
   so "Buergerservice", "Bürgerservice" and "Burgerservice" agree (``stem``). ``csurf`` is the collapsed but unstemmed surface, used for
   compound splitting and exact-form checks.

Conflating a few unrelated words (a light stemmer does that) costs little:
labels go through exactly the same function, so a conflation can only create a
rare false match, never a missed one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Iterator
from typing import Final

__all__ = [
    "STOPWORDS",
    "TokenInfo",
    "TokenStream",
    "analyze_word",
    "collapse",
    "degender",
    "fold",
    "phrase_stems",
    "stem_folded",
    "tokenize",
    "words",
]

# A word: letters and digits, plus combining marks and invisible joiners that
# may sit inside a word before NFKC (soft hyphen, zero-width characters).
_WORD: Final = r"(?:[^\W_]|[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff])+"
_GENDER_SUFFIX: Final = (
    r"(?:(?:/-|[*:_\u00b7/])(?i:innen|in)(?![^\W_])|\(-?(?i:innen|in)\))"
)
_TOKEN_RE: Final = re.compile(
    rf"(?P<num>\d+,\d+)(?![^\W_])|(?P<word>{_WORD})(?P<gender>{_GENDER_SUFFIX})?"
)
# "SachbearbeiterIn", "LehrerInnen": the capital I marks the feminine suffix.
_CAPITAL_I_RE: Final = re.compile(r"(?<=[a-zäöüß])(?:Innen|In)$")
# "(m/w/d)", "(w/m/d)", "(m/f/d)", "m/w/d", "(gn*)", "(all genders)": gender markers.
_MARK: Final = r"(?:[mwdfxi]|div|divers)"
_GENDER_MARK_RE: Final = re.compile(
    rf"\(\s*{_MARK}(?:\s*[/,|]\s*{_MARK}){{1,3}}\s*\)"
    rf"|(?<![^\W_])[mwdf]\s*/\s*[mwdf](?:\s*/\s*[mwdfx])?(?![^\W_])"
    r"|\((?:gn\*?|all genders|alle geschlechter)\)",
    re.IGNORECASE,
)
_SENTENCE_END_RE: Final = re.compile(r"[.!?]+(?:\s|$)")
_CLAUSE_CHARS: Final = frozenset(",;()[]|–—•")
_HYPHENS: Final = frozenset({"-", "\u2010", "\u2011"})
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))

# Feminine "-in"/"-innen" is removed only after these endings of the base, so
# "Termin", "Medizin" or "Disziplin" stay intact while "Erzieherin",
# "Juristin", "Referentin", "Pädagogin", "Beamtin", "Ärztin", "Wirtin" lose it.
_FEMININE_BASES: Final = (
    "er", "ist", "ent", "ant", "eur", "or", "og", "eg", "ar", "at", "amt", "rzt",
    "rt", "kt", "af", "om", "eut", "äd", "ät", "ält", "öch", "urg", "ot", "är", "ör",
)  # fmt: skip
_GENDER_WORDS: Final = frozenset({"frau", "frauen", "mann", "männer", "herr", "herren"})

# Function words dropped before label matching. Gendered articles, pronouns and
# salutations are here so that "zum Erzieher" and "zur Erzieherin", or "er"
# and "sie", yield the same token sequence.
_STOPWORD_SOURCE: Final = """
und oder sowie bzw der die das den dem des ein eine einer eines einem einen von vom
in im ins zu zum zur für fuer mit bei beim auf am an als aus nach über ueber durch
er sie es ihr ihre ihrer ihren ihrem ihres ihm ihn sein seine seiner seinen seinem
seines sich frau herr herren mann männer frauen hr fr
of the and or a an to for with on at by as from into he she his her hers him himself
herself mr mrs ms miss sir madam man men woman women
"""


def fold(word: str) -> str:
    """NFKC, casefold, ß -> ss, typed digraphs ae/oe/ue -> ä/ö/ü, other diacritics removed.

    Umlauts stay single letters until after stemming: an "e" that spells an
    umlaut ("Plaene") must not look like an inflection ending to the stemmer.
    "ue" after e, a or q is no umlaut ("Steuer", "Bauer", "Quelle").
    """
    if word.isascii():
        text = word.lower()
    else:
        text = unicodedata.normalize("NFKC", word).casefold().translate(_INVISIBLE)
        if not text.isascii():
            text = _strip_marks(text)
    if "e" in text and ("ae" in text or "oe" in text or "ue" in text):
        text = _DIGRAPH_RE.sub(_digraph, text)
    return text


def _strip_marks(text: str) -> str:
    out: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if char == "\u0308" and out and out[-1] in "aou":
                out[-1] = _UMLAUT_OF[out[-1]]
            continue
        out.append(char)
    return "".join(out).replace("ß", "ss")


_UMLAUT_OF: Final = {"a": "ä", "o": "ö", "u": "ü"}
_DIGRAPH_RE: Final = re.compile(r"ae|oe|(?<![eaq])ue")


def _digraph(match: re.Match[str]) -> str:
    return _UMLAUT_OF[match.group()[0]]


_COLLAPSE: Final = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})


def collapse(word: str) -> str:
    """ä/ö/ü -> a/o/u, so umlauts typed as digraphs or as plain vowels agree."""
    if word.isascii():
        return word
    return word.translate(_COLLAPSE)


def degender(word: str) -> str:
    """The masculine base form of a folded feminine or gendered noun (fairness rule)."""
    if word in _GENDER_WORDS:
        return "mann"
    size = len(word)
    if size > 6:
        for suffix, repl in (("frauen", "mann"), ("frau", "mann"), ("männer", "mann"),
                             ("leute", "mann"), ("woman", "man"), ("women", "men")):
            if word.endswith(suffix):
                return word[: size - len(suffix)] + repl
    if word.endswith("innen"):
        base = word[:-5]
    elif word.endswith("in"):
        base = word[:-2]
    else:
        return word
    if len(base) >= 4 and base.endswith(_FEMININE_BASES) and base.isalpha():
        return base
    return word


_INFLECTIONS: Final = ("ern", "ers", "en", "er", "es", "em", "e", "s")


def _undouble(word: str) -> str:
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] in "bdgklmnprt":
        return word[:-1]
    return word


def stem_folded(word: str) -> str:
    """Light German/English stemmer on a folded, gender-normalized word; result collapsed.

    It strips inflection only (plural, case, adjective endings; English -s, -ing,
    -ed), never derivation: "-ung" stays, so "Planung" and "planen" stay apart.
    """
    size = len(word)
    if size <= 3 or not word.isalpha():
        return collapse(word)
    for suffix in ("nissen", "nisses", "nisse"):
        if word.endswith(suffix) and size - len(suffix) >= 3:
            return collapse(word[: size - len(suffix)] + "nis")
    if word.endswith("ies") and size >= 5:
        return collapse(word[:-2])
    if word.endswith("y") and size >= 4:
        return collapse(word[:-1] + "i")
    stripped = ""
    # Two rounds, so that stem(w) == stem(w + ending) also for stems that end in
    # an ending themselves: "sicher"/"sichere", "Kurs"/"Kurse", "Verfahren"/"Verfahrens".
    for _ in range(2):
        size = len(word)
        removed = ""
        if word.endswith("eln"):
            word, removed = word[:-1], "n"
        else:
            for suffix in _INFLECTIONS:
                if word.endswith(suffix) and size - len(suffix) >= 3:
                    if suffix == "s" and word[-2] in "siua":
                        break
                    word, removed = word[: size - len(suffix)], suffix
                    break
        if not removed:
            break
        stripped = removed
    if word.endswith("ing") and len(word) >= 6:
        word = _undouble(word[:-3])
    elif not stripped and word.endswith("ed") and len(word) >= 5:
        word = _undouble(word[:-2])
    return collapse(word)


_NUMBER_WORDS: Final = {
    "eins": 1.0, "one": 1.0, "zwei": 2.0, "two": 2.0, "drei": 3.0, "three": 3.0,
    "vier": 4.0, "four": 4.0, "funf": 5.0, "five": 5.0, "sechs": 6.0, "six": 6.0,
    "sieben": 7.0, "seven": 7.0, "acht": 8.0, "eight": 8.0, "neun": 9.0, "nine": 9.0,
    "zehn": 10.0, "ten": 10.0, "elf": 11.0, "eleven": 11.0, "zwolf": 12.0, "twelve": 12.0,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """Everything the matcher needs about one word, computed once per distinct word."""

    fsurf: str  # folded and gender-normalized
    csurf: str  # fsurf without umlaut dots
    stem: str  # stemmed and collapsed: the matching key
    stop: bool  # function word (or a single letter): not part of label matching
    number: float | None  # digits or a number word ("drei", "five")


@lru_cache(maxsize=1 << 17)
def analyze_word(word: str) -> TokenInfo:
    """Fold, gender-normalize and stem one word (a token without its gender suffix)."""
    folded = degender(fold(word))
    csurf = collapse(folded)
    number: float | None = None
    if csurf.isdigit():
        number = float(csurf) if len(csurf) <= 6 else None
    elif "," in csurf:
        head, _, tail = csurf.partition(",")
        if head.isdigit() and tail.isdigit() and len(head) <= 6:
            number = float(f"{head}.{tail}")
    else:
        number = _NUMBER_WORDS.get(csurf)
    stop = csurf in STOPWORDS or (len(csurf) == 1 and not csurf.isdigit())
    return TokenInfo(folded, csurf, stem_folded(folded), stop, number)


STOPWORDS: Final[frozenset[str]] = frozenset(
    collapse(degender(fold(w))) for w in _STOPWORD_SOURCE.split()
) | {"mann"}


@dataclass(slots=True)
class TokenStream:
    """The tokens of one text as parallel lists (cheaper than one object per token).

    ``line``: line number (0-based, counts every newline). ``seg``: sentence id
    (a new line or a sentence end starts one). ``clause``: clause id (also
    split at , ; ( ) and dashes). ``group``: hyphen group id ("IT-Sicherheit" is
    one group of two tokens).
    """

    text: str
    start: list[int]
    end: list[int]
    info: list[TokenInfo]
    line: list[int]
    seg: list[int]
    clause: list[int]
    group: list[int]

    def __len__(self) -> int:
        return len(self.start)


def _marker_ranges(text: str) -> list[tuple[int, int]]:
    if "/" not in text and "(" not in text:
        return []
    return [m.span() for m in _GENDER_MARK_RE.finditer(text)]


def _words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) per token; gender suffixes stripped, gender markers skipped."""
    markers = _marker_ranges(text)
    mark_i = 0
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        if markers:
            while mark_i < len(markers) and markers[mark_i][1] <= start:
                mark_i += 1
            if mark_i < len(markers) and markers[mark_i][0] <= start:
                continue
        word = match.group("word")
        if word is None:
            word = match.group("num")
        elif "In" in word:
            word = _CAPITAL_I_RE.sub("", word) or word
        yield start, end, word


def words(text: str) -> list[tuple[int, int, TokenInfo]]:
    """The tokens of a short text (a label, a cue phrase) without structure ids."""
    return [(start, end, analyze_word(word)) for start, end, word in _words(text)]


def tokenize(text: str) -> TokenStream:
    """All tokens of ``text`` with offsets and structure ids; gender markers skipped."""
    stream = TokenStream(text, [], [], [], [], [], [], [])
    line = seg = clause = group = 0
    prev_end = 0
    prev_short = False
    first = True
    for start, end, word in _words(text):
        if not first:
            gap = text[prev_end:start]
            if "\n" in gap:
                line += gap.count("\n")
                seg += 1
                clause += 1
                group += 1
            else:
                if not prev_short and _SENTENCE_END_RE.search(gap):
                    seg += 1
                    clause += 1
                elif not _CLAUSE_CHARS.isdisjoint(gap) or " - " in gap:
                    clause += 1
                if gap not in _HYPHENS:
                    group += 1
        first = False
        stream.start.append(start)
        stream.end.append(end)
        stream.info.append(analyze_word(word))
        stream.line.append(line)
        stream.seg.append(seg)
        stream.clause.append(clause)
        stream.group.append(group)
        prev_end = end
        # "z. B.", "Dr. ", "ca. ": a dot after a short word is no sentence end.
        prev_short = len(word) <= 3 and word.isalpha()
    return stream


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """The matching keys of a phrase: stems of its non-stopword tokens, in order."""
    return tuple(info.stem for _s, _e, info in words(phrase) if not info.stop)
