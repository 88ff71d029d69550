"""Printing results: human tables on a terminal, JSON with ``--json``."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

# Off a terminal (pipes, CI logs) tables get room instead of being folded at 80 columns.
console = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
# Messages are never folded: a path or command in them must stay one piece to copy or grep.
err_console = Console(stderr=True, soft_wrap=True)


def emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=None) + "\n")
    sys.stdout.flush()


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    view = Table(title=title, show_lines=False)
    for index, column in enumerate(columns):
        view.add_column(column, no_wrap=index == 0, overflow="fold")
    for row in rows:
        view.add_row(*("" if cell is None else str(cell) for cell in row))
    console.print(view)


def warn(message: str) -> None:
    err_console.print(message, markup=False, highlight=False)
