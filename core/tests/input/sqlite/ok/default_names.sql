-- SQLite keeps unnamed constraints per table: the names schemashift gives them are internal,
-- table_columns_label (the naming convention of the Alembic batch operations), numbered only
-- when taken in the same table; a PRIMARY KEY and a UNIQUE on the same columns are both kept.
CREATE TABLE tag (
    name VARCHAR(50) NOT NULL,
    PRIMARY KEY (name),
    UNIQUE (name),
    CHECK (length(name) > 0),
    CHECK (name <> 'x')
);
CREATE INDEX tag_name_key ON tag (name);
