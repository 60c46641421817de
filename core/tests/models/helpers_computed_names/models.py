"""Columns built by helpers that check their arguments and compute names before they
return (zenml's `build_foreign_key_field`), names from `__tablename__`, items of literal
dicts."""

from typing import Any, List, Optional
from uuid import UUID

from sqlalchemy import Column, ForeignKey, Index, String
from sqlmodel import Field, SQLModel

LIMITS = {"name": 80, "key": 40}
TOKEN_LENGTH = 2**6 - 1


def foreign_key_constraint_name(source: str, target: str, source_column: str) -> str:
    """Alembic's naming of a foreign key."""
    return f"fk_{source}_{source_column}_{target}"


def build_foreign_key_field(
    source: str,
    target: str,
    source_column: str,
    target_column: str,
    ondelete: str,
    nullable: bool,
    custom_constraint_name: Optional[str] = None,
    **sa_column_kwargs: Any,
) -> Any:
    """A foreign key column with a named constraint."""
    if not nullable and ondelete == "SET NULL":
        raise ValueError("Cannot set ondelete to SET NULL if the field is not nullable.")
    constraint_name = custom_constraint_name or foreign_key_constraint_name(
        source=source,
        target=target,
        source_column=source_column,
    )
    if len(constraint_name) > 64:
        raise ValueError(f"Foreign key constraint name {constraint_name} is too long.")
    return Field(
        sa_column=Column(
            ForeignKey(
                f"{target}.{target_column}",
                name=constraint_name,
                ondelete=ondelete,
            ),
            nullable=nullable,
            **sa_column_kwargs,
        ),
    )


def get_index_name(table_name: str, column_names: List[str]) -> str:
    """zenml's index names, cut short."""
    columns = "_".join(column_names)
    return f"ix_{table_name}_{columns}"[:60]


def build_index(table_name: str, column_names: List[str], **kwargs: Any) -> Index:
    name = get_index_name(table_name=table_name, column_names=column_names)
    return Index(name, *column_names, **kwargs)


class UserSchema(SQLModel, table=True):
    __tablename__ = "user"

    id: UUID = Field(primary_key=True)
    name: str = Field(sa_column=Column(String(LIMITS["name"]), nullable=False))


class ApiKeySchema(SQLModel, table=True):
    __tablename__ = "api_key"
    __table_args__ = (Index(f"ix_{__tablename__}_key", "key"),)

    id: UUID = Field(primary_key=True)
    key: str = Field(sa_column=Column(String(LIMITS["key"]), nullable=False))
    owner_id: UUID = build_foreign_key_field(
        source=__tablename__,
        target=UserSchema.__tablename__,
        source_column="owner_id",
        target_column="id",
        ondelete="CASCADE",
        nullable=False,
    )
    creator_id: Optional[UUID] = build_foreign_key_field(
        source=__tablename__,
        target=UserSchema.__tablename__,
        source_column="creator_id",
        target_column="id",
        ondelete="SET NULL",
        nullable=True,
        custom_constraint_name="fk_api_key_creator",
    )


class ApiKeyTokenSchema(SQLModel, table=True):
    """One token per key: its id is the key's (a primary key passed through **kwargs)."""

    __tablename__ = "api_key_token_with_a_rather_long_table_name_for_the_index"
    __table_args__ = (
        build_index(
            table_name=__tablename__,
            column_names=["token", "issued_by_the_service_account_of_the_key"],
            unique=True,
        ),
    )

    id: UUID = build_foreign_key_field(
        source=__tablename__,
        target=ApiKeySchema.__tablename__,
        source_column="id",
        target_column="id",
        ondelete="CASCADE",
        nullable=False,
        custom_constraint_name="fk_api_key_token_id",
        primary_key=True,
    )
    token: str = Field(sa_column=Column(String(TOKEN_LENGTH), nullable=False))
    issued_by_the_service_account_of_the_key: Optional[str] = Field(default=None, max_length=20)
