"""Federation rosters on a node: trusted roster keys, applying rosters, revocation.

An operator may trust a roster key (``roster trust``); a roster signed by it
(:mod:`talentverbund.crypto.roster`) is applied with ``roster apply``: its members
become peers through the same code path as ``peer add``, and members that the
previous version of the same roster added and the new version lacks are removed.

State lives in ``DIR/rosters.json`` (mode 0600; a trust anchor, so it is refused
when others may read or write it), guarded by ``DIR/rosters.lock``::

    {"format": 1, "rosters": [{
        "name": str, "public_key": base64url, "fingerprint": str, "trusted_at": time,
        "version": int | null, "applied_at": time | null,
        "issued_at": time | null, "expires_at": time | null,
        "members": [node id, ...],   # listed by the applied version (our own id excluded)
        "added":   [node id, ...],   # peers this roster made; only these may it remove
        "pending": [node id, ...]    # adds in progress; reconciled if a run was cut short
    }],
    "revoked": [node id, ...]}       # peers removed by a roster (apply or untrust), not by hand

Rules, so a roster never overrides the operator:

* a member that is already a peer (added by hand or by another roster) is left
  alone and never removed by this roster;
* a member the operator removed by hand (``peer remove``) is not added back; the
  operator can ``peer add`` it by hand;
* a roster removes only peers it added itself; a peer still listed by another
  trusted roster is handed over to that roster instead of being removed;
* versions only move forward per roster name: an older or equal version is refused.
"""

from __future__ import annotations

import contextlib
import fcntl
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from talentverbund.crypto import keyfiles
from talentverbund.crypto.canonical import JSONValue, canonical_json, parse_json_object
from talentverbund.crypto.descriptor import NodeDescriptor
from talentverbund.crypto.errors import CanonicalError, KeyFileError, RosterError
from talentverbund.crypto.roster import (
    MAX_NAME,
    Roster,
    parse_public_key,
    parse_roster,
    public_key_text,
    read_roster_header,
    roster_key_fingerprint,
)
from talentverbund.node.errors import NodeError, NotFound, UsageError
from talentverbund.node.federation import peers
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.exchange_log import LogRecord
from talentverbund.node.runtime import NodeRuntime
from talentverbund.node.storage.models import Peer

STATE_FILE = "rosters.json"
LOCK_FILE = "rosters.lock"
STATE_FORMAT = 1
_TRUST_HINT = (
    "compare the key's fingerprint with the roster's issuer out of band, then run "
    "'talentverbund roster trust DIR PUBLIC_KEY --name NAME'"
)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- state file -----------------------------------------------------------------------


@dataclass
class RosterEntry:
    """One trusted roster key and what its applied versions did on this node."""

    name: str
    public_key: bytes
    trusted_at: str
    version: int | None = None
    applied_at: str | None = None
    issued_at: str | None = None
    expires_at: str | None = None
    members: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        return roster_key_fingerprint(self.public_key)

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "name": self.name,
            "public_key": public_key_text(self.public_key),
            "fingerprint": self.fingerprint,
            "trusted_at": self.trusted_at,
            "version": self.version,
            "applied_at": self.applied_at,
            "issued_at": self.issued_at,
            "expires_at": self.expires_at,
            "members": _json_ids(self.members),
            "added": _json_ids(self.added),
            "pending": _json_ids(self.pending),
        }

    @classmethod
    def from_json(cls, obj: Any) -> RosterEntry:
        public = parse_public_key(obj["public_key"])
        entry = cls(
            name=_typed(obj, "name", str),
            public_key=public,
            trusted_at=_typed(obj, "trusted_at", str),
            version=_typed(obj, "version", int, optional=True),
            applied_at=_typed(obj, "applied_at", str, optional=True),
            issued_at=_typed(obj, "issued_at", str, optional=True),
            expires_at=_typed(obj, "expires_at", str, optional=True),
            members=_ids(obj, "members"),
            added=_ids(obj, "added"),
            pending=_ids(obj, "pending"),
        )
        if obj.get("fingerprint") != entry.fingerprint:
            raise ValueError(f"fingerprint of roster {entry.name!r} does not match its key")
        return entry


