CREATE TABLE author (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE book (
    id INTEGER PRIMARY KEY,
    author_id INTEGER,
    isbn TEXT,
    pages INTEGER
);
