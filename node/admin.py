"""The local admin interface: JSON calls over gRPC on a Unix socket.

The socket ``DIR/admin.sock`` sits in the node directory (mode 0700) and is
itself mode 0600, so only the node's own user can reach it. Requests and
answers are JSON; errors travel as their catalog class, message and hint, and
the client raises the same class, so the command line's exit codes do not
depend on which way it reached the node.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from concurrent import futures
from pathlib import Path
from typing import Any

import grpc

from talentverbund.node import errors
from talentverbund.node.api import dispatch
from talentverbund.node.intake.model import IntakeError
from talentverbund.node.runtime import NodeRuntime

METHOD = "/talentverbund.admin.v1.Admin/Call"
MAX_MESSAGE = 256 * 1024 * 1024
log = logging.getLogger("talentverbund.admin")

_ERRORS: dict[str, type[errors.NodeError]] = {
    cls.__name__: cls
    for cls in (
        errors.NodeError,
        errors.DatabaseUnavailable,
        errors.NotMigrated,
        errors.NodeBusy,
        errors.UsageError,
        errors.NotFound,
        errors.PartialSuccess,
    )
}


def _identity(data: bytes) -> bytes:
    return data


class AdminServer:
    """Serves ``dispatch`` on the admin socket; calls run one at a time."""

    def __init__(self, runtime: NodeRuntime) -> None:
        self.runtime = runtime
        self.path = runtime.config.admin_socket
        self._lock = threading.Lock()  # one writer: the node's state changes in order
        self._server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=4),
            options=[
                ("grpc.max_receive_message_length", MAX_MESSAGE),
                ("grpc.max_send_message_length", MAX_MESSAGE),
            ],
        )
        handler = grpc.unary_unary_rpc_method_handler(
            self._call, request_deserializer=_identity, response_serializer=_identity
        )
        self._server.add_generic_rpc_handlers(
            (
                grpc.method_handlers_generic_handler(
                    "talentverbund.admin.v1.Admin", {"Call": handler}
                ),
            )
        )

    def start(self) -> None:
        self.path.unlink(missing_ok=True)
        old = os.umask(0o077)
        try:
            self._server.add_insecure_port(f"unix:{self.path}")
            self._server.start()
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)

    def stop(self, grace: float = 5.0) -> None:
        self._server.stop(grace).wait()
        self.path.unlink(missing_ok=True)

    def call(self, method: str, params: dict[str, Any]) -> Any:
        """Dispatch in-process (the web interface), in turn with the socket's calls."""
        with self._lock:
            return dispatch(self.runtime, method, params)

    def _call(self, request: bytes, _context: grpc.ServicerContext) -> bytes:
        body = json.loads(request)
        method = str(body.get("method"))
        try:
            result = self.call(method, body.get("params", {}))
            return json.dumps({"result": result}).encode()
        except errors.NodeError as exc:
            return _error(type(exc).__name__, exc.message, exc.hint)
        except IntakeError as exc:
            return _error("UsageError", f"{exc.where}: {exc.message}", exc.hint)
        except Exception:
            log.exception("admin call failed", extra={"method": method})
            return _error("NodeError", f"internal error in {method}", "see the node's log")


def _error(kind: str, message: str, hint: str) -> bytes:
    return json.dumps({"error": {"kind": kind, "message": message, "hint": hint}}).encode()


class AdminClient:
    """Calls a serving node; raises the node's own error classes."""

    def __init__(self, socket_path: Path, timeout: float = 600.0) -> None:
        self._channel = grpc.insecure_channel(
            f"unix:{socket_path}",
            options=[
                ("grpc.max_receive_message_length", MAX_MESSAGE),
                ("grpc.max_send_message_length", MAX_MESSAGE),
            ],
        )
        self._stub: Callable[..., bytes] = self._channel.unary_unary(
            METHOD, request_serializer=_identity, response_deserializer=_identity
        )
        self._timeout = timeout

    def call(self, method: str, params: dict[str, Any]) -> Any:
        request = json.dumps({"method": method, "params": params}).encode()
        try:
            reply = json.loads(self._stub(request, timeout=self._timeout))
        except grpc.RpcError as exc:
            raise errors.NodeError(
                "the serving node did not answer on its admin socket",
                "check that 'talentverbund serve DIR' is running and healthy",
            ) from exc
        if "error" in reply:
            err = reply["error"]
            raise _ERRORS.get(err["kind"], errors.NodeError)(err["message"], err["hint"])
        return reply["result"]

    def close(self) -> None:
        self._channel.close()
