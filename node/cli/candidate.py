"""``talentverbund candidate ...``: register, list, show, export, consent, erase."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from rich.progress import Progress, SpinnerColumn, TextColumn

from talentverbund.node.cli.client import Client, node_client
from talentverbund.node.cli.output import console, emit_json, table, warn
from talentverbund.node.errors import PartialSuccess, UsageError
from talentverbund.node.intake import read_candidates
from talentverbund.node.intake.model import PURPOSES, CandidateDraft, IntakeError, RecordError
from talentverbund.node.intake.wire import draft_to_wire

DIR = click.argument("directory", type=click.Path(path_type=Path))
JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
CONSENT = click.option(
    "--consent",
    "consents",
    multiple=True,
    type=click.Choice(PURPOSES),
    help="Purpose the candidate consented to (repeat for both): local or federation.",
)
STAFF = click.option(
    "--recorded-by", default="staff", show_default=True, help="Who records the consent."
)


@click.group()
def candidate() -> None:
    """Register candidates and act on their data (consent, export, erase)."""


@candidate.command()
@DIR
@click.option(
    "--cv", "cv", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@CONSENT
@click.option("--email", default=None, help="Contact e-mail if the CV has none.")
@STAFF
@JSON
def add(
    directory: Path,
    cv: Path,
    consents: tuple[str, ...],
    email: str | None,
    recorded_by: str,
    as_json: bool,
) -> None:
    """Register one candidate from a CV (PDF, DOCX, text, Europass XML, LinkedIn ZIP)."""
    if not consents:
        raise UsageError("no consent given", "add --consent local and/or --consent federation")
    records = list(read_candidates(cv))
    if len(records) != 1:
        raise UsageError(
            f"{cv} holds {len(records)} records", "use 'candidate import' for bulk files"
        )
    record = records[0]
    if isinstance(record, RecordError):
        raise UsageError(
            record.message if record.where in record.message else record.describe(), record.hint
        )
    if email:
        record = replace(record, personal={**record.personal, "email": email})
    with node_client(directory) as client:
        stored = _register(client, [record], consents, recorded_by)[0]
    if as_json:
        emit_json(stored)
        return
    console.print(f"registered candidate {stored['id']} (consent: {', '.join(stored['consents'])})")
    if "no_text" in stored["flags"]:
        warn("note: no text could be read from this CV; the candidate is flagged for review")
    elif "no_skills" in stored["flags"]:
        warn("note: no skill of the taxonomy was found in this CV; the candidate is kept, "
             "flagged for review, and will not appear in searches until skills are found")


def _register(
    client: Client, drafts: list[CandidateDraft], consents: tuple[str, ...], recorded_by: str
) -> list[dict[str, Any]]:
    params = {
        "records": [draft_to_wire(d) for d in drafts],
        "consents": list(consents),
        "recorded_by": recorded_by,
    }
    result: list[dict[str, Any]] = client.call("candidate.register", params)
    return result


class _Import:
    """Streams records into batches; reports every stored and every skipped one."""

    def __init__(self, client: Client, consents: tuple[str, ...], recorded_by: str, as_json: bool):
        self.client, self.consents, self.recorded_by = client, consents, recorded_by
        self.as_json = as_json
        self.batch: list[CandidateDraft] = []
        self.stored = 0
        self.skipped = 0

    def skip(self, where: str, message: str, hint: str) -> None:
        self.skipped += 1
        if self.as_json:
            emit_json({"status": "skipped", "where": where, "error": message, "hint": hint})
        text = f"skipped {where}: {message}" if where not in message else f"skipped {message}"
        warn(f"{text} ({hint})" if hint else text)

    def add(self, draft: CandidateDraft) -> None:
        if not draft.consents and not self.consents:
            self.skip(draft.where, "no consent recorded", "pass --consent local|federation")
            return
        self.batch.append(draft)

    def flush(self) -> None:
        if not self.batch:
            return
        for stored in _register(self.client, self.batch, self.consents, self.recorded_by):
            self.stored += 1
            if self.as_json:
                emit_json({"status": "stored", **stored})
        self.batch = []


@candidate.command("import")
@DIR
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@CONSENT
@click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1, 5000))
@STAFF
@JSON
def import_(
    directory: Path,
    files: tuple[Path, ...],
    consents: tuple[str, ...],
    batch_size: int,
    recorded_by: str,
    as_json: bool,
) -> None:
    """Import candidates in bulk: JSON Lines, exports, PDF, DOCX, TXT, Europass XML, LinkedIn ZIP.

    Bad records are skipped and reported one by one; the good ones are kept
    (exit code 3 then). Records are committed in batches: a line printed with
    --json means that candidate is durably stored.
    """
    show_progress = not as_json and sys.stderr.isatty()
    with (
        node_client(directory) as client,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            disable=not show_progress,
            transient=True,
        ) as progress,
    ):
        job = _Import(client, consents, recorded_by, as_json)
        task = progress.add_task("importing", total=None)
        for path in files:
            _import_file(job, path, batch_size)
            progress.update(task, description=f"{job.stored} stored, {job.skipped} skipped")
        job.flush()
    if not as_json:
        console.print(f"{job.stored} candidates stored, {job.skipped} records skipped")
    if job.skipped:
        if job.stored:
            raise PartialSuccess(f"{job.skipped} records skipped (each reported above)")
        raise UsageError("no candidate stored: every record was bad (each reported above)")


def _import_file(job: _Import, path: Path, batch_size: int) -> None:
    if not path.is_file():
        job.skip(str(path), "file not found", "check the path")
        return
    try:
        for record in read_candidates(path):
            if isinstance(record, RecordError):
                job.skip(record.where, record.message, record.hint)
                continue
            job.add(record)
            if len(job.batch) >= batch_size:
                job.flush()
    except IntakeError as exc:
        job.skip(exc.where, exc.message, exc.hint)


@candidate.command("list")
@DIR
@JSON
def list_(directory: Path, as_json: bool) -> None:
    """List candidates (ids, consent, regions, flags; no personal data)."""
    with node_client(directory) as client:
        rows = client.call("candidate.list", {})
    if as_json:
        for row in rows:
            emit_json(row)
        return
    table(
        f"{len(rows)} candidates",
        ["id", "registered", "source", "consent", "regions", "flags"],
        [
            (
                r["id"],
                r["created_at"][:19],
                r["source"],
                ",".join(r["consents"]) or "none",
                ",".join(r["regions"]),
                ",".join(r["flags"]),
            )
            for r in rows
        ],
    )


@candidate.command()
@DIR
@click.argument("candidate_id")
@JSON
def show(directory: Path, candidate_id: str, as_json: bool) -> None:
    """Show one candidate's full record (decrypted; contains personal data)."""
    with node_client(directory) as client:
        record = client.call("candidate.show", {"id": candidate_id})
    if as_json:
        emit_json(record)
        return
    console.print(
        f"[bold]{record['id']}[/bold] registered {record['created_at']} from {record['source']}"
    )
    for key, value in record["personal"].items():
        console.print(f"  {key}: {value}", markup=False)
    console.print(f"  profile: {json.dumps(record['profile'], ensure_ascii=False)}", markup=False)
    for c in record["consents"]:
        console.print(f"  consent {c['purpose']}: {c['state']} until {c['expires_at']}")
    console.print("\n" + record["cv_text"], markup=False, highlight=False)


