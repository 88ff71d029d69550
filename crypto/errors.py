"""Exceptions raised by ``talentverbund.crypto``.

Every failure raises; nothing returns a bool. Messages for our own operator are
precise and say how to fix the problem; what a peer or an attacker may observe
(record decryption) is deliberately opaque.

    CryptoError
    ├── CanonicalError         value cannot be encoded / parsed as canonical JSON
    ├── KeyFileError           key file missing, malformed, or key directory inconsistent
    │   └── KeyPermissionError private file readable by group or others
    ├── DescriptorError        peer descriptor malformed, unsupported or not verifying
    └── RecordDecryptionError  sealed record or wrapped key does not open (never says why)
"""

from __future__ import annotations

from pathlib import Path


class CryptoError(Exception):
    """Base of every error this library raises, so callers can catch one type."""


class CanonicalError(CryptoError):
    """A value outside the canonical JSON subset (float, non-str key, huge int, ...)."""


class KeyFileError(CryptoError):
    """A key file or key directory cannot be used; the message names the file."""


class KeyPermissionError(KeyFileError):
    """A private file is open to group or others; refusing protects the key.

    Also raised for a key directory that group or others may write to, since
    whoever can write there can swap the keys.
    """

    def __init__(self, path: Path, mode: int, *, directory: bool = False) -> None:
        self.path = path
        self.mode = mode
        if directory:
            problem, fix = "writable by group or others", "700"
        else:
            problem, fix = "readable by group or others", "600"
        super().__init__(
            f"{path} has mode {mode & 0o777:04o} and is {problem}; fix it with: chmod {fix} {path}"
        )


class DescriptorError(CryptoError):
    """A node descriptor was rejected; the message names the field and the reason."""


class RecordDecryptionError(CryptoError):
    """A sealed blob did not open. Opaque on purpose: no hint which check failed."""

    def __init__(self) -> None:
        super().__init__("record could not be decrypted")
