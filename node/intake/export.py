"""The node's own export (``talentverbund.candidate-export/v1``), imported on another node.

A candidate takes their export from one municipality to the next (Art. 20
GDPR). The profile and the original file come along; consents do not:
consent is given to one controller, so the importing node asks anew.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import replace
from pathlib import PureWindowsPath
from typing import Any

from talentverbund.node.intake.common import MAX_FILE_BYTES, require_content
from talentverbund.node.intake.model import CandidateDraft, IntakeError, OriginalFile
from talentverbund.node.intake.profile import parse_profile

EXPORT_FORMAT = "talentverbund.candidate-export/v1"
MAX_EXPORT_BYTES = MAX_FILE_BYTES * 4 // 3 + 4 * 1024 * 1024
"""An export embeds the original (base64, 4/3 of its size) next to the profile."""

_HINT = (
    f'a node export is a JSON document with "format": "{EXPORT_FORMAT}"; bulk profiles go in .jsonl'
)


def read_export(data: bytes, where: str) -> CandidateDraft:
    require_content(data, where)
    doc = _load(data, where)
    if "format" not in doc:
        raise IntakeError(
            where, "JSON file is not a Talentverbund export (no 'format' field)", _HINT
        )
    if doc["format"] != EXPORT_FORMAT:
        raise IntakeError(where, "JSON file has an unsupported export 'format'", _HINT)
    profile = doc.get("profile")
    if not isinstance(profile, dict):
        raise IntakeError(where, "export has no 'profile' object", "export the candidate again")
    try:
        draft = parse_profile(profile, where, "export")
    except IntakeError as exc:
        raise IntakeError(where, f"in 'profile', {exc.message}", exc.hint) from None
    return replace(draft, consents=(), original=_original(doc.get("original"), where))


def _load(data: bytes, where: str) -> dict[str, Any]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise IntakeError(where, "file is not UTF-8 text", _HINT) from None
    except json.JSONDecodeError as exc:
        raise IntakeError(
            where,
            f"file is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
            _HINT,
        ) from None
    except (ValueError, RecursionError):
        raise IntakeError(where, "file is not valid JSON (too deeply nested)", _HINT) from None
    if not isinstance(doc, dict):
        raise IntakeError(where, "JSON file is not a Talentverbund export (not an object)", _HINT)
    return doc


def _original(value: Any, where: str) -> OriginalFile | None:
    if value is None:
        return None
    hint = 'expected {"filename": ..., "media_type": ..., "content_base64": ...} or null'
    if not isinstance(value, dict):
        raise IntakeError(where, "field 'original' must be an object or null", hint)
    fields = {k: value.get(k) for k in ("filename", "media_type", "content_base64")}
    for key, item in fields.items():
        if not isinstance(item, str) or not item:
            raise IntakeError(where, f"field 'original.{key}' must be a non-empty string", hint)
    try:
        content = base64.b64decode(str(fields["content_base64"]), validate=True)
    except (binascii.Error, ValueError):
        raise IntakeError(
            where, "field 'original.content_base64' is not valid base64", hint
        ) from None
    if len(content) > MAX_FILE_BYTES:
        raise IntakeError(where, "the embedded original file is too large", hint)
    # Keep only the last path component: the name may later become a download name.
    filename = PureWindowsPath(str(fields["filename"])).name
    if filename in ("", ".", ".."):
        filename = "original"
    return OriginalFile(filename, str(fields["media_type"]), content)
