"""Types made by the application's helper functions (Airflow's StringID, a Money helper with a
local name), called with and without arguments."""
import sqlalchemy as sa
from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID_LEN = 250
COLLATION_ARGS = {}


def StringID(*, length=ID_LEN, **kwargs) -> String:
    return String(length=length, **kwargs, **COLLATION_ARGS)


def Money(precision=12):
    scale = 2
    return sa.Numeric(precision, scale)


class Base(DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "task"
    task_id: Mapped[str] = mapped_column(StringID(), primary_key=True)
    dag_id: Mapped[str] = mapped_column(StringID(length=100), nullable=False)
    price = sa.Column(Money())
    total = sa.Column(Money(18))
