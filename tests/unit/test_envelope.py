"""Envelope format v1: round trip, byte layout, strict parsing, every refusal and its error."""

from __future__ import annotations

import contextlib
import hashlib
import json
import struct
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentverbund.crypto import errors, hpke
from talentverbund.crypto.canonical import canonical_json
from talentverbund.crypto.envelope import (
    DEFAULT_MAX_ENVELOPE_SIZE,
    HEADER_FIELDS,
    HPKE_INFO_PREFIX,
    MAGIC,
    MAX_HEADER_SIZE,
    SIGNATURE_DOMAIN,
    Envelope,
    EnvelopeHeader,
    OpenedMessage,
    ReplayGuard,
    envelope_hash,
    now_ms,
    open_envelope,
    parse_header,
    seal_envelope,
)
from talentverbund.crypto.errors import (
    BadSignatureError,
    DecryptionError,
    EnvelopeError,
    EnvelopeFormatError,
    EnvelopeHeaderError,
    EnvelopeTooLargeError,
    MessageAuthenticationError,
    ModelMismatchError,
    ReplayedMessageError,
    StaleMessageError,
    UnexpectedMessageTypeError,
    UnsupportedSuiteError,
    UnsupportedVersionError,
    WrongRecipientError,
)
from talentverbund.crypto.identity import NodeIdentity, derive_node_id

NOW = 1_769_860_800_000  # 2026-01-31T12:00:00Z
SENDER_KEY = Ed25519PrivateKey.generate()
OTHER_SIGNER = Ed25519PrivateKey.generate()
RECIPIENT_KEY = X25519PrivateKey.generate()
OTHER_RECIPIENT_KEY = X25519PrivateKey.generate()
SENDER = derive_node_id(SENDER_KEY.public_key().public_bytes_raw())
RECIPIENT = derive_node_id(b"recipient-node-initial-key-32by")
THIRD = derive_node_id(b"third-node-initial-signing-key32")
MODEL = "esco-minilm-v1"
XWING_AVAILABLE = hpke.HPKE_SUITES[hpke.SUITE_XWING_AES128GCM].available
XWING_SEED = bytes(range(32))


def header(**overrides: Any) -> EnvelopeHeader:
    fields: dict[str, Any] = {
        "sender": SENDER,
        "recipient": RECIPIENT,
        "message_type": "search.query",
        "timestamp_ms": NOW,
        "recipient_kid": "enc-1",
        "sender_kid": "sig-1",
        "model_id": MODEL,
        "message_id": "000102030405060708090a0b0c0d0e0f",
    }
    fields.update(overrides)
    return EnvelopeHeader.create(**fields)


def seal(payload: bytes = b"job query", **overrides: Any) -> Envelope:
    return seal_envelope(
        header=header(**overrides),
        payload=payload,
        recipient_public=RECIPIENT_KEY.public_key(),
        sender_signing_key=SENDER_KEY,
    )


def open_(envelope: Envelope | bytes, **overrides: Any) -> OpenedMessage:
    kwargs: dict[str, Any] = {
        "expected_recipient": RECIPIENT,
        "recipient_private": RECIPIENT_KEY,
        "sender_public": SENDER_KEY.public_key(),
        "now_ms": NOW,
        "expected_model_id": MODEL,
    }
    kwargs.update(overrides)
    return open_envelope(envelope, **kwargs)


def header_json(**overrides: Any) -> dict[str, Any]:
    obj: dict[str, Any] = header().to_json()
    obj.update(overrides)
    return obj


def forged(header_obj: dict[str, Any], *, enc: bytes = bytes(32), sign: bool = False) -> Envelope:
    """An envelope around arbitrary header JSON; signed by the sender if ``sign``."""
    header_bytes = canonical_json(header_obj)
    ciphertext = bytes(16)
    unsigned = Envelope(header_bytes, enc, ciphertext, bytes(64))
    if not sign:
        return unsigned
    return replace(unsigned, signature=SENDER_KEY.sign(unsigned.signed_bytes()))


VALID = seal(b"tiny")
VALID_BYTES = VALID.to_bytes()


# -- round trip and layout --------------------------------------------------------------


