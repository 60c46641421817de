-- The same table as the server dumps it (`SHOW CREATE TABLE`), and one more prefix index.
CREATE TABLE `page` (
  `id` int(11) NOT NULL,
  `name` varchar(255) NOT NULL,
  `slug` varbinary(64) NOT NULL,
  `code` char(8) DEFAULT NULL,
  `body` text DEFAULT NULL,
  `title` varchar(200) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_page_slug` (`slug`),
  KEY `ix_page_name` (`name`),
  KEY `ix_page_body` (`body`(100)),
  KEY `ix_page_title` (`title`(50)),
  KEY `ix_page_name_title` (`name`,`title`),
  KEY `ix_page_code` (`code` DESC),
  KEY `ix_page_title_20` (`title`(20))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
