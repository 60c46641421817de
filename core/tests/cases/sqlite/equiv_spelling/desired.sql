CREATE TABLE products (
    id INTEGER,
    name TEXT COLLATE NOCASE NOT NULL,
    price NUMERIC( 10, 2 ) DEFAULT (0),
    PRIMARY KEY (id),
    CHECK (price >= 0)
);
CREATE INDEX idx_products_name ON products (Name);
CREATE VIEW cheap AS SELECT id, name FROM products WHERE price < 10;
