CREATE TABLE events (
  id int NOT NULL PRIMARY KEY,
  kind varchar(20) NOT NULL,
  qty int CHECK (qty >= 0)
);
