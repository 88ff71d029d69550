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

from talentverbund.node import audit, log_epochs
from talentverbund.node.errors import UsageError
from talentverbund.node.federation import (
    erasure,
    introductions,
    peers,
    rosters,
    rotation,
    witness,
)
from talentverbund.node.federation.crosscheck import cross_check
from talentverbund.node.federation.log_mirror import api_mirror_sync
from talentverbund.node.federation.searching import DEFAULT_TIMEOUT, federated_search
from talentverbund.node.intake.wire import draft_from_wire
from talentverbund.node.jobs import parse_jobposting
from talentverbund.node.jobstore import add_job, describe, list_jobs, load_job
from talentverbund.node.runtime import NodeRuntime
from talentverbund.node.storage.labels import store_labels
from talentverbund.node.storage.models import Candidate
from talentverbund.node.subject_access import exchanges_of
from talentverbund.node.upkeep import run_once as run_upkeep

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
    rt.pool_changed([r.candidate_id for r in stored])
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
    return rt.candidates.summaries()


def candidate_show(rt: NodeRuntime, params: Params) -> Any:
    return rt.candidates.show(_str(params, "id"))


def candidate_export(rt: NodeRuntime, params: Params) -> Any:
    cid = _str(params, "id")
    return {**rt.candidates.export(cid), "exchanges": exchanges_of(rt, cid)}


def candidate_erase(rt: NodeRuntime, params: Params) -> Any:
    actor = str(params.get("recorded_by") or "staff")
    return erasure.erase_everywhere(rt, _str(params, "id"), "erasure_request", actor)


def candidate_consent(rt: NodeRuntime, params: Params) -> Any:
    cid, purpose, action = _str(params, "id"), _str(params, "purpose"), _str(params, "action")
    if action == "grant":
        rt.candidates.grant(cid, purpose, _str(params, "recorded_by"))
        changed = True
    elif action == "withdraw":
        changed = rt.candidates.withdraw(cid, purpose)
    else:
        raise UsageError(f"unknown consent action '{action}'", "use grant or withdraw")
    rt.pool_changed([cid])
    return {"id": cid, "purpose": purpose, "action": action, "changed": changed}


def job_add(rt: NodeRuntime, params: Params) -> Any:
    draft = parse_jobposting(params.get("posting"), str(params.get("where", "job")))
    return add_job(
        rt.sessions,
        rt.matcher(),
        draft,
        params.get("skills", []),
        params.get("requirements", []),
        rt.clock(),
    )


def job_list(rt: NodeRuntime, _params: Params) -> Any:
    return list_jobs(rt.sessions)


def job_show(rt: NodeRuntime, params: Params) -> Any:
    job, skills = load_job(rt.sessions, rt.matcher(), _str(params, "id"))
    return describe(job.id, job.title, job.facts, skills, rt.matcher(), job.created_at)


def search(rt: NodeRuntime, params: Params) -> Any:
    """This node's pool and, unless ``local_only``, every peer's: ranked and merged."""
    return federated_search(
        rt,
        _str(params, "job_id"),
        int(params.get("top", 10)),
        float(params.get("timeout", DEFAULT_TIMEOUT)),
        local_only=bool(params.get("local_only")),
    )


def taxonomy_import(rt: NodeRuntime, params: Params) -> Any:
    labels = params.get("labels", {})
    known = rt.matcher().taxonomy
    usable = {uri: by_lang for uri, by_lang in labels.items() if known.has(uri)}
    added = store_labels(rt.sessions, usable, rt.clock())
    rt.labels_changed()
    return {
        "skills_in_space": len(usable),
        "skills_ignored": len(labels) - len(usable),
        "labels_added": added,
    }


def reencode(rt: NodeRuntime, _params: Params) -> Any:
    count = rt.candidates.reencode()
    rt.reload_pool()
    return {"candidates": count, "model_id": rt.matcher().model_id}


def peer_add(rt: NodeRuntime, params: Params) -> Any:
    return peers.add_peer(rt.federation(), _str(params, "descriptor"))


def peer_list(rt: NodeRuntime, _params: Params) -> Any:
    return peers.list_peers(rt.federation())


def peer_remove(rt: NodeRuntime, params: Params) -> Any:
    return peers.remove_peer(rt.federation(), _str(params, "node_id"))


