"""Signed federation rosters: a list of node descriptors vouched for by one roster key.

A coordination body (e.g. a Land's IT coordination office) holds an Ed25519
roster key. It signs a roster naming the nodes of its federation; an operator
who chose to trust that key applies the roster, and the listed nodes become
peers. A newer version of the roster replaces the older one, so a node missing
from it is dropped again (revocation). A roster holds node descriptors only,
never any candidate data.

Format v1 (canonical JSON, :mod:`.canonical`; unknown fields are rejected)::

    {
      "v": 1,
      "type": "talentverbund-roster",
      "name": "Landesnetz Schleswig-Holstein",     # 1-200 printable characters
      "version": 7,                                 # 1 .. 2**53-1, grows with every issue
      "issued_at": "2026-01-31T12:00:00Z",
      "expires_at": "2026-04-30T12:00:00Z",         # after issued_at, at most 366 days later
      "members": [<signed node descriptor v1>, ...],# as parse_descriptor accepts; unique node ids
      "signer": {"kid": "rk-<16 hex>", "public_key": "<base64url, 32-byte Ed25519 key>"},
      "signature": "<base64url, 64-byte Ed25519 signature>"
    }

The signature covers ``talentverbund/roster/v1\\n`` followed by the canonical
JSON of every field except ``signature``. The prefix keeps a roster signature
from ever being valid as any other signed message (descriptors use
``talentverbund/descriptor/v1\\n``). ``signer.kid`` is derived from the key
(:func:`roster_key_id`), so it cannot name another key than the one it carries.

:func:`parse_roster` checks, in this order: strict JSON and every field; the
signer is the key the caller trusts; the roster signature; each member's
self-signature (and, for members still on their first signing key ``sig-1``,
that the node id derives from it); no node id twice; ``issued_at`` not in the
future (beyond :data:`MAX_CLOCK_SKEW`) and the roster not expired. Whether the
version is newer than the one already applied is the caller's state, not this
library's. Every refusal raises :class:`RosterError` naming the field.

Operators compare :func:`roster_key_fingerprint` (8 groups of 4 hex digits)
with the coordination body out of band before trusting a key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import NoReturn

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from . import keyfiles
from ._encoding import b64url_decode, b64url_encode
from ._reader import JsonReader
from ._time import format_utc, require_utc, utc_now
from .canonical import MAX_SAFE_INTEGER, JSONValue, canonical_json, parse_json_object
from .descriptor import NodeDescriptor
from .errors import CanonicalError, DescriptorError, RosterError

ROSTER_FORMAT = 1
ROSTER_TYPE = "talentverbund-roster"
SIGNATURE_DOMAIN = b"talentverbund/roster/v1\n"
KEY_DOMAIN = b"talentverbund/roster-key/v1\n"
MAX_VALIDITY = timedelta(days=366)
MAX_CLOCK_SKEW = timedelta(minutes=5)
MAX_MEMBERS = 16_384
MAX_ROSTER_BYTES = 32 * 1024 * 1024
MAX_NAME = 200

_FIELDS = (
    "v",
    "type",
    "name",
    "version",
    "issued_at",
    "expires_at",
    "members",
    "signer",
    "signature",
)
_SIGNER_FIELDS = ("kid", "public_key")


# -- keys -------------------------------------------------------------------------


def _key_digest(public: bytes) -> str:
    return hashlib.sha256(KEY_DOMAIN + public).hexdigest()


def roster_key_id(public: bytes) -> str:
    """``rk-`` + 16 hex digits of the key's domain-separated SHA-256: the ``signer.kid``."""
    return "rk-" + _key_digest(public)[:16]


def roster_key_fingerprint(public: bytes) -> str:
    """32 hex digits of the same digest in 8 groups, e.g. ``3F2A 9C01 ...``, to read aloud."""
    digest = _key_digest(public)
    return " ".join(digest[i : i + 4].upper() for i in range(0, 32, 4))


KEY_PREFIX = "ed25519:"
"""Starts a roster key's text: base64url may begin with "-", which a shell command line
would read as an option."""


def public_key_text(public: bytes) -> str:
    """``ed25519:`` and unpadded base64url of the raw 32-byte key, as ``roster trust`` takes it."""
    return KEY_PREFIX + b64url_encode(public)


def parse_public_key(text: str) -> bytes:
    """Inverse of :func:`public_key_text` (the prefix may be left out); RosterError unless
    it is a valid Ed25519 key."""
    text = text.removeprefix(KEY_PREFIX)
    try:
        public = b64url_decode(text)
    except ValueError:
        raise RosterError(
            "roster public key must be ed25519: and unpadded base64url (43 characters)"
        ) from None
    if len(public) != 32:
        raise RosterError(f"roster public key must be 32 bytes, got {len(public)}")
    try:
        Ed25519PublicKey.from_public_bytes(public)
    except ValueError:
        raise RosterError("roster public key is not a valid Ed25519 key") from None
    return public


