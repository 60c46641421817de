CREATE TABLE authors (
  id int NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL,
  bio text,
  FULLTEXT KEY ft_bio (bio)
);
CREATE TABLE books (
  id int NOT NULL PRIMARY KEY,
  author_id int NOT NULL,
  isbn varchar(20),
  title varchar(200) NOT NULL,
  price decimal(8,2),
  UNIQUE KEY (isbn),
  KEY idx_title (title(50)),
  CONSTRAINT price_positive CHECK (price > 0)
);
CREATE TABLE reviews (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  book_id int NOT NULL,
  stars tinyint NOT NULL,
  FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE
);
