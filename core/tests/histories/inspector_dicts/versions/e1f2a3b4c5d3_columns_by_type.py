"""columns added by the type the inspector reflects, as langflow's and open-webui's revisions
test it (`isinstance(column["type"], sa.Text)`, a column found with `next(...)`): the answers differ by database (MariaDB
reflects JSON as LONGTEXT and BOOLEAN as TINYINT; a `postgresql.TIMESTAMP` is PostgreSQL's)

Revision ID: e1f2a3b4c5d3
Revises: e1f2a3b4c5d2
Create Date: 2026-12-07 12:10:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e1f2a3b4c5d3"
down_revision = "e1f2a3b4c5d2"
branch_labels = None
depends_on = None

ADDED = ("x_text", "x_timestamp", "x_json", "x_bool", "x_key", "x_datetime", "x_name", "x_missing")


def upgrade():
    inspector = sa.inspect(op.get_bind())
    chat = {c["name"]: c for c in inspector.get_columns("chat")}
    folder = {c["name"]: c for c in inspector.get_columns("folder")}
    if isinstance(chat["title"]["type"], sa.Text):
        op.add_column("chat", sa.Column("x_text", sa.Integer(), nullable=True))
    if isinstance(folder["created_at"]["type"], postgresql.TIMESTAMP):
        op.add_column("chat", sa.Column("x_timestamp", sa.Integer(), nullable=True))
    if isinstance(chat["meta"]["type"], sa.JSON):
        op.add_column("chat", sa.Column("x_json", sa.Integer(), nullable=True))
    if isinstance(chat["archived"]["type"], sa.Boolean):
        op.add_column("chat", sa.Column("x_bool", sa.Integer(), nullable=True))
    if isinstance(chat["id"]["type"], (sa.Integer, sa.String)):
        op.add_column("chat", sa.Column("x_key", sa.Integer(), nullable=True))
    created_at = folder["created_at"]["type"]
    if isinstance(created_at, sa.DateTime) and not isinstance(created_at, sa.TIMESTAMP):
        op.add_column("chat", sa.Column("x_datetime", sa.Integer(), nullable=True))
    # langflow's search: the first column so named, or None.
    columns = inspector.get_columns("folder")
    name = next((c for c in columns if c["name"] == "name"), None)
    missing = next((c for c in columns if c["name"] == "missing"), None)
    if name is not None and isinstance(name["type"], sa.Text) and not name["nullable"]:
        op.add_column("chat", sa.Column("x_name", sa.Integer(), nullable=True))
    if missing is None:
        op.add_column("chat", sa.Column("x_missing", sa.Integer(), nullable=True))


def downgrade():
    inspector = sa.inspect(op.get_bind())
    names = {c["name"] for c in inspector.get_columns("chat")}
    with op.batch_alter_table("chat") as batch_op:
        for name in ADDED:
            if name in names:
                batch_op.drop_column(name)
