"""Skill extraction: taxonomy skills, with weights, from German and English text.

CVs (already scrubbed of personal data) and job ads go through the same code.
The result is the only thing the encoder sees of a text (``skill_weights``), so
two rules shape everything here:

* Fairness: the output may depend on skill-relevant text only. Gendered forms
  ("Erzieherin"/"Erzieher", "Sachbearbeiter:in", "zur"/"zum") are normalized
  away before matching (see ``textnorm``), and "Muttersprache" is simply CEFR
  level C2, never a feature of its own.
* Speed and determinism: labels are indexed once (token -> labels, plus a
  symmetric-deletion index for typos); a text is tokenized once and each token
  looked up, so the cost grows with the text, not with the taxonomy. Nothing
  depends on iteration order of sets or on the per-word cache.

Pipeline for one text::

    tokens (textnorm) -> label matches: exact, fuzzy (edit distance 1, x0.8),
    German compounds (label as modifier or head of a longer word), hyphen
    groups -> containment filter (the longest match of a stretch wins)
    -> qualifiers ("Grundkenntnisse" 0.5, "gute" 0.8, "5 Jahre Erfahrung"
    0.6 + 0.1 * N, ...) attached by position -> languages get a CEFR level
    -> occupation titles add their essential skills at 0.5
    -> one weight per skill: max over mentions + 0.05 per further line (<= 1)

Job ads: ``extract_job`` splits the same mentions into essential and optional
by cue words and section headings ("Ihr Profil", "Wünschenswert", ...).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from .taxonomy import Taxonomy
from .textnorm import (
    TokenInfo,
    TokenStream,
    analyze_word,
    phrase_stems,
    stem_folded,
    tokenize,
    wordlist,
    words,
)

__all__ = [
    "CEFR_LEVELS",
    "ExtractedOccupation",
    "ExtractedSkill",
    "SkillExtractor",
    "Span",
    "skill_weights",
]

CEFR_LEVELS: Final = ("A1", "A2", "B1", "B2", "C1", "C2")
DEFAULT_LEVEL: Final = 3  # B1: a language named without a level
OCCUPATION_WEIGHT: Final = 0.5  # essential skills implied by a job title
FUZZY_FACTOR: Final = 0.8
REPEAT_BONUS: Final = 0.05  # per further line that mentions the skill
REPEAT_BONUS_MAX: Final = 0.15
MIN_COMPOUND_LABEL: Final = 6  # a label must be this long to match inside a compound
MIN_FUZZY: Final = 7  # label tokens this long tolerate one typo
OCCUPATION_MIN_FUZZY: Final = 10
MIN_PART: Final = 4  # shortest label token usable as a compound part at all
AFTER_WINDOW: Final = 3  # a trailing qualifier may follow its skill by this many tokens
LEVEL_WINDOW: Final = 8  # a language level may follow the language by this many tokens

_EXACT, _FUZZY, _MODIFIER, _HEAD = 0, 1, 2, 3
_WHOLE: Final = 4095  # coverage offset meaning "to the end of the token"
_POS: Final = 4096
_ESSENTIAL, _OPTIONAL, _IGNORE = 0, 1, 2

# Linking elements between the parts of a German compound ("Haushalt-s-recht").
_LINKERS: Final = ("ens", "es", "en", "er", "s", "n", "e")
# A "rest" after a label that is only a derivational suffix makes a different
# word, not a compound: "Sicher-heit", "manage-ment", "communicat-ion".
_DERIVATIONAL: Final = frozenset(
    wordlist("""heit heiten keit keiten ung ungen lich liche lichen licher liches lichkeit isch
    ische ischen ischer isches ig ige igen iger iges igkeit bar bare baren barer barkeit
    schaft schaften tum tums nis nisse sam same haft hafte los lose losen losigkeit
    ion ions ation ations ment ments ity ities ness able ible ers ing ings ance ence ive
    ives al als ally ly ist ists ism ize ise ised ized ful less ed er es en ern erin
    erinnen or ors ory ories ure ant ent ents ants""")
)
_VERB_PREFIXES: Final = frozenset(
    wordlist("""ver ent zer vor nach auf aus ein mit uber unter wider miss mis pre pro non sub
    inter anti dis gegen""")
)
_VOWELS: Final = frozenset("aeiouyäöü")
_PRACTICE: Final = frozenset({"praxis", "berufspraxis"})
_CEFR_RE: Final = re.compile(r"^[abc][12]$")
_YEAR_WORDS: Final = frozenset(
    wordlist("""jahr jahre jahren jahres jahrig jahrige jahrigen jahriger jahriges year years
    yr yrs""")
)

# Qualifiers: how well a skill is mastered. Written as phrases and normalized
# with the same pipeline as the text, so inflected forms match too.
_PROFICIENCY: Final = (
    # 0: negation ("keine Kenntnisse in SAP"): the mention is dropped.
    (0.0, "keine; keinerlei; keine Kenntnisse; ohne; no; no knowledge; without"),
    (
        0.5,
        "Grundkenntnisse; Grundlagenkenntnisse; Grundlagenwissen; Basiskenntnisse; "
        "Basiswissen; Grundwissen; erste Kenntnisse; Anfängerkenntnisse; Anfänger; "
        "Einsteiger; rudimentär; rudimentäre Kenntnisse; Schulkenntnisse; "
        "basic knowledge; basic; basics; beginner; elementary; rudimentary",
    ),
    (
        0.6,
        "erste Erfahrung; erste Erfahrungen; erste praktische Erfahrungen; "
        "first experience; some experience; limited experience",
    ),
    (
        0.8,
        "gut; gute Kenntnisse; solide; solide Kenntnisse; sicher; sicherer Umgang; "
        "good; good knowledge; solid; working knowledge; intermediate",
    ),
    (0.9, "mehrjährig; mehrjährige Erfahrung; mehrjährige Berufserfahrung; strong; several years"),
    (
        1.0,
        "Kenntnisse; Kenntnis; Wissen; Erfahrung; Erfahrungen; knowledge; experience; "
        "sehr gut; sehr gute Kenntnisse; fundiert; fundierte Kenntnisse; umfassend; "
        "vertieft; ausgezeichnet; hervorragend; exzellent; fortgeschritten; langjährig; "
        "Experte; Expertin; Expertenwissen; Spezialkenntnisse; "
        "very good; expert; expertise; advanced; excellent; extensive; in-depth; "
        "profound; proficient; thorough",
    ),
)
_LANGUAGE_LEVELS: Final = (
    (
        6,
        "Muttersprache; Muttersprachler; Muttersprachlerin; Erstsprache; zweisprachig; "
        "bilingual; mother tongue; native; native speaker; first language",
    ),
    (
        5,
        "verhandlungssicher; fließend; sehr gut; sehr gute Kenntnisse; exzellent; "
        "fluent; business fluent; very good; excellent; proficient; advanced",
    ),
    (4, "gut; gute Kenntnisse; Wort und Schrift; good; good command; upper intermediate"),
    (3, "intermediate; Mittelstufe; solide"),
    (
        2,
        "Grundkenntnisse; Basiskenntnisse; Schulkenntnisse; Grundlagen; basic; elementary; "
        "basic knowledge; school",
    ),
    (1, "Anfänger; Anfängerkenntnisse; beginner"),
)
# A language named on a nationality line is no language skill (defence in
# depth: the scrubber removes these lines before extraction).
_NATIONALITY_CUES: Final = (
    "Staatsangehörigkeit; Staatsbürgerschaft; Nationalität; Herkunft; Geburtsort; "
    "nationality; citizenship; place of birth"
)
# Section headings of CVs and job ads: a line that is only a heading names no
# skill, even if a label happens to read the same ("Profil" vs "Profiling").
_SECTION_HEADINGS: Final = (
    "Profil; Kurzprofil; Über mich; Zur Person; Persönliche Daten; Lebenslauf; "
    "Berufserfahrung; Beruflicher Werdegang; Berufliche Erfahrung; Praktische Erfahrung; "
    "Ausbildung; Bildungsweg; Schulbildung; Studium; Kenntnisse; Fachkenntnisse; "
    "Sprachkenntnisse; Sprachen; EDV-Kenntnisse; IT-Kenntnisse; Qualifikationen; "
    "Weiterbildung; Weiterbildungen; Fortbildungen; Zertifikate; Weiterbildungen und "
    "Zertifikate; Hobbys; Interessen; Sonstiges; Referenzen; Ehrenamt; Ihr Profil; "
    "Ihre Aufgaben; Aufgaben; Wir bieten; Anforderungen; "
    "Profile; Summary; Profile summary; About me; Personal details; Curriculum Vitae; "
    "Resume; Work experience; Professional experience; Employment history; Education; "
    "Training; Further training; Skills; Key skills; Languages; Language skills; "
    "Certificates; Certifications; Interests; Hobbies; References; Volunteering; "
    "Requirements; Your profile; Tasks; Responsibilities; We offer; Benefits"
)
_JOB_CUES: Final = (
    (
        _ESSENTIAL,
        "zwingend; erforderlich; setzen voraus; vorausgesetzt; Voraussetzung; "
        "voraus; unabdingbar; unerlässlich; notwendig; Pflicht; required; requirement; "
        "must have; you must; must be; must hold; mandatory; necessary",
    ),
    (
        _OPTIONAL,
        "wünschenswert; von Vorteil; vorteilhaft; idealerweise; erwünscht; "
        "ist ein Plus; sind ein Plus; wäre ein Plus; wäre schön; nice to have; "
        "preferred; desirable; desired; is a plus; are a plus; would be a plus; "
        "advantageous; ideally; optional",
    ),
    (
        # The pay line ("Vergütung nach TVöD EG 11") states terms, not a skill to have.
        _IGNORE,
        "Vergütung; vergütet; Entgeltgruppe; Eingruppierung; eingruppiert; Besoldung; "
        "Besoldungsgruppe; Bezahlung; bezahlt; Gehalt; salary; pay grade; remuneration",
    ),
)
_JOB_HEADINGS: Final = (
    (
        _ESSENTIAL,
        "Ihr Profil; Profil; Anforderungen; Anforderungsprofil; Voraussetzungen; "
        "Das bringen Sie mit; Was Sie mitbringen; Sie bringen mit; Wir erwarten; "
        "Was wir erwarten; Qualifikation; Qualifikationen; Ihre Qualifikation; "
        "Ihre Aufgaben; Aufgaben; Ihr Aufgabengebiet; Aufgabengebiet; "
        "Requirements; Your profile; Qualifications; What you bring; Must have; "
        "Your tasks; Tasks; Responsibilities; Your responsibilities",
    ),
    (
        _OPTIONAL,
        "Wünschenswert; Von Vorteil; Nice to have; Wünschenswert wäre; "
        "Darüber hinaus wünschenswert; Idealerweise; Optional; Preferred; "
        "Preferred qualifications; Desirable; Plus; Bonus",
    ),
    (
        _IGNORE,
        "Wir bieten; Unser Angebot; Was wir bieten; Wir bieten Ihnen; Das bieten wir; "
        "Über uns; Wer wir sind; Kontakt; Ihre Bewerbung; Bewerbung; Ansprechpartner; "
        "We offer; What we offer; Benefits; About us; How to apply; Contact",
    ),
)


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` in the input text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExtractedSkill:
    """One taxonomy skill found in a text.

    ``weight`` is in (0, 1]; for languages it is the CEFR level / 6 and
    ``level`` names it ("A1" ... "C2"); otherwise ``level`` is None.
    """

    index: int
    uri: str
    weight: float
    spans: tuple[Span, ...]
    level: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractedOccupation:
    """An occupation title of the taxonomy named in a text (index into ``occupations``)."""

    index: int
    uri: str
    spans: tuple[Span, ...]


def skill_weights(extracted: Iterable[ExtractedSkill]) -> dict[int, float]:
    """What the encoder sees: skill index -> weight, nothing else (no spans, no text)."""
    return {s.index: s.weight for s in sorted(extracted, key=lambda s: s.index)}


# ---------------------------------------------------------------------------
# Tokens after stop-word removal
# ---------------------------------------------------------------------------


_Tokens = TokenStream


class _Phrases:
    """Short cue phrases (qualifiers, levels, job cues) matched on token stems."""

    def __init__(self, table: Iterable[tuple[float, str]]) -> None:
        first: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for value, phrases in table:
            for phrase in phrases.split(";"):
                keys = phrase_stems(phrase)
                if keys:
                    first.setdefault(keys[0], []).append((keys, value))
        for entries in first.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
        self._first = first
        self.starters = frozenset(first)

    def match(self, toks: _Tokens, pos: int, stop: int) -> tuple[int, float] | None:
        """(number of tokens, value) of the longest phrase starting at ``pos``."""
        entries = self._first.get(toks.info[pos].stem)
        if entries is None:
            return None
        seg = toks.seg[pos]
        for keys, value in entries:
            size = len(keys)
            if pos + size > stop:
                continue
            if all(
                toks.info[pos + j].stem == keys[j] and toks.seg[pos + j] == seg
                for j in range(1, size)
            ):
                return size, value
        return None


# ---------------------------------------------------------------------------
# Label index
# ---------------------------------------------------------------------------

# One way a text token can be read: (key, quality, kind, lo, hi) where lo/hi
# are character offsets of the part of the token that the key covers.
_Alt = tuple[str, float, int, int, int]
# A single-word label matched by a reading: (target, lo, hi, quality, acronym?)
_Single = tuple[int, int, int, float, bool]
# All readings of a word: by key, in key order, the single-word labels they
# match, and those that can start a longer label.
_AltInfo = tuple[dict[str, _Alt], tuple[_Alt, ...], tuple[_Single, ...], tuple[_Alt, ...]]
# (keys, target, acronym?, endings): an acronym label ("SAP", "GIS") matches
# upper case only; endings are what each label word has after its stem, which
# the text word must agree with (see _LabelIndex; None for languages).
_Entry = tuple[tuple[str, ...], int, bool, tuple[str | None, ...] | None]
# A word's readings by the skill, language and occupation indexes, and whether
# it can start a qualifier.
_Reading = tuple[_AltInfo, _AltInfo, _AltInfo, bool]
# (target, first token, last token, coverage lo, coverage hi, quality)
_Match = tuple[int, int, int, int, int, float]


def _within_one(a: str, b: str) -> bool:
    """Optimal-string-alignment distance of a and b is exactly 1 (typo, swap)."""
    la, lb = len(a), len(b)
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if abs(la - lb) != 1:
        return False
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def _rest_ok(rest: str, part: str) -> bool:
    """Is ``rest`` (what follows a label inside a word) a plausible compound head?"""
    candidates = [rest] + [rest[len(x) :] for x in _LINKERS if rest.startswith(x)]
    for cand in candidates:
        if cand in _DERIVATIONAL:
            return False
    # "plan-ning": a doubled consonant before a suffix is English inflection.
    if rest and part and rest[0] == part[-1] and rest[1:] in _DERIVATIONAL:
        return False
    return any(len(c) >= 3 and not _VOWELS.isdisjoint(c) for c in candidates)


def _modifier_ok(head: str) -> bool:
    """Is ``head`` (what precedes a label inside a word) a plausible compound modifier?"""
    return len(head) >= 3 and not _VOWELS.isdisjoint(head) and head not in _VERB_PREFIXES


_PAREN_RE: Final = re.compile(r"\([^)]*\)")


def _label_variants(label: str, split_slash: bool) -> list[str]:
    variants = [label]
    if "(" in label:
        bare = _PAREN_RE.sub(" ", label).strip()
        if len(bare) >= MIN_COMPOUND_LABEL:
            variants.append(bare)
    if split_slash and "/" in label:
        for variant in list(variants):
            variants.extend(part for part in variant.split("/") if part.strip())
    return variants


class _LabelIndex:
    """Labels of one kind (skills, languages or occupations), indexed by token key.

    ``strict`` (languages): keys are unstemmed surfaces, no typos, and a label
    inside a compound only before "-kenntnisse"/"-niveau" ("Englischkenntnisse"),
    so the adjective in "deutsches Recht" is no German skill.

    Word endings: the stemmer maps "manager" and "manage", "recorder" and
    "record", "Lehrer" and "Lehre", "State" and "stats" together. So a match
    also compares what the label word and the text word have after the stem.
    ``titles`` (occupations): the text word must keep the label word's ending
    ("Managers", "Lehrern" match "Manager", "Lehrer"; "manage" does not).
    Otherwise (skills): an agent noun is no skill ("Office" vs "officer",
    "Pflege" vs "Pfleger"), and stems of four letters or less must not differ
    in their endings ("stats" vs "State").
    """

    def __init__(
        self,
        labels: Iterable[tuple[int, str]],
        *,
        strict: bool,
        fuzzy: bool,
        modifiers: bool,
        split_slash: bool = False,
        rests: tuple[str, ...] = (),
        titles: bool = False,
        min_fuzzy: int = MIN_FUZZY,
    ) -> None:
        self._strict = strict
        self._titles = titles
        self._fuzzy = fuzzy and not strict
        self._min_fuzzy = min_fuzzy
        self._modifiers = modifiers
        self._rests = rests
        first: dict[str, list[_Entry]] = {}
        seen: set[tuple[tuple[str, ...], int, tuple[str | None, ...] | None]] = set()
        prefix_keys: set[str] = set()
        head_keys: set[str] = set()
        for target, label in labels:
            for variant in _label_variants(label, split_slash):
                all_tokens = words(variant)
                tokens = [t for t in all_tokens if not t[2].stop]
                if not tokens or (
                    len(tokens) < 2 and any(len(t[2].csurf) == 1 for t in all_tokens)
                ):
                    continue  # "M&E systems" must not become "systems"
                infos = [t[2] for t in tokens]
                keys = tuple(i.csurf if strict else i.stem for i in infos)
                if sum(len(i.csurf) for i in infos) < 2:
                    continue
                first_word = variant[tokens[0][0] : tokens[0][1]]
                acronym = len(keys) == 1 and len(keys[0]) <= 4 and first_word.isupper()
                forms = [(keys, tuple(_ending(i.csurf, i.stem) for i in infos))]
                if len(keys) == 2:  # "Bürger-Service" is also written "Bürgerservice"
                    csurf = "".join(i.csurf for i in infos)
                    stem = csurf if strict else stem_folded("".join(i.fsurf for i in infos))
                    forms.append(((stem,), (_ending(csurf, stem),)))
                for form, ends in forms:
                    rems = None if strict else ends
                    if (form, target, rems) in seen:
                        continue
                    seen.add((form, target, rems))
                    first.setdefault(form[0], []).append((form, target, acronym, rems))
                    if len(form[-1]) >= MIN_PART:
                        prefix_keys.add(form[-1])
                    if len(form[0]) >= MIN_PART:
                        head_keys.add(form[0])
        for entries in first.values():
            entries.sort(key=lambda e: (len(e[0]), not e[2], e[1]))
        single = {k: [e for e in v if len(e[0]) == 1] for k, v in first.items()}
        self._single = {k: v for k, v in single.items() if v}
        pairs: dict[tuple[str, str], list[_Entry]] = {}
        for entries in first.values():
            for entry in entries:
                if len(entry[0]) > 1:
                    pairs.setdefault((entry[0][0], entry[0][1]), []).append(entry)
        self._pairs = pairs
        pair_next: dict[str, set[str]] = {}
        for k1, k2 in pairs:
            pair_next.setdefault(k1, set()).add(k2)
        self._pair_next = {k: frozenset(v) for k, v in pair_next.items()}
        self._pair_heads = frozenset(pair_next)
        self._vocab = frozenset(k for e in first.values() for en in e for k in en[0])
        self._prefix_keys = frozenset(prefix_keys)
        self._head_keys = frozenset(head_keys)
        self._deletes: dict[str, str] | None = None  # built on first typo lookup
        self._cache: dict[str, _AltInfo] = {}
        self._max_part = max((len(k) for k in self._prefix_keys | self._head_keys), default=0)

    # -- one token ----------------------------------------------------------

    def alts(self, info: TokenInfo) -> _AltInfo:
        """All readings of a token: the label keys it is, resembles or contains."""
        # csurf and stem are functions of fsurf, so fsurf identifies the reading.
        cache_key = info.csurf if self._strict else info.fsurf
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        found: dict[str, _Alt] = {}
        key = info.csurf if self._strict else info.stem
        if key in self._vocab:
            found[key] = (key, 1.0, _EXACT, 0, _WHOLE)
        elif self._fuzzy and len(key) >= self._min_fuzzy - 1 and key.isalpha():
            for cand in self._typo_candidates(key):
                found[cand] = (cand, FUZZY_FACTOR, _FUZZY, 0, _WHOLE)
        if self._modifiers:
            self._add_modifiers(info.csurf, found)
        if not self._strict:
            self._add_heads(info.stem, found)
        items = tuple(found[k] for k in sorted(found))
        # Single-word labels depend on this word alone, so they are settled here
        # once (compound length rule, word endings); only the case of acronyms
        # is left to the text.
        singles: list[_Single] = []
        for key, quality, kind, lo, hi in items:
            if kind >= _MODIFIER and len(key) < MIN_COMPOUND_LABEL:
                continue
            for _keys, target, acronym, rems in self._single.get(key, ()):
                if acronym and kind != _EXACT:
                    continue
                if rems is None or _ending_ok(info.csurf, key, kind, lo, rems[0], self._titles):
                    singles.append((target, lo, hi, quality, acronym))
        heads = tuple(a for a in items if a[2] != _MODIFIER and a[0] in self._pair_heads)
        result = (found, items, tuple(singles), heads)
        if len(self._cache) > 400_000:
            self._cache.clear()
        self._cache[cache_key] = result
        return result

    def _delete_index(self) -> dict[str, str]:
        """Symmetric-deletion index: each key and its one-deletion variants -> the key.

        A typo then costs len(word) dict lookups instead of a scan over all
        labels. The first letter is never deleted: typo candidates must share it.
        Built on the first lookup (about a quarter of a second for ~13k keys),
        so starting a node stays fast; the content never depends on when.
        """
        # One owner is stored as the key itself, several joined by NUL; keys
        # are letters only. (Plain strings make this build twice as fast.)
        deletes: dict[str, str] = {}
        put = deletes.setdefault
        for key in sorted(self._vocab):
            if len(key) < self._min_fuzzy or not key.isalpha():
                continue
            put(key, key)
            for i in range(1, len(key)):
                variant = key[:i] + key[i + 1 :]
                owner = put(variant, key)
                if owner != key:
                    deletes[variant] = owner + "\x00" + key
        self._deletes = deletes
        return deletes

    def _typo_candidates(self, key: str) -> list[str]:
        deletes = self._deletes if self._deletes is not None else self._delete_index()
        owners = [deletes.get(key)]
        owners.extend(deletes.get(key[:i] + key[i + 1 :]) for i in range(1, len(key)))
        cands = {c for o in owners if o is not None for c in o.split("\x00")}
        return sorted(
            c for c in cands if len(c) >= self._min_fuzzy and c[0] == key[0] and _within_one(c, key)
        )

    def _add_modifiers(self, surface: str, found: dict[str, _Alt]) -> None:
        size = len(surface)
        if size < MIN_PART + 3 or not surface.isalpha():
            return
        prefix_keys = self._prefix_keys
        for k in range(MIN_PART, min(size - 2, self._max_part + 1)):
            part = surface[:k]
            if part not in prefix_keys or part in found:
                continue
            rest = surface[k:]
            if self._rests:
                ok = any(
                    c.startswith(self._rests)
                    for c in [rest] + [rest[len(x) :] for x in _LINKERS if rest.startswith(x)]
                )
            else:
                ok = _rest_ok(rest, part)
            if ok:
                found[part] = (part, 1.0, _MODIFIER, 0, k)

    def _add_heads(self, stem: str, found: dict[str, _Alt]) -> None:
        size = len(stem)
        if size < MIN_PART + 3 or not stem.isalpha():
            return
        head_keys = self._head_keys
        for k in range(max(3, size - self._max_part), size - MIN_PART + 1):
            part = stem[k:]
            if part in head_keys and part not in found and _modifier_ok(stem[:k]):
                found[part] = (part, 1.0, _HEAD, k, _WHOLE)

    # -- a whole text ---------------------------------------------------------

    def find(self, toks: _Tokens, alts: list[_AltInfo]) -> list[_Match]:
        """All label matches in the text (before the containment filter).

        ``alts`` holds ``self.alts(info)`` per token. Single-word labels are
        looked up by the word's readings; longer labels by the readings of two
        neighbouring words, so a frequent first word ("manage", "use",
        "Planung") never means scanning all its labels.
        """
        n = len(toks)
        text = toks.text
        strict = self._strict
        pairs, pair_next = self._pairs, self._pair_next
        titles = self._titles
        seg = toks.seg
        out: list[_Match] = []
        for p in range(n):
            reading = alts[p]
            for target, lo, hi, quality, acronym in reading[2]:
                if not acronym or _upper(text, toks, p):
                    out.append((target, p, p, p * _POS + lo, p * _POS + hi, quality))
            if not reading[3] or p + 1 >= n or seg[p + 1] != seg[p]:
                continue
            for key, quality, _kind, lo, _hi in reading[3]:
                nexts = pair_next[key]
                for key2, quality2, kind2, _lo2, hi2 in alts[p + 1][1]:
                    if kind2 == _HEAD or key2 not in nexts:
                        continue
                    for keys, target, _acronym, rems in pairs[(key, key2)]:
                        size = len(keys)
                        qual, end_hi = min(quality, quality2), hi2
                        if size > 2:
                            if kind2 == _MODIFIER:
                                continue
                            tail = _match_tail(alts, seg, p, keys)
                            if tail is None:
                                continue
                            qual, end_hi = min(qual, tail[0]), tail[1]
                        # Words of a longer label check their endings only for
                        # titles: there the neighbours already disambiguate.
                        if (
                            titles
                            and rems is not None
                            and not _endings_ok(toks, alts, p, keys, rems, True)
                        ):
                            continue
                        last = p + size - 1
                        out.append((target, p, last, p * _POS + lo, last * _POS + end_hi, qual))
        if not strict:
            out.extend(self._find_groups(toks))
            if toks.open:
                out.extend(self._find_suspended(toks))
        return out

    def _find_suspended(self, toks: _Tokens) -> list[_Match]:
        """ "Haushalts- und Vergaberecht" also names "Haushaltsrecht".

        The open word borrows a head from the next complete word: every ending
        of it that makes a single-word label with the open word counts.
        """
        out: list[_Match] = []
        n = len(toks)
        open_set = set(toks.open)
        for p in toks.open:
            q = p + 1
            while q in open_set and q - p < 4:
                q += 1
            if q >= n or toks.seg[q] != toks.seg[p] or q in open_set:
                continue
            modifier, donor = toks.info[p].fsurf, toks.info[q].fsurf
            for k in range(1, len(donor) - 2):
                info = analyze_word(modifier + donor[k:])
                for _keys, target, _acronym, _rems in self._single.get(info.stem, ()):
                    out.append((target, p, p, p * _POS, p * _POS + _WHOLE, 1.0))
        return out

    def _find_groups(self, toks: _Tokens) -> list[_Match]:
        """Hyphenated words read as one: "Bauleit-Planung" = "Bauleitplanung"."""
        out: list[_Match] = []
        group = toks.group
        n = len(toks)
        joins = [i for i in range(n - 1) if group[i] == group[i + 1]]
        done = -1
        for p in joins:
            if p <= done:
                continue
            q = p
            while q + 1 < n and group[q + 1] == group[p]:
                q += 1
            done = q
            if q - p < 4:
                infos = toks.info[p : q + 1]
                joined = analyze_word("".join(i.fsurf for i in infos))
                offsets = [0]
                for info in infos:
                    offsets.append(offsets[-1] + len(info.csurf))
                for target, lo, hi, quality, acronym in self.alts(joined)[2]:
                    if acronym:
                        continue
                    c_lo = _locate(offsets, p, lo, start=True)
                    c_hi = _locate(offsets, p, hi, start=False)
                    out.append((target, p, q, c_lo, c_hi, quality))
        return out


def _match_tail(
    alts: list[_AltInfo], seg: list[int], p: int, keys: tuple[str, ...]
) -> tuple[float, int] | None:
    """Words 3.. of a label at p + 2...: (lowest quality, coverage end) or None.

    Only the last word may be the modifier of a compound ("Haushaltsrecht" in
    "Haushaltsrechtskenntnisse"); the label stays inside one sentence.
    """
    size = len(keys)
    if p + size > len(alts):
        return None
    qual, end_hi = 1.0, _WHOLE
    for j in range(2, size):
        t = p + j
        got = alts[t][0].get(keys[j]) if seg[t] == seg[p] else None
        if got is None or got[2] == _HEAD or (got[2] == _MODIFIER and j < size - 1):
            return None
        qual = min(qual, got[1])
        end_hi = got[4]
    return qual, end_hi


def _ending(csurf: str, stem: str) -> str | None:
    """What a word has after its stem ("manag|er"), None if the stem is no prefix."""
    return csurf[len(stem) :] if csurf.startswith(stem) else None


def _ending_ok(csurf: str, key: str, kind: int, lo: int, rem: str | None, titles: bool) -> bool:
    """Does the text word's ending agree with the label word's (see _LabelIndex)?"""
    if rem is None or kind in (_FUZZY, _MODIFIER) or (kind == _HEAD and not titles):
        return True
    at = lo if kind == _HEAD else 0
    if csurf[at : at + len(key)] != key:
        return True  # the word's stem is no prefix of it: nothing to compare
    got = csurf[at + len(key) :]
    if titles:
        return got.startswith(rem)
    if rem.endswith("e") and got.startswith(rem + "r"):
        return False
    return len(key) > 4 or got.startswith(rem) or rem.startswith(got)


def _endings_ok(
    toks: _Tokens,
    alts: list[_AltInfo],
    p: int,
    keys: tuple[str, ...],
    rems: tuple[str | None, ...],
    titles: bool,
) -> bool:
    for j, key in enumerate(keys):
        if p + j >= len(toks):
            return True  # too short anyway; the caller rejects it
        got = alts[p + j][0].get(key)
        if got is not None and not _ending_ok(
            toks.info[p + j].csurf, key, got[2], got[3], rems[j], titles
        ):
            return False
    return True


def _upper(text: str, toks: _Tokens, p: int) -> bool:
    """The token is written without lower-case letters ("SAP", not "sap")."""
    return not any(c.islower() for c in text[toks.start[p] : toks.end[p]])


def _locate(offsets: list[int], first: int, offset: int, *, start: bool) -> int:
    """Coverage coordinate of a character offset inside a joined hyphen group."""
    if offset >= _WHOLE:
        return (first + len(offsets) - 2) * _POS + _WHOLE
    i = bisect_right(offsets, offset) - 1 if start else bisect_left(offsets, offset) - 1
    i = max(0, min(i, len(offsets) - 2))
    return (first + i) * _POS + min(offset - offsets[i], _WHOLE)


def _drop_contained(matches: list[_Match]) -> list[_Match]:
    """Keep a match unless a strictly longer match of another target covers it.

    "Bauleitplanung" suppresses the "Planung" inside it, "IT-Sicherheit" the
    bare "Sicherheit"; two labels side by side in one compound both stay, and
    so do overlapping matches of the same target (the best one counts).
    """
    # Only matches over several words, and whole words where a partial match
    # (a compound part) sits, can contain another one: only those are indexed.
    partial = {m[1] for m in matches if m[3] % _POS != 0 or m[4] % _POS != _WHOLE}
    ordered = sorted(matches, key=lambda m: (m[3] - m[4], m[3], m[0], m[1], m[2]))
    kept: list[_Match] = []
    cover: dict[int, list[_Match]] = {}
    for m in ordered:
        first, last = m[1], m[2]
        holders = cover.get(first)
        if holders:
            target, lo, hi = m[0], m[3], m[4]
            width = hi - lo
            if any(
                c[3] <= lo and hi <= c[4] and c[4] - c[3] > width and c[0] != target
                for c in holders
            ):
                continue
        kept.append(m)
        if first != last:
            for pos in range(first, last + 1):
                cover.setdefault(pos, []).append(m)
        elif first in partial:
            cover.setdefault(first, []).append(m)
    kept.sort(key=lambda m: (m[1], m[2], m[0], m[3]))
    return kept


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------


_OCCUPATION = 2  # _Mention.kind of skills implied by an occupation title


@dataclass(slots=True)
class _Mention:
    target: int
    first: int
    last: int
    quality: float
    kind: int  # 0 skill, 1 language, 2 occupation
    weight: float = 1.0
    level: int = 0


@dataclass(slots=True)
class _Analysis:
    toks: _Tokens
    mentions: list[_Mention]


class SkillExtractor:
    """Finds taxonomy skills in German and English CVs and job ads.

    Build once per taxonomy (indexes all labels; well under a second for
    ~1200 skills), then call ``extract`` per text. Thread-safe for reading
    apart from a per-word cache whose content never changes a result.
    """

    def __init__(self, taxonomy: Taxonomy, *, fuzzy: bool = True) -> None:
        self.taxonomy = taxonomy
        self._uris = [s.uri for s in taxonomy.skills]
        self._is_language = [s.type == "language" for s in taxonomy.skills]
        skill_labels: list[tuple[int, str]] = []
        language_labels: list[tuple[int, str]] = []
        for skill in taxonomy.skills:
            bucket = language_labels if skill.type == "language" else skill_labels
            for lang in sorted(skill.labels):
                bucket.extend((skill.index, name) for name in skill.labels[lang])
        occupation_labels = [
            (i, name)
            for i, occ in enumerate(taxonomy.occupations)
            for lang in sorted(occ.labels)
            for name in occ.labels[lang]
        ]
        self._skills = _LabelIndex(skill_labels, strict=False, fuzzy=fuzzy, modifiers=True)
        self._languages = _LabelIndex(
            language_labels,
            strict=True,
            fuzzy=False,
            modifiers=True,
            rests=("kenntnis", "niveau", "sprachkenntnis"),
        )
        # Titles: no compound modifiers, typos only in long words (a "Statistik"
        # must not become a "Statistiker"), and word endings must agree.
        self._occupations = _LabelIndex(
            occupation_labels,
            strict=False,
            fuzzy=fuzzy,
            modifiers=False,
            split_slash=True,
            titles=True,
            min_fuzzy=OCCUPATION_MIN_FUZZY,
        )
        self._essential = [
            tuple(i for i in occ.essential if not self._is_language[i])
            for occ in taxonomy.occupations
        ]
        self._proficiency = _Phrases(_PROFICIENCY)
        self._levels = _Phrases((float(v), p) for v, p in _LANGUAGE_LEVELS)
        self._nationality = frozenset(
            k for p in _NATIONALITY_CUES.split(";") for k in phrase_stems(p)[:1]
        )
        self._headings = _Phrases([(1.0, _SECTION_HEADINGS)])
        self._job_cues = _Phrases((float(v), p) for v, p in _JOB_CUES)
        self._job_headings = _Phrases((float(v), p) for v, p in _JOB_HEADINGS)
        self._readings: dict[str, _Reading] = {}

    # -- public API -------------------------------------------------------------

    def extract(self, text: str) -> list[ExtractedSkill]:
        """Skills named in ``text`` (or implied by an occupation title), sorted by index."""
        analysis = self._analyze(text)
        return self._aggregate(analysis, analysis.mentions)

    def extract_with_occupations(
        self, text: str
    ) -> tuple[list[ExtractedSkill], list[ExtractedOccupation]]:
        """``extract`` plus the occupation titles found (for display and job facts)."""
        analysis = self._analyze(text)
        return self._aggregate(analysis, analysis.mentions), self._occupation_list(analysis)

    def extract_job(self, text: str) -> tuple[list[ExtractedSkill], list[ExtractedSkill]]:
        """A job ad's (essential, optional) skills; a skill in both counts as essential.

        Each sentence is classed by its cue words ("erforderlich", "von Vorteil",
        "required", "nice to have", ...), else by the section heading above it
        ("Ihr Profil", "Wünschenswert", ...), else essential. Sections such as
        "Wir bieten" or "Über uns" describe the employer and are skipped.
        """
        analysis = self._analyze(text)
        classes = self._job_classes(analysis.toks)
        # A title ("Sachbearbeiter/in") implies many generic skills; in a job ad they are
        # optional, so the ad's own requirements decide what is essential.
        essential = [
            m for m in analysis.mentions if classes[m.first] == _ESSENTIAL and m.kind != _OCCUPATION
        ]
        optional = [
            m
            for m in analysis.mentions
            if classes[m.first] == _OPTIONAL
            or (classes[m.first] == _ESSENTIAL and m.kind == _OCCUPATION)
        ]
        ess = self._aggregate(analysis, essential)
        have = {s.index for s in ess}
        opt = [s for s in self._aggregate(analysis, optional) if s.index not in have]
        return ess, opt

    # -- analysis -----------------------------------------------------------------

    def _reading(self, info: TokenInfo) -> _Reading:
        """Everything the indexes know about one word; cached per distinct word."""
        c = info.csurf
        starts_qualifier = (
            info.number is not None
            or c in _YEAR_WORDS
            or "erfahrung" in c
            or c.startswith("experien")
            or c in _PRACTICE
            or info.stem in self._proficiency.starters
        )
        reading = (
            self._skills.alts(info),
            self._languages.alts(info),
            self._occupations.alts(info),
            starts_qualifier,
        )
        if len(self._readings) >= 200_000:
            self._readings.clear()  # a cache only: results never depend on it
        self._readings[info.fsurf] = reading
        return reading

    def _analyze(self, text: str) -> _Analysis:
        toks = tokenize(text)
        cache = self._readings
        readings = [cache.get(i.fsurf) or self._reading(i) for i in toks.info]
        found = _drop_contained(
            self._skills.find(toks, [r[0] for r in readings])
            + self._languages.find(toks, [r[1] for r in readings])
        )
        mentions = [
            _Mention(m[0], m[1], m[2], m[5], 1 if self._is_language[m[0]] else 0) for m in found
        ]
        mentions.extend(
            _Mention(m[0], m[1], m[2], m[5], 2)
            for m in _drop_contained(self._occupations.find(toks, [r[2] for r in readings]))
        )
        mentions.sort(key=lambda m: (m.first, m.last, m.kind, m.target))
        mentions = self._drop_headings(toks, mentions)
        mentions = self._drop_nationality(toks, mentions)
        mentions = _drop_other_peoples_titles(toks, mentions)
        self._qualify(toks, mentions, [p for p, r in enumerate(readings) if r[3]])
        mentions = [m for m in mentions if m.weight > 0.0]  # negated: "keine Kenntnisse"
        self._language_levels(toks, mentions)
        return _Analysis(toks, mentions)

    def _drop_headings(self, toks: _Tokens, mentions: list[_Mention]) -> list[_Mention]:
        line = toks.line
        n = len(toks)
        verdict: dict[int, bool] = {}
        for m in mentions:
            ln = line[m.first]
            if ln in verdict:
                continue
            start = m.first
            while start > 0 and line[start - 1] == ln:
                start -= 1
            stop = m.last + 1
            while stop < n and line[stop] == ln:
                stop += 1
            hit = self._headings.match(toks, start, stop) if stop - start <= 4 else None
            verdict[ln] = hit is not None and hit[0] == stop - start
        inline = {id(m) for m in mentions if self._inline_heading(toks, m)}
        if not any(verdict.values()) and not inline:
            return mentions
        return [m for m in mentions if not verdict[line[m.first]] and id(m) not in inline]

    def _inline_heading(self, toks: _Tokens, m: _Mention) -> bool:
        """A heading run into the text ("Ihr Profil: ...") names no skill either."""
        if not toks.text[toks.end[m.last] :].lstrip(" \t").startswith(":"):
            return False
        for start in (m.first, m.first - 1):
            if start < 0 or toks.line[start] != toks.line[m.first]:
                continue
            hit = self._headings.match(toks, start, m.last + 1)
            if hit is not None and hit[0] == m.last + 1 - start:
                return True
        return False

    def _drop_nationality(self, toks: _Tokens, mentions: list[_Mention]) -> list[_Mention]:
        """Languages on a "Staatsangehörigkeit: deutsch" line are no language skills."""
        seg, info = toks.seg, toks.info
        bad: dict[int, bool] = {}
        for m in mentions:
            if m.kind != 1 or seg[m.first] in bad:
                continue
            p = m.first
            while p > 0 and seg[p - 1] == seg[m.first]:
                p -= 1
            leading = range(p, min(p + 2, len(toks)))  # the first two words
            bad[seg[m.first]] = any(info[r].stem in self._nationality for r in leading)
        if not any(bad.values()):
            return mentions
        return [m for m in mentions if not (m.kind == 1 and bad[seg[m.first]])]

    def _qualifiers(self, toks: _Tokens, candidates: list[int]) -> list[tuple[int, int, float]]:
        """(first, last, weight) of every proficiency or experience qualifier.

        ``candidates``: the positions whose word can start one (from the reading).
        """
        out: list[tuple[int, int, float]] = []
        info = toks.info
        n = len(toks)
        starters = self._proficiency.starters
        free = 0  # first position not inside a qualifier found already
        for p in candidates:
            if p < free:
                continue
            here = info[p]
            if (
                here.number is not None
                and here.stem not in starters
                and (p + 1 >= n or info[p + 1].csurf not in _YEAR_WORDS)
            ):
                continue  # a number, but no "N Jahre": dates, phone numbers, ...
            years = self._years_at(toks, p)
            if years is not None:
                out.append((p, years[0], years[1]))
                free = years[0] + 1
                continue
            hit = self._proficiency.match(toks, p, n)
            if hit is not None:
                out.append((p, p + hit[0] - 1, hit[1]))
                free = p + hit[0]
        return out

    def _years_at(self, toks: _Tokens, p: int) -> tuple[int, float] | None:
        """(last position, weight) of "5 Jahre Berufserfahrung", "3 years of experience".

        "Erfahrung in X: 2 Jahre" counts as a qualifier on "Erfahrung" alone, so
        that it governs the X that follows it.
        """
        info, seg = toks.info, toks.seg
        n = len(toks)
        here = info[p]
        years: float | None = None
        year_pos = -1
        if here.number is not None and p + 1 < n and info[p + 1].csurf in _YEAR_WORDS:
            years, year_pos = here.number, p + 1
        elif here.csurf in ("jahr", "year") and (p == 0 or info[p - 1].number is None):
            years, year_pos = 1.0, p
        if years is not None:
            if years > 60:
                return None
            for r in range(year_pos + 1, min(n, year_pos + 4)):
                if seg[r] != seg[p]:
                    break
                if _is_experience(info[r].csurf):
                    return r, _years_weight(years)
            return None
        if _is_experience(here.csurf):
            for r in range(p + 1, min(n, p + 4)):
                if seg[r] != seg[p]:
                    break
                number = info[r].number
                if number is not None and r + 1 < n and info[r + 1].csurf in _YEAR_WORDS:
                    return (p, _years_weight(number)) if number <= 60 else None
        return None

    def _qualify(self, toks: _Tokens, mentions: list[_Mention], candidates: list[int]) -> None:
        """Attach to each mention the qualifier that governs it (weight 1.0 if none).

        A qualifier right after a skill ("Excel (Grundkenntnisse)", "SAP – 5
        Jahre Erfahrung") governs it if nothing else follows in its clause;
        otherwise a qualifier governs the skills after it in its sentence
        ("Grundkenntnisse in SAP und Excel"). A line such as "Grundkenntnisse:"
        governs the following lines up to a blank line.
        """
        for m in mentions:
            m.weight = m.quality
        quals = self._qualifiers(toks, candidates) if mentions else []
        if not quals:
            return
        seg, clause, line = toks.seg, toks.clause, toks.line
        starts = [m.first for m in mentions]
        q_starts = [q[0] for q in quals]
        q_ends = [q[1] for q in quals]
        trailing = []
        for _q_first, q_last, _w in quals:
            i = bisect_right(starts, q_last)
            trailing.append(i >= len(starts) or clause[starts[i]] != clause[q_last])
        headers = self._header_lines(toks, quals, mentions)
        for m in mentions:
            weight: float | None = None
            j = bisect_right(q_starts, m.last)
            if j < len(quals):
                q_first = quals[j][0]
                if (
                    trailing[j]
                    and seg[q_first] == seg[m.last]
                    and q_first - m.last - 1 <= AFTER_WINDOW
                ):
                    k = bisect_right(starts, m.last)
                    if k >= len(starts) or starts[k] >= q_first:
                        weight = quals[j][2]
            if weight is None:
                i = bisect_left(q_ends, m.first) - 1
                if i >= 0 and not trailing[i] and seg[quals[i][1]] == seg[m.first]:
                    weight = quals[i][2]
                    # A negation reaches only the next few words of its clause:
                    # "ohne Anleitung" must not erase the rest of the sentence.
                    if weight == 0.0 and (
                        clause[quals[i][1]] != clause[m.first]
                        or m.first - quals[i][1] > AFTER_WINDOW + 1
                    ):
                        weight = None
            if weight is None:
                weight = headers.get(line[m.first])
            m.weight = m.quality * (1.0 if weight is None else weight)

    def _header_lines(
        self, toks: _Tokens, quals: list[tuple[int, int, float]], mentions: list[_Mention]
    ) -> dict[int, float]:
        mention_lines = {toks.line[m.first] for m in mentions}
        lines: list[str] | None = None
        header: dict[int, float] = {}
        for q_first, _q_last, weight in quals:
            ln = toks.line[q_first]
            if ln in mention_lines:
                continue
            if lines is None:
                lines = toks.text.split("\n")
            if lines[ln].rstrip().endswith(":"):
                header[ln] = weight
        if not header or lines is None:
            return {}
        scope: dict[int, float] = {}
        current: float | None = None
        for ln in range(min(header), len(lines)):
            if ln in header:
                current = header[ln]
                continue
            stripped = lines[ln].strip()
            if not stripped or stripped.endswith(":"):
                current = None
            elif current is not None:
                scope[ln] = current
        return scope

    def _language_levels(self, toks: _Tokens, mentions: list[_Mention]) -> None:
        """CEFR level of each language mention, from the words after (or before) it.

        "Deutsch und Englisch (B2)": a language followed directly by another
        one shares its level. A level before the language ("fließend
        Englisch") counts only for the first language of a sentence, so
        "Deutsch: Muttersprache, Englisch" leaves Englisch at the default B1.
        """
        langs = [m for m in mentions if m.kind == 1]
        if not langs:
            return
        seg = toks.seg
        n = len(toks)
        starts = [m.first for m in mentions]
        for m in langs:
            k = bisect_right(starts, m.last)
            stop = min(n, m.last + 1 + LEVEL_WINDOW, starts[k] if k < len(starts) else n)
            m.level = self._level_in(toks, range(m.last + 1, stop), seg[m.first])
        for m, following in zip(reversed(langs[:-1]), reversed(langs[1:]), strict=True):
            adjacent = following.first == m.last + 1 and seg[following.first] == seg[m.first]
            if not m.level and adjacent:
                m.level = following.level
        prev_seg = -1
        for m in langs:
            if not m.level and prev_seg != seg[m.first]:
                before = range(max(0, m.first - 3), m.first)
                m.level = self._level_in(toks, before, seg[m.first])
            prev_seg = seg[m.first]
            m.level = m.level or DEFAULT_LEVEL
            m.weight = m.level / 6.0

    def _level_in(self, toks: _Tokens, window: range, segment: int) -> int:
        info, seg = toks.info, toks.seg
        positions = [p for p in window if seg[p] == segment]
        for p in positions:
            if _CEFR_RE.match(info[p].csurf):
                return CEFR_LEVELS.index(info[p].csurf.upper()) + 1
        if not positions:
            return 0
        stop = positions[-1] + 1
        for p in positions:
            hit = self._levels.match(toks, p, stop)
            if hit is not None:
                return int(hit[1])
        return 0

    # -- results ------------------------------------------------------------------

    def _aggregate(self, analysis: _Analysis, mentions: Sequence[_Mention]) -> list[ExtractedSkill]:
        """One ExtractedSkill per skill: direct mentions, languages, occupation titles."""
        toks = analysis.toks
        t_start, t_end, t_line = toks.start, toks.end, toks.line
        direct: dict[int, _Evidence] = {}
        titles: dict[int, _Evidence] = {}
        levels: dict[int, int] = {}
        for m in mentions:
            bucket = titles if m.kind == 2 else direct
            ev = bucket.get(m.target)
            if ev is None:
                ev = bucket[m.target] = _Evidence()
            ev.add(m.weight, t_line[m.first], t_start[m.first], t_end[m.last])
            if m.kind == 1:
                levels[m.target] = max(levels.get(m.target, 0), m.level)
        # Skills implied by titles: the best title weight, the spans of the
        # titles. A title repeated in every job entry is one fact: no bonus.
        implied: dict[int, tuple[float, tuple[Span, ...]]] = {}
        for occ in sorted(titles):
            title = titles[occ]
            weight, spans = OCCUPATION_WEIGHT * title.best, title.spans()
            for idx in self._essential[occ]:
                had = implied.get(idx)
                if had is None:
                    implied[idx] = (weight, spans)
                else:
                    merged = tuple(sorted(set(had[1] + spans), key=_span_key))
                    implied[idx] = (max(had[0], weight), merged)
        out: list[ExtractedSkill] = []
        uris = self._uris
        for idx in sorted(direct.keys() | implied.keys()):
            found = direct.get(idx)
            if found is None:
                weight, spans = implied[idx]
                out.append(ExtractedSkill(idx, uris[idx], _quantize(weight), spans, None))
            elif idx in levels:
                level = levels[idx]
                out.append(
                    ExtractedSkill(
                        idx,
                        uris[idx],
                        _quantize(level / 6.0),
                        found.spans(),
                        CEFR_LEVELS[level - 1],
                    )
                )
            else:
                weight = found.weight()
                if idx in implied:
                    weight = max(weight, implied[idx][0])
                out.append(ExtractedSkill(idx, uris[idx], _quantize(weight), found.spans(), None))
        return out

    def _occupation_list(self, analysis: _Analysis) -> list[ExtractedOccupation]:
        toks = analysis.toks
        found: dict[int, _Evidence] = {}
        for m in analysis.mentions:
            if m.kind == 2:
                ev = found.get(m.target)
                if ev is None:
                    ev = found[m.target] = _Evidence()
                ev.add(1.0, 0, toks.start[m.first], toks.end[m.last])
        occupations = self.taxonomy.occupations
        return [ExtractedOccupation(i, occupations[i].uri, found[i].spans()) for i in sorted(found)]

    # -- job ads ------------------------------------------------------------------

    def _job_classes(self, toks: _Tokens) -> list[int]:
        """Essential / optional / ignore, per content token of a job ad."""
        n = len(toks)
        classes = [_ESSENTIAL] * n
        text = toks.text
        section = _ESSENTIAL
        p = 0
        while p < n:
            line = toks.line[p]
            q = p
            while q < n and toks.line[q] == line:
                q += 1
            body = p
            heading = self._job_headings.match(toks, p, q)
            if heading is not None:
                size, value = heading
                after = text[toks.end[p + size - 1] :].lstrip(" \t*")
                if p + size == q or after.startswith(":"):
                    section = int(value)
                    body = p + size
            self._classify_line(toks, body, q, section, classes)
            for r in range(p, body):
                classes[r] = section
            p = q
        return classes

    def _classify_line(
        self, toks: _Tokens, p: int, q: int, section: int, classes: list[int]
    ) -> None:
        seg, clause = toks.seg, toks.clause
        while p < q:
            s = p
            while s < q and seg[s] == seg[p]:
                s += 1
            cues: dict[int, int] = {}  # clause -> class
            r = p
            while r < s:
                hit = self._job_cues.match(toks, r, s)
                if hit is None:
                    r += 1
                    continue
                cues.setdefault(clause[r], int(hit[1]))
                r += hit[0]
            kinds = set(cues.values())
            if section == _IGNORE and not kinds:
                value_for: dict[int, int] = {}
            elif len(kinds) == 1:
                only = next(iter(kinds))
                value_for = {clause[r]: only for r in range(p, s)}
            elif kinds:
                order = sorted(cues)
                value_for = {}
                for r in range(p, s):
                    c = clause[r]
                    if c in cues:
                        value_for[c] = cues[c]
                        continue
                    later = [x for x in order if x > c]
                    value_for[c] = cues[later[0]] if later else cues[order[-1]]
            else:
                value_for = {}
            for r in range(p, s):
                classes[r] = value_for.get(clause[r], section)
            p = s


_BULLET_RE: Final = re.compile(r"\s*[-•*–·▪◦‣➢►]\s")
_OWN_TITLE_RE: Final = re.compile(
    r"(?:\b(?:als|zum|zur|as|an?)\s+(?:\w+\s+){0,2}$)|(?:^\s*[-•*–·▪◦‣➢►]\s*$)", re.IGNORECASE
)


def _drop_other_peoples_titles(toks: _Tokens, mentions: list[_Mention]) -> list[_Mention]:
    """A title inside a bullet point usually names someone else.

    "- Beratung von Bauherren und Architekten" lists clients, not the
    candidate's job, and would add an architect's skills; a bullet that says
    "als Architekt" or starts with the title still counts.
    """
    if not any(m.kind == 2 for m in mentions):
        return mentions
    text = toks.text
    keep: list[_Mention] = []
    for m in mentions:
        if m.kind == 2:
            start = toks.start[m.first]
            line_start = text.rfind("\n", 0, start) + 1
            if _BULLET_RE.match(text, line_start) and not _OWN_TITLE_RE.search(
                text, line_start, start
            ):
                continue
        keep.append(m)
    return keep


def _is_experience(csurf: str) -> bool:
    return "erfahrung" in csurf or csurf.startswith("experien") or csurf in _PRACTICE


def _years_weight(years: float) -> float:
    return min(1.0, 0.6 + 0.1 * max(0.0, years))


def _quantize(weight: float) -> float:
    """Four decimals, so float noise (0.6 + 0.3 = 0.8999...) never separates equal weights."""
    return int(weight * 10000.0 + 0.5) / 10000.0


def _span_key(span: Span) -> tuple[int, int]:
    return span.start, span.end


class _Evidence:
    """The mentions of one skill (or one occupation title): best weight, lines, spans."""

    __slots__ = ("_cached", "_spans", "best", "lines")

    def __init__(self) -> None:
        self.best = 0.0
        self.lines: set[int] = set()
        self._spans: set[tuple[int, int]] = set()
        self._cached: tuple[Span, ...] | None = None

    def add(self, weight: float, line: int, start: int, end: int) -> None:
        self.best = max(self.best, weight)
        self.lines.add(line)
        self._spans.add((start, end))

    def weight(self) -> float:
        """Max over mentions, plus a small bonus per further line naming the skill."""
        bonus = min(REPEAT_BONUS_MAX, REPEAT_BONUS * (len(self.lines) - 1))
        return min(1.0, self.best + bonus)

    def spans(self) -> tuple[Span, ...]:
        if self._cached is None:
            self._cached = tuple(Span(a, b) for a, b in sorted(self._spans))
        return self._cached
