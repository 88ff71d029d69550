"""Canonical JSON: golden bytes, RFC 8785 vectors, strict rejection, round trips."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentverbund.crypto.canonical import (
    MAX_DEPTH,
    MAX_SAFE_INTEGER,
    JSONValue,
    _canonical_json_reference,
    canonical_json,
    parse_json_object,
)
from talentverbund.crypto.errors import CanonicalError

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER)
    | st.text(max_size=12)
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def test_golden_bytes() -> None:
    value = {"b": 1, "a": [True, None, "x", False], "c": {"é": -5, "": 0}}
    assert canonical_json(value) == b'{"a":[true,null,"x",false],"b":1,"c":{"":0,"\xc3\xa9":-5}}'


def test_rfc8785_property_sorting_vector() -> None:
    # RFC 8785 (JSON Canonicalization Scheme), section 3.2.3 "Sorting of Object Properties":
    # keys sort by UTF-16 code units, so U+1F600 (D83D DE00) precedes U+FB33.
    value = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    }
    expected = (
        '{"\\r":"Carriage Return","1":"One","\u0080":"Control",'
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",'
        '"\U0001f600":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
    )
    assert canonical_json(value) == expected.encode("utf-8")


def test_rfc8785_string_escaping_vector() -> None:
    # RFC 8785 section 3.2.2.2 "Serialization of Strings", the example in that section:
    # input "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/" -> "€$\u000f\nA'B\"\\\\\"/"
    value = "\u20ac$\u000f\u000aA'\u0042\u0022\u005c\\\"/"
    assert canonical_json([value]) == '["€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"]'.encode()


def test_key_order_does_not_matter() -> None:
    assert canonical_json({"x": 1, "y": 2}) == canonical_json({"y": 2, "x": 1})


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (1.5, "float"),
        (1.0, "float"),
        (float("nan"), "float"),
        (2**53, "outside"),
        (-(2**53), "outside"),
        ((1, 2), "tuple"),
        (b"bytes", "bytes"),
        ({1, 2}, "set"),
        ({1: "x"}, "must be str"),
        ({"a": [{"b": 0.1}]}, "float"),
        ("\ud800", "surrogate"),
        ({"\udc00": 1}, "surrogate"),
    ],
)
def test_rejects_values_outside_the_subset(value: object, message: str) -> None:
    with pytest.raises(CanonicalError, match=message):
        canonical_json(value)


def test_accepts_the_safe_integer_bounds() -> None:
    assert (
        canonical_json([MAX_SAFE_INTEGER, -MAX_SAFE_INTEGER])
        == b"[9007199254740991,-9007199254740991]"
    )


def test_rejects_deep_nesting() -> None:
    value: JSONValue = []
    for _ in range(100):
        value = [value]
    with pytest.raises(CanonicalError, match="deeper"):
        canonical_json(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1, "a": 2}', "duplicate key 'a'"),
        ('{"x": {"a": 1, "a": 1}}', "duplicate key 'a'"),
        ('{"a": 1.0}', "floats are not allowed"),
        ('{"a": 1e5}', "floats are not allowed"),
        ('{"a": NaN}', "floats are not allowed"),
        ('{"a": -Infinity}', "floats are not allowed"),
        ('{"a": 9007199254740992}', "outside"),
        ('{"a": ' + "9" * 5000 + "}", "not valid JSON"),
        ('["not", "an", "object"]', "expected a JSON object"),
        ('{"a": "\\ud800"}', "surrogate"),
        ('{"a": 1', "not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "deeper|not valid"),
    ],
)
def test_parse_rejects(text: str, message: str) -> None:
    with pytest.raises(CanonicalError, match=message):
        parse_json_object(text)


def test_parse_rejects_invalid_utf8() -> None:
    with pytest.raises(CanonicalError, match="UTF-8"):
        parse_json_object(b'{"a": "\xff"}')


def test_parse_accepts_whitespace_and_bytes() -> None:
    assert parse_json_object(b' {\n "b" : [1, true, null] , "a":"\xc3\xa9"}\n') == {
        "a": "é",
        "b": [1, True, None],
    }


@given(json_values)
def test_round_trip(value: JSONValue) -> None:
    encoded = canonical_json({"v": value})
    assert parse_json_object(encoded) == {"v": value}
    assert json.loads(encoded) == {"v": value}  # an independent parser agrees
    assert canonical_json(parse_json_object(encoded)) == encoded


@given(st.dictionaries(st.text(max_size=6), json_scalars, max_size=8))
def test_matches_stdlib_sorting_for_bmp_keys(value: dict[str, JSONValue]) -> None:
    # Below U+10000 UTF-16 order equals code-point order, so json.dumps(sort_keys) must agree.
    if any(max(map(ord, key), default=0) >= 0x10000 for key in value):
        return
    expected = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical_json(value) == expected.encode("utf-8")


# The encoder takes a fast path (json's C encoder) for plain values; the reference encoder
# handles everything else. Both must give the same bytes, or the same error, for anything.
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=8)  # surrogates too
any_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | any_text
    | st.floats(allow_nan=True)
    | st.tuples(st.integers())
    | st.binary(max_size=2)
)
any_values = st.recursive(
    any_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(any_text | st.integers(0, 3), children, max_size=4)
    ),
    max_leaves=20,
)


def _outcome(encode: object, value: object) -> bytes | str:
    assert callable(encode)
    try:
        result = encode(value)
    except CanonicalError as exc:
        return f"error: {exc}"
    assert isinstance(result, bytes)
    return result


@given(any_values)
def test_fast_path_matches_reference(value: object) -> None:
    assert _outcome(canonical_json, value) == _outcome(_canonical_json_reference, value)


class _Text(str):
    pass


class _Number(int):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {"é": 1, "a": {"\U0001f600": 2, "\ufb33": 3}},  # non-ASCII keys: UTF-16 order
        {_Text("k"): _Text("v")},
        [_Number(5), True, False, None],
        {"a": "\ud800"},
        {"a": 2**53},
        {"a": (1, 2)},
        {"a": 1.0},
    ],
)
def test_fast_path_falls_back_for_unusual_values(value: object) -> None:
    assert _outcome(canonical_json, value) == _outcome(_canonical_json_reference, value)


@pytest.mark.parametrize("depth", [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1])
@pytest.mark.parametrize("leaf", [1, "x", None, [], {}])
def test_fast_path_depth_limit_matches_reference(depth: int, leaf: object) -> None:
    for wrap in (lambda v: [v], lambda v: {"k": v}):
        value = leaf
        for _ in range(depth):
            value = wrap(value)
        assert _outcome(canonical_json, value) == _outcome(_canonical_json_reference, value)
