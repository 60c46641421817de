"""a foreign key found by a helper that returns its name (langflow's, superset's), then
dropped by it; all() and any() over comprehensions

Revision ID: a7
Revises: a6
"""
import sqlalchemy as sa
from alembic import op

revision = "a7"
down_revision = "a6"
branch_labels = None
depends_on = None


def find_fk_name(conn, table, columns, referenced):
    inspector = sa.inspect(conn)
    for fk in inspector.get_foreign_keys(table):
        if fk["referred_table"] == referenced and set(fk["constrained_columns"]) == columns:
            return fk["name"]
    return None


def upgrade():
    conn = op.get_bind()
    op.create_table(
        "note",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("owner.id")),
    )
    fk_name = find_fk_name(conn, "note", {"owner_id"}, "owner")
    # SQLite's inspector gives an unnamed key no name; PostgreSQL and MySQL name it.
    if fk_name is None:
        op.create_index("ix_note_owner_unnamed", "note", ["owner_id"])
    else:
        with op.batch_alter_table("note") as batch_op:
            batch_op.drop_constraint(fk_name, type_="foreignkey")
            batch_op.create_foreign_key(
                "fk_note_owner", "owner", ["owner_id"], ["id"], ondelete="CASCADE"
            )
    # A named key is found by its name.
    if find_fk_name(conn, "item", {"owner_id"}, "owner") == "fk_item_owner":
        op.create_index("ix_note_id_owner", "note", ["id", "owner_id"])
    if "postgresql" in conn.dialect.dialect_description:
        op.create_index("ix_note_pg", "note", ["owner_id", "id"])
    # A comprehension over the inspector's columns, tested item by item.
    columns = {c["name"] for c in sa.inspect(conn).get_columns("note")}
    if all(c in columns for c in ["id", "owner_id"]) and not any(c == "body" for c in columns):
        op.add_column("note", sa.Column("body", sa.String(50)))
    if all(c in columns for c in ["id", "missing"]):
        op.drop_table("note")


def downgrade():
    op.drop_table("note")
