"""Consent reminders: one notice per consent before it expires, through the outbox."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text, update

from talentverbund.node.config import load_config
from talentverbund.node.storage.models import Consent

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

EMAIL = "ana.beispiel@example.org"
CV = "Ana Beispiel\nSachbearbeitung Haushaltsrecht, Kommunalverwaltung, Vergaberecht"


def _add(cli: Any, node_dir: Path, tmp_path: Path, *consents: str) -> str:
    cv = tmp_path / "cv.txt"
    cv.write_text(CV, encoding="utf-8")
    args = [a for purpose in consents for a in ("--consent", purpose)]
    result = cli("candidate", "add", node_dir, "--cv", cv, *args, "--email", EMAIL)
    assert result.code == 0, result.err
    return str(result.out.split("registered candidate ")[1].split()[0])


def _expire_in(node_dir: Path, cid: str, days: int) -> datetime:
    """Move the candidate's consents' expiry, as if granted long ago."""
    expires = datetime.now(UTC).replace(microsecond=0) + timedelta(days=days)
    engine = create_engine(load_config(node_dir).resolved_database_url())
    with engine.begin() as connection:
        connection.execute(
            update(Consent).where(Consent.candidate_id == cid).values(expires_at=expires)
        )
    engine.dispose()
    return expires


def _notices(node_dir: Path) -> list[Path]:
    folder = node_dir / "outbox"
    return sorted(folder.glob("*-consent_reminder.txt")) if folder.is_dir() else []


def _set_reminder_days(node_dir: Path, days: int) -> None:
    config = load_config(node_dir)
    privacy = dataclasses.replace(config.privacy, reminder_days=days)
    dataclasses.replace(config, privacy=privacy).write()


def test_one_reminder_per_consent_before_expiry(cli: Any, node_dir: Path, tmp_path: Path) -> None:
    soon = _add(cli, node_dir, tmp_path, "local", "federation")
    later = _add(cli, node_dir, tmp_path, "federation")
    expires = _expire_in(node_dir, soon, 10)  # within the default 30 days
    _expire_in(node_dir, later, 200)

    for _ in range(2):  # the first round queues, the next delivers; neither repeats
        assert cli("upkeep", node_dir).code == 0
    notices = _notices(node_dir)
    assert len(notices) == 1
    text = notices[0].read_text(encoding="utf-8")
    assert soon in text and later not in text
    assert EMAIL not in text and "Ana" not in text and "Beispiel" not in text
    assert EMAIL not in notices[0].name and soon not in notices[0].name
    assert f"{expires:%Y-%m-%d}" in text and "30" in text  # expiry and grace period
    assert "Kommune" in text and "partner municipalities" in text  # both purposes, de + en
    assert f"candidate consent {node_dir.resolve()} {soon} grant local" in text
    assert f"candidate consent {node_dir.resolve()} {soon} grant federation" in text
    assert (notices[0].stat().st_mode & 0o777) == 0o600

    assert cli("upkeep", node_dir, "--json").code == 0
    assert len(_notices(node_dir)) == 1  # remembered through the outbox row


def test_renewed_consent_is_reminded_again(cli: Any, node_dir: Path, tmp_path: Path) -> None:
    cid = _add(cli, node_dir, tmp_path, "local")
    _expire_in(node_dir, cid, 5)
    cli("upkeep", node_dir), cli("upkeep", node_dir)
    assert len(_notices(node_dir)) == 1
    # a new consent (withdrawn and granted again) that is close to its end once more
    assert cli("candidate", "consent", node_dir, cid, "withdraw", "local").code == 0
    assert cli("candidate", "consent", node_dir, cid, "grant", "local").code == 0
    _expire_in(node_dir, cid, 3)
    cli("upkeep", node_dir), cli("upkeep", node_dir)
    assert len(_notices(node_dir)) == 2


def test_reminders_off_with_zero(cli: Any, node_dir: Path, tmp_path: Path) -> None:
    _set_reminder_days(node_dir, 0)
    cid = _add(cli, node_dir, tmp_path, "local")
    _expire_in(node_dir, cid, 1)
    cli("upkeep", node_dir), cli("upkeep", node_dir)
    assert _notices(node_dir) == []


@pytest.mark.parametrize("days", [-1, 366])
def test_reminder_days_out_of_range_is_refused(cli: Any, node_dir: Path, days: int) -> None:
    _set_reminder_days(node_dir, days)
    result = cli("candidate", "list", node_dir)
    assert result.code == 2
    assert "privacy.reminder_days" in result.err


def test_grant_renews_a_consent_near_its_end(node_dir: Path, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """The reminder tells staff to run 'consent grant': it must renew a consent about to expire."""
    cv = tmp_path / "cv.txt"
    cv.write_text("Verwaltungsfachangestellte\nBürgerberatung, Aktenführung, Haushaltsrecht\n")
    out = cli("candidate", "add", node_dir, "--cv", cv, "--consent", "local", "--json").out
    cid = json.loads(out)["id"]
    engine = create_engine(load_config(node_dir).resolved_database_url())
    soon = datetime.now(UTC) + timedelta(days=3)
    with engine.begin() as conn:
        conn.execute(text("UPDATE consents SET expires_at = :t"), {"t": soon.replace(tzinfo=None)})
    assert cli("candidate", "consent", node_dir, cid, "grant", "local").code == 0
    with engine.begin() as conn:
        latest = conn.execute(text("SELECT MAX(expires_at) FROM consents")).scalar()
    assert str(latest)[:4] >= str(datetime.now(UTC).year + 1)  # a new consent, months ahead
