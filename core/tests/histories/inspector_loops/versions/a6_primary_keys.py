"""primary keys read from the inspector (dagster's has_primary_key, Airflow's index check,
open-webui's named key)

Revision ID: a6
Revises: a5
"""
import sqlalchemy as sa
from alembic import op

revision = "a6"
down_revision = "a5"
branch_labels = None
depends_on = None


def get_primary_key(table_name):
    return sa.inspect(op.get_bind()).get_pk_constraint(table_name)


def has_primary_key(table_name):
    primary_key = get_primary_key(table_name)
    return primary_key and len(primary_key.get("constrained_columns", [])) > 0


def upgrade():
    op.create_table(
        "kv",
        sa.Column("key", sa.String(50), nullable=False),
        sa.Column("value", sa.String(50)),
    )
    if not has_primary_key("kv"):
        with op.batch_alter_table("kv") as batch_op:
            batch_op.create_primary_key("kv_pkey", ["key"])
    # course has one already.
    if not has_primary_key("course"):
        op.drop_table("course")
    inspector = sa.inspect(op.get_bind())
    primary_key = inspector.get_pk_constraint("kv") or {}
    columns = primary_key.get("constrained_columns") or []
    if columns[: len(["key"])] != ["key"]:
        op.create_index("ix_kv_key", "kv", ["key"])
    # MySQL's inspector gives no name; PostgreSQL's and SQLite's give the one written.
    if columns[:1] == ["key"] and not primary_key["name"]:
        op.create_index("ix_kv_value", "kv", ["value"])
    if sorted(columns) == ["key"] and primary_key.get("name") == "kv_pkey":
        op.create_index("ix_kv_value_key", "kv", ["value", "key"])


def downgrade():
    op.drop_table("kv")
