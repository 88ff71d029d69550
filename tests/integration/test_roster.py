"""Signed federation rosters through the real command line.

Kiel (A), Flensburg (B) and Lübeck (C) are initialized nodes; a coordination body's
roster key signs rosters listing B and C. A trusts the key and applies them: members
become peers, a newer version drops revoked ones, older versions and foreign keys are
refused with exit code 2 and nothing changes. The last test runs A with ``serve`` and
applies rosters through its admin socket, checking that the serving node's trust follows
at once (a handshake from B is accepted, then refused).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from talentverbund.crypto.descriptor import build_descriptor, parse_descriptor
from talentverbund.crypto.roster import build_roster, load_roster_key
from tests.nodes import Node, init_node, run_cli, serve, stop_nodes, wait_serving

NAME = "Landesnetz Schleswig-Holstein"


def flat(text: str) -> str:
    """Error output without the terminal's line wrapping."""
    return " ".join(text.split())


@dataclass
class Coordination:
    base: Path
    key_file: Path
    public_key: str
    fingerprint: str

    def sign(self, version: int, *members: Node, name: str = NAME, key: Path | None = None) -> Path:
        out = self.base / f"roster-{name[:8].replace(' ', '_')}-v{version}.json"
        code, _, err = run_cli(
            "roster",
            "sign",
            "--key",
            key or self.key_file,
            "--version",
            version,
            "--name",
            name,
            "--valid-days",
            30,
            *(m.descriptor_file for m in members),
            "-o",
            out,
        )
        assert code == 0, err
        return out


def keygen(path: Path, name: str = NAME) -> dict[str, Any]:
    code, out, err = run_cli("roster", "keygen", path, "--name", name, "--json")
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


@dataclass
class Nodes:
    a: Node
    b: Node
    c: Node
    coord: Coordination


@pytest.fixture(scope="module")
def nodes(tmp_path_factory: pytest.TempPathFactory) -> Nodes:
    base = tmp_path_factory.mktemp("roster")
    a = init_node(base, "Kiel", "01002")
    b = init_node(base, "Flensburg", "01001")
    c = init_node(base, "Luebeck", "01003")
    key = keygen(base / "coordination.pem")
    return Nodes(
        a,
        b,
        c,
        Coordination(base, base / "coordination.pem", key["public_key"], key["fingerprint"]),
    )


def peers_of(node: Node) -> dict[str, str]:
    """node id -> status of every peer row (active, pending or removed)."""
    code, out, err = run_cli("peer", "list", node.directory, "--json")
    assert code == 0, err
    return {p["node_id"]: p["status"] for p in json.loads(out)}


def active(node: Node) -> set[str]:
    return {k for k, v in peers_of(node).items() if v != "removed"}


def apply(node: Node, roster: Path) -> tuple[int, dict[str, Any] | None, str]:
    code, out, err = run_cli("roster", "apply", node.directory, roster, "--json")
    return code, (json.loads(out) if code in (0, 3) else None), flat(err)


def roster_log(node: Node) -> list[dict[str, Any]]:
    return [
        {"status": e.status, "actor": e.actor, **e.details}
        for e in node.entries(msg_type="roster", direction="local")
    ]


def test_keygen_writes_a_private_key_and_prints_the_fingerprint(nodes: Nodes) -> None:
    coord = nodes.coord
    assert coord.key_file.stat().st_mode & 0o777 == 0o600
    assert (
        coord.public_key.startswith("ed25519:")
        and len(coord.public_key) == 51
        and len(coord.fingerprint.split()) == 8
    )
    code, out, _ = run_cli("roster", "keygen", coord.base / "other.pem", "--name", NAME)
    assert code == 0
    assert "fingerprint:" in out and "talentverbund roster trust DIR" in out
    code, _, err = run_cli("roster", "keygen", coord.key_file, "--name", NAME)
    assert code == 2 and "refusing to overwrite" in flat(err)


