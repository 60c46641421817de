-- Table options changed by ALTER TABLE. `CONVERT TO CHARACTER SET` converts every character
-- column, those with a character set of their own too, and a latin1 TEXT becomes a utf8mb4
-- MEDIUMTEXT (it must hold as many characters); a new default character set alone
-- converts nothing: the columns keep theirs, now written on them. A new character set
-- without a collation brings its default collation.
CREATE TABLE notes (
    id int NOT NULL,
    title varchar(100) DEFAULT NULL,
    code varchar(10) CHARACTER SET ascii DEFAULT NULL,
    body text,
    n int DEFAULT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=latin1;
ALTER TABLE notes CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE TABLE tags (
    id int NOT NULL,
    name varchar(40) DEFAULT NULL,
    label varchar(40) COLLATE latin1_bin DEFAULT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET=latin1 COLLATE=latin1_general_ci;
ALTER TABLE tags DEFAULT CHARACTER SET utf8mb4, COMMENT 'tag names';
CREATE TABLE legacy (
    id int NOT NULL,
    name varchar(40) DEFAULT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;
ALTER TABLE legacy CONVERT TO CHARSET latin1, ENGINE=InnoDB;
