"""A node's long-term identity: the keys in ``DIR/keys`` (mode 0700) and what derives from them.

Files in the key directory::

    identity.json         non-secret state: node id, current/next signing kid, encryption kids
    signing-N.pem         Ed25519, current signing key (sig-N)
    signing-(N+1).pem     Ed25519, the NEXT signing key, committed to in the descriptor
    signing-(N-1).pem     Ed25519, the PREVIOUS signing key, only for a while after a
                          rotation that asked to keep it (to announce the new descriptor)
    encryption-M.pem      X25519 KEM keys (enc-M), each valid until a not_after date
    encryption-M.xwing    X-Wing (ML-KEM-768 + X25519) KEM keys: the 32-byte seed, only on
                          a node that opted into post-quantum sealing
    tls.pem, tls.crt      ECDSA P-256 key and self-signed certificate for mTLS
    tls-next.pem, .crt    the NEXT TLS key and certificate, only while a renewal is staged

Why this shape:

* The node id is derived once from the initial signing key and never changes,
  so peers keep one name for a node across key rotations.
* Pre-rotation (as in KERI): the descriptor publishes a hash of the next
  signing key. Whoever steals the current key cannot rotate to a key of their
  own, because peers only accept the key whose hash was committed earlier.
* Encryption keys are medium-term (default 180 days), signed via the descriptor;
  ``kem`` names the algorithm: X25519 always, X-Wing (ML-KEM-768 + X25519) beside it
  on a node that asks peers to seal post-quantum. Key ids (``enc-N``) count across both.
  Their private files are deleted once expired (:meth:`NodeIdentity.prune_encryption_keys`),
  so a key stolen later cannot open envelopes recorded before.
* After a signing-key rotation the previous key may be kept until a set time: peers
  still hold it, so it signs the message that announces the new descriptor to them.
* TLS uses P-256, not Ed25519, because every gRPC TLS stack negotiates it.
* A TLS renewal is staged before it is used (:meth:`NodeIdentity.stage_tls_certificate`):
  the next certificate is published in the descriptor while the current one is still
  presented, so peers pin both before :meth:`NodeIdentity.switch_tls_certificate`.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from . import keyfiles
from ._encoding import b64url_decode, b64url_encode, kid, kid_number
from ._kem import KEM_X25519 as KEM_X25519  # re-exported: callers name KEMs through identity
from ._kem import KEM_XWING as KEM_XWING
from ._time import format_utc, parse_utc, require_utc, utc_now
from .canonical import JSONValue, canonical_json, parse_json_object
from .errors import CanonicalError, CryptoError, KeyFileError
from .hpke import (
    XWING_SEED_SIZE,
    HpkePrivateKey,
    xwing_generate_seed,
    xwing_private_key,
    xwing_public_bytes,
)

SIGNING_ALG = "Ed25519"
IDENTITY_FILE = "identity.json"
TLS_KEY_FILE = "tls.pem"
TLS_CERT_FILE = "tls.crt"
TLS_NEXT_KEY_FILE = "tls-next.pem"
TLS_NEXT_CERT_FILE = "tls-next.crt"
DEFAULT_ENCRYPTION_VALIDITY = timedelta(days=180)
TLS_CERT_VALIDITY = timedelta(days=825)
TLS_BACKDATE = timedelta(hours=1)  # tolerate peers whose clocks run a little behind
STATE_FORMAT = 1

_NODE_ID_DOMAIN = b"talentverbund-node-id:"


def derive_node_id(initial_signing_public: bytes) -> str:
    """``tv1`` + base32 (lowercase, unpadded) of the first 20 bytes of a domain-separated hash."""
    digest = hashlib.sha256(_NODE_ID_DOMAIN + initial_signing_public).digest()[:20]
    return "tv1" + base64.b32encode(digest).decode("ascii").rstrip("=").lower()


def key_commitment(public: bytes) -> str:
    """Lowercase hex SHA-256 of a raw public key: what pre-rotation publishes in advance."""
    return hashlib.sha256(public).hexdigest()


def tls_fingerprint(cert: bytes) -> str:
    """``sha256:<hex>`` of a certificate's DER; accepts PEM or DER, as peers present either."""
    if cert.lstrip().startswith(b"-----BEGIN"):
        try:
            cert = x509.load_pem_x509_certificate(cert).public_bytes(serialization.Encoding.DER)
        except ValueError as exc:
            raise CryptoError("certificate PEM cannot be parsed") from exc
    return "sha256:" + hashlib.sha256(cert).hexdigest()


