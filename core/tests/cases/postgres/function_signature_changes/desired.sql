CREATE TABLE items (id int PRIMARY KEY, price numeric);
CREATE FUNCTION total(p numeric) RETURNS double precision LANGUAGE sql AS $$ SELECT (p * 2)::float8 $$;
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER items_stamp BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE VIEW priced AS SELECT id, total(price) AS t FROM items;
CREATE FUNCTION listing() RETURNS TABLE (id int, price numeric) LANGUAGE sql AS $$ SELECT id, price FROM items $$;
CREATE FUNCTION greet(who text DEFAULT 'you') RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || who $$;
CREATE FUNCTION body_only(n int) RETURNS int LANGUAGE sql AS $$ SELECT n + 1 $$;
