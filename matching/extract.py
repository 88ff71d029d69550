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
from .textnorm import TokenInfo, analyze_word, phrase_stems, stem_folded, tokenize, words

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
    """heit heiten keit keiten ung ungen lich liche lichen licher liches lichkeit isch
    ische ischen ischer isches ig ige igen iger iges igkeit bar bare baren barer barkeit
    schaft schaften tum tums nis nisse sam same haft hafte los lose losen losigkeit
    ion ions ation ations ment ments ity ities ness able ible ers ing ings ance ence ive
    ives al als ally ly ist ists ism ize ise ised ized ful less ed er es en ern erin
    erinnen or ors ory ories ure ant ent ents ants""".split()
)
_VERB_PREFIXES: Final = frozenset(
    """ver ent zer vor nach auf aus ein mit uber unter wider miss mis pre pro non sub
    inter anti dis gegen""".split()
)
_VOWELS: Final = frozenset("aeiouyäöü")
_CEFR_RE: Final = re.compile(r"^[abc][12]$")
_YEAR_WORDS: Final = frozenset(
    """jahr jahre jahren jahres jahrig jahrige jahrigen jahriger jahriges year years
    yr yrs""".split()
)

# Qualifiers: how well a skill is mastered. Written as phrases and normalized
# with the same pipeline as the text, so inflected forms match too.
_PROFICIENCY: Final = (
    (0.5, "Grundkenntnisse; Grundlagenkenntnisse; Grundlagenwissen; Basiskenntnisse; "
          "Basiswissen; Grundwissen; erste Kenntnisse; Anfängerkenntnisse; Anfänger; "
          "Einsteiger; rudimentär; rudimentäre Kenntnisse; Schulkenntnisse; "
          "basic knowledge; basic; basics; beginner; elementary; rudimentary"),
    (0.6, "erste Erfahrung; erste Erfahrungen; erste praktische Erfahrungen; "
          "first experience; some experience; limited experience"),
    (0.8, "gut; gute Kenntnisse; solide; solide Kenntnisse; sicher; sicherer Umgang; "
          "good; good knowledge; solid; working knowledge; intermediate"),
    (0.9, "mehrjährig; mehrjährige Erfahrung; mehrjährige Berufserfahrung; strong; "
          "several years"),
    (1.0, "Kenntnisse; Kenntnis; Wissen; Erfahrung; Erfahrungen; knowledge; experience; "
          "sehr gut; sehr gute Kenntnisse; fundiert; fundierte Kenntnisse; umfassend; "
          "vertieft; ausgezeichnet; hervorragend; exzellent; fortgeschritten; langjährig; "
          "Experte; Expertin; Expertenwissen; Spezialkenntnisse; "
          "very good; expert; expertise; advanced; excellent; extensive; in-depth; "
          "profound; proficient; thorough"),
)
_LANGUAGE_LEVELS: Final = (
    (6, "Muttersprache; Muttersprachler; Muttersprachlerin; Erstsprache; zweisprachig; "
        "bilingual; mother tongue; native; native speaker; first language"),
    (5, "verhandlungssicher; fließend; sehr gut; sehr gute Kenntnisse; exzellent; "
        "fluent; business fluent; very good; excellent; proficient; advanced"),
    (4, "gut; gute Kenntnisse; Wort und Schrift; good; good command; upper intermediate"),
    (3, "intermediate; Mittelstufe; solide"),
    (2, "Grundkenntnisse; Basiskenntnisse; Schulkenntnisse; Grundlagen; basic; elementary; "
        "basic knowledge; school"),
    (1, "Anfänger; Anfängerkenntnisse; beginner"),
)
# A language named on a nationality line is no language skill (defence in
# depth: the scrubber removes these lines before extraction).
_NATIONALITY_CUES: Final = (
    "Staatsangehörigkeit; Staatsbürgerschaft; Nationalität; Herkunft; Geburtsort; "
    "nationality; citizenship; place of birth"
)
_JOB_CUES: Final = (
    (_ESSENTIAL, "zwingend; erforderlich; setzen voraus; vorausgesetzt; Voraussetzung; "
                 "unabdingbar; unerlässlich; notwendig; Pflicht; required; requirement; "
                 "must have; you must; must be; must hold; mandatory; necessary"),
    (_OPTIONAL, "wünschenswert; von Vorteil; vorteilhaft; idealerweise; erwünscht; "
                "ein Plus; wäre schön; nice to have; preferred; desirable; desired; "
                "a plus; advantageous; ideally; optional; bonus"),
)
_JOB_HEADINGS: Final = (
    (_ESSENTIAL, "Ihr Profil; Profil; Anforderungen; Anforderungsprofil; Voraussetzungen; "
                 "Das bringen Sie mit; Was Sie mitbringen; Sie bringen mit; Wir erwarten; "
                 "Was wir erwarten; Qualifikation; Qualifikationen; Ihre Qualifikation; "
                 "Ihre Aufgaben; Aufgaben; Ihr Aufgabengebiet; Aufgabengebiet; "
                 "Requirements; Your profile; Qualifications; What you bring; Must have; "
                 "Your tasks; Tasks; Responsibilities; Your responsibilities"),
    (_OPTIONAL, "Wünschenswert; Von Vorteil; Nice to have; Wünschenswert wäre; "
                "Darüber hinaus wünschenswert; Idealerweise; Optional; Preferred; "
                "Preferred qualifications; Desirable; Plus; Bonus"),
    (_IGNORE, "Wir bieten; Unser Angebot; Was wir bieten; Wir bieten Ihnen; Das bieten wir; "
              "Über uns; Wer wir sind; Kontakt; Ihre Bewerbung; Bewerbung; Ansprechpartner; "
              "We offer; What we offer; Benefits; About us; How to apply; Contact"),
)


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` in the input text."""

    start: int
    end: int


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(slots=True)
class _Tokens:
    """Content tokens of one text (stop words removed, repeats merged), as parallel lists."""

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


def _content_tokens(text: str) -> _Tokens:
    stream = tokenize(text)
    out = _Tokens(text, [], [], [], [], [], [], [])
    s_start, s_end, s_info = stream.start, stream.end, stream.info
    s_line, s_seg, s_clause, s_group = stream.line, stream.seg, stream.clause, stream.group
    for i in range(len(stream)):
        info = s_info[i]
        if info.stop:
            continue
        # "Erzieher/Erzieherin", "Kaufmann/-frau": one token, so a doubled
        # gendered title reads exactly like a single one.
        if out.info and out.info[-1].stem == info.stem and out.seg[-1] == s_seg[i]:
            out.end[-1] = s_end[i]
            continue
        out.start.append(s_start[i])
        out.end.append(s_end[i])
        out.info.append(info)
        out.line.append(s_line[i])
        out.seg.append(s_seg[i])
        out.clause.append(s_clause[i])
        out.group.append(s_group[i])
    return out


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
_AltInfo = tuple[dict[str, _Alt], tuple[_Alt, ...]]
# (keys, target, acronym?): an acronym label ("SAP", "GIS") matches upper case only
_Entry = tuple[tuple[str, ...], int, bool]
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
    candidates = [rest] + [rest[len(x):] for x in _LINKERS if rest.startswith(x)]
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
    ) -> None:
        self._strict = strict
        self._fuzzy = fuzzy and not strict
        self._modifiers = modifiers
        self._rests = rests
        first: dict[str, list[_Entry]] = {}
        seen: set[tuple[tuple[str, ...], int]] = set()
        prefix_keys: set[str] = set()
        head_keys: set[str] = set()
        for target, label in labels:
            for variant in _label_variants(label, split_slash):
                tokens = [t for t in words(variant) if not t[2].stop]
                if not tokens:
                    continue
                infos = [t[2] for t in tokens]
                keys = tuple(i.csurf if strict else i.stem for i in infos)
                if sum(len(i.csurf) for i in infos) < 2:
                    continue
                first_word = variant[tokens[0][0] : tokens[0][1]]
                acronym = len(keys) == 1 and len(keys[0]) <= 4 and first_word.isupper()
                forms = [keys]
                if len(keys) > 1:
                    joined = "".join(i.csurf for i in infos)
                    forms.append((joined if strict else stem_folded("".join(
                        i.fsurf for i in infos)),))
                for form in forms:
                    if (form, target) in seen:
                        continue
                    seen.add((form, target))
                    first.setdefault(form[0], []).append((form, target, acronym))
                    if len(form[-1]) >= MIN_PART:
                        prefix_keys.add(form[-1])
                    if len(form[0]) >= MIN_PART:
                        head_keys.add(form[0])
        for entries in first.values():
            entries.sort(key=lambda e: (len(e[0]), e[1]))
        self._first = first
        self._vocab = frozenset(k for e in first.values() for en in e for k in en[0])
        self._prefix_keys = frozenset(prefix_keys)
        self._head_keys = frozenset(head_keys)
        self._deletes: dict[str, list[str]] | None = None  # built on first typo lookup
        self._cache: dict[str, _AltInfo] = {}
        self._max_part = max((len(k) for k in self._prefix_keys | self._head_keys), default=0)

    @property
    def size(self) -> int:
        return sum(len(e) for e in self._first.values())

    # -- one token ----------------------------------------------------------

    def alts(self, info: TokenInfo) -> _AltInfo:
        """All readings of a token: the label keys it is, resembles or contains."""
        cache_key = info.csurf if self._strict else info.csurf + "\x00" + info.stem
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        found: dict[str, _Alt] = {}
        key = info.csurf if self._strict else info.stem
        if key in self._vocab:
            found[key] = (key, 1.0, _EXACT, 0, _WHOLE)
        elif self._fuzzy and len(key) >= MIN_FUZZY - 1 and key.isalpha():
            for cand in self._typo_candidates(key):
                found[cand] = (cand, FUZZY_FACTOR, _FUZZY, 0, _WHOLE)
        if self._modifiers:
            self._add_modifiers(info.csurf, found)
        if not self._strict:
            self._add_heads(info.stem, found)
        items = tuple(found[k] for k in sorted(found))
        result = (found, items)
        if len(self._cache) > 400_000:
            self._cache.clear()
        self._cache[cache_key] = result
        return result

    def _delete_index(self) -> dict[str, list[str]]:
        """Symmetric-deletion index: each key and its one-deletion variants -> the key.

        A typo then costs len(word) dict lookups instead of a scan over all
        labels. The first letter is never deleted: typo candidates must share it.
        Built on the first lookup (about a quarter of a second for ~13k keys),
        so starting a node stays fast; the content never depends on when.
        """
        deletes: dict[str, list[str]] = {}
        for key in sorted(self._vocab):
            if len(key) < MIN_FUZZY or not key.isalpha():
                continue
            for variant in {key, *(key[:i] + key[i + 1 :] for i in range(1, len(key)))}:
                bucket = deletes.get(variant)
                if bucket is None:
                    deletes[variant] = [key]
                else:
                    bucket.append(key)
        self._deletes = deletes
        return deletes

    def _typo_candidates(self, key: str) -> list[str]:
        deletes = self._deletes if self._deletes is not None else self._delete_index()
        cands: set[str] = set(deletes.get(key, ()))
        for i in range(1, len(key)):
            cands.update(deletes.get(key[:i] + key[i + 1 :], ()))
        return sorted(
            c for c in cands if len(c) >= MIN_FUZZY and c[0] == key[0] and _within_one(c, key)
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
                    for c in [rest] + [rest[len(x):] for x in _LINKERS if rest.startswith(x)]
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

    def find(self, toks: _Tokens) -> list[_Match]:
        """All label matches in the text (before the containment filter)."""
        n = len(toks)
        text = toks.text
        alts = [self.alts(info) for info in toks.info]
        first = self._first
        seg = toks.seg
        out: list[_Match] = []
        for p in range(n):
            for key, quality, kind, lo, hi in alts[p][1]:
                entries = first.get(key)
                if entries is None:
                    continue
                for keys, target, acronym in entries:
                    size = len(keys)
                    if size == 1:
                        if kind >= _MODIFIER and len(key) < MIN_COMPOUND_LABEL:
                            continue
                        if acronym and (kind != _EXACT
                                        or any(c.islower() for c in text[toks.start[p]:toks.end[p]])):
                            continue
                        out.append((target, p, p, p * _POS + lo, p * _POS + hi, quality))
                        continue
                    if kind == _MODIFIER or p + size > n:
                        continue
                    qual, end_hi = quality, _WHOLE
                    for j in range(1, size):
                        t = p + j
                        got = alts[t][0].get(keys[j]) if seg[t] == seg[p] else None
                        if got is None or got[2] == _HEAD or (got[2] == _MODIFIER and j < size - 1):
                            break
                        qual = min(qual, got[1])
                        end_hi = got[4]
                    else:
                        last = p + size - 1
                        out.append((target, p, last, p * _POS + lo, last * _POS + end_hi, qual))
        if not self._strict:
            out.extend(self._find_groups(toks))
        return out

    def _find_groups(self, toks: _Tokens) -> list[_Match]:
        """Hyphenated words read as one: "Bauleit-Planung" = "Bauleitplanung"."""
        out: list[_Match] = []
        group = toks.group
        n = len(toks)
        p = 0
        while p < n:
            q = p
            while q + 1 < n and group[q + 1] == group[p]:
                q += 1
            if 0 < q - p < 4:
                infos = toks.info[p : q + 1]
                joined = analyze_word("".join(i.fsurf for i in infos))
                offsets = [0]
                for info in infos:
                    offsets.append(offsets[-1] + len(info.csurf))
                for key, quality, kind, lo, hi in self.alts(joined)[1]:
                    for keys, target, _acronym in self._first.get(key, ()):
                        if len(keys) != 1:
                            continue
                        if kind >= _MODIFIER and len(key) < MIN_COMPOUND_LABEL:
                            continue
                        c_lo = _locate(offsets, p, lo, start=True)
                        c_hi = _locate(offsets, p, hi, start=False)
                        out.append((target, p, q, c_lo, c_hi, quality))
            p = q + 1
        return out


def _locate(offsets: list[int], first: int, offset: int, *, start: bool) -> int:
    """Coverage coordinate of a character offset inside a joined hyphen group."""
    if offset >= _WHOLE:
        return (first + len(offsets) - 2) * _POS + _WHOLE
    i = bisect_right(offsets, offset) - 1 if start else bisect_left(offsets, offset) - 1
    i = max(0, min(i, len(offsets) - 2))
    return (first + i) * _POS + min(offset - offsets[i], _WHOLE)


def _drop_contained(matches: list[_Match]) -> list[_Match]:
    """Keep a match unless a strictly longer match covers its whole stretch.

    "Bauleitplanung" suppresses the "Planung" inside it, "IT-Sicherheit" the
    bare "Sicherheit"; two labels side by side in one compound both stay.
    """
    ordered = sorted(matches, key=lambda m: (m[3] - m[4], m[3], m[0], m[1], m[2]))
    kept: list[_Match] = []
    cover: dict[int, list[tuple[int, int]]] = {}
    for m in ordered:
        lo, hi = m[3], m[4]
        width = hi - lo
        if any(a <= lo and hi <= b and b - a > width for a, b in cover.get(m[1], ())):
            continue
        kept.append(m)
        for pos in range(m[1], m[2] + 1):
            cover.setdefault(pos, []).append((lo, hi))
    kept.sort(key=lambda m: (m[1], m[2], m[0], m[3]))
    return kept


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------


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
            language_labels, strict=True, fuzzy=False, modifiers=True,
            rests=("kenntnis", "niveau", "sprachkenntnis"),
        )
        self._occupations = _LabelIndex(
            occupation_labels, strict=False, fuzzy=fuzzy, modifiers=False, split_slash=True
        )
        self._essential = [
            tuple(i for i in occ.essential if not self._is_language[i])
            for occ in taxonomy.occupations
        ]
        self._proficiency = _Phrases(_PROFICIENCY)
        self._levels = _Phrases((float(v), p) for v, p in _LANGUAGE_LEVELS)
        self._nationality = frozenset(k for p in _NATIONALITY_CUES.split(";")
                                      for k in phrase_stems(p)[:1])
        self._job_cues = _Phrases((float(v), p) for v, p in _JOB_CUES)
        self._job_headings = _Phrases((float(v), p) for v, p in _JOB_HEADINGS)

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
        essential = [m for m in analysis.mentions if classes[m.first] == _ESSENTIAL]
        optional = [m for m in analysis.mentions if classes[m.first] == _OPTIONAL]
        ess = self._aggregate(analysis, essential)
        have = {s.index for s in ess}
        opt = [s for s in self._aggregate(analysis, optional) if s.index not in have]
        return ess, opt

    # -- analysis -----------------------------------------------------------------

    def _analyze(self, text: str) -> _Analysis:
        toks = _content_tokens(text)
        found = _drop_contained(self._skills.find(toks) + self._languages.find(toks))
        mentions = [
            _Mention(m[0], m[1], m[2], m[5], 1 if self._is_language[m[0]] else 0)
            for m in found
        ]
        mentions.extend(
            _Mention(m[0], m[1], m[2], m[5], 2)
            for m in _drop_contained(self._occupations.find(toks))
        )
        mentions.sort(key=lambda m: (m.first, m.last, m.kind, m.target))
        mentions = self._drop_nationality(toks, mentions)
        self._qualify(toks, mentions)
        self._language_levels(toks, mentions)
        return _Analysis(toks, mentions)

    def _drop_nationality(self, toks: _Tokens, mentions: list[_Mention]) -> list[_Mention]:
        if not any(m.kind == 1 for m in mentions):
            return mentions
        bad_segs: set[int] = set()
        seg, info = toks.seg, toks.info
        for p in range(len(toks)):
            leading = p < 2 or seg[p - 2] != seg[p]  # among the first two tokens
            if leading and info[p].stem in self._nationality:
                bad_segs.add(seg[p])
        if not bad_segs:
            return mentions
        return [m for m in mentions if not (m.kind == 1 and seg[m.first] in bad_segs)]

    def _qualifiers(self, toks: _Tokens) -> list[tuple[int, int, float]]:
        """(first, last, weight) of every proficiency or experience qualifier."""
        out: list[tuple[int, int, float]] = []
        n = len(toks)
        p = 0
        while p < n:
            years = self._years_at(toks, p)
            if years is not None:
                out.append((p, years[0], years[1]))
                p = years[0] + 1
                continue
            hit = self._proficiency.match(toks, p, n)
            if hit is not None:
                out.append((p, p + hit[0] - 1, hit[1]))
                p += hit[0]
                continue
            p += 1
        return out

    def _years_at(self, toks: _Tokens, p: int) -> tuple[int, float] | None:
        """"5 Jahre Berufserfahrung", "over 3 years of experience", "Erfahrung: 2 Jahre"."""
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
                    return (r + 1, _years_weight(number)) if number <= 60 else None
        return None

    def _qualify(self, toks: _Tokens, mentions: list[_Mention]) -> None:
        """Attach to each mention the qualifier that governs it (weight 1.0 if none).

        A qualifier right after a skill ("Excel (Grundkenntnisse)", "SAP – 5
        Jahre Erfahrung") governs it if nothing else follows in its clause;
        otherwise a qualifier governs the skills after it in its sentence
        ("Grundkenntnisse in SAP und Excel"). A line such as "Grundkenntnisse:"
        governs the following lines up to a blank line.
        """
        for m in mentions:
            m.weight = m.quality
        quals = self._qualifiers(toks)
        if not quals or not mentions:
            return
        seg, clause, line = toks.seg, toks.clause, toks.line
        starts = [m.first for m in mentions]
        q_starts = [q[0] for q in quals]
        q_ends = [q[1] for q in quals]
        trailing = []
        for q_first, q_last, _w in quals:
            i = bisect_right(starts, q_last)
            trailing.append(i >= len(starts) or clause[starts[i]] != clause[q_last])
        headers = self._header_lines(toks, quals, mentions)
        for m in mentions:
            weight: float | None = None
            j = bisect_right(q_starts, m.last)
            if j < len(quals):
                q_first = quals[j][0]
                if (trailing[j] and seg[q_first] == seg[m.last]
                        and q_first - m.last - 1 <= AFTER_WINDOW):
                    k = bisect_right(starts, m.last)
                    if k >= len(starts) or starts[k] >= q_first:
                        weight = quals[j][2]
            if weight is None:
                i = bisect_left(q_ends, m.first) - 1
                if i >= 0 and not trailing[i] and seg[quals[i][1]] == seg[m.first]:
                    weight = quals[i][2]
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
        """CEFR level of each language mention, from the words after (or before) it."""
        langs = [m for m in mentions if m.kind == 1]
        if not langs:
            return
        seg = toks.seg
        n = len(toks)
        starts = [m.first for m in mentions]
        prev_seg_lang = -1
        for m in langs:
            level = 0
            k = bisect_right(starts, m.last)
            stop = min(n, m.last + 1 + LEVEL_WINDOW, starts[k] if k < len(starts) else n)
            after = range(m.last + 1, stop)
            level = self._level_in(toks, after, seg[m.first])
            if not level and prev_seg_lang != seg[m.first]:
                before = range(max(0, m.first - 3), m.first)
                level = self._level_in(toks, before, seg[m.first])
            prev_seg_lang = seg[m.first]
            m.level = level or DEFAULT_LEVEL
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
        toks = analysis.toks
        direct: dict[int, list[tuple[float, int, Span]]] = {}
        implied: dict[int, list[tuple[float, int, Span]]] = {}
        levels: dict[int, int] = {}
        for m in mentions:
            span = Span(toks.start[m.first], toks.end[m.last])
            line = toks.line[m.first]
            if m.kind == 2:
                weight = OCCUPATION_WEIGHT * m.weight
                for idx in self._essential[m.target]:
                    implied.setdefault(idx, []).append((weight, line, span))
                continue
            direct.setdefault(m.target, []).append((m.weight, line, span))
            if m.kind == 1:
                levels[m.target] = max(levels.get(m.target, 0), m.level)
        out: list[ExtractedSkill] = []
        for idx in sorted(direct.keys() | implied.keys()):
            if idx in levels:
                level = levels[idx]
                spans = _spans(direct[idx])
                out.append(ExtractedSkill(idx, self._uris[idx], round(level / 6.0, 4), spans,
                                          CEFR_LEVELS[level - 1]))
                continue
            weight = 0.0
            spans = ()
            if idx in direct:
                weight = _combine(direct[idx])
                spans = _spans(direct[idx])
            if idx in implied:
                weight = max(weight, _combine(implied[idx]))
                if not spans:
                    spans = _spans(implied[idx])
            out.append(ExtractedSkill(idx, self._uris[idx], round(weight, 4), spans, None))
        return out

    def _occupation_list(self, analysis: _Analysis) -> list[ExtractedOccupation]:
        toks = analysis.toks
        spans: dict[int, list[tuple[float, int, Span]]] = {}
        for m in analysis.mentions:
            if m.kind == 2:
                span = Span(toks.start[m.first], toks.end[m.last])
                spans.setdefault(m.target, []).append((1.0, 0, span))
        occupations = self.taxonomy.occupations
        return [
            ExtractedOccupation(i, occupations[i].uri, _spans(spans[i])) for i in sorted(spans)
        ]

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
                after = text[toks.end[p + size - 1]:].lstrip(" \t*")
                if p + size == q or after.startswith(":"):
                    section = int(value)
                    body = p + size
            self._classify_line(toks, body, q, section, classes)
            for r in range(p, body):
                classes[r] = section
            p = q
        return classes

    def _classify_line(self, toks: _Tokens, p: int, q: int, section: int,
                       classes: list[int]) -> None:
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


def _is_experience(csurf: str) -> bool:
    return "erfahrung" in csurf or csurf.startswith("experien") or csurf in (
        "praxis", "berufspraxis", "praxiserfahrung",
    )


def _years_weight(years: float) -> float:
    return min(1.0, 0.6 + 0.1 * max(0.0, years))


def _combine(items: list[tuple[float, int, Span]]) -> float:
    """Max over mentions, plus a small bonus per further line naming the skill."""
    best = max(w for w, _line, _span in items)
    lines = len({line for _w, line, _span in items})
    bonus = min(REPEAT_BONUS_MAX, REPEAT_BONUS * (lines - 1))
    return min(1.0, best + bonus)


def _spans(items: list[tuple[float, int, Span]]) -> tuple[Span, ...]:
    return tuple(sorted({span for _w, _line, span in items}, key=lambda s: (s.start, s.end)))
