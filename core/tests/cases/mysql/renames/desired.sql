CREATE TABLE `users` ( -- schemashift: renamed from user
  id int NOT NULL PRIMARY KEY,
  display_name varchar(100), -- schemashift: renamed from fullname
  KEY idx_display_name (display_name)
);