def peer_relay(rt: NodeRuntime, params: Params) -> Any:
    via = params.get("via")
    if via is not None and not isinstance(via, str):
        raise UsageError("via must be a node id or null", "e.g. --via NODE_ID or --direct")
    return peers.set_relay(rt.federation(), _str(params, "node_id"), via)


def peer_ping(rt: NodeRuntime, params: Params) -> Any:
    timeout = float(params.get("timeout", 5.0))
    if not 0 < timeout <= 60:
        raise UsageError("timeout must be between 0 and 60 seconds", "e.g. --timeout 5")
    return peers.ping_peer(rt.federation(), _str(params, "node_id"), timeout)


def introduce(rt: NodeRuntime, params: Params) -> Any:
    return introductions.request_introduction(
        rt, _str(params, "result_id"), str(params.get("message") or "")
    )


def introduction_list(rt: NodeRuntime, _params: Params) -> Any:
    return introductions.list_introductions(rt)


def introduction_show(rt: NodeRuntime, params: Params) -> Any:
    return introductions.show_introduction(rt, _str(params, "id"))


def candidate_respond(rt: NodeRuntime, params: Params) -> Any:
    return introductions.respond(
        rt,
        _str(params, "id"),
        _str(params, "decision"),
        share_original=bool(params.get("share_original")),
        disclose_disability=bool(params.get("disclose_disability")),
        recorded_by=str(params.get("recorded_by") or "candidate"),
    )


def introduction_erasure(rt: NodeRuntime, params: Params) -> Any:
    return erasure.record_decision(
        rt,
        _str(params, "id"),
        _str(params, "decision"),
        str(params.get("until") or ""),
        str(params.get("reason") or ""),
        str(params.get("recorded_by") or "staff"),
    )


def upkeep(rt: NodeRuntime, _params: Params) -> Any:
    return run_upkeep(rt)


def audit_crosscheck(rt: NodeRuntime, params: Params) -> Any:
    period = audit.parse_period(str(params.get("from") or ""), str(params.get("to") or ""))
    return cross_check(rt, _str(params, "peer_id"), period.start, period.end)


def log_verify(rt: NodeRuntime, _params: Params) -> Any:
    return rt.federation().log.verify_chain().to_json()


METHODS: dict[str, Handler] = {
    "status": status,
    "candidate.register": register,
    "candidate.list": candidate_list,
    "candidate.show": candidate_show,
    "candidate.export": candidate_export,
    "candidate.erase": candidate_erase,
    "candidate.consent": candidate_consent,
    "job.add": job_add,
    "job.list": job_list,
    "job.show": job_show,
    "search": search,
    "taxonomy.import": taxonomy_import,
    "reencode": reencode,
    "peer.add": peer_add,
    "peer.list": peer_list,
    "peer.remove": peer_remove,
    "peer.ping": peer_ping,
    "peer.relay": peer_relay,
    "keys.rotate": rotation.api_rotate_signing,
    "keys.rotate_encryption": rotation.api_rotate_encryption,
    "keys.renew_tls": rotation.api_renew_tls,
    "roster.trust": rosters.api_trust,
    "roster.apply": rosters.api_apply,
    "roster.list": rosters.api_list,
    "roster.untrust": rosters.api_untrust,
    "log.verify": log_verify,
    "audit.crosscheck": audit_crosscheck,
    "audit.checkpoint": audit.api_checkpoint,
    "audit.epochs": log_epochs.api_epochs,
    "audit.close_epoch": log_epochs.api_close_epoch,
    "audit.delete_epochs": log_epochs.api_delete_epochs,
    "audit.verify": audit.api_verify,
    "audit.prove": audit.api_prove,
    "audit.export": audit.api_export,
    "audit.report": audit.api_report,
    "audit.witness": witness.api_witness,
    "audit.checkpoints": witness.api_checkpoints,
    "audit.mirror_sync": api_mirror_sync,
    "introduce": introduce,
    "introduction.list": introduction_list,
    "introduction.show": introduction_show,
    "candidate.respond": candidate_respond,
    "introduction.erasure": introduction_erasure,
    "upkeep": upkeep,
}


def dispatch(rt: NodeRuntime, method: str, params: Params) -> Any:
    handler = METHODS.get(method)
    if handler is None:
        raise UsageError(f"unknown admin method '{method}'", "client and node versions differ?")
    return handler(rt, params)
