-- A generated column becomes a plain one keeping its values (DROP EXPRESSION); a changed expression
-- is dropped and added (values computed again); DOWN turns the plain column back (issue 13.6).
CREATE TABLE prices (id int PRIMARY KEY, amount numeric, taxed numeric GENERATED ALWAYS AS (amount * 1.2) STORED, label text GENERATED ALWAYS AS ('#' || id) STORED);
