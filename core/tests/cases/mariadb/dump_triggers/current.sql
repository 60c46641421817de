-- Triggers written by hand (no DEFINER, no DELIMITER): the dump in desired.sql has the same
-- `orders_bi` trigger (in versioned comments, with a DEFINER), a changed `orders_bu` body and
-- a new `items_ai` trigger.
CREATE TABLE orders (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  total decimal(10,2) NOT NULL DEFAULT 0,
  status varchar(20) NOT NULL DEFAULT 'new',
  updated_at datetime NULL
);
CREATE TABLE items (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id int NOT NULL,
  price decimal(10,2) NOT NULL
);
CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW
BEGIN
  IF NEW.total < 0 THEN
    SET NEW.total = 0;
  END IF;
END;
CREATE TRIGGER orders_bu BEFORE UPDATE ON orders FOR EACH ROW SET NEW.updated_at = NOW();
