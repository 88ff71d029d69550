"""Jobs on this node: stored with their public facts and the skill set matching uses."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.node.errors import NotFound
from talentverbund.node.jobs import JobDraft
from talentverbund.node.matcher import JobSkill, Matcher
from talentverbund.node.pool import Filters
from talentverbund.node.storage.models import Job


def add_job(
    sessions: sessionmaker[Session],
    matcher: Matcher,
    draft: JobDraft,
    explicit_skills: Sequence[str],
    requirements: Sequence[str],
    now: datetime,
) -> dict[str, Any]:
    skills = matcher.job_skills(draft, explicit_skills)
    job_id = "j" + secrets.token_hex(6)
    facts = {
        "region": draft.region,
        "locality": draft.locality,
        "employment_types": list(draft.employment_types),
        "licences": list(draft.licences),
        "qualifications": list(requirements),
        "valid_through": draft.valid_through,
        "start_date": _start_date(draft),
    }
    with sessions.begin() as session:
        session.add(
            Job(
                id=job_id,
                created_at=now,
                title=draft.title,
                posting=draft.posting or {"title": draft.title, "description": draft.description},
                facts=facts,
                skills=[
                    {"uri": s.uri, "weight": round(s.weight, 4), "essential": s.essential}
                    for s in skills
                ],
            )
        )
    return describe(job_id, draft.title, facts, skills, matcher, now)


def describe(
    job_id: str,
    title: str,
    facts: dict[str, Any],
    skills: Sequence[JobSkill],
    matcher: Matcher,
    created: datetime,
) -> dict[str, Any]:
    return {
        "id": job_id,
        "title": title,
        "created_at": created.isoformat(),
        "facts": facts,
        "skills": [
            {
                "uri": s.uri,
                "label": matcher.taxonomy.skill(s.uri).label("de"),
                "weight": round(s.weight, 3),
                "essential": s.essential,
            }
            for s in skills
        ],
    }


def load_job(
    sessions: sessionmaker[Session], matcher: Matcher, job_id: str
) -> tuple[Job, list[JobSkill]]:
    with sessions() as session:
        job = session.get(Job, job_id)
    if job is None:
        raise NotFound(
            f"job {job_id} does not exist on this node",
            "list jobs with: job list DIR",
            code="job_not_found",
            params={"job_id": job_id},
        )
    skills = [
        JobSkill(
            matcher.taxonomy.skill(s["uri"]).index,
            s["uri"],
            float(s["weight"]),
            bool(s["essential"]),
        )
        for s in job.skills
        if matcher.taxonomy.has(s["uri"])
    ]
    return job, skills


def list_jobs(sessions: sessionmaker[Session]) -> list[dict[str, Any]]:
    with sessions() as session:
        jobs = session.scalars(select(Job).order_by(Job.created_at)).all()
    return [
        {
            "id": j.id,
            "title": j.title,
            "created_at": j.created_at.isoformat(),
            "region": j.facts.get("region"),
            "skills": len(j.skills),
        }
        for j in jobs
    ]


def filters_for(job: Job, purpose: str) -> Filters:
    facts = job.facts
    start = facts.get("start_date")
    return Filters(
        purpose=purpose,
        region=facts.get("region"),
        employment_types=tuple(facts.get("employment_types", [])),
        licences=tuple(facts.get("licences", [])),
        qualifications=tuple(facts.get("qualifications", [])),
        available_by=date.fromisoformat(start) if start else None,
    )


def _start_date(draft: JobDraft) -> str | None:
    """schema.org ``jobStartDate``: candidates available later than this are filtered out."""
    raw = str(draft.posting.get("jobStartDate") or "")[:10]
    try:
        return date.fromisoformat(raw).isoformat() if raw else None
    except ValueError:
        return None
