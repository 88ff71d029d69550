"""``talentverbund audit ...``: the exchange log for the data-protection officer.

``verify`` checks the whole log (exit 1 naming the first bad entry), ``checkpoint``
signs its current state, ``prove`` and ``verify-proof`` show that one entry is in
a signed log, ``export`` writes the entries of a period as JSON Lines or CSV, and
``report`` counts them Art. 30-style. Every command but ``verify-proof`` goes
through ``api.dispatch`` (directly, or through the admin socket while the node
serves); ``verify-proof`` needs no node at all.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Any

import click

from talentverbund.crypto.descriptor import parse_descriptor
from talentverbund.node.audit import ExportWriter, Period, parse_period, verify_proof
from talentverbund.node.cli.client import Client, node_client
from talentverbund.node.cli.output import console, emit_json, table, warn
from talentverbund.node.errors import NodeError, UsageError

DIR = click.argument("directory", type=click.Path(path_type=Path))
JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
FROM = click.option(
    "--from", "start", required=True, help="Start: YYYY-MM-DD or ISO 8601 (UTC if no offset)."
)
TO = click.option(
    "--to", "stop", required=True, help="End, exclusive; a bare date includes that whole day."
)


@click.group()
def audit() -> None:
    """The exchange log for the data-protection officer: verify, prove, export, report."""


def _read_text(path: Path, what: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path} does not exist", f"give the path of the {what}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}", f"give the {what} as a text file") from None


def _period(start: str, stop: str) -> Period:
    return parse_period(start, stop, ("--from", "--to"))


@audit.command()
@DIR
@click.option(
    "--against",
    type=click.Path(path_type=Path),
    help="Signed checkpoints kept outside the node (cosigned by peers, or saved earlier).",
)
@JSON
def verify(directory: Path, against: Path | None, as_json: bool) -> None:
    """Recompute the chain and Merkle tree; check every checkpoint. Exit 1 on any failure."""
    text = _read_text(against, "checkpoint file") if against is not None else None
    with node_client(directory) as client:
        result: dict[str, Any] = client.call("audit.verify", {"against": text})
    if as_json:
        emit_json(result)
    else:
        _print_checkpoints(result["checkpoints"])
        for note in result["notes"]:
            warn(f"note: {note}")
        if result["ok"]:
            console.print(
                f"exchange log verified: {result['entries']} entries, Merkle root "
                f"{result['root_hash']}",
                markup=False,
            )
        else:
            for problem in result["problems"]:
                warn(f"- {problem['message']}")
    if result["ok"]:
        return
    problems = result["problems"]
    where = f" at entry {result['first_bad_seq']}" if result["first_bad_seq"] else ""
    raise NodeError(
        f"exchange log verification FAILED{where}: {result['problem']}"
        + (f" ({len(problems)} problems, listed above)" if len(problems) > 1 else ""),
        "keep the database as it is (evidence); compare with backups and with the "
        "checkpoints and receipts your peers hold",
    )


def _print_checkpoints(checkpoints: list[dict[str, Any]]) -> None:
    if not checkpoints:
        return
    rows = [
        [
            c["checkpoint"],
            c["tree_size"],
            (c["root_hash"] or "")[:16],
            c["signature"],
            c["root"],
            ", ".join(c["cosigned_by"]),
        ]
        for c in checkpoints
    ]
    table(
        "Checkpoints", ["checkpoint", "size", "root hash", "signature", "root", "cosigned by"], rows
    )


@audit.command()
@DIR
@JSON
def checkpoint(directory: Path, as_json: bool) -> None:
    """Verify the log, then sign a checkpoint of it; prints the signed note (C2SP format)."""
    with node_client(directory) as client:
        result: dict[str, Any] = client.call("audit.checkpoint", {})
    if as_json:
        emit_json(result)
        return
    sys.stdout.write(result["note"])
    warn(
        f"signed checkpoint #{result['id']} of {result['tree_size']} entries "
        f"(recorded as log entry {result['log_seq']}); keep a copy outside the node"
    )


@audit.command()
@DIR
@JSON
def epochs(directory: Path, as_json: bool) -> None:
    """List the log's epochs: closed, deleted (with their signed record) and the open one."""
    with node_client(directory) as client:
        result: list[dict[str, Any]] = client.call("audit.epochs", {})
    if as_json:
        emit_json(result)
        return
    rows = [
        [
            e["number"],
            e["state"],
            f"{e['first_seq']}..{e['last_seq'] if e['last_seq'] is not None else ''}",
            (e["first_logged_at"] or "")[:10],
            (e["last_logged_at"] or "")[:10],
            (e["deleted_at"] or e["expires_at"] or "")[:10],
        ]
        for e in result
    ]
    table("Log epochs", ["epoch", "state", "entries", "from", "to", "deleted / expires"], rows)


