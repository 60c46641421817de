CREATE TABLE line (
    id INTEGER PRIMARY KEY,
    qty INTEGER NOT NULL,
    unit_price REAL NOT NULL,
    total REAL AS (qty * unit_price) STORED,
    label TEXT AS ('x' || qty)
);
