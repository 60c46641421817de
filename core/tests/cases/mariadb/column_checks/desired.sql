CREATE TABLE items (
  id int NOT NULL PRIMARY KEY,
  qty int,
  price decimal(12,2) CHECK (price > 0),
  code varchar(10) CHECK (char_length(code) > 1),
  name varchar(20) CHECK (name <> ''),
  stock int DEFAULT 0 CHECK (stock >= 0),
  CONSTRAINT named_rule CHECK (price < 100000)
);