def tls_server_name(node_id: str) -> str:
    """DNS name in the node's certificate; clients set it as the TLS target name."""
    return f"{node_id}.node.talentverbund"


def tls_node_uri(node_id: str) -> str:
    """URI SAN naming the node in its certificate."""
    return f"urn:talentverbund:node:{node_id}"


@dataclass(frozen=True)
class EncryptionKey:
    """Public half of a KEM key as published in the descriptor."""

    kid: str
    kem: str
    public: bytes
    not_after: datetime

    def valid_at(self, now: datetime) -> bool:
        """Usable for new messages at ``now`` (expiry is exclusive)."""
        return require_utc(now) < self.not_after


@dataclass(frozen=True)
class _State:
    """Contents of identity.json."""

    node_id: str
    created_at: datetime
    initial_signing_public: bytes
    signing_kid: str
    next_signing_kid: str
    encryption_keys: tuple[tuple[str, str, datetime], ...]  # (kid, kem, not_after)
    previous_signing: tuple[str, datetime] | None = None  # (kid, delete after)
    tls_next_staged: datetime | None = None  # when the next TLS certificate was staged


class NodeIdentity:
    """The loaded key material of one node. Build with :meth:`create` or :meth:`load`."""

    def __init__(
        self,
        keydir: Path,
        state: _State,
        signing_key: Ed25519PrivateKey,
        next_signing_key: Ed25519PrivateKey,
        encryption_private: Mapping[str, tuple[HpkePrivateKey, bytes]],
        tls_key_pem: bytes,
        tls_cert_pem: bytes,
        previous_signing_key: Ed25519PrivateKey | None = None,
        tls_next: tuple[bytes, bytes] | None = None,
    ) -> None:
        self._keydir = keydir
        self._state = state
        self._signing_key = signing_key
        self._previous_signing_key = previous_signing_key
        self._next_public = _raw_public(next_signing_key)
        self._encryption_private = dict(encryption_private)  # kid -> (private, raw public)
        self._tls_key_pem = tls_key_pem
        self._tls_cert_pem = tls_cert_pem
        self._tls_next = tls_next  # (key PEM, certificate PEM) while a renewal is staged

    def __repr__(self) -> str:
        return f"NodeIdentity(node_id={self.node_id!r}, keydir={str(self._keydir)!r})"

    # -- construction ---------------------------------------------------------

    @classmethod
    def create(
        cls,
        keydir: Path,
        *,
        now: datetime | None = None,
        encryption_validity: timedelta = DEFAULT_ENCRYPTION_VALIDITY,
    ) -> NodeIdentity:
        """Generate every key into an empty ``keydir``; all files appear at once or none."""
        keydir = Path(keydir)
        moment = require_utc(now) if now is not None else utc_now()
        _require_empty(keydir)
        keydir.parent.mkdir(parents=True, exist_ok=True)
        staging = keydir.with_name(f".{keydir.name}.{secrets.token_hex(8)}.tmp")
        try:
            staging.mkdir(mode=keyfiles.PRIVATE_DIR_MODE)
            _generate_into(staging, moment, encryption_validity)
            os.chmod(staging, keyfiles.PRIVATE_DIR_MODE)
            keyfiles.fsync_dir(staging)
            os.rename(staging, keydir)  # replaces an empty keydir atomically
        except OSError as exc:
            raise KeyFileError(f"cannot create key directory {keydir}: {exc}") from exc
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        keyfiles.fsync_dir(keydir.parent)
        return cls.load(keydir)

    @classmethod
    def load(cls, keydir: Path) -> NodeIdentity:
        """Load and cross-check every file; any private file open to others is refused."""
        keydir = Path(keydir)
        keyfiles.check_private_dir(keydir)
        state = _finish_tls_switch(keydir, _read_state(keydir / IDENTITY_FILE))
        signing = keyfiles.read_ed25519_key(_signing_path(keydir, state.signing_kid))
        next_signing = keyfiles.read_ed25519_key(_signing_path(keydir, state.next_signing_kid))
        encryption = {
            key_id: _read_encryption_key(keydir, key_id, kem)
            for key_id, kem, _ in state.encryption_keys
        }
        tls_key_pem = keyfiles.read_private_file(keydir / TLS_KEY_FILE)
        tls_cert_pem = _read_public_file(keydir / TLS_CERT_FILE)
        _check_consistency(keydir, state, signing)
        _check_tls_pair(keydir, state.node_id, (tls_key_pem, tls_cert_pem), TLS_KEY_FILE)
        previous = None
        if state.previous_signing is not None:
            previous = keyfiles.read_ed25519_key(_signing_path(keydir, state.previous_signing[0]))
        tls_next = None
        if state.tls_next_staged is not None:
            tls_next = (
                keyfiles.read_private_file(keydir / TLS_NEXT_KEY_FILE),
                _read_public_file(keydir / TLS_NEXT_CERT_FILE),
            )
            _check_tls_pair(keydir, state.node_id, tls_next, TLS_NEXT_KEY_FILE)
        return cls(
            keydir,
            state,
            signing,
            next_signing,
            encryption,
            tls_key_pem,
            tls_cert_pem,
            previous,
            tls_next,
        )

    # -- public facts ---------------------------------------------------------

    @property
    def keydir(self) -> Path:
        return self._keydir

    @property
    def node_id(self) -> str:
        return self._state.node_id

    @property
    def created_at(self) -> datetime:
        return self._state.created_at

    @property
    def initial_signing_public_key(self) -> bytes:
        """Raw key the node id derives from (the current key until the first rotation)."""
        return self._state.initial_signing_public

    @property
    def signing_kid(self) -> str:
        return self._state.signing_kid

    @property
    def signing_public_key(self) -> bytes:
        """Raw 32-byte Ed25519 public key of the current signing key."""
        return _raw_public(self._signing_key)

    @property
    def next_signing_kid(self) -> str:
        return self._state.next_signing_kid

    @property
    def previous_signing_kid(self) -> str | None:
        """Key id of the signing key kept after a rotation, or None."""
        return None if self._state.previous_signing is None else self._state.previous_signing[0]

    @property
    def previous_signing_until(self) -> datetime | None:
        """When the kept previous signing key is to be deleted at the latest."""
        return None if self._state.previous_signing is None else self._state.previous_signing[1]

    def previous_signing_key(self) -> Ed25519PrivateKey | None:
        """The kept previous signing key: it signs only the announcement of a new
        descriptor to peers that still hold the old one."""
        return self._previous_signing_key

    @property
    def next_signing_key_commitment(self) -> str:
        """Hex SHA-256 of the next signing key; published now, revealed at rotation."""
        return key_commitment(self._next_public)

    @property
    def encryption_keys(self) -> tuple[EncryptionKey, ...]:
        """Every KEM key still on disk, oldest first (expired ones too, for decryption)."""
        return tuple(
            EncryptionKey(key_id, kem, self._encryption_private[key_id][1], not_after)
            for key_id, kem, not_after in self._state.encryption_keys
        )

    def valid_encryption_keys(self, now: datetime) -> tuple[EncryptionKey, ...]:
        """Keys to publish in a descriptor at ``now`` (not yet expired)."""
        return tuple(key for key in self.encryption_keys if key.valid_at(now))

    @property
    def tls_cert_pem(self) -> bytes:
        return self._tls_cert_pem

    @property
    def tls_key_pem(self) -> bytes:
        return self._tls_key_pem

    @property
    def tls_fingerprint(self) -> str:
        """``sha256:<hex>`` of the certificate DER; peers pin this."""
        return tls_fingerprint(self._tls_cert_pem)

    @property
    def tls_cert_not_after(self) -> datetime:
        """When the presented certificate expires (renew well before)."""
        return x509.load_pem_x509_certificate(self._tls_cert_pem).not_valid_after_utc

    @property
    def tls_next_cert_pem(self) -> bytes | None:
        """The staged next certificate (published, not presented yet), or None."""
        return None if self._tls_next is None else self._tls_next[1]

    @property
    def tls_next_staged_at(self) -> datetime | None:
        return self._state.tls_next_staged

    # -- use of private keys --------------------------------------------------

    def sign(self, message: bytes) -> bytes:
        """Ed25519 signature by the current signing key; callers add their domain prefix."""
        return self._signing_key.sign(message)

    def encryption_private_key(self, key_id: str) -> HpkePrivateKey:
        """Private KEM key ``key_id`` (e.g. ``enc-1``), for opening messages sealed to it."""
        try:
            return self._encryption_private[key_id][0]
        except KeyError:
            raise KeyFileError(f"no encryption key {key_id!r} in {self._keydir}") from None

    # -- rotation ---------------------------------------------------------------

    def rotate_signing_key(self, *, keep_previous_until: datetime | None = None) -> NodeIdentity:
        """Promote the committed next key and commit to a fresh one.

        The old key is deleted, unless ``keep_previous_until`` is given: then it is kept
        (as :meth:`previous_signing_key`) until :meth:`forget_previous_signing_key`, which
        the caller runs once peers hold the new descriptor or that time has come. A key
        kept from an earlier rotation is deleted now. Call only from the process that
        owns the key directory.
        """
        number = kid_number(self.next_signing_kid, "sig")
        new_next = kid("sig", number + 1)
        keyfiles.write_private_key(
            _signing_path(self._keydir, new_next), Ed25519PrivateKey.generate()
        )
        old = self.signing_kid
        kept = None if keep_previous_until is None else (old, require_utc(keep_previous_until))
        state = replace(
            self._state,
            signing_kid=self.next_signing_kid,
            next_signing_kid=new_next,
            previous_signing=kept,
        )
        _write_state(self._keydir, state, overwrite=True)
        stale = [self.previous_signing_kid] + ([old] if kept is None else [])
        for key_id in stale:
            if key_id is not None:
                with contextlib.suppress(FileNotFoundError):
                    _signing_path(self._keydir, key_id).unlink()
        return NodeIdentity.load(self._keydir)

    def forget_previous_signing_key(self) -> NodeIdentity:
        """Delete the signing key kept after the last rotation (no-op if there is none)."""
        key_id = self.previous_signing_kid
        if key_id is None:
            return self
        _write_state(self._keydir, replace(self._state, previous_signing=None), overwrite=True)
        with contextlib.suppress(FileNotFoundError):
            _signing_path(self._keydir, key_id).unlink()
        return NodeIdentity.load(self._keydir)

    def rotate_encryption_key(
        self,
        *,
        now: datetime | None = None,
        validity: timedelta = DEFAULT_ENCRYPTION_VALIDITY,
        kem: str = KEM_X25519,
    ) -> NodeIdentity:
        """Add a new key of ``kem``; older keys stay (for in-flight messages) until pruned."""
        moment = require_utc(now) if now is not None else utc_now()
        numbers = [kid_number(key_id, "enc") for key_id, _, _ in self._state.encryption_keys]
        key_id = kid("enc", max(numbers) + 1)
        _write_encryption_key(self._keydir, key_id, kem)
        entry = (key_id, kem, moment + validity)
        state = replace(self._state, encryption_keys=(*self._state.encryption_keys, entry))
        _write_state(self._keydir, state, overwrite=True)
        return NodeIdentity.load(self._keydir)

    def prune_encryption_keys(self, now: datetime, grace: timedelta) -> NodeIdentity:
        """Delete the private files of keys expired for longer than ``grace``.

        Peers seal only to keys valid when they send, and envelopes are refused
        outside a clock window, so ``grace`` slightly above that window lets every
        message sealed before expiry still open. Deleting the file is what makes
        recorded traffic unreadable with a key stolen later. The newest X25519 key
        always stays, so the node keeps one key to name even if rotation was neglected.
        """
        moment = require_utc(now)
        entries = self._state.encryption_keys
        newest = max(
            (entry for entry in entries if entry[1] == KEM_X25519),
            key=lambda entry: (entry[2], kid_number(entry[0], "enc")),
        )
        kept = tuple(e for e in entries if e is newest or moment < e[2] + grace)
        if len(kept) == len(entries):
            return self
        _write_state(self._keydir, replace(self._state, encryption_keys=kept), overwrite=True)
        for key_id, kem, _ in entries:
            if all(key_id != other for other, _, _ in kept):
                with contextlib.suppress(FileNotFoundError):
                    _encryption_path(self._keydir, key_id, kem).unlink()
        return NodeIdentity.load(self._keydir)

    def stage_tls_certificate(self, *, now: datetime | None = None) -> NodeIdentity:
        """Make the next TLS key and certificate (``tls-next.*``) without presenting them.

        The descriptor publishes the staged certificate so peers pin it next to the
        current one; :meth:`switch_tls_certificate` then starts presenting it. A fresh
        key, not only a fresh certificate: a renewal also retires the old TLS key.
        """
        if self._state.tls_next_staged is not None:
            raise CryptoError(
                f"a TLS certificate renewal is already staged (since "
                f"{format_utc(self._state.tls_next_staged)}); switch to it first"
            )
        moment = require_utc(now) if now is not None else utc_now()
        key = ec.generate_private_key(ec.SECP256R1())
        key_pem = keyfiles.private_key_to_pem(key)
        cert = make_tls_certificate(key, self.node_id, moment)
        keyfiles.write_file_atomic(
            self._keydir / TLS_NEXT_KEY_FILE,
            key_pem,
            mode=keyfiles.PRIVATE_FILE_MODE,
            overwrite=True,  # left by a staging that stopped before identity.json
        )
        keyfiles.write_file_atomic(
            self._keydir / TLS_NEXT_CERT_FILE,
            cert,
            mode=keyfiles.PUBLIC_FILE_MODE,
            overwrite=True,
        )
        _write_state(self._keydir, replace(self._state, tls_next_staged=moment), overwrite=True)
        return NodeIdentity.load(self._keydir)

    def switch_tls_certificate(self) -> NodeIdentity:
        """Present the staged certificate from now on; the old TLS key is deleted.

        Two renames, then identity.json: :meth:`load` completes a switch that stopped
        between them (:func:`_finish_tls_switch`).
        """
        if self._state.tls_next_staged is None:
            raise CryptoError("no TLS certificate renewal is staged")
        os.replace(self._keydir / TLS_NEXT_KEY_FILE, self._keydir / TLS_KEY_FILE)
        os.replace(self._keydir / TLS_NEXT_CERT_FILE, self._keydir / TLS_CERT_FILE)
        keyfiles.fsync_dir(self._keydir)
        _write_state(self._keydir, replace(self._state, tls_next_staged=None), overwrite=True)
        return NodeIdentity.load(self._keydir)


