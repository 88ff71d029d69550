"""The node's command surface, one table for both ways of reaching it.

The command line calls ``dispatch`` directly when no node is serving, and
through the admin socket when one is (``admin.py``); the serving node runs the
very same function. So there is one implementation of every operation, and a
serving node never answers from state another process changed behind it.
Parameters and results are JSON values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from talentverbund.node.errors import UsageError
from talentverbund.node.intake.wire import draft_from_wire
from talentverbund.node.runtime import NodeRuntime
from talentverbund.node.storage.models import Candidate

Params = dict[str, Any]
Handler = Callable[[NodeRuntime, Params], Any]


def _str(params: Params, key: str) -> str:
    value = params.get(key)
    if not isinstance(value, str) or not value:
        raise UsageError(f"missing parameter '{key}'", "this is a bug in the caller")
    return value


def status(rt: NodeRuntime, _params: Params) -> Any:
    with rt.sessions() as session:
        count = session.scalar(select(func.count()).select_from(Candidate))
    return {"name": rt.config.name, "region": rt.config.region, "candidates": count}


def register(rt: NodeRuntime, params: Params) -> Any:
    drafts = [draft_from_wire(record) for record in params.get("records", [])]
    stored = rt.candidates.register_many(
        drafts, params.get("consents", []), _str(params, "recorded_by")
    )
    return [
        {
            "id": r.candidate_id,
            "where": r.where,
            "consents": list(r.consents),
            "flags": list(r.flags),
        }
        for r in stored
    ]


def candidate_list(rt: NodeRuntime, _params: Params) -> Any:
    return rt.candidates.list()


def candidate_show(rt: NodeRuntime, params: Params) -> Any:
    return rt.candidates.show(_str(params, "id"))


def candidate_export(rt: NodeRuntime, params: Params) -> Any:
    return rt.candidates.export(_str(params, "id"))


def candidate_erase(rt: NodeRuntime, params: Params) -> Any:
    cid = _str(params, "id")
    rt.candidates.erase(cid)
    return {"id": cid, "erased": True}


def candidate_consent(rt: NodeRuntime, params: Params) -> Any:
    cid, purpose, action = _str(params, "id"), _str(params, "purpose"), _str(params, "action")
    if action == "grant":
        rt.candidates.grant(cid, purpose, _str(params, "recorded_by"))
        changed = True
    elif action == "withdraw":
        changed = rt.candidates.withdraw(cid, purpose)
    else:
        raise UsageError(f"unknown consent action '{action}'", "use grant or withdraw")
    return {"id": cid, "purpose": purpose, "action": action, "changed": changed}


METHODS: dict[str, Handler] = {
    "status": status,
    "candidate.register": register,
    "candidate.list": candidate_list,
    "candidate.show": candidate_show,
    "candidate.export": candidate_export,
    "candidate.erase": candidate_erase,
    "candidate.consent": candidate_consent,
}


def dispatch(rt: NodeRuntime, method: str, params: Params) -> Any:
    handler = METHODS.get(method)
    if handler is None:
        raise UsageError(f"unknown admin method '{method}'", "client and node versions differ?")
    return handler(rt, params)
