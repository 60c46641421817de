CREATE TABLE users (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL,
  active tinyint(1) NOT NULL DEFAULT 1
);
CREATE VIEW active_users AS SELECT id, name FROM users WHERE active = 1;
CREATE SQL SECURITY DEFINER VIEW user_names AS SELECT id, name FROM users;
CREATE ALGORITHM=MERGE VIEW merged AS SELECT id FROM users;
