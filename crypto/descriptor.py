"""The public node descriptor: what one node hands to its peers, signed by itself.

Format v1 is fixed: every field is validated, unknown fields are rejected, and
the signature covers the canonical JSON of everything except ``signature``,
prefixed by ``talentverbund/descriptor/v1\\n`` so it can never be mistaken for
a signature over any other kind of message.

What a peer checks, and why:

* :meth:`NodeDescriptor.verify`: the signature, with the embedded signing key.
* :meth:`NodeDescriptor.verify_node_id_binding`: the node id derives from the
  signing key; possible only before the first rotation (key ``sig-1``).
* :meth:`NodeDescriptor.verify_update`: a re-issued descriptor is newer, keeps
  the node id, and either keeps the signing key *and* the commitment to the next
  one, or reveals exactly the key its predecessor committed to (pre-rotation), so
  a thief of the current key can neither rotate to a key of their own nor commit
  to one for later.
* :meth:`NodeDescriptor.fingerprint_text`: for operators to compare by phone.

``tls_next_cert`` (optional, absent unless a TLS renewal is staged) carries the
certificate the node will present next, base64url DER: peers pin it beside
``tls_cert_sha256`` so the switch breaks no connection. Absent, it is not signed
either, so descriptors issued before the field existed keep their signatures.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import NoReturn

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ._encoding import b64url_encode, kid_number
from ._reader import JsonReader
from ._time import format_utc, require_utc
from .canonical import MAX_SAFE_INTEGER, JSONValue, canonical_json, parse_json_object
from .errors import CanonicalError, DescriptorError
from .hpke import kem_available
from .identity import (
    KEM_X25519,
    KEM_XWING,
    SIGNING_ALG,
    EncryptionKey,
    NodeIdentity,
    derive_node_id,
    key_commitment,
    tls_fingerprint,
)

DESCRIPTOR_VERSION = 1
SIGNATURE_DOMAIN = b"talentverbund/descriptor/v1\n"
FINGERPRINT_DOMAIN = b"talentverbund/fingerprint/v1\n"
COMMITMENT_ALG = "sha256"
KEM_PUBLIC_SIZES = {KEM_X25519: 32, KEM_XWING: 1216}  # X-Wing: draft-connolly-cfrg-xwing-kem
MAX_ENCRYPTION_KEYS = 8
MAX_PROTOCOL_VERSIONS = 16
MAX_TEXT = 200
MAX_CERTIFICATE_BYTES = 4096

# Land: ISO 3166-2 ("DE-SH"); Kreis: 5-digit Amtlicher Gemeindeschlüssel prefix ("01002").
REGION_RE = re.compile(r"DE|DE-(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)|[0-9]{5}")
NODE_ID_RE = re.compile(r"tv1[a-z2-7]{32}")
_HOST = r"(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)"
ENDPOINT_RE = re.compile(rf"{_HOST}:([0-9]{{1,5}})")
TLS_FINGERPRINT_RE = re.compile(r"sha256:[0-9a-f]{64}")
HEX_DIGEST_RE = re.compile(r"[0-9a-f]{64}")
MODEL_ID_RE = re.compile(r"[\x21-\x7e]{1,200}")

_TOP_FIELDS = (
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
)
_OPTIONAL_TOP_FIELDS = ("tls_next_cert",)


@dataclass(frozen=True)
class SigningKeyInfo:
    """The node's current Ed25519 signing key (``alg`` is always Ed25519 in v1)."""

    kid: str
    public: bytes


@dataclass(frozen=True)
class KeyCommitment:
    """SHA-256 of the next signing key, published before that key is used."""

    kid: str
    digest: str


@dataclass(frozen=True)
class DescriptorSignature:
    """Ed25519 signature by ``kid`` over the domain-separated canonical body."""

    kid: str
    value: bytes


