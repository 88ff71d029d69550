"""Private files on disk: written atomically with mode 0600, read only if still private.

Keys are stored unencrypted (PKCS#8 PEM); the file mode is what protects them,
so reading refuses a file that group or others can read instead of trusting it.
Writes go to a temporary file in the same directory, are fsynced and then
renamed, so a crash leaves either the old file or the complete new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path
from typing import TypeAlias

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from .errors import KeyFileError, KeyPermissionError

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
PUBLIC_FILE_MODE = 0o644

AnyPrivateKey: TypeAlias = Ed25519PrivateKey | X25519PrivateKey | ec.EllipticCurvePrivateKey

_NO_HARDLINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


def write_private_file(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write a secret atomically with mode 0600; the parent dir is created 0700."""
    write_file_atomic(path, data, mode=PRIVATE_FILE_MODE, overwrite=overwrite)


def write_file_atomic(path: Path, data: bytes, *, mode: int, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` all-or-nothing; without ``overwrite`` never replace a file."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        _write_new_file(tmp, data, mode)
        _publish(tmp, path, overwrite)
        fsync_dir(path.parent)
    except OSError as exc:
        raise KeyFileError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def read_private_file(path: Path) -> bytes:
    """Read a secret, refusing (KeyPermissionError) if group or others may read it."""
    path = Path(path)
    try:
        # O_NONBLOCK: a FIFO planted in place of a key must not hang us at open().
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        raise KeyFileError(f"{path} is missing") from None
    except OSError as exc:
        raise KeyFileError(f"{path} cannot be opened: {exc.strerror}") from exc
    try:
        _check_private_fd(fd, path)  # the opened file itself, not a racing replacement
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


def _check_private_fd(fd: int, path: Path) -> None:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise KeyFileError(f"{path} is not a regular file")
    if info.st_mode & 0o077:
        raise KeyPermissionError(path, info.st_mode)


def check_private_dir(path: Path) -> None:
    """Refuse a key directory that group or others may write to (they could swap keys)."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise KeyFileError(f"key directory {path} is missing") from None
    if not stat.S_ISDIR(info.st_mode):
        raise KeyFileError(f"{path} is not a directory")
    if info.st_mode & 0o022:
        raise KeyPermissionError(path, info.st_mode, directory=True)


def private_key_to_pem(key: AnyPrivateKey) -> bytes:
    """PKCS#8 PEM without a passphrase: the 0600 file mode protects it instead."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def ed25519_key_from_pem(data: bytes, source: str) -> Ed25519PrivateKey:
    """Parse an Ed25519 PKCS#8 PEM key; ``source`` names it in errors."""
    key = _key_from_pem(data, source)
    if not isinstance(key, Ed25519PrivateKey):
        raise _wrong_type(source, key, "Ed25519")
    return key


def x25519_key_from_pem(data: bytes, source: str) -> X25519PrivateKey:
    """Parse an X25519 PKCS#8 PEM key; ``source`` names it in errors."""
    key = _key_from_pem(data, source)
    if not isinstance(key, X25519PrivateKey):
        raise _wrong_type(source, key, "X25519")
    return key


def p256_key_from_pem(data: bytes, source: str) -> ec.EllipticCurvePrivateKey:
    """Parse an ECDSA P-256 PKCS#8 PEM key (other curves are refused)."""
    key = _key_from_pem(data, source)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise _wrong_type(source, key, "EC P-256")
    return key


def write_private_key(path: Path, key: AnyPrivateKey) -> None:
    """Store a private key as PKCS#8 PEM, mode 0600, never replacing an existing key."""
    write_private_file(path, private_key_to_pem(key))


def read_ed25519_key(path: Path) -> Ed25519PrivateKey:
    """Load an Ed25519 key file, refusing it if group or others may read it."""
    return ed25519_key_from_pem(read_private_file(path), str(path))


def read_x25519_key(path: Path) -> X25519PrivateKey:
    """Load an X25519 key file, refusing it if group or others may read it."""
    return x25519_key_from_pem(read_private_file(path), str(path))


def read_p256_key(path: Path) -> ec.EllipticCurvePrivateKey:
    """Load an EC P-256 key file, refusing it if group or others may read it."""
    return p256_key_from_pem(read_private_file(path), str(path))


def _key_from_pem(data: bytes, source: str) -> object:
    try:
        return serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{source} is not an unencrypted PKCS#8 PEM private key") from exc


def _wrong_type(source: str, key: object, expected: str) -> KeyFileError:
    found = type(key).__name__
    if isinstance(key, ec.EllipticCurvePrivateKey):
        found = f"EC key on {key.curve.name}"
    return KeyFileError(f"{source} holds a {found}, expected an {expected} private key")


def _write_new_file(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_CLOEXEC, mode)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(handle.fileno(), mode)  # the umask may have narrowed it; make it exact
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _publish(tmp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # atomic create-if-absent, unlike rename
    except FileExistsError:
        raise KeyFileError(f"{path} already exists; refusing to overwrite it") from None
    except OSError as exc:
        if exc.errno not in _NO_HARDLINKS:
            raise
        if path.exists():
            raise KeyFileError(f"{path} already exists; refusing to overwrite it") from None
        os.replace(tmp, path)


def fsync_dir(directory: Path) -> None:
    """Make the rename durable: the directory entry lives in the directory's inode."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
