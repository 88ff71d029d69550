"""Encryption at rest: published AES-GCM vectors, round trips, tamper and misuse rejection."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given
from hypothesis import strategies as st

from talentverbund.crypto import atrest
from talentverbund.crypto.errors import KeyFileError, KeyPermissionError, RecordDecryptionError

# AES-256-GCM test cases 13, 14 and 16 from McGrew & Viega, "The Galois/Counter Mode of
# Operation (GCM)", Appendix B (the GCM specification submitted to NIST):
# https://csrc.nist.gov/groups/ST/toolkit/BCM/documents/proposedmodes/gcm/gcm-spec.pdf
# (key, iv, plaintext, aad, ciphertext, tag), all hex.
GCM_VECTORS = [
    pytest.param("00" * 32, "00" * 12, "", "", "", "530f8afbc74536b9a963b4f1c4cb738b", id="TC13"),
    pytest.param(
        "00" * 32,
        "00" * 12,
        "00" * 16,
        "",
        "cea7403d4d606b6e074ec5d3baf39d18",
        "d0d1c8a799996bf0265b98b5d48ab919",
        id="TC14",
    ),
    pytest.param(
        "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
        "cafebabefacedbaddecaf888",
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
        "feedfacedeadbeeffeedfacedeadbeefabaddad2",
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
        "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
        "76fc6ece0f4e1768cddf8853bb2d551b",
        id="TC16",
    ),
]

keys = st.binary(min_size=32, max_size=32)
KEY = bytes(range(32))
KEK = bytes(range(32, 64))


@pytest.mark.parametrize(("key", "iv", "plaintext", "aad", "ciphertext", "tag"), GCM_VECTORS)
def test_seal_matches_published_gcm_vectors(
    key: str, iv: str, plaintext: str, aad: str, ciphertext: str, tag: str
) -> None:
    k, n, p, a = (bytes.fromhex(x) for x in (key, iv, plaintext, aad))
    blob = atrest.seal(k, p, a, nonce=n)
    assert blob == b"\x01" + n + bytes.fromhex(ciphertext + tag)
    assert atrest.open_sealed(k, blob, a) == p


def test_wrapped_key_format_independent_check() -> None:
    """The wrap format rebuilt from its documented definition with the raw primitive."""
    nonce = bytes(12)
    blob = atrest.wrap_key(KEK, KEY, b"cand-1", nonce=nonce)
    aad = b"talentverbund/key-wrap/v1\n" + b"cand-1"
    assert blob == b"\x02" + nonce + AESGCM(KEK).encrypt(nonce, KEY, aad)


@given(key=keys, plaintext=st.binary(max_size=512), aad=st.binary(max_size=64))
def test_round_trip(key: bytes, plaintext: bytes, aad: bytes) -> None:
    blob = atrest.seal(key, plaintext, aad)
    assert len(blob) == 1 + 12 + len(plaintext) + 16
    assert atrest.open_sealed(key, blob, aad) == plaintext


@given(plaintext=st.binary(max_size=64), data=st.data())
def test_any_bit_flip_is_rejected(plaintext: bytes, data: st.DataObject) -> None:
    blob = atrest.seal(KEY, plaintext, b"aad")
    bit = data.draw(st.integers(0, len(blob) * 8 - 1))
    flipped = bytearray(blob)
    flipped[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(RecordDecryptionError):
        atrest.open_sealed(KEY, bytes(flipped), b"aad")


@given(plaintext=st.binary(max_size=64), data=st.data())
def test_any_truncation_or_extension_is_rejected(plaintext: bytes, data: st.DataObject) -> None:
    blob = atrest.seal(KEY, plaintext, b"aad")
    cut = data.draw(st.integers(0, len(blob) - 1))
    for damaged in (blob[:cut], blob + data.draw(st.binary(min_size=1, max_size=4))):
        with pytest.raises(RecordDecryptionError):
            atrest.open_sealed(KEY, damaged, b"aad")


def test_wrong_aad_or_key_is_rejected() -> None:
    blob = atrest.seal(KEY, b"cv text", b"candidate:1")
    with pytest.raises(RecordDecryptionError):
        atrest.open_sealed(KEY, blob, b"candidate:2")
    with pytest.raises(RecordDecryptionError):
        atrest.open_sealed(KEK, blob, b"candidate:1")
    with pytest.raises(RecordDecryptionError):
        atrest.open_sealed(KEY[:16], blob, b"candidate:1")


def test_error_is_opaque() -> None:
    blob = atrest.seal(KEY, b"cv text", b"a")
    failures = []
    for key, damaged, aad in [
        (KEY, blob, b"b"),
        (KEK, blob, b"a"),
        (KEY, b"\x09" + blob[1:], b"a"),
        (KEY, blob[:5], b"a"),
    ]:
        with pytest.raises(RecordDecryptionError) as info:
            atrest.open_sealed(key, damaged, aad)
        failures.append(info.value)
    assert {str(e) for e in failures} == {"record could not be decrypted"}
    assert all(e.__cause__ is None and e.__suppress_context__ for e in failures[:2])


def test_nonces_are_fresh() -> None:
    assert atrest.seal(KEY, b"same", b"") != atrest.seal(KEY, b"same", b"")


def test_new_data_keys_are_random() -> None:
    assert len(atrest.new_data_key()) == 32
    assert atrest.new_data_key() != atrest.new_data_key()


def test_seal_refuses_misuse() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        atrest.seal(b"short", b"x", b"")
    with pytest.raises(ValueError, match="nonce must be 12 bytes"):
        atrest.seal(KEY, b"x", b"", nonce=b"123")


@given(kek=keys, data_key=keys, aad=st.binary(max_size=32))
def test_wrap_round_trip(kek: bytes, data_key: bytes, aad: bytes) -> None:
    assert atrest.unwrap_key(kek, atrest.wrap_key(kek, data_key, aad), aad) == data_key


def test_wrapped_keys_and_records_never_cross() -> None:
    wrapped = atrest.wrap_key(KEK, KEY, b"c1")
    with pytest.raises(RecordDecryptionError):
        atrest.open_sealed(KEK, wrapped, b"c1")
    with pytest.raises(RecordDecryptionError):  # even with the version byte rewritten
        atrest.open_sealed(KEK, b"\x01" + wrapped[1:], b"c1")
    record = atrest.seal(KEK, KEY, b"c1")
    with pytest.raises(RecordDecryptionError):
        atrest.unwrap_key(KEK, record, b"c1")
    with pytest.raises(RecordDecryptionError):
        atrest.unwrap_key(KEK, b"\x02" + record[1:], b"c1")
    with pytest.raises(RecordDecryptionError):
        atrest.unwrap_key(KEK, wrapped, b"c2")


def test_master_key_created_0600_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "storage.key"
    key = atrest.load_or_create_master_key(path)
    assert len(key) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert atrest.load_or_create_master_key(path) == key


def test_master_key_refused_when_readable(tmp_path: Path) -> None:
    path = tmp_path / "storage.key"
    atrest.load_or_create_master_key(path)
    path.chmod(0o644)
    with pytest.raises(KeyPermissionError, match="chmod 600"):
        atrest.load_or_create_master_key(path)


def test_master_key_wrong_length(tmp_path: Path) -> None:
    path = tmp_path / "storage.key"
    path.write_bytes(b"short")
    path.chmod(0o600)
    with pytest.raises(KeyFileError, match="exactly 32 bytes"):
        atrest.load_or_create_master_key(path)


def test_key_hierarchy_round_trip(tmp_path: Path) -> None:
    """Master key -> wrapped per-candidate key -> sealed record; no plaintext in any blob."""
    master = atrest.load_or_create_master_key(tmp_path / "storage.key")
    data_key = atrest.new_data_key()
    wrapped = atrest.wrap_key(master, data_key, b"cand-7")
    record = atrest.seal(data_key, b"canary-4711", b"cand-7/cv")
    assert b"canary-4711" not in record + wrapped
    unwrapped = atrest.unwrap_key(master, wrapped, b"cand-7")
    assert atrest.open_sealed(unwrapped, record, b"cand-7/cv") == b"canary-4711"
