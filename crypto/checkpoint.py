"""Signed checkpoints of the exchange log: C2SP signed-note, tlog-checkpoint, tlog-cosignature.

A checkpoint states a log's size and Merkle root (:mod:`.merkle`) in a text any
transparency-log tool reads (https://c2sp.org/tlog-checkpoint)::

    <origin>\\n
    <tree size, decimal, no leading zeros>\\n
    <root hash, standard base64 of 32 bytes>\\n
    [<extension line>\\n ...]

It travels as a signed note (https://c2sp.org/signed-note): the body, one blank
line, then one or more signature lines::

    — <key name> <base64(4-byte key ID || signature)>\\n

(the dash is an em dash, U+2014). For Ed25519 (signature type 0x01) the key ID is
``SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]`` and the
signature covers the body. A verifier key is written
``<name>+<8 hex digits of key ID>+<base64(type byte || public key)>``.

Witnesses (another node, a DPO's auditor) cosign a checkpoint they checked
for consistency (https://c2sp.org/tlog-cosignature, Ed25519 ``cosignature/v1``,
signature type 0x04): they sign::

    cosignature/v1\\n
    time <unix seconds>\\n
    <checkpoint body>

and their signature line carries ``key ID || 8-byte big-endian timestamp || signature``.

:func:`open_note` follows the signed-note rules: signatures by keys the caller
does not list are ignored (even with a known name or a known ID, not both); a
listed key whose signature fails rejects the whole note; a note with no
verified signature from a listed key is rejected. Every refusal raises
:class:`NoteError` with the reason.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from .errors import NoteError
from .merkle import HASH_SIZE, MAX_TREE_SIZE

KEY_TYPE_ED25519 = 0x01
"""Signature type of plain Ed25519 note signatures (the log's own key)."""

KEY_TYPE_COSIGNATURE_V1 = 0x04
"""Signature type of timestamped Ed25519 witness cosignatures (``cosignature/v1``)."""

SIGNATURE_PREFIX = "\u2014 "
"""Start of every signature line: em dash, space."""

MAX_SIGNATURES = 100
"""Most signature lines accepted in one note (the spec asks for at least 16)."""

MAX_TIMESTAMP = 2**63 - 1
COSIGNATURE_HEADER = b"cosignature/v1\n"

_ED25519_SIGNATURE_SIZE = 64
_ED25519_KEY_SIZE = 32
_KEY_TYPES = {KEY_TYPE_ED25519: "Ed25519", KEY_TYPE_COSIGNATURE_V1: "Ed25519 cosignature/v1"}
_TREE_SIZE = re.compile(r"0|[1-9][0-9]*")
_KEY_ID_HEX = re.compile(r"[0-9a-fA-F]{8}")


# -- checkpoint body ---------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    """A log's state: origin (log identity), tree size and RFC 6962 root hash."""

    origin: str
    size: int
    root_hash: bytes
    extensions: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        _check_line(self.origin, "checkpoint origin")
        if isinstance(self.size, bool) or not isinstance(self.size, int):
            raise NoteError(f"checkpoint tree size must be an int, got {type(self.size).__name__}")
        if not 0 <= self.size <= MAX_TREE_SIZE:
            raise NoteError(f"checkpoint tree size {self.size} is outside 0..2**64-1")
        if not isinstance(self.root_hash, bytes):
            raise NoteError(
                f"checkpoint root hash must be bytes, got {type(self.root_hash).__name__}"
            )
        if len(self.root_hash) != HASH_SIZE:
            raise NoteError(
                f"checkpoint root hash is {len(self.root_hash)} bytes, expected {HASH_SIZE}"
            )
        extensions = tuple(self.extensions)
        for number, line in enumerate(extensions, start=4):
            _check_line(line, f"checkpoint extension line {number}")
        object.__setattr__(self, "extensions", extensions)

    def body(self) -> bytes:
        """The note text: origin, size, base64 root, extension lines, each ending in newline."""
        lines = [self.origin, str(self.size), _b64encode(self.root_hash), *self.extensions]
        return "".join(line + "\n" for line in lines).encode("utf-8")

    @classmethod
    def from_body(cls, body: bytes | str) -> Checkpoint:
        """Parse a checkpoint body (the signed text of a note, final newline included)."""
        text = _decode_text(body)
        if not text.endswith("\n"):
            raise NoteError("malformed checkpoint body: it must end with a newline")
        lines = text[:-1].split("\n")
        if len(lines) < 3:
            raise NoteError(
                f"malformed checkpoint body: {len(lines)} line(s), expected origin, "
                "tree size and root hash"
            )
        origin, size_text, root_text, *extensions = lines
        if not origin:
            raise NoteError("malformed checkpoint body: line 1 (origin) is empty")
        if not _TREE_SIZE.fullmatch(size_text):
            raise NoteError(
                "malformed checkpoint body: line 2 (tree size) must be a decimal number "
                f"without sign or leading zeros, got {size_text!r}"
            )
        size = int(size_text)
        if size > MAX_TREE_SIZE:
            raise NoteError(f"malformed checkpoint body: tree size {size} exceeds 2**64-1")
        try:
            root_hash = _b64decode(root_text)
        except ValueError as exc:
            raise NoteError(
                f"malformed checkpoint body: line 3 (root hash) is not base64: {exc}"
            ) from None
        if len(root_hash) != HASH_SIZE:
            raise NoteError(
                f"malformed checkpoint body: root hash is {len(root_hash)} bytes, "
                f"expected {HASH_SIZE}"
            )
        for number, line in enumerate(extensions, start=4):
            if not line:
                raise NoteError(f"malformed checkpoint body: extension line {number} is empty")
        return cls(origin, size, root_hash, tuple(extensions))


# -- keys -------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifierKey:
    """A public key as named in notes: name, signature type, raw key, 4-byte key ID."""

    name: str
    key_type: int
    public_key: bytes
    key_id: bytes

    @property
    def label(self) -> str:
        """``name+keyid`` (hex), how messages refer to this key."""
        return f"{self.name}+{self.key_id.hex()}"

    def __str__(self) -> str:
        return f"{self.label}+{_b64encode(bytes([self.key_type]) + self.public_key)}"


def key_id(name: str, key_type: int, public_key: bytes) -> bytes:
    """``SHA-256(name || 0x0A || type || public key)[:4]``, the recommended note key ID."""
    return hashlib.sha256(
        name.encode("utf-8") + b"\n" + bytes([key_type]) + bytes(public_key)
    ).digest()[:4]


def verifier_key(
    name: str, public_key: Ed25519PublicKey | bytes, *, key_type: int = KEY_TYPE_ED25519
) -> str:
    """Verifier key text ``<name>+<hex key ID>+<base64(type || key)>`` for an Ed25519 key.

    ``key_type`` is :data:`KEY_TYPE_ED25519` for a log's signing key (default) or
    :data:`KEY_TYPE_COSIGNATURE_V1` for a witness (see :func:`cosigner_key`).
    """
    _check_name(name)
    if key_type not in _KEY_TYPES:
        raise NoteError(f"unsupported key type 0x{key_type:02x}; use 0x01 or 0x04")
    raw = _raw_public(public_key)
    return str(VerifierKey(name, key_type, raw, key_id(name, key_type, raw)))


def cosigner_key(name: str, public_key: Ed25519PublicKey | bytes) -> str:
    """Verifier key text of a witness that cosigns with ``cosignature/v1`` (type 0x04)."""
    return verifier_key(name, public_key, key_type=KEY_TYPE_COSIGNATURE_V1)


def parse_verifier_key(text: str) -> VerifierKey:
    """Parse ``<name>+<hex key ID>+<base64(type || key)>``; the key ID must match the key."""
    parts = text.strip().split("+", 2)  # the base64 part may itself contain '+'
    if len(parts) != 3:
        raise NoteError(f"verifier key {text!r} must look like <name>+<8 hex digits>+<base64 key>")
    name, id_hex, key_b64 = parts
    _check_name(name)
    if not _KEY_ID_HEX.fullmatch(id_hex):
        raise NoteError(f"verifier key {name}: key ID {id_hex!r} is not 8 hex digits")
    try:
        material = _b64decode(key_b64)
    except ValueError as exc:
        raise NoteError(f"verifier key {name}: key is not base64: {exc}") from None
    if not material:
        raise NoteError(f"verifier key {name}: key is empty")
    key_type, raw = material[0], material[1:]
    if key_type not in _KEY_TYPES:
        raise NoteError(
            f"verifier key {name}: unsupported signature type 0x{key_type:02x} "
            "(supported: 0x01 Ed25519, 0x04 Ed25519 cosignature/v1)"
        )
    if len(raw) != _ED25519_KEY_SIZE:
        raise NoteError(
            f"verifier key {name}: Ed25519 key is {len(raw)} bytes, expected {_ED25519_KEY_SIZE}"
        )
    expected = key_id(name, key_type, raw)
    if bytes.fromhex(id_hex) != expected:
        raise NoteError(
            f"verifier key {name}: key ID {id_hex.lower()} does not match the key "
            f"(it hashes to {expected.hex()}); the key text is damaged or mixed up"
        )
    return VerifierKey(name, key_type, raw, expected)


# -- signing ----------------------------------------------------------------------


def signature_line(body: bytes | str, name: str, private_key: Ed25519PrivateKey) -> str:
    """One Ed25519 (type 0x01) signature line over ``body``, newline included."""
    text = _note_text(body)
    _check_name(name)
    kid = key_id(name, KEY_TYPE_ED25519, _raw_public(private_key.public_key()))
    return _format_line(name, kid + private_key.sign(text))


def sign_note(body: bytes | str, name: str, private_key: Ed25519PrivateKey) -> str:
    """The signed note: ``body``, a blank line, and the Ed25519 signature line of ``name``."""
    text = _note_text(body)
    return text.decode("utf-8") + "\n" + signature_line(text, name, private_key)


def cosign(
    checkpoint: Checkpoint, name: str, private_key: Ed25519PrivateKey, timestamp: int
) -> str:
    """A witness's ``cosignature/v1`` signature line for ``checkpoint`` at ``timestamp``.

    ``timestamp`` is POSIX seconds (0 .. 2**63-1). Attach the line to the note
    with :func:`add_signatures`.
    """
    _check_name(name)
    if isinstance(timestamp, bool) or not isinstance(timestamp, int):
        raise NoteError(f"cosignature timestamp must be an int, got {type(timestamp).__name__}")
    if not 0 <= timestamp <= MAX_TIMESTAMP:
        raise NoteError(f"cosignature timestamp {timestamp} is outside 0..2**63-1")
    kid = key_id(name, KEY_TYPE_COSIGNATURE_V1, _raw_public(private_key.public_key()))
    signature = private_key.sign(_cosigned_message(checkpoint.body(), timestamp))
    return _format_line(name, kid + timestamp.to_bytes(8, "big") + signature)


def add_signatures(note: str, *lines: str) -> str:
    """``note`` with further signature lines (witness cosignatures, say) appended.

    Each line must be one well-formed signature line ending in a newline, as
    :func:`signature_line` and :func:`cosign` return; they are not verified here.
    """
    parse_note(note)
    for number, line in enumerate(lines, start=1):
        if not line.endswith("\n") or line.count("\n") != 1:
            raise NoteError(
                f"added signature line {number} must be exactly one line ending in a newline"
            )
        _parse_signature_line(line[:-1], f"added signature line {number}")
    combined = note + "".join(lines)
    parse_note(combined)  # enforces MAX_SIGNATURES
    return combined


# -- parsing and verification --------------------------------------------------------------


@dataclass(frozen=True)
class NoteSignature:
    """One signature line, parsed but not verified."""

    name: str
    key_id: bytes
    signature: bytes  # everything after the key ID (for cosignatures: timestamp || signature)

    @property
    def label(self) -> str:
        return f"{self.name}+{self.key_id.hex()}"


@dataclass(frozen=True)
class Note:
    """A signed note split into its signed text and its signature lines."""

    body: bytes
    signatures: tuple[NoteSignature, ...]


@dataclass(frozen=True)
class VerifiedSignature:
    """A signature that verified: who, which type, and (for a cosignature) when."""

    name: str
    key_type: int
    key_id: bytes
    timestamp: int | None = None

    @property
    def is_cosignature(self) -> bool:
        return self.key_type == KEY_TYPE_COSIGNATURE_V1


@dataclass(frozen=True)
class OpenedCheckpoint:
    """Result of :func:`open_checkpoint`: the checkpoint and every verified signature."""

    checkpoint: Checkpoint
    signatures: tuple[VerifiedSignature, ...]

    @property
    def signers(self) -> list[str]:
        """Names of the keys whose signatures verified (logs and witnesses), in note order."""
        names: list[str] = []
        for signature in self.signatures:
            if signature.name not in names:
                names.append(signature.name)
        return names

    @property
    def cosignatures(self) -> dict[str, int]:
        """Witness name -> latest cosignature time (POSIX seconds)."""
        times: dict[str, int] = {}
        for signature in self.signatures:
            if signature.timestamp is not None:
                times[signature.name] = max(signature.timestamp, times.get(signature.name, 0))
        return times


def parse_note(text: bytes | str) -> Note:
    """Split a signed note into body and signature lines; checks form only, not signatures."""
    note = _decode_text(text)
    split = note.rfind("\n\n")
    if split < 0:
        raise NoteError("malformed note: no blank line between the text and the signature lines")
    body, block = note[: split + 1], note[split + 2 :]
    if not block:
        raise NoteError("malformed note: no signature lines after the blank line")
    if not block.endswith("\n"):
        raise NoteError("malformed note: the last signature line must end with a newline")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise NoteError(f"malformed note: {len(lines)} signatures, at most {MAX_SIGNATURES}")
    signatures = tuple(
        _parse_signature_line(line, f"signature line {n}") for n, line in enumerate(lines, start=1)
    )
    return Note(body.encode("utf-8"), signatures)


def open_checkpoint(text: bytes | str, verifiers: Iterable[str | VerifierKey]) -> OpenedCheckpoint:
    """Verify a signed checkpoint against the ``verifiers`` and parse its body.

    ``verifiers`` are verifier key texts (or parsed keys): log keys (type 0x01)
    and witness keys (type 0x04). Signatures by other keys are ignored. Raises
    :class:`NoteError` if a listed key's signature fails, if no listed key
    signed, or if the body is not a checkpoint. Cosignature timestamps are
    returned, not judged: compare them with your clock if freshness matters.
    """
    known = _index_verifiers(verifiers)
    note = parse_note(text)
    verified: list[VerifiedSignature] = []
    unknown: list[str] = []
    for signature in note.signatures:
        key = known.get((signature.name, signature.key_id))
        if key is None:
            unknown.append(signature.label)
            continue
        verified.append(_verify(key, signature, note.body))
    if not verified:
        signed_by = ", ".join(unknown)
        listed = ", ".join(sorted(key.label for key in known.values())) or "none"
        raise NoteError(
            f"note is not signed by any known key: signed by {signed_by}; known keys: {listed}"
        )
    return OpenedCheckpoint(Checkpoint.from_body(note.body), tuple(verified))


def open_note(
    text: bytes | str, verifiers: Iterable[str | VerifierKey]
) -> tuple[Checkpoint, list[str]]:
    """Verify a signed checkpoint; returns it and the names of the keys that signed it.

    The names include witnesses whose cosignatures verified; use
    :func:`open_checkpoint` for their timestamps and key types.
    """
    opened = open_checkpoint(text, verifiers)
    return opened.checkpoint, opened.signers


def _verify(key: VerifierKey, signature: NoteSignature, body: bytes) -> VerifiedSignature:
    payload = signature.signature
    timestamp: int | None = None
    if key.key_type == KEY_TYPE_COSIGNATURE_V1:
        expected = 8 + _ED25519_SIGNATURE_SIZE
        if len(payload) != expected:
            raise NoteError(
                f"cosignature by {key.label} is {len(payload)} bytes after the key ID, "
                f"expected {expected} (8-byte timestamp and 64-byte signature)"
            )
        timestamp = int.from_bytes(payload[:8], "big")
        if timestamp > MAX_TIMESTAMP:
            raise NoteError(f"cosignature by {key.label} has timestamp {timestamp} > 2**63-1")
        message = _cosigned_message(body, timestamp)
        payload = payload[8:]
    else:
        if len(payload) != _ED25519_SIGNATURE_SIZE:
            raise NoteError(
                f"signature by {key.label} is {len(payload)} bytes after the key ID, "
                f"expected {_ED25519_SIGNATURE_SIZE}"
            )
        message = body
    try:
        Ed25519PublicKey.from_public_bytes(key.public_key).verify(payload, message)
    except InvalidSignature:
        kind = "cosignature" if timestamp is not None else "signature"
        raise NoteError(
            f"{kind} by {key.label} does not verify: the note was changed after signing, "
            "or signed by another key under that name"
        ) from None
    return VerifiedSignature(key.name, key.key_type, key.key_id, timestamp)


def _index_verifiers(
    verifiers: Iterable[str | VerifierKey],
) -> dict[tuple[str, bytes], VerifierKey]:
    known: dict[tuple[str, bytes], VerifierKey] = {}
    for item in verifiers:
        key = item if isinstance(item, VerifierKey) else parse_verifier_key(item)
        previous = known.setdefault((key.name, key.key_id), key)
        if previous != key:
            raise NoteError(
                f"two different verifier keys share the name and key ID {key.label}; "
                "remove one of them"
            )
    return known


def _parse_signature_line(line: str, where: str) -> NoteSignature:
    if not line.startswith(SIGNATURE_PREFIX):
        raise NoteError(
            f"malformed note: {where} does not start with an em dash (U+2014) and a space: "
            f"{line[:40]!r}"
        )
    name, space, value = line[len(SIGNATURE_PREFIX) :].partition(" ")
    if not space:
        raise NoteError(f"malformed note: {where} has no signature after the name")
    try:
        _check_name(name)
    except NoteError as exc:
        raise NoteError(f"malformed note: {where}: {exc}") from None
    try:
        raw = _b64decode(value)
    except ValueError as exc:
        raise NoteError(f"malformed note: {where} ({name}) is not base64: {exc}") from None
    if len(raw) < 5:
        raise NoteError(
            f"malformed note: {where} ({name}) has {len(raw)} bytes, "
            "too short for a key ID and a signature"
        )
    return NoteSignature(name, raw[:4], raw[4:])


# -- helpers -----------------------------------------------------------------------


def _cosigned_message(body: bytes, timestamp: int) -> bytes:
    return COSIGNATURE_HEADER + b"time " + str(timestamp).encode("ascii") + b"\n" + body


def _format_line(name: str, value: bytes) -> str:
    return f"{SIGNATURE_PREFIX}{name} {_b64encode(value)}\n"


def _note_text(body: bytes | str) -> bytes:
    """Check and encode the text to sign: non-empty, newline-terminated, no controls."""
    text = _decode_text(body)
    if not text:
        raise NoteError("note text is empty")
    if not text.endswith("\n"):
        raise NoteError("note text must end with a newline")
    return text.encode("utf-8")


def _decode_text(data: bytes | str) -> str:
    """UTF-8 text without ASCII control characters other than newline."""
    if isinstance(data, bytes | bytearray | memoryview):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NoteError(f"note is not valid UTF-8 (byte {exc.start})") from None
    elif isinstance(data, str):
        text = data
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise NoteError("note contains a lone surrogate (not valid Unicode)") from None
    else:
        raise NoteError(f"note must be str or bytes, got {type(data).__name__}")
    for position, char in enumerate(text):
        if char < " " and char != "\n":
            raise NoteError(
                f"note contains control character U+{ord(char):04X} at position {position}"
            )
    return text


def _check_line(value: str, what: str) -> None:
    if not isinstance(value, str) or not value:
        raise NoteError(f"{what} must be a non-empty string")
    for char in value:
        if char < " ":
            raise NoteError(f"{what} contains control character U+{ord(char):04X}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise NoteError(f"{what} contains a lone surrogate") from None


def _check_name(name: str) -> None:
    """Key names: non-empty, no Unicode spaces, no '+', no control characters."""
    if not isinstance(name, str) or not name:
        raise NoteError("key name must be a non-empty string")
    for char in name:
        if char.isspace() or char == "+" or char < " ":
            raise NoteError(f"key name {name!r} must not contain spaces, '+' or control characters")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise NoteError(f"key name {name!r} contains a lone surrogate") from None


def _raw_public(public_key: Ed25519PublicKey | bytes) -> bytes:
    if isinstance(public_key, Ed25519PublicKey):
        return public_key.public_bytes_raw()
    if isinstance(public_key, bytes) and len(public_key) == _ED25519_KEY_SIZE:
        return public_key
    raise NoteError("public key must be an Ed25519PublicKey or 32 raw bytes")


def _b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64decode(text: str) -> bytes:
    """Standard base64 with padding, in its one canonical spelling; ValueError otherwise."""
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError(f"{text[:24]!r} is not standard padded base64") from None
    if _b64encode(data) != text:
        raise ValueError(f"{text[:24]!r} is not canonical base64 (stray bits or padding)")
    return data
