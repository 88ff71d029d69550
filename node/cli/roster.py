"""``talentverbund roster ...``: signed federation rosters.

For the coordination body that issues a roster: ``keygen`` and ``sign`` (no node
needed). For a node's operator: ``trust`` a roster key, ``apply`` rosters signed
by it, ``list`` and ``untrust``. Node commands go through ``api.dispatch``
(directly, or through the admin socket while the node serves), like ``peer``.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import click

from talentverbund.crypto.canonical import MAX_SAFE_INTEGER
from talentverbund.crypto.descriptor import NodeDescriptor, parse_descriptor
from talentverbund.crypto.errors import DescriptorError, KeyFileError, RosterError
from talentverbund.crypto.roster import (
    MAX_ROSTER_BYTES,
    MAX_VALIDITY,
    build_roster,
    generate_roster_key,
    load_roster_key,
    public_key_text,
    roster_key_fingerprint,
)
from talentverbund.node.cli.client import node_client
from talentverbund.node.cli.output import console, emit_json, table, warn
from talentverbund.node.errors import PartialSuccess, UsageError

DIR = click.argument("directory", type=click.Path(path_type=Path))
JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
NAME = click.option(
    "--name", required=True, help='The roster\'s name, e.g. "Landesnetz Schleswig-Holstein".'
)


@click.group()
def roster() -> None:
    """Signed federation rosters: peers vouched for by a trusted roster key."""


# -- for the issuer ---------------------------------------------------------------------


@roster.command()
@click.argument("key_file", type=click.Path(path_type=Path))
@NAME
@JSON
def keygen(key_file: Path, name: str, as_json: bool) -> None:
    """Create a roster signing key in KEY_FILE (mode 0600) for the roster NAME."""
    try:
        public = generate_roster_key(key_file)
    except KeyFileError as exc:
        raise UsageError(str(exc), "choose a new file; never replace a roster key") from None
    result = {
        "name": name,
        "key_file": str(key_file),
        "public_key": public_key_text(public),
        "fingerprint": roster_key_fingerprint(public),
    }
    if as_json:
        emit_json(result)
        return
    console.print(f"Roster key for {name!r} written to {key_file} (keep it offline)", markup=False)
    console.print(f"  public key:   {result['public_key']}", markup=False)
    console.print(f"  fingerprint:  {result['fingerprint']}", markup=False)
    console.print(
        "Give operators the public key, and confirm the fingerprint with each of them out of "
        "band; they run:",
        markup=False,
    )
    console.print(
        f"  talentverbund roster trust DIR {result['public_key']} --name {_quote(name)}",
        markup=False,
    )


@roster.command()
@click.argument("descriptor_files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--key", "key_file", required=True, type=click.Path(path_type=Path))
@click.option(
    "--version",
    "version",
    required=True,
    type=click.IntRange(1, MAX_SAFE_INTEGER),
    help="Roster version; must exceed every version issued before.",
)
@NAME
@click.option(
    "--valid-days",
    required=True,
    type=click.IntRange(1, MAX_VALIDITY.days),
    help="Days until the roster expires (nodes refuse to apply it afterwards).",
)
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path))
@JSON
def sign(
    descriptor_files: tuple[Path, ...],
    key_file: Path,
    version: int,
    name: str,
    valid_days: int,
    output: Path,
    as_json: bool,
) -> None:
    """Sign a roster listing the nodes of DESCRIPTOR_FILES (from 'talentverbund identity')."""
    members = [_read_descriptor(path) for path in descriptor_files]
    try:
        key = load_roster_key(key_file)
    except KeyFileError as exc:
        raise UsageError(str(exc), "give the key file made by 'roster keygen'") from None
    try:
        signed = build_roster(members, name, version, key, timedelta(days=valid_days))
    except RosterError as exc:
        raise UsageError(f"cannot sign the roster: {exc}", "fix the input and retry") from None
    output.write_bytes(signed.to_bytes() + b"\n")
    result = {
        "name": signed.name,
        "version": signed.version,
        "members": [{"node_id": m.node_id, "name": m.name} for m in signed.members],
        "issued_at": signed.issued_at.isoformat().replace("+00:00", "Z"),
        "expires_at": signed.expires_at.isoformat().replace("+00:00", "Z"),
        "fingerprint": signed.fingerprint,
        "output": str(output),
    }
    if as_json:
        emit_json(result)
        return
    console.print(
        f"Signed roster {signed.name!r} version {signed.version} with {len(signed.members)} "
        f"node(s), valid until {result['expires_at']}, written to {output}",
        markup=False,
    )
    console.print(f"  signing key fingerprint: {signed.fingerprint}", markup=False)


def _read_descriptor(path: Path) -> NodeDescriptor:
    try:
        return parse_descriptor(path.read_bytes())
    except FileNotFoundError:
        raise UsageError(f"{path} does not exist", "give the descriptor's path") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}", "give a JSON file") from None
    except DescriptorError as exc:
        raise UsageError(
            f"{path}: descriptor refused: {exc}",
            "use the unmodified JSON printed by 'talentverbund identity DIR' on that node",
        ) from None


def _quote(text: str) -> str:
    return text if text.replace("-", "").isalnum() else '"' + text.replace('"', '\\"') + '"'


# -- for a node's operator ----------------------------------------------------------------


@roster.command()
@DIR
@click.argument("public_key")
@NAME
@click.option("--fingerprint", help="Refuse unless the key has this fingerprint (as read to you).")
@click.option("--replace", is_flag=True, help="The issuer changed keys: trust this key instead.")
@JSON
def trust(
    directory: Path,
    public_key: str,
    name: str,
    fingerprint: str | None,
    replace: bool,
    as_json: bool,
) -> None:
    """Trust PUBLIC_KEY to sign the roster NAME; its members may then become peers."""
    params: dict[str, Any] = {"public_key": public_key, "name": name, "replace": replace}
    if fingerprint is not None:
        params["fingerprint"] = fingerprint
    with node_client(directory) as client:
        result = client.call("roster.trust", params)
    if as_json:
        emit_json(result)
        return
    console.print(f"Trusted the key of roster {result['name']!r}", markup=False)
    console.print(f"  fingerprint:  {result['fingerprint']}", markup=False)
    if result["replaced_fingerprint"]:
        console.print(f"  replaces:     {result['replaced_fingerprint']}", markup=False)
    if fingerprint is None:
        console.print(
            "Compare the fingerprint with the roster's issuer by phone or in person: whoever "
            "holds this key decides who may query this node.",
            markup=False,
        )


@roster.command(name="apply")
@DIR
@click.argument("roster_file", type=click.Path(path_type=Path))
@JSON
def apply_(directory: Path, roster_file: Path, as_json: bool) -> None:
    """Verify ROSTER_FILE against its trusted key and make its members this node's peers."""
    text = _read_roster(roster_file)
    with node_client(directory) as client:
        result = client.call("roster.apply", {"roster": text})
    if as_json:
        emit_json(result)
    else:
        _print_applied(result)
    if result["failed"]:
        raise PartialSuccess(
            f"{len(result['failed'])} member(s) of the roster could not be added (each "
            "reported above)",
            "fix what each message says, then 'peer add' them by hand or apply the next version",
        )


