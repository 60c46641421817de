"""flags, with server defaults written through SQLAlchemy's submodules

Revision ID: c1d2e3f4a5b1
Revises:
Create Date: 2026-12-07 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.sql import expression, functions
from sqlalchemy.sql.functions import current_timestamp

revision = "c1d2e3f4a5b1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "flag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False, server_default=sa.sql.expression.false()),
        sa.Column("visible", sa.Boolean(), nullable=False, server_default=expression.true()),
        sa.Column("created_at", sa.DateTime(), nullable=True, server_default=functions.now()),
        sa.Column("updated_at", sa.DateTime(), nullable=True, server_default=current_timestamp()),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", name="uq_flag_name"),
    )
    op.create_index("ix_flag_enabled", "flag", ["enabled"])
    op.create_index("ix_flag_created", "flag", ["created_at"])


def downgrade():
    op.drop_index("ix_flag_created", table_name="flag")
    op.drop_index("ix_flag_enabled", table_name="flag")
    op.drop_table("flag")
