# autoincrement=True on a column of a composite primary key: SERIAL on PostgreSQL, AUTO_INCREMENT
# on MySQL / MariaDB (SQLAlchemy cannot compile it for SQLite). A key made from primary_key=True
# columns lists that column first (MySQL needs it to lead a key).
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Version(Base):
    __tablename__ = "versions"

    doc: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    body: Mapped[str | None] = mapped_column(sa.Text)

