# Keys on MySQL / MariaDB: which integer column gets AUTO_INCREMENT (SQLAlchemy's rule), naming
# conventions, unique indexes, composite keys.
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    metadata = sa.MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (sa.CheckConstraint("balance >= 0", name="balance_positive"),)

    id: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(200), unique=True, index=True)
    handle: Mapped[str] = mapped_column(sa.String(40), unique=True)
    balance: Mapped[int] = mapped_column(server_default=sa.text("0"))


class Profile(Base):
    # An integer key that is also a foreign key: no AUTO_INCREMENT.
    __tablename__ = "profiles"

    account_id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    bio: Mapped[str | None] = mapped_column(sa.Text)


class Counter(Base):
    # autoincrement=True with a server default: the default wins on MySQL.
    __tablename__ = "counters"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True, server_default="7")
    name: Mapped[str] = mapped_column(sa.String(20))


class Entry(Base):
    # A composite key: no AUTO_INCREMENT.
    __tablename__ = "entries"

    account_id: Mapped[int] = mapped_column(sa.BigInteger, sa.ForeignKey("accounts.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True)
    amount: Mapped[int]
