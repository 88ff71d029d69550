"""HPKE (RFC 9180) base mode for envelopes: named suites over ``cryptography``'s HPKE API.

``cryptography`` (>= 47) offers single-shot base mode only: ``Suite.encrypt(plaintext,
public_key, info)`` returns ``enc || ciphertext`` and ``Suite.decrypt`` reverses it. It
takes no AAD (the envelope binds everything through ``info``), no PSK, no Auth mode, no
exporter, and no way to inject the ephemeral key, so the RFC's test vectors can only be
checked partially through it (see ``tests/unit/test_hpke_vectors.py``).

Suites, named by the string that travels in the envelope header::

    name                              KEM (id)                 KDF          AEAD         enc
    X25519-SHA256-AES128GCM (default) DHKEM(X25519) 0x0020     HKDF-SHA256  AES-128-GCM   32
    X25519-SHA256-CHACHA20POLY1305    DHKEM(X25519) 0x0020     HKDF-SHA256  ChaCha20Poly  32
    XWING-SHA256-AES128GCM            X-Wing 0x647a            HKDF-SHA256  AES-128-GCM 1120
    XWING-SHA256-CHACHA20POLY1305     X-Wing 0x647a            HKDF-SHA256  ChaCha20Poly 1120

X-Wing is ML-KEM-768 + X25519 (draft-connolly-cfrg-xwing-kem), ``KEM.MLKEM768_X25519``
in ``cryptography``; checked against the X-Wing entries of the draft-ietf-hpke-pq test
vectors. Its private key is a 32-byte seed, expanded with SHAKE256 to 96 bytes: the first
64 are the ML-KEM-768 seed (d || z), the last 32 the X25519 private key. Its public key
(1216 bytes) is the ML-KEM-768 encapsulation key followed by the X25519 public key, the
layout ``identity.KEM_XWING`` descriptors publish. X-Wing needs ML-KEM in the OpenSSL
``cryptography`` was built with; where it is missing, its suites raise
:class:`UnsupportedSuiteError` rather than falling back silently.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias

from cryptography.exceptions import InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hpke as _hpke
from cryptography.hazmat.primitives.asymmetric import mlkem
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from ._kem import KEM_X25519, KEM_XWING
from .errors import DecryptionError, UnsupportedSuiteError

XWingPrivateKey: TypeAlias = _hpke.MLKEM768X25519PrivateKey
XWingPublicKey: TypeAlias = _hpke.MLKEM768X25519PublicKey
HpkePublicKey: TypeAlias = X25519PublicKey | XWingPublicKey
HpkePrivateKey: TypeAlias = X25519PrivateKey | XWingPrivateKey

SUITE_X25519_AES128GCM = "X25519-SHA256-AES128GCM"
SUITE_X25519_CHACHA20POLY1305 = "X25519-SHA256-CHACHA20POLY1305"
SUITE_XWING_AES128GCM = "XWING-SHA256-AES128GCM"
SUITE_XWING_CHACHA20POLY1305 = "XWING-SHA256-CHACHA20POLY1305"
DEFAULT_SUITE = SUITE_X25519_AES128GCM

AEAD_TAG_SIZE = 16  # both AEADs
X25519_KEY_SIZE = 32
XWING_SEED_SIZE = 32
XWING_PUBLIC_KEY_SIZE = 1184 + 32
XWING_ENC_SIZE = 1088 + 32
_XWING_EXPANDED_SIZE = 96


@dataclass(frozen=True)
class HpkeSuite:
    """One HPKE base-mode suite: its header name, RFC 9180 ids and sizes."""

    name: str
    kem: str  # descriptor KEM name: identity.KEM_X25519 or identity.KEM_XWING
    kem_id: int
    kdf_id: int
    aead_id: int
    enc_size: int
    public_key_size: int

    @property
    def available(self) -> bool:
        """Usable with the installed ``cryptography`` (X-Wing needs ML-KEM support)."""
        return kem_available(self.kem)

    def _primitive(self) -> _hpke.Suite:
        kem = _hpke.KEM.X25519 if self.kem == KEM_X25519 else _hpke.KEM.MLKEM768_X25519
        aead = _hpke.AEAD.AES_128_GCM if self.aead_id == 0x0001 else _hpke.AEAD.CHACHA20_POLY1305
        return _hpke.Suite(kem, _hpke.KDF.HKDF_SHA256, aead)


def _suite(name: str, kem: str, aead_id: int) -> HpkeSuite:
    if kem == KEM_X25519:
        return HpkeSuite(name, kem, 0x0020, 0x0001, aead_id, X25519_KEY_SIZE, X25519_KEY_SIZE)
    return HpkeSuite(name, kem, 0x647A, 0x0001, aead_id, XWING_ENC_SIZE, XWING_PUBLIC_KEY_SIZE)


HPKE_SUITES: Mapping[str, HpkeSuite] = {
    suite.name: suite
    for suite in (
        _suite(SUITE_X25519_AES128GCM, KEM_X25519, 0x0001),
        _suite(SUITE_X25519_CHACHA20POLY1305, KEM_X25519, 0x0003),
        _suite(SUITE_XWING_AES128GCM, KEM_XWING, 0x0001),
        _suite(SUITE_XWING_CHACHA20POLY1305, KEM_XWING, 0x0003),
    )
}
ENC_SIZES = frozenset(suite.enc_size for suite in HPKE_SUITES.values())


def hpke_suite(name: str) -> HpkeSuite:
    """The suite called ``name``; UnsupportedSuiteError if unknown or unusable here."""
    suite = HPKE_SUITES.get(name)
    if suite is None:
        known = ", ".join(HPKE_SUITES)
        raise UnsupportedSuiteError(f"HPKE suite {name!r} is not supported (known: {known})")
    if not suite.available:
        raise UnsupportedSuiteError(
            f"HPKE suite {name} needs ML-KEM, which the installed cryptography/OpenSSL lacks"
        )
    return suite


def hpke_public_key(suite: HpkeSuite, key: HpkePublicKey | bytes) -> HpkePublicKey:
    """A recipient public key object for ``suite`` from a key object or raw bytes.

    Raises ValueError if the key does not belong to the suite's KEM (a caller bug:
    the key was taken from the wrong descriptor entry).
    """
    if isinstance(key, bytes | bytearray | memoryview):
        raw = bytes(key)
        if len(raw) != suite.public_key_size:
            raise ValueError(
                f"{suite.kem} public key must be {suite.public_key_size} bytes, got {len(raw)}"
            )
        if suite.kem == KEM_X25519:
            return X25519PublicKey.from_public_bytes(raw)
        return xwing_public_key(raw)
    expected = X25519PublicKey if suite.kem == KEM_X25519 else XWingPublicKey
    if not isinstance(key, expected):
        raise ValueError(f"suite {suite.name} needs an {suite.kem} public key")
    return key


def kem_available(kem: str) -> bool:
    """Whether keys of ``kem`` can be used here (X-Wing needs ML-KEM in OpenSSL)."""
    return kem != KEM_XWING or _mlkem_available()


def suite_for(kem: str) -> str:
    """The suite a node seals with to a recipient key of ``kem``. X-Wing goes with
    ChaCha20Poly1305: the only X-Wing + HKDF-SHA256 suite with a published test vector."""
    return SUITE_XWING_CHACHA20POLY1305 if kem == KEM_XWING else DEFAULT_SUITE


def check_private_key(suite: HpkeSuite, key: HpkePrivateKey) -> None:
    """UnsupportedSuiteError if ``key`` cannot open messages sealed with ``suite``."""
    expected = X25519PrivateKey if suite.kem == KEM_X25519 else XWingPrivateKey
    if not isinstance(key, expected):
        raise UnsupportedSuiteError(
            f"message uses HPKE suite {suite.name}, which needs an {suite.kem} private key, "
            "but the key for its recipient kid is of another kind"
        )


def hpke_seal(
    suite: HpkeSuite, public: HpkePublicKey, plaintext: bytes, info: bytes
) -> tuple[bytes, bytes]:
    """Single-shot base-mode seal, empty AAD: ``(enc, ciphertext)``."""
    try:
        sealed = suite._primitive().encrypt(plaintext, public, info=info)
    except ValueError as exc:  # e.g. a low-order X25519 point in a peer's descriptor
        raise ValueError(f"cannot seal to this {suite.kem} public key: {exc}") from exc
    return sealed[: suite.enc_size], sealed[suite.enc_size :]


def hpke_open(
    suite: HpkeSuite, private: HpkePrivateKey, enc: bytes, ciphertext: bytes, info: bytes
) -> bytes:
    """Single-shot base-mode open, empty AAD; DecryptionError (opaque) on any failure."""
    check_private_key(suite, private)
    if len(enc) != suite.enc_size or len(ciphertext) < AEAD_TAG_SIZE:
        raise DecryptionError(f"{suite.name}: enc or ciphertext has the wrong size")
    try:
        return suite._primitive().decrypt(enc + ciphertext, private, info=info)
    except InvalidTag:
        raise DecryptionError(
            f"{suite.name}: AEAD tag invalid (sealed to another key, or enc/ciphertext/header "
            "altered)"
        ) from None
    except (ValueError, TypeError) as exc:
        raise DecryptionError(f"{suite.name}: decapsulation failed: {exc}") from None


# -- X-Wing keys ---------------------------------------------------------------------


def xwing_generate_seed() -> bytes:
    """A fresh X-Wing private key (its 32-byte seed, the form to store)."""
    return secrets.token_bytes(XWING_SEED_SIZE)


def xwing_private_key(seed: bytes) -> XWingPrivateKey:
    """X-Wing private key object from its 32-byte seed."""
    mlkem_key, x25519_key = _xwing_expand(seed)
    return XWingPrivateKey(mlkem_key, x25519_key)


def xwing_public_bytes(seed: bytes) -> bytes:
    """The 1216-byte X-Wing public key (ML-KEM-768 ek || X25519) for ``seed``."""
    mlkem_key, x25519_key = _xwing_expand(seed)
    return mlkem_key.public_key().public_bytes_raw() + x25519_key.public_key().public_bytes_raw()


def xwing_public_key(raw: bytes) -> XWingPublicKey:
    """X-Wing public key object from its 1216-byte encoding; ValueError if malformed."""
    if len(raw) != XWING_PUBLIC_KEY_SIZE:
        raise ValueError(f"X-Wing public key must be {XWING_PUBLIC_KEY_SIZE} bytes")
    _require_mlkem()
    split = XWING_PUBLIC_KEY_SIZE - X25519_KEY_SIZE
    return XWingPublicKey(
        mlkem.MLKEM768PublicKey.from_public_bytes(raw[:split]),
        X25519PublicKey.from_public_bytes(raw[split:]),
    )


def _xwing_expand(seed: bytes) -> tuple[mlkem.MLKEM768PrivateKey, X25519PrivateKey]:
    if len(seed) != XWING_SEED_SIZE:
        raise ValueError(f"X-Wing seed must be {XWING_SEED_SIZE} bytes")
    _require_mlkem()
    expanded = hashlib.shake_256(seed).digest(_XWING_EXPANDED_SIZE)
    return (
        mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]),
        X25519PrivateKey.from_private_bytes(expanded[64:]),
    )


def _require_mlkem() -> None:
    if not _mlkem_available():
        raise UnsupportedSuiteError("X-Wing needs ML-KEM, which the installed cryptography lacks")


@functools.cache
def _mlkem_available() -> bool:
    try:
        mlkem.MLKEM768PrivateKey.generate()
    except UnsupportedAlgorithm:
        return False
    return True
