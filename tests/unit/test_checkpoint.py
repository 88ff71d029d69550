"""Signed checkpoints (C2SP signed-note, tlog-checkpoint, tlog-cosignature).

Vectors used, by origin:

* Our own regression vector (:data:`OWN_NOTE`), generated once with fixed
  Ed25519 seeds (Ed25519 is deterministic); it pins our output byte for byte.
  Not an external reference: :func:`test_key_ids_by_hand` recomputes its key IDs
  from the specification's formula independently of the module.
* golang.org/x/mod/sumdb/note: the ``PeterNeumann`` signer key and signed note
  from its package documentation and ExampleSign; we must reproduce that note
  byte for byte from the same seed.
* c2sp.org/signed-note: the example verifier key ``example.com/foo`` and its
  signature over "This is an example message.\\n".
* A real checkpoint of the arche2025h1 staging CT log (transparency.dev) with
  the log's Ed25519 signature and ``cosignature/v1`` cosignatures of four
  public witnesses, verified with their published verifier keys.
* c2sp.org/tlog-cosignature's example and transparency-dev/formats'
  ``TestCoSigV1Timestamp``: cosignature lines whose timestamp layout we parse.
"""

from __future__ import annotations

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import given, settings
from hypothesis import strategies as st

from talentverbund.crypto.checkpoint import (
    KEY_TYPE_COSIGNATURE_V1,
    KEY_TYPE_ED25519,
    MAX_SIGNATURES,
    Checkpoint,
    add_signatures,
    cosign,
    cosigner_key,
    open_checkpoint,
    open_note,
    parse_note,
    parse_verifier_key,
    sign_note,
    signature_line,
    verifier_key,
)
from talentverbund.crypto.errors import CryptoError, NoteError
from talentverbund.crypto.merkle import (
    ProofTree,
    hash_leaves,
    root_of,
    verify_consistency,
    verify_inclusion,
)

LOG_NAME = "talentverbund.example/kiel"
WITNESS_NAME = "dpo.example/witness"
LOG_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
WITNESS_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32, 64)))
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(64, 96)))
LOG_VKEY = verifier_key(LOG_NAME, LOG_KEY.public_key())
WITNESS_VKEY = cosigner_key(WITNESS_NAME, WITNESS_KEY.public_key())
ENTRIES = [b'{"dir":"out","id":"m1"}', b'{"dir":"in","id":"m2"}', b'{"dir":"out","id":"m3"}']
CHECKPOINT = Checkpoint(LOG_NAME, 3, root_of(hash_leaves(ENTRIES)))
COSIGNED_AT = 1767225600  # 2026-01-01T00:00:00Z

# Our own regression vector (not a published one): generated once by this module
# from the fixed seeds above, then frozen. A change here means the wire format changed.
OWN_NOTE = (
    "talentverbund.example/kiel\n"
    "3\n"
    "swdtzVjPjKDMzSR5Hgq0eT8mtfaBesi5Bk/2aUtYunc=\n"
    "\n"
    "— talentverbund.example/kiel DGd7unn0Sh0Ua1qPoSu0v4MTxyxY9snWNrURjnNpUDDzCNGNQdG7T32U9M1havz5DepKsMXGb6cG3hI7pUzDCMpeKw0=\n"
    "— dpo.example/witness VsVlXgAAAABpVbkAYyXVRO6T6111U29rIxqOe18oDKsw+JcYfxVwt7RNmvVGc3V/6gM4rmf3OVHV7tBWe5/fM5TOwTgDXkWK07PMDA==\n"
)
OWN_LOG_VKEY = "talentverbund.example/kiel+0c677bba+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4"
OWN_WITNESS_VKEY = "dpo.example/witness+56c5655e+BCmsuuFBvMrwsi4alNNNC8c2HlJtC/4SyJeUvJMilm3X"


def signed() -> str:
    return sign_note(CHECKPOINT.body(), LOG_NAME, LOG_KEY)


# -- round trip and our own known answer ----------------------------------------------------


def test_round_trip() -> None:
    checkpoint, signers = open_note(signed(), [LOG_VKEY])
    assert checkpoint == CHECKPOINT
    assert signers == [LOG_NAME]