def _typed(obj: Any, key: str, kind: type, *, optional: bool = False) -> Any:
    value = obj[key]
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"'{key}' must be {kind.__name__}")
    return value


def _ids(obj: Any, key: str) -> list[str]:
    value = obj[key]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"'{key}' must be a list of node ids")
    return list(value)


@dataclass
class RosterState:
    path: Path
    entries: list[RosterEntry]
    revoked: set[str] = field(default_factory=set)

    def by_name(self, name: str) -> RosterEntry | None:
        return next((e for e in self.entries if e.name == name), None)

    def by_key(self, public: bytes) -> RosterEntry | None:
        return next((e for e in self.entries if e.public_key == public), None)

    def save(self) -> None:
        body = {
            "format": STATE_FORMAT,
            "rosters": [e.to_json() for e in self.entries],
            "revoked": sorted(self.revoked),
        }
        try:
            keyfiles.write_private_file(self.path, canonical_json(body) + b"\n", overwrite=True)
        except KeyFileError as exc:
            raise NodeError(str(exc), "check the node directory's permissions") from None


def load_state(directory: Path) -> RosterState:
    path = directory / STATE_FILE
    if not path.exists():
        return RosterState(path, [])
    damaged = f"restore {path} from a backup, or move it away and trust the roster keys again"
    try:
        obj = parse_json_object(keyfiles.read_private_file(path))
        rosters = obj.get("rosters")
        if obj.get("format") != STATE_FORMAT or not isinstance(rosters, list):
            raise ValueError(f"expected format {STATE_FORMAT} with a list of rosters")
        entries = [RosterEntry.from_json(item) for item in rosters]
        revoked = set(_ids(obj, "revoked"))
    except KeyFileError as exc:  # wrong mode, not a regular file, unreadable
        raise NodeError(
            str(exc), "the roster trust file must be private to the node's user"
        ) from None
    except (CanonicalError, RosterError, ValueError, KeyError, TypeError) as exc:
        raise NodeError(f"{path} is damaged: {exc}", damaged) from None
    return RosterState(path, entries, revoked)


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[RosterState]:
    """The roster state, exclusively: ``roster`` commands may run in several processes."""
    with open(directory / LOCK_FILE, "ab") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield load_state(directory)
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# -- trust ----------------------------------------------------------------------------

_FINGERPRINT_CHARS = re.compile(r"[^0-9A-F]")


def _check_name(name: str) -> str:
    if not 0 < len(name) <= MAX_NAME or name != name.strip() or not name.isprintable():
        raise UsageError(
            f"roster name must be 1 to {MAX_NAME} printable characters without surrounding spaces",
            "give the name exactly as the roster's issuer spells it",
        )
    return name


def trust_roster(
    rt: NodeRuntime,
    public_key: str,
    name: str,
    *,
    fingerprint: str | None = None,
    replace: bool = False,
) -> dict[str, Any]:
    """Trust ``public_key`` to sign the roster called ``name`` on this node."""
    try:
        public = parse_public_key(public_key.strip())
    except RosterError as exc:
        raise UsageError(
            str(exc), "give the public key printed by 'talentverbund roster keygen'"
        ) from None
    _check_name(name)
    shown = roster_key_fingerprint(public)
    if fingerprint is not None:
        given = _FINGERPRINT_CHARS.sub("", fingerprint.upper())
        if given != shown.replace(" ", ""):
            raise UsageError(
                f"the key's fingerprint is {shown}, not {fingerprint}",
                "do not trust this key; ask the roster's issuer for the right one",
            )
    fed = rt.federation()
    with _locked(rt.config.directory) as state:
        other = state.by_key(public)
        if other is not None and other.name != name:
            raise UsageError(
                f"this key is already trusted for roster {other.name!r}",
                "a roster key signs exactly one roster; use the name it was trusted under",
            )
        entry = state.by_name(name)
        previous = None
        if entry is not None:
            if entry.public_key == public:
                raise UsageError(
                    f"roster {name!r} is already trusted with this key ({shown})",
                    "nothing to do; 'talentverbund roster list DIR' shows it",
                )
            if not replace:
                raise UsageError(
                    f"roster {name!r} is already trusted with another key ({entry.fingerprint})",
                    "if its issuer changed keys, confirm the new fingerprint out of band and "
                    "add --replace; the next roster signed by the new key is accepted at any "
                    "version and removes peers the old one added that it does not list",
                )
            previous = entry.fingerprint
            entry.public_key = public
            entry.version = None  # the new key starts its own version sequence
        else:
            entry = RosterEntry(name=name, public_key=public, trusted_at=_iso(fed.clock()))
            state.entries.append(entry)
        state.save()
    fed.log.append(
        LogRecord(
            direction="local",
            actor="operator",
            msg_type="roster",
            status="trusted",
            details={"name": name, "fingerprint": shown, "replaced_fingerprint": previous},
        )
    )
    return {
        "name": name,
        "fingerprint": shown,
        "public_key": public_key_text(public),
        "replaced_fingerprint": previous,
    }


