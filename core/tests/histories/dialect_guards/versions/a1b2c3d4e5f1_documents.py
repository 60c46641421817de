"""documents, with a type per dialect

Revision ID: a1b2c3d4e5f1
Revises:
Create Date: 2026-12-06 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql

revision = "a1b2c3d4e5f1"
down_revision = None
branch_labels = None
depends_on = None

JsonVariant = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade():
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200).with_variant(mysql.VARCHAR(length=255), "mysql"), nullable=False),
        sa.Column("meta", JsonVariant, nullable=True),
        sa.Column(
            "body",
            sa.Text().with_variant(mysql.LONGTEXT(), "mysql").with_variant(sa.String(length=4000), "sqlite"),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("document")
