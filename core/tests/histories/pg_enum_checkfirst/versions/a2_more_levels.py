"""comments with visibility: the levels' create() again, as fittrackee's revisions do

Revision ID: a2
Revises: a1
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "a2"
down_revision = "a1"
branch_labels = None
depends_on = None

visibility_levels = postgresql.ENUM("PUBLIC", "FOLLOWERS", "PRIVATE", name="visibility_levels")
kinds = sa.Enum("note", "photo", name="kinds")


def upgrade():
    # postgresql.ENUM.create checks first by default: the type exists, nothing is run.
    visibility_levels.create(op.get_bind())
    kinds.create(op.get_bind(), checkfirst=True)
    op.create_table(
        "comment",
        sa.Column("id", sa.Integer, primary_key=True),
    )
    op.add_column("comment", sa.Column("kind", kinds, nullable=False))
    op.add_column(
        "comment",
        sa.Column("visibility", visibility_levels, server_default="PRIVATE", nullable=False),
    )


def downgrade():
    op.drop_table("comment")
