# String without a length: SQLAlchemy raises CompileError ("VARCHAR requires a length on
# dialect mysql") for MySQL and MariaDB; SQLModel's `str` fields (AutoString) get VARCHAR(255).
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    body: Mapped[str] = mapped_column(sa.String)
    summary: Mapped[str | None] = mapped_column(sa.Unicode)
    slug: Mapped[str] = mapped_column(sa.String(80))
    # SQLAlchemy's MySQL compiler writes this default 'C:\\temp' (backslashes escaped).
    folder: Mapped[str] = mapped_column(sa.String(40), server_default="C:\\temp")


class Note(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    text: str
    tags: list[str] = Field(sa_type=sa.ARRAY(sa.String(20)))
