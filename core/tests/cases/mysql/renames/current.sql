CREATE TABLE `user` (
  id int NOT NULL PRIMARY KEY,
  fullname varchar(100),
  KEY idx_fullname (fullname)
);
