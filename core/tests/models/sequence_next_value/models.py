"""`server_default=seq.next_value()` with `seq = Sequence(...)` at module level (also given
to the column): PostgreSQL creates the sequence before the table and the column's default is
`nextval('seq')` (schema-qualified when the Sequence has one). SQLAlchemy cannot compile it for
SQLite, and for MySQL writes MariaDB's `nextval(seq)` (not read yet): PostgreSQL only."""

from sqlalchemy import Column, Integer, Sequence
from sqlalchemy.orm import declarative_base

Base = declarative_base()

order_no = Sequence("order_no_seq", start=500)


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    number = Column(Integer, order_no, server_default=order_no.next_value(), nullable=False)
