"""Federation roster v1: signing, strict parsing, trust, expiry, members, tamper rejection."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentverbund.crypto._encoding import b64url_decode, b64url_encode
from talentverbund.crypto.canonical import canonical_json
from talentverbund.crypto.descriptor import NodeDescriptor, build_descriptor
from talentverbund.crypto.errors import KeyFileError, KeyPermissionError, RosterError
from talentverbund.crypto.identity import NodeIdentity
from talentverbund.crypto.roster import (
    SIGNATURE_DOMAIN,
    Roster,
    build_roster,
    generate_roster_key,
    load_roster_key,
    parse_public_key,
    parse_roster,
    public_key_text,
    raw_public_key,
    read_roster_header,
    roster_key_fingerprint,
    roster_key_id,
)

NOW = datetime(2026, 1, 31, 12, 0, 0, tzinfo=UTC)
NAME = "Landesnetz Schleswig-Holstein"


@pytest.fixture(scope="module")
def members(tmp_path_factory: pytest.TempPathFactory) -> list[NodeDescriptor]:
    out = []
    for index, (name, region) in enumerate([("Flensburg", "01001"), ("Lübeck", "01003")]):
        identity = NodeIdentity.create(tmp_path_factory.mktemp(f"n{index}") / "keys", now=NOW)
        out.append(build_descriptor(identity, name, region, f"node{index}.example.de:7443", NOW, 1))
    return out


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def public(key: Ed25519PrivateKey) -> bytes:
    return raw_public_key(key)


@pytest.fixture(scope="module")
def roster(members: list[NodeDescriptor], key: Ed25519PrivateKey) -> Roster:
    return build_roster(members, NAME, 3, key, timedelta(days=90), now=NOW)


@pytest.fixture(scope="module")
def signed(roster: Roster) -> bytes:
    return roster.to_bytes()


def resigned(obj: dict[str, Any], key: Ed25519PrivateKey) -> bytes:
    """``obj`` with a fresh, valid roster signature: so only the check under test can fail."""
    body = {k: v for k, v in obj.items() if k != "signature"}
    signature = key.sign(SIGNATURE_DOMAIN + canonical_json(body))
    return canonical_json(body | {"signature": b64url_encode(signature)})


def test_build_and_parse_round_trip(roster: Roster, signed: bytes, public: bytes) -> None:
    parsed = parse_roster(signed, public, now=NOW + timedelta(days=1))
    assert parsed == roster
    assert parsed.to_bytes() == signed
    assert parse_roster(signed.decode(), public, now=NOW) == roster
    assert parsed.version == 3 and parsed.name == NAME
    assert parsed.node_ids == tuple(sorted(parsed.node_ids))
    assert parsed.expires_at == NOW + timedelta(days=90)


def test_wire_format(signed: bytes, public: bytes, members: list[NodeDescriptor]) -> None:
    obj = json.loads(signed)
    assert set(obj) == {
        "v",
        "type",
        "name",
        "version",
        "issued_at",
        "expires_at",
        "members",
        "signer",
        "signature",
    }
    assert obj["v"] == 1 and obj["type"] == "talentverbund-roster"
    assert obj["issued_at"] == "2026-01-31T12:00:00Z"
    assert obj["expires_at"] == "2026-05-01T12:00:00Z"
    assert obj["signer"] == {"kid": roster_key_id(public), "public_key": b64url_encode(public)}
    by_id = {m.node_id: m.to_json() for m in members}
    assert obj["members"] == [by_id[k] for k in sorted(by_id)]
    # Independent check of what is signed, from the documented format and pyca alone.
    body = {k: v for k, v in obj.items() if k != "signature"}
    Ed25519PublicKey.from_public_bytes(public).verify(
        b64url_decode(obj["signature"]), b"talentverbund/roster/v1\n" + canonical_json(body)
    )


def test_fingerprint_and_key_id(public: bytes) -> None:
    fingerprint = roster_key_fingerprint(public)
    assert len(fingerprint.split(" ")) == 8
    assert all(len(group) == 4 for group in fingerprint.split(" "))
    assert fingerprint == fingerprint.upper()
    assert roster_key_id(public).startswith("rk-") and len(roster_key_id(public)) == 19
    other = raw_public_key(Ed25519PrivateKey.generate())
    assert roster_key_fingerprint(other) != fingerprint


def test_public_key_text_round_trip(public: bytes) -> None:
    assert parse_public_key(public_key_text(public)) == public
    for bad in ["", "abc", public_key_text(public) + "=", public_key_text(public)[:-2], "!" * 43]:
        with pytest.raises(RosterError):
            parse_public_key(bad)


def test_key_file_is_private_and_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "coord" / "roster.pem"
    public = generate_roster_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert raw_public_key(load_roster_key(path)) == public
    with pytest.raises(KeyFileError, match="refusing to overwrite"):
        generate_roster_key(path)
    path.chmod(0o644)
    with pytest.raises(KeyPermissionError):
        load_roster_key(path)


def test_header_is_readable_before_trust(signed: bytes, public: bytes) -> None:
    header = read_roster_header(signed)
    assert (header.name, header.version, header.signer_public) == (NAME, 3, public)
    assert header.fingerprint == roster_key_fingerprint(public)


# -- refusals ----------------------------------------------------------------------


def test_wrong_key_is_refused(signed: bytes, public: bytes) -> None:
    other = raw_public_key(Ed25519PrivateKey.generate())
    with pytest.raises(RosterError, match="not by the trusted key") as info:
        parse_roster(signed, other, now=NOW)
    assert roster_key_fingerprint(public) in str(info.value)
    assert roster_key_fingerprint(other) in str(info.value)


def test_signature_by_another_key_is_refused(signed: bytes, public: bytes) -> None:
    """Signer claims the trusted key, but the signature was made by a different one."""
    forged = resigned(json.loads(signed), Ed25519PrivateKey.generate())
    with pytest.raises(RosterError, match="signature does not verify"):
        parse_roster(forged, public, now=NOW)


def test_expired_is_refused(signed: bytes, public: bytes) -> None:
    parse_roster(signed, public, now=NOW + timedelta(days=90) - timedelta(seconds=1))
    with pytest.raises(RosterError, match="expired at 2026-05-01T12:00:00Z"):
        parse_roster(signed, public, now=NOW + timedelta(days=90))


def test_issued_in_the_future_is_refused(signed: bytes, public: bytes) -> None:
    parse_roster(signed, public, now=NOW - timedelta(minutes=4))
    with pytest.raises(RosterError, match="'issued_at' is in the future"):
        parse_roster(signed, public, now=NOW - timedelta(hours=1))


def test_validity_is_bounded(members: list[NodeDescriptor], key: Ed25519PrivateKey) -> None:
    with pytest.raises(RosterError, match="at most 366 days"):
        build_roster(members, NAME, 1, key, timedelta(days=367), now=NOW)
    with pytest.raises(RosterError, match="must be after issued_at"):
        build_roster(members, NAME, 1, key, timedelta(0), now=NOW)
    obj = json.loads(build_roster(members, NAME, 1, key, timedelta(days=1), now=NOW).to_bytes())
    obj["expires_at"] = "2030-01-01T00:00:00Z"
    with pytest.raises(RosterError, match="'expires_at' must be at most 366 days"):
        parse_roster(resigned(obj, key), raw_public_key(key), now=NOW)


def test_duplicate_member_is_refused(
    signed: bytes, key: Ed25519PrivateKey, public: bytes, members: list[NodeDescriptor]
) -> None:
    obj = json.loads(signed)
    obj["members"].append(obj["members"][0])
    with pytest.raises(RosterError, match=r"'members\[2\]' repeats node .* \(also members\[0\]\)"):
        parse_roster(resigned(obj, key), public, now=NOW)
    with pytest.raises(RosterError, match="repeats node"):
        build_roster([*members, members[0]], NAME, 1, key, timedelta(days=1), now=NOW)


def test_bad_member_descriptor_is_refused(
    signed: bytes, key: Ed25519PrivateKey, public: bytes
) -> None:
    """A member whose descriptor was altered fails its self-signature, even in a signed roster."""
    obj = json.loads(signed)
    obj["members"][1]["endpoint"] = "evil.example.org:7443"
    with pytest.raises(RosterError, match=r"'members\[1\]' is refused: descriptor signature"):
        parse_roster(resigned(obj, key), public, now=NOW)
    obj = json.loads(signed)
    del obj["members"][0]["region"]
    with pytest.raises(RosterError, match=r"'members\[0\]' is not a valid node descriptor"):
        parse_roster(resigned(obj, key), public, now=NOW)
    obj = json.loads(signed)
    obj["members"][0] = "tv1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    with pytest.raises(RosterError, match=r"'members\[0\]' is not a valid node descriptor"):
        parse_roster(resigned(obj, key), public, now=NOW)


def test_member_with_foreign_node_id_is_refused(
    members: list[NodeDescriptor], key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    """A self-consistent descriptor claiming another node's id (re-signed by a thief's key)."""
    thief = NodeIdentity.create(tmp_path / "keys", now=NOW)
    fake = build_descriptor(thief, "Flensburg", "01001", "evil.example.org:7443", NOW, 9)
    fake = replace(fake, node_id=members[0].node_id)
    fake = replace(fake, signature=replace(fake.signature, value=thief.sign(fake.signed_bytes())))
    fake.verify()  # the self-signature alone is fine
    with pytest.raises(RosterError, match="node_id does not derive"):
        build_roster([fake], NAME, 1, key, timedelta(days=1), now=NOW)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"v": 2}, "format 2 unsupported"),
        ({"v": True}, "format True unsupported"),
        ({"type": "talentverbund-descriptor"}, "'type' must be"),
        ({"version": 0}, "'version' must be an integer from 1"),
        ({"version": "4"}, "'version' must be an integer"),
        ({"version": 2**53}, "integer 9007199254740992 outside"),
        ({"name": " SH"}, "'name' must be 1 to 200"),
        ({"name": ""}, "'name' must be 1 to 200"),
        ({"name": "SH\n"}, "'name' must be 1 to 200"),
        ({"issued_at": "2026-01-31 12:00:00"}, "'issued_at' must be an RFC 3339"),
        ({"members": {}}, "'members' must be a list"),
        ({"signer": {"kid": "rk-0", "public_key": "x"}}, "'signer.public_key' is invalid"),
        ({"extra": 1}, "unknown field 'extra'"),
        ({"signature": "AAAA"}, "'signature' must be a 64-byte"),
    ],
)
def test_bad_fields_are_named(
    signed: bytes, key: Ed25519PrivateKey, public: bytes, change: dict[str, Any], message: str
) -> None:
    obj = json.loads(signed) | change
    unsigned = "signature" in change or change.get("version") == 2**53
    text = json.dumps(obj).encode() if unsigned else resigned(obj, key)
    with pytest.raises(RosterError, match=message):
        parse_roster(text, public, now=NOW)


def test_forged_kid_and_missing_fields(
    signed: bytes, key: Ed25519PrivateKey, public: bytes
) -> None:
    obj = json.loads(signed)
    obj["signer"]["kid"] = "rk-0000000000000000"
    with pytest.raises(RosterError, match=r"'signer\.kid' must be rk-"):
        parse_roster(resigned(obj, key), public, now=NOW)
    for field in ("name", "members", "signer", "signature", "v"):
        obj = json.loads(signed)
        del obj[field]
        with pytest.raises(RosterError, match=f"'{field}' is missing"):
            parse_roster(canonical_json(obj), public, now=NOW)


@pytest.mark.parametrize(
    "text",
    [b"", b"[]", b"{", b'{"v": 1.0}', b"\xff", b'{"v":1,"v":1}', b"null", b"{}"],
)
def test_malformed_json_is_refused(text: bytes, public: bytes) -> None:
    with pytest.raises(RosterError):
        parse_roster(text, public, now=NOW)
    with pytest.raises(RosterError):
        read_roster_header(text)


def test_empty_roster_revokes_everyone(key: Ed25519PrivateKey, public: bytes) -> None:
    empty = build_roster([], NAME, 9, key, timedelta(days=1), now=NOW)
    assert parse_roster(empty.to_bytes(), public, now=NOW).members == ()


# -- every single-byte mutation is rejected ----------------------------------------


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_single_byte_mutation_is_rejected(
    signed: bytes, public: bytes, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(signed) - 1))
    value = data.draw(st.integers(0, 255).filter(lambda b: b != signed[index]))
    mutated = signed[:index] + bytes([value]) + signed[index + 1 :]
    with pytest.raises(RosterError):
        parse_roster(mutated, public, now=NOW)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_single_byte_mutations_of_the_signed_region_near_values(
    signed: bytes, public: bytes, data: st.DataObject
) -> None:
    """Mutations that keep the JSON valid more often: a character swapped for a similar one."""
    text = signed.decode()
    positions = [i for i, c in enumerate(text) if c.isalnum()]
    index = data.draw(st.sampled_from(positions))
    replacement = data.draw(st.sampled_from("0123456789abcdefABCDEF-_xyzXYZ"))
    if replacement == text[index]:
        return
    mutated = text[:index] + replacement + text[index + 1 :]
    with pytest.raises(RosterError):
        parse_roster(mutated, public, now=NOW)


def test_key_text_never_reads_as_a_command_line_option() -> None:
    """Base64url may start with "-"; the prefix keeps the shell argument a key."""
    for _ in range(64):
        public = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
        text = public_key_text(public)
        assert text.startswith("ed25519:")
        assert parse_public_key(text) == parse_public_key(text.removeprefix("ed25519:")) == public
