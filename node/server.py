"""``talentverbund serve``: the node's long-running process.

Starts the network gRPC server (mutual TLS with the node's certificate,
the federation service, standard ``grpc.health.v1`` health checking and server
reflection) and the admin socket, then waits for SIGTERM or SIGINT and stops
cleanly: no new calls, running calls get a grace period, the socket is removed,
the lock released.

Trust follows the peer set while serving (``node/federation/transport.py``): the
TLS layer accepts client certificates of our own node and of current peers only,
re-read before each new connection, and an interceptor checks the presented
certificate again on every call, so a removed peer is refused at once.
"""

from __future__ import annotations

import logging
import signal
import threading
from concurrent import futures
from types import FrameType

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from talentverbund.crypto.identity import NodeIdentity
from talentverbund.node.admin import AdminServer
from talentverbund.node.audit import CheckpointScheduler
from talentverbund.node.config import parse_hostport
from talentverbund.node.errors import NodeError
from talentverbund.node.federation.announce import DESCRIPTOR_UPDATE, DescriptorUpdateHandler
from talentverbund.node.federation.answering import SearchHandler
from talentverbund.node.federation.crosscheck import CrossCheckHandler
from talentverbund.node.federation.erasure import ErasureNoticeHandler
from talentverbund.node.federation.introductions import IntroduceHandler, NotifyHandler
from talentverbund.node.federation.service import FederationService
from talentverbund.node.federation.transport import (
    MAX_TRANSPORT_MESSAGE,
    DynamicServerCredentials,
    PeerInterceptor,
    federation_grpc,
)
from talentverbund.node.federation.witness import WitnessHandler
from talentverbund.node.runtime import NodeRuntime
from talentverbund.node.upkeep import Upkeep
from talentverbund.node.web import WebServer
from talentverbund.protocol.v1 import federation_pb2

log = logging.getLogger("talentverbund.serve")

GRPC_OPTIONS = [
    ("grpc.max_receive_message_length", MAX_TRANSPORT_MESSAGE),
    ("grpc.max_send_message_length", MAX_TRANSPORT_MESSAGE),
    ("grpc.keepalive_time_ms", 30_000),
    ("grpc.keepalive_timeout_ms", 10_000),
    ("grpc.http2.min_ping_interval_without_data_ms", 10_000),
    ("grpc.keepalive_permit_without_calls", 1),
    ("grpc.http2.max_pings_without_data", 0),
]


class NodeServer:
    """The network server and the admin socket of one node."""

    def __init__(self, runtime: NodeRuntime, identity: NodeIdentity) -> None:
        self.runtime = runtime
        self.identity = identity
        self.federation = runtime.federation()
        self.health = health.HealthServicer()
        self.grpc = grpc.server(
            futures.ThreadPoolExecutor(max_workers=8),
            options=GRPC_OPTIONS,
            interceptors=[
                PeerInterceptor(self.federation.trust, self.federation.transport_refused)
            ],
        )
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.grpc)
        federation_grpc.add_FederationServicer_to_server(
            FederationService(
                self.federation,
                [
                    SearchHandler(runtime),
                    IntroduceHandler(runtime),
                    NotifyHandler(
                        runtime,
                        {
                            "erasure": ErasureNoticeHandler(runtime),
                            DESCRIPTOR_UPDATE: DescriptorUpdateHandler(runtime),
                        },
                    ),
                    CrossCheckHandler(runtime),
                    WitnessHandler(runtime),
                ],
                relay=runtime.config.federation.relay,
                accept_relayed=runtime.config.federation.accept_relayed,
            ),
            self.grpc,
        )
        names = (
            federation_pb2.DESCRIPTOR.services_by_name["Federation"].full_name,
            health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
            reflection.SERVICE_NAME,
        )
        reflection.enable_server_reflection(names, self.grpc)
        self.admin = AdminServer(runtime)
        self.web = WebServer(runtime, self.admin.call)
        self.upkeep = Upkeep(runtime)
        self.checkpoints = CheckpointScheduler(self.federation)
        self.port = 0

    def _credentials(self) -> grpc.ServerCredentials:
        """mTLS: clients must present our own or a current peer's pinned certificate."""
        return DynamicServerCredentials(
            self.federation.trust, self.federation.on_connection
        ).credentials()

    def start(self) -> None:
        host, port = parse_hostport(self.runtime.config.listen, "network.listen")
        bound = self.grpc.add_secure_port(f"{host}:{port}", self._credentials())
        if bound == 0:
            raise NodeError(
                f"cannot listen on {self.runtime.config.listen}",
                "is another process using the port? change network.listen",
            )
        self.port = bound
        self.federation.log.catch_up_mirror()  # after a failed write or a newly set mirror_dir
        self.grpc.start()
        self.admin.start()
        self.web.start()
        self.federation.start_upkeep()
        self.upkeep.start()
        self.checkpoints.start()
        self.health.set("", health_pb2.HealthCheckResponse.SERVING)
        log.info(
            "node serving",
            extra={"node_id": self.identity.node_id, "listen": f"{host}:{bound}"},
        )

    def stop(self, grace: float = 5.0) -> None:
        self.health.enter_graceful_shutdown()
        self.federation.stop_upkeep()
        self.upkeep.stop()
        self.web.stop()
        self.admin.stop(grace)
        self.grpc.stop(grace).wait()
        self.checkpoints.stop()  # after the last call: a final checkpoint if the log grew
        log.info("node stopped", extra={"node_id": self.identity.node_id})


def serve_forever(server: NodeServer) -> None:
    """Run until SIGTERM/SIGINT."""
    stop = threading.Event()

    def _on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("signal received, stopping", extra={"signal": signal.Signals(signum).name})
        stop.set()

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    server.start()
    stop.wait()
    server.stop()
