# autoincrement=True on a column of a composite primary key: SERIAL on PostgreSQL; SQLAlchemy
# raises CompileError for SQLite ("SQLite does not support autoincrement for composite primary
# keys"): a W001 there.
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Version(Base):
    __tablename__ = "versions"

    doc: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
