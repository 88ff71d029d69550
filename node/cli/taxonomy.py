"""``talentverbund taxonomy import`` and ``talentverbund reencode``."""

from __future__ import annotations

from pathlib import Path

import click

from talentverbund.matching.taxonomy import ATTRIBUTION, TaxonomyError, read_esco_skill_labels
from talentverbund.node.cli.client import node_client
from talentverbund.node.cli.output import console, emit_json
from talentverbund.node.errors import UsageError

DIR = click.argument("directory", type=click.Path(path_type=Path))


@click.group()
def taxonomy() -> None:
    """Skill labels (ESCO). Imports add labels; the skill space is fixed by the model."""


@taxonomy.command("import")
@DIR
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", required=True, help="Language of the labels in FILES, e.g. de.")
@click.option("--json", "as_json", is_flag=True)
def import_(directory: Path, files: tuple[Path, ...], lang: str, as_json: bool) -> None:
    """Add labels from official ESCO skills CSVs (skills_<lang>.csv, skill collections)."""
    labels: dict[str, dict[str, list[str]]] = {}
    for path in files:
        try:
            for uri, by_lang in read_esco_skill_labels(path, lang).items():
                labels.setdefault(uri, {}).setdefault(lang, []).extend(by_lang[lang])
        except TaxonomyError as exc:
            raise UsageError(str(exc), "export the skills CSV from the ESCO portal") from None
    with node_client(directory) as client:
        result = client.call("taxonomy.import", {"labels": labels})
    if as_json:
        emit_json(result)
        return
    console.print(
        f"{result['labels_added']} new labels for {result['skills_in_space']} skills of the "
        f"skill space; {result['skills_ignored']} skills outside it ignored ({ATTRIBUTION})"
    )


@click.command()
@DIR
def reencode(directory: Path) -> None:
    """Re-extract and re-encode every candidate with this version's model."""
    with node_client(directory) as client:
        result = client.call("reencode", {})
    console.print(f"re-encoded {result['candidates']} candidates with model {result['model_id']}")
