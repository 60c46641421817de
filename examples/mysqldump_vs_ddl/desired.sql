-- The application's DDL (hand-written or from the models), compared with a mariadb-dump of
-- the database: spellings the server prints (int(11), DEFAULT NULL, backquotes, the index of a
-- foreign key, the generated key names) are not changes.
CREATE TABLE authors (
  id int NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL,
  bio text,
  FULLTEXT KEY ft_bio (bio)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE books (
  id int NOT NULL PRIMARY KEY,
  author_id int NOT NULL,
  isbn varchar(20),
  title varchar(250) NOT NULL,
  price decimal(8,2),
  published_on date,
  UNIQUE KEY (isbn),
  KEY idx_title (title(50)),
  CONSTRAINT price_positive CHECK (price > 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE reviews (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  book_id int NOT NULL,
  stars tinyint NOT NULL,
  body text,
  FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
