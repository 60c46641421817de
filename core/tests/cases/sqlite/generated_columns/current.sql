CREATE TABLE line (
    id INTEGER PRIMARY KEY,
    qty INTEGER NOT NULL,
    unit_price REAL NOT NULL
);
