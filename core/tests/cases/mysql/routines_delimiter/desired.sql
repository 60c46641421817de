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
CREATE PROCEDURE q(IN a varchar(10))
BEGIN
  CASE
    WHEN a = 'x' THEN
      IF a IS NOT NULL THEN
        SET @r = 1;
      END IF;
    ELSE
      SET @r = CASE WHEN a = 'y' THEN 2 ELSE 3 END;
  END CASE;
  SELECT @r;
END;
CREATE TABLE u (id int primary key);
