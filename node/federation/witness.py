"""Witnessing: peers cosign each other's exchange-log checkpoints (C2SP tlog-cosignature).

A node's own signature on a checkpoint shows what it claims its log was; it does
not stop the node from showing one history to one auditor and another history to
another (a *fork*), or from quietly cutting and regrowing its log. A witness
does: ``audit witness DIR [PEER_ID ...]`` sends our latest signed checkpoint to a
peer (``Witness`` RPC, sealed and signed like every message, purpose ``audit``),
with the RFC 6962 consistency proof from the last checkpoint of ours that this
peer cosigned. The peer (:class:`WitnessHandler`)

1. checks the note is signed by our current signing key (from our descriptor in
   its peer table) under our log origin (:func:`~talentverbund.node.audit.log_origin`);
2. looks up the last checkpoint of ours it cosigned (``log_checkpoints`` rows with
   ``peer_id`` = us, the largest ``tree_size``); if the request's ``old_size`` is
   not that size it refuses ``FAILED_PRECONDITION`` ``witness_stale`` naming the
   size it holds (the asker retries once from there);
3. checks the consistency proof from (old size, old root) to (size, root); a
   failure, or a smaller size than the last, is refused ``INVALID_ARGUMENT``
   ``inconsistent_checkpoint``: that is fork evidence. The refusal is in its
   exchange log, and both signed notes plus the proof are kept as a JSON file
   under ``DIR/witness-evidence/`` (the transaction of the refused message is
   rolled back, so the evidence cannot live in the database);
4. cosigns (``cosignature/v1`` under :func:`~talentverbund.node.audit.witness_name`,
   current time), stores the cosigned note as a ``log_checkpoints`` row with
   ``peer_id`` = the asker, and answers with the cosignature line.

The first checkpoint a witness sees of a log is trusted on first use (nothing to
compare it with); from then on every cosignature extends the same history.

On our side (:func:`witness`) the returned line is verified with the peer's
descriptor key before it is kept. **Storage choice:** the cosignature line is
added (:func:`~talentverbund.crypto.checkpoint.add_signatures`) to the note of our
own checkpoint row (``peer_id`` NULL), replacing an older cosignature of the same
witness on that row; so our checkpoints carry every cosignature they received,
:func:`cosigned_checkpoints` exports them (``audit checkpoints DIR --cosigned -o
FILE``) and ``audit verify DIR --against FILE`` checks the log against them. The
size a peer last cosigned is found by scanning our rows for its key.
"""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from google.protobuf.message import DecodeError
from sqlalchemy import select
from sqlalchemy.orm import Session

from talentverbund.crypto.checkpoint import (
    KEY_TYPE_COSIGNATURE_V1,
    Checkpoint,
    add_signatures,
    key_id,
    open_checkpoint,
    parse_note,
    verifier_key,
)
from talentverbund.crypto.envelope import OpenedMessage
from talentverbund.crypto.errors import ConsistencyProofError, MerkleError, NoteError
from talentverbund.crypto.merkle import HASH_SIZE, ProofTree, verify_consistency
from talentverbund.node import audit
from talentverbund.node.errors import NodeError, UsageError
from talentverbund.node.federation.client import Call, Exchange, FederationClient
from talentverbund.node.federation.errors import FederationCallError, Rejection
from talentverbund.node.federation.exchange_log import LogTransaction, format_logged_at
from talentverbund.node.federation.trust import TrustedPeer
from talentverbund.node.storage.models import LogCheckpoint
from talentverbund.protocol.v1 import federation_pb2 as pb

if TYPE_CHECKING:
    from talentverbund.node.federation.core import Federation
    from talentverbund.node.runtime import NodeRuntime

log = logging.getLogger("talentverbund.witness")

WITNESS = "witness"
WITNESS_REPLY = "witness.reply"
WITNESS_CALL = Call("Witness", WITNESS, WITNESS_REPLY, pb.WitnessReply, "audit")
MAX_PROOF_HASHES = 128  # 2 * 64 levels: more than any log this node can hold
MAX_NOTE = 8192
EVIDENCE_DIR = "witness-evidence"
_STALE = re.compile(r"last cosigned size (\d+)")


