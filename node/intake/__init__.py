"""Intake: turn CV files and profile records into candidate drafts.

``read_candidates(path)`` is the one entry point; ``parse_profile`` and
``profile_to_json`` define the JSON profile shared by JSON Lines imports and
node exports. Parsers never touch storage.
"""

from talentverbund.node.intake.export import EXPORT_FORMAT
from talentverbund.node.intake.model import (
    BREAK_KINDS,
    EMPLOYMENT_TYPES,
    PURPOSES,
    REGION_RE,
    CandidateDraft,
    CareerBreak,
    IntakeError,
    OriginalFile,
    ParsedRecord,
    RecordError,
)
from talentverbund.node.intake.profile import parse_profile, profile_to_json
from talentverbund.node.intake.readers import SUPPORTED, read_candidates

__all__ = [
    "BREAK_KINDS",
    "EMPLOYMENT_TYPES",
    "EXPORT_FORMAT",
    "PURPOSES",
    "REGION_RE",
    "SUPPORTED",
    "CandidateDraft",
    "CareerBreak",
    "IntakeError",
    "OriginalFile",
    "ParsedRecord",
    "RecordError",
    "parse_profile",
    "profile_to_json",
    "read_candidates",
]
