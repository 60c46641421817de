CREATE TABLE customer (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL DEFAULT 'unknown',
    tier TEXT CHECK (tier IN ('new', 'active', 'gone') OR tier IS NULL)
);
CREATE INDEX ix_customer_name ON customer (name);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customer (id),
    total INTEGER
);
CREATE TRIGGER orders_bump AFTER INSERT ON orders
BEGIN
    UPDATE customer SET tier = 'active' WHERE id = NEW.customer_id;
END;
CREATE TRIGGER customer_guard BEFORE DELETE ON customer
BEGIN
    SELECT RAISE(ABORT, 'customer has orders') WHERE EXISTS (SELECT 1 FROM orders WHERE customer_id = OLD.id);
END;
CREATE VIEW customer_orders AS SELECT c.name, o.total FROM customer c JOIN orders o ON o.customer_id = c.id;