def _cosigner_key(node_id: str, public: bytes) -> str:
    """Verifier key of a node as a witness (``cosignature/v1``, key type 0x04)."""
    return verifier_key(audit.witness_name(node_id), public, key_type=KEY_TYPE_COSIGNATURE_V1)


def _cosigner_kid(node_id: str, public: bytes) -> bytes:
    return key_id(audit.witness_name(node_id), KEY_TYPE_COSIGNATURE_V1, public)


# -- the answering node -----------------------------------------------------------------


@dataclass(frozen=True)
class _Request:
    message: pb.WitnessRequest
    checkpoint: Checkpoint


@dataclass(frozen=True)
class _State:
    cosignature: str
    last_size: int
    tree_size: int


class WitnessHandler:
    """``Witness`` on the answering node: check consistency, then cosign the asker's checkpoint."""

    rpc = "Witness"
    message_type = WITNESS
    reply_type = WITNESS_REPLY
    purpose: str | None = "audit"

    def __init__(self, runtime: NodeRuntime) -> None:
        self.rt = runtime

    def parse(self, opened: OpenedMessage) -> _Request:
        try:
            request = pb.WitnessRequest.FromString(opened.payload)
        except DecodeError:
            raise Rejection("INVALID_ARGUMENT", "bad_payload", "not a WitnessRequest") from None
        if len(request.checkpoint) > MAX_NOTE:
            raise Rejection("INVALID_ARGUMENT", "bad_payload", "checkpoint note too large")
        if len(request.consistency_proof) > MAX_PROOF_HASHES or any(
            len(h) != HASH_SIZE for h in request.consistency_proof
        ):
            raise Rejection(
                "INVALID_ARGUMENT", "bad_payload", "consistency proof must be 32-byte hashes"
            )
        sender = opened.header.sender
        peer = self.rt.federation().trust.peer(sender)
        if peer is None:  # the pipeline checked this already; a removal may race
            raise Rejection("PERMISSION_DENIED", "not_a_peer", "the sender is not a peer")
        key = verifier_key(audit.log_origin(sender), peer.descriptor.signing_key.public)
        try:
            checkpoint = open_checkpoint(request.checkpoint, [key]).checkpoint
        except NoteError as exc:
            raise Rejection(
                "INVALID_ARGUMENT",
                "bad_checkpoint",
                "bad_checkpoint: the checkpoint is not a note signed by the sender's current "
                f"signing key under its log origin {audit.log_origin(sender)}",
                str(exc),
            ) from None
        if checkpoint.origin != audit.log_origin(sender):
            raise Rejection(
                "INVALID_ARGUMENT",
                "bad_checkpoint",
                f"bad_checkpoint: origin {checkpoint.origin!r} is not the sender's log origin "
                f"{audit.log_origin(sender)!r}",
            )
        if checkpoint.size == 0:
            raise Rejection("INVALID_ARGUMENT", "bad_checkpoint", "bad_checkpoint: empty log")
        return _Request(request, checkpoint)

    def details(self, request: _Request) -> dict[str, Any]:
        return {
            "tree_size": request.checkpoint.size,
            "root_hash": request.checkpoint.root_hash.hex(),
            "old_size": request.message.old_size,
        }

    def act(
        self, request: _Request, opened: OpenedMessage, tx: LogTransaction, received_ms: int
    ) -> _State:
        sender = opened.header.sender
        checkpoint = request.checkpoint
        last = _last_cosigned(tx.session, sender)
        held = last.tree_size if last is not None else 0
        if request.message.old_size != held:
            raise Rejection(
                "FAILED_PRECONDITION",
                "witness_stale",
                f"witness_stale: this node last cosigned size {held} of your log, not "
                f"{request.message.old_size}; send old_size={held} with a consistency proof "
                "from that size",
            )
        if last is not None:
            proof = list(request.message.consistency_proof)
            try:
                if checkpoint.size < held:
                    raise ConsistencyProofError(
                        f"size {checkpoint.size} is smaller than the size {held} cosigned before"
                    )
                old_root = bytes.fromhex(last.root_hash)
                verify_consistency(held, checkpoint.size, old_root, checkpoint.root_hash, proof)
            except ConsistencyProofError as exc:
                self._keep_evidence(sender, last, request, str(exc))
                raise Rejection(
                    "INVALID_ARGUMENT",
                    "inconsistent_checkpoint",
                    f"inconsistent_checkpoint: the checkpoint of size {checkpoint.size} does not "
                    f"extend the checkpoint of size {held} this node cosigned before; both are "
                    "kept as evidence",
                    str(exc),
                ) from None
        fed = self.rt.federation()
        note = request.message.checkpoint
        cosigned = audit.cosign_checkpoint(fed.identity, note, int(time.time()))
        tx.session.add(
            LogCheckpoint(
                origin=checkpoint.origin,
                tree_size=checkpoint.size,
                root_hash=checkpoint.root_hash.hex(),
                note=cosigned,
                created_at=fed.clock(),
                peer_id=sender,
            )
        )
        tx.session.flush()
        return _State(cosigned[len(note) :], held, checkpoint.size)

    def _keep_evidence(
        self, sender: str, last: LogCheckpoint, request: _Request, reason: str
    ) -> None:
        """Both signed notes and the proof, outside the database (the refusal rolls it back)."""
        evidence = {
            "format": "talentverbund/witness-evidence/v1",
            "peer_id": sender,
            "reason": reason,
            "cosigned_checkpoint": last.note,
            "offered_checkpoint": request.message.checkpoint,
            "old_size": request.message.old_size,
            "consistency_proof": [h.hex() for h in request.message.consistency_proof],
            "detected_at": format_logged_at(self.rt.federation().clock()),
        }
        log.error(
            "witness: inconsistent checkpoint (fork evidence)",
            extra={"peer_id": sender, "old_size": last.tree_size, "size": request.checkpoint.size},
        )
        try:
            folder = self.rt.config.directory / EVIDENCE_DIR
            folder.mkdir(mode=0o700, exist_ok=True)
            name = f"{sender}-{last.tree_size}-{request.checkpoint.size}-{time.time_ns()}.json"
            (folder / name).write_text(json.dumps(evidence, indent=2) + "\n", encoding="utf-8")
        except OSError:
            log.exception("witness: could not write the evidence file")

    def replay(self, request: _Request, opened: OpenedMessage, tx: LogTransaction) -> _State:
        """A repeated request: the cosignature stored the first time."""
        fed = self.rt.federation()
        kid = _cosigner_kid(fed.node_id, fed.identity.signing_public_key)
        rows = tx.session.scalars(
            select(LogCheckpoint)
            .where(
                LogCheckpoint.peer_id == opened.header.sender,
                LogCheckpoint.tree_size == request.checkpoint.size,
                LogCheckpoint.root_hash == request.checkpoint.root_hash.hex(),
            )
            .order_by(LogCheckpoint.id.desc())
        ).all()
        for row in rows:
            line = _line_of(row.note, kid)
            if line:
                return _State(line, request.message.old_size, request.checkpoint.size)
        raise Rejection("FAILED_PRECONDITION", "witness_lost", "the cosignature is not kept here")

    def reply_details(self, state: _State) -> dict[str, Any]:
        return {"tree_size": state.tree_size, "last_size": state.last_size}

    def reply(self, request: _Request, receipt: pb.Receipt, state: _State) -> bytes:
        reply = pb.WitnessReply(cosignature=state.cosignature, last_size=state.last_size)
        reply.receipt.CopyFrom(receipt)
        return reply.SerializeToString(deterministic=True)