@dataclass(frozen=True)
class NodeDescriptor:
    """A node's signed public descriptor (format v1). Validated when built."""

    node_id: str
    name: str
    region: str
    endpoint: str
    signing_key: SigningKeyInfo
    next_signing_key_commitment: KeyCommitment
    encryption_keys: tuple[EncryptionKey, ...]
    tls_cert_sha256: str
    protocol_versions: tuple[int, ...]
    model_id: str | None
    issued_at: datetime
    sequence: int
    signature: DescriptorSignature
    tls_next_cert: bytes | None = None  # DER of the staged next certificate

    def __post_init__(self) -> None:
        _validate_identity_fields(self)
        _validate_keys(self)
        _validate_metadata(self)

    # -- serialisation ------------------------------------------------------------

    def to_json(self) -> dict[str, JSONValue]:
        """The wire/JSON form peers exchange (``talentverbund identity`` prints it)."""
        obj = self._body_json()
        obj["signature"] = {
            "kid": self.signature.kid,
            "alg": SIGNING_ALG,
            "value": b64url_encode(self.signature.value),
        }
        return obj

    def to_bytes(self) -> bytes:
        """Canonical JSON bytes of :meth:`to_json`."""
        return canonical_json(self.to_json())

    @classmethod
    def from_json(cls, obj: object) -> NodeDescriptor:
        """Parse and validate (not verify) a descriptor; errors name the offending field."""
        return _parse(obj)

    def signed_bytes(self) -> bytes:
        """Exactly what the signature covers: domain prefix + canonical body."""
        try:
            return SIGNATURE_DOMAIN + canonical_json(self._body_json())
        except CanonicalError as exc:
            raise DescriptorError(f"descriptor cannot be encoded: {exc}") from exc

    def _body_json(self) -> dict[str, JSONValue]:
        return {
            "descriptor_version": DESCRIPTOR_VERSION,
            "node_id": self.node_id,
            "name": self.name,
            "region": self.region,
            "endpoint": self.endpoint,
            "signing_key": {
                "kid": self.signing_key.kid,
                "alg": SIGNING_ALG,
                "public": b64url_encode(self.signing_key.public),
            },
            "next_signing_key_commitment": {
                "kid": self.next_signing_key_commitment.kid,
                "alg": COMMITMENT_ALG,
                "digest": self.next_signing_key_commitment.digest,
            },
            "encryption_keys": [_encryption_key_json(key) for key in self.encryption_keys],
            "tls_cert_sha256": self.tls_cert_sha256,
            "protocol_versions": list(self.protocol_versions),
            "model_id": self.model_id,
            "issued_at": format_utc(self.issued_at),
            "sequence": self.sequence,
            **(
                {}
                if self.tls_next_cert is None
                else {"tls_next_cert": b64url_encode(self.tls_next_cert)}
            ),
        }

    # -- verification -------------------------------------------------------------

    def verify(self) -> None:
        """Check the signature with the embedded signing key; raise DescriptorError if not."""
        try:
            public = Ed25519PublicKey.from_public_bytes(self.signing_key.public)
            public.verify(self.signature.value, self.signed_bytes())
        except (InvalidSignature, ValueError):
            raise DescriptorError("descriptor signature does not verify") from None

    def verify_node_id_binding(self) -> None:
        """Check node_id derives from the signing key; only possible while it is ``sig-1``."""
        if self.signing_key.kid != "sig-1":
            raise DescriptorError(
                f"descriptor is signed by rotated key {self.signing_key.kid}; the node id "
                "derives from sig-1 and cannot be re-derived: compare fingerprint_text() "
                "out of band or accept it as an update with verify_update()"
            )
        if derive_node_id(self.signing_key.public) != self.node_id:
            raise DescriptorError("descriptor node_id does not derive from its signing key sig-1")

    def verify_update(self, previous: NodeDescriptor) -> None:
        """Accept this descriptor as the successor of ``previous`` (already trusted) or raise."""
        self.verify()
        if self.node_id != previous.node_id:
            raise DescriptorError(
                f"descriptor node_id {self.node_id} does not match stored {previous.node_id}"
            )
        if self.sequence <= previous.sequence:
            raise DescriptorError(
                f"descriptor sequence {self.sequence} is not newer than stored {previous.sequence}"
            )
        _check_key_succession(previous, self)

    # -- use --------------------------------------------------------------------------

    def fingerprint_text(self) -> str:
        """Node id + signing key digest as 8 groups of 4 hex digits, e.g. ``3F2A 9C01 ...``."""
        material = {
            "node_id": self.node_id,
            "signing_key": {
                "kid": self.signing_key.kid,
                "alg": SIGNING_ALG,
                "public": b64url_encode(self.signing_key.public),
            },
        }
        digest = hashlib.sha256(FINGERPRINT_DOMAIN + canonical_json(material)).hexdigest()
        return " ".join(digest[i : i + 4].upper() for i in range(0, 32, 4))

    def current_encryption_key(self, now: datetime, kem: str = KEM_X25519) -> EncryptionKey:
        """The newest key of ``kem`` still valid at ``now``; seal messages to this one."""
        valid = [key for key in self.encryption_keys if key.kem == kem and key.valid_at(now)]
        if not valid:
            raise DescriptorError(
                f"descriptor of {self.node_id} has no {kem} key valid at {format_utc(now)}"
            )
        # the newest: latest expiry, then the higher key number (same-second rotations)
        return max(valid, key=lambda key: (key.not_after, kid_number(key.kid, "enc")))

    def sealing_key(self, now: datetime) -> EncryptionKey:
        """The key to seal to at ``now``: the node's X-Wing key if it publishes one
        (it asks for post-quantum sealing) and ML-KEM is available here, else X25519."""
        if kem_available(KEM_XWING) and any(
            key.kem == KEM_XWING and key.valid_at(now) for key in self.encryption_keys
        ):
            return self.current_encryption_key(now, KEM_XWING)
        return self.current_encryption_key(now)

    def encryption_key(self, kid: str) -> EncryptionKey:
        """The key named ``kid`` (e.g. from an incoming envelope header)."""
        for key in self.encryption_keys:
            if key.kid == kid:
                return key
        raise DescriptorError(f"descriptor of {self.node_id} has no encryption key {kid!r}")


