CREATE TABLE posts (
  id int NOT NULL PRIMARY KEY,
  title varchar(100) NOT NULL,
  body text,
  summary tinytext,
  status enum('draft','live') NOT NULL DEFAULT 'draft',
  slug varchar(50) CHARACTER SET ascii COLLATE ascii_bin,
  legacy varchar(20) CHARACTER SET latin1 COLLATE latin1_bin,
  extra varchar(10),
  KEY title (title)
) DEFAULT CHARSET=utf8mb4;
CREATE TABLE tags (
  id int NOT NULL PRIMARY KEY,
  name varchar(30) NOT NULL,
  code char(3) CHARACTER SET ascii
) DEFAULT CHARSET=utf8mb4;
CREATE TABLE notes (
  id int NOT NULL PRIMARY KEY,
  txt varchar(40)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE same (
  id int NOT NULL PRIMARY KEY,
  a varchar(10)
) DEFAULT CHARSET=latin1;
