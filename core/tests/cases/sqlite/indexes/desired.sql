CREATE TABLE item (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL,
    name TEXT COLLATE NOCASE,
    price NUMERIC,
    deleted_at TEXT
);
CREATE UNIQUE INDEX ux_item_sku_live ON item (sku) WHERE deleted_at IS NULL;
CREATE INDEX ix_item_name ON item (name COLLATE BINARY);
CREATE INDEX ix_item_lower_name ON item (lower(name));
CREATE INDEX ix_item_after ON item (sku, price DESC);
