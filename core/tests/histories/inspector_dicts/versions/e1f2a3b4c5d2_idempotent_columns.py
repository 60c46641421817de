"""columns added only when missing, as open-webui's revisions test them: dicts of the
inspector's columns by name, `.get()`, truth and items of what it found

Revision ID: e1f2a3b4c5d2
Revises: e1f2a3b4c5d1
Create Date: 2026-12-07 12:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "e1f2a3b4c5d2"
down_revision = "e1f2a3b4c5d1"
branch_labels = None
depends_on = None


def _columns(table):
    inspector = sa.inspect(op.get_bind())
    return {c["name"]: c for c in inspector.get_columns(table)}


def upgrade():
    conn = op.get_bind()
    inspector = sa.inspect(conn)
    columns = inspector.get_columns("chat")
    column_dict = {col["name"]: col for col in columns}

    chat_column = column_dict.get("chat")
    old_chat_exists = "old_chat" in column_dict
    if chat_column:
        if old_chat_exists:
            op.drop_column("chat", "old_chat")
        op.add_column("chat", sa.Column("archived", sa.Boolean(), nullable=True))
    if not column_dict.get("meta"):
        op.add_column("chat", sa.Column("meta", sa.JSON(), nullable=True))

    folder = _columns("folder")
    created_at = folder.get("created_at")
    if not created_at:
        return
    if created_at["nullable"]:
        op.add_column("folder", sa.Column("updated_at", sa.DateTime(), nullable=True))
    if "parent_id" not in folder:
        op.add_column("folder", sa.Column("parent_id", sa.String(length=40), nullable=True))


def downgrade():
    folder = _columns("folder")
    with op.batch_alter_table("folder") as batch_op:
        for name in ("parent_id", "updated_at"):
            if name in folder:
                batch_op.drop_column(name)
    with op.batch_alter_table("chat") as batch_op:
        batch_op.drop_column("meta")
        batch_op.drop_column("archived")