@pytest.mark.parametrize("suite", [hpke.SUITE_X25519_AES128GCM, hpke.SUITE_X25519_CHACHA20POLY1305])
@pytest.mark.parametrize("size", [0, 1, 2048, 65536])
def test_round_trip(suite: str, size: int) -> None:
    payload = bytes(i % 251 for i in range(size))
    envelope = seal(payload, suite=suite)
    wire = envelope.to_bytes()
    assert len(wire) == envelope.wire_size
    assert Envelope.from_bytes(wire) == envelope
    parts = Envelope.from_parts(
        header_bytes=envelope.header_bytes,
        enc=envelope.enc,
        ciphertext=envelope.ciphertext,
        signature=envelope.signature,
    )
    assert parts == envelope
    opened = open_(wire)
    assert opened.payload == payload
    assert opened.header == header(suite=suite)
    assert opened.envelope_hash == envelope_hash(wire) == hashlib.sha256(wire).hexdigest()
    assert open_(envelope).payload == payload


@pytest.mark.skipif(not XWING_AVAILABLE, reason="this cryptography build has no ML-KEM")
@pytest.mark.parametrize("suite", [hpke.SUITE_XWING_AES128GCM, hpke.SUITE_XWING_CHACHA20POLY1305])
def test_round_trip_xwing(suite: str) -> None:
    envelope = seal_envelope(
        header=header(suite=suite),
        payload=b"post-quantum",
        recipient_public=hpke.xwing_public_bytes(XWING_SEED),
        sender_signing_key=SENDER_KEY,
    )
    assert len(envelope.enc) == hpke.XWING_ENC_SIZE
    opened = open_(envelope.to_bytes(), recipient_private=hpke.xwing_private_key(XWING_SEED))
    assert opened.payload == b"post-quantum"
    with pytest.raises(UnsupportedSuiteError, match="X-Wing private key"):
        open_(envelope, recipient_private=RECIPIENT_KEY)
    with pytest.raises(ValueError, match="needs an X-Wing public key"):
        seal(suite=suite)  # an X25519 key object for an X-Wing suite
    with pytest.raises(ValueError, match="X-Wing public key must be 1216 bytes"):
        seal_envelope(
            header=header(suite=suite),
            payload=b"",
            recipient_public=RECIPIENT_KEY.public_key().public_bytes_raw(),
            sender_signing_key=SENDER_KEY,
        )


def test_wire_layout_matches_the_documented_format() -> None:
    wire = VALID_BYTES
    assert wire[:4] == MAGIC == b"TVE1"
    offset, parts = 4, []
    for _ in range(4):
        (length,) = struct.unpack(">I", wire[offset : offset + 4])
        parts.append(wire[offset + 4 : offset + 4 + length])
        offset += 4 + length
    assert offset == len(wire)
    header_bytes, enc, ciphertext, signature = parts
    assert header_bytes == canonical_json(json.loads(header_bytes))
    assert json.loads(header_bytes) == {
        "version": 1,
        "sender": SENDER,
        "recipient": RECIPIENT,
        "message_type": "search.query",
        "message_id": "000102030405060708090a0b0c0d0e0f",
        "timestamp_ms": NOW,
        "model_id": MODEL,
        "suite": "X25519-SHA256-AES128GCM",
        "recipient_kid": "enc-1",
        "sender_kid": "sig-1",
    }
    assert len(enc) == 32 and len(ciphertext) == len(b"tiny") + 16 and len(signature) == 64
    signed = (
        b"talentverbund/envelope-signature/v1\n"
        + struct.pack(">I", len(header_bytes))
        + header_bytes
        + struct.pack(">I", 32)
        + enc
        + struct.pack(">I", len(ciphertext))
        + ciphertext
    )
    assert signed.startswith(SIGNATURE_DOMAIN) and VALID.signed_bytes() == signed
    SENDER_KEY.public_key().verify(signature, signed)
    suite = hpke.hpke_suite(hpke.DEFAULT_SUITE)
    info = b"talentverbund/envelope/v1\n" + header_bytes
    assert VALID.hpke_info() == info and info.startswith(HPKE_INFO_PREFIX)
    assert hpke.hpke_open(suite, RECIPIENT_KEY, enc, ciphertext, info) == b"tiny"


def test_message_ids_are_random_unless_injected() -> None:
    fields = {k: v for k, v in header().to_json().items() if k not in ("version", "message_id")}
    ids = {EnvelopeHeader.create(**fields).message_id for _ in range(50)}  # type: ignore[arg-type]
    assert len(ids) == 50
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


