"""The CHECK constraints SQLAlchemy's schema types add with `create_constraint=True`: an
Enum's `CHECK (col IN (...))` where the enum is not native (SQLite always, any dialect with
`native_enum=False`), named by the enum's name (a class's lower-cased name by default) and the
naming convention; a Boolean's `CHECK (col IN (0, 1))` where booleans are not native, named by
its `name=`. SQLModel's `Field(sa_type=Enum(..., create_constraint=True))` too."""
import enum

from sqlalchemy import Boolean, Column, Enum, Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={"ck": "ck_%(table_name)s_%(constraint_name)s"})


class Mood(enum.Enum):
    happy = 1
    sad = 2


class Size(str, enum.Enum):
    small = "s"
    large = "l"


class Person(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    mood: Mapped[Mood] = mapped_column(Enum(Mood, create_constraint=True))
    size: Mapped[Size] = mapped_column(
        Enum(Size, create_constraint=True, native_enum=False, name="size_kind", length=10)
    )
    active: Mapped[bool] = mapped_column(Boolean(create_constraint=True, name="active_flag"))
    plain: Mapped[Mood] = mapped_column(Enum(Mood, name="plain_mood"))


legacy = Table(
    "legacy",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("state", Enum("new", "old", name="legacy_state", create_constraint=True)),
    Column("flag", Boolean(create_constraint=True)),
    Column("label", String(20)),
)


class Badge(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    tier: Mood = Field(sa_type=Enum(Mood, create_constraint=True, name="badge_tier"))
