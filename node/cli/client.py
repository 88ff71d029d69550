"""Reaching a node: through the admin socket while it serves, directly otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from talentverbund.node.admin import AdminClient
from talentverbund.node.api import dispatch
from talentverbund.node.config import load_config
from talentverbund.node.errors import NodeBusy, NodeError
from talentverbund.node.runtime import NodeRuntime, open_runtime


class Client(Protocol):
    def call(self, method: str, params: dict[str, Any]) -> Any: ...


class LocalClient:
    """Runs operations in this process, on the database (no node is serving)."""

    def __init__(self, runtime: NodeRuntime) -> None:
        self.runtime = runtime

    def call(self, method: str, params: dict[str, Any]) -> Any:
        return dispatch(self.runtime, method, params)


@contextmanager
def node_client(directory: Path) -> Iterator[Client]:
    config = load_config(directory)
    try:
        runtime = open_runtime(directory)
    except NodeBusy:
        if not config.admin_socket.exists():
            raise NodeError(
                f"the node {config.directory} is locked but has no admin socket",
                "a migration may be running; wait for it, then retry",
            ) from None
        admin = AdminClient(config.admin_socket)
        try:
            yield admin
        finally:
            admin.close()
        return
    try:
        yield LocalClient(runtime)
    finally:
        runtime.close()
