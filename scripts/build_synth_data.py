#!/usr/bin/env python3
"""Build ``node/data/synth_occupations.json`` from the ESCO v1.1.1 CSV files.

The synthetic-candidate generator (``talentverbund.node.synth``) must work on a
user's machine without the ESCO download, so the handful of public-sector
occupations it draws from is extracted here once and committed. The output is
byte-for-byte reproducible (fixed occupation order, skills in CSV order, sorted
keys), so a test can rebuild it and compare.

Usage::

    python scripts/build_synth_data.py [--esco DIR] [--out FILE]

Defaults: ``../shared/data/esco`` relative to the repository root, and the
committed data file.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ESCO = REPO_ROOT.parent / "shared" / "data" / "esco"
DEFAULT_OUT = REPO_ROOT / "node" / "data" / "synth_occupations.json"

MAX_ESSENTIAL = 25
MAX_OPTIONAL = 15
MAX_ALT_EN = 3
MAX_ALT_DE = 2

# Occupations relevant to German public employers, by field. Exact English
# preferred labels of ESCO v1.1.1; the build fails if one is missing or ambiguous.
FIELDS: dict[str, tuple[str, ...]] = {
    "administration": (
        "public administration manager",
        "civil service administrative officer",
        "administrative assistant",
        "office clerk",
        "civil registrar",
        "passport officer",
        "licensing officer",
        "policy officer",
        "public procurement specialist",
        "social security officer",
        "benefits advice worker",
        "community development officer",
    ),
    "it": (
        "ICT system administrator",
        "ICT network administrator",
        "software developer",
        "database administrator",
        "ICT security administrator",
        "ICT help desk agent",
        "ICT project manager",
        "data analyst",
    ),
    "civil_engineering": (
        "civil engineer",
        "civil engineering technician",
        "building inspector",
        "architect",
        "road maintenance technician",
        "water engineer",
    ),
    "urban_planning": (
        "urban planner",
        "transport planner",
        "landscape architect",
    ),
    "surveying": (
        "land surveyor",
        "geographic information systems specialist",
    ),
    "social_work": (
        "social worker",
        "child care social worker",
        "family social worker",
        "youth worker",
        "social pedagogue",
        "migrant social worker",
        "disability support worker",
        "employment and vocational integration consultant",
        "probation officer",
    ),
    "early_childhood": (
        "early years teacher",
        "child day care worker",
        "early years teaching assistant",
        "child day care centre manager",
    ),
    "health": (
        "nurse responsible for general care",
        "specialist nurse",
        "healthcare assistant",
        "environmental health inspector",
        "food safety inspector",
    ),
    "fire_rescue": (
        "firefighter",
        "fire inspector",
        "chief fire officer",
        "fire protection technician",
        "paramedic in emergency responses",
        "emergency medical dispatcher",
    ),
    "public_order": (
        "civil enforcement officer",
        "street warden",
        "court enforcement officer",
        "court clerk",
    ),
    "finance_tax": (
        "tax inspector",
        "tax clerk",
        "public finance accountant",
        "budget analyst",
        "payroll clerk",
        "financial controller",
    ),
    "hr": (
        "human resources officer",
        "human resources assistant",
        "human resources manager",
    ),
    "legal": (
        "lawyer",
        "legal assistant",
        "data protection officer",
        "judge",
    ),
    "facility": (
        "facilities manager",
        "building caretaker",
        "building electrician",
        "landscape gardener",
    ),
    "library": (
        "librarian",
        "library assistant",
        "archivist",
    ),
    "environment": (
        "environmental policy officer",
        "environmental scientist",
        "environmental technician",
        "waste management officer",
        "forester",
    ),
    "teaching": (
        "primary school teacher",
        "secondary school teacher",
        "special educational needs teacher",
        "vocational teacher",
    ),
}

# German preferred labels read "masculine/feminine"; these few read the other way round.
FEMININE_FIRST = frozenset({"legal assistant"})

_SPACE_RE = re.compile(r"\s+")


def _clean(text: str) -> str:
    """One line, single spaces: ESCO labels carry stray NBSPs and double spaces."""
    return _SPACE_RE.sub(" ", text.replace("\xa0", " ")).strip()


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _alt_labels(raw: str, separator: str, preferred: str, limit: int) -> list[str]:
    """The first few distinct alternative labels, in file order."""
    seen = {preferred.casefold()}
    out: list[str] = []
    for part in raw.split(separator):
        label = _clean(part)
        if label and label.casefold() not in seen:
            seen.add(label.casefold())
            out.append(label)
            if len(out) == limit:
                break
    return out


def _split_gendered(label: str, alt_labels: Iterable[str], feminine_first: bool) -> dict[str, str]:
    """Split "Erzieher/Erzieherin" into its two forms.

    Labels may contain other slashes or commas, so the split point is the one
    whose halves both occur among the German alternative labels; failing that,
    a label with exactly one slash is split there, otherwise both forms are the
    (gender-neutral) label itself, e.g. "Lehrkraft im Primarbereich".
    """
    label = _clean(label)
    alts = {_clean(a) for a in alt_labels}
    positions = [i for i, ch in enumerate(label) if ch == "/"]
    first = second = ""
    for pos in positions:
        left, right = label[:pos].strip(), label[pos + 1 :].strip()
        if left in alts and right in alts:
            first, second = left, right
            break
    if not first and len(positions) == 1:
        first, second = (part.strip() for part in label.split("/"))
    if not first:
        first = second = label
    if feminine_first:
        first, second = second, first
    return {"feminine": second, "masculine": first}


def build(esco_dir: Path) -> bytes:
    """Return the data file's bytes for the ESCO files under ``esco_dir``."""
    occ_en = _read_csv(esco_dir / "v1.1.1-en" / "occupations_en.csv")
    occ_de = {row["conceptUri"]: row for row in _read_csv(esco_dir / "de" / "occupations_de.csv")}
    skills_en = {
        row["conceptUri"]: row for row in _read_csv(esco_dir / "v1.1.1-en" / "skills_en.csv")
    }
    skills_de: dict[str, dict[str, str]] = {}
    for path in sorted((esco_dir / "de").glob("*SkillsCollection_de.csv")):
        for row in _read_csv(path):
            skills_de.setdefault(row["conceptUri"], row)
    relations: dict[str, list[dict[str, str]]] = {}
    for row in _read_csv(esco_dir / "v1.1.1-relations" / "occupationSkillRelations.csv"):
        relations.setdefault(row["occupationUri"], []).append(row)

    by_label: dict[str, list[dict[str, str]]] = {}
    for row in occ_en:
        by_label.setdefault(row["preferredLabel"], []).append(row)

    occupations: list[dict[str, object]] = []
    used_skills: set[str] = set()
    problems: list[str] = []
    for field, labels in FIELDS.items():
        for label in labels:
            rows = by_label.get(label, [])
            if len(rows) != 1:
                problems.append(f"occupation {label!r}: {len(rows)} matches in occupations_en.csv")
                continue
            row = rows[0]
            uri = row["conceptUri"]
            de = occ_de.get(uri)
            if de is None:
                problems.append(f"occupation {label!r}: no German label")
                continue
            essential: list[str] = []
            optional: list[str] = []
            for rel in relations.get(uri, []):
                if rel["skillUri"] not in skills_en:
                    continue
                bucket, cap = (
                    (essential, MAX_ESSENTIAL)
                    if rel["relationType"] == "essential"
                    else (optional, MAX_OPTIONAL)
                )
                if len(bucket) < cap and rel["skillUri"] not in essential + optional:
                    bucket.append(rel["skillUri"])
            if not essential:
                problems.append(f"occupation {label!r}: no essential skills")
                continue
            used_skills.update(essential, optional)
            occupations.append(
                {
                    "uri": uri,
                    "field": field,
                    "isco_group": row["iscoGroup"],
                    "label_en": _clean(row["preferredLabel"]),
                    "label_de": _split_gendered(
                        de["preferredLabel"],
                        de["altLabels"].split("\n"),
                        label in FEMININE_FIRST,
                    ),
                    "essential": essential,
                    "optional": optional,
                }
            )
    if problems:
        raise SystemExit("ESCO selection failed:\n  " + "\n  ".join(problems))

    skills: dict[str, dict[str, object]] = {}
    for uri in sorted(used_skills):
        en = skills_en[uri]
        label_en = _clean(en["preferredLabel"])
        entry: dict[str, object] = {
            "label_en": label_en,
            "alt_en": _alt_labels(en["altLabels"], "\n", label_en, MAX_ALT_EN),
            "type": en["skillType"] or "skill/competence",
        }
        de_row = skills_de.get(uri)
        if de_row is not None and de_row["preferredLabel"].strip():
            label_de = _clean(de_row["preferredLabel"])
            entry["label_de"] = label_de
            entry["alt_de"] = _alt_labels(de_row["altLabels"], "|", label_de, MAX_ALT_DE)
        skills[uri] = entry

    document = {
        "_comment": (
            "Generated by scripts/build_synth_data.py from ESCO v1.1.1 - do not edit. "
            "Occupations and skills for synthetic candidates only. "
            "Attribution: ESCO, European Commission."
        ),
        "attribution": "ESCO, European Commission",
        "esco_version": "1.1.1",
        "limits": {"essential": MAX_ESSENTIAL, "optional": MAX_OPTIONAL},
        "occupations": occupations,
        "skills": skills,
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", type=Path, default=DEFAULT_ESCO, help="ESCO CSV directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output JSON file")
    args = parser.parse_args(argv)
    if not (args.esco / "v1.1.1-en" / "occupations_en.csv").is_file():
        print(f"error: no ESCO CSV files under {args.esco}", file=sys.stderr)
        return 2
    data = build(args.esco)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    count = data.count(b'"field":')
    print(f"wrote {args.out} ({len(data)} bytes, {count} occupations)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
