-- A view's SQL SECURITY, ALGORITHM and CHECK OPTION are part of it: a change recreates it
-- with them (DEFINER and UNDEFINED are the defaults, written or not).
CREATE TABLE users (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL,
  active tinyint(1) NOT NULL DEFAULT 1
);
CREATE VIEW active_users AS SELECT id, name FROM users WHERE active = 1 WITH LOCAL CHECK OPTION;
CREATE SQL SECURITY INVOKER VIEW user_names AS SELECT id, name FROM users;
CREATE ALGORITHM=UNDEFINED DEFINER=CURRENT_USER SQL SECURITY DEFINER VIEW merged AS SELECT id FROM users;
