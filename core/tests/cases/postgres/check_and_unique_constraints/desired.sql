CREATE TABLE product (
  id int PRIMARY KEY,
  sku text UNIQUE,
  price numeric CHECK (price >= 0),
  CONSTRAINT sku_format CHECK (sku <> '' AND length(sku) < 40)
);