def make_tls_certificate(key: ec.EllipticCurvePrivateKey, node_id: str, now: datetime) -> bytes:
    """Self-signed leaf for mTLS, PEM: CN and SANs name the node; peers pin its fingerprint."""
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, node_id)])
    not_before = require_utc(now) - TLS_BACKDATE
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_before + TLS_CERT_VALIDITY)
    )
    for extension, critical in _tls_extensions(key, node_id):
        builder = builder.add_extension(extension, critical=critical)
    cert = builder.sign(key, hashes.SHA256())
    return cert.public_bytes(serialization.Encoding.PEM)


def _tls_extensions(
    key: ec.EllipticCurvePrivateKey, node_id: str
) -> list[tuple[x509.ExtensionType, bool]]:
    key_usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    names = x509.SubjectAlternativeName(
        [
            x509.DNSName(tls_server_name(node_id)),
            x509.UniformResourceIdentifier(tls_node_uri(node_id)),
        ]
    )
    usages = [ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]
    return [
        (x509.BasicConstraints(ca=False, path_length=None), True),
        (key_usage, True),
        (x509.ExtendedKeyUsage(usages), False),
        (names, False),
        (x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False),
    ]


# -- creation helpers -----------------------------------------------------------


def _require_empty(keydir: Path) -> None:
    if not keydir.exists():
        return
    if not keydir.is_dir():
        raise KeyFileError(f"{keydir} exists and is not a directory")
    if any(keydir.iterdir()):
        raise KeyFileError(
            f"{keydir} already holds keys; refusing to replace a node identity "
            "(load it instead, or move the directory away to start over)"
        )


