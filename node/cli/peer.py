"""``talentverbund peer ...``: add, list, remove and ping partner nodes.

Every operation goes through ``api.dispatch`` (directly, or through the admin socket
while the node serves), so the serving node's trust changes the moment the command
returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from talentverbund.node.cli.client import node_client
from talentverbund.node.cli.output import console, emit_json, table, warn
from talentverbund.node.errors import NodeError, UsageError

DIR = click.argument("directory", type=click.Path(path_type=Path))
JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
TIMEOUT = click.option(
    "--timeout", default=5.0, show_default=True, type=float, help="Deadline per peer, seconds."
)


@click.group()
def peer() -> None:
    """Partner nodes: exchange descriptors, check them, remove them."""


@peer.command()
@DIR
@click.argument("descriptor_file", type=click.Path(path_type=Path))
@JSON
def add(directory: Path, descriptor_file: Path, as_json: bool) -> None:
    """Trust the node described by DESCRIPTOR_FILE (from 'talentverbund identity' there)."""
    try:
        text = descriptor_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(
            f"{descriptor_file} does not exist", "give the descriptor's path"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {descriptor_file}: {exc}", "give a JSON text file") from None
    with node_client(directory) as client:
        result = client.call("peer.add", {"descriptor": text})
    if as_json:
        emit_json(result)
        return
    verb = "Updated" if result["replaced"] else "Added"
    console.print(f"{verb} peer {result['name']} ({result['node_id']})", markup=False)
    console.print(f"  endpoint:     {result['endpoint']}", markup=False)
    console.print(f"  fingerprint:  {result['fingerprint']}", markup=False)
    if result["certificate"] == "pinned":
        console.print(f"  certificate:  {result['tls_cert_sha256']} (fetched, matches the pin)")
    else:
        console.print("  certificate:  not fetched yet (the peer was not reachable)")
    for note in result["warnings"]:
        warn(f"warning: {note}")
    console.print(
        "Compare the fingerprint with the peer's operator by phone or in person before "
        "relying on this peer; peering is mutual, so they must add this node's descriptor too."
    )


@peer.command(name="list")
@DIR
@click.option("--check", is_flag=True, help="Handshake with each active peer now.")
@TIMEOUT
@JSON
def list_(directory: Path, check: bool, timeout: float, as_json: bool) -> None:
    """Every peer: id, name, endpoint, fingerprint, added, last contact, status."""
    with node_client(directory) as client:
        peers: list[dict[str, Any]] = client.call("peer.list", {})
        if check:
            for item in peers:
                if item["status"] != "removed":
                    item["check"] = _ping(client, item["node_id"], timeout)
    if as_json:
        emit_json(peers)
        return
    rows = []
    for item in peers:
        handshake = item.get("last_handshake") or {}
        versions = ",".join(str(v) for v in handshake.get("protocol_versions", []))
        status = item["status"]
        if item.get("via"):
            status += f" via {item['via']}"
        if "check" in item:
            status += " / " + ("ok" if item["check"]["ok"] else "FAIL")
        rows.append(
            [
                item["node_id"],
                item["name"],
                item["endpoint"],
                item["fingerprint"],
                (item["added_at"] or "")[:19],
                (item["last_contact_at"] or "never")[:19],
                versions,
                status,
            ]
        )
    columns = [
        "node id",
        "name",
        "endpoint",
        "fingerprint",
        "added",
        "last contact",
        "versions",
        "status",
    ]
    table("Peers", columns, rows)
    for item in peers:
        failure = item.get("check", {}).get("error") or (
            item["last_error"] if item["status"] != "removed" else None
        )
        if failure:
            warn(f"{item['name']} ({item['node_id']}): {failure}")
        if item.get("newer_descriptor") and item["status"] != "removed":
            warn(f"{item['name']} ({item['node_id']}): {item['newer_descriptor']}")


def _ping(client: Any, node_id: str, timeout: float) -> dict[str, Any]:
    try:
        result: dict[str, Any] = client.call("peer.ping", {"node_id": node_id, "timeout": timeout})
    except NodeError as exc:
        return {"ok": False, "error": exc.describe()}
    return result


@peer.command()
@DIR
@click.argument("node_id")
@JSON
def remove(directory: Path, node_id: str, as_json: bool) -> None:
    """Stop trusting NODE_ID at once (open connections included)."""
    with node_client(directory) as client:
        result = client.call("peer.remove", {"node_id": node_id})
    if as_json:
        emit_json(result)
        return
    console.print(f"Removed peer {result['name']} ({result['node_id']})", markup=False)


@peer.command()
@DIR
@click.argument("node_id")
@click.option("--via", "via", metavar="RELAY_ID", help="Reach NODE_ID through this peer.")
@click.option("--direct", is_flag=True, help="Reach NODE_ID directly again.")
@JSON
def relay(directory: Path, node_id: str, via: str | None, direct: bool, as_json: bool) -> None:
    """Reach NODE_ID through the peer RELAY_ID (which must enable [federation] relay)."""
    if (via is None) == (not direct):
        raise UsageError("give exactly one of --via RELAY_ID and --direct", "see --help")
    with node_client(directory) as client:
        result = client.call("peer.relay", {"node_id": node_id, "via": via})
    if as_json:
        emit_json(result)
        return
    how = f"through {result['via']}" if result["via"] else "directly"
    console.print(f"{result['name']} ({result['node_id']}) is reached {how}", markup=False)


@peer.command()
@DIR
@click.argument("node_id")
@TIMEOUT
@JSON
def ping(directory: Path, node_id: str, timeout: float, as_json: bool) -> None:
    """Handshake with NODE_ID now: sealed, signed, receipted and logged on both sides."""
    with node_client(directory) as client:
        result = client.call("peer.ping", {"node_id": node_id, "timeout": timeout})
    if as_json:
        emit_json(result)
        return
    console.print(
        f"handshake with {node_id} ok: {result['rtt_ms']:.1f} ms round trip, clock offset "
        f"{result['clock_offset_ms']} ms, model {result['model_id']}, receipt at the peer's "
        f"log entry {result['receipt']['log_index']}",
        markup=False,
    )
