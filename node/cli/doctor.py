"""``talentverbund doctor DIR``: check a node's setup and say what to fix.

Each check prints one line, ``OK``, ``WARN`` or ``FAIL``, with the fix under a
failure. Checks that need an earlier one (the database for the peers) are skipped
with a note when it failed. Exit 1 if anything failed.
"""

from __future__ import annotations

import shutil
import socket
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

import click
import grpc
from cryptography import x509
from grpc_health.v1 import health_pb2, health_pb2_grpc

from talentverbund.crypto.envelope import SUPPORTED_VERSIONS
from talentverbund.crypto.errors import CryptoError
from talentverbund.crypto.identity import NodeIdentity, tls_fingerprint, tls_server_name
from talentverbund.node.cli.client import node_client
from talentverbund.node.cli.output import console, emit_json
from talentverbund.node.config import NodeConfig, load_config, parse_hostport
from talentverbund.node.errors import NodeError
from talentverbund.node.federation.peers import newer_descriptor
from talentverbund.node.runtime import builtin_model_id, serving
from talentverbund.node.storage import migrate
from talentverbund.node.storage.db import make_engine

CERT_WARN_DAYS = 30
KEY_WARN_DAYS = 14
CLOCK_WARN_MS = 5_000
CLOCK_FAIL_MS = 60_000  # envelopes allow 300 s; fail well before messages start bouncing


@dataclass
class Check:
    name: str
    level: str  # OK | WARN | FAIL
    message: str
    fix: str = ""

    def to_json(self) -> dict[str, str]:
        return {"check": self.name, "level": self.level, "message": self.message, "fix": self.fix}


class Report:
    def __init__(self) -> None:
        self.checks: list[Check] = []

    def add(self, name: str, level: str, message: str, fix: str = "") -> None:
        self.checks.append(Check(name, level, message, fix))


@click.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--timeout", default=3.0, show_default=True, type=float, help="Per peer, seconds.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def doctor(directory: Path, timeout: float, as_json: bool) -> None:
    """Check keys, certificate, database, port, clock, versions and every peer."""
    report = Report()
    _run(directory, timeout, report)
    if as_json:
        emit_json([check.to_json() for check in report.checks])
    else:
        for check in report.checks:
            style = {"OK": "green", "WARN": "yellow", "FAIL": "bold red"}[check.level]
            console.print(f"[{style}]{check.level:<5}[/{style}] {check.name}: ", end="")
            console.print(check.message, markup=False, highlight=False)
            if check.fix:
                console.print(f"      fix: {check.fix}", markup=False, highlight=False)
    failures = sum(check.level == "FAIL" for check in report.checks)
    if failures:
        raise NodeError(f"doctor found {failures} problem(s)", "fix the FAIL lines above")


def _run(directory: Path, timeout: float, report: Report) -> None:
    try:
        config = load_config(directory)
    except NodeError as exc:
        report.add("config", "FAIL", exc.message, exc.hint)
        return
    report.add("config", "OK", f"{config.name} ({config.region}), {config.directory}")
    _check_directory(config, report)
    identity = _check_keys(config, report)
    if identity is not None:
        _check_certificate(identity, report)
        _check_encryption_keys(identity, report)
    database_ok = _check_database(config, report)
    _check_listener(config, identity, report)
    _check_clock(report)
    _check_versions(report)
    if database_ok and identity is not None:
        _check_federation(directory, timeout, report)
    else:
        report.add("peers", "WARN", "not checked: keys or database not usable (see above)")


def _check_directory(config: NodeConfig, report: Report) -> None:
    mode = config.directory.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        report.add(
            "permissions",
            "FAIL",
            f"{config.directory} has mode {mode & 0o777:04o}; it holds personal data",
            f"chmod 700 {config.directory}",
        )


def _check_keys(config: NodeConfig, report: Report) -> NodeIdentity | None:
    try:
        identity = NodeIdentity.load(config.keys_dir)
    except CryptoError as exc:
        report.add(
            "keys", "FAIL", str(exc), "fix the file named above (or restore keys/ from backup)"
        )
        return None
    report.add(
        "keys",
        "OK",
        f"node id {identity.node_id}, signing key {identity.signing_kid}, private files "
        "readable by the node's user only",
    )
    return identity


