-- The DDL the dump in current.sql (mariadb-dump --no-data of MariaDB 10.11) was made from, with
-- the server default charset written out: no changes.
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
  title varchar(200) NOT NULL,
  price decimal(8,2),
  UNIQUE KEY (isbn),
  KEY idx_title (title(50)),
  CONSTRAINT price_positive CHECK (price > 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
CREATE TABLE reviews (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  book_id int NOT NULL,
  stars tinyint NOT NULL,
  FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
create table j (id int primary key, doc json, qty int check (qty > 0), t timestamp default current_timestamp on update current_timestamp) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
