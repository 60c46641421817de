-- The table's default character set changes and its columns followed it: CONVERT TO, then
-- the columns that keep their own character set (or whose TEXT type the conversion grows)
-- restated.
CREATE TABLE posts (
  id int NOT NULL PRIMARY KEY,
  title varchar(100) NOT NULL,
  body text,
  summary tinytext,
  status enum('draft','live') NOT NULL DEFAULT 'draft',
  slug varchar(50) CHARACTER SET ascii COLLATE ascii_bin,
  legacy varchar(20) COLLATE latin1_bin,
  KEY title (title)
) DEFAULT CHARSET=latin1;
-- No column followed the default: only the new default, nothing converted.
CREATE TABLE tags (
  id int NOT NULL PRIMARY KEY,
  name varchar(30) CHARACTER SET utf8mb4 NOT NULL,
  code char(3) CHARACTER SET ascii
) DEFAULT CHARSET=latin1;
-- The collation alone changes.
CREATE TABLE notes (
  id int NOT NULL PRIMARY KEY,
  txt varchar(40)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
-- Written once with its character set and once without: the same table.
CREATE TABLE same (
  id int NOT NULL PRIMARY KEY,
  a varchar(10) CHARACTER SET latin1
) DEFAULT CHARSET=latin1;
