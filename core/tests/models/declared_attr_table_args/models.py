"""`__table_args__` made by a `@declared_attr.directive` classmethod of a mixin, its indexes
naming the columns through `cls` (`cls.flow_id`, `cls.end_time.desc()`), as prefect's ORM
models write them."""
import datetime
from typing import Iterable, Optional

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


class Base(DeclarativeBase):
    pass


class RunMixin:
    id: Mapped[int] = mapped_column(primary_key=True)
    flow_id: Mapped[int]
    idempotency_key: Mapped[Optional[str]] = mapped_column(sa.String(200))
    state_type: Mapped[Optional[str]] = mapped_column(sa.String(20))
    start_time: Mapped[Optional[datetime.datetime]]
    expected_start_time: Mapped[Optional[datetime.datetime]]
    end_time: Mapped[Optional[datetime.datetime]]


class FlowRun(RunMixin, Base):
    __tablename__ = "flow_run"

    @declared_attr.directive
    @classmethod
    def __table_args__(cls) -> Iterable[sa.Index]:
        return (
            sa.Index(
                "uq_flow_run__flow_id_idempotency_key",
                cls.flow_id,
                cls.idempotency_key,
                unique=True,
            ),
            sa.Index("ix_flow_run__end_time_desc", cls.end_time.desc()),
            sa.Index("ix_flow_run__state_type", cls.state_type),
            sa.Index("ix_flow_run__state_type_start_time", cls.state_type, cls.start_time.asc()),
        )
