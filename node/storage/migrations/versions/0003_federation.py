"""federation: pinned peer certificates, last handshake, last error

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 17:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("peers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tls_cert_pem", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("last_handshake", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("peers", schema=None) as batch_op:
        batch_op.drop_column("last_error")
        batch_op.drop_column("last_handshake")
        batch_op.drop_column("tls_cert_pem")
