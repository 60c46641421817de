-- Views written by hand; current.sql is pg_dump -s --no-owner of the database this file builds
-- (PostgreSQL 15). pg_dump qualifies columns, drops an alias equal to the column's name,
-- writes table aliases without AS and puts every join in parentheses.
CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE TABLE posts (id int PRIMARY KEY, user_id int NOT NULL, title text);
CREATE VIEW active_users AS SELECT id, name FROM users WHERE active;
CREATE VIEW user_names AS SELECT u.id AS user_id, u.name AS name FROM users AS u;
CREATE VIEW post_counts AS SELECT p.user_id, count(*) AS posts FROM posts p GROUP BY p.user_id;
CREATE VIEW user_posts AS SELECT users.id, posts.id AS post_id, posts.title FROM users JOIN posts ON posts.user_id = users.id;
CREATE VIEW nested AS SELECT u.id FROM (users u JOIN posts p ON p.user_id = u.id) LEFT JOIN posts q ON q.id = p.id;
CREATE VIEW flat AS SELECT u.id, q.title FROM users u JOIN posts p ON p.user_id = u.id LEFT JOIN posts q ON q.id = p.id JOIN users w ON w.id = q.user_id;
CREATE VIEW sub AS SELECT s.id FROM (SELECT id FROM users) s JOIN (posts p JOIN users z ON z.id = p.user_id) ON p.id = s.id;
