CREATE TABLE author (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE book (
    id INTEGER PRIMARY KEY,
    author_id INTEGER REFERENCES author (id) ON DELETE CASCADE,
    isbn TEXT UNIQUE,
    pages INTEGER CHECK (pages > 0),
    CONSTRAINT book_isbn_len CHECK (length(isbn) <= 17)
);
