"""The README's first commands and every `talentverbund ...` command it shows exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from talentverbund.node.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands() -> None:
    first_block = README.split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def _documented() -> list[tuple[str, ...]]:
    found = set()
    for line in re.findall(r"^talentverbund ([a-z][a-z -|]*)", README, re.M):
        words = [w for w in line.split() if re.fullmatch(r"[a-z]+(\|[a-z]+)*", w)][:2]
        for first in words[0].split("|"):
            if len(words) > 1 and first in ("candidate", "peer", "job", "synth", "taxonomy"):
                for second in words[1].split("|"):
                    found.add((first, second))
            else:
                found.add((first,))
    return sorted(found)


@pytest.mark.parametrize("command", _documented())
def test_documented_command_has_help(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
