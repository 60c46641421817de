"""items and owners

Revision ID: a1
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "owner",
        sa.Column("id", sa.Integer, primary_key=True),
    )
    op.create_table(
        "item",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("code", sa.String(20), nullable=True),
        sa.Column("owner_id", sa.Integer, nullable=True),
        sa.ForeignKeyConstraint(["owner_id"], ["owner.id"], name="fk_item_owner"),
        sa.UniqueConstraint("code", name="uq_item_code"),
    )
    op.create_index("ix_item_name", "item", ["name"])
    op.create_index("ix_item_name_code", "item", ["name", "code"])


def downgrade():
    op.drop_index("ix_item_name_code", table_name="item")
    op.drop_index("ix_item_name", table_name="item")
    op.drop_table("item")
    op.drop_table("owner")