def _generate_into(keydir: Path, now: datetime, encryption_validity: timedelta) -> None:
    signing = Ed25519PrivateKey.generate()
    node_id = derive_node_id(_raw_public(signing))
    keyfiles.write_private_key(_signing_path(keydir, "sig-1"), signing)
    keyfiles.write_private_key(_signing_path(keydir, "sig-2"), Ed25519PrivateKey.generate())
    _write_encryption_key(keydir, "enc-1", KEM_X25519)
    tls_key = ec.generate_private_key(ec.SECP256R1())
    keyfiles.write_private_key(keydir / TLS_KEY_FILE, tls_key)
    cert = make_tls_certificate(tls_key, node_id, now)
    keyfiles.write_file_atomic(keydir / TLS_CERT_FILE, cert, mode=keyfiles.PUBLIC_FILE_MODE)
    state = _State(
        node_id=node_id,
        created_at=now,
        initial_signing_public=_raw_public(signing),
        signing_kid="sig-1",
        next_signing_kid="sig-2",
        encryption_keys=(("enc-1", KEM_X25519, now + encryption_validity),),
    )
    _write_state(keydir, state)  # last: its presence marks a complete directory


# -- loading helpers ------------------------------------------------------------


def _read_public_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(f"{path} is missing") from None
    except OSError as exc:
        raise KeyFileError(f"{path} cannot be read: {exc.strerror}") from exc


