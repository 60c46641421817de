"""The first revision's tables, made by functions that call functions that call `op`."""
from alembic import op
import sqlalchemy as sa


def _add_accounts():
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("nickname", sa.String(length=50), nullable=True, server_default=None),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_accounts_email", "accounts", ["email"], unique=True)


def _add_sessions():
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name="fk_sessions_account"),
        sa.PrimaryKeyConstraint("id"),
    )


def upgrade():
    _add_accounts()
    _add_sessions()


def downgrade():
    op.drop_table("sessions")
    op.drop_index("ix_accounts_email", table_name="accounts")
    op.drop_table("accounts")