def _check_certificate(identity: NodeIdentity, report: Report) -> None:
    cert = x509.load_pem_x509_certificate(identity.tls_cert_pem)
    now = datetime.now(UTC)
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    fix = (
        "run 'talentverbund keys renew-tls DIR' (add --now if the certificate expired: "
        "peers then need the new descriptor by hand, 'talentverbund identity DIR')"
    )
    if now < start:
        report.add(
            "certificate",
            "FAIL",
            f"not valid before {start:%Y-%m-%d %H:%M} UTC",
            "check this machine's clock (NTP)",
        )
    elif now >= end:
        report.add("certificate", "FAIL", f"expired on {end:%Y-%m-%d}", fix)
    elif end - now < timedelta(days=CERT_WARN_DAYS):
        report.add("certificate", "WARN", f"expires on {end:%Y-%m-%d}", fix)
    else:
        report.add("certificate", "OK", f"{identity.tls_fingerprint}, valid until {end:%Y-%m-%d}")
    staged = identity.tls_next_staged_at
    if staged is not None and identity.tls_next_cert_pem is not None:
        report.add(
            "certificate renewal",
            "OK",
            f"next certificate {tls_fingerprint(identity.tls_next_cert_pem)} staged on "
            f"{staged:%Y-%m-%d}; the node switches to it once every peer has the new "
            "descriptor ('talentverbund keys renew-tls DIR' says how many lack it)",
        )


def _check_encryption_keys(identity: NodeIdentity, report: Report) -> None:
    now = datetime.now(UTC)
    valid = identity.valid_encryption_keys(now)
    if not valid:
        report.add(
            "encryption keys",
            "FAIL",
            "no encryption key is valid now",
            "rotate it ('talentverbund keys rotate-encryption DIR'; peers are told by "
            "themselves) and set keys.encryption_rotation_days so 'serve' does it in time",
        )
        return
    newest = max(valid, key=lambda key: key.not_after)
    level = "WARN" if newest.not_after - now < timedelta(days=KEY_WARN_DAYS) else "OK"
    report.add(
        "encryption keys",
        level,
        f"{newest.kid} ({newest.kem}) valid until {newest.not_after:%Y-%m-%d}",
        "rotate it ('talentverbund keys rotate-encryption DIR'), or check why 'serve' did "
        "not (keys.encryption_rotation_days)"
        if level == "WARN"
        else "",
    )


def _check_database(config: NodeConfig, report: Report) -> bool:
    try:
        engine = make_engine(config.resolved_database_url())
    except NodeError as exc:
        report.add("database", "FAIL", exc.message, exc.hint)
        return False
    try:
        current, head = migrate.current_revision(engine), migrate.head_revision()
    finally:
        engine.dispose()
    if current != head:
        report.add(
            "database",
            "FAIL",
            f"schema at revision {current or 'none'}, needs {head}",
            "back up the database, then run: talentverbund migrate DIR",
        )
        return False
    report.add("database", "OK", f"reachable, schema at revision {head}")
    return True


def _check_listener(config: NodeConfig, identity: NodeIdentity | None, report: Report) -> None:
    host, port = parse_hostport(config.listen, "network.listen")
    if serving(config.directory):
        if identity is None or port == 0:
            report.add("listener", "OK", "the node is serving (health not checked)")
            return
        report.add("listener", *_health(identity, host, port))
        return
    if port == 0:
        report.add(
            "listener",
            "WARN",
            "network.listen uses a random port; peers cannot dial it",
            "set network.listen to a fixed HOST:PORT",
        )
        return
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.bind((host.strip("[]"), port))
    except OSError as exc:
        report.add(
            "listener",
            "FAIL",
            f"cannot listen on {config.listen}: {exc.strerror}",
            "stop the process using the port or change network.listen",
        )
        return
    report.add("listener", "OK", f"not serving; {config.listen} is free")