def _read_encryption_key(keydir: Path, key_id: str, kem: str) -> tuple[HpkePrivateKey, bytes]:
    """(private key, raw public key) of one KEM key file."""
    path = _encryption_path(keydir, key_id, kem)
    if kem == KEM_X25519:
        key = keyfiles.read_x25519_key(path)
        return key, _raw_public(key)
    if kem == KEM_XWING:
        seed = keyfiles.read_private_file(path)
        if len(seed) != XWING_SEED_SIZE:
            raise KeyFileError(f"{path} must hold a {XWING_SEED_SIZE}-byte X-Wing seed")
        try:
            return xwing_private_key(seed), xwing_public_bytes(seed)
        except CryptoError as exc:
            raise KeyFileError(f"{path}: {exc}") from exc
    raise KeyFileError(f"{keydir / IDENTITY_FILE}: key {key_id} uses KEM {kem!r}, unsupported")


def _write_encryption_key(keydir: Path, key_id: str, kem: str) -> None:
    path = _encryption_path(keydir, key_id, kem)
    if kem == KEM_XWING:
        keyfiles.write_private_file(path, xwing_generate_seed())
    else:
        keyfiles.write_private_key(path, X25519PrivateKey.generate())


def _finish_tls_switch(keydir: Path, state: _State) -> _State:
    """Complete a TLS switch that stopped after moving the next key into place."""
    if state.tls_next_staged is None or (keydir / TLS_NEXT_KEY_FILE).exists():
        return state
    if (keydir / TLS_NEXT_CERT_FILE).exists():
        os.replace(keydir / TLS_NEXT_CERT_FILE, keydir / TLS_CERT_FILE)
        keyfiles.fsync_dir(keydir)
    state = replace(state, tls_next_staged=None)
    _write_state(keydir, state, overwrite=True)
    return state