@audit.command(name="close-epoch")
@DIR
@JSON
def close_epoch(directory: Path, as_json: bool) -> None:
    """Verify the log, then end the open epoch at a signed checkpoint (serve does it too)."""
    with node_client(directory) as client:
        result: dict[str, Any] = client.call("audit.close_epoch", {})
    if as_json:
        emit_json(result)
        return
    console.print(
        f"epoch {result['number']} closed: entries {result['first_seq']} to "
        f"{result['last_seq']}, Merkle root {result['root_hash']}",
        markup=False,
    )


@audit.command(name="mirror-sync")
@DIR
@JSON
def mirror_sync(directory: Path, as_json: bool) -> None:
    """Copy the log entries the file mirror lacks (after a failed write) now."""
    with node_client(directory) as client:
        result: dict[str, Any] = client.call("audit.mirror_sync", {})
    if as_json:
        emit_json(result)
        return
    console.print(
        f"{result['written']} entries written to the log mirror {result['mirror_dir']} "
        f"(last entry {result['last_seq']})",
        markup=False,
    )


@audit.command(name="delete-epochs")
@DIR
@JSON
def delete_epochs(directory: Path, as_json: bool) -> None:
    """Delete the closed epochs older than audit.log_retention_days (serve does it hourly)."""
    with node_client(directory) as client:
        result: dict[str, Any] = client.call("audit.delete_epochs", {})
    if as_json:
        emit_json(result)
        return
    if not result["deleted"]:
        console.print(
            f"no closed epoch is older than {result['retention_days']} days", markup=False
        )
        return
    numbers = ", ".join(str(n) for n in result["deleted"])
    console.print(
        f"deleted epoch(s) {numbers}; each left a signed record ('audit epochs')", markup=False
    )


@audit.command()
@DIR
@click.argument("seq", type=int)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the proof here.")
def prove(directory: Path, seq: int, output: Path | None) -> None:
    """Inclusion proof of entry SEQ against the latest signed checkpoint (JSON)."""
    with node_client(directory) as client:
        proof: dict[str, Any] = client.call("audit.prove", {"seq": seq})
    text = json.dumps(proof, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    _write_atomic(output, text)
    warn(
        f"inclusion proof of entry {seq} in the checkpoint of {proof['tree_size']} entries "
        f"written to {output}; check it with 'talentverbund audit verify-proof {output}'"
    )


@audit.command("verify-proof")
@click.argument("proof_file", type=click.Path(path_type=Path))
@click.option(
    "--descriptor",
    type=click.Path(path_type=Path),
    help="The node's descriptor ('talentverbund identity'): take its signing key from there.",
)
@click.option("--key", help="The log's verifier key (name+keyid+base64), e.g. from the DPO file.")
@JSON
def verify_proof_command(
    proof_file: Path, descriptor: Path | None, key: str | None, as_json: bool
) -> None:
    """Check an inclusion proof offline. Exit 1 if it does not hold."""
    if descriptor is not None and key is not None:
        raise UsageError("give --descriptor or --key, not both")
    try:
        proof = json.loads(_read_text(proof_file, "proof file"))
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{proof_file} is not JSON: {exc}", "give a file from 'audit prove'"
        ) from None
    if not isinstance(proof, dict):
        raise UsageError(
            f"{proof_file} is not an inclusion proof", "give a file from 'audit prove'"
        )
    node = parse_descriptor(_read_text(descriptor, "descriptor")) if descriptor else None
    result = verify_proof(proof, key=key, descriptor=node).to_json()
    if as_json:
        emit_json(result)
        return
    console.print(
        f"proof holds: entry {result['seq']} is in the log of node {result['node_id']} "
        f"at size {result['tree_size']} (root {result['root_hash']})",
        markup=False,
    )
    if result["key_source"].startswith("proof file"):
        warn(
            f"the checkpoint key was taken from the proof itself ({result['key']}); compare "
            "it with the node's descriptor, or pass --descriptor"
        )


