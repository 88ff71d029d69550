"""``talentverbund synth candidates``: synthetic CVs as JSON Lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from talentverbund.node.synth import generate_candidates


@click.group()
def synth() -> None:
    """Generate synthetic test data (never real people)."""


@synth.command()
@click.option("--count", required=True, type=click.IntRange(1, 10_000_000))
@click.option("--seed", required=True, type=int)
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help="Default: mixed.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to FILE.")
def candidates(count: int, seed: int, lang: str | None, output: Path | None) -> None:
    """Write COUNT synthetic candidate profiles (JSON Lines), deterministic for SEED."""
    handle = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for profile in generate_candidates(count, seed, lang):
            handle.write(json.dumps(profile, ensure_ascii=False) + "\n")
    finally:
        if output:
            handle.close()
