"""``talentverbund keys rotate`` and ``keys rotate-encryption``: keys over time.

``rotate`` moves to the signing key the descriptor committed to;
``rotate-encryption`` adds a new medium-term encryption key (see below).

Pre-rotation: every descriptor names the hash of the *next* signing key, so a
thief of the current key cannot rotate to a key of their own — peers accept a
new key only if it is the committed one. The node id and the TLS certificate
stay the same, so certificate pins at the peers stay valid; peers must receive
the new descriptor (``peer add`` there), which they check against the one they
hold.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.cli.node import issue_descriptor
from talentverbund.node.cli.output import console
from talentverbund.node.runtime import open_runtime

DIR = click.argument("directory", type=click.Path(path_type=Path))


@click.group()
def keys() -> None:
    """The node's keys (rotation)."""


@keys.command()
@DIR
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    required=True,
    help="Where to write the new descriptor for the peers.",
)
def rotate(directory: Path, output: Path) -> None:
    """Rotate the signing key to the committed next key; write the new descriptor."""
    runtime = open_runtime(directory, exclusive=True)  # refused while the node serves
    try:
        config = runtime.config
        before = NodeIdentity.load(config.keys_dir)
        identity = before.rotate_signing_key()
        descriptor = issue_descriptor(config, identity)
    finally:
        runtime.close()
    output.write_text(json.dumps(descriptor.to_json(), ensure_ascii=False) + "\n", "utf-8")
    console.print(
        f"signing key rotated: {before.signing_kid} -> {identity.signing_kid} "
        f"(next committed: {identity.next_signing_kid})"
    )
    console.print(
        f"new descriptor written to {output}; give it to every peer "
        "('talentverbund peer add DIR FILE' there), then start the node again"
    )


@keys.command("rotate-encryption")
@DIR
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    required=True,
    help="Where to write the new descriptor for the peers.",
)
def rotate_encryption(directory: Path, output: Path) -> None:
    """Add a new encryption key (180 days) and write the descriptor announcing it.

    Peers seal to the newest valid key once they hold the new descriptor; the old
    key stays until it expires, so messages already sealed to it still open. Rotate
    when 'talentverbund doctor' warns that the current key ends soon.
    """
    runtime = open_runtime(directory, exclusive=True)  # refused while the node serves
    try:
        config = runtime.config
        identity = NodeIdentity.load(config.keys_dir).rotate_encryption_key()
        descriptor = issue_descriptor(config, identity)
    finally:
        runtime.close()
    output.write_text(json.dumps(descriptor.to_json(), ensure_ascii=False) + "\n", "utf-8")
    newest = max(descriptor.encryption_keys, key=lambda key: key.not_after)
    console.print(f"new encryption key {newest.kid}, valid until {newest.not_after:%Y-%m-%d}")
    console.print(
        f"new descriptor written to {output}; give it to every peer "
        "('talentverbund peer add DIR FILE' there), then start the node again"
    )
