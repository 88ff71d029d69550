"""What the security layer costs per federation message, next to plain gRPC in the same run.

Two real nodes (``talentverbund init`` in a temporary directory, SQLite databases as
configured by default: WAL, ``synchronous=FULL``) are peered with each other; one
serves in this process with the production server stack (dynamic mTLS credentials,
the per-call peer interceptor, the Federation pipeline). For 2 KB and 64 KB payloads
it measures, as medians:

* each part alone: HPKE seal, Ed25519 sign, Ed25519 verify, HPKE open (the four steps
  inside ``seal_envelope``/``open_envelope``), the whole ``seal_envelope`` and
  ``open_envelope``, receipt sign + verify, and one exchange-log append transaction
  (two entries, one commit, as each side writes per request);
* round trips on loopback over warm channels: plain gRPC (insecure, the same payload
  bytes, a small answer), the same over mTLS, and the full secure path -- seal + sign,
  mTLS, peer check, verify + open, idempotency record, log, receipt, sealed reply --
  with the sender verifying the reply and the receipt and logging both. Both ends run
  the product code: ``FederationClient.exchange`` + ``record`` on the sender, the
  ``FederationService`` pipeline (as its ``Notify`` RPC, with an opaque payload) on the
  receiver;
* CPU time per round trip (client and server share this process);
* for reference, the mTLS round trip after 2 ms of work in the caller
  (``mtls_grpc_after_2ms_work``): gRPC's own cost when its threads are not hot, as
  before each secure call, which follows the sender's logging of the previous one.

Writes JSON to ``--output`` (default bench/results/security_overhead.json).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import socket
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent import futures
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import grpc
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import event

from talentverbund.crypto.descriptor import build_descriptor
from talentverbund.crypto.envelope import (
    Envelope,
    EnvelopeHeader,
    OpenedMessage,
    now_ms,
    open_envelope,
    seal_envelope,
)
from talentverbund.crypto.hpke import (
    DEFAULT_SUITE,
    KEM_XWING,
    hpke_open,
    hpke_public_key,
    hpke_seal,
    hpke_suite,
    kem_available,
    suite_for,
    xwing_generate_seed,
    xwing_private_key,
    xwing_public_bytes,
)
from talentverbund.node.cli.main import main as cli_main
from talentverbund.node.federation.client import Call, FederationClient
from talentverbund.node.federation.core import Federation
from talentverbund.node.federation.exchange_log import LogRecord, LogTransaction
from talentverbund.node.federation.receipts import sign_receipt, verify_receipt
from talentverbund.node.federation.service import FederationService
from talentverbund.node.federation.transport import (
    CLIENT_OPTIONS,
    DynamicServerCredentials,
    PeerInterceptor,
    federation_grpc,
)
from talentverbund.node.runtime import NodeRuntime, open_runtime
from talentverbund.node.server import GRPC_OPTIONS
from talentverbund.node.storage.models import Peer
from talentverbund.protocol.v1 import federation_pb2 as pb

SIZES = (2 * 1024, 64 * 1024)
ECHO = "/talentverbund.bench.v1.Bench/Echo"
# The secure path is served as the Federation service's Notify RPC (the pipeline does not
# care which RPC carries an opaque payload) so that the sender is FederationClient itself.
BENCH_CALL = Call("Notify", "bench.echo", "bench.echo_reply", pb.NoticeReply)


def _identity(data: bytes) -> bytes:
    return data


def median_ms(
    func: Callable[[], object],
    runs: int,
    warmup: int = 20,
    before: Callable[[], object] | None = None,
) -> float:
    """Median wall time of ``func``; ``before`` runs ahead of each call, untimed."""
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return round(statistics.median(samples) * 1000, 4)


def cpu_ms_per_call(func: Callable[[], object], runs: int) -> float:
    start = time.process_time()
    for _ in range(runs):
        func()
    return round((time.process_time() - start) / runs * 1000, 4)


# -- two real nodes -----------------------------------------------------------------------


def make_node(base: Path, name: str, port: int) -> NodeRuntime:
    directory = base / name
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(["init", str(directory), "--name", name, "--listen", f"127.0.0.1:{port}"])
    if code:
        raise SystemExit(f"init {name} failed")
    return open_runtime(directory)


def peer_with(fed: Federation, other: Federation, endpoint: str) -> None:
    """Store ``other`` as a peer of ``fed`` with its certificate already pinned."""
    now = datetime.now(UTC)
    descriptor = build_descriptor(
        other.identity, other.node_id[:12], "DE", endpoint, now, sequence=1
    )
    with fed.sessions() as session, session.begin():
        session.add(
            Peer(
                node_id=other.node_id,
                name=descriptor.name,
                descriptor=descriptor.to_json(),
                tls_cert_sha256=descriptor.tls_cert_sha256,
                tls_cert_pem=other.identity.tls_cert_pem.decode("ascii"),
                added_at=now,
            )
        )
    fed.peer_changed(other.node_id)


class EchoHandler:
    """An InboundHandler with an opaque payload: the pipeline's cost at any size."""

    rpc = BENCH_CALL.rpc
    message_type = "bench.echo"
    reply_type = "bench.echo_reply"
    purpose: str | None = None

    def parse(self, opened: OpenedMessage) -> bytes:
        return opened.payload

    def act(self, request: bytes, opened: OpenedMessage, tx: LogTransaction, received: int) -> None:
        return None

    def replay(self, request: bytes, opened: OpenedMessage, tx: LogTransaction) -> None:
        return None

    def details(self, request: bytes) -> dict[str, Any]:
        return {"bytes": len(request)}

    def reply_details(self, state: None) -> dict[str, Any]:
        return {}

    def reply(self, request: bytes, receipt: pb.Receipt, state: None) -> bytes:
        return pb.NoticeReply(receipt=receipt).SerializeToString(deterministic=True)


