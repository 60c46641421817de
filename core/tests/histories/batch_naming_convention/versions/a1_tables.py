"""tables with an unnamed foreign key and an unnamed unique constraint

Revision ID: a1
Revises:
Create Date: 2026-05-06 10:00:00.000000

(SQLite only: there, unnamed constraints have no name in the database, and Alembic's batch
docs name them with a naming convention to drop them.)
"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("owner", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "pet",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("owner.id")),
        sa.Column("tag", sa.String(20)),
        sa.UniqueConstraint("tag"),
    )


def downgrade():
    op.drop_table("pet")
    op.drop_table("owner")
