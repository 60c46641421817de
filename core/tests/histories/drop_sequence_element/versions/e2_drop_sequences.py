"""sequences dropped through SQLAlchemy's DDL elements (as ckan's revisions do)

Revision ID: e2
Revises: e1
Create Date: 2026-03-07 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "e2"
down_revision = "e1"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sa.schema.DropSequence(sa.schema.Sequence("counter_seq")))
    op.execute(sa.schema.DropSequence(sa.Sequence("spare_seq"), if_exists=True))


def downgrade():
    op.execute("CREATE SEQUENCE spare_seq")
    op.execute("CREATE SEQUENCE counter_seq")
