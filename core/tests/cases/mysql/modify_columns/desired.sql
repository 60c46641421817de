CREATE TABLE articles (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title varchar(200) NOT NULL COMMENT 'shown in lists',
  body mediumtext NOT NULL,
  views bigint unsigned NOT NULL DEFAULT 0,
  slug varchar(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  rating tinyint(1) DEFAULT '1',
  touched datetime ON UPDATE CURRENT_TIMESTAMP,
  published_at datetime NULL,
  kind enum('news','blog') NOT NULL DEFAULT 'news'
);
