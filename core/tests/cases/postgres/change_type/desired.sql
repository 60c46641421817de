CREATE TABLE events (
  id bigint PRIMARY KEY,
  name varchar(200) NOT NULL,
  payload text,
  happened_at timestamptz
);
