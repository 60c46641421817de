"""Columns built by helpers that check their arguments and compute names before they
return (zenml's `build_foreign_key_field`), names from `__tablename__`, items of literal
dicts."""

from typing import Any, Optional
from uuid import UUID

from sqlalchemy import Column, ForeignKey, Index, String
from sqlmodel import Field, SQLModel

LIMITS = {"name": 80, "key": 40}


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
        ),
    )


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
