"""Registering, reading, exporting and erasing candidates, with consent per purpose.

Personal data is sealed with the candidate's own data key before it touches
the database or the disk; the plaintext exists only in memory. Erasure
destroys the key first (crypto-shredding), then deletes rows and files.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.crypto import atrest
from talentverbund.matching.taxonomy import load_builtin
from talentverbund.node.config import NodeConfig
from talentverbund.node.errors import NotFound, UsageError
from talentverbund.node.intake.export import EXPORT_FORMAT
from talentverbund.node.intake.model import PURPOSES, CandidateDraft, CareerBreak, OriginalFile
from talentverbund.node.intake.profile import profile_to_json
from talentverbund.node.matcher import CandidateProfile, Matcher
from talentverbund.node.pool import vector_bytes
from talentverbund.node.storage.db import checkpoint
from talentverbund.node.storage.keystore import CandidateKeys, KeyStore
from talentverbund.node.storage.models import (
    Candidate,
    CandidateFile,
    CandidateSecret,
    CandidateSkills,
    Consent,
    Erasure,
    PrivacyNotice,
)

Clock = Callable[[], datetime]
NO_SKILLS = "no_skills"  # kept, but a person should look: no taxonomy skill was found


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_candidate_id() -> str:
    """Random, meaningless ids: they appear in logs and must not identify anyone."""
    return "c" + secrets.token_hex(8)


@dataclass(frozen=True)
class Registered:
    """What a bulk import reports per stored candidate."""

    candidate_id: str
    where: str
    consents: tuple[str, ...]
    flags: tuple[str, ...]


CONTACT_FIELDS = ("name", "email", "phone", "address")
MAX_SHARED_ORIGINAL = 2 * 1024 * 1024  # fits the 3 MiB contact card after base64


def _aad(candidate_id: str, what: str) -> bytes:
    return f"talentverbund/candidate/{what}/{candidate_id}".encode()


def _months(n: int) -> timedelta:
    return timedelta(days=round(n * 30.44))


class CandidateService:
    """The candidate registry of one node."""

    def __init__(
        self,
        config: NodeConfig,
        sessions: sessionmaker[Session],
        keystore: KeyStore,
        matcher: Callable[[], Matcher],
        clock: Clock = utcnow,
    ) -> None:
        self.config = config
        self.sessions = sessions
        self.keystore = keystore
        self.matcher = matcher  # loaded on first use: building its indexes takes a moment
        self.clock = clock

    # -- privacy notice -------------------------------------------------------

    def notice_text(self, language: str) -> str:
        if self.config.privacy.notice_file:
            return Path(self.config.privacy.notice_file).read_text(encoding="utf-8")
        name = f"privacy_notice_{'en' if language == 'en' else 'de'}.txt"
        return resources.files("talentverbund.node.data").joinpath(name).read_text("utf-8")

    def _notice(self, session: Session, language: str) -> str:
        """Store the exact notice text once; consents point at its hash."""
        text = self.notice_text(language)
        digest = hashlib.sha256(text.encode()).hexdigest()
        if session.get(PrivacyNotice, digest) is None:
            session.add(
                PrivacyNotice(
                    sha256=digest,
                    version=self.config.privacy.notice_version,
                    language=language,
                    text=text,
                    created_at=self.clock(),
                )
            )
            session.flush()
        return digest

    # -- registration ---------------------------------------------------------

    def register_many(
        self,
        drafts: Sequence[CandidateDraft],
        default_consents: Sequence[str],
        recorded_by: str,
    ) -> list[Registered]:
        """Store a batch in one transaction; either all of it is durable or none."""
        for purpose in default_consents:
            _check_purpose(purpose)
        purposes_of = [_purposes(d, default_consents) for d in drafts]  # refuse before work
        matcher = self.matcher()
        profiles = [matcher.profile(d.cv_text, d.personal) for d in drafts]
        vectors = matcher.encode([p.skills for p in profiles])
        drafts = [
            d if p.skills else replace(d, flags=(*d.flags, NO_SKILLS))
            for d, p in zip(drafts, profiles, strict=True)
        ]
        ids = [new_candidate_id() for _ in drafts]
        keys = self.keystore.create_many(ids)
        try:
            with self.sessions.begin() as session:
                notices = {lang: self._notice(session, lang) for lang in ("de", "en")}
                for cid, draft, purposes, profile, vector in zip(
                    ids, drafts, purposes_of, profiles, vectors, strict=True
                ):
                    notice = notices["en" if draft.lang == "en" else "de"]
                    self._add(session, cid, draft, purposes, keys[cid], notice, recorded_by)
                    session.add(_skills_row(cid, matcher.model_id, profile, vector))
                    self._seal_payload(session, cid, draft, profile, keys[cid])
        except BaseException:
            self.keystore.destroy(list(keys))
            raise
        return [
            Registered(cid, d.where, p, d.flags)
            for cid, d, p in zip(ids, drafts, purposes_of, strict=True)
        ]

    def _add(
        self,
        session: Session,
        cid: str,
        draft: CandidateDraft,
        purposes: tuple[str, ...],
        keys: CandidateKeys,
        notice: str,
        recorded_by: str,
    ) -> None:
        now = self.clock()
        session.add(
            Candidate(
                id=cid,
                created_at=now,
                updated_at=now,
                source=draft.source,
                lang=draft.lang,
                desired_regions=list(draft.desired_regions),
                available_from=draft.available_from,
                employment_types=list(draft.employment_types),
                experience_years=draft.experience_years,
                career_breaks=[
                    {"kind": b.kind, "start": b.start, "end": b.end} for b in draft.career_breaks
                ],
                qualifications=list(draft.qualifications),
                licences=list(draft.licences),
                flags=list(draft.flags),
            )
        )
        for purpose in purposes:
            session.add(self._consent(cid, purpose, notice, recorded_by, now))
        if draft.original is not None:
            self._add_file(session, cid, draft.original, keys, now)

    def _seal_payload(
        self,
        session: Session,
        cid: str,
        draft: CandidateDraft,
        profile: CandidateProfile,
        keys: CandidateKeys,
    ) -> None:
        """Personal data, the CV and its scrubbed form: sealed with the candidate's key."""
        payload = {**draft.personal_payload(), "scrubbed_cv": profile.scrubbed_text}
        sealed = atrest.seal(
            keys.data_key, json.dumps(payload, ensure_ascii=False).encode(), _aad(cid, "secret")
        )
        session.add(CandidateSecret(candidate_id=cid, key_version=keys.version, sealed=sealed))

    def reencode(self, batch: int = 500) -> int:
        """Re-extract and re-encode every candidate with the current model (new model id)."""
        matcher = self.matcher()
        with self.sessions() as session:
            ids = list(session.scalars(select(Candidate.id).order_by(Candidate.id)))
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]
            with self.sessions.begin() as session:
                secrets_ = {
                    s.candidate_id: s
                    for s in session.scalars(
                        select(CandidateSecret).where(CandidateSecret.candidate_id.in_(chunk))
                    )
                }
                payloads = [self._open_payload(cid, secrets_[cid]) for cid in chunk]
                profiles = [matcher.profile(p["cv_text"], p["personal"]) for p in payloads]
                vectors = matcher.encode([p.skills for p in profiles])
                for cid, profile, vector in zip(chunk, profiles, vectors, strict=True):
                    session.merge(_skills_row(cid, matcher.model_id, profile, vector))
        return len(ids)

    def _open_payload(self, cid: str, secret: CandidateSecret) -> dict[str, Any]:
        keys = self._keys(cid)
        data: dict[str, Any] = json.loads(
            atrest.open_sealed(keys.data_key, secret.sealed, _aad(cid, "secret"))
        )
        return data

    def _add_file(
        self, session: Session, cid: str, original: OriginalFile, keys: CandidateKeys, now: datetime
    ) -> None:
        """The sealed file goes into the same transaction: no orphan, no half record."""
        file_id = "f" + secrets.token_hex(8)
        session.add(
            CandidateFile(
                id=file_id,
                candidate_id=cid,
                created_at=now,
                media_type=original.media_type,
                size=len(original.content),
                sealed_name=atrest.seal(
                    keys.data_key, original.filename.encode(), _aad(cid, f"name/{file_id}")
                ),
                sealed_content=atrest.seal(
                    keys.data_key, original.content, _aad(cid, f"file/{file_id}")
                ),
            )
        )

    # -- reading --------------------------------------------------------------

    def _get(self, session: Session, cid: str) -> Candidate:
        row = session.get(Candidate, cid)
        if row is None:
            erased = session.get(Erasure, cid)
            state = "was erased" if erased else "does not exist on this node"
            raise NotFound(f"candidate {cid} {state}", "list candidates with: candidate list DIR")
        return row

    def _keys(self, cid: str) -> CandidateKeys:
        keys = self.keystore.get(cid)
        if keys is None:
            raise NotFound(f"candidate {cid} has no key (erasure in progress)", "run erase again")
        return keys

    def valid_purposes(self, session: Session, cid: str) -> list[str]:
        now = self.clock()
        rows = session.scalars(select(Consent).where(Consent.candidate_id == cid)).all()
        return sorted({c.purpose for c in rows if c.withdrawn_at is None and c.expires_at > now})

    def summaries(self) -> list[dict[str, Any]]:
        """One line per candidate; no personal data (ids, dates, consent, flags)."""
        with self.sessions() as session:
            rows = session.scalars(select(Candidate).order_by(Candidate.created_at)).all()
            consents = session.scalars(select(Consent)).all()
        now = self.clock()
        valid: dict[str, set[str]] = {}
        for c in consents:
            if c.withdrawn_at is None and c.expires_at > now:
                valid.setdefault(c.candidate_id, set()).add(c.purpose)
        return [
            {
                "id": r.id,
                "created_at": _iso(r.created_at),
                "source": r.source,
                "lang": r.lang,
                "consents": sorted(valid.get(r.id, set())),
                "regions": r.desired_regions,
                "flags": r.flags,
            }
            for r in rows
        ]

    def show(self, cid: str) -> dict[str, Any]:
        """Everything about one candidate, decrypted (for the candidate or staff)."""
        with self.sessions() as session:
            row = self._get(session, cid)
            secret = session.get(CandidateSecret, cid)
            files = session.scalars(
                select(CandidateFile).where(CandidateFile.candidate_id == cid)
            ).all()
            consents = session.scalars(
                select(Consent).where(Consent.candidate_id == cid).order_by(Consent.id)
            ).all()
            session_skills = session.get(CandidateSkills, cid)
            notices = {
                n.sha256: n
                for n in session.scalars(
                    select(PrivacyNotice).where(
                        PrivacyNotice.sha256.in_({c.notice_sha256 for c in consents})
                    )
                )
            }
        keys = self._keys(cid)
        assert secret is not None
        payload = self._open_payload(cid, secret)
        skills = session_skills
        now = self.clock()
        return {
            "id": cid,
            "created_at": _iso(row.created_at),
            "source": row.source,
            "flags": row.flags,
            "personal": payload["personal"],
            "cv_text": payload["cv_text"],
            "scrubbed_cv": payload.get("scrubbed_cv", ""),
            "skills": self._skill_list(skills),
            "profile": _structured(row),
            "consents": [_consent_json(c, notices[c.notice_sha256], now) for c in consents],
            "files": [
                {
                    "id": f.id,
                    "filename": atrest.open_sealed(
                        keys.data_key, f.sealed_name, _aad(cid, f"name/{f.id}")
                    ).decode(),
                    "media_type": f.media_type,
                    "size": f.size,
                }
                for f in files
            ],
        }

    def _skill_list(self, skills: CandidateSkills | None) -> list[dict[str, Any]]:
        if skills is None:
            return []
        taxonomy = load_builtin()  # labels only: no need to build the matcher for a show
        return [
            {
                "uri": taxonomy.skills[int(i)].uri,
                "label": taxonomy.skills[int(i)].label("de"),
                "weight": round(float(w), 3),
            }
            for i, w in skills.skills
            if int(i) < taxonomy.size
        ]

    def seal(self, cid: str, what: str, data: bytes) -> bytes:
        """Seal other data about a candidate (outbox notices) under their data key, so
        erasing the candidate shreds it too."""
        return atrest.seal(self._keys(cid).data_key, data, _aad(cid, what))

    def open(self, cid: str, what: str, blob: bytes) -> bytes:
        return atrest.open_sealed(self._keys(cid).data_key, blob, _aad(cid, what))

    def contact_card(self, cid: str, *, original: bool, disability: bool) -> dict[str, Any]:
        """What an accepted introduction hands over: contact details, the scrubbed CV,
        the original file only if the candidate chose so, and a declared severe
        disability only with its own explicit consent (Art. 9 GDPR, §165 SGB IX)."""
        with self.sessions() as session:
            secret = session.get(CandidateSecret, cid)
            files = session.scalars(
                select(CandidateFile).where(CandidateFile.candidate_id == cid)
            ).all()
        if secret is None:
            raise NotFound(f"candidate {cid} does not exist", "see: candidate list DIR")
        payload = self._open_payload(cid, secret)
        personal = payload.get("personal", {})
        card: dict[str, Any] = {key: personal[key] for key in CONTACT_FIELDS if personal.get(key)}
        card["scrubbed_cv"] = payload.get("scrubbed_cv", "")
        if disability and personal.get("disability"):
            card["severe_disability"] = personal["disability"]
        if original and files and files[0].size <= MAX_SHARED_ORIGINAL:
            first = files[0]
            card["original"] = {
                "filename": self.open(cid, f"name/{first.id}", first.sealed_name).decode(),
                "media_type": first.media_type,
                "content_base64": base64.b64encode(self.read_file(cid, first.id)).decode(),
            }
        elif original and files:
            card["original_not_sent"] = "the file is larger than 2 MiB; ask the candidate for it"
        return card

    def pseudonym(self, cid: str, context: str) -> str:
        """A name for a result, unlinkable across contexts (keyed with the candidate's key)."""
        keys = self._keys(cid)
        return "p" + hmac.new(keys.pseudonym_key, context.encode(), hashlib.sha256).hexdigest()[:16]

    def read_file(self, cid: str, file_id: str) -> bytes:
        keys = self._keys(cid)
        with self.sessions() as session:
            row = session.get(CandidateFile, file_id)
        if row is None or row.candidate_id != cid:
            raise NotFound(f"candidate {cid} has no file {file_id}", "see: candidate show DIR ID")
        return atrest.open_sealed(keys.data_key, row.sealed_content, _aad(cid, f"file/{file_id}"))

    def export(self, cid: str) -> dict[str, Any]:
        """Art. 15/20: the complete record, importable by any other node."""
        shown = self.show(cid)
        profile = shown["profile"]
        draft = CandidateDraft(
            source=shown["source"],
            where=cid,
            cv_text=shown["cv_text"],
            personal=shown["personal"],
            lang=profile["lang"],
            desired_regions=tuple(profile["desired_regions"]),
            available_from=(
                date.fromisoformat(profile["available_from"]) if profile["available_from"] else None
            ),
            employment_types=tuple(profile["employment_types"]),
            experience_years=profile["experience_years"],
            career_breaks=tuple(CareerBreak(**b) for b in profile["career_breaks"]),
            qualifications=tuple(profile["qualifications"]),
            licences=tuple(profile["licences"]),
        )
        original = None
        if shown["files"]:
            first = shown["files"][0]
            original = {
                "filename": first["filename"],
                "media_type": first["media_type"],
                "content_base64": base64.b64encode(self.read_file(cid, first["id"])).decode(),
            }
        return {
            "format": EXPORT_FORMAT,
            "exported_at": _iso(self.clock()),
            "node": {"name": self.config.name, "region": self.config.region},
            "candidate_id": cid,
            "profile": profile_to_json(draft),
            "consents": shown["consents"],
            "original": original,
        }

    # -- consent --------------------------------------------------------------

    def grant(self, cid: str, purpose: str, recorded_by: str, language: str = "de") -> None:
        _check_purpose(purpose)
        now = self.clock()
        with self.sessions.begin() as session:
            self._get(session, cid)
            if purpose in self.valid_purposes(session, cid) and not self._renewable(
                session, cid, purpose, now
            ):
                return  # valid and not near its end: nothing to renew
            notice = self._notice(session, language)
            session.add(self._consent(cid, purpose, notice, recorded_by, now))

    def _renewable(self, session: Session, cid: str, purpose: str, now: datetime) -> bool:
        """A valid consent within the reminder period may be renewed by a new grant."""
        latest = session.scalar(
            select(func.max(Consent.expires_at)).where(
                Consent.candidate_id == cid,
                Consent.purpose == purpose,
                Consent.withdrawn_at.is_(None),
            )
        )
        window = timedelta(days=max(self.config.privacy.reminder_days, 1))
        return latest is not None and latest - now <= window

    def _consent(
        self, cid: str, purpose: str, notice: str, recorded_by: str, now: datetime
    ) -> Consent:
        """One purpose, valid for the configured months from ``now``."""
        return Consent(
            candidate_id=cid,
            purpose=purpose,
            granted_at=now,
            expires_at=now + _months(self.config.privacy.consent_months),
            withdrawn_at=None,
            notice_sha256=notice,
            recorded_by=recorded_by,
        )

    def withdraw(self, cid: str, purpose: str) -> bool:
        """Withdraw one purpose; takes effect for the next query. False if none was valid."""
        _check_purpose(purpose)
        now = self.clock()
        with self.sessions.begin() as session:
            self._get(session, cid)
            rows = session.scalars(
                select(Consent).where(
                    Consent.candidate_id == cid,
                    Consent.purpose == purpose,
                    Consent.withdrawn_at.is_(None),
                )
            ).all()
            live = [c for c in rows if c.expires_at > now]
            for consent in live:
                consent.withdrawn_at = now
            return bool(live)

    # -- erasure --------------------------------------------------------------

    def erase(self, cid: str, reason: str = "request") -> None:
        """Art. 17: shred the keys, then delete rows and files; leave a bare tombstone."""
        with self.sessions() as session:
            self._get(session, cid)
        self.keystore.destroy([cid])
        with self.sessions.begin() as session:
            for table in (CandidateFile, Consent, CandidateSkills):
                session.execute(delete(table).where(table.candidate_id == cid))
            session.execute(delete(CandidateSecret).where(CandidateSecret.candidate_id == cid))
            session.execute(delete(Candidate).where(Candidate.id == cid))
            # merge: erase_everywhere may have written the tombstone first (crash safety)
            session.merge(Erasure(candidate_id=cid, erased_at=self.clock(), reason=reason))
        checkpoint(self.sessions.kw["bind"])

    def finish_interrupted_erasures(self) -> int:
        """Keys destroyed but rows left, or a tombstone written (peers were told) but
        rows left -- a crash mid-erase: finish the job."""
        with self.sessions() as session:
            ids = set(session.scalars(select(Candidate.id)))
            tombstoned = set(session.scalars(select(Erasure.candidate_id)))
        orphans = (ids - self.keystore.candidate_ids()) | (ids & tombstoned)
        for cid in sorted(orphans):
            self.erase(cid, reason="request")
        return len(orphans)