def _read_roster(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_ROSTER_BYTES:
            raise UsageError(
                f"{path} is larger than {MAX_ROSTER_BYTES // (1024 * 1024)} MiB",
                "give the roster file from its issuer",
            )
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path} does not exist", "give the roster file's path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}", "give the roster's JSON file") from None


def _print_applied(result: dict[str, Any]) -> None:
    previous = result["previous_version"]
    since = f" (was {previous})" if previous is not None else " (first version applied)"
    console.print(
        f"Applied roster {result['name']!r} version {result['version']}{since}: "
        f"{result['members']} member(s), valid until {result['expires_at']}",
        markup=False,
    )
    for item in result["added"]:
        pending = "" if item["certificate"] == "pinned" else " (certificate pending)"
        console.print(f"  added    {item['node_id']}  {item['name']}{pending}", markup=False)
    for node_id in result["updated"]:
        console.print(f"  updated  {node_id}  (newer descriptor)", markup=False)
    for node_id in result["removed"]:
        console.print(f"  removed  {node_id}  (no longer listed)", markup=False)
    for item in result["handed_over"]:
        console.print(
            f"  kept     {item['node_id']}  (still listed by roster {item['roster']!r})",
            markup=False,
        )
    for item in result["skipped"]:
        console.print(f"  skipped  {item['node_id']}  ({item['reason']})", markup=False)
    for item in result["failed"]:
        warn(f"  failed   {item['node_id']}: {item['error']}")
    if not (result["added"] or result["updated"] or result["removed"]):
        console.print("  no change to the peer set")


@roster.command(name="list")
@DIR
@JSON
def list_(directory: Path, as_json: bool) -> None:
    """Trusted roster keys, the version applied and the peers each roster added."""
    with node_client(directory) as client:
        rosters: list[dict[str, Any]] = client.call("roster.list", {})
    if as_json:
        emit_json(rosters)
        return
    rows = [
        [
            item["name"],
            item["fingerprint"],
            "none yet" if item["version"] is None else item["version"],
            (item["applied_at"] or "")[:19],
            (item["expires_at"] or "") + (" EXPIRED" if item["expired"] else ""),
            len(item["members"]),
            len(item["peers"]),
        ]
        for item in rosters
    ]
    columns = ["name", "fingerprint", "version", "applied", "expires", "listed", "peers added"]
    table("Trusted rosters", columns, rows)


@roster.command()
@DIR
@click.argument("name")
@click.option(
    "--keep-peers", is_flag=True, help="Keep the peers the roster added (as if added by hand)."
)
@JSON
def untrust(directory: Path, name: str, keep_peers: bool, as_json: bool) -> None:
    """Stop trusting the roster NAME and remove the peers it added."""
    with node_client(directory) as client:
        result = client.call("roster.untrust", {"name": name, "keep_peers": keep_peers})
    if as_json:
        emit_json(result)
        return
    console.print(f"No longer trusting roster {result['name']!r}", markup=False)
    for node_id in result["removed"]:
        console.print(f"  removed  {node_id}", markup=False)
    for node_id in result["kept"]:
        console.print(f"  kept     {node_id}  (now a peer added by hand)", markup=False)
    for item in result["handed_over"]:
        console.print(
            f"  kept     {item['node_id']}  (listed by roster {item['roster']!r})", markup=False
        )
