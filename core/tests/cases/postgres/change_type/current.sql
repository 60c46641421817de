CREATE TABLE events (
  id integer PRIMARY KEY,
  name varchar(50) NOT NULL,
  payload text,
  happened_at timestamp
);