def test_roster_lifecycle(nodes: Nodes) -> None:
    a, b, c, coord = nodes.a, nodes.b, nodes.c, nodes.coord
    v1 = coord.sign(1, b, c)

    # not trusted yet: refused, nothing changes
    code, _, err = apply(a, v1)
    assert code == 2 and "which this node does not trust" in err and coord.fingerprint in err
    assert active(a) == set()

    # the operator trusts the key (and can have the fingerprint checked for them)
    code, _, err = run_cli(
        "roster", "trust", a.directory, coord.public_key, "--name", NAME, "--fingerprint", "0000"
    )
    assert code == 2 and "do not trust this key" in flat(err)
    code, out, err = run_cli("roster", "trust", a.directory, coord.public_key, "--name", NAME)
    assert code == 0, err
    assert coord.fingerprint in out
    mode = (a.directory / "rosters.json").stat().st_mode & 0o777
    assert mode == 0o600

    # v1: B and C become peers, through the same path as 'peer add' (pending: not serving)
    code, result, err = apply(a, v1)
    assert code == 0, err
    assert result is not None
    assert sorted(item["node_id"] for item in result["added"]) == sorted([b.node_id, c.node_id])
    assert result["previous_version"] is None and result["version"] == 1
    assert peers_of(a) == {b.node_id: "pending", c.node_id: "pending"}
    assert {e.msg_type for e in a.entries(direction="local")} >= {"peer.add", "roster"}

    # v2 without C: C removed, B stays
    v2 = coord.sign(2, b)
    code, out, err = run_cli("roster", "apply", a.directory, v2)
    assert code == 0, err
    assert f"removed {c.node_id}" in " ".join(out.split())
    assert peers_of(a) == {b.node_id: "pending", c.node_id: "removed"}

    # re-applying v1 (older) or v2 (equal): refused naming both versions, nothing changes
    code, _, err = apply(a, v1)
    assert code == 2
    assert f"roster '{NAME}' version 1 is not newer than the applied version 2" in err
    code, _, err = apply(a, v2)
    assert code == 2 and "version 2 is not newer than the applied version 2" in err
    assert active(a) == {b.node_id}

    # the exchange log holds one entry per applied version, nothing for refusals
    log = roster_log(a)
    assert [(e["status"], e.get("version")) for e in log] == [
        ("trusted", None),
        ("applied", 1),
        ("applied", 2),
    ]
    assert log[1]["name"] == NAME and log[1]["actor"] == "operator"
    assert sorted(log[1]["added"]) == sorted([b.node_id, c.node_id]) and log[1]["removed"] == []
    assert log[2]["added"] == [] and log[2]["removed"] == [c.node_id]
    assert a.log().verify_chain().ok

    # roster list shows what is trusted and applied
    code, out, _ = run_cli("roster", "list", a.directory, "--json")
    (listed,) = json.loads(out)
    assert listed["name"] == NAME and listed["version"] == 2
    assert listed["fingerprint"] == coord.fingerprint
    assert listed["members"] == [b.node_id] and listed["peers"] == [b.node_id]
    assert listed["expired"] is False
    code, out, _ = run_cli("roster", "list", a.directory)
    assert code == 0 and "Trusted rosters" in out

    # a peer added by hand is never removed by a roster
    code, _, err = run_cli("peer", "add", a.directory, c.descriptor_file)
    assert code == 0, err
    code, result, err = apply(a, coord.sign(3, b, c))
    assert code == 0 and result is not None, err
    assert result["skipped"] == [{"node_id": c.node_id, "reason": "already a peer, added by hand"}]
    code, result, err = apply(a, coord.sign(4, b))
    assert code == 0 and result is not None, err
    assert result["removed"] == []
    assert active(a) == {b.node_id, c.node_id}

    # a roster peer the operator removed by hand is not added back by the roster
    code, _, err = run_cli("peer", "remove", a.directory, b.node_id)
    assert code == 0, err
    code, result, err = apply(a, coord.sign(5, b))
    assert code == 0 and result is not None, err
    assert result["added"] == [] and "removed by the operator" in result["skipped"][0]["reason"]
    assert active(a) == {c.node_id}


