-- MariaDB: CONVERT TO CHARACTER SET also converts a JSON column (a utf8mb4_bin LONGTEXT
-- there), which is restated as JSON after it; a TEXT column it grows is restated too.
CREATE TABLE events (
  id int NOT NULL PRIMARY KEY,
  kind varchar(20) NOT NULL,
  payload json,
  note text
) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;