def raw_public_key(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def generate_roster_key(path: Path) -> bytes:
    """Create a new roster signing key at ``path`` (PKCS#8 PEM, mode 0600, never overwriting).

    Returns the raw public key; publish it with its fingerprint.
    """
    key = Ed25519PrivateKey.generate()
    keyfiles.write_private_key(Path(path), key)
    return raw_public_key(key)


def load_roster_key(path: Path) -> Ed25519PrivateKey:
    """Load a roster signing key, refusing a file that group or others may read."""
    return keyfiles.read_ed25519_key(Path(path))


# -- the roster -------------------------------------------------------------------


@dataclass(frozen=True)
class Roster:
    """A parsed roster. Built by :func:`build_roster`; checked by :func:`parse_roster`."""

    name: str
    version: int
    issued_at: datetime
    expires_at: datetime
    members: tuple[NodeDescriptor, ...]
    signer_public: bytes
    signature: bytes

    @property
    def signer_kid(self) -> str:
        return roster_key_id(self.signer_public)

    @property
    def fingerprint(self) -> str:
        """Fingerprint of the signing roster key."""
        return roster_key_fingerprint(self.signer_public)

    @property
    def node_ids(self) -> tuple[str, ...]:
        return tuple(member.node_id for member in self.members)

    def _body_json(self) -> dict[str, JSONValue]:
        return {
            "v": ROSTER_FORMAT,
            "type": ROSTER_TYPE,
            "name": self.name,
            "version": self.version,
            "issued_at": format_utc(self.issued_at),
            "expires_at": format_utc(self.expires_at),
            "members": [member.to_json() for member in self.members],
            "signer": {
                "kid": self.signer_kid,
                "public_key": b64url_encode(self.signer_public),
            },
        }

    def signed_bytes(self) -> bytes:
        """Exactly what the signature covers: domain prefix + canonical body."""
        try:
            return SIGNATURE_DOMAIN + canonical_json(self._body_json())
        except CanonicalError as exc:
            raise RosterError(f"roster cannot be encoded: {exc}") from exc

    def to_json(self) -> dict[str, JSONValue]:
        obj = self._body_json()
        obj["signature"] = b64url_encode(self.signature)
        return obj

    def to_bytes(self) -> bytes:
        """The canonical JSON bytes of the signed roster (what ``roster sign`` writes)."""
        return canonical_json(self.to_json())

    def verify_signature(self) -> None:
        try:
            Ed25519PublicKey.from_public_bytes(self.signer_public).verify(
                self.signature, self.signed_bytes()
            )
        except (InvalidSignature, ValueError):
            raise RosterError("roster signature does not verify") from None


def build_roster(
    members: Iterable[NodeDescriptor],
    name: str,
    version: int,
    key: Ed25519PrivateKey,
    validity: timedelta,
    *,
    now: datetime | None = None,
) -> Roster:
    """Sign a roster of ``members`` (sorted by node id); RosterError for bad input."""
    issued = require_utc(now) if now is not None else utc_now()
    listed = sorted(members, key=lambda member: member.node_id)
    for index, member in enumerate(listed):
        _check_member(index, member)
    unsigned = Roster(
        name=name,
        version=version,
        issued_at=issued,
        expires_at=issued + validity,
        members=tuple(listed),
        signer_public=raw_public_key(key),
        signature=bytes(64),
    )
    _validate(unsigned)
    roster = replace(unsigned, signature=key.sign(unsigned.signed_bytes()))
    roster.verify_signature()  # never hand out a roster nodes would reject
    return roster


@dataclass(frozen=True)
class RosterHeader:
    """Name, version and signer of a roster, read before anything is verified.

    Only for choosing which trusted key to verify with and for error messages:
    nothing here is authenticated until :func:`parse_roster` succeeds.
    """

    name: str
    version: int
    signer_public: bytes

    @property
    def fingerprint(self) -> str:
        return roster_key_fingerprint(self.signer_public)


def read_roster_header(data: bytes | str) -> RosterHeader:
    """Parse the JSON and the top-level fields strictly, without verifying anything."""
    obj = _load(data)
    top = _read(obj, "", _FIELDS)
    signer = top.child("signer", _SIGNER_FIELDS)
    return RosterHeader(
        name=top.text("name"), version=top.safe_integer("version"), signer_public=_key(signer)
    )


def parse_roster(data: bytes | str, trusted_key: bytes, *, now: datetime | None = None) -> Roster:
    """Parse a roster strictly and verify it against ``trusted_key`` (raw Ed25519 public key)."""
    moment = require_utc(now) if now is not None else utc_now()
    obj = _load(data)
    top = _read(obj, "", _FIELDS)
    signer = top.child("signer", _SIGNER_FIELDS)
    public = _key(signer)
    if signer.text("kid") != roster_key_id(public):
        _fail("signer.kid", f"must be {roster_key_id(public)}, derived from signer.public_key")
    if public != trusted_key:
        raise RosterError(
            f"roster is signed by key {roster_key_fingerprint(public)}, not by the trusted "
            f"key {roster_key_fingerprint(trusted_key)}"
        )
    members = top.array("members")
    if len(members) > MAX_MEMBERS:
        _fail("members", f"must list at most {MAX_MEMBERS} nodes")
    roster = Roster(
        name=top.text("name"),
        version=top.safe_integer("version"),
        issued_at=top.time("issued_at"),
        expires_at=top.time("expires_at"),
        members=tuple(_parse_member(index, item) for index, item in enumerate(members)),
        signer_public=public,
        signature=top.base64("signature"),
    )
    _validate(roster)
    if len(roster.signature) != 64:
        _fail("signature", "must be a 64-byte Ed25519 signature")
    roster.verify_signature()
    for index, member in enumerate(roster.members):
        _check_member(index, member)
    _check_time_window(roster, moment)
    return roster


# -- validation --------------------------------------------------------------------


def _fail(path: str, problem: str) -> NoReturn:
    raise RosterError(f"roster field '{path}' {problem}")


def _load(data: bytes | str) -> dict[str, JSONValue]:
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_ROSTER_BYTES:
        raise RosterError(f"roster is larger than {MAX_ROSTER_BYTES // (1024 * 1024)} MiB")
    try:
        obj = parse_json_object(data)
    except CanonicalError as exc:
        raise RosterError(f"roster is not valid JSON: {exc}") from None
    if "v" not in obj:
        _fail("v", "is missing")
    if obj["v"] != ROSTER_FORMAT or isinstance(obj["v"], bool):
        raise RosterError(
            f"roster format {obj['v']!r} unsupported (this node reads format {ROSTER_FORMAT})"
        )
    if obj.get("type") != ROSTER_TYPE:
        _fail("type", f"must be {ROSTER_TYPE!r}")
    return obj


def _validate(roster: Roster) -> None:
    name = roster.name
    if not 0 < len(name) <= MAX_NAME or name != name.strip() or not name.isprintable():
        _fail("name", f"must be 1 to {MAX_NAME} printable characters without surrounding spaces")
    if _bad_int(roster.version) or roster.version < 1:
        _fail("version", f"must be an integer from 1 to {MAX_SAFE_INTEGER}")
    if not roster.expires_at > roster.issued_at:
        _fail("expires_at", "must be after issued_at")
    if roster.expires_at - roster.issued_at > MAX_VALIDITY:
        _fail("expires_at", f"must be at most {MAX_VALIDITY.days} days after issued_at")
    if len(roster.members) > MAX_MEMBERS:
        _fail("members", f"must list at most {MAX_MEMBERS} nodes")
    seen: dict[str, int] = {}
    for index, member in enumerate(roster.members):
        first = seen.setdefault(member.node_id, index)
        if first != index:
            _fail(f"members[{index}]", f"repeats node {member.node_id} (also members[{first}])")


def _check_member(index: int, member: NodeDescriptor) -> None:
    try:
        member.verify()
        if member.signing_key.kid == "sig-1":
            member.verify_node_id_binding()
    except DescriptorError as exc:
        _fail(f"members[{index}]", f"is refused: {exc}")


def _check_time_window(roster: Roster, now: datetime) -> None:
    if roster.issued_at > now + MAX_CLOCK_SKEW:
        _fail(
            "issued_at",
            f"is in the future ({format_utc(roster.issued_at)}, now {format_utc(now)}); "
            "check this node's clock",
        )
    if now >= roster.expires_at:
        raise RosterError(
            f"roster {roster.name!r} version {roster.version} expired at "
            f"{format_utc(roster.expires_at)}; ask its issuer for a current version"
        )


def _parse_member(index: int, item: object) -> NodeDescriptor:
    try:
        return NodeDescriptor.from_json(item)
    except DescriptorError as exc:
        _fail(f"members[{index}]", f"is not a valid node descriptor: {exc}")


def _bad_int(value: object) -> bool:
    return not isinstance(value, int) or isinstance(value, bool) or value > MAX_SAFE_INTEGER


def _read(obj: object, path: str, fields: Sequence[str]) -> JsonReader:
    return JsonReader(obj, path, fields, kind="roster", error=RosterError)


def _key(reader: JsonReader) -> bytes:
    try:
        return parse_public_key(reader.text("public_key"))
    except RosterError as exc:
        reader.problem("public_key", f"is invalid: {exc}")