def list_rosters(rt: NodeRuntime) -> list[dict[str, Any]]:
    now = rt.clock()
    result = []
    for entry in load_state(rt.config.directory).entries:
        item: dict[str, Any] = entry.to_json()
        item["expired"] = entry.expires_at is not None and _iso(now) >= entry.expires_at
        item["peers"] = item.pop("added")
        del item["pending"]
        result.append(item)
    return result


# -- apply ------------------------------------------------------------------------------


@dataclass
class _Outcome:
    added: list[dict[str, Any]] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    handed_over: list[dict[str, str]] = field(default_factory=list)


def _refuse(header_name: str, exc: RosterError) -> UsageError:
    return UsageError(
        f"roster {header_name!r} refused: {exc}",
        "nothing changed; use the unmodified file from the roster's issuer",
    )


def _verify(state: RosterState, text: str, now: datetime) -> tuple[RosterEntry, Roster]:
    try:
        header = read_roster_header(text)
    except RosterError as exc:
        raise UsageError(
            f"roster refused: {exc}", "nothing changed; use the file from the roster's issuer"
        ) from None
    entry = state.by_name(header.name)
    if entry is None:
        other = state.by_key(header.signer_public)
        if other is not None:
            raise UsageError(
                f"roster {header.name!r} is signed by the key trusted for roster {other.name!r} "
                f"({other.fingerprint}), not for {header.name!r}",
                "nothing changed; a roster key is trusted for one roster name only",
            )
        raise UsageError(
            f"roster {header.name!r} is signed by key {header.fingerprint}, which this node "
            "does not trust",
            "nothing changed; " + _TRUST_HINT,
        )
    if header.signer_public != entry.public_key:
        raise UsageError(
            f"roster {header.name!r} is signed by key {header.fingerprint}, but this node "
            f"trusts key {entry.fingerprint} for it",
            "nothing changed; if the issuer changed its key, confirm the new fingerprint out "
            "of band and run 'talentverbund roster trust DIR PUBLIC_KEY --name NAME --replace'",
        )
    try:
        roster = parse_roster(text, entry.public_key, now=now)
    except RosterError as exc:
        raise _refuse(header.name, exc) from None
    if entry.version is not None and roster.version <= entry.version:
        raise UsageError(
            f"roster {roster.name!r} version {roster.version} is not newer than the applied "
            f"version {entry.version}",
            "nothing changed; rosters only move forward: apply the issuer's newest version",
        )
    return entry, roster