def test_roster_by_an_untrusted_key_is_refused(nodes: Nodes) -> None:
    a, b, c, coord = nodes.a, nodes.b, nodes.c, nodes.coord
    before = peers_of(a)
    thief = keygen(coord.base / "thief.pem")
    # same roster name, another key: refused, with both fingerprints
    forged = coord.sign(99, b, c, key=coord.base / "thief.pem")
    code, _, err = apply(a, forged)
    assert code == 2
    assert thief["fingerprint"] in err and coord.fingerprint in err and "trusts key" in err
    # another roster name signed by an unknown key
    code, _, err = apply(
        a, coord.sign(1, b, c, name="Landesnetz Hamburg", key=coord.base / "thief.pem")
    )
    assert code == 2 and "which this node does not trust" in err
    # the trusted key, but for another roster name than it was trusted for
    code, _, err = apply(a, coord.sign(1, b, name="Landesnetz Hamburg"))
    assert code == 2 and f"signed by the key trusted for roster '{NAME}'" in err
    assert peers_of(a) == before


def test_forged_or_tampered_rosters_are_refused(nodes: Nodes, tmp_path: Path) -> None:
    a, b, c, coord = nodes.a, nodes.b, nodes.c, nodes.coord
    before = peers_of(a)
    bad = tmp_path / "bad.json"
    # a member descriptor altered after its node signed it, in a roster the trusted key
    # signed (an issuer fooled into signing it): its self-signature fails
    member = json.loads(c.descriptor_file.read_text())
    member["endpoint"] = "evil.example.org:7443"
    forged = {**member}
    key = load_roster_key(coord.key_file)
    obj = json.loads(coord.sign(50, b).read_text())
    obj["members"].append(forged)
    _resign(obj, key)
    bad.write_text(json.dumps(obj))
    code, _, err = apply(a, bad)
    assert code == 2 and "members[1]' is refused: descriptor signature does not verify" in err
    # a member descriptor of a node re-signed by another key (claims C's node id)
    now = datetime.now(UTC)
    impostor = build_descriptor(b.identity, "Luebeck", "01003", "evil.example.org:7443", now, 1)
    fake = {**impostor.to_json(), "node_id": c.node_id}
    obj = json.loads(coord.sign(51, b).read_text())
    obj["members"] = [fake]
    _resign(obj, key)
    bad.write_text(json.dumps(obj))
    code, _, err = apply(a, bad)
    assert code == 2 and "members[0]" in err
    # a signed roster changed afterwards (a member removed): roster signature fails
    obj = json.loads(coord.sign(52, b, c).read_text())
    obj["members"] = obj["members"][:1]
    bad.write_text(json.dumps(obj))
    code, _, err = apply(a, bad)
    assert code == 2 and "roster signature does not verify" in err
    # not JSON, missing file, an expired roster
    bad.write_text('{"v": 1, ')
    code, _, err = apply(a, bad)
    assert code == 2 and "not valid JSON" in err
    code, _, err = apply(a, tmp_path / "missing.json")
    assert code == 2 and "does not exist" in err
    old = build_roster(
        [parse_descriptor(b.descriptor_file.read_text())],
        NAME,
        60,
        key,
        timedelta(days=1),
        now=now - timedelta(days=2),
    )
    bad.write_bytes(old.to_bytes())
    code, _, err = apply(a, bad)
    assert code == 2 and "version 60 expired at" in err
    assert peers_of(a) == before


def _resign(obj: dict[str, Any], key: Ed25519PrivateKey) -> None:
    from talentverbund.crypto._encoding import b64url_encode
    from talentverbund.crypto.canonical import canonical_json
    from talentverbund.crypto.roster import SIGNATURE_DOMAIN

    body = {k: v for k, v in obj.items() if k != "signature"}
    obj["signature"] = b64url_encode(key.sign(SIGNATURE_DOMAIN + canonical_json(body)))


def test_sign_refuses_bad_input(nodes: Nodes, tmp_path: Path) -> None:
    coord, b = nodes.coord, nodes.b
    out = tmp_path / "r.json"
    args = ["roster", "sign", "--key", coord.key_file, "--name", NAME, "-o", out]
    code, _, err = run_cli(*args, "--version", 1, "--valid-days", 400, b.descriptor_file)
    assert code == 2 and "valid-days" in err
    code, _, err = run_cli(*args, "--version", 0, "--valid-days", 3, b.descriptor_file)
    assert code == 2
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**json.loads(b.descriptor_file.read_text()), "name": "X"}))
    code, _, err = run_cli(*args, "--version", 1, "--valid-days", 3, bad)
    assert code == 2 and "descriptor refused" in flat(err)
    code, _, err = run_cli(
        *args, "--version", 1, "--valid-days", 3, b.descriptor_file, b.descriptor_file
    )
    assert code == 2 and "repeats node" in flat(err)
    coord.key_file.chmod(0o644)
    try:
        code, _, err = run_cli(*args, "--version", 1, "--valid-days", 3, b.descriptor_file)
        assert code == 2 and "chmod 600" in flat(err)
    finally:
        coord.key_file.chmod(0o600)
    assert not out.exists()


