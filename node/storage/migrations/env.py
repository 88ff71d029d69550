"""Alembic environment: the engine comes from the caller (talentverbund migrate)."""

from alembic import context

from talentverbund.node.storage.models import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    context.run_migrations()
