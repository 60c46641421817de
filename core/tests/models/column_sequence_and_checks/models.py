"""`Sequence(...)` given to a column: PostgreSQL creates it before the table (with its options)
and the key is INTEGER, not SERIAL (the sequence's nextval is a client-side default); the other
dialects ignore it (MySQL's AUTO_INCREMENT stays). `optional=True` sequences are not created
where SERIAL exists. `CheckConstraint(...)` passed to a `Column` is written at the column,
named or not, and a table naming convention names the unnamed ones (`%(column_0_name)s` is
empty for them). A Sequence or CheckConstraint assigned to a name first is read through it.
Not on MariaDB: the server refuses a named check at the column (`CONSTRAINT n CHECK ..`), which
SQLAlchemy's MariaDB compiler writes there."""

from sqlalchemy import BigInteger, CheckConstraint, Column, Integer, MetaData, Sequence, String, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declarative_base, mapped_column

Base = declarative_base()

shared_seq = Sequence("shared_seq", increment=2)
non_negative = CheckConstraint("qty >= 0", name="qty_non_negative")


class Person(Base):
    __tablename__ = "person"
    id = Column(Integer, Sequence("person_id_seq"), primary_key=True)
    age = Column(Integer, CheckConstraint("age >= 0", name="age_positive"))
    score = Column(Integer, CheckConstraint("score < 100"))
    code = Column(String(10), CheckConstraint(text("code <> ''")), nullable=False)


class Invoice(Base):
    __tablename__ = "invoice"
    id = Column(BigInteger, Sequence("invoice_no", start=1000, increment=10, cache=5), primary_key=True)
    ref = Column(Integer, Sequence("invoice_ref_seq", minvalue=1, maxvalue=999, cycle=False))


class Stock(Base):
    __tablename__ = "stock"
    id = Column(Integer, primary_key=True)
    qty = Column(Integer, non_negative)
    batch = Column(Integer, shared_seq)


class Loose(Base):
    __tablename__ = "loose"
    id = Column(Integer, Sequence("loose_id_seq", optional=True), primary_key=True)


class ConvBase(DeclarativeBase):
    metadata = MetaData(naming_convention={"ck": "ck_%(table_name)s_%(constraint_name)s"})


class Gauge(ConvBase):
    __tablename__ = "gauge"
    id: Mapped[int] = mapped_column(Sequence("gauge_seq", data_type=BigInteger), primary_key=True)
    level: Mapped[int] = mapped_column(CheckConstraint("level between 0 and 10", name="level_range"))
