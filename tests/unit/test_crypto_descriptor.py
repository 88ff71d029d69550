"""Node descriptor v1: signing, strict parsing, tamper rejection, rotation, fingerprints."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from hypothesis import given
from hypothesis import strategies as st

from talentverbund.crypto._encoding import b64url_decode, b64url_encode
from talentverbund.crypto.canonical import JSONValue, canonical_json
from talentverbund.crypto.descriptor import (
    SIGNATURE_DOMAIN,
    DescriptorSignature,
    NodeDescriptor,
    build_descriptor,
    parse_descriptor,
)
from talentverbund.crypto.errors import DescriptorError
from talentverbund.crypto.identity import NodeIdentity, derive_node_id, tls_fingerprint

NOW = datetime(2026, 1, 31, 12, 0, 0, tzinfo=UTC)
NOT_AFTER_TEXT = "2026-07-30T12:00:00Z"
FIELDS = {
    "descriptor_version",
    "node_id",
    "name",
    "region",
    "endpoint",
    "signing_key",
    "next_signing_key_commitment",
    "encryption_keys",
    "tls_cert_sha256",
    "protocol_versions",
    "model_id",
    "issued_at",
    "sequence",
    "signature",
}


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> NodeIdentity:
    return NodeIdentity.create(tmp_path_factory.mktemp("node") / "keys", now=NOW)


@pytest.fixture(scope="module")
def descriptor(identity: NodeIdentity) -> NodeDescriptor:
    return build_descriptor(
        identity, "Stadt Kiel", "01002", "kiel.example.de:7443", NOW, 3, model_id="sha256:abc"
    )


@pytest.fixture(scope="module")
def signed(descriptor: NodeDescriptor) -> dict[str, JSONValue]:
    return descriptor.to_json()


def resign(identity: NodeIdentity, descriptor: NodeDescriptor) -> NodeDescriptor:
    value = identity.sign(descriptor.signed_bytes())
    return replace(descriptor, signature=DescriptorSignature(descriptor.signature.kid, value))


def test_build_and_verify(descriptor: NodeDescriptor, identity: NodeIdentity) -> None:
    descriptor.verify()
    descriptor.verify_node_id_binding()
    assert descriptor.node_id == identity.node_id
    assert descriptor.tls_cert_sha256 == identity.tls_fingerprint
    assert descriptor.sequence == 3
    assert descriptor.protocol_versions == (1,)


def test_wire_format(signed: dict[str, Any], identity: NodeIdentity) -> None:
    assert set(signed) == FIELDS
    assert signed["descriptor_version"] == 1
    assert signed["signing_key"]["kid"] == "sig-1"
    assert signed["signing_key"]["alg"] == "Ed25519"
    assert b64url_decode(signed["signing_key"]["public"]) == identity.signing_public_key
    assert signed["next_signing_key_commitment"] == {
        "kid": "sig-2",
        "alg": "sha256",
        "digest": identity.next_signing_key_commitment,
    }
    (enc,) = signed["encryption_keys"]
    assert enc["kid"] == "enc-1" and enc["kem"] == "X25519"
    assert enc["not_after"] == "2026-07-30T12:00:00Z"
    assert signed["issued_at"] == "2026-01-31T12:00:00Z"
    assert signed["model_id"] == "sha256:abc"
    assert signed["signature"]["kid"] == "sig-1"
    assert "=" not in signed["signature"]["value"]


def test_signature_is_over_domain_separated_canonical_body(signed: dict[str, Any]) -> None:
    """Independent check of what is signed, using only the spec and pyca/cryptography."""
    body = {k: v for k, v in signed.items() if k != "signature"}
    public = Ed25519PublicKey.from_public_bytes(b64url_decode(signed["signing_key"]["public"]))
    public.verify(
        b64url_decode(signed["signature"]["value"]),
        b"talentverbund/descriptor/v1\n" + canonical_json(body),
    )
    assert SIGNATURE_DOMAIN == b"talentverbund/descriptor/v1\n"


def test_round_trip(descriptor: NodeDescriptor, signed: dict[str, JSONValue]) -> None:
    parsed = NodeDescriptor.from_json(copy.deepcopy(signed))
    assert parsed == descriptor
    assert parsed.to_json() == signed
    assert parse_descriptor(descriptor.to_bytes()) == descriptor
    assert parse_descriptor(descriptor.to_bytes().decode()) == descriptor


def test_unsupported_version(signed: dict[str, Any]) -> None:
    obj = copy.deepcopy(signed) | {"descriptor_version": 7, "new_v7_field": 1}
    with pytest.raises(DescriptorError) as info:
        NodeDescriptor.from_json(obj)
    assert str(info.value) == "descriptor version 7 unsupported (this node speaks 1)"


def test_tampered_signature_message(signed: dict[str, Any]) -> None:
    obj = copy.deepcopy(signed) | {"name": "Stadt Flensburg"}
    with pytest.raises(DescriptorError) as info:
        NodeDescriptor.from_json(obj).verify()
    assert str(info.value) == "descriptor signature does not verify"


def test_endpoint_message(signed: dict[str, Any]) -> None:
    obj = copy.deepcopy(signed) | {"endpoint": "kiel.example.de"}
    with pytest.raises(DescriptorError) as info:
        NodeDescriptor.from_json(obj)
    assert str(info.value) == "descriptor field 'endpoint' must be host:port"


def _set(obj: dict[str, Any], path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    result = copy.deepcopy(obj)
    target: Any = result
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return result


def _delete(obj: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    result = copy.deepcopy(obj)
    target: Any = result
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return result


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("node_id",), "tv1UPPER", "node_id"),
        (("name",), "", "name"),
        (("name",), " padded", "name"),
        (("name",), "line\nbreak", "name"),
        (("name",), 5, "name"),
        (("region",), "DE-XX", "region"),
        (("endpoint",), "host:0", "endpoint"),
        (("endpoint",), "host:65536", "endpoint"),
        (("endpoint",), "-bad:7443", "endpoint"),
        (("signing_key",), "key", "signing_key"),
        (("signing_key", "kid"), "sig-0", "signing_key.kid"),
        (("signing_key", "alg"), "RSA", "signing_key.alg"),
        (("signing_key", "public"), "AAAA", "signing_key.public"),
        (("signing_key", "public"), "a+b/", "signing_key.public"),
        (("signing_key", "public"), "AAAA=", "signing_key.public"),
        (("next_signing_key_commitment", "kid"), "sig-3", "next_signing_key_commitment.kid"),
        (("next_signing_key_commitment", "alg"), "md5", "next_signing_key_commitment.alg"),
        (
            ("next_signing_key_commitment", "digest"),
            "AB" * 32,
            "next_signing_key_commitment.digest",
        ),
        (("encryption_keys",), [], "encryption_keys"),
        (("encryption_keys",), {}, "encryption_keys"),
        (("encryption_keys", 0), "x", "encryption_keys[0]"),
        (("encryption_keys", 0, "kid"), "enc-a", "encryption_keys[0].kid"),
        (("encryption_keys", 0, "kem"), "RSA", "encryption_keys[0].kem"),
        (("encryption_keys", 0, "kem"), "X-Wing", "encryption_keys[0].public"),
        (("encryption_keys", 0, "not_after"), "2026-07-30", "encryption_keys[0].not_after"),
        (
            ("encryption_keys", 0, "not_after"),
            "2026-07-30T12:00:00+00:00",
            "encryption_keys[0].not_after",
        ),
        (("tls_cert_sha256",), "sha1:abcd", "tls_cert_sha256"),
        (("protocol_versions",), [], "protocol_versions"),
        (("protocol_versions",), [2, 1], "protocol_versions"),
        (("protocol_versions",), [0], "protocol_versions"),
        (("protocol_versions",), [1.5], "protocol_versions[0]"),
        (("protocol_versions",), [True], "protocol_versions[0]"),
        (("model_id",), 3, "model_id"),
        (("model_id",), "has space", "model_id"),
        (("issued_at",), "yesterday", "issued_at"),
        (("sequence",), "4", "sequence"),
        (("sequence",), True, "sequence"),
        (("sequence",), -1, "sequence"),
        (("sequence",), 2**53, "sequence"),
        (("signature", "kid"), "sig-2", "signature.kid"),
        (("signature", "alg"), "Ed448", "signature.alg"),
        (("signature", "value"), "AAAA", "signature.value"),
    ],
)
def test_errors_name_the_field(
    signed: dict[str, Any], path: tuple[str | int, ...], value: object, field: str
) -> None:
    with pytest.raises(DescriptorError, match=f"^descriptor field '{re.escape(field)}' "):
        NodeDescriptor.from_json(_set(signed, path, value))


@pytest.mark.parametrize(
    "path",
    [("name",), ("signature",), ("signing_key", "public"), ("encryption_keys", 0, "kem")],
)
def test_missing_field_is_named(signed: dict[str, Any], path: tuple[str | int, ...]) -> None:
    name = ".".join(str(p) for p in path).replace(".0.", "[0].")
    with pytest.raises(DescriptorError, match=re.escape(f"descriptor field '{name}' is missing")):
        NodeDescriptor.from_json(_delete(signed, path))


@pytest.mark.parametrize(
    ("path", "name"),
    [(("extra",), "extra"), (("signing_key", "extra"), "signing_key.extra")],
)
def test_unknown_field_is_rejected(
    signed: dict[str, Any], path: tuple[str | int, ...], name: str
) -> None:
    with pytest.raises(DescriptorError, match=re.escape(f"unknown field '{name}'")):
        NodeDescriptor.from_json(_set(signed, path, 1))


def test_not_an_object() -> None:
    with pytest.raises(DescriptorError, match="must be a JSON object"):
        NodeDescriptor.from_json([1])
    with pytest.raises(DescriptorError, match="not valid JSON"):
        parse_descriptor(b'{"a": 1, "a": 2}')


def test_bool_version_is_rejected(signed: dict[str, Any]) -> None:
    with pytest.raises(DescriptorError, match="version True unsupported"):
        NodeDescriptor.from_json(_set(signed, ("descriptor_version",), True))


def test_accepts_xwing_slot(signed: dict[str, Any], identity: NodeIdentity) -> None:
    # 1216 zero bytes (an X-Wing public key's size) in unpadded base64url
    xwing = {"kid": "enc-2", "kem": "X-Wing", "public": "A" * 1622, "not_after": NOT_AFTER_TEXT}
    obj = _set(signed, ("encryption_keys",), [*signed["encryption_keys"], xwing])
    parsed = resign(identity, NodeDescriptor.from_json(obj))
    parsed.verify()
    assert parsed.encryption_keys[1].kem == "X-Wing"
    assert len(parsed.encryption_keys[1].public) == 1216


# -- every single-field mutation is rejected ----------------------------------------


def _paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    paths = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            paths += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            paths += _paths(child, (*prefix, index))
    return paths


def _get(obj: Any, path: tuple[str | int, ...]) -> Any:
    for step in path:
        obj = obj[step]
    return obj


_scalars = st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(max_size=10)
_json = st.recursive(
    _scalars,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
    max_leaves=6,
)


@st.composite
def _near(draw: st.DrawFn, original: Any) -> Any:
    """A value close to ``original`` that often still parses, so the signature must catch it."""
    if isinstance(original, bool) or original is None:
        return draw(_json)
    if isinstance(original, int):
        return original + draw(st.sampled_from([-1, 1, 1000]))
    if isinstance(original, str) and original:
        index = draw(st.integers(0, len(original) - 1))
        pool = sorted(set(original) | set("AZaz09-_"))
        return original[:index] + draw(st.sampled_from(pool)) + original[index + 1 :]
    return draw(_json)


@given(data=st.data())
def test_every_single_field_mutation_is_rejected(
    signed: dict[str, Any], data: st.DataObject
) -> None:
    path = data.draw(st.sampled_from(_paths(signed)))
    original = _get(signed, path)
    value = data.draw(_near(original) | _json)
    if value == original and type(value) is type(original):
        return
    mutated = _set(signed, path, value)
    with pytest.raises(DescriptorError):
        NodeDescriptor.from_json(mutated).verify()


@given(data=st.data())
def test_every_single_field_deletion_or_addition_is_rejected(
    signed: dict[str, Any], data: st.DataObject
) -> None:
    dict_paths = [p for p in _paths(signed) if isinstance(p[-1], str)]
    path = data.draw(st.sampled_from(dict_paths))
    if data.draw(st.booleans()):
        mutated = _delete(signed, path)
    else:
        extra = data.draw(st.text(min_size=1, max_size=8).filter(lambda k: k not in FIELDS))
        parent = _get(signed, path[:-1])
        if extra in parent:
            return
        mutated = _set(signed, (*path[:-1], extra), data.draw(_json))
    with pytest.raises(DescriptorError):
        NodeDescriptor.from_json(mutated).verify()


# -- node id binding, updates, rotation ---------------------------------------------


def test_node_id_binding_rejects_foreign_node_id(
    descriptor: NodeDescriptor, identity: NodeIdentity
) -> None:
    forged = resign(identity, replace(descriptor, node_id=derive_node_id(bytes(32))))
    forged.verify()
    with pytest.raises(DescriptorError, match="does not derive"):
        forged.verify_node_id_binding()


def test_update_after_rotation(tmp_path: Path) -> None:
    ident = NodeIdentity.create(tmp_path / "keys", now=NOW)
    first = build_descriptor(ident, "Stadt Kiel", "01002", "kiel.example.de:7443", NOW, 1)
    rotated = ident.rotate_signing_key()
    second = build_descriptor(rotated, "Stadt Kiel", "01002", "kiel.example.de:7443", NOW, 2)
    second.verify_update(first)
    assert second.node_id == first.node_id
    assert second.fingerprint_text() != first.fingerprint_text()
    with pytest.raises(DescriptorError, match="rotated key sig-2"):
        second.verify_node_id_binding()
    with pytest.raises(DescriptorError, match="not newer"):
        first.verify_update(second)
    third = build_descriptor(rotated.rotate_signing_key(), "Stadt Kiel", "01002", "k:1", NOW, 3)
    with pytest.raises(DescriptorError, match="not the committed next key sig-2"):
        third.verify_update(first)
    third.verify_update(second)


def test_thief_of_current_key_cannot_rotate(tmp_path: Path) -> None:
    """An attacker holding sig-1 (but not sig-2) cannot publish a sig-2 of their own."""
    victim = NodeIdentity.create(tmp_path / "victim", now=NOW)
    thief = NodeIdentity.create(tmp_path / "thief", now=NOW).rotate_signing_key()
    stored = build_descriptor(victim, "Stadt Kiel", "01002", "kiel.example.de:7443", NOW, 1)
    forged = build_descriptor(thief, "Stadt Kiel", "01002", "evil.example:7443", NOW, 2)
    forged = resign(thief, replace(forged, node_id=victim.node_id))
    forged.verify()  # self-consistent ...
    with pytest.raises(DescriptorError, match="does not match the commitment"):
        forged.verify_update(stored)  # ... but not the committed successor


def test_update_checks(descriptor: NodeDescriptor, identity: NodeIdentity, tmp_path: Path) -> None:
    newer = build_descriptor(identity, "Stadt Kiel", "01002", "new.example:1", NOW, 4)
    newer.verify_update(descriptor)
    with pytest.raises(DescriptorError, match="not newer"):
        descriptor.verify_update(descriptor)
    other = NodeIdentity.create(tmp_path / "other", now=NOW)
    foreign = build_descriptor(other, "Stadt Kiel", "01002", "kiel.example.de:7443", NOW, 9)
    with pytest.raises(DescriptorError, match="does not match stored"):
        foreign.verify_update(descriptor)
    swapped = resign(other, replace(foreign, node_id=descriptor.node_id))
    with pytest.raises(DescriptorError, match="differs from the stored sig-1"):
        swapped.verify_update(descriptor)
    tampered = replace(newer, endpoint="evil.example:1")
    with pytest.raises(DescriptorError, match="signature does not verify"):
        tampered.verify_update(descriptor)


def test_fingerprint_text(descriptor: NodeDescriptor, signed: dict[str, JSONValue]) -> None:
    text = descriptor.fingerprint_text()
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", text)
    assert NodeDescriptor.from_json(signed).fingerprint_text() == text


def test_current_encryption_key(tmp_path: Path) -> None:
    ident = NodeIdentity.create(tmp_path / "keys", now=NOW)
    later = NOW + timedelta(days=100)
    ident = ident.rotate_encryption_key(now=later)
    desc = build_descriptor(ident, "Stadt Kiel", "01002", "kiel.example.de:7443", later, 1)
    assert [k.kid for k in desc.encryption_keys] == ["enc-1", "enc-2"]
    assert desc.current_encryption_key(later).kid == "enc-2"
    assert desc.encryption_key("enc-1").kid == "enc-1"
    with pytest.raises(DescriptorError, match="no X25519 key valid"):
        desc.current_encryption_key(later + timedelta(days=365))
    with pytest.raises(DescriptorError, match="no encryption key 'enc-7'"):
        desc.encryption_key("enc-7")
    late = build_descriptor(ident, "Stadt Kiel", "01002", "k:1", NOW + timedelta(days=200), 2)
    assert [k.kid for k in late.encryption_keys] == ["enc-2"]  # expired keys are not published
    with pytest.raises(DescriptorError, match="rotate the encryption key"):
        build_descriptor(ident, "Stadt Kiel", "01002", "k:1", NOW + timedelta(days=400), 3)


def test_build_rejects_bad_input(identity: NodeIdentity) -> None:
    with pytest.raises(DescriptorError, match="'endpoint' must be host:port"):
        build_descriptor(identity, "Stadt Kiel", "01002", "no-port", NOW, 1)
    with pytest.raises(DescriptorError, match="'region'"):
        build_descriptor(identity, "Stadt Kiel", "Kiel", "kiel:1", NOW, 1)
    with pytest.raises(ValueError, match="timezone-aware"):
        build_descriptor(identity, "Stadt Kiel", "01002", "kiel:1", datetime(2026, 1, 1), 1)


def test_staged_tls_certificate_is_published_and_signed(tmp_path: Path) -> None:
    """While a renewal is staged the descriptor carries the next certificate (signed);
    without one the field is absent, so older descriptors keep their signatures."""
    node = NodeIdentity.create(tmp_path / "keys", now=NOW)
    plain = build_descriptor(node, "Stadt Kiel", "01002", "kiel.example.de:7443", NOW, 1)
    assert "tls_next_cert" not in plain.to_json() and plain.tls_next_cert is None
    staged = node.stage_tls_certificate(now=NOW)
    built = build_descriptor(staged, "Stadt Kiel", "01002", "kiel.example.de:7443", NOW, 2)
    wire = built.to_json()
    assert isinstance(wire["tls_next_cert"], str)
    parsed = parse_descriptor(canonical_json(wire))
    assert parsed.tls_next_cert == built.tls_next_cert
    assert tls_fingerprint(parsed.tls_next_cert or b"") == tls_fingerprint(
        staged.tls_next_cert_pem or b""
    )
    parsed.verify_update(plain)

    dropped = dict(wire)
    del dropped["tls_next_cert"]  # a relay or attacker removing the next pin
    with pytest.raises(DescriptorError, match="signature"):
        parse_descriptor(canonical_json(dropped))
    swapped = dict(wire, tls_next_cert=b64url_encode(b"\x30\x03\x02\x01\x01"))
    with pytest.raises(DescriptorError, match=r"tls_next_cert.*DER X\.509"):
        NodeDescriptor.from_json(swapped)
    current_der = b64url_decode(str(wire["tls_next_cert"]))
    with pytest.raises(DescriptorError, match="must differ"):
        replace(built, tls_cert_sha256=tls_fingerprint(current_der))
