"""The node's error catalog and the exit codes of the command line.

Hierarchy::

    NodeError                 exit 1: the operation failed
    ├── DatabaseUnavailable   exit 1: cannot reach or open the database
    ├── NotMigrated           exit 1: schema older than this version
    ├── NodeBusy              exit 1: another process holds the node
    ├── UsageError            exit 2: bad usage or input, nothing done
    │   └── NotFound          exit 2: no such candidate / peer / job
    └── PartialSuccess        exit 3: a bulk operation skipped some records

Every error carries a message (what is wrong, where) and a hint (how to fix
it). Messages never contain personal data: they name fields, files and line
numbers, never values.
"""

from __future__ import annotations

from collections.abc import Mapping

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3


class NodeError(Exception):
    """Base of all errors the command line turns into a message and exit code."""

    exit_code = EXIT_FAILED

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        code: str | None = None,
        params: Mapping[str, str | int] | None = None,
    ) -> None:
        self.message = message
        self.hint = hint
        # A stable name and its facts (ids, counts; never personal data) for the web
        # interface, which words the message in the reader's language (web/i18n.py).
        self.code = code
        self.params: Mapping[str, str | int] = params or {}
        super().__init__(self.describe())

    def describe(self) -> str:
        return f"{self.message}\n  hint: {self.hint}" if self.hint else self.message


class DatabaseUnavailable(NodeError):
    """The database cannot be reached or opened."""


class NotMigrated(NodeError):
    """The database schema is not at this version's head revision."""


class NodeBusy(NodeError):
    """Another process holds the node directory (e.g. ``serve`` during ``migrate``)."""


class UsageError(NodeError):
    """Bad usage or bad input; nothing was changed."""

    exit_code = EXIT_USAGE


class NotFound(UsageError):
    """A named thing (candidate, job, peer) does not exist on this node."""


class PartialSuccess(NodeError):
    """A bulk operation stored some records and skipped others (each reported)."""

    exit_code = EXIT_PARTIAL
