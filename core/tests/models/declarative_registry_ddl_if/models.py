"""A `DeclarativeBase` whose `registry = registry(metadata=MetaData(naming_convention=...),
type_annotation_map={...})` (SQLAlchemy's documented spelling) gives the tables their names and
the `Mapped[...]` columns their types, and `__table_args__` entries with `.ddl_if(dialect=...)`
that exist only on the dialects named."""

import uuid
from typing import Any, ClassVar, Optional

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, registry
from sqlalchemy.orm.decl_api import registry as RegistryType


class Base(DeclarativeBase):
    registry: ClassVar[RegistryType] = registry(
        metadata=sa.MetaData(
            naming_convention={
                "ix": "ix_%(table_name)s__%(column_0_N_name)s",
                "uq": "uq_%(table_name)s__%(column_0_N_name)s",
                "ck": "ck_%(table_name)s__%(constraint_name)s",
                "fk": "fk_%(table_name)s__%(column_0_N_name)s__%(referred_table_name)s",
                "pk": "pk_%(table_name)s",
            }
        ),
        type_annotation_map={
            uuid.UUID: sa.Uuid,
            dict[str, Any]: sa.JSON,
            str: sa.String(200),
        },
    )


class Flow(Base):
    __tablename__ = "flow"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    tags: Mapped[dict[str, Any]]
    note: Mapped[Optional[str]] = mapped_column(index=True)

    __table_args__ = (
        sa.Index("ix_flow_name_pg", "name", postgresql_using="hash").ddl_if(
            dialect="postgresql"
        ),
        sa.Index("ix_flow_name_lite", "name", "note").ddl_if(dialect="sqlite"),
        sa.Index("ix_flow_note_my", "note").ddl_if(dialect=("mysql", "mariadb")),
        sa.CheckConstraint("length(name) > 0", name="name_set").ddl_if(dialect=None),
    )


class FlowRun(Base):
    __tablename__ = "flow_run"
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    flow_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("flow.id", ondelete="CASCADE"))
    state: Mapped[Optional[str]] = mapped_column(index=True)
