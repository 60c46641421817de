"""Primary key columns given `nullable=True` (as cinder's `encryption_id` is): SQLAlchemy writes
no NOT NULL for them, and SQLite keeps such a column nullable; without `nullable=` a key column
is NOT NULL."""

import sqlalchemy as sa

metadata = sa.MetaData()

encryption = sa.Table(
    "encryption",
    metadata,
    sa.Column("encryption_id", sa.String(36), primary_key=True, nullable=True),
    sa.Column("volume_type_id", sa.String(36), primary_key=True),
    sa.Column("provider", sa.String(255), nullable=False),
)

keys = sa.Table(
    "keys",
    metadata,
    sa.Column("name", sa.String(40), nullable=True),
    sa.Column("scope", sa.String(40)),
    sa.PrimaryKeyConstraint("name", "scope"),
)
