-- Bug (issue 11, issue 12 #10): PostgreSQL merges identical key constraints of one CREATE TABLE
-- into one; that rule ran for SQLite too, so the UNIQUE that SQLAlchemy writes next to a primary
-- key was lost. SQLite keeps both (a second index, sqlite_autoindex_tag_2).
CREATE TABLE users (id INTEGER PRIMARY KEY);
CREATE TABLE tag (
    name VARCHAR(50) NOT NULL,
    PRIMARY KEY (name),
    UNIQUE (name)
);
