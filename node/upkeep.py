"""Background work of a serving node, in rounds every few seconds.

Every round (5 s): deliver what the outbox holds (to peers and to candidates,
retrying failed deliveries with backoff) and answer "not accepted" for
introductions whose response period ended. Every minute: delete expired
federated results, issued pseudonyms and old answered queries. Every hour: the
retention sweep (candidates without valid consent past the grace period), consent
reminders, the keys (a new encryption key when due, expired ones deleted:
``federation/rotation.py``; also once at start), witnessing (every active peer
is asked to cosign our latest checkpoint; first one hour after start), and the
log's epochs (the open one is closed when ``audit.epoch_days`` old, closed ones
deleted past ``audit.log_retention_days``). A round that fails is logged and the next
one runs as usual: one broken peer or mail server never stops the node.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from talentverbund.node.federation.erasure import retention_sweep
from talentverbund.node.federation.introductions import deliver_outbox, settle_due
from talentverbund.node.federation.rotation import keys_upkeep
from talentverbund.node.federation.searching import purge_expired_results
from talentverbund.node.federation.witness import witness_peers
from talentverbund.node.log_epochs import epochs_due
from talentverbund.node.reminders import remind_expiring_consents

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

log = logging.getLogger("talentverbund.upkeep")

INTERVAL = 5.0
TASKS: tuple[tuple[str, float, Callable[[NodeRuntime], int]], ...] = (
    ("introductions_settled", INTERVAL, settle_due),
    ("outbox_delivered", INTERVAL, deliver_outbox),
    ("results_expired", 60.0, lambda rt: purge_expired_results(rt, rt.clock())),
    ("candidates_retention_erased", 3600.0, retention_sweep),
    ("checkpoints_witnessed", 3600.0, lambda rt: witness_all(rt)),
    ("consents_reminded", 3600.0, remind_expiring_consents),
    ("keys_renewed", 3600.0, keys_upkeep),
    ("log_epochs_closed_or_deleted", 3600.0, epochs_due),
)


def witness_all(rt: NodeRuntime) -> int:
    """Ask every active peer to cosign our latest checkpoint; how many did."""
    if not rt.federation().trust.snapshot().peers:
        return 0
    return sum(1 for result in witness_peers(rt, []) if result.get("ok"))


def run_once(rt: NodeRuntime) -> dict[str, int]:
    """Every task once; what ``talentverbund upkeep DIR`` runs for a node not serving."""
    return {name: task(rt) for name, _, task in TASKS}


class Upkeep:
    """The thread ``serve`` runs; each task at its own interval."""

    def __init__(self, rt: NodeRuntime, interval: float = INTERVAL) -> None:
        self.rt = rt
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # witnessing starts one interval after start: peers may still be starting too
        self._last: dict[str, float] = {"checkpoints_witnessed": time.monotonic()}

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="upkeep", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            done: dict[str, int] = {}
            for name, every, task in TASKS:
                now = time.monotonic()
                if now - self._last.get(name, -every) < every:
                    continue
                self._last[name] = now
                try:
                    done[name] = task(self.rt)
                except Exception:
                    log.exception("upkeep task failed", extra={"task": name})
            if any(done.values()):
                log.info("upkeep", extra=done)