def _last_cosigned(session: Session, peer_id: str) -> LogCheckpoint | None:
    return session.scalars(
        select(LogCheckpoint)
        .where(LogCheckpoint.peer_id == peer_id)
        .order_by(LogCheckpoint.tree_size.desc(), LogCheckpoint.id.desc())
        .limit(1)
    ).first()


def _line_of(note: str, kid: bytes) -> str:
    """The signature line of ``note`` with key ID ``kid`` (with its newline), or ''."""
    try:
        signatures = parse_note(note).signatures
    except NoteError:
        return ""
    lines = note[note.rfind("\n\n") + 2 :].splitlines(keepends=True)
    for signature, line in zip(signatures, lines, strict=True):
        if signature.key_id == kid:
            return line
    return ""


# -- the asking node --------------------------------------------------------------------


def _current_checkpoint(fed: Federation) -> LogCheckpoint:
    """Our latest own checkpoint signed with the current key; a new one if the log grew."""
    key = verifier_key(audit.log_origin(fed.node_id), fed.identity.signing_public_key)
    with fed.sessions() as session:
        row = session.scalars(
            select(LogCheckpoint)
            .where(LogCheckpoint.peer_id.is_(None))
            .order_by(LogCheckpoint.tree_size.desc(), LogCheckpoint.id.desc())
            .limit(1)
        ).first()
        size = audit._log_size(session)
        usable = row is not None and row.tree_size + 1 >= size  # its own entry does not count
        if usable and row is not None:
            try:
                open_checkpoint(row.note, [key])
            except NoteError:
                usable = False
        if usable and row is not None:
            session.expunge(row)
            return row
    info = audit.make_checkpoint(fed, "witness")
    with fed.sessions() as session:
        made = session.get(LogCheckpoint, info.id)
        assert made is not None
        session.expunge(made)
        return made