def _echo(request: bytes, _context: grpc.ServicerContext) -> bytes:
    return request[:64]


def _echo_handler() -> grpc.RpcMethodHandler:
    return grpc.unary_unary_rpc_method_handler(
        _echo, request_deserializer=_identity, response_serializer=_identity
    )


def start_servers(fed: Federation, port: int) -> list[grpc.Server]:
    """The production stack on ``port`` (Echo and the Federation service, whose Notify
    runs :class:`EchoHandler`); bare gRPC Echo on ``port + 1``."""
    production = grpc.server(
        futures.ThreadPoolExecutor(max_workers=4),
        options=GRPC_OPTIONS,
        interceptors=[PeerInterceptor(fed.trust, fed.transport_refused)],
    )
    production.add_generic_rpc_handlers(
        (
            grpc.method_handlers_generic_handler(
                "talentverbund.bench.v1.Bench", {"Echo": _echo_handler()}
            ),
        )
    )
    federation_grpc.add_FederationServicer_to_server(
        FederationService(fed, [EchoHandler()]), production
    )
    production.add_secure_port(
        f"127.0.0.1:{port}", DynamicServerCredentials(fed.trust).credentials()
    )
    bare = grpc.server(futures.ThreadPoolExecutor(max_workers=4), options=GRPC_OPTIONS)
    bare.add_generic_rpc_handlers(
        (
            grpc.method_handlers_generic_handler(
                "talentverbund.bench.v1.Bench", {"Echo": _echo_handler()}
            ),
        )
    )
    bare.add_insecure_port(f"127.0.0.1:{port + 1}")
    for server in (production, bare):
        server.start()
    return [production, bare]


class SecureSender:
    """The sender's side of one request: what every federation call does."""

    def __init__(self, fed: Federation, peer_id: str) -> None:
        self.client = FederationClient(fed)
        self.peer = self.client.peer(peer_id)

    def send(self, payload: bytes) -> None:
        done = self.client.exchange(self.peer, BENCH_CALL, payload, timeout=10)
        if not done.ok:
            raise RuntimeError(f"secure round trip failed: {done.status}: {done.detail}")
        self.client.record([done])


