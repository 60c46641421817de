CREATE TABLE authors (
  id int NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL,
  bio text
);
CREATE TABLE books (
  id int NOT NULL PRIMARY KEY,
  author_id int NOT NULL,
  isbn varchar(20),
  title varchar(200) NOT NULL,
  price decimal(8,2),
  KEY idx_title (title),
  CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES authors (id)
);