@audit.command()
@DIR
@FROM
@TO
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write here, not stdout.")
def export(directory: Path, start: str, stop: str, fmt: str, output: Path | None) -> None:
    """Entries logged in [--from, --to) as JSON Lines or CSV (times: ISO 8601 UTC, ms)."""
    period = _period(start, stop)
    with node_client(directory) as client:
        if output is None:
            _export_pages(client, period, fmt, sys.stdout)
            return
        temporary = output.with_name(f".{output.name}.partial")
        try:
            with open(temporary, "w", encoding="utf-8", newline="") as stream:
                count = _export_pages(client, period, fmt, stream)
            os.replace(temporary, output)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise UsageError(f"cannot write {output}: {exc}", "choose a writable path") from None
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    warn(f"{count} entries from {period.start_text} to {period.end_text} written to {output}")


def _export_pages(client: Client, period: Period, fmt: str, stream: IO[str]) -> int:
    """Fetch the period page by page (bounded memory, also over the admin socket)."""
    writer = ExportWriter(stream, fmt)
    params: dict[str, Any] = {"from": period.start_text, "to": period.end_text}
    after: int | None = 0
    while after is not None:
        page: dict[str, Any] = client.call("audit.export", {**params, "after": after})
        writer.write(page["entries"])
        after = page["next"]
    return writer.count


@audit.command()
@DIR
@FROM
@TO
@JSON
def report(directory: Path, start: str, stop: str, as_json: bool) -> None:
    """Summary of [--from, --to) per peer and purpose (GDPR Article 30), from the log alone."""
    period = _period(start, stop)
    with node_client(directory) as client:
        result: dict[str, Any] = client.call(
            "audit.report", {"from": period.start_text, "to": period.end_text}
        )
    if as_json:
        emit_json(result)
        return
    console.print(
        f"Exchange log report {result['period']['from']} to {result['period']['to']} "
        f"(node {result['node_id']}): {result['entries']} entries"
        + (f", seq {result['first_seq']} to {result['last_seq']}" if result["first_seq"] else ""),
        markup=False,
    )
    console.print(f"Legal basis (node configuration): {result['legal_basis']}", markup=False)
    for item in result["legal_bases_logged"]:
        console.print(
            f"  logged for purpose {item['purpose']}: {item['legal_basis']} "
            f"({item['entries']} entries)",
            markup=False,
        )
    _report_tables(result)
    console.print(
        "Counts come from the log as stored; run 'talentverbund audit verify DIR' to show "
        "it is complete and unchanged.",
        markup=False,
    )


@audit.command("cross-check")
@DIR
@click.argument("peer_id")
@FROM
@TO
@JSON
def cross_check(directory: Path, peer_id: str, start: str, stop: str, as_json: bool) -> None:
    """Compare our log with a peer's record of our exchanges; exit 1 on any difference."""
    period = _period(start, stop)
    params = {"peer_id": peer_id, "from": period.start_text, "to": period.end_text}
    with node_client(directory) as client:
        result: dict[str, Any] = client.call("audit.crosscheck", params)
    if as_json:
        emit_json(result)
    else:
        console.print(
            f"cross-check with {result['peer']} ({peer_id}): {result['ours']} exchanges in our "
            f"log, {result['theirs']} in theirs",
            markup=False,
        )
        for key, what in (
            ("peer_lacks", "the peer has no record of"),
            ("we_lack", "we have no record of"),
            ("mismatched", "the two logs disagree on"),
            ("receipt_mismatch", "the peer's receipt does not match its log for"),
        ):
            for item in result[key]:
                brief = item.get("ours") or item
                console.print(
                    f"  {what}: {brief.get('msg_type', '')} {item['envelope_sha256'][:16]}… "
                    f"(seq {brief.get('seq', '?')}, {brief.get('logged_at', '')})",
                    markup=False,
                )
        if result["peer_truncated"]:
            warn("the peer sent only part of its entries: narrow --from/--to and run again")
        console.print("logs agree" if result["ok"] else "logs DIFFER (see above)", markup=False)
    if not result["ok"]:
        raise NodeError(
            f"the logs of this node and {result['peer']} differ",
            "ask the peer's DPO to compare; 'audit verify DIR' on both sides locates changes",
        )


