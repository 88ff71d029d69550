"""JSON Lines: one profile object per line (schema in ``profile``), streamed.

Bulk files can hold hundreds of thousands of candidates, so the file is read
line by line and every line becomes a draft or a ``RecordError`` naming its
line number; one bad record never stops the others. Blank lines are skipped
but counted, so numbers match what an editor shows.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, NoReturn

from talentverbund.node.intake.model import IntakeError, ParsedRecord, RecordError
from talentverbund.node.intake.profile import parse_profile

MAX_LINE_BYTES = 2 * 1024 * 1024
"""Longest record line; a CV text is a few kB."""

_BOM = b"\xef\xbb\xbf"
_JSON_HINT = 'each line must hold one complete JSON object, e.g. {"cv_text": "..."}'


def read_jsonl(path: Path) -> Iterator[ParsedRecord]:
    """Stream the records of a JSON Lines file; IntakeError if it holds none."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise IntakeError(
            path.name, f"cannot open file ({exc.strerror})", "check the path and permissions"
        ) from None
    with stream:
        yield from read_jsonl_stream(stream, path.name)


def read_jsonl_bytes(data: bytes, name: str) -> Iterator[ParsedRecord]:
    return read_jsonl_stream(io.BytesIO(data), name)


def read_jsonl_stream(stream: BinaryIO, name: str) -> Iterator[ParsedRecord]:
    records = 0
    for number, raw in _lines(stream):
        where = f"{name}:{number}"
        if raw is None:
            records += 1
            yield RecordError(
                where, f"line is longer than {MAX_LINE_BYTES // (1024 * 1024)} MB", _JSON_HINT
            )
            continue
        if number == 1:
            raw = raw.removeprefix(_BOM)
        if raw.strip():
            records += 1
            yield _record(raw, where)
    if records == 0:
        raise IntakeError(name, "file is empty (no records)", "write one JSON object per line")


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) with None for a line over the limit, which is skipped unread."""
    number = 0
    while line := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(64 * 1024)
            yield number, None
        else:
            yield number, line


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed in JSON")


def _record(raw: bytes, where: str) -> ParsedRecord:
    try:
        obj = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        return RecordError(where, "line is not valid UTF-8", "save the file as UTF-8")
    except json.JSONDecodeError as exc:
        return RecordError(
            where, f"line is not valid JSON ({exc.msg} at column {exc.colno})", _JSON_HINT
        )
    except (ValueError, RecursionError):
        return RecordError(
            where, "line is not valid JSON (NaN, Infinity or too deeply nested)", _JSON_HINT
        )
    if not isinstance(obj, dict):
        return RecordError(where, "line is not a JSON object", _JSON_HINT)
    try:
        return parse_profile(obj, where, "jsonl")
    except IntakeError as exc:
        return RecordError(exc.where, exc.message, exc.hint)
