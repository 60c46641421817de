CREATE TABLE events (
  id int NOT NULL PRIMARY KEY,
  kind varchar(20) NOT NULL,
  payload json,
  note text
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
