"""tables made with Table.create(), a foreign key given as column=, SQL through textwrap

Revision ID: a1
Revises:
Create Date: 2026-05-03 10:00:00.000000

(create_foreign_key needs ALTER TABLE .. ADD CONSTRAINT: PostgreSQL and MariaDB.)
"""
import textwrap

from alembic import op
from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    engine = op.get_bind().engine
    meta = MetaData()
    services = Table(
        "services", meta, Column("id", Integer, primary_key=True), Column("host", String(255))
    )
    quotas = Table(
        "quotas",
        meta,
        Column("id", Integer, primary_key=True),
        Column("service_id", Integer, ForeignKey(column="services.id", name="fk_quotas_service")),
        Column("resource", String(255), nullable=False),
    )
    with engine.begin() as conn:
        for table in [services, quotas]:
            table.create(conn, checkfirst=True)
    # Already made: checkfirst skips it.
    services.create(op.get_bind(), checkfirst=True)
    op.execute(
        textwrap.dedent(
            f"""
            CREATE VIEW busy_services AS
                SELECT id, host FROM services WHERE host <> '{"idle"}'
            """
        )
    )


def downgrade():
    op.execute("DROP VIEW busy_services")
    meta = MetaData()
    for name in ("quotas", "services"):
        Table(name, meta).drop(op.get_bind())
