"""``introduce``, ``introduction list|show`` and ``upkeep``: introductions on both sides."""

from __future__ import annotations

import json
from pathlib import Path

import click

from talentverbund.node.cli.client import node_client
from talentverbund.node.cli.node import DIR
from talentverbund.node.cli.output import console, emit_json, table

JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")


@click.command()
@DIR
@click.argument("result_id")
@click.option(
    "--message",
    "-m",
    default="",
    help="Your message to the candidate (at most 2000 characters); a polite default otherwise.",
)
@JSON
def introduce(directory: Path, result_id: str, message: str, as_json: bool) -> None:
    """Ask the node holding a search result to introduce its candidate to you."""
    with node_client(directory) as client:
        answer = client.call("introduce", {"result_id": result_id, "message": message})
    if as_json:
        emit_json(answer)
        return
    console.print(
        f"introduction {answer['id']} requested from {answer['peer']}; the candidate decides. "
        f"You will hear by {answer['respond_by'][:10]} at the latest "
        "(see: talentverbund introduction list DIR)"
    )


@click.group()
def introduction() -> None:
    """Introductions this node requested or received."""


@introduction.command("list")
@DIR
@JSON
def list_(directory: Path, as_json: bool) -> None:
    """List introductions: requested by this node, and received for its candidates."""
    with node_client(directory) as client:
        rows = client.call("introduction.list", {})
    if as_json:
        for row in rows:
            emit_json(row)
        return
    table(
        f"{len(rows)} introductions",
        ["id", "side", "peer", "job", "status", "requested", "respond by", "answered"],
        [
            (
                r["id"],
                r["side"],
                r["peer"],
                r["job"],
                r["status"],
                r["requested_at"][:10],
                r["respond_by"][:10],
                (r["answered_at"] or "")[:10],
            )
            for r in rows
        ],
    )


@introduction.command()
@DIR
@click.argument("intro_id")
@JSON
def show(directory: Path, intro_id: str, as_json: bool) -> None:
    """Show one introduction; for an accepted one, the candidate's contact card."""
    with node_client(directory) as client:
        shown = client.call("introduction.show", {"id": intro_id})
    if as_json:
        emit_json(shown)
        return
    console.print(f"introduction [bold]{shown['id']}[/bold] ({shown['side']}) with {shown['peer']}")
    console.print(f"  job: {shown['job']}  status: {shown['status']}", markup=False)
    console.print(f"  message: {shown['message']}", markup=False)
    contact = shown.get("contact")
    if contact:
        card = {k: v for k, v in contact.items() if k not in ("original", "scrubbed_cv")}
        console.print(json.dumps(card, ensure_ascii=False, indent=2), markup=False)
        cv = contact.get("scrubbed_cv", "")
        console.print(f"  CV ({len(cv)} characters, --json for all): {cv[:200]}…", markup=False)
        if "original" in contact:
            console.print(f"  original CV attached: {contact['original']['filename']}")


@click.command()
@DIR
@JSON
def upkeep(directory: Path, as_json: bool) -> None:
    """Run one round of background work now (serve does this every few seconds)."""
    with node_client(directory) as client:
        done = client.call("upkeep", {})
    if as_json:
        emit_json(done)
        return
    console.print(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in done.items()))


COMMANDS = (introduce, introduction, upkeep)


@introduction.command()
@DIR
@click.argument("intro_id")
@click.argument("decision", type=click.Choice(["delete", "keep"]))
@click.option("--until", default="", help="Keep until YYYY-MM-DD (with keep).")
@click.option("--reason", default="", help='Why, e.g. "AGG §15(4): claims period" (with keep).')
def erasure(directory: Path, intro_id: str, decision: str, until: str, reason: str) -> None:
    """After a candidate's erasure notice: delete their contact card, or record why you keep it."""
    params = {"id": intro_id, "decision": decision, "until": until, "reason": reason}
    with node_client(directory) as client:
        client.call("introduction.erasure", params)
    done = "contact card deleted" if decision == "delete" else f"kept until {until}: {reason}"
    console.print(f"{intro_id}: {done} (recorded in the exchange log)")
