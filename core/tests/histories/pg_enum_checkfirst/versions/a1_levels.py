"""visibility levels

Revision ID: a1
Revises:
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None

visibility_levels = postgresql.ENUM("PUBLIC", "FOLLOWERS", "PRIVATE", name="visibility_levels")
kinds = sa.Enum("note", "photo", name="kinds")


def upgrade():
    visibility_levels.create(op.get_bind())
    kinds.create(op.get_bind(), checkfirst=True)
    op.create_table(
        "post",
        sa.Column("id", sa.Integer, primary_key=True),
    )
    op.add_column("post", sa.Column("kind", kinds, nullable=False))
    op.add_column(
        "post",
        sa.Column("visibility", visibility_levels, server_default="PRIVATE", nullable=False),
    )


def downgrade():
    op.drop_table("post")
    kinds.drop(op.get_bind(), checkfirst=True)
    visibility_levels.drop(op.get_bind())
