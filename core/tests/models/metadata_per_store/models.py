"""Core tables in several MetaData objects that declare the same table (dagster's run,
event log and schedule storages each declare `secondary_indexes`: create_all of each
skips a table that exists), and types that are a class's attributes."""

import sqlalchemy as db


class CompatibilityTypes:
    UniqueText = db.String(512)
    LongText = db.Text


RunStorageMetadata = db.MetaData()
EventLogStorageMetadata = db.MetaData()

RunsTable = db.Table(
    "runs",
    RunStorageMetadata,
    db.Column("id", db.Integer, primary_key=True, autoincrement=True),
    db.Column("run_id", CompatibilityTypes.UniqueText, unique=True),
    db.Column("run_body", CompatibilityTypes.LongText),
)

RunSecondaryIndexes = db.Table(
    "secondary_indexes",
    RunStorageMetadata,
    db.Column("id", db.Integer, primary_key=True, autoincrement=True),
    db.Column("name", CompatibilityTypes.UniqueText, unique=True),
    db.Column("migration_completed", db.DateTime),
)

EventLogsTable = db.Table(
    "event_logs",
    EventLogStorageMetadata,
    db.Column("id", db.Integer, primary_key=True, autoincrement=True),
    db.Column("event", CompatibilityTypes.LongText, nullable=False),
)

EventLogSecondaryIndexes = db.Table(
    "secondary_indexes",
    EventLogStorageMetadata,
    db.Column("id", db.Integer, primary_key=True, autoincrement=True),
    db.Column("name", CompatibilityTypes.UniqueText, unique=True),
    db.Column("migration_completed", db.DateTime),
)
