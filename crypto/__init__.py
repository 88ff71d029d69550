"""Talentverbund cryptography: identity, descriptors, canonical JSON, encryption at rest.

A library: it imports nothing else of ours (no storage, no network, no CLI).
Modules, each one idea:

* :mod:`.canonical`  canonical JSON for signing; strict JSON parsing
* :mod:`.keyfiles`   private files written atomically 0600, refused if readable by others
* :mod:`.identity`   the node's keys in ``DIR/keys``, node id, TLS certificate
* :mod:`.descriptor` the signed public node descriptor peers exchange
* :mod:`.roster`     signed federation rosters (node descriptors vouched for by a roster key)
* :mod:`.atrest`     per-candidate data keys, sealing and key wrapping
* :mod:`.errors`     the exception hierarchy
"""

from .atrest import load_or_create_master_key, new_data_key, open_sealed, seal, unwrap_key, wrap_key
from .canonical import JSONValue, canonical_json, parse_json_object
from .descriptor import (
    DescriptorSignature,
    KeyCommitment,
    NodeDescriptor,
    SigningKeyInfo,
    build_descriptor,
    parse_descriptor,
)
from .errors import (
    CanonicalError,
    CryptoError,
    DescriptorError,
    KeyFileError,
    KeyPermissionError,
    RecordDecryptionError,
    RosterError,
)
from .identity import (
    EncryptionKey,
    NodeIdentity,
    derive_node_id,
    key_commitment,
    tls_fingerprint,
    tls_node_uri,
    tls_server_name,
)
from .keyfiles import read_private_file, write_private_file
from .roster import Roster, build_roster, parse_roster

__all__ = [
    "CanonicalError",
    "CryptoError",
    "DescriptorError",
    "DescriptorSignature",
    "EncryptionKey",
    "JSONValue",
    "KeyCommitment",
    "KeyFileError",
    "KeyPermissionError",
    "NodeDescriptor",
    "NodeIdentity",
    "RecordDecryptionError",
    "Roster",
    "RosterError",
    "SigningKeyInfo",
    "build_descriptor",
    "build_roster",
    "canonical_json",
    "derive_node_id",
    "key_commitment",
    "load_or_create_master_key",
    "new_data_key",
    "open_sealed",
    "parse_descriptor",
    "parse_json_object",
    "parse_roster",
    "read_private_file",
    "seal",
    "tls_fingerprint",
    "tls_node_uri",
    "tls_server_name",
    "unwrap_key",
    "wrap_key",
    "write_private_file",
]
