"""Background work of a serving node, one round every few seconds.

Each round: delete expired federated results, answer "not accepted" for
introductions whose response period ended, and deliver what the outbox holds
(to peers and to candidates), retrying failed deliveries with backoff. A round
that fails is logged and the next one runs as usual: one broken peer or mail
server never stops the node.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from talentverbund.node.federation.erasure import retention_sweep
from talentverbund.node.federation.introductions import deliver_outbox, settle_due
from talentverbund.node.federation.searching import purge_expired_results

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

log = logging.getLogger("talentverbund.upkeep")

INTERVAL = 5.0


def run_once(rt: NodeRuntime) -> dict[str, int]:
    """One round; also what ``talentverbund upkeep DIR`` runs for a node that is not serving."""
    return {
        "results_expired": purge_expired_results(rt, rt.clock()),
        "introductions_settled": settle_due(rt),
        "candidates_retention_erased": retention_sweep(rt),
        "outbox_delivered": deliver_outbox(rt),
    }


class Upkeep:
    """The thread ``serve`` runs."""

    def __init__(self, rt: NodeRuntime, interval: float = INTERVAL) -> None:
        self.rt = rt
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

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
            try:
                done = run_once(self.rt)
            except Exception:
                log.exception("upkeep round failed")
                continue
            if any(done.values()):
                log.info("upkeep", extra=done)