def apply_roster(rt: NodeRuntime, text: str) -> dict[str, Any]:
    """Verify a roster against its trusted key and make the peer set follow it."""
    fed = rt.federation()
    with _locked(rt.config.directory) as state:
        entry, roster = _verify(state, text, fed.clock())
        active, removed_rows = _peer_rows(rt)
        _reconcile_pending(state, entry, active)
        listed = {m.node_id: m for m in roster.members if m.node_id != fed.node_id}
        owned = set(entry.added)
        others = [e for e in state.entries if e is not entry]
        outcome = _Outcome()
        if fed.node_id in roster.node_ids:
            outcome.skipped.append({"node_id": fed.node_id, "reason": "this node"})

        to_add: list[NodeDescriptor] = []
        for node_id, member in sorted(listed.items()):
            if node_id in active:
                if node_id in owned:
                    _maybe_update(fed, member, active[node_id], outcome)
                    state.revoked.discard(node_id)
                else:
                    owner = next((e.name for e in others if node_id in e.added), None)
                    how = f"through roster {owner!r}" if owner else "added by hand"
                    outcome.skipped.append({"node_id": node_id, "reason": f"already a peer, {how}"})
            elif node_id in removed_rows and node_id not in state.revoked:
                outcome.skipped.append(
                    {
                        "node_id": node_id,
                        "reason": "removed by the operator with 'peer remove'; "
                        "'peer add' it by hand to restore it",
                    }
                )
                _discard(entry.added, node_id)
            else:
                to_add.append(member)

        to_remove = sorted(node_id for node_id in owned - set(listed) if node_id in active)
        entry.pending = [m.node_id for m in to_add]
        for node_id in to_remove:
            holder = next((e for e in others if node_id in e.members), None)
            if holder is None:
                state.revoked.add(node_id)
        state.save()  # a run cut short now leaves a record of what it was doing

        for member in to_add:
            try:
                result = peers.add_peer(fed, member.to_bytes().decode("utf-8"))
            except NodeError as exc:
                outcome.failed.append({"node_id": member.node_id, "error": exc.message})
                continue
            outcome.added.append(
                {
                    "node_id": member.node_id,
                    "name": member.name,
                    "certificate": result["certificate"],
                }
            )
            state.revoked.discard(member.node_id)
            entry.added = sorted(set(entry.added) | {member.node_id})

        for node_id in to_remove:
            holder = next((e for e in others if node_id in e.members), None)
            if holder is not None:
                holder.added = sorted(set(holder.added) | {node_id})
                outcome.handed_over.append({"node_id": node_id, "roster": holder.name})
            else:
                with contextlib.suppress(NotFound):  # removed meanwhile: the goal is reached
                    peers.remove_peer(fed, node_id)
                outcome.removed.append(node_id)
            _discard(entry.added, node_id)
        for node_id in list(entry.added):
            if node_id not in listed and node_id not in active:
                _discard(entry.added, node_id)  # removed by the operator meanwhile

        previous = entry.version
        entry.version = roster.version
        entry.applied_at = _iso(fed.clock())
        entry.issued_at = _iso(roster.issued_at)
        entry.expires_at = _iso(roster.expires_at)
        entry.members = sorted(listed)
        entry.pending = []
        state.save()

    fed.log.append(
        LogRecord(
            direction="local",
            actor="operator",
            msg_type="roster",
            status="applied",
            details={
                "name": roster.name,
                "version": roster.version,
                "previous_version": previous,
                "fingerprint": roster.fingerprint,
                "members": len(roster.members),
                "added": [item["node_id"] for item in outcome.added],
                "updated": list(outcome.updated),
                "removed": list(outcome.removed),
                "failed": [item["node_id"] for item in outcome.failed],
            },
        )
    )
    return {
        "name": roster.name,
        "version": roster.version,
        "previous_version": previous,
        "fingerprint": roster.fingerprint,
        "issued_at": _iso(roster.issued_at),
        "expires_at": _iso(roster.expires_at),
        "members": len(roster.members),
        "added": outcome.added,
        "updated": outcome.updated,
        "unchanged": outcome.unchanged,
        "skipped": outcome.skipped,
        "failed": outcome.failed,
        "removed": outcome.removed,
        "handed_over": outcome.handed_over,
    }


