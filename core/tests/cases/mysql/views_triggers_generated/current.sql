CREATE TABLE items (
  id int NOT NULL PRIMARY KEY,
  price decimal(10,2) NOT NULL,
  qty int NOT NULL DEFAULT 1,
  name varchar(100) NOT NULL
);
CREATE VIEW cheap_items AS SELECT id, name FROM items WHERE price < 10;
CREATE TRIGGER items_bi BEFORE INSERT ON items FOR EACH ROW SET NEW.name = TRIM(NEW.name);
