CREATE TABLE items (
  id int NOT NULL PRIMARY KEY,
  price decimal(10,2) NOT NULL,
  qty int NOT NULL DEFAULT 1,
  name varchar(100) NOT NULL,
  total decimal(12,2) GENERATED ALWAYS AS (price * qty) STORED,
  name_upper varchar(100) AS (UPPER(name)) VIRTUAL,
  KEY idx_total (total)
);
CREATE VIEW cheap_items AS SELECT id, name, price FROM items WHERE price < 5;
CREATE TRIGGER items_bi BEFORE INSERT ON items FOR EACH ROW
BEGIN
  IF NEW.qty < 0 THEN
    SET NEW.qty = 0;
  END IF;
  SET NEW.name = TRIM(NEW.name);
END;