def _peer_cosigned_size(fed: Federation, peer: TrustedPeer) -> int:
    """Largest size of our checkpoints that carry a cosignature of this peer's current key."""
    kid = _cosigner_kid(peer.node_id, peer.descriptor.signing_key.public)
    with fed.sessions() as session:
        rows = session.execute(
            select(LogCheckpoint.tree_size, LogCheckpoint.note)
            .where(LogCheckpoint.peer_id.is_(None))
            .order_by(LogCheckpoint.tree_size.desc())
        ).all()
    for size, note in rows:
        if _line_of(note, kid):
            return int(size)
    return 0


def witness(rt: NodeRuntime, peer_id: str, *, row: LogCheckpoint | None = None) -> dict[str, Any]:
    """Ask one peer to cosign our latest checkpoint; keep its verified cosignature."""
    fed = rt.federation()
    client = FederationClient(fed)
    peer = client.peer(peer_id)
    row = row if row is not None else _current_checkpoint(fed)
    size = row.tree_size
    with fed.sessions() as session:
        tree = audit.proof_tree(session, size)
    if tree.root(size).hex() != row.root_hash:
        raise audit.AuditError(
            f"our log does not reproduce our checkpoint of size {size}",
            "run 'talentverbund audit verify DIR'",
        )
    old_size = _peer_cosigned_size(fed, peer)
    result: dict[str, Any] = {"peer_id": peer_id, "peer": peer.name, "tree_size": size}
    done = _ask(client, peer, row.note, tree, old_size)
    stale = _STALE.search(done.detail) if done.status == "FAILED_PRECONDITION" else None
    if stale is not None and int(stale.group(1)) != old_size:
        old_size = int(stale.group(1))  # the peer holds another size: prove from there
        done = _ask(client, peer, row.note, tree, old_size)
    if not done.ok:
        return result | {
            "ok": False,
            "old_size": old_size,
            "status": done.status,
            "error": done.detail,
        }
    reply: pb.WitnessReply = done.reply
    try:
        cosigned = add_signatures(_without(row.note, peer), reply.cosignature)
        opened = open_checkpoint(
            cosigned, [_cosigner_key(peer.node_id, peer.descriptor.signing_key.public)]
        )
        if not any(s.is_cosignature for s in opened.signatures):
            raise NoteError("the line is not a cosignature/v1")
    except NoteError as exc:
        done.status, done.detail = "bad_reply", f"cosignature does not verify: {exc}"
        client.record([done])
        raise FederationCallError(
            peer_id, "bad_reply", f"witness {peer.name}: {done.detail}"
        ) from None
    row_id = row.id

    def store(tx: LogTransaction) -> None:
        stored = tx.session.get(LogCheckpoint, row_id)
        if stored is not None:
            stored.note = add_signatures(_without(stored.note, peer), reply.cosignature)

    client.record([done], store)
    return result | {
        "ok": True,
        "old_size": old_size,
        "last_size": reply.last_size,
        "checkpoint_id": row.id,
        "cosignature": reply.cosignature,
        "cosigned_at": opened.cosignatures.get(audit.witness_name(peer_id)),
    }


