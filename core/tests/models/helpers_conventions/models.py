# A naming convention assigned to SQLModel's metadata, helper functions building fields and
# columns, an association Table() on SQLModel.metadata, a link model with a composite key.
from datetime import datetime
from typing import Optional

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def created_at_field():
    return Field(
        default_factory=datetime.utcnow,
        sa_column_kwargs={"server_default": sa.text("CURRENT_TIMESTAMP")},
    )


def money_column():
    return sa.Column(sa.Numeric(12, 2), nullable=False, server_default="0")


class Account(SQLModel, table=True):
    __table_args__ = (
        sa.UniqueConstraint("owner", "label"),
        sa.CheckConstraint("length(label) > 0", name="label_not_empty"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    owner: str = Field(max_length=50)
    label: str = Field(max_length=50)
    balance: float = Field(sa_column=money_column())
    created_at: datetime = created_at_field()


class Transfer(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="account.id", index=True)
    target_id: int = Field(foreign_key="account.id", index=True)
    amount: float = Field(sa_column=money_column())
    created_at: datetime = created_at_field()


transfer_tag = sa.Table(
    "transfer_tag",
    SQLModel.metadata,
    sa.Column("transfer_id", sa.ForeignKey("transfer.id"), primary_key=True),
    sa.Column("tag", sa.String(30), primary_key=True),
)
