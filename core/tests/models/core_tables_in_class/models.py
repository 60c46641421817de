"""Core tables as attributes of a plain class (buildbot's db/model.py), made through the
application's Table wrapper, with indexes declared on their own beside them."""
import sqlalchemy as sa

import dbutils as sautils


class Model:
    metadata = sa.MetaData()

    projects = sautils.Table(
        "projects",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("slug", sa.String(50), nullable=False, server_default=sa.DefaultClause("")),
        sa.Column("priority", sa.Integer, nullable=False, server_default=sa.DefaultClause("0")),
    )

    builders = sautils.Table(
        "builders",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("projectid", sa.Integer, sa.ForeignKey("projects.id", ondelete="SET NULL")),
        sa.Column("enabled", sa.SmallInteger, server_default=sa.DefaultClause("1")),
    )

    logchunks = sautils.Table(
        "logchunks",
        metadata,
        sa.Column("builderid", sa.Integer, sa.ForeignKey("builders.id"), nullable=False),
        sa.Column("first_line", sa.Integer, nullable=False),
        sa.Column("content", sa.LargeBinary(65536)),
        sa.Column("small", sa.LargeBinary(255)),
    )

    sa.Index("builders_projectid", builders.c.projectid)
    sa.Index("builders_name", builders.c["name"], unique=True)
    sa.Index("logchunks_first", logchunks.c.builderid, logchunks.c.first_line)
    sa.Index("projects_slug_priority", projects.c.slug, projects.c.priority)
