CREATE TABLE item (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL,
    name TEXT COLLATE NOCASE,
    price NUMERIC,
    deleted_at TEXT
);
CREATE INDEX ix_item_name ON item (name);
CREATE INDEX ix_item_old ON item (price);
CREATE INDEX ix_item_before ON item (sku, price DESC);
