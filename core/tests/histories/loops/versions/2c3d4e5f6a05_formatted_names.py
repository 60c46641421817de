"""names made by printf-style `%` and by `str.format` (neutron's
`constraint_name='uniq_%s0standard_attr_id' % TABLE`); loops over `A + B` and `zip(A, B)`; an index element `sa.column("x").desc()`

Revision ID: 2c3d4e5f6a05
Revises: 2c3d4e5f6a04
Create Date: 2026-12-06 18:50:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "2c3d4e5f6a05"
down_revision = "2c3d4e5f6a04"
branch_labels = None
depends_on = None

TABLE = "invoice"
PREFIX = "ix"
FIRST = [("ix_invoice_amount_desc", "invoice")]
SECOND = [("ix_refund_amount_desc", "refund")]
NAMES = ["ix_zip_invoice", "ix_zip_refund", "ix_zip_unused"]
TABLES = ("invoice", "refund")


def upgrade():
    with op.batch_alter_table(TABLE) as batch_op:
        batch_op.create_unique_constraint("uniq_%s0id0amount" % TABLE, ["id", "amount"])
    for table in ["invoice", "refund"]:
        op.create_index("%s_%s_amount_%d" % (PREFIX, table, 2), table, ["amount"])
        op.create_index("{}_{}_id".format(PREFIX, table), table, ["id"])
    op.create_index("{0}_{t}_{0}".format("amount", t="refund"), "refund", ["amount", "id"])
    op.execute("CREATE INDEX {p}_invoice_both ON {t} (id, amount)".format(p=PREFIX, t=TABLE))
    for name, table in FIRST + SECOND:
        op.create_index(name, table, ["amount", "id"])
    for name, table in zip(NAMES, TABLES):
        op.create_index(name, table, ["id", "amount"])
    op.create_index("ix_refund_id_amount_desc", "refund", ["id", sa.column("amount").desc()])


def downgrade():
    op.drop_index("ix_refund_id_amount_desc", table_name="refund")
    for name, table in zip(NAMES, TABLES):
        op.drop_index(name, table_name=table)
    for name, table in FIRST + SECOND:
        op.drop_index(name, table_name=table)
    op.drop_index("%s_invoice_both" % PREFIX, table_name=TABLE)
    op.drop_index("amount_refund_amount", table_name="refund")
    for table in ["invoice", "refund"]:
        op.drop_index("{}_{}_id".format(PREFIX, table), table_name=table)
        op.drop_index("%s_%s_amount_%d" % (PREFIX, table, 2), table_name=table)
    with op.batch_alter_table(TABLE) as batch_op:
        batch_op.drop_constraint("uniq_%s0id0amount" % TABLE, type_="unique")
