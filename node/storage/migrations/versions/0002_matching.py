"""matching: candidate skills, job skills, imported labels

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:36:10.743345
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "taxonomy_labels",
        sa.Column("skill_uri", sa.String(length=200), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("skill_uri", "lang", "label", name=op.f("pk_taxonomy_labels")),
    )
    op.create_table(
        "candidate_skills",
        sa.Column("candidate_id", sa.String(length=32), nullable=False),
        sa.Column("model_id", sa.String(length=64), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidates.id"],
            name=op.f("fk_candidate_skills_candidate_id_candidates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("candidate_id", name=op.f("pk_candidate_skills")),
    )
    with op.batch_alter_table("candidate_skills", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_candidate_skills_model_id"), ["model_id"], unique=False
        )

    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("facts", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
        batch_op.add_column(
            sa.Column("skills", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_column("skills")
        batch_op.drop_column("facts")

    with op.batch_alter_table("candidate_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_skills_model_id"))

    op.drop_table("candidate_skills")
    op.drop_table("taxonomy_labels")
