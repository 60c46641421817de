"""drop the unnamed constraints by the names a naming convention gives them

Revision ID: b2
Revises: a1
Create Date: 2026-05-07 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"
branch_labels = None
depends_on = None

naming_convention = {
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
}


def upgrade():
    with op.batch_alter_table("pet", naming_convention=naming_convention) as batch_op:
        batch_op.drop_constraint("fk_pet_owner_id_owner", type_="foreignkey")
        batch_op.drop_constraint("uq_pet_tag", type_="unique")
        batch_op.create_foreign_key(
            "fk_pet_owner_id_owner", "owner", ["owner_id"], ["id"], ondelete="CASCADE"
        )


def downgrade():
    # (a batch cannot add an unnamed constraint: the table is made again as it was)
    op.drop_table("pet")
    op.create_table(
        "pet",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("owner.id")),
        sa.Column("tag", sa.String(20)),
        sa.UniqueConstraint("tag"),
    )
