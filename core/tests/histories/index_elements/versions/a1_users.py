"""index elements built at run time: a copy of a listed tuple, functions of columns

Revision ID: a1
Revises:
Create Date: 2026-05-02 10:00:00.000000

(MariaDB has no functional indexes: SQLite and PostgreSQL only.)
"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None

indexes = (
    ("user", (("idx_user_name", ("name", "state")), ("idx_user_state", ("state",)))),
)


def upgrade():
    op.create_table(
        "user",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(20)),
        sa.Column("email", sa.String(20)),
        sa.Column("state", sa.String(20)),
    )
    for table, items in indexes:
        for index, columns in items:
            op.create_index(index, table, list(columns))
    op.create_index(
        "idx_only_one_active_email_no_case",
        "user",
        [sa.func.lower(sa.Column("email"))],
        unique=True,
        postgresql_where=sa.text("\"user\".state='active'"),
        sqlite_where=sa.text("state='active'"),
    )
    op.create_index("idx_user_email_state", "user", [sa.func.lower(sa.column("email")), "state"])


def downgrade():
    op.drop_table("user")
