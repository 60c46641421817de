-- sqlite3 .schema output given with the PostgreSQL dialect: the error says which to choose.
PRAGMA foreign_keys=OFF;
CREATE TABLE tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL);
