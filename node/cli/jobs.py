"""``talentverbund job ...`` and ``talentverbund search``: post jobs, rank candidates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from talentverbund.matching.taxonomy import ATTRIBUTION
from talentverbund.node.cli.client import node_client
from talentverbund.node.cli.output import console, emit_json, table
from talentverbund.node.errors import PartialSuccess, UsageError
from talentverbund.node.federation.searching import DEFAULT_TIMEOUT
from talentverbund.node.jobs import read_jobposting

DIR = click.argument("directory", type=click.Path(path_type=Path))
JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")


@click.group()
def job() -> None:
    """Post and list jobs (schema.org JobPosting or title and description)."""


@job.command()
@DIR
@click.option("--file", "posting_file", type=click.Path(path_type=Path), help="JobPosting JSON-LD.")
@click.option("--title", help="Job title (without --file).")
@click.option("--description", help="Job description (without --file).")
@click.option("--skill", "skills", multiple=True, help="Extra essential skill (ESCO URI).")
@click.option(
    "--require",
    "requirements",
    multiple=True,
    help="Hard requirement every result must hold, e.g. 'staatliche Anerkennung'.",
)
@JSON
def add(
    directory: Path,
    posting_file: Path | None,
    title: str | None,
    description: str | None,
    skills: tuple[str, ...],
    requirements: tuple[str, ...],
    as_json: bool,
) -> None:
    """Post a job; prints its id and the skills found in it."""
    if posting_file and (title or description):
        raise UsageError("give either --file or --title/--description", "not both")
    if posting_file:
        posting: Any = read_jobposting(posting_file).posting  # bad files fail here, early
        where = posting_file.name
    elif title and description:
        posting, where = {"@type": "JobPosting", "title": title, "description": description}, "job"
    else:
        raise UsageError(
            "no job given", "use --file JOBPOSTING.jsonld or --title T --description D"
        )
    with node_client(directory) as client:
        created = client.call(
            "job.add",
            {
                "posting": posting,
                "where": where,
                "skills": list(skills),
                "requirements": list(requirements),
            },
        )
    if as_json:
        emit_json(created)
        return
    console.print(f"job [bold]{created['id']}[/bold]: {created['title']}")
    _print_skills(created["skills"])


def _print_skills(skills: list[dict[str, Any]]) -> None:
    essential = [s["label"] for s in skills if s["essential"]]
    optional = [s["label"] for s in skills if not s["essential"]]
    console.print(f"  essential skills ({len(essential)}): {', '.join(essential) or '-'}")
    console.print(f"  optional skills ({len(optional)}): {', '.join(optional) or '-'}")
    console.print(f"  [dim]skill labels: {ATTRIBUTION}[/dim]")


@job.command("list")
@DIR
@JSON
def list_(directory: Path, as_json: bool) -> None:
    """List this node's jobs."""
    with node_client(directory) as client:
        jobs = client.call("job.list", {})
    if as_json:
        for row in jobs:
            emit_json(row)
        return
    table(
        f"{len(jobs)} jobs",
        ["id", "title", "region", "skills", "posted"],
        [(j["id"], j["title"], j["region"], j["skills"], j["created_at"][:16]) for j in jobs],
    )


@job.command()
@DIR
@click.argument("job_id")
@JSON
def show(directory: Path, job_id: str, as_json: bool) -> None:
    """Show a job and the skill set matching uses."""
    with node_client(directory) as client:
        described = client.call("job.show", {"id": job_id})
    if as_json:
        emit_json(described)
        return
    console.print(f"job [bold]{described['id']}[/bold]: {described['title']}")
    console.print(f"  facts: {json.dumps(described['facts'], ensure_ascii=False)}", markup=False)
    _print_skills(described["skills"])


@click.command()
@DIR
@click.argument("job_id")
@click.option("--top", default=10, show_default=True, type=int, help="How many results (1-1000).")
@click.option(
    "--timeout",
    default=DEFAULT_TIMEOUT,
    show_default=True,
    type=float,
    help="Seconds to wait for peers; a peer that has not answered by then is listed as missing.",
)
@click.option("--local-only", is_flag=True, help="Search only this node's own candidates.")
@JSON
def search(
    directory: Path, job_id: str, top: int, timeout: float, local_only: bool, as_json: bool
) -> None:
    """Rank candidates for a job here and at every peer: anonymized, explained, merged."""
    params = {"job_id": job_id, "top": top, "timeout": timeout, "local_only": local_only}
    with node_client(directory) as client:
        answer = client.call("search", params)
    if as_json:
        emit_json(answer)
    else:
        _print_search(answer)
    missing = [p for p in answer.get("peers", []) if p["status"] != "answered"]
    if missing:  # the ranking lacks their candidates: scripts must be able to tell
        raise PartialSuccess(
            f"{len(missing)} of {len(answer['peers'])} peers did not answer; the ranking "
            "holds the others' candidates only",
            "the peers table says why; search again later or check 'talentverbund peer list'",
        )


def _print_search(answer: dict[str, Any]) -> None:
    results = answer["results"]
    console.print(
        f"[bold]{answer['job']['title']}[/bold] ({answer['job']['id']}): {len(results)} results"
    )
    table(
        "ranked candidates (no personal data)",
        [
            "#",
            "node",
            "result",
            "score",
            "matched skills",
            "missing essential",
            "region",
            "exp.",
            "available",
        ],
        [
            (
                i + 1,
                r.get("node", ""),
                r.get("result_id") or r["pseudonym"],
                r["score"],
                _few(r["matched"]),
                _few(r["missing_essential"]),
                r["region"],
                r["experience"],
                r.get("availability") or r.get("available_from"),
            )
            for i, r in enumerate(results)
        ],
    )
    peers = answer.get("peers", [])
    if peers:
        table(
            f"{sum(p['status'] == 'answered' for p in peers)} of {len(peers)} peers answered",
            ["peer", "status", "results", "ms", "reason"],
            [(p["name"], p["status"], p["results"], p["rtt_ms"] or "", p["reason"]) for p in peers],
        )
    console.print(
        "[dim]score 0-100 = 60 % skill similarity + 40 % essential-skill coverage, in steps "
        "of 5; request an introduction with: talentverbund introduce DIR RESULT[/dim]"
    )
    console.print(f"[dim]skill labels: {ATTRIBUTION}[/dim]")


def _few(labels: list[str], shown: int = 3) -> str:
    """A table cell stays readable; --json has the full lists."""
    text = ", ".join(labels[:shown])
    return f"{text} (+{len(labels) - shown})" if len(labels) > shown else text