def _check_consistency(keydir: Path, state: _State, signing: Ed25519PrivateKey) -> None:
    """Catch swapped or mixed-up files now rather than as baffling peer rejections later."""
    if derive_node_id(state.initial_signing_public) != state.node_id:
        raise KeyFileError(
            f"{keydir / IDENTITY_FILE}: node_id does not derive from the initial key"
        )
    if state.signing_kid == "sig-1" and _raw_public(signing) != state.initial_signing_public:
        raise KeyFileError(
            f"{_signing_path(keydir, 'sig-1')} does not belong to node {state.node_id}"
        )


def _check_tls_pair(keydir: Path, node_id: str, pair: tuple[bytes, bytes], key_file: str) -> None:
    """The certificate (``<key_file stem>.crt``) holds the key's public half and names the node."""
    key_pem, cert_pem = pair
    key_path = keydir / key_file
    cert_path = key_path.with_suffix(".crt")
    tls_key = keyfiles.p256_key_from_pem(key_pem, str(key_path))
    try:
        cert = x509.load_pem_x509_certificate(cert_pem)
    except ValueError as exc:
        raise KeyFileError(f"{cert_path} is not a PEM certificate") from exc
    if cert.public_key() != tls_key.public_key():
        raise KeyFileError(f"{cert_path} does not match {key_path}")
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if [name.value for name in names] != [node_id]:
        raise KeyFileError(f"{cert_path} is not issued to node {node_id}")


def _signing_path(keydir: Path, key_id: str) -> Path:
    return keydir / f"signing-{kid_number(key_id, 'sig')}.pem"


