"""Notices to candidates: introduction requests and consent reminders.

Two channels, chosen by ``[outbox] mode`` in the node's configuration:

* ``file`` (default): one text file per notice in ``DIR/outbox/`` (mode 0600),
  addressed by candidate id only -- the operator looks up how to reach the person
  (``candidate show``) and forwards it. No name or address is written there.
* ``smtp``: an e-mail to the address the candidate gave, through the configured
  server (STARTTLS by default; the password from ``TALENTVERBUND_SMTP_PASSWORD``).
  A candidate without an e-mail address gets a file notice instead.

The notice text is German first, then English.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any

from talentverbund.node.storage.models import Outbox

if TYPE_CHECKING:
    from talentverbund.node.runtime import NodeRuntime

OUTBOX_DIR = "outbox"
CONSENT_REMINDER = "consent_reminder"
SMTP_TIMEOUT = 20.0


def deliver_candidate_notice(rt: NodeRuntime, row: Outbox) -> str | None:
    """Deliver one notice; None when done, else the reason (the outbox retries)."""
    if row.candidate_id is None:
        return None  # the candidate was erased: nothing left to tell
    notice: dict[str, Any] = json.loads(rt.candidates.open(row.candidate_id, "outbox", row.payload))
    subject, body = compose(row.kind, notice, rt.config.name)
    if rt.config.outbox.mode == "smtp":
        email = rt.candidates.contact_card(row.candidate_id, original=False, disability=False)
        if email.get("email"):
            return _send_mail(rt, str(email["email"]), subject, body)
    staff = _staff_hint(rt.config.directory, row.kind, row.candidate_id, notice)
    write_file_notice(rt.config.directory, row, row.candidate_id, subject, body + staff)
    return None


def _staff_hint(directory: Path, kind: str, cid: str, notice: dict[str, Any]) -> str:
    """The command the operator runs with the candidate's answer (file notices only)."""
    if kind == CONSENT_REMINDER:
        lines = [
            f"(Staff: talentverbund candidate consent {directory} {cid} grant {c['purpose']})"
            for c in notice["consents"]
        ]
        return "\n" + "\n".join(lines) + "\n"
    return (
        f"\n(Staff: talentverbund candidate respond {directory} "
        f"{notice['intro_id']} accept|decline)\n"
    )


def compose(kind: str, notice: dict[str, Any], node_name: str) -> tuple[str, str]:
    if kind == CONSENT_REMINDER:
        return _compose_reminder(notice, node_name)
    if kind != "introduction":
        raise ValueError(f"unknown notice kind {kind!r}")
    job = notice.get("job", {})
    intro_id = notice["intro_id"]
    subject = f"Anfrage zur Vorstellung / Introduction request: {job.get('title', '')}"
    body = f"""Guten Tag,

ein öffentlicher Arbeitgeber im Talentverbund, {notice["employer"]}, möchte Sie
für die Stelle „{job.get("title", "")}" kennenlernen. Ihr Name und Ihre Kontaktdaten
wurden nicht weitergegeben. Nachricht des Arbeitgebers:

{notice["message"]}

Wenn Sie zustimmen, erhält nur dieser Arbeitgeber Ihre Kontaktdaten und Ihren
Lebenslauf ohne geschützte Angaben. Wenn Sie ablehnen oder nicht antworten, erfährt
er nach Ablauf der Frist nur „nicht angenommen". Antwort bitte bis {notice["respond_by"][:10]}
an {node_name}, Bezug: {intro_id}.

---

A public employer in Talentverbund, {notice["employer"]}, would like to meet you for
the position "{job.get("title", "")}". Your name and contact details have not been
shared. Their message is above. If you accept, only this employer receives your
contact details and your CV without protected details. If you decline or do not
answer, they learn only "not accepted" when the period ends. Please answer by
{notice["respond_by"][:10]} to {node_name}, reference {intro_id}.
"""
    return subject, body


_PURPOSE_DE = {
    "local": "Suche durch {node} selbst (nur diese Kommune)",
    "federation": "Suchen durch Partnerkommunen im Talentverbund (anonymisiert)",
}
_PURPOSE_EN = {
    "local": "searches by {node} itself (this municipality only)",
    "federation": "searches by partner municipalities in Talentverbund (anonymized)",
}


def _compose_reminder(notice: dict[str, Any], node_name: str) -> tuple[str, str]:
    """``notice``: {"consents": [{"purpose", "expires_at"}], "grace_days": int}."""
    consents = notice["consents"]
    grace = int(notice["grace_days"])
    first = min(str(c["expires_at"])[:10] for c in consents)
    de = "\n".join(
        f"  - {_PURPOSE_DE[c['purpose']].format(node=node_name)}: gültig bis "
        f"{str(c['expires_at'])[:10]}"
        for c in consents
    )
    en = "\n".join(
        f"  - {_PURPOSE_EN[c['purpose']].format(node=node_name)}: valid until "
        f"{str(c['expires_at'])[:10]}"
        for c in consents
    )
    grace_de = "umgehend" if grace == 0 else f"nach {grace} Tagen"
    grace_en = "promptly" if grace == 0 else f"after {grace} days"
    subject = f"Ihre Einwilligung läuft ab / Your consent expires: {first}"
    body = f"""Guten Tag,

Sie haben {node_name} erlaubt, Ihr Profil im Talentverbund zu verwenden. Ihre
Einwilligung für diese Zwecke läuft bald ab:

{de}

Wenn Sie weiter gefunden werden möchten, wenden Sie sich bitte an {node_name}:
die Mitarbeitenden verlängern Ihre Einwilligung für den jeweiligen Zweck. Ohne
Verlängerung wird Ihr Profil für diesen Zweck nach dem Ablaufdatum nicht mehr
verwendet; ist keine Ihrer Einwilligungen mehr gültig, werden Ihre Daten
{grace_de} gelöscht. Sie müssen nichts tun, wenn Sie das möchten.

---

You allowed {node_name} to use your profile in Talentverbund. Your consent for
these purposes expires soon:

{en}

If you want to keep being found, please contact {node_name}: staff will renew
your consent for each purpose. Without renewal your profile is no longer used
for that purpose after the date above; once none of your consents is valid, your
data is deleted {grace_en}. You need not do anything if that is what you want.
"""
    return subject, body


def write_file_notice(
    directory: Path, row: Outbox, candidate_id: str, subject: str, body: str
) -> Path:
    folder = directory / OUTBOX_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{row.created_at:%Y%m%dT%H%M%S}-{row.id:06d}-{row.kind}.txt"
    text = f"An / To: Kandidat/in {candidate_id}\nBetreff / Subject: {subject}\n\n{body}"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def _send_mail(rt: NodeRuntime, to: str, subject: str, body: str) -> str | None:
    cfg = rt.config.outbox
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = cfg.smtp_from, to, subject
    message.set_content(body)
    try:
        with smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=SMTP_TIMEOUT) as smtp:
            if cfg.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if cfg.smtp_user:
                smtp.login(cfg.smtp_user, os.environ.get("TALENTVERBUND_SMTP_PASSWORD", ""))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        # the reason names the server, never the recipient
        return f"SMTP {cfg.smtp_host}:{cfg.smtp_port}: {type(exc).__name__}"
    return None