def _health(identity: NodeIdentity, host: str, port: int) -> tuple[str, str, str]:
    target_host = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104
    if target_host in ("::", "[::]"):
        target_host = "[::1]"
    credentials = grpc.ssl_channel_credentials(
        root_certificates=identity.tls_cert_pem,
        private_key=identity.tls_key_pem,
        certificate_chain=identity.tls_cert_pem,
    )
    options = [("grpc.ssl_target_name_override", tls_server_name(identity.node_id))]
    with grpc.secure_channel(f"{target_host}:{port}", credentials, options=options) as channel:
        try:
            reply = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=3
            )
        except grpc.RpcError as exc:
            return (
                "FAIL",
                f"serving, but health check over mTLS failed: {exc.code().name}",
                "see the node's log",
            )
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
    level = "OK" if status == "SERVING" else "FAIL"
    return (level, f"serving on {host}:{port}, health {status} over mTLS", "")


def _check_clock(report: Report) -> None:
    """Local clock: whether NTP synchronizes it, when the system can tell."""
    timedatectl = shutil.which("timedatectl")
    synced = None
    if timedatectl:
        try:
            out = subprocess.run(
                [timedatectl, "show", "-p", "NTPSynchronized", "--value"],
                capture_output=True,
                text=True,
                timeout=3,
                check=False,
            ).stdout.strip()
            synced = {"yes": True, "no": False}.get(out)
        except (OSError, subprocess.SubprocessError):
            synced = None
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    if synced is False:
        report.add(
            "clock",
            "WARN",
            f"{now}; NTP is not synchronizing this clock",
            "enable NTP (timedatectl set-ntp true): peers refuse messages >300 s off",
        )
    elif synced is None:
        report.add("clock", "OK", f"{now}; NTP state unknown here (peer offsets below)")
    else:
        report.add("clock", "OK", f"{now}; NTP synchronized")


def _check_versions(report: Report) -> None:
    report.add(
        "versions",
        "OK",
        f"talentverbund {metadata.version('talentverbund')}, protocol "
        f"{', '.join(map(str, SUPPORTED_VERSIONS))}, model {builtin_model_id()}",
    )


def _check_federation(directory: Path, timeout: float, report: Report) -> None:
    try:
        with node_client(directory) as client:
            _federation_checks(client.call, timeout, report)
    except NodeError as exc:
        report.add("peers", "FAIL", exc.message, exc.hint)


def _federation_checks(
    call: Callable[[str, dict[str, Any]], Any], timeout: float, report: Report
) -> None:
    versions = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
    chain = call("log.verify", {})
    if chain["ok"]:
        report.add("exchange log", "OK", f"{chain['entries']} entries, hash chain intact")
    else:
        report.add(
            "exchange log",
            "FAIL",
            chain["problem"],
            "the log was altered: keep a copy, compare with peers' receipts, tell the DPO",
        )
    peers = [p for p in call("peer.list", {}) if p["status"] != "removed"]
    if not peers:
        report.add(
            "peers",
            "WARN",
            "no peers yet",
            "exchange descriptors: 'talentverbund identity DIR' / 'peer add DIR FILE'",
        )
        return
    for peer in peers:
        name = f"peer {peer['name']} ({peer['node_id']})"
        try:
            result = call("peer.ping", {"node_id": peer["node_id"], "timeout": timeout})
        except NodeError as exc:
            report.add(name, "FAIL", exc.message, exc.hint)
            continue
        offset = int(result["clock_offset_ms"])
        facts = (
            f"handshake ok in {result['rtt_ms']:.1f} ms, versions "
            f"{','.join(map(str, result['protocol_versions']))} (ours {versions}), "
            f"model {result['model_id']}, clock offset {offset:+d} ms"
        )
        newer = newer_descriptor(result, int(result.get("held_sequence", 0)))
        if abs(offset) > CLOCK_FAIL_MS:
            report.add(name, "FAIL", facts, "the clocks differ by over a minute: fix NTP")
        elif abs(offset) > CLOCK_WARN_MS:
            report.add(name, "WARN", facts, "the clocks differ by seconds: check NTP")
        elif newer:
            report.add(name, "WARN", facts, newer)
        else:
            report.add(name, "OK", facts)
