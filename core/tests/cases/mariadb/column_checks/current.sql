-- MariaDB keeps a column's own CHECK in the column's definition (named after the column):
-- DROP CONSTRAINT cannot drop it (ERROR 1091), a MODIFY COLUMN without it does, and every
-- MODIFY COLUMN of the column must restate it.
CREATE TABLE items (
  id int NOT NULL PRIMARY KEY,
  qty int CHECK (qty >= 0),
  price decimal(10,2) CHECK (price > 0),
  code varchar(10) CHECK (code <> ''),
  name varchar(20),
  CONSTRAINT named_rule CHECK (price < 100000)
);
