"""Canonical JSON: one byte string per value, so signatures survive a round trip.

The encoding is RFC 8785 (JSON Canonicalization Scheme) restricted to the
I-JSON integer subset: no floats at all (their text form is where JSON
implementations disagree), integers within +-(2**53 - 1), strings of valid
Unicode, object keys sorted by UTF-16 code units, no insignificant whitespace,
UTF-8 output. Anything else raises :class:`CanonicalError` rather than being
coerced, because a silently changed value would change what was signed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NoReturn, TypeAlias

from .errors import CanonicalError

JSONValue: TypeAlias = str | int | bool | list["JSONValue"] | dict[str, "JSONValue"] | None
"""What :func:`canonical_json` accepts and :func:`parse_json_object` returns."""

MAX_SAFE_INTEGER = 2**53 - 1
MAX_DEPTH = 64

_encode_string: Callable[[str], str] = json.JSONEncoder(ensure_ascii=False).encode
# json's encoder with RFC 8785's layout: no whitespace, keys sorted, strings escaped by
# the same function as _encode_string. Used only for values _plain() accepts.
_PLAIN_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), sort_keys=True, check_circular=False
)
_C_MAKE_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)
# CPython's C encoder with the same settings (markers, default, string encoder, indent,
# key separator, item separator, sort_keys, skipkeys, allow_nan), built once, not per call.
_C_ENCODER: Any = None
if _C_MAKE_ENCODER is not None:
    _C_ENCODER = _C_MAKE_ENCODER(
        None,
        _PLAIN_ENCODER.default,
        json.encoder.encode_basestring,
        None,
        ":",
        ",",
        True,
        False,
        True,
    )


def _encode_plain(obj: object) -> str:
    if _C_ENCODER is None:
        return _PLAIN_ENCODER.encode(obj)
    return "".join(_C_ENCODER(obj, 0))


def canonical_json(obj: object) -> bytes:
    """Encode ``obj`` (str, int, bool, None, list, dict with str keys) canonically."""
    if _plain(obj, 0):
        text = _encode_plain(obj)
    else:  # anything unusual (or wrong): the reference encoder, which names the problem
        parts: list[str] = []
        _encode(obj, parts, 0)
        text = "".join(parts)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise CanonicalError("string contains a lone surrogate (not valid Unicode)") from None


def _canonical_json_reference(obj: object) -> bytes:
    """The encoder written out step by step (tests compare the fast path with it)."""
    parts: list[str] = []
    _encode(obj, parts, 0)
    try:
        return "".join(parts).encode("utf-8")
    except UnicodeEncodeError:
        raise CanonicalError("string contains a lone surrogate (not valid Unicode)") from None


def _plain(value: object, depth: int) -> bool:
    """True if ``json``'s C encoder writes ``value`` exactly as :func:`_encode` would.

    That holds for the exact types str, int (within the safe range), bool, None, list
    and dict whose keys are ASCII strings (for them, Python's code-point order is RFC
    8785's UTF-16 order), nested at most MAX_DEPTH deep. Anything else -- subclasses,
    floats, tuples, large integers, non-ASCII keys -- goes to the reference encoder,
    which encodes it or raises the precise error.
    """
    if depth > MAX_DEPTH:
        return False
    if type(value) is dict:
        for key, item in value.items():
            if type(key) is not str or not key.isascii():
                return False
            kind = type(item)
            if kind is str or kind is bool or item is None:
                if depth >= MAX_DEPTH:  # the item sits one level deeper
                    return False
            elif kind is int:
                if depth >= MAX_DEPTH or not -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER:
                    return False
            elif not _plain(item, depth + 1):
                return False
        return True
    if type(value) is str or type(value) is bool or value is None:
        return True
    if type(value) is int:
        return -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER
    if type(value) is list:
        return all(_plain(item, depth + 1) for item in value)
    return False


def parse_json_object(data: bytes | str) -> dict[str, JSONValue]:
    """Parse a JSON object strictly: UTF-8, no duplicate keys, no floats, canonicalizable.

    Duplicate keys are rejected because two parsers may keep different copies,
    letting a signed value be read two ways.
    """
    text = _decode_utf8(data) if isinstance(data, bytes) else data
    try:
        value = json.loads(
            text,
            object_pairs_hook=_reject_duplicates,
            parse_float=_reject_float,
            parse_constant=_reject_float,
        )
    except RecursionError:
        raise CanonicalError(f"JSON nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:  # JSONDecodeError and the int-digit limit
        raise CanonicalError(f"not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise CanonicalError(f"expected a JSON object, got {_json_type(value)}")
    canonical_json(value)  # enforces the same subset as signing: ints, Unicode, depth
    return value


def _encode(value: object, out: list[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise CanonicalError(f"JSON nested deeper than {MAX_DEPTH} levels")
    if value is None:
        out.append("null")
    elif isinstance(value, bool):
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(str(_check_int(value)))
    elif isinstance(value, str):
        out.append(_encode_string(value))
    elif isinstance(value, list):
        _encode_list(value, out, depth)
    elif isinstance(value, dict):
        _encode_dict(value, out, depth)
    else:
        raise CanonicalError(f"cannot encode {_json_type(value)} in canonical JSON")


def _encode_list(items: list[object], out: list[str], depth: int) -> None:
    out.append("[")
    for index, item in enumerate(items):
        if index:
            out.append(",")
        _encode(item, out, depth + 1)
    out.append("]")


def _encode_dict(mapping: dict[object, object], out: list[str], depth: int) -> None:
    keys: list[str] = []
    for key in mapping:
        if not isinstance(key, str):
            raise CanonicalError(f"object key {key!r} is {_json_type(key)}, must be str")
        keys.append(key)
    out.append("{")
    for index, key in enumerate(sorted(keys, key=_utf16_sort_key)):
        if index:
            out.append(",")
        out.append(_encode_string(key))
        out.append(":")
        _encode(mapping[key], out, depth + 1)
    out.append("}")


def _utf16_sort_key(key: str) -> bytes:
    """RFC 8785 sorts by UTF-16 code units; code-point order differs above U+FFFF."""
    return key.encode("utf-16-be", errors="surrogatepass")


def _check_int(value: int) -> int:
    if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
        return value
    raise CanonicalError(f"integer {value} outside +-(2**53 - 1); use a string instead")


def _decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CanonicalError(f"JSON is not valid UTF-8 at byte {exc.start}") from None


def _reject_duplicates(pairs: list[tuple[str, JSONValue]]) -> dict[str, JSONValue]:
    result: dict[str, JSONValue] = {}
    for key, value in pairs:
        if key in result:
            raise CanonicalError(f"duplicate key {key!r} in JSON object")
        result[key] = value
    return result


def _reject_float(text: str) -> NoReturn:
    raise CanonicalError(f"number {text} is not an integer; floats are not allowed")


def _json_type(value: object) -> str:
    return type(value).__name__