def build_descriptor(
    identity: NodeIdentity,
    name: str,
    region: str,
    endpoint: str,
    now: datetime,
    sequence: int,
    model_id: str | None = None,
    protocol_versions: Sequence[int] = (DESCRIPTOR_VERSION,),
) -> NodeDescriptor:
    """Build and sign this node's descriptor; raises DescriptorError for bad input."""
    encryption_keys = identity.valid_encryption_keys(now)
    if not encryption_keys:
        raise DescriptorError(
            f"no encryption key of {identity.node_id} is valid at {format_utc(now)}; "
            "rotate the encryption key first"
        )
    unsigned = NodeDescriptor(
        node_id=identity.node_id,
        name=name,
        region=region,
        endpoint=endpoint,
        signing_key=SigningKeyInfo(identity.signing_kid, identity.signing_public_key),
        next_signing_key_commitment=KeyCommitment(
            identity.next_signing_kid, identity.next_signing_key_commitment
        ),
        encryption_keys=encryption_keys,
        tls_cert_sha256=identity.tls_fingerprint,
        protocol_versions=tuple(protocol_versions),
        model_id=model_id,
        issued_at=require_utc(now),
        sequence=sequence,
        signature=DescriptorSignature(identity.signing_kid, bytes(64)),
        tls_next_cert=_der(identity.tls_next_cert_pem),
    )
    value = identity.sign(unsigned.signed_bytes())
    signed = replace(unsigned, signature=DescriptorSignature(identity.signing_kid, value))
    signed.verify()  # never hand out a descriptor peers would reject
    return signed


def parse_descriptor(data: bytes | str) -> NodeDescriptor:
    """Parse descriptor JSON text strictly and verify its signature: the safe default."""
    try:
        obj = parse_json_object(data)
    except CanonicalError as exc:
        raise DescriptorError(f"descriptor is not valid JSON: {exc}") from exc
    descriptor = NodeDescriptor.from_json(obj)
    descriptor.verify()
    return descriptor


# -- validation (raises DescriptorError naming the field) ---------------------------


def _fail(path: str, problem: str) -> NoReturn:
    raise DescriptorError(f"descriptor field '{path}' {problem}")


def _validate_identity_fields(d: NodeDescriptor) -> None:
    if not NODE_ID_RE.fullmatch(d.node_id):
        _fail("node_id", "must be 'tv1' followed by 32 base32 characters")
    _check_text("name", d.name)
    if not REGION_RE.fullmatch(d.region):
        _fail("region", "must be a Land code like DE-SH or a 5-digit Kreis code like 01002")
    match = ENDPOINT_RE.fullmatch(d.endpoint)
    if not match or not 0 < int(match.group(1)) < 65536:
        _fail("endpoint", "must be host:port")
    if not TLS_FINGERPRINT_RE.fullmatch(d.tls_cert_sha256):
        _fail("tls_cert_sha256", "must be 'sha256:' followed by 64 lowercase hex digits")
    if d.tls_next_cert is not None:
        _validate_next_certificate(d.tls_next_cert, d.tls_cert_sha256)


