"""Drafts as JSON, to cross the admin socket from the command line to the node."""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any

from talentverbund.node.intake.model import CandidateDraft, IntakeError, OriginalFile
from talentverbund.node.intake.profile import parse_profile, profile_to_json


def draft_to_wire(draft: CandidateDraft) -> dict[str, Any]:
    original = None
    if draft.original is not None:
        original = {
            "filename": draft.original.filename,
            "media_type": draft.original.media_type,
            "content_base64": base64.b64encode(draft.original.content).decode(),
        }
    return {
        "source": draft.source,
        "where": draft.where,
        "flags": list(draft.flags),
        "consents": list(draft.consents),
        "profile": profile_to_json(draft),
        "original": original,
    }


def draft_from_wire(obj: dict[str, Any]) -> CandidateDraft:
    """Validate again on the node side: the socket is local, but input is input."""
    where = str(obj.get("where", "record"))
    profile = obj.get("profile")
    if not isinstance(profile, dict):
        raise IntakeError(where, "record has no profile object", "client and node differ?")
    draft = parse_profile(profile, where, str(obj.get("source", "jsonl")))
    original = None
    raw = obj.get("original")
    if isinstance(raw, dict):
        original = OriginalFile(
            filename=str(raw["filename"]),
            media_type=str(raw["media_type"]),
            content=base64.b64decode(raw["content_base64"], validate=True),
        )
    return replace(
        draft,
        consents=tuple(str(c) for c in obj.get("consents", [])),
        flags=tuple(str(f) for f in obj.get("flags", [])),
        original=original,
    )
