"""Europass XML CVs, both schemas in use.

* v3 "SkillsPassport" (``http://europass.cedefop.europa.eu/Europass``),
  see ``europass_v3``;
* current "Candidate" (``http://www.europass.eu/1.0``, HR Open based),
  see ``europass_candidate``.

The root element and its namespace decide the schema; anything else is not a
Europass CV and is refused rather than guessed at. Parsing goes through
defusedxml with DTDs forbidden, so entity expansion ("billion laughs") and
external entities cannot be used against the node.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from talentverbund.node.intake import europass_candidate, europass_v3
from talentverbund.node.intake.common import clean_text, require_content, truncate, unique
from talentverbund.node.intake.europass_render import Extracted
from talentverbund.node.intake.model import CandidateDraft, IntakeError, OriginalFile
from talentverbund.node.intake.periods import experience_years
from talentverbund.node.intake.xmltree import local, namespace

MEDIA_TYPE = "application/xml"
_EXPORT_HINT = "in the Europass editor (europa.eu/europass) save the CV as XML and upload that file"
_SCHEMAS: tuple[tuple[str, tuple[str, ...], Callable[[Element], Extracted]], ...] = (
    (europass_v3.NAMESPACE, europass_v3.ROOTS, europass_v3.extract),
    (europass_candidate.NAMESPACE, europass_candidate.ROOTS, europass_candidate.extract),
)


def read_europass(data: bytes, where: str) -> CandidateDraft:
    require_content(data, where)
    root = _parse(data, where)
    extract = next(
        (
            fn
            for ns, roots, fn in _SCHEMAS
            if namespace(root.tag) == ns and local(root.tag) in roots
        ),
        None,
    )
    if extract is None:
        raise IntakeError(where, _wrong_schema(root), _EXPORT_HINT)
    try:
        out = extract(root)
    except RecursionError as exc:
        raise IntakeError(where, "Europass XML is nested too deeply to read", _EXPORT_HINT) from exc
    flags: list[str] = []
    cv_text = truncate(clean_text("\n".join(out.lines)), flags)
    if not cv_text and not out.personal:
        raise IntakeError(where, "Europass file contains no CV data", _EXPORT_HINT)
    if not cv_text:
        flags.insert(0, "no_text")
    return CandidateDraft(
        source="europass",
        where=where,
        cv_text=cv_text,
        personal=out.personal,
        lang=out.lang,
        experience_years=experience_years(out.periods),
        licences=unique(out.licences),
        original=OriginalFile(where, MEDIA_TYPE, data),
        flags=tuple(flags),
    )


def _parse(data: bytes, where: str) -> Element:
    try:
        root: Element = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise IntakeError(
            where,
            "XML file uses a DTD or entities, which Europass files never do; refused for safety",
            _EXPORT_HINT,
        ) from exc
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise IntakeError(
            where, f"file is not well-formed XML (line {line}, column {column})", _EXPORT_HINT
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise IntakeError(where, "file is not readable XML", _EXPORT_HINT) from exc
    return root


def _wrong_schema(root: Element) -> str:
    name = local(root.tag)[:60] or "?"
    if namespace(root.tag).startswith(europass_v3.NAMESPACE + "/") or name.lower() == "learnerinfo":
        return "XML file is an old Europass version (before v3), which is not supported"
    return (
        f"XML file is not a Europass CV (root element '{name}' is neither "
        "SkillsPassport nor Candidate)"
    )
