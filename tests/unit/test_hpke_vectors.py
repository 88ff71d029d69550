"""RFC 9180 / X-Wing test vectors against our HPKE layer (``talentverbund.crypto.hpke``).

Vectors: ``../shared/data/vectors/hpke/test-vectors.json`` (CFRG RFC 9180 vectors) and
``hpke-pq-test-vectors.json`` (draft-ietf-hpke-pq, incl. X-Wing). Skipped, with the reason,
if that directory is absent. Suites under test: base mode (0), DHKEM(X25519, HKDF-SHA256)
0x0020, HKDF-SHA256 0x0001, AES-128-GCM 0x0001 and ChaCha20Poly1305 0x0003; and X-Wing
0x647a with HKDF-SHA256 and ChaCha20Poly1305 (the only X-Wing vector with our KDF).

What is checked
---------------
1. With cryptography's public API (what production uses): the vectors' raw keys decode
   and give the listed public keys (skRm -> pkRm, skEm -> pkEm == enc), i.e. the KEM key
   encoding we rely on. For X-Wing: our seed expansion (SHAKE256 -> ML-KEM-768 seed ||
   X25519 key) gives the vector's 1216-byte pkRm.
2. With cryptography's private ``_decrypt_with_aad`` (skipped if a release drops it):
   the first encryption (sequence 0) of every selected vector decrypts to its plaintext,
   for X25519 (both AEADs) and X-Wing. This is the same Rust code path as the public
   ``Suite.decrypt``, with the vector's non-empty AAD passed through.
3. With pyhpke (an independent HPKE implementation in Python; it shares only the X25519 /
   AEAD primitives with cryptography): the full vectors: DeriveKeyPair(ikmR/ikmE) gives
   skRm/pkRm/skEm, Encap with the vector's ephemeral key gives enc, all 257 encryptions
   (every sequence number, every AAD) seal to the listed ciphertexts and open again, and
   the exports match, which pins key, base_nonce and exporter_secret.
4. Cross-checks between pyhpke and our layer, with empty AAD (our only mode):
   deterministic: pyhpke seals with the vector's ephemeral key, recipient key and info,
   our ``hpke_open`` opens it; randomized: our ``hpke_seal`` -> pyhpke opens; and a whole
   envelope's ciphertext opens in pyhpke with info = prefix || header_bytes, confirming
   the documented info construction.

What cannot be checked, and why
-------------------------------
- No vector ciphertext can be decrypted through the *public* API: every encryption in
  the vectors has a non-empty AAD and ``Suite.decrypt`` takes none (asserted below, so a
  future vector file with an empty-AAD entry makes this test tell us).
- Encryption cannot be reproduced with cryptography: it draws the ephemeral key itself
  (no injection), so its ciphertexts are checked only by opening them elsewhere (4.).
- Sequence numbers > 0, the exporter interface, PSK/Auth modes and the intermediate key
  schedule values (shared_secret, key, base_nonce) are not exposed by cryptography's
  single-shot base-mode API; pyhpke checks them (3.), but our code never uses them.
- X-Wing is not in pyhpke 0.6.5, so for X-Wing only 1. and 2. apply (sequence 0 of one
  vector, and key expansion); there is no X-Wing + AES-128-GCM vector at all.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from talentverbund.crypto import hpke
from talentverbund.crypto.envelope import HPKE_INFO_PREFIX, EnvelopeHeader, seal_envelope
from talentverbund.crypto.identity import derive_node_id

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO.parent / "shared" / "data" / "vectors" / "hpke"
RFC9180_FILE = VECTORS / "test-vectors.json"
PQ_FILE = VECTORS / "hpke-pq-test-vectors.json"

pytestmark = pytest.mark.skipif(
    not RFC9180_FILE.is_file(),
    reason=f"HPKE test vectors not found at {VECTORS} (shared/data/vectors is not checked out)",
)

AEAD_SUITES = {0x0001: hpke.SUITE_X25519_AES128GCM, 0x0003: hpke.SUITE_X25519_CHACHA20POLY1305}
XWING_KEM_ID = 0x647A

Vector = dict[str, Any]


@cache
def _load(path: Path) -> list[Vector]:
    data = json.loads(path.read_text())
    assert isinstance(data, list)
    return data


def x25519_vectors() -> list[Vector]:
    if not RFC9180_FILE.is_file():
        return []
    chosen = [
        v
        for v in _load(RFC9180_FILE)
        if v["mode"] == 0 and v["kem_id"] == 0x0020 and v["kdf_id"] == 0x0001
        if v["aead_id"] in AEAD_SUITES
    ]
    assert len(chosen) == 2, "expected one vector per AEAD"
    return chosen


def xwing_vectors() -> list[Vector]:
    if not PQ_FILE.is_file():
        return []
    return [
        v
        for v in _load(PQ_FILE)
        if v["mode"] == 0 and v["kem_id"] == XWING_KEM_ID and v["kdf_id"] == 0x0001
    ]


def _id(v: Vector) -> str:
    return f"kem{v['kem_id']:#06x}-kdf{v['kdf_id']:#06x}-aead{v['aead_id']:#06x}"


def b(hex_text: str) -> bytes:
    return bytes.fromhex(hex_text)


def suite_for(v: Vector) -> hpke.HpkeSuite:
    if v["kem_id"] == XWING_KEM_ID:
        name = {0x0001: hpke.SUITE_XWING_AES128GCM, 0x0003: hpke.SUITE_XWING_CHACHA20POLY1305}
        return hpke.hpke_suite(name[v["aead_id"]])
    return hpke.hpke_suite(AEAD_SUITES[v["aead_id"]])


def private_key_for(v: Vector) -> hpke.HpkePrivateKey:
    if v["kem_id"] == XWING_KEM_ID:
        return hpke.xwing_private_key(b(v["skRm"]))
    return X25519PrivateKey.from_private_bytes(b(v["skRm"]))


# -- 1. public API: key encodings ---------------------------------------------------------


@pytest.mark.parametrize("v", x25519_vectors(), ids=_id)
def test_x25519_vector_keys_decode_to_listed_public_keys(v: Vector) -> None:
    recipient = X25519PrivateKey.from_private_bytes(b(v["skRm"]))
    assert recipient.public_key().public_bytes_raw() == b(v["pkRm"])
    ephemeral = X25519PrivateKey.from_private_bytes(b(v["skEm"]))
    assert ephemeral.public_key().public_bytes_raw() == b(v["pkEm"]) == b(v["enc"])
    assert len(b(v["enc"])) == suite_for(v).enc_size


@pytest.mark.parametrize("v", xwing_vectors(), ids=_id)
def test_xwing_seed_expands_to_listed_public_key(v: Vector) -> None:
    if not hpke.HPKE_SUITES[hpke.SUITE_XWING_AES128GCM].available:
        pytest.skip("this cryptography build has no ML-KEM")
    assert hpke.xwing_public_bytes(b(v["skRm"])) == b(v["pkRm"])
    assert len(b(v["enc"])) == hpke.XWING_ENC_SIZE
    hpke.xwing_public_key(b(v["pkRm"]))  # the public encoding parses


def test_no_vector_encryption_has_empty_aad() -> None:
    """Why the public single-shot API cannot decrypt any vector ciphertext directly."""
    vectors = x25519_vectors() + xwing_vectors()
    assert vectors
    assert all(e["aad"] for v in vectors for e in v["encryptions"])


@pytest.mark.parametrize("v", x25519_vectors() + xwing_vectors(), ids=_id)
def test_public_api_refuses_vector_ciphertext_without_its_aad(v: Vector) -> None:
    suite = suite_for(v)
    first = v["encryptions"][0]
    with pytest.raises(InvalidTag):
        suite._primitive().decrypt(
            b(v["enc"]) + b(first["ct"]), private_key_for(v), info=b(v["info"])
        )


# -- 2. cryptography's private AAD entry point: sequence 0 of each vector ---------------


def _decrypt_with_aad() -> Any:
    from cryptography.hazmat.bindings._rust import openssl as rust_openssl

    function = getattr(rust_openssl.hpke, "_decrypt_with_aad", None)
    if function is None:
        pytest.skip("this cryptography release has no private _decrypt_with_aad")
    return function


@pytest.mark.parametrize("v", x25519_vectors() + xwing_vectors(), ids=_id)
def test_cryptography_decrypts_first_vector_encryption(v: Vector) -> None:
    suite = suite_for(v)
    first = v["encryptions"][0]
    assert first["nonce"] == v["base_nonce"]  # sequence 0: what single-shot uses
    plaintext = _decrypt_with_aad()(
        suite._primitive(),
        b(v["enc"]) + b(first["ct"]),
        private_key_for(v),
        info=b(v["info"]),
        aad=b(first["aad"]),
    )
    assert plaintext == b(first["pt"])


# -- 3. pyhpke: the full vectors -------------------------------------------------------


def _pyhpke_suite(v: Vector) -> Any:
    pyhpke = pytest.importorskip("pyhpke")
    aead = {0x0001: pyhpke.AEADId.AES128_GCM, 0x0003: pyhpke.AEADId.CHACHA20_POLY1305}
    return pyhpke.CipherSuite.new(
        pyhpke.KEMId.DHKEM_X25519_HKDF_SHA256, pyhpke.KDFId.HKDF_SHA256, aead[v["aead_id"]]
    )


def _pyhpke_keys(v: Vector) -> tuple[Any, Any, Any]:
    """(recipient private, recipient public, ephemeral key pair) as pyhpke keys."""
    pytest.importorskip("pyhpke")
    from pyhpke.kem_key import KEMKeyPair
    from pyhpke.keys.x25519_key import X25519Key

    ephemeral = KEMKeyPair(
        X25519Key.from_private_bytes(b(v["skEm"])), X25519Key.from_public_bytes(b(v["pkEm"]))
    )
    return (
        X25519Key.from_private_bytes(b(v["skRm"])),
        X25519Key.from_public_bytes(b(v["pkRm"])),
        ephemeral,
    )


@pytest.mark.parametrize("v", x25519_vectors(), ids=_id)
def test_pyhpke_reproduces_full_vector(v: Vector) -> None:
    suite = _pyhpke_suite(v)
    derived_r = suite.kem.derive_key_pair(b(v["ikmR"]))
    derived_e = suite.kem.derive_key_pair(b(v["ikmE"]))
    assert derived_r.private_key.to_private_bytes() == b(v["skRm"])
    assert derived_r.public_key.to_public_bytes() == b(v["pkRm"])
    assert derived_e.private_key.to_private_bytes() == b(v["skEm"])

    sk_r, pk_r, ephemeral = _pyhpke_keys(v)
    enc, sender = suite.create_sender_context(pk_r, info=b(v["info"]), eks=ephemeral)
    assert enc == b(v["enc"])
    recipient = suite.create_recipient_context(enc, sk_r, info=b(v["info"]))
    assert len(v["encryptions"]) == 257
    for entry in v["encryptions"]:
        assert sender.seal(b(entry["pt"]), aad=b(entry["aad"])) == b(entry["ct"])
        assert recipient.open(b(entry["ct"]), aad=b(entry["aad"])) == b(entry["pt"])
    for export in v["exports"]:
        value = recipient.export(b(export["exporter_context"]), export["L"])
        assert value == b(export["exported_value"])


# -- 4. cross-checks between pyhpke and our layer (empty AAD) --------------------------


@pytest.mark.parametrize("v", x25519_vectors(), ids=_id)
def test_vector_keys_pyhpke_seal_opens_in_our_layer(v: Vector) -> None:
    """Deterministic: the vector's ephemeral key, recipient key and info, empty AAD."""
    suite = _pyhpke_suite(v)
    _, pk_r, ephemeral = _pyhpke_keys(v)
    enc, sender = suite.create_sender_context(pk_r, info=b(v["info"]), eks=ephemeral)
    plaintext = b(v["encryptions"][0]["pt"])
    ciphertext = sender.seal(plaintext, aad=b"")
    assert enc == b(v["enc"])
    opened = hpke.hpke_open(suite_for(v), private_key_for(v), enc, ciphertext, b(v["info"]))
    assert opened == plaintext


