#!/usr/bin/env python3
"""Build the built-in skill taxonomy and the held-out evaluation material from ESCO v1.1.1.

Outputs (both byte-for-byte reproducible from the same inputs):

* ``matching/data/taxonomy.json``: the skill space shipped with the package
  (format: see ``matching/taxonomy.py``). Occupations are the public-sector
  occupations of ``node/data/synth_occupations.json`` with their ESCO essential
  and optional skills (capped, CSV order, plus a short list of priority skills
  beyond the caps), plus the language skills CEFR levels attach to. Skills that
  are protected-attribute proxies are dropped (reviewed list below). English
  labels come from ESCO ``skills_en.csv``; German labels from the ESCO German
  skill collections plus the curated labels in ``scripts/taxonomy_de_labels.py``;
  German occupation labels from ``occupations_de.csv`` ("X/Xin" split into both
  forms) plus curated job titles.
* ``bench/data/heldout.json``: material for an honest evaluation that the
  extractor and the encoder never see: ~20 % of the occupations (flagged
  ``"heldout": true`` in the taxonomy, so the encoder builder leaves them out of
  training) and ~15 % of each skill's alternative labels per language (removed
  from the taxonomy; never a preferred label, never when a skill has fewer than
  three labels in that language, never a label another skill also carries).

Every choice is deterministic: sorted inputs, SHA-256 ranks instead of random
numbers, fixed JSON formatting.

Usage::

    python scripts/build_taxonomy.py [--esco DIR] [--taxonomy FILE] [--heldout FILE]

Defaults: ``../shared/data/esco`` relative to the repository root, and the
committed output files.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ESCO = REPO_ROOT.parent / "shared" / "data" / "esco"
DEFAULT_TAXONOMY = REPO_ROOT / "matching" / "data" / "taxonomy.json"
DEFAULT_HELDOUT = REPO_ROOT / "bench" / "data" / "heldout.json"
SYNTH_OCCUPATIONS = REPO_ROOT / "node" / "data" / "synth_occupations.json"

FORMAT = "talentverbund.taxonomy/v1"
VERSION = "tv-2026.11.1"
ESCO_VERSION = "1.1.1"
ATTRIBUTION = "ESCO, European Commission"
ESCO_SKILL = "http://data.europa.eu/esco/skill/"

# Skills per occupation, in the order of occupationSkillRelations.csv. The caps
# keep the space within 1,200 skills (every one of them with German labels).
MAX_ESSENTIAL = 20
MAX_OPTIONAL = 6
MAX_SKILLS = 1200

# ESCO skills that public-sector job ads name often but that the caps above cut
# off (CSV order is not an order of importance). Each is kept, beyond the caps,
# for every selected occupation ESCO relates it to, with ESCO's relation type;
# the build fails if one is related to none of them.
PRIORITY_SKILLS: tuple[str, ...] = (
    ESCO_SKILL + "efe801a5-8704-4def-8a96-c32f7a6cb9fb",  # relations with children's parents
    ESCO_SKILL + "98a0c718-40b1-4a4f-a366-b8155f238d9b",  # promote the safeguarding of young people
    ESCO_SKILL + "bcd2ce08-ba12-4d66-865f-f4ba36419707",  # promote inclusion
    ESCO_SKILL + "b5af495b-61f1-4330-9891-dca56d97d714",  # communicate with youth
    ESCO_SKILL + "8d927aab-9202-4c02-9f39-5d478458f25c",  # assess social service users' situation
    ESCO_SKILL + "bd17a64e-a9bd-439d-9b87-01c6bb1b7e09",  # records of work with service users
    ESCO_SKILL + "e23c32a2-eff1-4d77-b2b0-724a3a600a95",  # refer social service users
    ESCO_SKILL + "5f343989-4871-419a-9dca-52fc653dc54e",  # plan social service process
    ESCO_SKILL + "f8d4a24c-fb62-444e-9525-7aa5662f440d",  # supervise children
    ESCO_SKILL + "bcb02777-45be-4166-9448-74a15b6f8136",  # assist children with special needs ...
    ESCO_SKILL + "d15ce60f-ddab-41ce-ba56-398451b77b60",  # have computer literacy
    ESCO_SKILL + "1de548e0-9535-4d2e-9d20-d4474c1ea813",  # oversee construction project
    ESCO_SKILL + "76415d7f-0fde-4364-b45f-5c044580d2aa",  # create AutoCAD drawings
    ESCO_SKILL + "7d35602d-bc94-4975-aa7c-f4e8e05ce8e0",  # cost management
    ESCO_SKILL + "af1df253-5103-46d7-a757-b17bf5a4e581",  # operate surveying instruments
    ESCO_SKILL + "969caeb0-cfc5-42aa-9c44-0ca3c09305fe",  # study traffic flow
    ESCO_SKILL + "8b46636e-e201-4086-a8d5-049b65eaf40e",  # advise on use of land
    ESCO_SKILL + "2c4b6914-4b97-4e35-85cb-e6602a8bb04a",  # carry out tendering
    ESCO_SKILL + "12dbf11f-c212-4fc3-8254-069f860bfa5c",  # rescue in road accidents
    ESCO_SKILL + "862a7f5f-aea5-4e7a-9783-48af5b52d50e",  # drive firetruck in emergencies
    ESCO_SKILL + "75de3aa9-6208-4563-a31a-be0b680e5786",  # relay messages by radio, telephone
    ESCO_SKILL + "8bd49d04-ab2f-4333-b5d9-12d716e4e2f6",  # resuscitation
    ESCO_SKILL + "c5a80bb0-31e6-4de0-868c-00a0f9b88b47",  # palliative care
    ESCO_SKILL + "6acf652c-33b2-4e28-8f79-1e553f255229",  # plan nursing care
    ESCO_SKILL + "a46743b7-ff8c-49b6-99f7-7fa5bc241771",  # use electronic health records in nursing
    ESCO_SKILL + "f98e06f5-a09a-4356-b6a8-d55a7d3c5356",  # implement nursing care
    ESCO_SKILL + "60f826be-0c1b-413b-aad5-4f7546622e16",  # monitor patient's vital signs
    ESCO_SKILL + "038256f5-7b18-4e6f-8314-2401be1b601b",  # pre-hospital trauma care
    ESCO_SKILL + "fbb8f1a7-c8b5-4722-92c4-814836b86934",  # emergency medicine
    ESCO_SKILL + "cc0b95b8-5fae-4ee2-851e-9b1e9fa178be",  # manage employee complaints
    ESCO_SKILL + "9d9ba780-4aa2-43d2-888c-95a41a713fb9",  # introduce new employees
    ESCO_SKILL + "90e8f54b-064f-4721-8ccc-b5f61968b227",  # organise training
    ESCO_SKILL + "5fa6cd2f-9bab-4afa-a184-2d2f1401b770",  # write meeting reports
    ESCO_SKILL + "bda0d115-f315-453e-99dc-f8b0e5862db3",  # ensure compliance with policies
    ESCO_SKILL + "a9640376-8d72-4a70-a4a3-7a18e2e8f3c0",  # advise on public finance
    ESCO_SKILL + "ae4f0cc6-e0b9-47f5-bdca-2fc2e6316dce",  # manage ICT virtualisation environments
    ESCO_SKILL + "acf0a78c-f4e3-4bd9-a5cc-9cf4791b3b95",  # implement a virtual private network
    ESCO_SKILL + "f5ac9226-0ace-4d34-a1c3-7b3845834a98",  # maintain ICT server
    ESCO_SKILL + "598de5b0-5b58-4ea7-8058-a4bc4d18c742",  # SQL
    ESCO_SKILL + "ccd0a1d9-afda-43d9-b901-96344886e14d",  # Python (computer programming)
    ESCO_SKILL + "19a8293b-8e95-4de3-983f-77484079c389",  # Java (computer programming)
    ESCO_SKILL + "3cd569a2-4f88-4c1e-9995-8dce8c5e51a7",  # JavaScript
    ESCO_SKILL + "4c016b68-4116-468c-9dc6-42710c239e4a",  # C#
    ESCO_SKILL + "4350c38d-0fe9-4ca7-bab9-40ed7f72b04f",  # PHP
)

HELDOUT_OCCUPATION_SHARE = 0.20
MIN_HELDOUT_OCCUPATIONS = 12
HELDOUT_LABEL_SHARE = 0.15
MIN_LABELS_FOR_HOLDOUT = 3
SALT = "talentverbund/heldout/v1"
# Core job-ad vocabulary the product must know: never held out (another
# alternative label of the same skill is held out instead).
NEVER_HOLD_OUT = frozenset(label.casefold() for label in (
    "Haushaltsrecht", "kommunales Haushaltsrecht", "Haushaltsplanung", "Bauleitplanung",
    "Bebauungsplan", "Flächennutzungsplan", "Verwaltungsrecht", "Verwaltungsverfahrensgesetz",
    "Bürgerservice", "Publikumsverkehr", "Vergaberecht", "Ausschreibungen", "Kinderschutz",
    "Elternarbeit", "frühkindliche Bildung", "Dokumentation", "Projektmanagement",
    "Netzwerkadministration", "IT-Sicherheit", "Datenschutz", "DSGVO", "Buchhaltung",
    "doppische Haushaltsführung (Doppik)", "Doppik", "Kosten- und Leistungsrechnung",
    "Personalsachbearbeitung", "Entgeltabrechnung", "TVöD", "Beamtenrecht", "Brandschutz",
    "Atemschutz", "Erste Hilfe", "Statik", "Tragwerksplanung", "AutoCAD", "GIS", "Vermessung",
    "Pflegedokumentation", "Wundversorgung", "Gesprächsführung", "Konfliktmanagement",
    "Teamfähigkeit", "Kommunikationsfähigkeit", "MS Office", "Excel", "SAP", "Sozialrecht",
    "Case Management", "Deutschkenntnisse", "Englischkenntnisse", "Führerschein Klasse B",
))


# Language skills (top-level ESCO language concepts), CEFR levels attach to these.
# ESCO's own alternative labels for them are unusable ("from Holland", "ability to
# comprehend spoken and written German ..."), so both languages are curated here.
# key: ESCO English preferred label -> (English labels, German labels)
LANGUAGE_SKILLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "German": (
        ("German", "German language", "German language skills"),
        ("Deutsch", "Deutschkenntnisse", "deutsche Sprache", "Deutsch als Fremdsprache",
         "Deutsch als Zweitsprache"),
    ),
    "English": (
        ("English", "English language", "English language skills", "business English"),
        ("Englisch", "Englischkenntnisse", "englische Sprache", "Verhandlungssicheres Englisch",
         "Business English"),
    ),
    "French": (("French", "French language"), ("Französisch", "Französischkenntnisse")),
    "Spanish": (("Spanish", "Spanish language", "Castilian"), ("Spanisch", "Spanischkenntnisse")),
    "Italian": (("Italian", "Italian language"), ("Italienisch", "Italienischkenntnisse")),
    "Portuguese": (("Portuguese", "Portuguese language"),
                   ("Portugiesisch", "Portugiesischkenntnisse")),
    "Dutch": (("Dutch", "Dutch language"), ("Niederländisch", "Niederländischkenntnisse")),
    "Danish": (("Danish", "Danish language"), ("Dänisch", "Dänischkenntnisse")),
    "Polish": (("Polish", "Polish language"), ("Polnisch", "Polnischkenntnisse")),
    "Czech": (("Czech", "Czech language"), ("Tschechisch", "Tschechischkenntnisse")),
    "Hungarian": (("Hungarian", "Hungarian language"), ("Ungarisch", "Ungarischkenntnisse")),
    "Romanian": (("Romanian", "Romanian language"), ("Rumänisch", "Rumänischkenntnisse")),
    "Bulgarian": (("Bulgarian", "Bulgarian language"), ("Bulgarisch", "Bulgarischkenntnisse")),
    "Croatian": (("Croatian", "Croatian language"), ("Kroatisch", "Kroatischkenntnisse")),
    "Serbian": (("Serbian", "Serbian language"), ("Serbisch", "Serbischkenntnisse")),
    "Bosnian": (("Bosnian", "Bosnian language"), ("Bosnisch", "Bosnischkenntnisse")),
    "Albanian": (("Albanian", "Albanian language"), ("Albanisch", "Albanischkenntnisse")),
    "Greek": (("Greek", "Greek language", "modern Greek"),
              ("Griechisch", "Griechischkenntnisse", "Neugriechisch")),
    "Russian": (("Russian", "Russian language"), ("Russisch", "Russischkenntnisse")),
    "Ukrainian": (("Ukrainian", "Ukrainian language"), ("Ukrainisch", "Ukrainischkenntnisse")),
    "Turkish": (("Turkish", "Turkish language"), ("Türkisch", "Türkischkenntnisse")),
    "Arabic": (("Arabic", "Arabic language"), ("Arabisch", "Arabischkenntnisse")),
    "Persian": (("Persian", "Farsi", "Persian language"),
                ("Persisch", "Farsi", "Persischkenntnisse")),
    "Kurdish": (("Kurdish", "Kurdish language"), ("Kurdisch", "Kurdischkenntnisse")),
    "Vietnamese": (("Vietnamese", "Vietnamese language"),
                   ("Vietnamesisch", "Vietnamesischkenntnisse")),
    "Chinese": (("Chinese", "Mandarin", "Chinese language"),
                ("Chinesisch", "Mandarin", "Chinesischkenntnisse")),
}

# Protected-attribute screen (AGG §1 and the brief's list): a skill whose English
# label matches must be reviewed here, either dropped or kept with a reason;
# the build fails on an unreviewed match.
PROTECTED_RE = re.compile(
    r"\b(religio\w*|belief|faith|ethnic\w*|race|racial|nationality|citizenship|gender|sex|"
    r"sexual\w*|marital|pregnan\w*|age group|birth date|date of birth|photo of|"
    r"disabilit\w*|handicap\w*|mother tongue|native speaker)\b",
    re.IGNORECASE,
)
PROTECTED_REVIEWED_KEEP: dict[str, str] = {  # uri -> why the skill is not a proxy
    ESCO_SKILL + "0332f526-6dc0-4f09-8a7c-2b9473c50736":
        "ensure infrastructure accessibility: barrier-free building, a planning skill",
    ESCO_SKILL + "0f298334-ae4a-4ab7-96c2-0d90d2883768":
        "assist individuals with disabilities in community activities: a care skill",
    ESCO_SKILL + "19bf58ed-23b8-4763-b231-d4a1e98a225d":
        "promote gender equality in business contexts: equal-opportunity work (HR)",
    ESCO_SKILL + "54411e8e-d62f-46d8-b87b-fce23f8e3bc8":
        "disability care: a care skill; its labels name the service, not a condition",
    ESCO_SKILL + "66db424f-2abe-420d-8e5b-186607266b61":
        "corporate social responsibility: matched 'citizenship' in 'corporate citizenship'",
    ESCO_SKILL + "6b28bb69-a6ef-42d4-84df-46e498f09297":
        "disability types: professional knowledge of care and special-needs staff",
}
PROTECTED_DROP: dict[str, str] = {  # uri -> why the skill is dropped from the space
    ESCO_SKILL + "54a0974e-a8d1-4b2d-9dfa-e1da028a58e3":
        "visual disability: its labels ('visual impairment') are how a candidate discloses "
        "their own disability",
    ESCO_SKILL + "5d7a2896-fa02-4262-93a5-ecb4fbd95602":
        "hearing disability: its labels ('hearing impairment') are how a candidate discloses "
        "their own disability",
    ESCO_SKILL + "0e31da4d-591b-46c6-b89f-ff1812c1f67b":
        "history of theology: religious studies, a belief proxy (optional for one occupation)",
    ESCO_SKILL + "15f9284a-5385-42ac-92c7-b8352ea43c36":
        "religious studies: a belief proxy (optional for one occupation)",
    ESCO_SKILL + "70f9a330-ff59-40fd-87d1-ba32d9df7504":
        "cultural practices regarding animal parts sorting: religious dietary rules, a "
        "belief proxy",
    ESCO_SKILL + "d5fedb98-5bf8-4f95-a336-25857e392c07":
        "cultural practices regarding animal slaughter: religious slaughter rules, a belief "
        "proxy",
}

# ESCO German occupation labels that are wrong or not German (dropped).
DROP_OCCUPATION_LABELS_DE = frozenset({
    "Smart Byplanlægger",
    "Entwickler von Batteriesoftware",
    "Entwickler für Batterien-Software",
    "Blockchain-Manager",
    "Neonatal Krankenschwester Praktiker",
})

_SPACE_RE = re.compile(r"\s+")
_SLASH_IN_RE = re.compile(r"(\w+?)/in\b")  # Sachbearbeiter/in
_BINNEN_I_RE = re.compile(r"\b(\w*[a-zäöüß])In\b")  # SachbearbeiterIn


class BuildError(Exception):
    """The ESCO files do not contain what the build expects."""


@dataclass
class SkillEntry:
    uri: str
    type: str
    labels: dict[str, list[str]] = field(default_factory=dict)
    groups: list[str] = field(default_factory=list)


@dataclass
class OccupationEntry:
    uri: str
    isco: str
    field: str
    labels: dict[str, list[str]]
    essential: list[str]
    optional: list[str]
    heldout: bool = False


# -- small helpers ------------------------------------------------------------


def clean(text: str) -> str:
    """One line, single spaces: ESCO labels carry stray NBSPs and double spaces."""
    return _SPACE_RE.sub(" ", text.replace("\xa0", " ")).strip()


def dedupe(labels: Iterable[str]) -> list[str]:
    """Cleaned labels in order, without empty ones and case-insensitive repeats."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in labels:
        label = clean(raw)
        key = label.casefold()
        if label and key not in seen:
            seen.add(key)
            out.append(label)
    return out