def _peer(item: dict[str, Any]) -> str:
    peer = item.get("peer_id") or "-"
    return f"{item['peer_name']} ({peer})" if item.get("peer_name") else peer


def _report_tables(result: dict[str, Any]) -> None:
    counts = [
        "queries_received",
        "queries_sent",
        "results_sent",
        "results_received",
        "introductions_received",
        "introductions_sent",
        "candidate_data_sent",
        "candidate_data_received",
        "erasure_notices_sent",
        "erasure_notices_received",
        "rejections",
    ]
    table(
        "Per peer and purpose",
        ["peer", "purpose", *(name.replace("_", " ") for name in counts)],
        [
            [_peer(g), g["purpose"] or "-", *(g[name] for name in counts)]
            for g in result["by_peer_and_purpose"]
        ],
    )
    recipients = result["recipients_of_candidate_data"]
    table(
        "Recipients of candidate data (accepted introductions)",
        ["peer", "introductions", "first", "last"],
        [[_peer(r), r["count"], r["first"], r["last"]] for r in recipients],
    )
    table(
        "Retention and erasure actions",
        ["peer", "direction", "type", "status", "count"],
        [
            [_peer(r), r["direction"], r["msg_type"], r["status"], r["count"]]
            for r in result["retention_actions"]
        ],
    )
    table(
        "Local actions",
        ["type", "status", "count"],
        [[r["msg_type"], r["status"], r["count"]] for r in result["local_actions"]],
    )


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.partial")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc}", "choose a writable path") from None


@audit.command("witness")
@DIR
@click.argument("peer_ids", nargs=-1)
@JSON
def witness(directory: Path, peer_ids: tuple[str, ...], as_json: bool) -> None:
    """Have peers cosign our latest checkpoint (all active peers when none are named).

    Each peer checks that the checkpoint extends the last one it cosigned for us
    (RFC 6962 consistency proof) before cosigning. Exit 1 if any peer refused.
    """
    with node_client(directory) as client:
        result: dict[str, Any] = client.call("audit.witness", {"peer_ids": list(peer_ids)})
    results: list[dict[str, Any]] = result["results"]
    if as_json:
        emit_json(result)
    else:
        for item in results:
            who = f"{item.get('peer') or item['peer_id']} ({item['peer_id']})"
            if item["ok"]:
                since = f" (after size {item['old_size']})" if item["old_size"] else " (first)"
                console.print(f"{who}: cosigned size {item['tree_size']}{since}", markup=False)
            else:
                console.print(
                    f"{who}: REFUSED {item.get('status', '')}: {item.get('error', '')}",
                    markup=False,
                )
    refused = [item["peer_id"] for item in results if not item["ok"]]
    if refused:
        raise NodeError(
            f"{len(refused)} of {len(results)} peers did not cosign: {', '.join(refused)}",
            "an 'inconsistent_checkpoint' refusal means the peer saw another history of this "
            "log: run 'talentverbund audit verify DIR' and keep the database as evidence",
        )


@audit.command("checkpoints")
@DIR
@click.option("--cosigned", is_flag=True, help="Only checkpoints that carry a peer's cosignature.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the notes here.")
@JSON
def checkpoints(directory: Path, cosigned: bool, output: Path | None, as_json: bool) -> None:
    """Our signed checkpoints with their cosignatures, for 'audit verify DIR --against FILE'."""
    with node_client(directory) as client:
        result: dict[str, Any] = client.call("audit.checkpoints", {"cosigned": cosigned})
    items: list[dict[str, Any]] = result["checkpoints"]
    if as_json:
        emit_json(result)
        return
    text = "\n".join(item["note"] for item in items)
    if output is None:
        sys.stdout.write(text)
        return
    if not items:
        raise UsageError(
            "no checkpoint to write" + (" carries a cosignature" if cosigned else ""),
            "run 'talentverbund audit witness DIR' first",
        )
    _write_atomic(output, text)
    warn(
        f"{len(items)} checkpoints written to {output}; keep it outside the node and check "
        f"with 'talentverbund audit verify DIR --against {output}'"
    )
