"""Table names computed through lists of strings: `re.findall` joined, `str.split` /
`rsplit` (with and without a separator and a maximum) indexed or sliced and joined, a list in
a helper's local name, and the module's own name (`cls.__module__.split(".")[-1]`)."""

import re

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


def words_of(name):
    return "_".join(re.findall("[A-Z][^A-Z]*", name)).lower()


def last_word(name):
    return re.findall("([A-Z][a-z0-9]*)", name)[-1].lower()


def dotted_tail(path):
    """A helper with a list in a local name."""
    parts = path.split(".")
    rest = parts[1:]
    return "_".join(rest) + "_" + parts[0]


class Base(DeclarativeBase):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return words_of(cls.__name__)

    id: Mapped[int] = mapped_column(primary_key=True)


class UserAccount(Base):
    name: Mapped[str] = mapped_column(sa.String(50))


class OrderLineItem(Base):
    qty: Mapped[int]


class ArchivedInvoice(Base):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return last_word(cls.__name__) + "_archive"

    total: Mapped[int]


class ModuleScoped(Base):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__module__.split(".")[-1] + "_" + cls.__name__.lower()

    x: Mapped[int]


class Scoped(Base):
    scope = "org.team.project"

    @declared_attr.directive
    def __tablename__(cls) -> str:
        return "_".join(cls.scope.split(".")[1:]) + "_" + cls.scope.rsplit(".", 1)[0].split(".")[0]

    y: Mapped[int]


class Dotted(Base):
    path = "core.billing.ledger"

    @declared_attr.directive
    def __tablename__(cls) -> str:
        return dotted_tail(cls.path)

    v: Mapped[int]


class Spaced(Base):
    label = "  audit   trail entry "

    @declared_attr.directive
    def __tablename__(cls) -> str:
        return "_".join(w for w in cls.label.split() if w != "entry")

    z: Mapped[int]


class Limited(Base):
    path = "a-b-c-d"

    @declared_attr.directive
    def __tablename__(cls) -> str:
        return "_".join(cls.path.split("-", 2)).replace("-", "")

    w: Mapped[int]
