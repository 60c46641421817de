"""string types whose keyword arguments a local dict gathers per database, and types and
options chosen by conditional expressions on the database

Revision ID: d4
Revises: c3
Create Date: 2026-03-06 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "d4"
down_revision = "c3"
branch_labels = None
depends_on = None

SQLITE = "sqlite"


def upgrade():
    bind = op.get_bind()
    # As nova's revisions do: keywords added to a dict on one database, then spread.
    nameargs = {}
    if bind.engine.name == "mysql":
        nameargs["collation"] = "utf8_bin"
    elif bind.engine.name == "postgresql":
        nameargs["collation"] = "C"
    sized = {"length": 40}
    # Conditional expressions on the database: the branch it takes.
    body_type = sa.Text() if bind.engine.name == "mysql" else sa.String(500)
    op.create_table(
        "resource_providers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Unicode(200, **nameargs), nullable=True),
        sa.Column("code", sa.String(**sized), nullable=False),
        sa.Column("body", body_type, nullable=bind.engine.name != "postgresql"),
        sa.Column(
            "note",
            sa.String(30, **{"collation": "utf8mb4_bin"} if bind.engine.name == "mysql" else {}),
        ),
    )

    # Prefixes of the engine's name (cinder's `connection.engine.name.startswith('mysql')`).
    if bind.engine.name.startswith("mysql"):
        op.create_index("ix_rp_code_my", "resource_providers", ["code"])
    if bind.engine.name.startswith(("postgres", "sqlite")):
        op.create_index("ix_rp_code", "resource_providers", ["code"])
    # The engine through a local name, compared with a module constant.
    engine = bind.engine
    if engine.name == SQLITE:
        op.create_index("ix_rp_name", "resource_providers", ["name"])


def downgrade():
    op.drop_table("resource_providers")
