"""``talentverbund demo``: a local walk-through on the embedded default (SQLite).

Creates nodes named after real municipalities in a temporary directory,
registers synthetic candidates with consent, and lists them, using the same
commands an operator would type.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from importlib import resources
from pathlib import Path

import click

from talentverbund.node.cli.output import console
from talentverbund.node.errors import NodeError
from talentverbund.node.synth import generate_candidates

MUNICIPALITIES = [
    ("Kiel", "01002"),
    ("Flensburg", "01001"),
    ("Lübeck", "01003"),
    ("Neumünster", "01004"),
    ("Rendsburg-Eckernförde", "01058"),
    ("Hamburg", "DE-HH"),
    ("Bremen", "DE-HB"),
    ("Hannover", "03241"),
    ("Schwerin", "13004"),
    ("Rostock", "13003"),
]


def _run(args: list[str]) -> None:
    from talentverbund.node.cli.main import main

    console.print(f"[dim]$ talentverbund {' '.join(args)}[/dim]")
    code = main(args)
    if code != 0:
        raise NodeError(f"demo step failed with exit code {code}: {' '.join(args[:2])}")


@click.command()
@click.option("--nodes", default=1, show_default=True, type=click.IntRange(1, len(MUNICIPALITIES)))
@click.option("--candidates", default=25, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--dir", "base", type=click.Path(path_type=Path), help="Keep the nodes here.")
@click.option("--seed", default=7, show_default=True)
def demo(nodes: int, candidates: int, base: Path | None, seed: int) -> None:
    """Create local nodes, register synthetic candidates, list them."""
    root = base or Path(tempfile.mkdtemp(prefix="talentverbund-demo-"))
    console.print(f"[bold]Talentverbund demo[/bold] in {root}")
    for index, (name, region) in enumerate(MUNICIPALITIES[:nodes]):
        directory = root / name.lower().replace("ü", "ue").replace("ö", "oe")
        port = 7443 + index
        _run(
            [
                "init",
                str(directory),
                "--name",
                name,
                "--region",
                region,
                "--listen",
                f"127.0.0.1:{port}",
                "--web",
                f"127.0.0.1:{8080 + index}",
            ]
        )
        cvs = directory.parent / f"{directory.name}-candidates.jsonl"
        with cvs.open("w", encoding="utf-8") as handle:
            for profile in generate_candidates(candidates, seed + index, None):
                handle.write(json.dumps(profile, ensure_ascii=False) + "\n")
        _run(
            [
                "candidate",
                "import",
                str(directory),
                str(cvs),
                "--consent",
                "local",
                "--consent",
                "federation",
            ]
        )
        cvs.unlink()
        _run(["candidate", "list", str(directory)])
    first = root / MUNICIPALITIES[0][0].lower()
    job = root / "job-bauleitplanung.jsonld"
    job.write_bytes(resources.files("talentverbund.node.data").joinpath("demo_job.jsonld").read_bytes())
    console.print(f"[dim]$ talentverbund job add {first} --file {job} --json[/dim]")
    job_id = _job_id(first, job)
    _run(["job", "show", str(first), job_id])
    _run(["search", str(first), job_id, "--top", "10"])
    console.print(f"Done. Nodes are in {root}; start one with: talentverbund serve DIR")


def _job_id(directory: Path, job: Path) -> str:
    """Post the demo job through the same command an operator would use."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        from talentverbund.node.cli.main import main

        code = main(["job", "add", str(directory), "--file", str(job), "--json"])
    if code != 0:
        raise NodeError(f"demo step failed with exit code {code}: job add")
    return str(json.loads(buffer.getvalue())["id"])
