"""Receipts: the receiver's signed statement that it accepted and logged a message.

A receipt names the envelope (its SHA-256), where the receiver logged it (seq and
entry hash of its exchange log), when, and with which status, and is signed by the
receiver's Ed25519 key on its own -- not only through the envelope that carries it.
The envelope signature covers the *ciphertext*, so a third party (the other node's
data-protection officer, an auditor) could not check it without the sender's private
key; the receipt's own signature lets the sender keep a transferable proof.

Signed bytes (format v1)::

    b"talentverbund/receipt/v1\\n" || canonical_json({
        "envelope_sha256": str, "log_index": int, "log_entry_hash": str,
        "received_at_ms": int, "receiver": str, "receiver_kid": str, "status": str})
"""

from __future__ import annotations

import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from talentverbund.crypto._encoding import b64url_encode
from talentverbund.crypto.canonical import MAX_SAFE_INTEGER, canonical_json
from talentverbund.crypto.identity import NodeIdentity
from talentverbund.protocol.v1 import federation_pb2 as pb

RECEIPT_DOMAIN = b"talentverbund/receipt/v1\n"
ACCEPTED = "accepted"
_HEX64 = re.compile(r"[0-9a-f]{64}")


class ReceiptError(Exception):
    """A receipt that does not prove what it should; the message says which check failed."""


def receipt_signed_bytes(receipt: pb.Receipt) -> bytes:
    """Exactly what the receipt signature covers."""
    if receipt.log_index > MAX_SAFE_INTEGER:
        raise ReceiptError("receipt log_index is out of range")
    return RECEIPT_DOMAIN + canonical_json(
        {
            "envelope_sha256": receipt.envelope_sha256,
            "log_index": receipt.log_index,
            "log_entry_hash": receipt.log_entry_hash,
            "received_at_ms": receipt.received_at_ms,
            "receiver": receipt.receiver,
            "receiver_kid": receipt.receiver_kid,
            "status": receipt.status,
        }
    )


def sign_receipt(
    identity: NodeIdentity,
    *,
    envelope_sha256: str,
    log_index: int,
    log_entry_hash: str,
    received_at_ms: int,
    status: str = ACCEPTED,
) -> pb.Receipt:
    """A receipt from this node, signed with its current signing key."""
    receipt = pb.Receipt(
        envelope_sha256=envelope_sha256,
        log_index=log_index,
        log_entry_hash=log_entry_hash,
        received_at_ms=received_at_ms,
        status=status,
        receiver=identity.node_id,
        receiver_kid=identity.signing_kid,
    )
    receipt.signature = identity.sign(receipt_signed_bytes(receipt))
    return receipt


def verify_receipt(
    receipt: pb.Receipt,
    *,
    receiver: str,
    receiver_kid: str,
    receiver_public: Ed25519PublicKey | bytes,
    envelope_sha256: str,
) -> None:
    """Check that ``receiver`` accepted exactly our envelope and signed that; raise if not."""
    if receipt.receiver != receiver:
        raise ReceiptError(f"receipt names receiver {receipt.receiver!r}, expected {receiver}")
    if receipt.receiver_kid != receiver_kid:
        raise ReceiptError(
            f"receipt is signed by key {receipt.receiver_kid!r}; the descriptor we hold "
            f"names {receiver_kid}"
        )
    if receipt.envelope_sha256 != envelope_sha256:
        raise ReceiptError("receipt is for another envelope than the one sent")
    if not _HEX64.fullmatch(receipt.log_entry_hash) or receipt.log_index < 1:
        raise ReceiptError("receipt does not name a valid exchange log position")
    if receipt.status != ACCEPTED:
        raise ReceiptError(f"receipt status is {receipt.status!r}, not {ACCEPTED!r}")
    try:
        if not isinstance(receiver_public, Ed25519PublicKey):
            receiver_public = Ed25519PublicKey.from_public_bytes(receiver_public)
        receiver_public.verify(receipt.signature, receipt_signed_bytes(receipt))
    except (InvalidSignature, ValueError):
        raise ReceiptError("receipt signature does not verify") from None


def receipt_json(receipt: pb.Receipt) -> dict[str, str | int]:
    """The receipt as the sender's exchange log keeps it (for cross-checks later)."""
    return {
        "envelope_sha256": receipt.envelope_sha256,
        "log_index": receipt.log_index,
        "log_entry_hash": receipt.log_entry_hash,
        "received_at_ms": receipt.received_at_ms,
        "receiver_kid": receipt.receiver_kid,
        "status": receipt.status,
        "signature": b64url_encode(receipt.signature),
    }
