"""names computed with string methods, as ckan's revisions do

Revision ID: a1
Revises:
Create Date: 2026-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None

PREFIX = "  App_  "


def upgrade():
    op.create_table("user", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("package", sa.Column("id", sa.Integer(), primary_key=True))
    column = "package_id"
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column(column, sa.Integer(), sa.ForeignKey(column.replace("_", ".")), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=PREFIX.strip().lower() + "member_user"
        ),
    )
    table = "member_revision"
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("continuity_id", sa.Integer(), sa.ForeignKey(table.replace("_revision", ".id"))),
    )
    op.create_index("IX_MEMBER_USER".lower(), "member", ["user_id"])
    op.create_index("ix_member_package_id".removesuffix("_id").upper(), "member", ["package_id"])


def downgrade():
    op.drop_table("member_revision")
    op.drop_table("member")
    op.drop_table("package")
    op.drop_table("user")
