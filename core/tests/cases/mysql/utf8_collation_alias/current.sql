-- `utf8` collations by their old names: `utf8_bin` is `utf8mb3_bin`, as `utf8` is `utf8mb3`
-- (what SQLAlchemy's `collation="utf8_bin"` and `mysql_collate=` write). The server stores
-- and dumps the `utf8mb3_` names.
CREATE TABLE traits (
    id int NOT NULL,
    name varchar(255) COLLATE utf8_bin NOT NULL,
    label varchar(40) CHARACTER SET utf8 COLLATE UTF8_GENERAL_CI DEFAULT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET=utf8 COLLATE=utf8_unicode_ci;
