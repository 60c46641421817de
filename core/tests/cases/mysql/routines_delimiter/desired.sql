CREATE TABLE t (id int primary key);
CREATE PROCEDURE p(IN x int)
BEGIN
  DECLARE y int DEFAULT 0;
  lbl: LOOP
    SET y = y + 2;
    IF y > x THEN LEAVE lbl; END IF;
  END LOOP lbl;
  SELECT CASE WHEN y > 1 THEN 'a' ELSE 'b' END;
END;
CREATE FUNCTION f()
  RETURNS varchar(10)
  NO SQL
  RETURN 'x';
CREATE TABLE u (id int primary key);