def test_seal_is_randomized_but_both_open() -> None:
    a, b = seal(), seal()
    assert a.enc != b.enc and a.ciphertext != b.ciphertext
    assert open_(a).payload == open_(b).payload


def test_raw_key_bytes_are_accepted() -> None:
    envelope = seal_envelope(
        header=header(),
        payload=b"raw",
        recipient_public=RECIPIENT_KEY.public_key().public_bytes_raw(),
        sender_signing_key=SENDER_KEY,
    )
    opened = open_(envelope, sender_public=SENDER_KEY.public_key().public_bytes_raw())
    assert opened.payload == b"raw"
    with pytest.raises(ValueError, match="32 bytes"):
        seal_envelope(
            header=header(),
            payload=b"",
            recipient_public=b"short",
            sender_signing_key=SENDER_KEY,
        )


def test_node_identity_signs_and_must_match_header(tmp_path: Path) -> None:
    identity = NodeIdentity.create(tmp_path / "keys")
    own = header(sender=identity.node_id, sender_kid=identity.signing_kid)
    envelope = seal_envelope(
        header=own,
        payload=b"from identity",
        recipient_public=RECIPIENT_KEY.public_key(),
        sender_signing_key=identity,
    )
    opened = open_(envelope, sender_public=identity.signing_public_key)
    assert opened.payload == b"from identity"
    with pytest.raises(ValueError, match="signing identity"):
        seal_envelope(
            header=header(),  # names another sender
            payload=b"",
            recipient_public=RECIPIENT_KEY.public_key(),
            sender_signing_key=identity,
        )


def test_largest_possible_header_fits() -> None:
    big = EnvelopeHeader(
        version=2**53 - 1,
        sender=SENDER,
        recipient=RECIPIENT,
        message_type="a" * 64,
        message_id="f" * 32,
        timestamp_ms=2**53 - 1,
        model_id='"\\' * 100,  # every character escaped in JSON
        suite="A" * 64,
        recipient_kid="enc-999999999",
        sender_kid="sig-999999999",
    )
    assert len(big.to_bytes()) <= MAX_HEADER_SIZE


# -- mutations and fuzzing ---------------------------------------------------------------


def _assert_refused(data: bytes) -> None:
    with pytest.raises(EnvelopeError):
        open_(data)


def test_every_single_byte_change_is_refused() -> None:
    assert open_(VALID_BYTES).payload == b"tiny"
    for index in range(len(VALID_BYTES)):
        for mask in (0x01, 0x80, 0xFF):
            data = bytearray(VALID_BYTES)
            data[index] ^= mask
            _assert_refused(bytes(data))


def test_every_truncation_is_refused() -> None:
    for length in range(len(VALID_BYTES)):
        _assert_refused(VALID_BYTES[:length])


@settings(max_examples=300, deadline=None)
@given(index=st.integers(min_value=0), value=st.integers(min_value=0, max_value=255))
def test_any_byte_replacement_is_refused(index: int, value: int) -> None:
    index %= len(VALID_BYTES)
    if VALID_BYTES[index] == value:
        value ^= 0xFF
    data = bytearray(VALID_BYTES)
    data[index] = value
    _assert_refused(bytes(data))


@settings(max_examples=200, deadline=None)
@given(extra=st.binary(min_size=1, max_size=64), at=st.integers(min_value=0))
def test_any_insertion_or_extension_is_refused(extra: bytes, at: int) -> None:
    _assert_refused(VALID_BYTES + extra)
    position = at % (len(VALID_BYTES) + 1)
    _assert_refused(VALID_BYTES[:position] + extra + VALID_BYTES[position:])


def _from_bytes_or_format_error(data: bytes) -> None:
    """The contract: an Envelope or EnvelopeFormatError (incl. EnvelopeTooLargeError)."""
    with contextlib.suppress(EnvelopeFormatError):
        Envelope.from_bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_from_bytes_never_crashes_on_random_bytes(data: bytes) -> None:
    _from_bytes_or_format_error(data)
    _from_bytes_or_format_error(MAGIC + data)


_part_lengths = st.one_of(
    st.integers(min_value=0, max_value=2200), st.sampled_from([32, 64, 1120, 2**32 - 1])
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lengths=st.lists(_part_lengths, min_size=0, max_size=5),
    body=st.binary(max_size=3000),
)
def test_from_bytes_never_crashes_on_plausible_frames(lengths: list[int], body: bytes) -> None:
    data = MAGIC + b"".join(struct.pack(">I", n) for n in lengths) + body
    _from_bytes_or_format_error(data)