def test_body_format() -> None:
    root_b64 = base64.b64encode(CHECKPOINT.root_hash).decode()
    assert CHECKPOINT.body() == f"{LOG_NAME}\n3\n{root_b64}\n".encode()
    with_ext = Checkpoint(LOG_NAME, 0, bytes(32), ("ext one", "ext-two"))
    assert with_ext.body().endswith(b"\next one\next-two\n")
    assert Checkpoint.from_body(with_ext.body()) == with_ext


def test_own_regression_vector() -> None:
    """Our fixed-seed output, frozen: the note text and the verifier keys."""
    note = add_signatures(signed(), cosign(CHECKPOINT, WITNESS_NAME, WITNESS_KEY, COSIGNED_AT))
    assert note == OWN_NOTE
    assert LOG_VKEY == OWN_LOG_VKEY
    assert WITNESS_VKEY == OWN_WITNESS_VKEY
    opened = open_checkpoint(OWN_NOTE, [OWN_LOG_VKEY, OWN_WITNESS_VKEY])
    assert opened.checkpoint == CHECKPOINT
    assert opened.signers == [LOG_NAME, WITNESS_NAME]
    assert opened.cosignatures == {WITNESS_NAME: COSIGNED_AT}


def test_key_ids_by_hand() -> None:
    """Key IDs recomputed from the specifications, without the module's key_id()."""
    log_public = LOG_KEY.public_key().public_bytes_raw()
    witness_public = WITNESS_KEY.public_key().public_bytes_raw()
    # signed-note: SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4]
    log_id = hashlib.sha256(LOG_NAME.encode() + b"\x0a" + b"\x01" + log_public).digest()[:4]
    # tlog-cosignature: SHA-256(<name> || "\n" || 0x04 || 32-byte Ed25519 public key)[:4]
    witness_id = hashlib.sha256(WITNESS_NAME.encode() + b"\n" + b"\x04" + witness_public).digest()[
        :4
    ]
    log_material = base64.b64encode(b"\x01" + log_public).decode()
    witness_material = base64.b64encode(b"\x04" + witness_public).decode()
    assert f"{LOG_NAME}+{log_id.hex()}+{log_material}" == OWN_LOG_VKEY
    assert f"{WITNESS_NAME}+{witness_id.hex()}+{witness_material}" == OWN_WITNESS_VKEY
    # Each signature line starts with the signer's key ID, and the rest verifies by hand.
    lines = OWN_NOTE.split("\n\n", 1)[1].splitlines()
    log_sig = base64.b64decode(lines[0].split(" ")[2])
    witness_sig = base64.b64decode(lines[1].split(" ")[2])
    assert log_sig[:4] == log_id
    assert witness_sig[:4] == witness_id
    body = CHECKPOINT.body()
    LOG_KEY.public_key().verify(log_sig[4:], body)
    assert int.from_bytes(witness_sig[4:12], "big") == COSIGNED_AT
    WITNESS_KEY.public_key().verify(witness_sig[12:], b"cosignature/v1\ntime 1767225600\n" + body)


def test_verifier_key_parses() -> None:
    key = parse_verifier_key(OWN_LOG_VKEY)
    assert key.name == LOG_NAME
    assert key.key_type == KEY_TYPE_ED25519
    assert key.public_key == LOG_KEY.public_key().public_bytes_raw()
    assert str(key) == OWN_LOG_VKEY
    assert parse_verifier_key(OWN_WITNESS_VKEY).key_type == KEY_TYPE_COSIGNATURE_V1


# -- published vectors -----------------------------------------------------------------

GO_SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
GO_NOTE = (
    GO_TEXT + "\n"
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)


def test_go_sumdb_note_vector_reproduced() -> None:
    """golang.org/x/mod/sumdb/note ExampleSign: same seed, same bytes."""
    encoded = GO_SIGNER_KEY.split("+", 4)[4]  # PRIVATE+KEY+<name>+<id>+base64(0x01 || seed)
    material = base64.b64decode(encoded)
    assert material[0] == 0x01
    key = Ed25519PrivateKey.from_private_bytes(material[1:])
    assert sign_note(GO_TEXT, "PeterNeumann", key) == GO_NOTE
    assert verifier_key("PeterNeumann", key.public_key()) == GO_VERIFIER_KEY
    opened = parse_note(GO_NOTE)
    assert opened.body == GO_TEXT.encode()
    assert opened.signatures[0].label == "PeterNeumann+c74f20a3"


