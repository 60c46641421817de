"""tidy up what the database holds, found through the inspector (as neutron's and optuna's
revisions do)

Revision ID: a2
Revises: a1
"""
import sqlalchemy as sa
from alembic import op

revision = "a2"
down_revision = "a1"
branch_labels = None
depends_on = None


def upgrade():
    inspector = sa.inspect(op.get_bind())
    # An index on `name` alone is redundant beside (name, code).
    for index in inspector.get_indexes("item"):
        if index["column_names"] == ["name"]:
            op.drop_index(index["name"], table_name="item")
    # The unique constraint on `code`, whatever it was named; the loop ends at it.
    for c in inspector.get_unique_constraints("item"):
        if c["column_names"] == ["code"]:
            with op.batch_alter_table("item") as batch_op:
                batch_op.drop_constraint(c["name"], type_="unique")
            break
    else:
        op.create_index("ix_item_code_never", "item", ["code"])
    # Each foreign key gets an index named after its column.
    for fk in inspector.get_foreign_keys("item"):
        if fk["referred_table"] == "owner" and "owner_id" in fk["constrained_columns"]:
            op.create_index(f"ix_item_{fk['constrained_columns'][0]}", "item", fk["constrained_columns"])
    # Nullable columns other than the key and `name` get a default.
    for col in inspector.get_columns("item"):
        if col["nullable"] and col["name"] not in ("id", "owner_id"):
            with op.batch_alter_table("item") as batch_op:
                batch_op.alter_column(col["name"], server_default="none", existing_type=sa.String(20))


def downgrade():
    with op.batch_alter_table("item") as batch_op:
        batch_op.alter_column("code", server_default=None, existing_type=sa.String(20))
        batch_op.drop_constraint("fk_item_owner", type_="foreignkey")
    op.drop_index("ix_item_owner_id", table_name="item")
    with op.batch_alter_table("item") as batch_op:
        batch_op.create_foreign_key("fk_item_owner", "owner", ["owner_id"], ["id"])
        batch_op.create_unique_constraint("uq_item_code", ["code"])
    op.create_index("ix_item_name", "item", ["name"])
