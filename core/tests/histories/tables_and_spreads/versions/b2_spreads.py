"""a foreign key's options gathered in a dict and spread into the operation

Revision ID: b2
Revises: a1
Create Date: 2026-05-04 10:00:00.000000

"""
from alembic import op

revision = "b2"
down_revision = "a1"
branch_labels = None
depends_on = None


def _alter_fk(ondelete=None):
    fk_kwargs = {"ondelete": ondelete} if ondelete else {}
    op.drop_constraint("fk_quotas_service", "quotas", type_="foreignkey")
    op.create_foreign_key(
        "fk_quotas_service", "quotas", "services", ["service_id"], ["id"], **fk_kwargs
    )


def upgrade():
    _alter_fk(ondelete="CASCADE")


def downgrade():
    _alter_fk()
