-- SQLite keeps any declared type (it only gives it an affinity), so only a likely typo of a
-- known type name is reported (issue 12 #3): `integr` gets NUMERIC affinity, not INTEGER.
CREATE TABLE task (
    id integr PRIMARY KEY,
    title VARCHR(200),
    shape GEOMETRY,
    created DATETIME,
    flags UNSIGNED BIG INT,
    price NUMERIC(10, 2),
    data JSON
);
