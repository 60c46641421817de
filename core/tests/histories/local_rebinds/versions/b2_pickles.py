"""a pickled column, and an index with a MySQL prefix length

Revision ID: b2
Revises: a1
Create Date: 2026-03-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"
branch_labels = None
depends_on = None


def upgrade():
    name = "migrations"
    op.add_column(name, sa.Column("payload", sa.PickleType(protocol=4), nullable=True))
    name = "instances"
    op.add_column(name, sa.Column("flavor", sa.String(300), nullable=True))
    # Alembic runs on MariaDB through a `mysql+` URL: `mysql_length=` applies there.
    op.create_index("instances_flavor_idx", name, ["flavor"], mysql_length=100)
    # A prefix as long as the column: the server keeps the whole column (`KEY ix (label)`).
    op.add_column(name, sa.Column("label", sa.String(64), nullable=True))
    op.create_index("instances_label_idx", name, ["label"], mysql_length=64)


def downgrade():
    name = "instances"
    op.drop_index("instances_label_idx", table_name=name)
    op.drop_column(name, "label")
    op.drop_index("instances_flavor_idx", table_name=name)
    op.drop_column(name, "flavor")
    name = "migrations"
    op.drop_column(name, "payload")