def test_c2sp_signed_note_example_verifies() -> None:
    """c2sp.org/signed-note example key and signature (via a one-line checkpoint-free note)."""
    vkey = parse_verifier_key(
        "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
    )
    assert vkey.public_key.hex() == (
        "e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4"
    )
    note = parse_note(
        "This is an example message.\n\n"
        "— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"
    )
    signature = note.signatures[0]
    assert signature.key_id == vkey.key_id
    # The body is not a checkpoint, so check the signature directly with the parsed key.
    Ed25519PublicKey.from_public_bytes(vkey.public_key).verify(signature.signature, note.body)
    with pytest.raises(NoteError, match="malformed checkpoint body"):
        open_note(
            "This is an example message.\n\n"
            "— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n",
            [str(vkey)],
        )


ARCHE_CHECKPOINT = """arche2025h1.staging.ct.transparency.dev
1432088532
U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=

— arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=
— arche2025h1.staging.ct.transparency.dev ui8GwCF1+kWqZrxGdhj4aX3gcw7XUlXQQabg/27lefwhUkzbC3NygNI75MdhL1bfTW9g8Ei59RA23oHP7Ry1k3ZFWwQ=
— transparency.dev/DEV:witness-little-garden 2AQqhwAAAABqEiEgzgFIqqhbUoDwjMWE6UP8nd8/KYTzwZ2rhIgcqoXHAwVkjZr4AscylP3v7sEodkRAErumC2q44vdgJY096st5BQ==
— witness1.smartit.nu/witness1 pIyCDwAAAABqEiEghIp82KWebrw7/oHQwlTAm3g2RKS4+eebl8eO0WH+/iEcxZ75W3u5hNI7TOQtmJbqmNWVuE0tgh0XwzdZsDsUAQ==
— remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==
— witness.stagemole.eu Z/euoAAAAABqEiEgw0i+7g2ENfDAWHmtRzCfKTHSDwYDJA2NmKeGi9Y8FtEyOUvVr+AJmIY/2TUFucgKi7lI7cUiOvKFYe/TmN9DAg==
"""
ARCHE_LOG_VKEY = (
    "arche2025h1.staging.ct.transparency.dev+ba2f06c0+AU0vHmlGCS/PdN8b2OaGmKprLI8HKM+dJ472xgFYh15f"
)
ARCHE_WITNESS_VKEYS = [
    "transparency.dev/DEV:witness-little-garden+d8042a87+BCtusOxINQNUTN5Oj8HObRkh2yHf/MwYaGX4CPdiVEPM",
    "witness1.smartit.nu/witness1+a48c820f+BPSFWg9G6KPiO7QPryYO5Xq4oYJJ+kAvLKLSimDhoxMO",
    "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2",
    "witness.stagemole.eu+67f7aea0+BEqSG3yu9YrmcM3BHvQYTxwFj3uSWakQepafafpUqklv",
]


def test_real_log_checkpoint_with_witness_cosignatures() -> None:
    opened = open_checkpoint(ARCHE_CHECKPOINT, [ARCHE_LOG_VKEY, *ARCHE_WITNESS_VKEYS])
    assert opened.checkpoint.origin == "arche2025h1.staging.ct.transparency.dev"
    assert opened.checkpoint.size == 1432088532
    assert opened.signers == [
        "arche2025h1.staging.ct.transparency.dev",
        "transparency.dev/DEV:witness-little-garden",
        "witness1.smartit.nu/witness1",
        "remora.n621.de",
        "witness.stagemole.eu",
    ]
    assert set(opened.cosignatures.values()) == {1779573024}
    # The type 0x05 (RFC 6962 TreeHeadSignature) line is from no listed key: ignored.
    checkpoint, signers = open_note(
        ARCHE_CHECKPOINT, ["remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"]
    )
    assert signers == ["remora.n621.de"]
    assert checkpoint == opened.checkpoint
    tampered = ARCHE_CHECKPOINT.replace("1432088532", "1432088533", 1)
    with pytest.raises(NoteError, match="does not verify"):
        open_note(tampered, ARCHE_WITNESS_VKEYS[2:3])


