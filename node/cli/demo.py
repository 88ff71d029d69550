"""``talentverbund demo``: a local federation on the embedded default (SQLite).

Creates nodes named after real municipalities in a temporary directory,
registers synthetic candidates with consent, serves and peers them, searches the
whole federation for a job and shows one introduction being accepted, using the
same commands an operator, a recruiter and a candidate's municipality would type.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import socket
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

import click

from talentverbund.node.cli.output import console
from talentverbund.node.errors import NodeError
from talentverbund.node.runtime import serving
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


def _run(args: list[str], *, capture: bool = False) -> str:
    """Run one command as an operator would type it; ``capture`` returns its stdout."""
    from talentverbund.node.cli.main import main

    console.print(f"[dim]$ talentverbund {' '.join(args)}[/dim]")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer) if capture else contextlib.nullcontext():
        code = main(args)
    if code != 0:
        raise NodeError(f"demo step failed with exit code {code}: {' '.join(args[:2])}")
    return buffer.getvalue()


@click.command()
@click.option("--nodes", default=2, show_default=True, type=click.IntRange(1, len(MUNICIPALITIES)))
@click.option("--candidates", default=25, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--dir", "base", type=click.Path(path_type=Path), help="Keep the nodes here.")
@click.option("--seed", default=7, show_default=True)
def demo(nodes: int, candidates: int, base: Path | None, seed: int) -> None:
    """Create local nodes, register synthetic candidates, peer the nodes, post a job, rank.

    With two or more nodes, each runs 'serve' as its own process; the nodes
    exchange descriptors, pin each other's certificates and handshake over
    mutual TLS with sealed, signed, receipted envelopes. The first node then
    searches the whole federation for the job and asks for an introduction to
    the best candidate of another town, who accepts.
    """
    root = base or Path(tempfile.mkdtemp(prefix="talentverbund-demo-"))
    console.print(f"[bold]Talentverbund demo[/bold] in {root}")
    directories = [_create_node(root, index, candidates, seed) for index in range(nodes)]
    servers = [_serve(d) for d in directories] if nodes > 1 else []
    try:
        if servers:
            _peer_all(root, directories)
        job_id = _post_and_search(root, directories[0])
        if servers:
            _introduce(directories, job_id)
    finally:
        for proc in servers:
            proc.send_signal(signal.SIGTERM)
        for proc in servers:
            proc.wait(timeout=30)
    console.print(f"Done. Nodes are in {root}; start one with: talentverbund serve DIR")


def _create_node(root: Path, index: int, candidates: int, seed: int) -> Path:
    name, region = MUNICIPALITIES[index]
    directory = root / name.lower().replace("ü", "ue").replace("ö", "oe")
    _run(
        [
            "init",
            str(directory),
            "--name",
            name,
            "--region",
            region,
            "--listen",
            f"127.0.0.1:{_free_port()}",
            "--web",
            f"127.0.0.1:{_free_port()}",
        ]
    )
    cvs = root / f"{directory.name}-candidates.jsonl"
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
    return directory


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(directory: Path) -> subprocess.Popen[bytes]:
    """Start a node as its own process; ready once its admin socket answers."""
    console.print(f"[dim]$ talentverbund serve {directory} &[/dim]")
    proc = subprocess.Popen(
        [sys.executable, "-m", "talentverbund.node.cli.main", "serve", str(directory)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise NodeError(f"serve {directory.name} exited with code {proc.returncode}")
        if serving(directory) and (directory / "admin.sock").exists():
            return proc
        time.sleep(0.2)
    proc.kill()
    raise NodeError(f"serve {directory.name} did not start within 60 s")


def _peer_all(root: Path, directories: list[Path]) -> None:
    """Mutual peering: every node adds every other node's signed descriptor."""
    descriptors = {}
    for directory in directories:
        text = _run(["identity", str(directory)], capture=True)
        descriptor = root / f"{directory.name}.descriptor.json"
        descriptor.write_text(text, encoding="utf-8")
        descriptors[directory] = (descriptor, json.loads(text)["node_id"])
    for directory in directories:
        for other in directories:
            if other != directory:
                _run(["peer", "add", str(directory), str(descriptors[other][0])])
    first = directories[0]
    for other in directories[1:]:
        _run(["peer", "ping", str(first), descriptors[other][1]])
    _run(["peer", "list", str(first)])


def _post_and_search(root: Path, directory: Path) -> str:
    job = root / "job-bauleitplanung.jsonld"
    data = resources.files("talentverbund.node.data").joinpath("demo_job.jsonld").read_bytes()
    job.write_bytes(data)
    added = _run(["job", "add", str(directory), "--file", str(job), "--json"], capture=True)
    job_id = str(json.loads(added)["id"])
    _run(["job", "show", str(directory), job_id])
    _run(["search", str(directory), job_id, "--top", "10"])
    return job_id


def _introduce(directories: list[Path], job_id: str) -> None:
    """The recruiter asks for the best result from another town; its candidate accepts."""
    first = directories[0]
    answer = json.loads(_run(["search", str(first), job_id, "--json"], capture=True))
    remote = [r for r in answer["results"] if r["result_id"]]
    if not remote:
        console.print("No other municipality had a fitting candidate; no introduction to show.")
        return
    best = remote[0]
    message = "Guten Tag, wir würden Sie gern zu einem Gespräch einladen."
    asked = _run(["introduce", str(first), best["result_id"], "-m", message, "--json"],
                 capture=True)  # fmt: skip
    intro_id = json.loads(asked)["id"]
    holder = next(d for d in directories if _name(d) == best["node"])
    _run(["introduction", "list", str(holder)])
    _run(["candidate", "respond", str(holder), intro_id, "accept"])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        listed = _run(["introduction", "list", str(first), "--json"], capture=True)
        rows = [json.loads(line) for line in listed.splitlines()]
        if any(r["id"] == intro_id and r["status"] == "accepted" for r in rows):
            break
        time.sleep(0.5)
    _run(["introduction", "show", str(first), intro_id])


def _name(directory: Path) -> str:
    from talentverbund.node.config import load_config

    return load_config(directory).name