# -- the measurements ---------------------------------------------------------------------


def measure_parts(a: Federation, b: Federation, payload: bytes, runs: int) -> dict[str, float]:
    suite = hpke_suite(DEFAULT_SUITE)
    key = b.identity.encryption_keys[-1]
    private = b.identity.encryption_private_key(key.kid)
    header = EnvelopeHeader.create(
        sender=a.node_id,
        recipient=b.node_id,
        message_type="bench.echo",
        timestamp_ms=now_ms(),
        recipient_kid=key.kid,
        sender_kid=a.identity.signing_kid,
    )
    envelope = seal_envelope(
        header=header, payload=payload, recipient_public=key.public, sender_signing_key=a.identity
    )
    info = envelope.hpke_info()
    signed = envelope.signed_bytes()
    verifier = Ed25519PublicKey.from_public_bytes(a.identity.signing_public_key)
    receipt_key = Ed25519PublicKey.from_public_bytes(b.identity.signing_public_key)
    public = hpke_public_key(suite, key.public)
    enc, ciphertext = hpke_seal(suite, public, payload, info)

    def receipt_round() -> None:
        receipt = sign_receipt(
            b.identity,
            envelope_sha256="0" * 64,
            log_index=1,
            log_entry_hash="1" * 64,
            received_at_ms=now_ms(),
        )
        verify_receipt(
            receipt,
            receiver=b.node_id,
            receiver_kid=b.identity.signing_kid,
            receiver_public=receipt_key,  # a key object, as the client keeps per peer
            envelope_sha256="0" * 64,
        )

    def log_append() -> None:
        with b.log.transaction() as tx:
            for direction in ("in", "out"):
                tx.append(
                    LogRecord(
                        direction=direction,
                        peer_id=a.node_id,
                        msg_type="bench.echo",
                        message_id=header.message_id,
                        envelope_sha256="0" * 64,
                        status="accepted",
                        details={"rpc": "Bench"},
                    )
                )

    def open_full() -> None:
        # A new Envelope each time, as each request brings one: its header is parsed here.
        received = Envelope(
            envelope.header_bytes, envelope.enc, envelope.ciphertext, envelope.signature
        )
        open_envelope(
            received,
            expected_recipient=b.node_id,
            recipient_private=private,
            sender_public=verifier,  # a key object, as the trust snapshot keeps per peer
            now_ms=now_ms(),
        )

    return {
        "hpke_seal": median_ms(lambda: hpke_seal(suite, public, payload, info), runs),
        "ed25519_sign": median_ms(lambda: a.identity.sign(signed), runs),
        "ed25519_verify": median_ms(lambda: verifier.verify(envelope.signature, signed), runs),
        "hpke_open": median_ms(lambda: hpke_open(suite, private, enc, ciphertext, info), runs),
        "seal_envelope": median_ms(
            lambda: seal_envelope(
                header=header,
                payload=payload,
                recipient_public=key.public,
                sender_signing_key=a.identity,
            ),
            runs,
        ),
        "open_envelope": median_ms(open_full, runs),
        "receipt_sign_verify": median_ms(receipt_round, runs),
        "log_append_txn_2_entries": median_ms(log_append, max(runs // 2, 50), warmup=5),
    }


def measure_roundtrips(
    a: Federation, b_id: str, port: int, payload: bytes, runs: int
) -> dict[str, dict[str, float]]:
    plain_channel = grpc.insecure_channel(f"127.0.0.1:{port + 1}", options=CLIENT_OPTIONS)
    plain = plain_channel.unary_unary(
        ECHO, request_serializer=_identity, response_deserializer=_identity
    )
    peer = FederationClient(a).peer(b_id)
    mtls = a.channels.get(peer).unary_unary(
        ECHO, request_serializer=_identity, response_deserializer=_identity
    )
    sender = SecureSender(a, b_id)
    calls: dict[str, Callable[[], object]] = {
        "plain_grpc": lambda: plain(payload, timeout=10),
        "mtls_grpc": lambda: mtls(payload, timeout=10),
        "full_secure": lambda: sender.send(payload),
    }
    result: dict[str, dict[str, float]] = {"wall_ms": {}, "cpu_ms": {}}
    for name, call in calls.items():
        result["wall_ms"][name] = median_ms(call, runs)
        result["cpu_ms"][name] = cpu_ms_per_call(call, max(runs // 2, 50))
    # The baselines above run back to back, with gRPC's threads hot. A secure call follows
    # the sender's own work (logging the previous exchange), and a round trip after a
    # pause is slower for gRPC alone: this shows how much (not part of any overhead figure).
    result["wall_ms"]["mtls_grpc_after_2ms_work"] = median_ms(
        lambda: mtls(payload, timeout=10), runs, before=lambda: _busy(0.002)
    )
    plain_channel.close()
    return result


def _busy(seconds: float) -> None:
    """Hold the CPU (and the GIL) for ``seconds``, as application work between calls does."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def xwing_seal_open_ms(payload: bytes, info: bytes, runs: int) -> float | None:
    """HPKE seal + open with the post-quantum suite (``keys.post_quantum``), if available."""
    if not kem_available(KEM_XWING):
        return None
    suite = hpke_suite(suite_for(KEM_XWING))
    seed = xwing_generate_seed()
    private = xwing_private_key(seed)
    public = hpke_public_key(suite, xwing_public_bytes(seed))

    def round_trip() -> None:
        enc, ciphertext = hpke_seal(suite, public, payload, info)
        hpke_open(suite, private, enc, ciphertext, info)

    return median_ms(round_trip, runs)


def durable_commit_ms(directory: Path, runs: int) -> float:
    """The disk's floor for one log transaction: two rows of a log entry's size inserted
    with bare sqlite3 (WAL, synchronous=FULL, as nodes run) and committed."""
    connection = sqlite3.connect(directory / "floor.db", isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("CREATE TABLE entry (seq INTEGER PRIMARY KEY, data TEXT)")
        row = "x" * 700  # a log entry's canonical JSON is 600-800 bytes

        def commit() -> None:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany("INSERT INTO entry (data) VALUES (?)", [(row,), (row,)])
            connection.execute("COMMIT")

        return median_ms(commit, runs, warmup=20)
    finally:
        connection.close()


def fsync_ms() -> float:
    """This machine's fsync latency: the floor of every durable commit."""
    with tempfile.NamedTemporaryFile() as handle:

        def write_sync() -> None:
            handle.write(b"x" * 4096)
            handle.flush()
            os.fsync(handle.fileno())

        return median_ms(write_sync, 50, warmup=5)


def _no_fsync(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def summarize(
    parts: dict[str, float], trips: dict[str, dict[str, float]], commit_ms: float
) -> dict[str, Any]:
    """Overheads, and the floor no implementation of this protocol goes below here.

    Per request the protocol does 2 HPKE seals and opens (request, reply), 3 Ed25519
    signs and verifies (request, reply, receipt) and one durable log commit on each
    side (the receipt names a durable entry; the sender logs what it sent and got).
    ``floor_ms`` adds these primitives' costs (bare library calls, bare sqlite3 commit);
    ``overhead_above_floor_ms`` is what this implementation adds on top of that floor.
    """
    wall = trips["wall_ms"]
    primitives = (
        2 * (parts["hpke_seal"] + parts["hpke_open"])
        + 3 * (parts["ed25519_sign"] + parts["ed25519_verify"])
        + 2 * commit_ms
    )
    overhead = wall["full_secure"] - wall["plain_grpc"]
    return {
        "parts_ms": parts,
        "roundtrip": trips,
        "security_overhead_ms": round(overhead, 4),
        "overhead_beyond_mtls_ms": round(wall["full_secure"] - wall["mtls_grpc"], 4),
        "sum_of_parts_per_request_ms": round(
            parts["seal_envelope"] * 2  # request and reply
            + parts["open_envelope"] * 2
            + parts["receipt_sign_verify"]
            + parts["log_append_txn_2_entries"] * 2,  # receiver and sender
            4,
        ),
        "floor": {
            "durable_commit_ms": commit_ms,
            "crypto_primitives_ms": round(primitives - 2 * commit_ms, 4),
            "floor_ms": round(primitives, 4),
            "overhead_above_floor_ms": round(overhead - primitives, 4),
        },
    }


def run(runs: int, output: Path) -> dict[str, Any]:
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="tv-bench-") as tmp:
        base = Path(tmp)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        rt_a, rt_b = make_node(base, "sender", port + 2), make_node(base, "receiver", port)
        a, b = rt_a.federation(), rt_b.federation()
        peer_with(a, b, f"127.0.0.1:{port}")
        peer_with(b, a, f"127.0.0.1:{port + 2}")
        servers = start_servers(b, port)
        try:
            results: dict[str, Any] = {}
            commit = durable_commit_ms(base, max(runs // 2, 50))
            for size in SIZES:
                payload = os.urandom(size)
                parts = measure_parts(a, b, payload, runs)
                trips = measure_roundtrips(a, b.node_id, port, payload, runs)
                results[str(size)] = summarize(parts, trips, commit)
                results[str(size)]["post_quantum_ms"] = {
                    "hpke_seal_open_xwing": xwing_seal_open_ms(payload, b"bench", runs),
                    "hpke_seal_open_x25519": round(parts["hpke_seal"] + parts["hpke_open"], 4),
                }
            # The same path without waiting for the disk (bench only): what the code costs
            # apart from this machine's fsync latency. Nodes never run like this.
            for runtime in (rt_a, rt_b):
                event.listen(runtime.engine, "connect", _no_fsync)
                runtime.engine.dispose()
            for size in SIZES:
                payload = os.urandom(size)
                sender = SecureSender(a, b.node_id)
                results[str(size)]["without_fsync_ms"] = {
                    "full_secure": median_ms(lambda: sender.send(payload), runs),  # noqa: B023
                    "log_append_txn_2_entries": measure_parts(a, b, payload, 50)[
                        "log_append_txn_2_entries"
                    ],
                }
        finally:
            for server in servers:
                server.stop(0).wait()
            rt_a.close()
            rt_b.close()
    report = {
        "benchmark": "security_overhead",
        "runs": runs,
        "sizes_bytes": list(SIZES),
        "database": "sqlite (WAL, synchronous=FULL as nodes run), one commit per log "
        "transaction; 'without_fsync_ms' repeats with synchronous=NORMAL to show the disk's share",
        "fsync_ms_median": fsync_ms(),
        "suite": DEFAULT_SUITE,
        "results": results,
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "grpc": grpc.__version__,
            "loadavg_start": [round(x, 2) for x in load_start],
            "loadavg_end": [round(x, 2) for x in os.getloadavg()],
        },
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2) + "\n")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=400)
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).parent / "results" / "security_overhead.json",
    )
    args = parser.parse_args()
    report = run(args.runs, args.output)
    for size, item in report["results"].items():
        wall = item["roundtrip"]["wall_ms"]
        print(
            f"{int(size) // 1024:>3} KB: plain {wall['plain_grpc']:.3f} ms, mTLS "
            f"{wall['mtls_grpc']:.3f} ms, full secure {wall['full_secure']:.3f} ms "
            f"(+{item['security_overhead_ms']:.3f} ms over plain; floor "
            f"{item['floor']['floor_ms']:.3f} ms); parts: "
            + ", ".join(f"{k} {v:.3f}" for k, v in item["parts_ms"].items())
        )
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
