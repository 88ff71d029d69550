"""Encryption at rest with per-candidate data keys, so erasure is key destruction.

Each candidate's records are sealed under their own random 256-bit data key;
data keys are stored wrapped under the node's storage master key. Destroying
one wrapped data key makes every copy of that candidate's ciphertext (in the
database, its WAL, backups) unreadable: crypto-shredding.

Formats (AES-256-GCM, 96-bit random nonce, 128-bit tag)::

    sealed record:  0x01 || nonce(12) || ciphertext+tag      AAD = caller's aad
    wrapped key:    0x02 || nonce(12) || ciphertext+tag      AAD = WRAP_DOMAIN || aad

The distinct version byte and the domain-separated AAD keep a wrapped key from
ever opening as a record or the other way round. Random nonces are safe far
beyond our volumes (NIST SP 800-38D allows 2**32 messages per key).
Opening fails with one opaque :class:`RecordDecryptionError`, whatever went wrong.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from . import keyfiles
from .errors import KeyFileError, RecordDecryptionError

KEY_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16
RECORD_VERSION = 0x01
WRAPPED_KEY_VERSION = 0x02
WRAP_DOMAIN = b"talentverbund/key-wrap/v1\n"


def new_data_key() -> bytes:
    """A fresh random 256-bit key for one candidate."""
    return os.urandom(KEY_SIZE)


def seal(key: bytes, plaintext: bytes, aad: bytes, *, nonce: bytes | None = None) -> bytes:
    """Encrypt ``plaintext`` bound to ``aad`` (e.g. table + record id, so blobs cannot be moved).

    ``nonce`` is for test vectors only; never reuse one with the same key.
    """
    return _seal(RECORD_VERSION, key, plaintext, aad, nonce)


def open_sealed(key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Decrypt a :func:`seal` blob; any failure raises the same RecordDecryptionError."""
    return _open(RECORD_VERSION, key, blob, aad)


def wrap_key(kek: bytes, data_key: bytes, aad: bytes, *, nonce: bytes | None = None) -> bytes:
    """Encrypt a data key under the master key; ``aad`` should name its owner (candidate id)."""
    _check_key(data_key)
    return _seal(WRAPPED_KEY_VERSION, kek, data_key, WRAP_DOMAIN + aad, nonce)


def unwrap_key(kek: bytes, blob: bytes, aad: bytes) -> bytes:
    """Recover a data key wrapped by :func:`wrap_key`; opaque RecordDecryptionError on failure."""
    data_key = _open(WRAPPED_KEY_VERSION, kek, blob, WRAP_DOMAIN + aad)
    if len(data_key) != KEY_SIZE:
        raise RecordDecryptionError()
    return data_key


def load_or_create_master_key(path: Path) -> bytes:
    """The node's storage master key: 32 raw bytes in a 0600 file, created on first use."""
    path = Path(path)
    if not path.exists():
        try:
            keyfiles.write_private_file(path, new_data_key())
        except KeyFileError:
            if not path.exists():
                raise
            # another process created it first: use theirs
    key = keyfiles.read_private_file(path)
    if len(key) != KEY_SIZE:
        raise KeyFileError(f"{path} must hold exactly {KEY_SIZE} bytes, found {len(key)}")
    return key


def _seal(version: int, key: bytes, plaintext: bytes, aad: bytes, nonce: bytes | None) -> bytes:
    _check_key(key)
    if nonce is None:
        nonce = os.urandom(NONCE_SIZE)
    elif len(nonce) != NONCE_SIZE:
        raise ValueError(f"nonce must be {NONCE_SIZE} bytes")
    return bytes([version]) + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def _open(version: int, key: bytes, blob: bytes, aad: bytes) -> bytes:
    header = 1 + NONCE_SIZE
    if len(key) != KEY_SIZE or len(blob) < header + TAG_SIZE or blob[0] != version:
        raise RecordDecryptionError()
    try:
        return AESGCM(key).decrypt(blob[1:header], blob[header:], aad)
    except InvalidTag:
        raise RecordDecryptionError() from None


def _check_key(key: bytes) -> None:
    if len(key) != KEY_SIZE:
        raise ValueError(f"key must be {KEY_SIZE} bytes (AES-256)")
