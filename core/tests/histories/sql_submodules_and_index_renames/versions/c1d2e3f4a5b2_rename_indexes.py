"""rename indexes in SQL: ALTER INDEX .. RENAME TO, ALTER TABLE .. RENAME INDEX

Revision ID: c1d2e3f4a5b2
Revises: c1d2e3f4a5b1
Create Date: 2026-12-07 10:05:00.000000

"""
from alembic import op

revision = "c1d2e3f4a5b2"
down_revision = "c1d2e3f4a5b1"
branch_labels = None
depends_on = None


def upgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("ALTER INDEX ix_flag_enabled RENAME TO ix_flag_is_enabled")
        # The index of a unique constraint: PostgreSQL renames the constraint with it.
        op.execute("ALTER INDEX IF EXISTS uq_flag_name RENAME TO uq_flag_unique_name")
    elif dialect in ("mysql", "mariadb"):
        op.execute("ALTER TABLE flag RENAME INDEX ix_flag_enabled TO ix_flag_is_enabled")
        op.execute("ALTER TABLE flag RENAME KEY uq_flag_name TO uq_flag_unique_name")
    else:
        op.drop_index("ix_flag_enabled", table_name="flag")
        op.create_index("ix_flag_is_enabled", "flag", ["enabled"])


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("ALTER INDEX uq_flag_unique_name RENAME TO uq_flag_name")
        op.execute("ALTER INDEX ix_flag_is_enabled RENAME TO ix_flag_enabled")
    elif dialect in ("mysql", "mariadb"):
        op.execute("ALTER TABLE flag RENAME KEY uq_flag_unique_name TO uq_flag_name")
        op.execute("ALTER TABLE flag RENAME INDEX ix_flag_is_enabled TO ix_flag_enabled")
    else:
        op.drop_index("ix_flag_is_enabled", table_name="flag")
        op.create_index("ix_flag_enabled", "flag", ["enabled"])
