CREATE TABLE articles (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title varchar(100) NOT NULL,
  body text,
  views int DEFAULT 0,
  slug varchar(50) CHARACTER SET latin1,
  rating tinyint(1),
  touched datetime,
  legacy int
);