def _validate_next_certificate(der: bytes, current: str) -> None:
    if not 0 < len(der) <= MAX_CERTIFICATE_BYTES:
        _fail("tls_next_cert", f"must be a DER certificate of 1 to {MAX_CERTIFICATE_BYTES} bytes")
    try:
        x509.load_der_x509_certificate(der)
    except ValueError:
        _fail("tls_next_cert", "must be a DER X.509 certificate")
    if tls_fingerprint(der) == current:
        _fail("tls_next_cert", "must differ from the certificate pinned by tls_cert_sha256")


def _validate_keys(d: NodeDescriptor) -> None:
    number = _kid(d.signing_key.kid, "sig", "signing_key.kid")
    if len(d.signing_key.public) != 32:
        _fail("signing_key.public", "must be a 32-byte Ed25519 public key")
    commitment = d.next_signing_key_commitment
    if commitment.kid != f"sig-{number + 1}":
        _fail("next_signing_key_commitment.kid", f"must be sig-{number + 1}")
    if not HEX_DIGEST_RE.fullmatch(commitment.digest):
        _fail("next_signing_key_commitment.digest", "must be 64 lowercase hex digits")
    if d.signature.kid != d.signing_key.kid:
        _fail("signature.kid", f"must name the signing key {d.signing_key.kid}")
    if len(d.signature.value) != 64:
        _fail("signature.value", "must be a 64-byte Ed25519 signature")
    _validate_encryption_keys(d.encryption_keys)


def _validate_encryption_keys(keys: tuple[EncryptionKey, ...]) -> None:
    if not 0 < len(keys) <= MAX_ENCRYPTION_KEYS:
        _fail("encryption_keys", f"must hold 1 to {MAX_ENCRYPTION_KEYS} keys")
    for index, key in enumerate(keys):
        path = f"encryption_keys[{index}]"
        _kid(key.kid, "enc", f"{path}.kid")
        size = KEM_PUBLIC_SIZES.get(key.kem)
        if size is None:
            _fail(f"{path}.kem", f"must be one of {', '.join(sorted(KEM_PUBLIC_SIZES))}")
        if len(key.public) != size:
            _fail(f"{path}.public", f"must be a {size}-byte {key.kem} public key")
        _check_time(f"{path}.not_after", key.not_after)
    if len({key.kid for key in keys}) != len(keys):
        _fail("encryption_keys", "must not repeat a kid")
    if not any(key.kem == KEM_X25519 for key in keys):
        _fail("encryption_keys", "must include an X25519 key")


def _validate_metadata(d: NodeDescriptor) -> None:
    versions = d.protocol_versions
    if not 0 < len(versions) <= MAX_PROTOCOL_VERSIONS:
        _fail("protocol_versions", f"must list 1 to {MAX_PROTOCOL_VERSIONS} versions")
    if any(_bad_int(v) or v < 1 for v in versions) or list(versions) != sorted(set(versions)):
        _fail("protocol_versions", "must be positive integers in increasing order")
    if d.model_id is not None and not MODEL_ID_RE.fullmatch(d.model_id):
        _fail("model_id", "must be null or 1 to 200 printable ASCII characters without spaces")
    _check_time("issued_at", d.issued_at)
    if _bad_int(d.sequence) or d.sequence < 0:
        _fail("sequence", f"must be an integer from 0 to {MAX_SAFE_INTEGER}")


def _check_text(path: str, value: str) -> None:
    if not 0 < len(value) <= MAX_TEXT or value != value.strip():
        _fail(path, f"must be 1 to {MAX_TEXT} characters without surrounding spaces")
    if not value.isprintable():
        _fail(path, "must not contain control characters")