def _skills_row(
    cid: str, model_id: str, profile: CandidateProfile, vector: np.ndarray
) -> CandidateSkills:
    return CandidateSkills(
        candidate_id=cid,
        model_id=model_id,
        skills=[[i, round(w, 4)] for i, w in sorted(profile.skills.items())],
        vector=vector_bytes(vector) if profile.skills else None,
    )


def _purposes(draft: CandidateDraft, default: Sequence[str]) -> tuple[str, ...]:
    """The record's own consents, else the command line's; never none."""
    purposes = tuple(dict.fromkeys(draft.consents or tuple(default)))
    if not purposes:
        raise UsageError(
            f"{draft.where}: no consent recorded",
            "give --consent local and/or --consent federation",
        )
    for purpose in purposes:
        _check_purpose(purpose)
    return purposes


def _check_purpose(purpose: str) -> None:
    if purpose not in PURPOSES:
        raise UsageError(
            f"unknown consent purpose '{purpose}'", f"use one of: {', '.join(PURPOSES)}"
        )


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _structured(row: Candidate) -> dict[str, Any]:
    return {
        "lang": row.lang,
        "desired_regions": row.desired_regions,
        "available_from": row.available_from.isoformat() if row.available_from else None,
        "employment_types": row.employment_types,
        "experience_years": row.experience_years,
        "career_breaks": row.career_breaks,
        "qualifications": row.qualifications,
        "licences": row.licences,
    }


def _consent_json(c: Consent, notice: PrivacyNotice, now: datetime) -> dict[str, Any]:
    state = "withdrawn" if c.withdrawn_at else ("expired" if c.expires_at <= now else "valid")
    return {
        "purpose": c.purpose,
        "state": state,
        "granted_at": _iso(c.granted_at),
        "expires_at": _iso(c.expires_at),
        "withdrawn_at": _iso(c.withdrawn_at) if c.withdrawn_at else None,
        "recorded_by": c.recorded_by,
        "notice_version": notice.version,
        "notice_language": notice.language,
        "notice_sha256": notice.sha256,
        "notice_text": notice.text,
    }