def untrust_roster(rt: NodeRuntime, name: str, *, keep_peers: bool = False) -> dict[str, Any]:
    """Stop trusting roster ``name``; remove the peers it added unless ``keep_peers``."""
    fed = rt.federation()
    with _locked(rt.config.directory) as state:
        entry = state.by_name(name)
        if entry is None:
            raise NotFound(
                f"roster {name!r} is not trusted here", "see 'talentverbund roster list DIR'"
            )
        active, _ = _peer_rows(rt)
        state.entries.remove(entry)
        removed: list[str] = []
        handed_over: list[dict[str, str]] = []
        kept: list[str] = []
        for node_id in sorted(set(entry.added) | set(entry.pending)):
            if node_id not in active:
                continue
            holder = next((e for e in state.entries if node_id in e.members), None)
            if holder is not None:
                holder.added = sorted(set(holder.added) | {node_id})
                handed_over.append({"node_id": node_id, "roster": holder.name})
            elif keep_peers:
                kept.append(node_id)
            else:
                removed.append(node_id)
        state.revoked.update(removed)
        state.save()  # before the removals: a run cut short leaves the trust already gone
        for node_id in removed:
            with contextlib.suppress(NotFound):
                peers.remove_peer(fed, node_id)
    fed.log.append(
        LogRecord(
            direction="local",
            actor="operator",
            msg_type="roster",
            status="untrusted",
            details={
                "name": name,
                "fingerprint": entry.fingerprint,
                "removed": _json_ids(removed),
            },
        )
    )
    return {
        "name": name,
        "fingerprint": entry.fingerprint,
        "removed": removed,
        "kept": kept,
        "handed_over": handed_over,
    }


# -- helpers ------------------------------------------------------------------------------


def _peer_rows(rt: NodeRuntime) -> tuple[dict[str, Peer], set[str]]:
    """Active peers by node id, and the ids of removed ones."""
    with rt.sessions() as session:
        rows = session.scalars(select(Peer)).all()
        session.expunge_all()
    active = {row.node_id: row for row in rows if row.removed_at is None}
    return active, {row.node_id for row in rows if row.removed_at is not None}


def _reconcile_pending(state: RosterState, entry: RosterEntry, active: dict[str, Peer]) -> None:
    """Adds of a run that was cut short: those that took effect belong to the roster."""
    if not entry.pending:
        return
    owned_elsewhere = {node_id for e in state.entries if e is not entry for node_id in e.added}
    done = {n for n in entry.pending if n in active and n not in owned_elsewhere}
    entry.added = sorted(set(entry.added) | done)
    entry.pending = []


def _maybe_update(fed: Federation, member: NodeDescriptor, row: Peer, outcome: _Outcome) -> None:
    """A roster-owned peer: install the roster's descriptor if it is newer than ours."""
    stored = row.descriptor.get("sequence")
    if not isinstance(stored, int) or member.sequence <= stored:
        outcome.unchanged.append(member.node_id)
        return
    try:
        peers.add_peer(fed, member.to_bytes().decode("utf-8"))
    except NodeError as exc:
        outcome.failed.append({"node_id": member.node_id, "error": exc.message})
        return
    outcome.updated.append(member.node_id)


def _json_ids(items: list[str]) -> list[JSONValue]:
    return list(sorted(items))


def _discard(items: list[str], node_id: str) -> None:
    while node_id in items:
        items.remove(node_id)


# -- admin methods (node/api.py METHODS) ---------------------------------------------------


def _param(params: dict[str, Any], key: str) -> str:
    value = params.get(key)
    if not isinstance(value, str) or not value:
        raise UsageError(f"missing parameter '{key}'", "this is a bug in the caller")
    return value


def api_trust(rt: NodeRuntime, params: dict[str, Any]) -> Any:
    fingerprint = params.get("fingerprint")
    return trust_roster(
        rt,
        _param(params, "public_key"),
        _param(params, "name"),
        fingerprint=fingerprint if isinstance(fingerprint, str) else None,
        replace=bool(params.get("replace")),
    )


def api_apply(rt: NodeRuntime, params: dict[str, Any]) -> Any:
    return apply_roster(rt, _param(params, "roster"))


def api_list(rt: NodeRuntime, _params: dict[str, Any]) -> Any:
    return list_rosters(rt)


def api_untrust(rt: NodeRuntime, params: dict[str, Any]) -> Any:
    return untrust_roster(rt, _param(params, "name"), keep_peers=bool(params.get("keep_peers")))
