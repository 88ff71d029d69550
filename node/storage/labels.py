"""Taxonomy labels an operator imported (``talentverbund taxonomy import``)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from talentverbund.node.storage.models import TaxonomyLabel


def imported_labels(sessions: sessionmaker[Session]) -> dict[str, dict[str, list[str]]]:
    labels: dict[str, dict[str, list[str]]] = {}
    with sessions() as session:
        for row in session.scalars(select(TaxonomyLabel).order_by(TaxonomyLabel.label)):
            labels.setdefault(row.skill_uri, {}).setdefault(row.lang, []).append(row.label)
    return labels


def store_labels(
    sessions: sessionmaker[Session], labels: Mapping[str, Mapping[str, list[str]]], now: datetime
) -> int:
    """Add labels not stored yet; returns how many were new."""
    existing = imported_labels(sessions)
    added = 0
    with sessions.begin() as session:
        for uri, by_lang in labels.items():
            for lang, names in by_lang.items():
                have = set(existing.get(uri, {}).get(lang, []))
                for name in dict.fromkeys(n.strip()[:300] for n in names if n.strip()):
                    if name not in have:
                        session.add(
                            TaxonomyLabel(skill_uri=uri, lang=lang, label=name, imported_at=now)
                        )
                        added += 1
    return added
