"""The same index declared twice alike: `index=True` under a naming convention that names it
`ix_artifact__key`, and `Index("ix_artifact__key", cls.key)` (as prefect's models do). create_all
emits it twice and the database refuses the second; it is read once, with a warning. A
`ddl_if` whose condition is a callable cannot be read."""

from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, registry


class Base(DeclarativeBase):
    registry = registry(
        metadata=sa.MetaData(naming_convention={"ix": "ix_%(table_name)s__%(column_0_N_name)s"})
    )


class Artifact(Base):
    __tablename__ = "artifact"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[Optional[str]] = mapped_column(index=True)

    @declared_attr.directive
    @classmethod
    def __table_args__(cls):
        return (
            sa.Index("ix_artifact__key", cls.key),
            sa.Index("ix_artifact_id_key", "id", "key").ddl_if(
                callable_=lambda ddl, target, bind, **kw: True
            ),
        )
