"""The descriptor this node issues, kept in ``DIR/keys/descriptor.json``.

Why keep it: peers compare sequences (a handshake reports the sender's, see
docs/protocol.md, section 7), so the node must know which descriptor it issued;
and re-signing unchanged facts under a new sequence would make every copy look
like an update. So a new descriptor is issued only when what it says changes:
keys (a rotation), endpoint, name, region or TLS certificate. An encryption key
that merely expired is no change (peers skip expired keys). The sequence is
microseconds since 1970 and always above the previous one.

The file is written only after the new descriptor's announcements to the peers
were queued (:mod:`.announce`), so a stored descriptor has always been sent.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from talentverbund.crypto import keyfiles
from talentverbund.crypto.canonical import canonical_json
from talentverbund.crypto.descriptor import NodeDescriptor, build_descriptor, parse_descriptor
from talentverbund.crypto.errors import DescriptorError
from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.config import NodeConfig

log = logging.getLogger("talentverbund.federation")

DESCRIPTOR_FILE = "descriptor.json"
_NOT_FACTS = ("issued_at", "sequence", "signature")


def load_issued(keydir: Path) -> NodeDescriptor | None:
    """The descriptor stored as issued, or None (none yet, or damaged: then a new one is
    issued and announced, which is always safe)."""
    path = keydir / DESCRIPTOR_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        return parse_descriptor(data)
    except DescriptorError as exc:
        log.warning(
            "issued descriptor unreadable; a new one will be issued", extra={"error": str(exc)}
        )
        return None


_SEQUENCES: dict[Path, tuple[tuple[int, int], int]] = {}  # file -> ((mtime_ns, size), sequence)


def issued_sequence(keydir: Path) -> int:
    """Sequence of the descriptor this node issues; 0 if it has not stored one yet.

    Every handshake, in and out, names it: the parsed value is reused until the file
    changes (it is replaced atomically, so a new descriptor has a new mtime or size)."""
    path = keydir / DESCRIPTOR_FILE
    try:
        stat = path.stat()
    except FileNotFoundError:
        return 0
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _SEQUENCES.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    issued = load_issued(keydir)
    sequence = 0 if issued is None else issued.sequence
    _SEQUENCES[path] = (stamp, sequence)
    return sequence


def save_issued(keydir: Path, descriptor: NodeDescriptor) -> None:
    keyfiles.write_file_atomic(
        keydir / DESCRIPTOR_FILE,
        descriptor.to_bytes() + b"\n",
        mode=keyfiles.PUBLIC_FILE_MODE,
        overwrite=True,
    )


def own_descriptor(
    config: NodeConfig, identity: NodeIdentity, now: datetime
) -> tuple[NodeDescriptor, bool]:
    """``(descriptor, is_new)``: the stored descriptor while it still states what a fresh
    one would, else a newly signed one with a higher sequence (not stored yet).

    Raises DescriptorError when no descriptor can be built (no valid encryption key,
    an endpoint peers cannot dial such as port 0).
    """
    stored = load_issued(identity.keydir)
    fresh = build_descriptor(
        identity,
        name=config.name,
        region=config.region,
        endpoint=config.endpoint,
        now=now,
        sequence=_next_sequence(stored, now),
    )
    if stored is not None and _facts(stored, now) == _facts(fresh, now):
        return stored, False
    return fresh, True


def _next_sequence(stored: NodeDescriptor | None, now: datetime) -> int:
    micros = int(now.timestamp() * 1_000_000)
    return micros if stored is None else max(micros, stored.sequence + 1)


def _facts(descriptor: NodeDescriptor, now: datetime) -> bytes:
    """What peers act on: everything but time, sequence, signature and expired keys."""
    body = descriptor.to_json()
    for name in _NOT_FACTS:
        del body[name]
    shown = body["encryption_keys"]
    assert isinstance(shown, list)
    body["encryption_keys"] = [
        item
        for item, key in zip(shown, descriptor.encryption_keys, strict=True)
        if key.valid_at(now)
    ]
    return canonical_json(body)
