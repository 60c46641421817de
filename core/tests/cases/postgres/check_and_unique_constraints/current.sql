CREATE TABLE product (id int PRIMARY KEY, sku text, price numeric CHECK (price > 0));
