-- Result type, RETURNS TABLE columns and parameter defaults change: DROP FUNCTION + CREATE, with the
-- view calling it dropped before and recreated after (issue 13.3).
CREATE TABLE items (id int PRIMARY KEY, price numeric);
CREATE FUNCTION total(p numeric) RETURNS numeric LANGUAGE sql AS $$ SELECT p * 2 $$;
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER items_stamp BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION stamp();
CREATE VIEW priced AS SELECT id, total(price) AS t FROM items;
CREATE FUNCTION listing() RETURNS TABLE (id int) LANGUAGE sql AS $$ SELECT id FROM items $$;
CREATE FUNCTION greet(who text DEFAULT 'world') RETURNS text LANGUAGE sql AS $$ SELECT 'hi ' || who $$;
CREATE FUNCTION body_only(n int) RETURNS int LANGUAGE sql AS $$ SELECT n $$;
