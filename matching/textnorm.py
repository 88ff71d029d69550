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
   ("Erzieherin" -> "erzieher", "Kauffrau" -> "kaufmann", "Krankenschwester"
   -> "krankenpfleger"); gendered articles, pronouns and salutations are stop
   words. This is a fairness rule: a gendered job title must never change
   which skills are found.
4. Stem lightly (German and English inflection), then drop the umlaut dots
   so "Buergerservice", "Bürgerservice" and "Burgerservice" agree (``stem``).
   ``csurf`` is the unstemmed surface without umlaut dots, used for compound
   splitting and exact-form checks.

Conflating a few unrelated words (a light stemmer does that) costs little:
labels go through exactly the same function, so a conflation can only create a
rare false match, never a missed one.

``tokenize`` returns the content words of a text (stop words dropped) with
their offsets and line, sentence, clause and hyphen-group ids, which the
extractor uses to scope qualifiers ("Grundkenntnisse in ...") and job-ad cues.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
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
    "wordlist",
    "words",
]


def wordlist(text: str) -> list[str]:
    """Whitespace-separated words: long word lists read better as text."""
    return text.split()


# A word: letters and digits, plus combining marks and invisible joiners that
# may sit inside a word before NFKC (soft hyphen, zero-width characters).
_WORD: Final = r"(?:[^\W_]++|[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]++)++"
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
    rf"|(?<![^\W_])[mwdf]\s*/\s*[mwdf](?:\s*/\s*[mwdfx])?(?![^\W_])",
    re.IGNORECASE,
)
_GENDER_WORDS_RE: Final = re.compile(r"\((?:gn\*?|all genders|alle geschlechter)\)", re.I)
_HYPHENS: Final = frozenset({"-", "\u2010", "\u2011"})
_ABBREVIATIONS: Final = frozenset(
    wordlist("""bzw ca dr nr geb st abs inkl ggf usw etc evtl vgl bspw ff hr fr prof dipl
    ing mr mrs ms no vs jr sr co str tel mio mrd std min max bsp zb allg ehem gem lt sog
    ua jh gmbh ag ev""")
)
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))

# Feminine "-in"/"-innen" is removed only after these endings of the base, so
# "Termin", "Medizin" or "Disziplin" stay intact while "Erzieherin",
# "Juristin", "Analystin", "Referentin", "Doktorandin", "Pädagogin", "Beamtin",
# "Ärztin", "Wirtin", "Chefin", "Geographin" lose it.
_FEMININE_BASES: Final = (
    "er", "ist", "yst", "ent", "ant", "and", "und", "eur", "or", "og", "eg", "ar", "at",
    "amt", "rzt", "rt", "kt", "af", "ph", "ef", "om", "eut", "äd", "ät", "ält", "öch",
    "urg", "ot", "är", "ör",
)  # fmt: skip
_GENDER_WORDS: Final = frozenset({"frau", "frauen", "mann", "männer", "herr", "herren"})
# Job words whose feminine form is another word: (feminine ending, base ending).
# Plural forms first, so "Krankenschwestern" does not keep its "n".
_GENDERED_HEADS: Final = (
    ("frauen", "mann"), ("frau", "mann"), ("männer", "mann"), ("leute", "mann"),
    ("krankenschwestern", "krankenpfleger"), ("krankenschwester", "krankenpfleger"),
    ("stationsschwestern", "stationspfleger"), ("stationsschwester", "stationspfleger"),
    ("hebammen", "entbindungspfleger"), ("hebamme", "entbindungspfleger"),
    ("friseuse", "friseur"), ("woman", "man"), ("women", "men"),
    ("waitress", "waiter"), ("stewardess", "steward"), ("headmistress", "headmaster"),
)

