"""mlflow's index and key details: index elements written as SQLAlchemy writes them
(`text("major DESC")`, `text("lower(name)")`), PostgreSQL's `INCLUDE`, the columns of a
table-level primary key NOT NULL unless `nullable=` says, an enum member's `.value` in a
default, `Boolean(create_constraint=True)` (a CHECK where booleans are not native)."""

import enum

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Status(str, enum.Enum):
    DRAFT = "draft"
    ACTIVE = "active"


class Version(Base):
    __tablename__ = "versions"
    __table_args__ = (
        sa.PrimaryKeyConstraint("workspace", "name", "major", name="versions_pk"),
        sa.Index("ix_versions_latest", "workspace", "name", sa.text("major DESC")),
        sa.Index("ix_versions_lower_name", sa.text("lower(name)")),
        sa.Index("ix_versions_cover", "workspace", postgresql_include=["status", "note"]),
    )

    workspace = sa.Column(sa.String(50))
    name = sa.Column(sa.String(100))
    major = sa.Column(sa.Integer, nullable=True)
    status = sa.Column(sa.String(20), nullable=False, server_default=sa.text(f"'{Status.DRAFT.value}'"))
    note = sa.Column(sa.String(200))
    is_latest = sa.Column(sa.Boolean(create_constraint=True), nullable=False)