def split_multi(raw: str) -> list[str]:
    """ESCO multi-valued cells: newlines (v1.1) or " | " (collections, v1.2)."""
    return [part for part in raw.replace(" | ", "\n").split("\n") if part.strip()]


def rank(*parts: str) -> str:
    """A stable pseudo-random sort key."""
    return hashlib.sha256("\x1f".join((SALT, *parts)).encode()).hexdigest()


def fraction(*parts: str) -> float:
    return int(rank(*parts)[:12], 16) / float(1 << 48)


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise BuildError(f"missing ESCO file {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def load_curated() -> ModuleType:
    """``scripts/taxonomy_de_labels.py`` (loaded by path: scripts/ is no package)."""
    path = Path(__file__).with_name("taxonomy_de_labels.py")
    spec = importlib.util.spec_from_file_location("taxonomy_de_labels", path)
    if spec is None or spec.loader is None:
        raise BuildError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gendered_forms(label: str, alternatives: Iterable[str] = ()) -> list[str]:
    """German occupation labels with both forms spelled out.

    "Standesbeamter/Standesbeamtin" -> both halves (when both are labels of their
    own, or the label has exactly one slash between two capitalised words);
    "Stadtteilplaner/in" and "SachbearbeiterIn" -> masculine and feminine form.
    Other slashes ("Miet-/Wohnungseigentumsrecht") stay.
    """
    label = clean(label)
    alts = {clean(a) for a in alternatives}
    if _SLASH_IN_RE.search(label):
        return [clean(_SLASH_IN_RE.sub(r"\1", label)), clean(_SLASH_IN_RE.sub(r"\1in", label))]
    if _BINNEN_I_RE.search(label):
        return [clean(_BINNEN_I_RE.sub(r"\1", label)), clean(_BINNEN_I_RE.sub(r"\1in", label))]
    positions = [i for i, ch in enumerate(label) if ch == "/"]
    for pos in positions:
        left, right = label[:pos].strip(), label[pos + 1 :].strip()
        if left in alts and right in alts:
            return [left, right]
    if len(positions) == 1:
        left, right = (part.strip() for part in label.split("/"))
        if left[:1].isupper() and right[:1].isupper() and not left.endswith("-"):
            return [left, right]
    return [label]


# -- the build -----------------------------------------------------------------


@dataclass
class EscoData:
    skills_en: dict[str, dict[str, str]]
    skills_de: dict[str, dict[str, str]]
    occupations_en: dict[str, dict[str, str]]
    occupations_de: dict[str, dict[str, str]]
    relations: dict[str, list[dict[str, str]]]
    broader: dict[str, list[str]]
    languages_en: list[dict[str, str]]


def read_esco(esco_dir: Path) -> EscoData:
    en_dir = esco_dir / "v1.1.1-en"
    rel_dir = esco_dir / "v1.1.1-relations"
    de_dir = esco_dir / "de"
    skills_en = {r["conceptUri"]: r for r in read_csv(en_dir / "skills_en.csv")}
    skills_de: dict[str, dict[str, str]] = {}
    collections = sorted(de_dir.glob("*SkillsCollection_de.csv"))
    if not collections:
        raise BuildError(f"no German skill collections (*SkillsCollection_de.csv) in {de_dir}")
    for path in collections:
        for row in read_csv(path):
            skills_de.setdefault(row["conceptUri"], row)
    relations: dict[str, list[dict[str, str]]] = {}
    for row in read_csv(rel_dir / "occupationSkillRelations.csv"):
        relations.setdefault(row["occupationUri"], []).append(row)
    broader: dict[str, list[str]] = {}
    for row in read_csv(rel_dir / "broaderRelationsSkillPillar.csv"):
        broader.setdefault(row["conceptUri"], []).append(row["broaderUri"])
    return EscoData(
        skills_en=skills_en,
        skills_de=skills_de,
        occupations_en={r["conceptUri"]: r for r in read_csv(en_dir / "occupations_en.csv")},
        occupations_de={r["conceptUri"]: r for r in read_csv(de_dir / "occupations_de.csv")},
        relations=relations,
        broader=broader,
        languages_en=read_csv(en_dir / "languageSkillsCollection_en.csv"),
    )


def select_occupations(esco: EscoData, synth: Mapping[str, Any],
                       curated_occupations: Mapping[str, Sequence[str]]) -> list[OccupationEntry]:
    """The synthetic-data occupations with their capped ESCO skill lists."""
    out: list[OccupationEntry] = []
    problems: list[str] = []
    priority = frozenset(PRIORITY_SKILLS)
    used_priority: set[str] = set()
    for occ in synth["occupations"]:
        uri = occ["uri"]
        en = esco.occupations_en.get(uri)
        de = esco.occupations_de.get(uri)
        if en is None or de is None:
            problems.append(f"occupation {uri}: not in occupations_en.csv/occupations_de.csv")
            continue
        essential: list[str] = []
        optional: list[str] = []
        for rel in esco.relations.get(uri, []):
            skill = rel["skillUri"]
            if skill not in esco.skills_en or skill in PROTECTED_DROP:
                continue
            if rel["relationType"] == "essential":
                bucket, cap = essential, MAX_ESSENTIAL
            else:
                bucket, cap = optional, MAX_OPTIONAL
            if skill in essential or skill in optional:
                continue
            if len(bucket) < cap or skill in priority:
                bucket.append(skill)
                used_priority.add(skill)
        if len(essential) < 5:
            problems.append(f"occupation {uri}: only {len(essential)} essential skills")
        de_alts = split_multi(de["altLabels"])
        de_labels: list[str] = []
        for label in [de["preferredLabel"], *de_alts, *curated_occupations.get(uri, ())]:
            if clean(label) in DROP_OCCUPATION_LABELS_DE:
                continue
            de_labels.extend(gendered_forms(label, de_alts))
        en_labels = [en["preferredLabel"], *split_multi(en["altLabels"])]
        out.append(
            OccupationEntry(
                uri=uri,
                isco=en["iscoGroup"],
                field=occ["field"],
                labels={"de": dedupe(de_labels), "en": dedupe(en_labels)},
                essential=essential,
                optional=optional,
            )
        )
    problems.extend(
        f"priority skill {uri}: related to none of the occupations"
        for uri in PRIORITY_SKILLS
        if uri not in used_priority
    )
    if problems:
        raise BuildError("occupation selection failed:\n  " + "\n  ".join(problems))
    return out


def language_skill_uris(esco: EscoData) -> dict[str, str]:
    """ESCO English name -> URI of the top-level language concept."""
    found: dict[str, list[str]] = {}
    for row in esco.languages_en:
        name = clean(row["preferredLabel"])
        if name in LANGUAGE_SKILLS and row["conceptUri"] in esco.skills_en:
            found.setdefault(name, []).append(row["conceptUri"])
    missing = sorted(n for n in LANGUAGE_SKILLS if len(found.get(n, ())) != 1)
    if missing:
        raise BuildError(f"language skills not found exactly once: {', '.join(missing)}")
    return {name: uris[0] for name, uris in found.items()}


def screen_protected(esco: EscoData, uris: Iterable[str]) -> None:
    unreviewed = []
    for uri in sorted(uris):
        row = esco.skills_en[uri]
        text = " ".join([row["preferredLabel"], *split_multi(row["altLabels"])])
        if PROTECTED_RE.search(text) and uri not in PROTECTED_REVIEWED_KEEP:
            unreviewed.append(f"{uri} ({clean(row['preferredLabel'])})")
    if unreviewed:
        raise BuildError(
            "skills that may be protected-attribute proxies; review them in "
            "PROTECTED_REVIEWED_KEEP or PROTECTED_DROP:\n  " + "\n  ".join(unreviewed)
        )


def build_skills(esco: EscoData, occupations: Sequence[OccupationEntry],
                 curated: Mapping[str, Sequence[str]]) -> list[SkillEntry]:
    languages = language_skill_uris(esco)
    language_by_uri = {uri: name for name, uri in languages.items()}
    space = {u for o in occupations for u in (*o.essential, *o.optional)}
    screen_protected(esco, space - set(language_by_uri))
    space |= set(language_by_uri)
    unknown = sorted(set(curated) - space)
    if unknown:
        raise BuildError(
            "curated German labels for skills outside the space:\n  " + "\n  ".join(unknown)
        )
    skills: list[SkillEntry] = []
    for uri in sorted(space):
        en = esco.skills_en[uri]
        if uri in language_by_uri:
            en_labels, de_labels = LANGUAGE_SKILLS[language_by_uri[uri]]
            entry = SkillEntry(uri, "language", {"de": dedupe(de_labels),
                                                  "en": dedupe(en_labels)})
        else:
            labels = {"en": dedupe([en["preferredLabel"], *split_multi(en["altLabels"])])}
            de_row = esco.skills_de.get(uri)
            de_names: list[str] = []
            if de_row is not None and de_row["preferredLabel"].strip():
                de_names = [de_row["preferredLabel"], *split_multi(de_row["altLabels"])]
            de_names.extend(curated.get(uri, ()))
            if de_names:
                labels["de"] = dedupe(de_names)
            skill_type = en["skillType"] or "skill/competence"
            if skill_type not in ("skill/competence", "knowledge"):
                raise BuildError(f"skill {uri}: unexpected skill type {skill_type!r}")
            entry = SkillEntry(uri, skill_type, labels)
        entry.groups = sorted(set(esco.broader.get(uri, ())))
        skills.append(entry)
    if len(skills) > MAX_SKILLS:
        raise BuildError(f"{len(skills)} skills exceed the limit of {MAX_SKILLS}")
    return skills


def hold_out_occupations(occupations: Sequence[OccupationEntry]) -> list[str]:
    """~20 % per field (rounded), chosen by hash rank; each field keeps one for training."""
    by_field: dict[str, list[OccupationEntry]] = {}
    for occ in occupations:
        by_field.setdefault(occ.field, []).append(occ)
    chosen: list[str] = []
    for name in sorted(by_field):
        members = sorted(by_field[name], key=lambda o: rank("occupation", o.uri))
        count = min(int(len(members) * HELDOUT_OCCUPATION_SHARE + 0.5), len(members) - 1)
        chosen.extend(o.uri for o in members[:count])
    if len(chosen) < MIN_HELDOUT_OCCUPATIONS:
        raise BuildError(f"only {len(chosen)} held-out occupations")
    for occ in occupations:
        occ.heldout = occ.uri in chosen
    return sorted(chosen)


def hold_out_labels(skills: Sequence[SkillEntry]) -> dict[str, dict[str, list[str]]]:
    """Remove ~15 % of each skill's alternative labels per language; return them.

    Per skill and language with at least three labels: the number held out is
    15 % of the alternatives, rounded up or down by a stable hash (so the total
    is ~15 %), at least one alternative always stays. Which ones: hash rank,
    among labels that no other skill carries (a held-out synonym must be unseen
    by the extractor, not merely moved to another skill) and that are not core
    vocabulary (``NEVER_HOLD_OUT``).
    """
    owners: dict[tuple[str, str], int] = {}
    for skill in skills:
        for lang, labels in skill.labels.items():
            for label in labels:
                key = (lang, label.casefold())
                owners[key] = owners.get(key, 0) + 1
    heldout: dict[str, dict[str, list[str]]] = {}
    for skill in skills:
        removed: dict[str, list[str]] = {}
        for lang in sorted(skill.labels):
            labels = skill.labels[lang]
            if len(labels) < MIN_LABELS_FOR_HOLDOUT:
                continue
            alternatives = labels[1:]
            exact = len(alternatives) * HELDOUT_LABEL_SHARE
            count = int(exact) + (fraction("count", skill.uri, lang) < exact - int(exact))
            candidates = [
                a
                for a in alternatives
                if a.casefold() not in NEVER_HOLD_OUT and owners[(lang, a.casefold())] == 1
            ]
            count = min(count, len(alternatives) - 1, len(candidates))
            if count <= 0:
                continue
            ranked = sorted(candidates, key=lambda a: rank("label", skill.uri, lang, a))
            drop = set(ranked[:count])
            removed[lang] = [a for a in alternatives if a in drop]
            skill.labels[lang] = [labels[0], *(a for a in alternatives if a not in drop)]
        if removed:
            heldout[skill.uri] = {lang: removed.get(lang, []) for lang in ("de", "en")}
    return heldout


def dumps(document: Any) -> bytes:
    text = json.dumps(document, ensure_ascii=False, indent=None, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def build(esco_dir: Path, synth_path: Path = SYNTH_OCCUPATIONS) -> tuple[bytes, bytes]:
    """The bytes of (taxonomy.json, heldout.json)."""
    esco = read_esco(esco_dir)
    curated_module = load_curated()
    curated: Mapping[str, Sequence[str]] = curated_module.DE_LABELS
    curated_occupations: Mapping[str, Sequence[str]] = curated_module.OCCUPATION_LABELS_DE
    synth = json.loads(synth_path.read_text(encoding="utf-8"))
    occupations = select_occupations(esco, synth, curated_occupations)
    skills = build_skills(esco, occupations, curated)
    heldout_occupations = hold_out_occupations(occupations)
    heldout_labels = hold_out_labels(skills)

    taxonomy = {
        "format": FORMAT,
        "version": VERSION,
        "attribution": ATTRIBUTION,
        "esco_version": ESCO_VERSION,
        "skills": [
            {
                "uri": s.uri,
                "type": s.type,
                "labels": {k: v for k, v in sorted(s.labels.items()) if v},
                "groups": s.groups,
            }
            for s in skills
        ],
        "occupations": [
            {
                "uri": o.uri,
                "isco": o.isco,
                "field": o.field,
                "labels": {k: v for k, v in sorted(o.labels.items()) if v},
                "essential": o.essential,
                "optional": o.optional,
                **({"heldout": True} if o.heldout else {}),
            }
            for o in occupations
        ],
    }
    heldout = {
        "occupations": heldout_occupations,
        "labels": {uri: heldout_labels[uri] for uri in sorted(heldout_labels)},
    }
    return dumps(taxonomy), dumps(heldout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--esco", type=Path, default=DEFAULT_ESCO, help="ESCO CSV directory")
    parser.add_argument("--taxonomy", type=Path, default=DEFAULT_TAXONOMY,
                        help="output taxonomy JSON file")
    parser.add_argument("--heldout", type=Path, default=DEFAULT_HELDOUT,
                        help="output held-out evaluation JSON file")
    args = parser.parse_args(argv)
    if not (args.esco / "v1.1.1-en" / "skills_en.csv").is_file():
        print(f"error: no ESCO v1.1.1 CSV files under {args.esco}", file=sys.stderr)
        return 2
    try:
        taxonomy, heldout = build(args.esco)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path, data in ((args.taxonomy, taxonomy), (args.heldout, heldout)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