# Function words dropped before label matching. Gendered articles, pronouns and
# salutations are here so that "zum Erzieher" and "zur Erzieherin", or "er"
# and "sie", yield the same token sequence.
_STOPWORD_SOURCE: Final = """
und oder sowie bzw der die das den dem des ein eine einer eines einem einen von vom
in im ins zu zum zur für fuer mit bei beim auf am an als aus nach über ueber durch
er sie es ihr ihre ihrer ihren ihrem ihres ihm ihn sein seine seiner seinen seinem
seines sich frau herr herren mann männer frauen
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
        for suffix, repl in _GENDERED_HEADS:
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


_WORD_CACHE: dict[str, TokenInfo] = {}
_WORD_CACHE_MAX: Final = 200_000


def analyze_word(word: str) -> TokenInfo:
    """Fold, gender-normalize and stem one word (a token without its gender suffix)."""
    hit = _WORD_CACHE.get(word)
    if hit is not None:
        return hit
    folded = degender(fold(word))
    csurf = collapse(folded)
    number: float | None = None
    if csurf.isascii() and csurf.isdigit():
        number = float(csurf) if len(csurf) <= 6 else None
    elif "," in csurf:
        head, _, tail = csurf.partition(",")
        if head.isascii() and head.isdigit() and tail.isascii() and tail.isdigit():
            number = float(f"{head}.{tail}") if len(head) <= 6 else None
    else:
        number = _NUMBER_WORDS.get(csurf)
    stop = csurf in STOPWORDS or (len(csurf) == 1 and not csurf.isdigit())
    info = TokenInfo(folded, csurf, stem_folded(folded), stop, number)
    if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
        _WORD_CACHE.clear()  # a cache only: results never depend on it
    _WORD_CACHE[word] = info
    return info


STOPWORDS: Final[frozenset[str]] = frozenset(
    collapse(degender(fold(w))) for w in wordlist(_STOPWORD_SOURCE)
) | {"mann"}


@dataclass(slots=True)
class TokenStream:
    """The content tokens of one text as parallel lists (cheaper than one object each).

    Stop words are left out, and a token with the same stem as the previous one
    in the same sentence is merged into it ("Erzieher/Erzieherin",
    "Kaufmann/-frau"), so a doubled gendered title reads like a single one.

    ``line``: line number (0-based). ``seg``: sentence id (a new line or a
    sentence end starts one). ``clause``: clause id (also split at , ; ( ) and
    dashes). ``group``: hyphen group id ("IT-Sicherheit" is one group of two
    tokens). Ids only need to differ between units, not to be consecutive.
    ``open``: positions of words ending in a suspended hyphen, whose head
    comes later ("Haushalts-" in "Haushalts- und Vergaberecht").
    """

    text: str
    start: list[int]
    end: list[int]
    info: list[TokenInfo]
    line: list[int]
    seg: list[int]
    clause: list[int]
    group: list[int]
    open: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.start)


def _marker_ranges(text: str) -> list[tuple[int, int]]:
    """Spans of gender markers. The regex runs only near a "/" (and on "(g", "(a"),
    because scanning a whole CV with it costs more than the rest of tokenizing."""
    spans: set[tuple[int, int]] = set()
    size = len(text)
    slash = text.find("/")
    while slash != -1:
        lo, hi = max(0, slash - 14), min(size, slash + 16)
        for match in _GENDER_MARK_RE.finditer(text, lo, hi):
            if match.end() == hi < size:  # cut by the window: read it again in full
                again = _GENDER_MARK_RE.match(text, match.start())
                if again is None:
                    continue
                match = again
            if match.start() <= slash < match.end():
                spans.add(match.span())
        slash = text.find("/", slash + 1)
    if "(g" in text or "(a" in text or "(G" in text or "(A" in text:
        spans.update(m.span() for m in _GENDER_WORDS_RE.finditer(text))
    return sorted(spans)


def _word_of(match: re.Match[str]) -> str:
    word = match.group("word")
    if word is None:
        return match.group("num")
    if "In" in word:
        return _CAPITAL_I_RE.sub("", word) or word
    return word


def _letter_prefix(text: str, word: str, end: int) -> bool:
    """A single letter glued to the next word by a hyphen: "E-Health", "E-Akte"."""
    return (
        len(word) == 1 and word.isalpha() and end + 1 < len(text)
        and text[end] in _HYPHENS and text[end + 1].isalpha()
    )


def words(text: str) -> list[tuple[int, int, TokenInfo]]:
    """All tokens of a short text (a label, a cue phrase), stop words included."""
    markers = _marker_ranges(text)
    out = []
    prefix: tuple[int, int, str] | None = None
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        if markers and any(a <= start < b for a, b in markers):
            continue
        word = _word_of(match)
        if _letter_prefix(text, word, end):
            prefix = (start, end, word)
            continue
        if prefix is not None and prefix[1] + 1 == start:
            start, word = prefix[0], prefix[2] + word
        prefix = None
        out.append((start, end, analyze_word(word)))
    return out


# The hot path: one findall splits the text into (gap, word, gender suffix)
# triples in C, so positions follow from lengths and the gap before each word
# is at hand. Most gaps are a single space; the others are inspected with plain
# string tests for newlines, sentence ends and clause punctuation.
# _SPLIT_RE reads words with combining marks and invisible joiners; texts
# without those (nearly all) use the simpler, faster _PLAIN_SPLIT_RE, and the
# gender suffix ("Erzieher:in") is then recognized from the gap and the word.
_SPLIT_RE: Final = re.compile(rf"([\W_]*)(\d+,\d+(?![^\W_])|{_WORD})({_GENDER_SUFFIX})?")
_PLAIN_SPLIT_RE: Final = re.compile(r"([\W_]*)(\d+,\d+(?![^\W_])|[^\W_]+)()")
_JOINER_RE: Final = re.compile("[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]")
_SUFFIX_GAPS: Final = frozenset({"*", ":", "_", "\u00b7", "/", "/-"})
_SUFFIX_PAREN_GAPS: Final = frozenset({"(", "(-"})
_SUFFIX_WORDS: Final = frozenset({"in", "innen"})
_SENTENCE_GAP_RE: Final = re.compile(r"[.!?][\"'»«“”)\]]*\s")
_CLAUSE_CHARS: Final = frozenset(",;()[]|–—•")


def tokenize(text: str) -> TokenStream:
    """The content tokens of ``text`` with offsets and structure ids.

    This is the hot path of extraction: one regex call, one tuple appended per
    content token and a transpose at the end.
    """
    return _tokenize(text, plain=_JOINER_RE.search(text) is None)


def _tokenize(text: str, *, plain: bool) -> TokenStream:
    """``plain``: the text has no combining marks or joiners (the faster pattern)."""
    parts = (_PLAIN_SPLIT_RE if plain else _SPLIT_RE).findall(text)
    rows: list[tuple[int, int, TokenInfo, int, int, int, int]] = []
    open_words: list[int] = []
    markers = _marker_ranges(text)
    line = seg = clause = group = 0
    pos = 0
    prev_word = ""
    letter = ""  # a single letter that may glue to the next word ("E-Health")
    letter_start = 0
    last_stem = ""
    last_seg = -1
    last_row = -1  # index of the row of the previous word, if it was kept
    cache = _WORD_CACHE
    hyphens = _HYPHENS
    clause_chars = _CLAUSE_CHARS
    have_prev = False
    suffixed = False  # the previous word took a gender suffix already
    paren = False  # ... and it was "(in)": the next gap starts with its ")"
    for gap, word, suffix in parts:
        start = pos + len(gap)
        end = pos = start + len(word) + len(suffix) if suffix else start + len(word)
        if paren:
            gap = gap[1:]
            paren = False
        if plain and have_prev and not suffixed and word.lower() in _SUFFIX_WORDS and (
            gap in _SUFFIX_GAPS or (gap in _SUFFIX_PAREN_GAPS and text[end : end + 1] == ")")
        ):
            # "Erzieher:in", "Erzieher/-innen", "Erzieher(in)": a suffix of the
            # previous word (what _SPLIT_RE reads as its third group).
            if gap in _SUFFIX_PAREN_GAPS:
                end += 1
                paren = True
            if last_row >= 0:
                row = rows[last_row]
                rows[last_row] = (row[0], end, row[2], row[3], row[4], row[5], row[6])
            suffixed = True
            continue
        suffixed = False
        have_prev = True
        if gap != " ":
            if "\n" in gap:
                line += gap.count("\n")
                seg += 1
                clause += 1
            elif (
                _SENTENCE_GAP_RE.search(gap)
                # "z. B.", "Dr.", "ca.": a dot after an abbreviation ends no sentence.
                and len(prev_word) > 1 and prev_word.lower() not in _ABBREVIATIONS
            ):
                seg += 1
                clause += 1
            elif not clause_chars.isdisjoint(gap) or " - " in gap:
                clause += 1
            if gap in hyphens and start:
                if letter and word[0].isalpha():
                    start, word = letter_start, letter + word
            else:
                group += 1
                if last_row >= 0 and gap[:1] in hyphens:
                    open_words.append(last_row)  # "Haushalts- und Vergaberecht"
        else:
            group += 1
        letter = ""
        last_row = -1
        if markers and any(a <= start < b for a, b in markers):
            continue
        if "In" in word:
            word = _CAPITAL_I_RE.sub("", word) or word
        prev_word = word
        if len(word) == 1 and word.isalpha():
            letter, letter_start = word, start
            continue
        info = cache.get(word)
        if info is None:
            info = analyze_word(word)
        if info.stop:
            continue
        if last_seg == seg and last_stem == info.stem:
            row = rows[-1]
            rows[-1] = (row[0], end, row[2], row[3], row[4], row[5], row[6])
            last_row = len(rows) - 1
            continue
        last_row = len(rows)
        rows.append((start, end, info, line, seg, clause, group))
        last_stem, last_seg = info.stem, seg
    if paren:
        pos += 1  # the ")" of a final "(in)"
    if last_row >= 0 and text[pos : pos + 1] in hyphens:
        open_words.append(last_row)
    if not rows:
        return TokenStream(text, [], [], [], [], [], [], [])
    c_start, c_end, c_info, c_line, c_seg, c_clause, c_group = zip(*rows, strict=True)
    return TokenStream(text, list(c_start), list(c_end), list(c_info), list(c_line),
                       list(c_seg), list(c_clause), list(c_group), open_words)


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """The matching keys of a phrase: stems of its non-stopword tokens, in order."""
    return tuple(info.stem for _s, _e, info in words(phrase) if not info.stop)
