-- MariaDB names a column's own check after the column (`qty`), and keeps JSON as LONGTEXT
-- with a `json_valid` check.
CREATE TABLE events (
  id int NOT NULL PRIMARY KEY,
  kind varchar(20) NOT NULL,
  qty int CHECK (qty >= 0),
  payload json,
  CHECK (kind IN ('click', 'view'))
);
