CREATE TABLE product (
  id int PRIMARY KEY,
  sku text UNIQUE,
  price numeric CHECK (price >= 0),
  CONSTRAINT sku_format CHECK (sku ~ '^[A-Z]{3}-[0-9]+$')
);