def test_parsing_time_is_bounded() -> None:
    hostile = [MAGIC + struct.pack(">I", 2**32 - 1) + bytes(100), bytes(DEFAULT_MAX_ENVELOPE_SIZE)]
    hostile += [MAGIC + b"\xff" * 2000, VALID_BYTES + bytes(10_000)]
    start = time.perf_counter()
    for data in hostile * 50:
        _from_bytes_or_format_error(data)
    assert time.perf_counter() - start < 2.0


# -- framing errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "magic"),
        (b"XXXX" + VALID_BYTES[4:], "magic"),
        (b"TVE7" + VALID_BYTES[4:], "TVE7"),
        (VALID_BYTES + b"\x00", "1 unexpected bytes"),
        (VALID_BYTES[:-1], "truncated inside signature"),
        (MAGIC + struct.pack(">I", 0), "header length 0"),
        (MAGIC + struct.pack(">I", MAX_HEADER_SIZE + 1), "header length"),
    ],
)
def test_framing_errors(data: bytes, message: str) -> None:
    with pytest.raises(EnvelopeFormatError, match=message) as info:
        Envelope.from_bytes(data)
    assert info.value.grpc_status == "INVALID_ARGUMENT"


@pytest.mark.parametrize(
    ("part", "value", "message"),
    [
        ("enc", bytes(31), "enc must be 32 or 1120"),
        ("ciphertext", bytes(15), "at least 16"),
        ("signature", bytes(63), "64 bytes"),
        ("header_bytes", b"", "header must be 1 to"),
    ],
)
def test_part_sizes_are_checked(part: str, value: bytes, message: str) -> None:
    parts: dict[str, Any] = {
        "header_bytes": VALID.header_bytes,
        "enc": VALID.enc,
        "ciphertext": VALID.ciphertext,
        "signature": VALID.signature,
        part: value,
    }
    with pytest.raises(EnvelopeFormatError, match=message):
        Envelope.from_parts(**parts)


def test_enc_size_must_match_suite() -> None:
    envelope = forged(header_json(), enc=bytes(1120))
    with pytest.raises(EnvelopeFormatError, match="suite X25519-SHA256-AES128GCM uses 32"):
        open_(envelope)


# -- size limits ------------------------------------------------------------------------


def test_oversize_is_refused_everywhere() -> None:
    limit = len(VALID_BYTES) - 1
    with pytest.raises(EnvelopeTooLargeError) as info:
        Envelope.from_bytes(VALID_BYTES, max_size=limit)
    assert info.value.grpc_status == "RESOURCE_EXHAUSTED"
    assert f"{len(VALID_BYTES)} bytes exceeds the limit of {limit}" in str(info.value)
    with pytest.raises(EnvelopeTooLargeError):
        open_(VALID_BYTES, max_size=limit)
    with pytest.raises(EnvelopeTooLargeError):
        open_(VALID, max_size=limit)
    with pytest.raises(EnvelopeTooLargeError):
        Envelope.from_parts(
            header_bytes=VALID.header_bytes,
            enc=VALID.enc,
            ciphertext=VALID.ciphertext,
            signature=VALID.signature,
            max_size=limit,
        )
    assert Envelope.from_bytes(VALID_BYTES, max_size=len(VALID_BYTES)) == VALID


def test_seal_refuses_oversize_payload_before_encrypting() -> None:
    payload = bytes(DEFAULT_MAX_ENVELOPE_SIZE)
    with pytest.raises(EnvelopeTooLargeError):
        seal(payload)
    exact = DEFAULT_MAX_ENVELOPE_SIZE - (len(VALID_BYTES) - len(b"tiny"))
    assert seal(bytes(exact)).wire_size == DEFAULT_MAX_ENVELOPE_SIZE


# -- version -----------------------------------------------------------------------------


def test_unsupported_version_message() -> None:
    envelope = forged(header_json(version=7))
    with pytest.raises(UnsupportedVersionError) as info:
        open_(envelope)
    assert str(info.value) == "unsupported protocol version 7; this node speaks 1"
    assert info.value.grpc_status == "FAILED_PRECONDITION"


def test_version_is_checked_before_other_fields() -> None:
    """A future version may have different fields; the version error must win."""
    envelope = forged({"version": 7, "totally": "different"})
    with pytest.raises(UnsupportedVersionError, match="version 7"):
        open_(envelope.to_bytes())


