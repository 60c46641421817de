-- Routines and events written by hand (no DEFINER, no DELIMITER): the dump in desired.sql has
-- the same `order_total` (as the server prints it: `RETURNS decimal(10,2)`, indented
-- characteristics, a DEFINER), a changed `add_order` body and `purge_orders` schedule, a new
-- procedure and event, and no `twice`.
CREATE TABLE orders (
  id int NOT NULL PRIMARY KEY,
  total decimal(10,2) NOT NULL DEFAULT 0
);
CREATE PROCEDURE add_order(IN p_id int, IN p_total decimal(10,2))
BEGIN
  INSERT INTO orders (id, total) VALUES (p_id, p_total);
END;
CREATE FUNCTION order_total(p_id int) RETURNS decimal(10,2)
READS SQL DATA
BEGIN
  DECLARE t decimal(10,2);
  SELECT total INTO t FROM orders WHERE id = p_id;
  RETURN t;
END;
CREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC RETURN x * 2;
CREATE EVENT purge_orders ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00'
DO DELETE FROM orders WHERE total = 0;