@pytest.mark.parametrize("v", x25519_vectors(), ids=_id)
@pytest.mark.parametrize("plaintext", [b"", b"x", bytes(range(256)) * 9])
def test_our_seal_opens_in_pyhpke(v: Vector, plaintext: bytes) -> None:
    suite = _pyhpke_suite(v)
    sk_r, _, _ = _pyhpke_keys(v)
    public = X25519PrivateKey.from_private_bytes(b(v["skRm"])).public_key()
    info = b"talentverbund cross-check"
    enc, ciphertext = hpke.hpke_seal(suite_for(v), public, plaintext, info)
    recipient = suite.create_recipient_context(enc, sk_r, info=info)
    assert recipient.open(ciphertext, aad=b"") == plaintext


@pytest.mark.parametrize("aead_id", sorted(AEAD_SUITES))
def test_envelope_ciphertext_opens_in_pyhpke_with_documented_info(aead_id: int) -> None:
    pyhpke = pytest.importorskip("pyhpke")
    from pyhpke.keys.x25519_key import X25519Key

    recipient = X25519PrivateKey.generate()
    signer = Ed25519PrivateKey.generate()
    header = EnvelopeHeader.create(
        sender=derive_node_id(signer.public_key().public_bytes_raw()),
        recipient=derive_node_id(b"recipient" * 4),
        message_type="search.query",
        timestamp_ms=1_769_860_800_000,
        recipient_kid="enc-1",
        sender_kid="sig-1",
        suite=AEAD_SUITES[aead_id],
    )
    envelope = seal_envelope(
        header=header,
        payload=b"payload",
        recipient_public=recipient.public_key(),
        sender_signing_key=signer,
    )
    suite = _pyhpke_suite({"aead_id": aead_id})
    context = suite.create_recipient_context(
        envelope.enc,
        X25519Key.from_private_bytes(recipient.private_bytes_raw()),
        info=HPKE_INFO_PREFIX + header.to_bytes(),
    )
    assert context.open(envelope.ciphertext, aad=b"") == b"payload"
    with pytest.raises(pyhpke.OpenError):
        suite.create_recipient_context(
            envelope.enc,
            X25519Key.from_private_bytes(recipient.private_bytes_raw()),
            info=header.to_bytes(),  # without the domain prefix
        ).open(envelope.ciphertext, aad=b"")