@pytest.mark.parametrize("version", [0, -1, 2])
def test_any_other_version_is_unsupported(version: int) -> None:
    with pytest.raises(UnsupportedVersionError, match=f"version {version};"):
        parse_header(canonical_json(header_json(version=version)))


def test_seal_refuses_unsupported_version() -> None:
    with pytest.raises(UnsupportedVersionError):
        seal_envelope(
            header=replace(header(), version=2),
            payload=b"",
            recipient_public=RECIPIENT_KEY.public_key(),
            sender_signing_key=SENDER_KEY,
        )


def test_supported_versions_must_be_implemented() -> None:
    with pytest.raises(ValueError, match="subset"):
        open_(VALID, supported_versions=(1, 2))


# -- recipient, type, time, model --------------------------------------------------------


def test_wrong_recipient() -> None:
    with pytest.raises(WrongRecipientError) as info:
        open_(VALID_BYTES, expected_recipient=THIRD)
    assert info.value.grpc_status == "PERMISSION_DENIED"
    assert RECIPIENT in str(info.value) and THIRD in str(info.value)


def test_unexpected_message_type() -> None:
    assert open_(VALID, expected_type="search.query").payload == b"tiny"
    with pytest.raises(
        UnexpectedMessageTypeError, match=r"'search\.query' sent where 'intro\.request'"
    ):
        open_(VALID, expected_type="intro.request")


@pytest.mark.parametrize(
    ("offset_ms", "words"), [(-412_300, "412.3 s behind"), (301_000, "301.0 s ahead of")]
)
def test_stale_or_future_timestamp(offset_ms: int, words: str) -> None:
    envelope = seal(timestamp_ms=NOW + offset_ms)
    with pytest.raises(StaleMessageError) as info:
        open_(envelope)
    message = str(info.value)
    assert words in message and "NTP" in message and "300 s" in message
    assert info.value.offset_ms == offset_ms
    assert info.value.grpc_status == "FAILED_PRECONDITION"


@pytest.mark.parametrize("offset_ms", [-300_000, 0, 300_000])
def test_timestamp_within_skew_is_accepted(offset_ms: int) -> None:
    assert open_(seal(timestamp_ms=NOW + offset_ms)).payload == b"job query"


def test_max_skew_is_a_parameter() -> None:
    envelope = seal(timestamp_ms=NOW - 10_000)
    assert open_(envelope, max_skew_ms=10_000).payload == b"job query"
    with pytest.raises(StaleMessageError):
        open_(envelope, max_skew_ms=9_999)


def test_model_mismatch_names_both_models() -> None:
    with pytest.raises(ModelMismatchError) as info:
        open_(VALID, expected_model_id="esco-minilm-v2")
    assert "'esco-minilm-v1'" in str(info.value) and "'esco-minilm-v2'" in str(info.value)
    assert info.value.grpc_status == "FAILED_PRECONDITION"


def test_model_check_applies_only_when_both_sides_have_one() -> None:
    assert open_(VALID, expected_model_id=None).payload == b"tiny"
    assert open_(seal(model_id=""), expected_model_id="other").payload == b"job query"


# -- authentication ----------------------------------------------------------------------


def test_forged_signature_is_opaque() -> None:
    forgery = seal_envelope(
        header=header(),
        payload=b"forged",
        recipient_public=RECIPIENT_KEY.public_key(),
        sender_signing_key=OTHER_SIGNER,  # claims to be SENDER
    )
    with pytest.raises(BadSignatureError) as info:
        open_(forgery)
    assert str(info.value) == "message authentication failed"
    assert info.value.grpc_status == "UNAUTHENTICATED"
    assert "signature" in info.value.detail and SENDER in info.value.detail


def test_ciphertext_for_another_key_is_opaque() -> None:
    envelope = seal_envelope(
        header=header(),
        payload=b"misdirected",
        recipient_public=OTHER_RECIPIENT_KEY.public_key(),
        sender_signing_key=SENDER_KEY,
    )
    with pytest.raises(DecryptionError) as info:
        open_(envelope)
    assert str(info.value) == "message authentication failed"
    assert info.value.grpc_status == "UNAUTHENTICATED"
    assert "AEAD" in info.value.detail
    assert isinstance(info.value, MessageAuthenticationError)


