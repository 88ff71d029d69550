"""``talentverbund keys rotate``, ``rotate-encryption`` and ``renew-tls``: keys over time.

``rotate`` moves to the signing key the descriptor committed to;
``rotate-encryption`` adds a new medium-term encryption key (``serve`` also does
this by itself, ``keys.encryption_rotation_days``).

Pre-rotation: every descriptor names the hash of the *next* signing key, so a
thief of the current key cannot rotate to a key of their own — peers accept a
new key only if it is the committed one. The node id and the TLS certificate
stay the same, so certificate pins at the peers stay valid.

``renew-tls`` replaces the TLS key and certificate in two steps so that no peer
loses contact: the next certificate is first published (peers pin it beside the
current one), and presented only once every peer has it ('serve' also renews by
itself, ``keys.tls_renew_days`` before expiry).

The node announces the new descriptor to every active peer itself (a
``descriptor_update`` notice, retried until delivered), so peers need no
``peer add``. A serving node rotates through its admin socket and uses the new
keys at once; a stopped node rotates here and announces what is still
undelivered when it starts. ``--output`` also writes the descriptor to a file,
for a peer that must get it by hand.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from talentverbund.node.cli.client import Client, LocalClient, node_client
from talentverbund.node.cli.output import console, emit_json
from talentverbund.node.runtime import open_runtime, serving

DIR = click.argument("directory", type=click.Path(path_type=Path))
OUTPUT = click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="Also write the new descriptor to this file (for a peer that gets it by hand).",
)
JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")


@click.group()
def keys() -> None:
    """The node's keys (rotation)."""


@contextmanager
def _key_owner(directory: Path) -> Iterator[Client]:
    """The one process that may change the key directory: the serving node (through
    its admin socket), or this one holding the node lock exclusively."""
    if serving(directory):
        with node_client(directory) as client:
            yield client
        return
    runtime = open_runtime(directory, exclusive=True)
    try:
        yield LocalClient(runtime)
    finally:
        runtime.close()


@keys.command()
@DIR
@click.option(
    "--force",
    is_flag=True,
    help="Rotate even though some peers lack the last rotation's descriptor (after a "
    "signing key compromise; those peers then need the new descriptor by hand).",
)
@OUTPUT
@JSON
def rotate(directory: Path, force: bool, output: Path | None, as_json: bool) -> None:
    """Rotate the signing key to the committed next key and announce it to every peer.

    Refused (exit 2) while a peer still lacks the descriptor of the last rotation.
    """
    with _key_owner(directory) as client:
        result: dict[str, Any] = client.call("keys.rotate", {"force": force})
    _write(output, result)
    if as_json:
        emit_json(result)
        return
    console.print(
        f"signing key rotated: {result['previous_kid']} -> {result['signing_kid']} "
        f"(next committed: {result['next_signing_kid']})"
    )
    _report(result, output)


@keys.command("rotate-encryption")
@DIR
@OUTPUT
@JSON
def rotate_encryption(directory: Path, output: Path | None, as_json: bool) -> None:
    """Add a new encryption key (180 days) and announce it to every peer.

    Peers seal to the newest valid key once they hold the new descriptor; the old
    key stays until it expires, so messages already sealed to it still open. 'serve'
    rotates by itself every keys.encryption_rotation_days (default 90).
    """
    with _key_owner(directory) as client:
        result: dict[str, Any] = client.call("keys.rotate_encryption", {})
    _write(output, result)
    if as_json:
        emit_json(result)
        return
    console.print(
        f"new encryption key {result['encryption_kid']}, valid until {result['not_after'][:10]}"
    )
    _report(result, output)


@keys.command("renew-tls")
@DIR
@click.option(
    "--now",
    "switch_now",
    is_flag=True,
    help="Switch to the new certificate at once, even if some peers do not have it yet "
    "(after a TLS key compromise; those peers must then re-add this node by hand).",
)
@OUTPUT
@JSON
def renew_tls(directory: Path, switch_now: bool, output: Path | None, as_json: bool) -> None:
    """Renew the TLS key and certificate without breaking any peer's connection.

    Step 1 publishes the next certificate in a new descriptor (peers pin it next to
    the current one); step 2, once every peer has it (or keys.tls_overlap_days after
    step 1), presents it. The node takes step 2 by itself; run again while a renewal
    is staged, the command says how many peers still lack it (exit 2).
    """
    with _key_owner(directory) as client:
        result: dict[str, Any] = client.call("keys.renew_tls", {"now": switch_now})
    _write(output, result)
    if as_json:
        emit_json(result)
        return
    if result["stage"] == "switched":
        console.print(
            f"TLS certificate renewed and in use: {result['tls_cert_sha256']} "
            f"(valid until {result['not_after'][:10]})"
        )
    else:
        console.print(
            f"next TLS certificate staged: {result['tls_next_sha256']}; still presenting "
            f"{result['tls_cert_sha256']}. The node switches once every peer has the new "
            f"descriptor, by {result['switch_by'][:10]} at the latest."
        )
    _report(result, output)


def _write(output: Path | None, result: dict[str, Any]) -> None:
    if output is not None:
        text = json.dumps(result["descriptor"], ensure_ascii=False) + "\n"
        output.write_text(text, "utf-8")


def _report(result: dict[str, Any], output: Path | None) -> None:
    peers, pending = len(result["peers"]), result["pending"]
    console.print(
        f"descriptor sequence {result['sequence']} announced to {peers} peer(s): "
        f"{result['delivered_now']} have it now"
        + (f", {pending} will be retried from the outbox" if pending else "")
    )
    if output is not None:
        console.print(f"descriptor also written to {output}")
