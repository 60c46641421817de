-- The views of a schema written by hand; current.sql is mariadb-dump's output of the
-- database this file builds (MariaDB 10.11). The two are the same schema: the server
-- qualifies and aliases every output column (`t`.`id` AS `id`), quotes every name, stores
-- count(*) as count(0), and writes ALGORITHM, DEFINER and SQL SECURITY in versioned comments.
CREATE TABLE users (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL,
  active tinyint(1) NOT NULL DEFAULT 1
);
CREATE TABLE posts (
  id int NOT NULL PRIMARY KEY,
  user_id int NOT NULL,
  title varchar(100)
);
CREATE VIEW active_users AS SELECT id, name FROM users WHERE active = 1;
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW user_names AS SELECT u.id AS user_id, u.name FROM users u;
CREATE VIEW checked_users AS SELECT id, name, active FROM users WHERE active = 1 WITH CHECK OPTION;
CREATE ALGORITHM=TEMPTABLE VIEW post_counts AS
  SELECT p.user_id, count(*) AS posts FROM posts p GROUP BY p.user_id;
CREATE VIEW user_posts AS
  SELECT users.id, posts.id AS post_id, posts.title FROM users JOIN posts ON posts.user_id = users.id;
CREATE VIEW post_pairs AS
  SELECT u.name, p.title, q.title AS other
  FROM users u JOIN posts p ON p.user_id = u.id LEFT JOIN posts q ON q.user_id = u.id AND q.id <> p.id;