def _check_time(path: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() or value.microsecond:
        _fail(path, "must be a UTC time in whole seconds")


def _kid(value: str, prefix: str, path: str) -> int:
    try:
        return kid_number(value, prefix)
    except ValueError:
        _fail(path, f"must be a key id like {prefix}-1")


def _bad_int(value: object) -> bool:
    return not isinstance(value, int) or isinstance(value, bool) or value > MAX_SAFE_INTEGER


def _check_key_succession(previous: NodeDescriptor, descriptor: NodeDescriptor) -> None:
    current = descriptor.signing_key
    kid = current.kid
    if kid == previous.signing_key.kid:
        if current.public != previous.signing_key.public:
            raise DescriptorError(f"descriptor signing key {kid} differs from the stored {kid}")
        if descriptor.next_signing_key_commitment != previous.next_signing_key_commitment:
            # else a thief of the current key could commit to their own and rotate later
            raise DescriptorError(
                f"descriptor keeps signing key {kid} but commits to another next key than "
                "the stored descriptor; only a rotation to the committed key may do that"
            )
        return
    committed = previous.next_signing_key_commitment
    if kid != committed.kid:
        raise DescriptorError(
            f"descriptor signing key {kid} is not the committed next key {committed.kid}; "
            "re-exchange the descriptor out of band"
        )
    if key_commitment(current.public) != committed.digest:
        raise DescriptorError(
            f"descriptor signing key {kid} does not match the commitment in the stored descriptor"
        )


def _encryption_key_json(key: EncryptionKey) -> dict[str, JSONValue]:
    return {
        "kid": key.kid,
        "kem": key.kem,
        "public": b64url_encode(key.public),
        "not_after": format_utc(key.not_after),
    }


# -- parsing ----------------------------------------------------------------------


def _read(obj: object, path: str, fields: Sequence[str]) -> JsonReader:
    return JsonReader(obj, path, fields, kind="descriptor", error=DescriptorError)


def _parse(obj: object) -> NodeDescriptor:
    if isinstance(obj, dict) and "descriptor_version" in obj:
        version = obj["descriptor_version"]
        if version != DESCRIPTOR_VERSION or isinstance(version, bool):
            supported = DESCRIPTOR_VERSION
            raise DescriptorError(
                f"descriptor version {version!r} unsupported (this node speaks {supported})"
            )
    top = JsonReader(
        obj,
        "",
        _TOP_FIELDS,
        kind="descriptor",
        error=DescriptorError,
        optional=_OPTIONAL_TOP_FIELDS,
    )
    return NodeDescriptor(
        node_id=top.text("node_id"),
        name=top.text("name"),
        region=top.text("region"),
        endpoint=top.text("endpoint"),
        signing_key=_parse_signing_key(top.child("signing_key", ("kid", "alg", "public"))),
        next_signing_key_commitment=_parse_commitment(
            top.child("next_signing_key_commitment", ("kid", "alg", "digest"))
        ),
        encryption_keys=_parse_encryption_keys(top.array("encryption_keys")),
        tls_cert_sha256=top.text("tls_cert_sha256"),
        protocol_versions=_parse_versions(top.array("protocol_versions")),
        model_id=top.optional_text("model_id"),
        issued_at=top.time("issued_at"),
        sequence=top.integer("sequence"),
        signature=_parse_signature(top.child("signature", ("kid", "alg", "value"))),
        tls_next_cert=top.base64("tls_next_cert") if top.present("tls_next_cert") else None,
    )


def _der(pem: bytes | None) -> bytes | None:
    if pem is None:
        return None
    return x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)


def _parse_signing_key(r: JsonReader) -> SigningKeyInfo:
    r.const("alg", SIGNING_ALG)
    return SigningKeyInfo(kid=r.text("kid"), public=r.base64("public"))


def _parse_commitment(r: JsonReader) -> KeyCommitment:
    r.const("alg", COMMITMENT_ALG)
    return KeyCommitment(kid=r.text("kid"), digest=r.text("digest"))


def _parse_signature(r: JsonReader) -> DescriptorSignature:
    r.const("alg", SIGNING_ALG)
    return DescriptorSignature(kid=r.text("kid"), value=r.base64("value"))


def _parse_encryption_keys(items: list[object]) -> tuple[EncryptionKey, ...]:
    if len(items) > MAX_ENCRYPTION_KEYS:
        _fail("encryption_keys", f"must hold 1 to {MAX_ENCRYPTION_KEYS} keys")
    keys = []
    for index, item in enumerate(items):
        r = _read(item, f"encryption_keys[{index}]", ("kid", "kem", "public", "not_after"))
        keys.append(
            EncryptionKey(r.text("kid"), r.text("kem"), r.base64("public"), r.time("not_after"))
        )
    return tuple(keys)


def _parse_versions(items: list[object]) -> tuple[int, ...]:
    if len(items) > MAX_PROTOCOL_VERSIONS:
        _fail("protocol_versions", f"must list 1 to {MAX_PROTOCOL_VERSIONS} versions")
    for index, item in enumerate(items):
        if not isinstance(item, int) or isinstance(item, bool):
            _fail(f"protocol_versions[{index}]", "must be an integer")
    return tuple(item for item in items if isinstance(item, int))