def _encryption_path(keydir: Path, key_id: str, kem: str) -> Path:
    suffix = "xwing" if kem == KEM_XWING else "pem"
    return keydir / f"encryption-{kid_number(key_id, 'enc')}.{suffix}"


def _raw_public(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


# -- identity.json ---------------------------------------------------------------


def _state_to_json(state: _State) -> dict[str, JSONValue]:
    obj: dict[str, JSONValue] = {
        "format": STATE_FORMAT,
        "node_id": state.node_id,
        "created_at": format_utc(state.created_at),
        "initial_signing_public": b64url_encode(state.initial_signing_public),
        "signing_kid": state.signing_kid,
        "next_signing_kid": state.next_signing_kid,
        "encryption_keys": [
            {"kid": key_id, "kem": kem, "not_after": format_utc(not_after)}
            for key_id, kem, not_after in state.encryption_keys
        ],
    }
    if state.previous_signing is not None:  # absent otherwise: older readers see no change
        key_id, until = state.previous_signing
        obj["previous_signing"] = {"kid": key_id, "until": format_utc(until)}
    if state.tls_next_staged is not None:  # likewise
        obj["tls_next_staged"] = format_utc(state.tls_next_staged)
    return obj


def _write_state(keydir: Path, state: _State, *, overwrite: bool = False) -> None:
    data = canonical_json(_state_to_json(state)) + b"\n"
    keyfiles.write_file_atomic(
        keydir / IDENTITY_FILE, data, mode=keyfiles.PUBLIC_FILE_MODE, overwrite=overwrite
    )


def _read_state(path: Path) -> _State:
    try:
        raw = parse_json_object(_read_public_file(path))
        return _state_from_json(raw)
    except (CanonicalError, ValueError, KeyError, TypeError) as exc:
        raise KeyFileError(f"{path} is damaged: {exc}") from exc


def _state_from_json(raw: dict[str, JSONValue]) -> _State:
    if raw.get("format") != STATE_FORMAT:
        raise ValueError(f"format {raw.get('format')!r} unsupported (expected {STATE_FORMAT})")
    entries = raw["encryption_keys"]
    if not isinstance(entries, list) or not entries:
        raise ValueError("encryption_keys must be a non-empty list")
    state = _State(
        node_id=_str(raw, "node_id"),
        created_at=parse_utc(_str(raw, "created_at")),
        initial_signing_public=b64url_decode(_str(raw, "initial_signing_public")),
        signing_kid=_str(raw, "signing_kid"),
        next_signing_kid=_str(raw, "next_signing_kid"),
        encryption_keys=tuple(_state_encryption_entry(entry) for entry in entries),
        previous_signing=_state_previous_signing(raw.get("previous_signing")),
        tls_next_staged=_optional_time(raw.get("tls_next_staged")),
    )
    if kid_number(state.next_signing_kid, "sig") != kid_number(state.signing_kid, "sig") + 1:
        raise ValueError("next_signing_kid must follow signing_kid")
    previous = state.previous_signing
    if previous is not None and kid_number(previous[0], "sig") >= kid_number(
        state.signing_kid, "sig"
    ):
        raise ValueError("previous_signing must name a key before signing_kid")
    key_ids = [key_id for key_id, _, _ in state.encryption_keys]
    if len(set(key_ids)) != len(key_ids):
        raise ValueError("encryption key ids must be unique")
    return state


def _state_encryption_entry(entry: JSONValue) -> tuple[str, str, datetime]:
    if not isinstance(entry, dict):
        raise TypeError("encryption_keys entries must be objects")
    key_id = _str(entry, "kid")
    kid_number(key_id, "enc")
    return key_id, _str(entry, "kem"), parse_utc(_str(entry, "not_after"))


def _state_previous_signing(entry: JSONValue) -> tuple[str, datetime] | None:
    if entry is None:
        return None
    if not isinstance(entry, dict):
        raise TypeError("previous_signing must be an object")
    return _str(entry, "kid"), parse_utc(_str(entry, "until"))


def _optional_time(value: JSONValue) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("tls_next_staged must be a time string")
    return parse_utc(value)


def _str(obj: Mapping[str, JSONValue], name: str) -> str:
    value = obj[name]
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string")
    return value