# -- through the admin socket of a serving node ---------------------------------------------


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[Node, Node, Coordination]]:
    a = init_node(tmp_path, "Husum", "01054")
    b = init_node(tmp_path, "Heide", "01051")
    key = keygen(tmp_path / "coordination.pem")
    coord = Coordination(
        tmp_path, tmp_path / "coordination.pem", key["public_key"], key["fingerprint"]
    )
    for node in (a, b):
        serve(node)
    try:
        for node in (a, b):
            wait_serving(node)
        yield a, b, coord
    finally:
        stop_nodes((a, b))


def test_apply_through_the_admin_socket_changes_the_serving_nodes_trust(
    serving: tuple[Node, Node, Coordination],
) -> None:
    a, b, coord = serving
    assert (a.directory / "admin.sock").exists()
    # B trusts A by hand; A learns of B only from the roster
    assert run_cli("peer", "add", b.directory, a.descriptor_file)[0] == 0
    assert active(a) == set()

    code, _, err = run_cli("roster", "trust", a.directory, coord.public_key, "--name", NAME)
    assert code == 0, err
    code, result, err = apply(a, coord.sign(1, a, b))
    assert code == 0 and result is not None, err
    assert [item["node_id"] for item in result["added"]] == [b.node_id]
    assert result["added"][0]["certificate"] == "pinned"  # B serves: fetched and checked
    assert result["skipped"] == [{"node_id": a.node_id, "reason": "this node"}]
    # the serving A uses B at once, and accepts B's calls
    code, _, err = run_cli("peer", "ping", a.directory, b.node_id, "--timeout", 10)
    assert code == 0, err
    code, _, err = run_cli("peer", "ping", b.directory, a.node_id, "--timeout", 10)
    assert code == 0, err

    # bad rosters through the socket: exit 2, and A keeps serving its peers
    code, _, err = apply(a, coord.sign(1, b))
    assert code == 2 and "version 1 is not newer than the applied version 1" in err
    keygen(coord.base / "thief.pem")
    code, _, err = apply(a, coord.sign(7, name="Landesnetz Hamburg", key=coord.base / "thief.pem"))
    assert code == 2 and "does not trust" in err
    assert a.proc is not None and a.proc.poll() is None
    code, _, err = run_cli("peer", "ping", b.directory, a.node_id, "--timeout", 10)
    assert code == 0, err

    # v2 revokes B: the serving A refuses B's next call
    code, result, err = apply(a, coord.sign(2, a))
    assert code == 0 and result is not None, err
    assert result["removed"] == [b.node_id]
    code, _, err = run_cli("peer", "ping", b.directory, a.node_id, "--timeout", 10)
    assert code == 1 and "PERMISSION_DENIED" in err  # refused on B's open connection
    assert active(a) == set()
    assert [e["version"] for e in roster_log(a) if e["status"] == "applied"] == [1, 2]

    # a member whose endpoint presents another certificate than its pin: reported, exit 3
    c = init_node(coord.base, "Meldorf", "01051")
    misplaced = build_descriptor(c.identity, "Meldorf", "01051", b.endpoint, datetime.now(UTC), 1)
    c.descriptor_file.write_text(json.dumps(misplaced.to_json()))
    code, result, err = apply(a, coord.sign(3, a, b, c))
    assert code == 3 and result is not None, err
    assert [item["node_id"] for item in result["failed"]] == [c.node_id]
    assert [item["node_id"] for item in result["added"]] == [b.node_id]
    assert active(a) == {b.node_id}


