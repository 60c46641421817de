"""The application's models one step past the history's head (item.sku and a note table are
new): what offline autogenerate (`schemashift diff versions models.py --format alembic -o
versions`) writes the next revision for; cli/tests/alembic_history.py then runs it with real
Alembic and requires `alembic check` against these models to be clean."""

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "item"
    __table_args__ = (sa.Index("ix_item_name", "name"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    name = mapped_column(sa.String(50), nullable=True)
    price = mapped_column(sa.Numeric(10, 2), nullable=True)
    sku = mapped_column(sa.String(20), nullable=True)


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    label = mapped_column(sa.String(30), nullable=False, unique=True)


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    item_id = mapped_column(sa.Integer, sa.ForeignKey("item.id"), nullable=False)
    body = mapped_column(sa.Text, nullable=False)