@pytest.mark.parametrize(
    ("line_value", "timestamp"),
    [
        # c2sp.org/tlog-cosignature example (its signed message shows "time 1679315147")
        (
            "jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==",
            1679315147,
        ),
        # transparency-dev/formats note_cosigv1_test.go TestCoSigV1Timestamp
        (
            "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==",
            1727964367,
        ),
    ],
)
def test_published_cosignature_layout(line_value: str, timestamp: int) -> None:
    note = parse_note(f"o\n1\n{base64.b64encode(bytes(32)).decode()}\n\n— w {line_value}\n")
    payload = note.signatures[0].signature
    assert len(payload) == 8 + 64
    assert int.from_bytes(payload[:8], "big") == timestamp


# -- rejection ---------------------------------------------------------------------


def test_note_signed_by_another_key_is_rejected() -> None:
    forged = sign_note(CHECKPOINT.body(), LOG_NAME, OTHER_KEY)
    with pytest.raises(NoteError, match="not signed by any known key") as excinfo:
        open_note(forged, [LOG_VKEY])
    assert "known keys: talentverbund.example/kiel+0c677bba" in str(excinfo.value)


def test_known_key_with_bad_signature_rejects_the_whole_note() -> None:
    note = signed()
    prefix, value = note.rsplit(" ", 1)
    raw = bytearray(base64.b64decode(value))
    raw[-1] ^= 1  # key ID intact, signature broken
    broken = prefix + " " + base64.b64encode(bytes(raw)).decode() + "\n"
    with pytest.raises(
        NoteError, match=r"signature by talentverbund\.example/kiel\+0c677bba does not verify"
    ):
        open_note(broken, [LOG_VKEY])
    # ... even if another listed key signed correctly.
    witness_line = cosign(CHECKPOINT, WITNESS_NAME, WITNESS_KEY, COSIGNED_AT)
    with pytest.raises(NoteError, match="does not verify"):
        open_note(add_signatures(broken, witness_line), [LOG_VKEY, WITNESS_VKEY])


def test_every_single_byte_change_in_the_body_is_rejected() -> None:
    note = signed().encode()
    body_length = len(CHECKPOINT.body())
    for position in range(body_length):
        for change in (0x01, 0x20, 0x80):
            tampered = bytearray(note)
            tampered[position] ^= change
            with pytest.raises(NoteError):
                open_note(bytes(tampered), [LOG_VKEY])


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_byte_replacement_or_insertion_in_the_body_is_rejected(data: st.DataObject) -> None:
    note = signed().encode()
    body_length = len(CHECKPOINT.body())
    position = data.draw(st.integers(0, body_length - 1), label="position")
    value = data.draw(st.integers(0, 255).filter(lambda b: b != note[position]), label="byte")
    replaced = note[:position] + bytes([value]) + note[position + 1 :]
    inserted = note[:position] + bytes([value]) + note[position:]
    deleted = note[:position] + note[position + 1 :]
    for tampered in (replaced, inserted, deleted):
        with pytest.raises(NoteError):
            open_note(tampered, [LOG_VKEY])