@candidate.command()
@DIR
@click.argument("candidate_id")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to FILE, not stdout.")
def export(directory: Path, candidate_id: str, output: Path | None) -> None:
    """Export all of a candidate's data as JSON (Art. 15/20; importable by any node)."""
    with node_client(directory) as client:
        document = client.call("candidate.export", {"id": candidate_id})
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        output.chmod(0o600)
        console.print(f"exported {candidate_id} to {output}")


@candidate.command()
@DIR
@click.argument("candidate_id")
@click.argument("action", type=click.Choice(["grant", "withdraw"]))
@click.argument("purpose", type=click.Choice(PURPOSES))
@STAFF
def consent(
    directory: Path, candidate_id: str, action: str, purpose: str, recorded_by: str
) -> None:
    """Grant or withdraw consent for one purpose (local or federation)."""
    with node_client(directory) as client:
        result = client.call(
            "candidate.consent",
            {"id": candidate_id, "action": action, "purpose": purpose, "recorded_by": recorded_by},
        )
    verb = "granted" if action == "grant" else "withdrawn"
    note = "" if result["changed"] else " (nothing to withdraw)"
    console.print(f"consent '{purpose}' {verb} for {candidate_id}{note}")


@candidate.command()
@DIR
@click.argument("candidate_id")
def erase(directory: Path, candidate_id: str) -> None:
    """Erase a candidate (Art. 17): destroy their key, delete rows and files."""
    with node_client(directory) as client:
        done = client.call("candidate.erase", {"id": candidate_id})
    console.print(f"candidate {candidate_id} erased")
    if done.get("peers_notified"):
        console.print(
            f"erasure notices sent to {done['peers_notified']} peers that still held results "
            "or an accepted introduction (Art. 19); the node retries until each confirms"
        )


@candidate.command()
@DIR
@click.argument("intro_id")
@click.argument("decision", type=click.Choice(["accept", "decline"]))
@click.option(
    "--share-original",
    is_flag=True,
    help="Also send the original CV file (otherwise only the CV without protected details).",
)
@click.option(
    "--disclose-disability",
    is_flag=True,
    help="Explicit consent (Art. 9 GDPR) to tell this employer about a declared severe "
    "disability, so it can invite the candidate to interview (§165 SGB IX).",
)
@click.option(
    "--recorded-by", default="candidate", show_default=True, help="Who records the answer."
)
def respond(
    directory: Path,
    intro_id: str,
    decision: str,
    share_original: bool,
    disclose_disability: bool,
    recorded_by: str,
) -> None:
    """Record a candidate's answer to an introduction request."""
    params = {
        "id": intro_id,
        "decision": decision,
        "share_original": share_original,
        "disclose_disability": disclose_disability,
        "recorded_by": recorded_by,
    }
    with node_client(directory) as client:
        answer = client.call("candidate.respond", params)
    if decision == "accept":
        sent = "sent" if answer["sent_now"] else "queued (the node retries until it is delivered)"
        console.print(f"{intro_id}: accepted; contact details {sent}, to that employer only")
    else:
        console.print(
            f"{intro_id}: declined; the employer learns only 'not accepted', at the end of "
            "the response period"
        )
