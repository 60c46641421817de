"""column types chosen per dialect by helper functions (mlflow's `_get_json_type()`)

Revision ID: a1b2c3d4e5f3
Revises: a1b2c3d4e5f2
Create Date: 2026-12-06 18:40:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql

revision = "a1b2c3d4e5f3"
down_revision = "a1b2c3d4e5f2"
branch_labels = None
depends_on = None


def _get_json_type():
    """The JSON type for the database the migration runs on."""
    dialect_name = op.get_bind().dialect.name
    if dialect_name == "postgresql":
        return postgresql.JSONB
    else:
        return sa.JSON


def _body_type(length):
    dialect = op.get_bind().dialect
    if dialect.name in ("mysql", "mariadb"):
        return mysql.MEDIUMTEXT()
    elif dialect.name == "sqlite":
        return sa.Text()
    return sa.String(length)


def _key_type():
    bind = op.get_bind()
    return postgresql.UUID() if bind.dialect.name == "postgresql" else sa.String(length=36)


def upgrade():
    json_type = _get_json_type()
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", _key_type(), nullable=False),
        sa.Column("payload", json_type, nullable=True),
        sa.Column("body", _body_type(400), nullable=True),
    )
    op.add_column("document", sa.Column("extra", _get_json_type(), nullable=True))


def downgrade():
    op.drop_column("document", "extra")
    op.drop_table("event")
