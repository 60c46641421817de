"""Column constructs read with a warning, or left out: `postgresql.ENUM(create_type=False)`
(create_all does not create the type on PostgreSQL: compared as its labels define it),
`Computed(persisted=False)` (PostgreSQL has no virtual generated columns: W001), and arguments
of `Computed`, `Sequence`, `CheckConstraint`, `Identity` and `literal` that are not literals."""

import os

from sqlalchemy import CheckConstraint, Column, Computed, Identity, Integer, Sequence, literal
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import declarative_base

Base = declarative_base()

NAME = "seq_" + str(1)


def start():
    return int(os.environ.get("START", "5"))


def expr():
    return os.environ.get("EXPR", "a * 2")


class Thing(Base):
    __tablename__ = "thing"
    id = Column(Integer, primary_key=True)
    kind = Column(postgresql.ENUM("x", "y", name="thing_kind", create_type=False))
    a = Column(Integer)
    virt = Column(Integer, Computed("a + 1", persisted=False))
    dyn = Column(Integer, Computed(expr()))
    seq = Column(Integer, Sequence(NAME))
    chk = Column(Integer, CheckConstraint(expr()))
    deferred_chk = Column(Integer, CheckConstraint("deferred_chk > 0", deferrable=True))
    ident = Column(Integer, Identity(start=start()))
    ratio = Column(Integer, server_default=literal(1.5))
