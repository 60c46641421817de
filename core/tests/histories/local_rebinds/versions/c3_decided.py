"""a column whose nullability is a test of the database, bound to a name first

Revision ID: c3
Revises: b2
Create Date: 2026-03-05 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "c3"
down_revision = "b2"
branch_labels = None
depends_on = None


def upgrade():
    connection = op.get_bind()
    # As cinder's revisions do: the value of the test where the name is bound.
    is_nullable = connection.engine.name == "sqlite"
    not_mysql = connection.dialect.name not in ("mysql", "mariadb")
    op.create_table(
        "services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(255), nullable=is_nullable),
        sa.Column("host", sa.String(255), nullable=not_mysql),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("services")