def test_header_is_bound_into_hpke_info() -> None:
    """A sender re-wrapping another message's ciphertext under a new header fails to open."""
    original = seal(b"secret", message_id="aa" * 16)
    rewrapped = replace(original, header_bytes=header(message_id="bb" * 16).to_bytes())
    rewrapped = replace(rewrapped, signature=SENDER_KEY.sign(rewrapped.signed_bytes()))
    with pytest.raises(DecryptionError):
        open_(rewrapped)


def test_checks_run_in_the_documented_order() -> None:
    bad_everything = forged(header_json(recipient=THIRD, timestamp_ms=0, model_id="x"))
    with pytest.raises(WrongRecipientError):
        open_(bad_everything)
    bad_time_model_sig = forged(header_json(timestamp_ms=0, model_id="x"))
    with pytest.raises(StaleMessageError):
        open_(bad_time_model_sig)
    with pytest.raises(ModelMismatchError):
        open_(forged(header_json(model_id="x")))
    with pytest.raises(UnsupportedSuiteError):
        open_(forged(header_json(suite="P256-SHA256-AES128GCM")))
    with pytest.raises(BadSignatureError):
        open_(forged(header_json()))
    with pytest.raises(DecryptionError):
        open_(forged(header_json(), sign=True))


# -- suites ------------------------------------------------------------------------------


def test_unknown_or_refused_suite() -> None:
    with pytest.raises(UnsupportedSuiteError, match="not supported"):
        seal(suite="P256-SHA256-AES128GCM")
    with pytest.raises(UnsupportedSuiteError, match="not accepted") as info:
        open_(VALID, accepted_suites={hpke.SUITE_X25519_CHACHA20POLY1305})
    assert info.value.grpc_status == "FAILED_PRECONDITION"


# -- header validation -------------------------------------------------------------------

BAD_FIELDS: list[tuple[str, Any]] = [
    ("version", "1"),
    ("version", True),
    ("sender", "tv1short"),
    ("sender", 5),
    ("recipient", "TV1" + "a" * 32),
    ("message_type", "Search.Query"),
    ("message_type", "search..query"),
    ("message_type", "a" * 65),
    ("message_type", ""),
    ("message_id", "00" * 15),
    ("message_id", "AA" * 16),
    ("timestamp_ms", -1),
    ("timestamp_ms", "1769860800000"),
    ("model_id", "has space"),
    ("model_id", None),
    ("suite", "x25519-sha256-aes128gcm"),
    ("suite", ""),
    ("recipient_kid", "sig-1"),
    ("recipient_kid", "enc-01"),
    ("sender_kid", "enc-1"),
    ("sender_kid", "sig-0"),
]


@pytest.mark.parametrize(("name", "value"), BAD_FIELDS)
def test_header_field_errors_name_the_field(name: str, value: Any) -> None:
    with pytest.raises(EnvelopeHeaderError) as info:
        parse_header(canonical_json(header_json(**{name: value})))
    assert info.value.field == name
    assert f"'{name}'" in str(info.value)
    assert info.value.grpc_status == "INVALID_ARGUMENT"
    with pytest.raises(EnvelopeHeaderError) as via_open:
        open_(forged(header_json(**{name: value})))
    assert via_open.value.field == name


@pytest.mark.parametrize("name", [n for n in HEADER_FIELDS if n != "version"])
def test_missing_header_field(name: str) -> None:
    obj = header_json()
    del obj[name]
    with pytest.raises(EnvelopeHeaderError, match=f"'{name}' is missing"):
        parse_header(canonical_json(obj))


def test_missing_version_and_unknown_field() -> None:
    obj = header_json()
    del obj["version"]
    with pytest.raises(EnvelopeHeaderError, match="'version' is missing"):
        parse_header(canonical_json(obj))
    with pytest.raises(EnvelopeHeaderError, match="'extra' is not a field of the v1 header"):
        parse_header(canonical_json(header_json(extra="x")))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json", "not a valid JSON object"),
        (b"[1]", "not a valid JSON object"),
        (b'{"version":1.0}', "not a valid JSON object"),
        (b'{"version":1,"version":1}', "not a valid JSON object"),
        (b"\xff", "not a valid JSON object"),
        (canonical_json(header_json()) + b" ", "not canonical"),
        (json.dumps(header_json()).encode(), "not canonical"),
        (canonical_json(header_json()).replace(b'"sender"', b'"\\u0073ender"'), "not canonical"),
    ],
)
def test_malformed_header_json(raw: bytes, message: str) -> None:
    with pytest.raises(EnvelopeHeaderError, match=message) as info:
        parse_header(raw)
    assert info.value.field is None


