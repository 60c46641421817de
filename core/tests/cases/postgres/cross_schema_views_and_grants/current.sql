-- Tables with foreign keys across schemas dropped in dependency order, NULL::type columns of a
-- view, a POSIX collation, and GRANT/REVOKE on a view compared like a table's (issue 13.8, 13.9).
CREATE SCHEMA b;
CREATE SCHEMA a;
CREATE TABLE b.customers (id int PRIMARY KEY, name text COLLATE "POSIX");
CREATE TABLE a.orders (id int PRIMARY KEY, customer_id int REFERENCES b.customers(id));
CREATE VIEW a.v AS SELECT id, NULL::text AS note, NULL::int AS n FROM a.orders;
CREATE TABLE app_user (id int PRIMARY KEY);
CREATE VIEW user_view AS SELECT id FROM app_user;
GRANT SELECT ON user_view TO PUBLIC;
GRANT SELECT, INSERT ON app_user TO PUBLIC;
