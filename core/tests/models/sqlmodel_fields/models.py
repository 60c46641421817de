# Field(...) options, sa_column / sa_column_kwargs, server defaults, names from constants.
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Optional

import sqlalchemy as sa
from sqlalchemy import Column, DateTime, Text, func, text
from sqlalchemy.dialects import postgresql
from sqlmodel import Field, SQLModel

PREFIX = "shop"
ORDERS = f"{PREFIX}_orders"

Money = Annotated[Decimal, Field(max_digits=12, decimal_places=2)]


class Customer(SQLModel, table=True):
    __tablename__ = PREFIX + "_customers"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=320, unique=True, index=True)
    display_name: str = Field(max_length=80, sa_column_kwargs={"comment": "shown in the UI"})
    active: bool = Field(default=True, sa_column_kwargs={"server_default": text("true")})
    born: Optional[date] = None
    notes: str | None = Field(default=None, sa_type=Text)


class Order(SQLModel, table=True):
    __tablename__ = ORDERS

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="shop_customers.id", ondelete="CASCADE", index=True)
    total: Money
    discount: Decimal | None = Field(default=None, max_digits=5, decimal_places=2)
    placed_at: datetime = Field(
        sa_column=Column(DateTime(timezone=True), server_default=func.now(), nullable=False)
    )
    reference: str = Field(sa_column=Column("ref", sa.String(32), unique=True, nullable=False))
    quantity: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    big: int = Field(sa_type=sa.BigInteger)


class OrderLine(SQLModel, table=True):
    order_id: int = Field(foreign_key="shop_orders.id", primary_key=True)
    line_no: int = Field(primary_key=True)
    sku: str = Field(max_length=40)
    price: Money