def test_several_rosters_key_change_and_untrust(tmp_path: Path) -> None:
    a = init_node(tmp_path, "Kiel", "01002")
    b = init_node(tmp_path, "Flensburg", "01001")
    c = init_node(tmp_path, "Luebeck", "01003")
    first, second = keygen(tmp_path / "r1.pem"), keygen(tmp_path / "r2.pem", "Kreisnetz")
    coord = Coordination(tmp_path, tmp_path / "r1.pem", first["public_key"], first["fingerprint"])
    for key, name in ((first, NAME), (second, "Kreisnetz")):
        code, _, err = run_cli("roster", "trust", a.directory, key["public_key"], "--name", name)
        assert code == 0, err
    code, _, err = run_cli("roster", "trust", a.directory, first["public_key"], "--name", "X")
    assert code == 2 and f"already trusted for roster '{NAME}'" in flat(err)

    assert apply(a, coord.sign(1, b, c))[0] == 0
    code, result, _ = apply(a, coord.sign(1, c, name="Kreisnetz", key=tmp_path / "r2.pem"))
    assert code == 0 and result is not None
    assert result["skipped"] == [
        {"node_id": c.node_id, "reason": f"already a peer, through roster '{NAME}'"}
    ]
    # the first roster drops C, but the second still lists it: C stays, now the second's;
    # B's newer descriptor in the roster replaces the one A holds ('identity' prints the
    # same descriptor until something in it changes: here a new encryption key)
    code, out, err = run_cli("keys", "rotate-encryption", b.directory, "-o", b.descriptor_file)
    assert code == 0, err
    code, result, _ = apply(a, coord.sign(2, b))
    assert code == 0 and result is not None
    assert result["updated"] == [b.node_id]
    assert result["removed"] == [] and result["handed_over"] == [
        {"node_id": c.node_id, "roster": "Kreisnetz"}
    ]
    assert active(a) == {b.node_id, c.node_id}
    code, out, err = run_cli("roster", "untrust", a.directory, "Kreisnetz", "--json")
    assert code == 0, err
    assert json.loads(out)["removed"] == [c.node_id]
    assert active(a) == {b.node_id}

    # the issuer changes keys: trusted again under the same name with --replace
    new = keygen(tmp_path / "r1-new.pem")
    code, _, err = run_cli("roster", "trust", a.directory, new["public_key"], "--name", NAME)
    assert code == 2 and "--replace" in flat(err)
    code, _, err = apply(a, coord.sign(3, c, key=tmp_path / "r1-new.pem"))
    assert code == 2 and "trusts key" in err
    args = ("roster", "trust", a.directory, new["public_key"], "--name", NAME, "--replace")
    code, out, err = run_cli(*args, "--fingerprint", new["fingerprint"].lower())
    assert code == 0, err
    assert first["fingerprint"] in out  # what it replaces
    code, result, err = apply(a, coord.sign(1, c, key=tmp_path / "r1-new.pem"))
    assert code == 0 and result is not None, err  # version numbering restarts with the key
    assert result["removed"] == [b.node_id]
    assert [item["node_id"] for item in result["added"]] == [c.node_id]
    code, _, err = apply(a, coord.sign(3, b, c))  # the old key is no longer trusted
    assert code == 2 and "trusts key" in err

    code, out, err = run_cli("roster", "untrust", a.directory, NAME, "--keep-peers", "--json")
    assert code == 0, err
    assert json.loads(out)["kept"] == [c.node_id]
    assert active(a) == {c.node_id}
    code, _, err = run_cli("roster", "untrust", a.directory, NAME)
    assert code == 2 and "not trusted here" in flat(err)
    statuses = [e["status"] for e in roster_log(a)]
    assert statuses.count("untrusted") == 2 and statuses.count("trusted") == 3


def test_trust_file_open_to_others_is_refused(tmp_path: Path) -> None:
    a = init_node(tmp_path, "Kiel", "01002")
    key = keygen(tmp_path / "r.pem")
    assert run_cli("roster", "trust", a.directory, key["public_key"], "--name", NAME)[0] == 0
    (a.directory / "rosters.json").chmod(0o644)
    code, _, err = run_cli("roster", "list", a.directory)
    assert code == 1 and "chmod 600" in flat(err)
    (a.directory / "rosters.json").write_text("{}")
    (a.directory / "rosters.json").chmod(0o600)
    code, _, err = run_cli("roster", "list", a.directory)
    assert code == 1 and "is damaged" in flat(err)
