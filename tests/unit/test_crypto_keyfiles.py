"""Private key files: written 0600 atomically, refused when others can read them."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from talentverbund.crypto import keyfiles
from talentverbund.crypto.errors import KeyFileError, KeyPermissionError


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most permissive umask, so only our explicit modes protect the files."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_written_file_is_0600_and_parent_0700(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "keys" / "secret.bin"
    keyfiles.write_private_file(path, b"s3cret")
    assert path.read_bytes() == b"s3cret"
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["secret.bin"]  # no temp file left


def test_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "secret.bin"
    keyfiles.write_private_file(path, b"one")
    with pytest.raises(KeyFileError, match="already exists"):
        keyfiles.write_private_file(path, b"two")
    assert path.read_bytes() == b"one"
    keyfiles.write_private_file(path, b"two", overwrite=True)
    assert path.read_bytes() == b"two"
    assert mode(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret.bin"]


def test_public_file_mode(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "cert.pem"
    keyfiles.write_file_atomic(path, b"public", mode=keyfiles.PUBLIC_FILE_MODE)
    assert mode(path) == 0o644


def test_read_back(tmp_path: Path) -> None:
    path = tmp_path / "secret.bin"
    keyfiles.write_private_file(path, b"\x00\x01")
    assert keyfiles.read_private_file(path) == b"\x00\x01"


@pytest.mark.parametrize("loose", [0o644, 0o640, 0o604, 0o660, 0o601])
def test_read_refuses_file_open_to_others(tmp_path: Path, loose: int) -> None:
    path = tmp_path / "secret.bin"
    keyfiles.write_private_file(path, b"x")
    path.chmod(loose)
    with pytest.raises(KeyPermissionError) as info:
        keyfiles.read_private_file(path)
    message = str(info.value)
    assert str(path) in message
    assert f"chmod 600 {path}" in message
    assert f"{loose:04o}" in message
    assert info.value.path == path


def test_read_accepts_0400(tmp_path: Path) -> None:
    path = tmp_path / "secret.bin"
    keyfiles.write_private_file(path, b"x")
    path.chmod(0o400)
    assert keyfiles.read_private_file(path) == b"x"


def test_read_missing_names_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.pem"
    with pytest.raises(KeyFileError, match=r"nope\.pem is missing"):
        keyfiles.read_private_file(path)


def test_read_refuses_directory(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="not a regular file"):
        keyfiles.read_private_file(tmp_path)


def test_private_dir_check(tmp_path: Path) -> None:
    keydir = tmp_path / "keys"
    keydir.mkdir(mode=0o700)
    keyfiles.check_private_dir(keydir)
    keydir.chmod(0o770)
    with pytest.raises(KeyPermissionError, match=f"chmod 700 {keydir}"):
        keyfiles.check_private_dir(keydir)
    with pytest.raises(KeyFileError, match="missing"):
        keyfiles.check_private_dir(tmp_path / "absent")


def test_pem_round_trips(tmp_path: Path) -> None:
    ed = Ed25519PrivateKey.generate()
    x = X25519PrivateKey.generate()
    p256 = ec.generate_private_key(ec.SECP256R1())
    keyfiles.write_private_key(tmp_path / "ed.pem", ed)
    keyfiles.write_private_key(tmp_path / "x.pem", x)
    keyfiles.write_private_key(tmp_path / "p.pem", p256)
    assert (tmp_path / "ed.pem").read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert keyfiles.read_ed25519_key(tmp_path / "ed.pem").public_key() == ed.public_key()
    assert keyfiles.read_x25519_key(tmp_path / "x.pem").public_key() == x.public_key()
    assert keyfiles.read_p256_key(tmp_path / "p.pem").public_key() == p256.public_key()
    assert all(mode(tmp_path / n) == 0o600 for n in ("ed.pem", "x.pem", "p.pem"))


def test_pem_wrong_type_is_refused() -> None:
    ed_pem = keyfiles.private_key_to_pem(Ed25519PrivateKey.generate())
    p384_pem = keyfiles.private_key_to_pem(ec.generate_private_key(ec.SECP384R1()))
    with pytest.raises(KeyFileError, match=r"k\.pem holds a .*expected an X25519"):
        keyfiles.x25519_key_from_pem(ed_pem, "k.pem")
    with pytest.raises(KeyFileError, match="secp384r1, expected an EC P-256"):
        keyfiles.p256_key_from_pem(p384_pem, "k.pem")
    with pytest.raises(KeyFileError, match="not an unencrypted PKCS#8 PEM"):
        keyfiles.ed25519_key_from_pem(b"garbage", "k.pem")
