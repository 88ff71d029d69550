"""Consent reminders: tell a candidate before a consent runs out (hourly upkeep).

A consent (one purpose) that is neither withdrawn nor expired and ends within
``privacy.reminder_days`` gets one reminder, queued in the outbox like an
introduction notice (``kind = "consent_reminder"``, sealed under the
candidate's key, delivered as a file in ``DIR/outbox/`` or by e-mail; see
:mod:`.notices`). A candidate whose consents for both purposes end in the same
window gets one notice naming both.

Nothing is added to the schema to remember what was reminded: outbox rows are
kept after delivery (with ``sent_at``), so a consent counts as reminded when a
``consent_reminder`` row for its candidate, created at or after the consent was
granted, names its purpose. A renewed consent has a later ``granted_at`` and is
reminded again before it ends. Erasure deletes the rows with the candidate.
``privacy.reminder_days = 0`` turns reminders off. No exchange-log entry: no
message leaves the node.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from talentverbund.node.notices import CONSENT_REMINDER
from talentverbund.node.storage.models import Consent, Outbox

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

log = logging.getLogger("talentverbund.reminders")


def remind_expiring_consents(rt: NodeRuntime) -> int:
    """Queue the reminders that are due; returns how many notices were queued."""
    days = rt.config.privacy.reminder_days
    if days == 0:
        return 0
    now = rt.clock()
    horizon = now + timedelta(days=days)
    with rt.sessions() as session:
        valid = session.execute(
            select(Consent.candidate_id, Consent.purpose, Consent.granted_at, Consent.expires_at)
            .where(Consent.withdrawn_at.is_(None), Consent.expires_at > now)
            .order_by(Consent.candidate_id, Consent.purpose, Consent.expires_at)
        ).all()
    # per candidate and purpose the consent that lasts longest (a renewal supersedes)
    latest: dict[tuple[str, str], tuple[datetime, datetime]] = {}
    for cid, purpose, granted, expires in valid:
        latest[(cid, purpose)] = (granted, expires)
    due: dict[str, list[tuple[str, datetime, datetime]]] = defaultdict(list)
    for (cid, purpose), (granted, expires) in latest.items():
        if expires <= horizon:
            due[cid].append((purpose, granted, expires))
    queued = 0
    for cid, consents in sorted(due.items()):
        queued += _remind(rt, cid, consents, now)
    if queued or due:
        log.info(
            "consent reminders",
            extra={"due_candidates": len(due), "reminders_queued": queued},
        )
    return queued


def _remind(
    rt: NodeRuntime, cid: str, consents: list[tuple[str, datetime, datetime]], now: datetime
) -> int:
    """Queue one notice for the consents of ``cid`` not yet reminded; 1 if queued."""
    # the log's append lock serializes this with another sweep (serve's upkeep thread
    # and an ``upkeep`` call through the admin socket): never two reminders
    with rt.federation().log.transaction() as tx:
        session = tx.session
        earlier = session.execute(
            select(Outbox.created_at, Outbox.payload).where(
                Outbox.candidate_id == cid, Outbox.kind == CONSENT_REMINDER
            )
        ).all()
        reminded = [(created, _purposes(rt, cid, payload)) for created, payload in earlier]
        open_ = [
            (purpose, expires)
            for purpose, granted, expires in consents
            if not any(created >= granted and purpose in named for created, named in reminded)
        ]
        if not open_:
            return 0
        notice: dict[str, Any] = {
            "consents": [
                {"purpose": purpose, "expires_at": expires.isoformat(timespec="seconds")}
                for purpose, expires in open_
            ],
            "grace_days": rt.config.privacy.retention_grace_days,
        }
        session.add(
            Outbox(
                created_at=now,
                channel=rt.config.outbox.mode,
                recipient=cid,
                kind=CONSENT_REMINDER,
                candidate_id=cid,
                payload=rt.candidates.seal(
                    cid, "outbox", json.dumps(notice, ensure_ascii=False).encode()
                ),
                not_before=now,
                attempts=0,
            )
        )
    return 1


def _purposes(rt: NodeRuntime, cid: str, payload: bytes) -> set[str]:
    notice = json.loads(rt.candidates.open(cid, "outbox", payload))
    return {str(c["purpose"]) for c in notice.get("consents", [])}
