"""Node life cycle: ``init``, ``migrate``, ``identity``, ``serve``."""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path

import click

from talentverbund.crypto.errors import DescriptorError
from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.candidates import utcnow
from talentverbund.node.cli.output import console, emit_json
from talentverbund.node.config import DEFAULT_SQLITE, NodeConfig, load_config
from talentverbund.node.errors import NodeError, UsageError
from talentverbund.node.federation.own_descriptor import own_descriptor, save_issued
from talentverbund.node.federation.rotation import keys_upkeep
from talentverbund.node.logs import setup_logging
from talentverbund.node.runtime import NodeRuntime, ensure_private_dir, open_runtime
from talentverbund.node.server import NodeServer, serve_forever
from talentverbund.node.storage import migrate as migrations
from talentverbund.node.storage.db import make_engine
from talentverbund.node.storage.keystore import KeyStore

log = logging.getLogger("talentverbund.serve")

DIR = click.argument("directory", type=click.Path(path_type=Path))


@click.command()
@DIR
@click.option("--name", required=True, help="The municipality's name, shown to peers.")
@click.option("--region", default="DE", show_default=True, help="Land (DE-SH) or Kreis (01002).")
@click.option("--listen", default="127.0.0.1:7443", show_default=True, help="gRPC HOST:PORT.")
@click.option("--web", default="127.0.0.1:8080", show_default=True, help="Web HOST:PORT.")
@click.option("--advertise", default="", help="HOST:PORT peers dial (default: --listen).")
@click.option("--database", default=DEFAULT_SQLITE, show_default=True, help="Database URL.")
def init(
    directory: Path, name: str, region: str, listen: str, web: str, advertise: str, database: str
) -> None:
    """Create a node: directory, config, keys, certificate and database."""
    if directory.exists() and any(directory.iterdir()):
        raise UsageError(
            f"{directory} already exists and is not empty",
            "choose a new directory; an existing node is upgraded with 'migrate'",
        )
    config = NodeConfig(
        directory=directory.resolve(),
        name=name,
        region=region,
        listen=listen,
        web=web,
        advertise=advertise,
        database_url=database,
    )
    config.validate()
    created = not directory.exists()
    try:
        ensure_private_dir(config.directory)
        ensure_private_dir(config.keys_dir)
        config.write()
        identity = NodeIdentity.create(config.keys_dir, now=utcnow())
        _issue_first_descriptor(config, identity)
        KeyStore(config.keys_dir).close()
        engine = make_engine(config.resolved_database_url())
        try:
            migrations.upgrade(engine)
        finally:
            engine.dispose()
    except BaseException:
        _remove_partial(config.directory, created)
        raise
    console.print(f"Created node [bold]{name}[/bold] in {config.directory}")
    console.print(f"  node id:      {identity.node_id}")
    console.print(f"  certificate:  {identity.tls_fingerprint}")
    console.print("Next: 'talentverbund identity DIR' prints the descriptor to hand to peers;")
    console.print("      'talentverbund serve DIR' starts the node.")


def _issue_first_descriptor(config: NodeConfig, identity: NodeIdentity) -> None:
    """Store the first descriptor, so 'identity' prints the same one every time; a
    node without peers has nobody to announce it to."""
    with contextlib.suppress(DescriptorError):  # e.g. port 0: 'serve' issues it later
        save_issued(config.keys_dir, own_descriptor(config, identity, utcnow())[0])


def _remove_partial(directory: Path, created: bool) -> None:
    """Nothing half-written: undo an init that failed midway."""
    if created:
        shutil.rmtree(directory, ignore_errors=True)
    else:
        for child in directory.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()


@click.command()
@DIR
def migrate(directory: Path) -> None:
    """Upgrade the database schema to this version (back up first)."""
    runtime = open_runtime(directory, exclusive=True, require_schema=False)
    try:
        before, after = migrations.upgrade(runtime.engine)
    finally:
        runtime.close()
    if before == after:
        console.print(f"database already at revision {after}")
    else:
        console.print(f"database migrated from {before or 'empty'} to revision {after}")


@click.command()
@DIR
def identity(directory: Path) -> None:
    """Print this node's signed public descriptor (JSON) to hand to peers."""
    config = load_config(directory)
    if config.endpoint.endswith(":0"):
        raise UsageError(
            "the node listens on a random port (0), which peers cannot dial",
            "set network.listen or network.advertise to a fixed HOST:PORT",
        )
    try:
        descriptor, _ = own_descriptor(config, NodeIdentity.load(config.keys_dir), utcnow())
    except DescriptorError as exc:
        raise NodeError(
            f"no descriptor can be issued: {exc}",
            "rotate the encryption key ('talentverbund keys rotate-encryption DIR') or fix "
            "the configuration named above",
        ) from None
    # the issued descriptor while it is current; else a fresh one, which 'serve' issues
    # and announces to the peers at its next start
    emit_json(descriptor.to_json())


@click.command()
@DIR
def serve(directory: Path) -> None:
    """Run the node (gRPC with mTLS, health, reflection, admin socket) until SIGTERM."""
    runtime = open_runtime(directory, exclusive=True)
    try:
        setup_logging(runtime.config.log_level)
        node_identity = NodeIdentity.load(runtime.config.keys_dir)
        runtime.candidates.finish_interrupted_erasures()
        runtime.pool()  # load the matcher and the candidate vectors before the first query
        _keys_at_start(runtime)
        serve_forever(NodeServer(runtime, node_identity))
    finally:
        runtime.close()


def _keys_at_start(runtime: NodeRuntime) -> None:
    """Keys due for renewal, a descriptor changed while the node was stopped: issue and
    queue the announcements now (the upkeep delivers them); never a reason not to start."""
    try:
        keys_upkeep(runtime)
    except Exception:
        log.exception("key upkeep at start failed; retried hourly")


COMMANDS = (init, migrate, identity, serve)