def test_signature_from_unknown_key_is_ignored_when_a_known_one_verifies() -> None:
    stranger = signature_line(CHECKPOINT.body(), "stranger.example", OTHER_KEY)
    same_name_other_key = signature_line(CHECKPOINT.body(), LOG_NAME, OTHER_KEY)
    note = add_signatures(signed(), stranger, same_name_other_key)
    assert open_note(note, [LOG_VKEY])[1] == [LOG_NAME]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("origin\n012\n{root}\n", "line 2 \\(tree size\\) must be a decimal number"),
        ("origin\n0x10\n{root}\n", "line 2 \\(tree size\\) must be a decimal number"),
        ("origin\n-1\n{root}\n", "line 2 \\(tree size\\) must be a decimal number"),
        ("origin\n１２\n{root}\n", "line 2 \\(tree size\\) must be a decimal number"),
        ("origin\n18446744073709551616\n{root}\n", "exceeds 2\\*\\*64-1"),
        ("origin\n5\n{short}\n", "root hash is 31 bytes, expected 32"),
        ("origin\n5\nnot base64!\n", "line 3 \\(root hash\\) is not base64"),
        ("origin\n5\n", "2 line\\(s\\), expected origin, tree size and root hash"),
        ("\n5\n{root}\n", "line 1 \\(origin\\) is empty"),
    ],
)
def test_malformed_bodies_are_rejected_with_the_reason(body: str, message: str) -> None:
    text = body.format(
        root=base64.b64encode(bytes(32)).decode(), short=base64.b64encode(bytes(31)).decode()
    )
    note = sign_note(text, LOG_NAME, LOG_KEY)  # correctly signed, but not a checkpoint
    with pytest.raises(NoteError, match=message):
        open_note(note, [LOG_VKEY])


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("origin\n1\nroot\n", "no blank line"),
        ("origin\n1\nroot\n\n", "no signature lines"),
        ("origin\n1\nroot\n\n— name c2ln", "must end with a newline"),
        ("origin\n1\nroot\n\n- name c2lnbmF0dXJl\n", "does not start with an em dash"),
        ("origin\n1\nroot\n\n— name\n", "no signature after the name"),
        ("origin\n1\nroot\n\n— na+me c2lnbmF0dXJl\n", "must not contain spaces, '\\+'"),
        ("origin\n1\nroot\n\n— name c2lnbmF0dXJl!\n", "is not base64"),
        ("origin\n1\nroot\n\n— name c2ln\n", "too short for a key ID"),
        ("origin\r\n1\nroot\n\n— name c2lnbmF0dXJl\n", "control character U\\+000D"),
        (b"origin\xff\n1\nroot\n\n\xe2\x80\x94 name c2lnbmF0dXJl\n", "not valid UTF-8"),
        ("origin\n1\nroot\n\n" + "— name c2lnbmF0dXJl\n" * (MAX_SIGNATURES + 1), "at most 100"),
    ],
)
def test_malformed_notes_are_rejected(note: str | bytes, message: str) -> None:
    with pytest.raises(NoteError, match=message):
        open_note(note, [LOG_VKEY])


