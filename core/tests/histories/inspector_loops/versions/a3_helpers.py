"""indexes where a searching helper finds none (neutron's has_index)

Revision ID: a3
Revises: a2
"""
import sqlalchemy as sa
from alembic import op

revision = "a3"
down_revision = "a2"
branch_labels = None
depends_on = None


def has_index(table, column):
    """Check if the table has an index *using only* the column name provided"""
    inspector = sa.inspect(op.get_bind())
    table_indexes = inspector.get_indexes(table)
    for index in table_indexes:
        if [column] == index["column_names"]:
            return True
    return False


def upgrade():
    for column in ["name", "owner_id"]:
        if not has_index("item", column):
            op.create_index(f"ix_item_{column}_only", "item", [column])
    inspector = sa.inspect(op.get_bind())
    for index in inspector.get_indexes("item"):
        if index["unique"] is False and index["name"] == "ix_item_name_code":
            op.drop_index(index["name"], table_name="item")


def downgrade():
    # SQLite's inspector gives `unique` as 0 or 1, never `False`: there the upgrade kept it.
    inspector = sa.inspect(op.get_bind())
    if "ix_item_name_code" not in {i["name"] for i in inspector.get_indexes("item")}:
        op.create_index("ix_item_name_code", "item", ["name", "code"])
    op.drop_index("ix_item_name_only", table_name="item")
