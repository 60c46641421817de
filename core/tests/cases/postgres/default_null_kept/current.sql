-- A table with nullable columns: DEFAULT NULL written in any spelling is no default, the same
-- as none (nothing to change), but a table or column created from a definition that writes it
-- is created with it, as PostgreSQL stores it (`NULL::character varying`).
CREATE TABLE users (
    id integer PRIMARY KEY,
    name varchar(40) DEFAULT NULL::character varying,
    note text
);