def test_header_constructor_validates() -> None:
    with pytest.raises(EnvelopeHeaderError) as info:
        header(recipient="nope")
    assert info.value.field == "recipient"
    assert parse_header(header().to_bytes()) == header()
    assert VALID.header == header()


def test_header_is_parsed_once_per_envelope(monkeypatch: pytest.MonkeyPatch) -> None:
    import talentverbund.crypto.envelope as envelope_module

    parsed: list[bytes] = []
    real = envelope_module.parse_header

    def counting(data: bytes, **kwargs: Any) -> EnvelopeHeader:
        parsed.append(data)
        return real(data, **kwargs)

    monkeypatch.setattr(envelope_module, "parse_header", counting)
    received = Envelope.from_bytes(VALID_BYTES)
    assert received.header == header()  # the router's read ...
    assert open_(received).header == header()  # ... is the one open_envelope checks
    assert parsed == [VALID_BYTES[8 : 8 + len(VALID.header_bytes)]]
    # A sealed envelope carries the header it was sealed with: what parsing would give.
    sealed = seal(b"x")
    assert sealed.header == real(sealed.header_bytes) and not parsed[1:]
    # A header that does not parse is refused on every read, not remembered as parsed.
    broken = Envelope(b'{"version":1}', VALID.enc, VALID.ciphertext, VALID.signature)
    for _ in range(2):
        with pytest.raises(EnvelopeHeaderError):
            _ = broken.header
    with pytest.raises(EnvelopeHeaderError):
        open_(broken)


# -- receipts, logs, replay --------------------------------------------------------------


def test_envelope_hash() -> None:
    digest = envelope_hash(VALID)
    assert digest == envelope_hash(VALID_BYTES) == hashlib.sha256(VALID_BYTES).hexdigest()
    assert envelope_hash(VALID) == digest  # the second call answers from the envelope's cache
    assert envelope_hash(Envelope.from_bytes(VALID_BYTES)) == digest
    assert len(digest) == 64 and digest == digest.lower()
    assert digest[:16] in repr(VALID)


def test_replay_guard() -> None:
    guard = ReplayGuard(max_skew_ms=1000, max_entries=3)
    first = open_(VALID).header
    assert guard.check_and_remember(first, NOW)
    with pytest.raises(ReplayedMessageError) as info:
        guard.check_and_remember(first, NOW + 500)
    assert info.value.grpc_status == "ALREADY_EXISTS"
    assert guard.check_and_remember(first, NOW + 2001)  # expired: the timestamp check covers it
    for i in range(3):
        guard.check_and_remember(header(message_id=f"{i:032x}"), NOW + 2001)
    assert len(guard) == 3
    assert not guard.check_and_remember(header(message_id="ff" * 16), NOW + 2001)


def test_now_ms_is_epoch_milliseconds() -> None:
    assert abs(now_ms() - time.time() * 1000) < 5_000


def test_every_envelope_error_names_a_grpc_status() -> None:
    expected: dict[type[errors.EnvelopeError], str] = {
        errors.EnvelopeError: "INVALID_ARGUMENT",
        errors.EnvelopeFormatError: "INVALID_ARGUMENT",
        errors.EnvelopeHeaderError: "INVALID_ARGUMENT",
        errors.EnvelopeTooLargeError: "RESOURCE_EXHAUSTED",
        errors.UnsupportedVersionError: "FAILED_PRECONDITION",
        errors.UnsupportedSuiteError: "FAILED_PRECONDITION",
        errors.WrongRecipientError: "PERMISSION_DENIED",
        errors.UnexpectedMessageTypeError: "INVALID_ARGUMENT",
        errors.StaleMessageError: "FAILED_PRECONDITION",
        errors.ModelMismatchError: "FAILED_PRECONDITION",
        errors.ReplayedMessageError: "ALREADY_EXISTS",
        errors.UnknownSenderError: "UNAUTHENTICATED",
        errors.MessageAuthenticationError: "UNAUTHENTICATED",
        errors.BadSignatureError: "UNAUTHENTICATED",
        errors.DecryptionError: "UNAUTHENTICATED",
    }
    assert {cls: cls.grpc_status for cls in expected} == expected
    assert all(issubclass(cls, errors.CryptoError) for cls in expected)
