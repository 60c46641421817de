-- Issue 12 #2: a statement that does not start with a statement keyword is an error (E003),
-- not an "unsupported statement" warning that leaves the table out (and drops it).
CREATE TABLE users (id int PRIMARY KEY);
CREAT TABLE u (id int);
SELCT 1;
ALTR TABLE users ADD COLUMN name text;
hello world;
(SELECT 1);
CREATE TABL v (id int);
ALTER TABEL users ADD COLUMN email text;
CREATE OR REPLACE VEIW w AS SELECT 1;
CREATE TABLE after_the_errors (id int);