@pytest.mark.parametrize(
    ("vkey", "message"),
    [
        (
            "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "does not match the key",
        ),
        ("PeterNeumann+c74f20a3", "must look like"),
        ("PeterNeumann+c74f20+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "not 8 hex digits"),
        ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", "not base64"),
        (
            "PeterNeumann+c74f20a3+AhpcnQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "unsupported signature type 0x02",
        ),
        ("PeterNeumann+c74f20a3+ARpc2Q==", "is 3 bytes, expected 32"),
        (
            "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "must not contain spaces",
        ),
    ],
)
def test_bad_verifier_keys_are_rejected(vkey: str, message: str) -> None:
    with pytest.raises(NoteError, match=message):
        parse_verifier_key(vkey)


def test_conflicting_verifier_keys_are_refused() -> None:
    good = parse_verifier_key(LOG_VKEY)
    impostor = type(good)(good.name, good.key_type, bytes(32), good.key_id)
    with pytest.raises(NoteError, match="share the name and key ID"):
        open_note(signed(), [good, impostor])
    assert open_note(signed(), [LOG_VKEY, LOG_VKEY])[1] == [LOG_NAME]  # duplicates are fine


def test_checkpoint_constructor_validates() -> None:
    with pytest.raises(NoteError, match="root hash is 31 bytes"):
        Checkpoint(LOG_NAME, 1, bytes(31))
    with pytest.raises(NoteError, match=r"outside 0\.\.2\*\*64-1"):
        Checkpoint(LOG_NAME, -1, bytes(32))
    with pytest.raises(NoteError, match="must be an int"):
        Checkpoint(LOG_NAME, True, bytes(32))
    with pytest.raises(NoteError, match="control character"):
        Checkpoint("two\nlines", 1, bytes(32))
    with pytest.raises(NoteError, match="non-empty"):
        Checkpoint(LOG_NAME, 1, bytes(32), ("",))
    with pytest.raises(NoteError, match="must end with a newline"):
        sign_note("no newline", LOG_NAME, LOG_KEY)
    with pytest.raises(NoteError, match="must not contain spaces"):
        sign_note(CHECKPOINT.body(), "a name", LOG_KEY)
    assert issubclass(NoteError, CryptoError)


# -- cosignatures ---------------------------------------------------------------------


def test_cosignature_round_trip() -> None:
    line = cosign(CHECKPOINT, WITNESS_NAME, WITNESS_KEY, COSIGNED_AT)
    note = add_signatures(signed(), line)
    opened = open_checkpoint(note, [LOG_VKEY, WITNESS_VKEY])
    assert opened.signers == [LOG_NAME, WITNESS_NAME]
    assert opened.cosignatures == {WITNESS_NAME: COSIGNED_AT}
    witness_signature = opened.signatures[1]
    assert witness_signature.is_cosignature
    assert witness_signature.timestamp == COSIGNED_AT
    assert not opened.signatures[0].is_cosignature
    # A note may be opened with the witness key alone: the cosignature covers the body.
    assert open_note(note, [WITNESS_VKEY]) == (CHECKPOINT, [WITNESS_NAME])


def test_cosignature_covers_timestamp_and_body() -> None:
    line = cosign(CHECKPOINT, WITNESS_NAME, WITNESS_KEY, COSIGNED_AT)
    prefix, value = line.rstrip("\n").rsplit(" ", 1)
    raw = bytearray(base64.b64decode(value))
    raw[11] ^= 1  # one second later
    shifted = prefix + " " + base64.b64encode(bytes(raw)).decode() + "\n"
    with pytest.raises(
        NoteError, match=r"cosignature by dpo\.example/witness\+56c5655e does not verify"
    ):
        open_note(add_signatures(signed(), shifted), [LOG_VKEY, WITNESS_VKEY])

    other = Checkpoint(LOG_NAME, 4, CHECKPOINT.root_hash)
    moved = add_signatures(sign_note(other.body(), LOG_NAME, LOG_KEY), line)
    with pytest.raises(NoteError, match=r"cosignature by .* does not verify"):
        open_note(moved, [LOG_VKEY, WITNESS_VKEY])


def test_cosignature_is_not_a_plain_signature() -> None:
    """Key ID includes the type byte: a cosignature never passes for a log signature."""
    line = cosign(CHECKPOINT, WITNESS_NAME, WITNESS_KEY, COSIGNED_AT)
    plain_key = verifier_key(WITNESS_NAME, WITNESS_KEY.public_key())
    with pytest.raises(NoteError, match="not signed by any known key"):
        open_note(CHECKPOINT.body().decode() + "\n" + line, [plain_key])
    plain_line = signature_line(CHECKPOINT.body(), WITNESS_NAME, WITNESS_KEY)
    with pytest.raises(NoteError, match="not signed by any known key"):
        open_note(CHECKPOINT.body().decode() + "\n" + plain_line, [WITNESS_VKEY])


def test_cosign_validates_timestamp() -> None:
    with pytest.raises(NoteError, match=r"outside 0\.\.2\*\*63-1"):
        cosign(CHECKPOINT, WITNESS_NAME, WITNESS_KEY, 2**63)
    with pytest.raises(NoteError, match="must be an int"):
        cosign(CHECKPOINT, WITNESS_NAME, WITNESS_KEY, 1.5)  # type: ignore[arg-type]
    with pytest.raises(NoteError, match="added signature line 1 must be exactly one line"):
        add_signatures(signed(), "— w abc")


# -- the checkpoint and the log together ----------------------------------------------------------


def test_dpo_checks_a_log_against_two_checkpoints() -> None:
    """Log at 3 entries, checkpoint; 5 entries, checkpoint; a DPO verifies both and the log."""
    log = [*ENTRIES, b'{"dir":"in","id":"m4"}', b'{"dir":"out","id":"m5"}']
    tree = ProofTree(hash_leaves(log))
    old_note = sign_note(Checkpoint(LOG_NAME, 3, tree.root(3)).body(), LOG_NAME, LOG_KEY)
    new_note = sign_note(Checkpoint(LOG_NAME, 5, tree.root()).body(), LOG_NAME, LOG_KEY)

    old, _ = open_note(old_note, [LOG_VKEY])
    new, _ = open_note(new_note, [LOG_VKEY])
    verify_consistency(old.size, new.size, old.root_hash, new.root_hash, tree.consistency_proof(3))
    verify_inclusion(tree.leaf(3), 3, new.size, tree.inclusion_proof(3), new.root_hash)
    assert root_of(hash_leaves(log)) == new.root_hash

    reordered = [log[1], log[0], *log[2:]]
    assert root_of(hash_leaves(reordered)) != new.root_hash
    assert root_of(hash_leaves(reordered[:3])) != old.root_hash