def _ask(
    client: FederationClient, peer: TrustedPeer, note: str, tree: ProofTree, old_size: int
) -> Exchange:
    """One Witness call from ``old_size``; a failed one is logged here, a good one by the caller."""
    size = tree.size
    if old_size > size:
        raise audit.AuditError(
            f"{peer.name} cosigned size {old_size} of our log, more than our latest "
            f"checkpoint ({size}): our log lost entries",
            "run 'talentverbund audit verify DIR' and keep the database as evidence",
        )
    try:
        proof = tree.consistency_proof(old_size, size) if 0 < old_size < size else []
    except MerkleError:
        raise audit.AuditError(
            f"{peer.name} last cosigned size {old_size} of our log, but the entries up to "
            "there were deleted with an expired epoch, so no consistency proof reaches it",
            f"{peer.name}'s operator decides: it keeps refusing, or starts witnessing this "
            "log afresh after comparing our latest checkpoint out of band",
        ) from None
    request = pb.WitnessRequest(checkpoint=note, old_size=old_size, consistency_proof=proof)
    done = client.exchange(
        peer, WITNESS_CALL, request.SerializeToString(deterministic=True), timeout=30.0
    )
    done.details.update({"tree_size": size, "old_size": old_size})
    if not done.ok:
        client.record([done])
    return done


def _without(note: str, peer: TrustedPeer) -> str:
    """``note`` without an older cosignature of this peer's key (a newer one replaces it)."""
    line = _line_of(note, _cosigner_kid(peer.node_id, peer.descriptor.signing_key.public))
    if not line:
        return note
    body, block = note[: note.rfind("\n\n") + 2], note[note.rfind("\n\n") + 2 :]
    return body + "".join(x for x in block.splitlines(keepends=True) if x != line)


def witness_peers(rt: NodeRuntime, peer_ids: list[str]) -> list[dict[str, Any]]:
    """Witness our latest checkpoint with each peer (all active peers when none given)."""
    fed = rt.federation()
    ids = peer_ids or sorted(fed.trust.snapshot().peers)
    if not ids:
        raise UsageError("this node has no active peers to witness its log", "add peers first")
    row = _current_checkpoint(fed)  # one checkpoint for all: it gathers every cosignature
    results = []
    for peer_id in ids:
        try:
            results.append(witness(rt, peer_id, row=row))
        except NodeError as exc:
            results.append(
                {"peer_id": peer_id, "ok": False, "status": "error", "error": exc.message}
            )
    return results


def cosigned_checkpoints(fed: Federation, *, cosigned_only: bool = True) -> list[dict[str, Any]]:
    """Our own checkpoints with their notes, and which peers' cosignatures each carries."""
    peers = {p.node_id: p for p in fed.trust.snapshot().peers.values()}
    kids = {
        _cosigner_kid(node_id, p.descriptor.signing_key.public): node_id
        for node_id, p in peers.items()
    }
    out = []
    with fed.sessions() as session:
        rows = session.scalars(
            select(LogCheckpoint)
            .where(LogCheckpoint.peer_id.is_(None))
            .order_by(LogCheckpoint.tree_size, LogCheckpoint.id)
        ).all()
        for row in rows:
            try:
                signatures = parse_note(row.note).signatures
            except NoteError:
                continue
            by = [kids[s.key_id] for s in signatures if s.key_id in kids]
            if cosigned_only and not by:
                continue
            out.append(
                {"id": row.id, "tree_size": row.tree_size, "cosigned_by": by, "note": row.note}
            )
    return out


def api_witness(rt: NodeRuntime, params: dict[str, Any]) -> Any:
    ids = params.get("peer_ids") or []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise UsageError("parameter 'peer_ids' must be a list of node ids")
    return {"results": witness_peers(rt, ids)}


def api_checkpoints(rt: NodeRuntime, params: dict[str, Any]) -> Any:
    only = bool(params.get("cosigned"))
    return {"checkpoints": cosigned_checkpoints(rt.federation(), cosigned_only=only)}
