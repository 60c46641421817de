"""Table names computed in `declared_attr` functions by the idioms real projects use: `%` and
`.format()` over the class name, a per-subclass class attribute (`f"ohlcv_{cls._gran}"`), a
character-by-character `"".join(...)` snake case with a conditional expression, slices,
`removesuffix`, and a body of assignments and `if`/`elif`/`else` on class attributes before the
`return`."""
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


class Base(DeclarativeBase):
    pass


class Candles:
    _gran: str

    @declared_attr.directive
    @classmethod
    def __tablename__(cls) -> str:
        return f"ohlcv_{cls._gran}"

    id: Mapped[int] = mapped_column(primary_key=True)
    close: Mapped[int]


class CandlesMinute(Candles, Base):
    _gran = "1m"


class CandlesHour(Candles, Base):
    _gran = "1h"


class Prefixed:
    @declared_attr
    def __tablename__(cls):
        return "tbl_%s" % cls.__name__.lower()

    id = Column(Integer, primary_key=True)


class Widget(Prefixed, Base):
    name = Column(String(20))


class Formatted:
    @declared_attr
    def __tablename__(cls):
        return "{}_items".format(cls.__name__.lower())

    id = Column(Integer, primary_key=True)


class Gadget(Formatted, Base):
    widget_id = Column(ForeignKey("tbl_widget.id"))


class Snake:
    @declared_attr
    def __tablename__(cls):
        return "".join("_" + c.lower() if c.isupper() else c for c in cls.__name__).lstrip("_")

    id = Column(Integer, primary_key=True)


class UserAccount(Snake, Base):
    gadget_id = Column(ForeignKey("gadget_items.id"))


class ApiKeyRecord(Snake, Base):
    user_account_id = Column(ForeignKey("user_account.id"))


class Trimmed:
    @declared_attr
    def __tablename__(cls):
        name = cls.__name__.removesuffix("Model")
        first = name[0].lower()
        return first + name[1:] + "s"

    id = Column(Integer, primary_key=True)


class OrderLineModel(Trimmed, Base):
    quantity = Column(Integer, nullable=False)


class Listed:
    @declared_attr
    def __tablename__(cls):
        return "_".join([c.lower() for c in cls.__name__ if c.isupper() or c.isdigit()])

    id = Column(Integer, primary_key=True)


class ShippingZone2(Listed, Base):
    pass


class Scoped:
    scope: str

    @declared_attr
    def __tablename__(cls):
        if cls.scope.startswith("10."):
            kind = "private"
        elif cls.scope == "shared":
            kind = "shared"
        else:
            kind = "public"
        return f"lease_{kind}_" + cls.__name__.lower()

    id = Column(Integer, primary_key=True)


class Office(Scoped, Base):
    scope = "10.0.0.0"


class Lab(Scoped, Base):
    scope = "shared"


class Dmz(Scoped, Base):
    scope = "192.0.2.0"
