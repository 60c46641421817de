-- Key parts whose prefix length is the column's whole length (SQLAlchemy's mysql_length=255 on
-- a String(255)): the server stores and dumps them as whole-column key parts, so they equal
-- the dumped `KEY ix (name)`. A shorter prefix, and any prefix of a TEXT column, stays.
CREATE TABLE page (
    id int NOT NULL,
    name varchar(255) NOT NULL,
    slug varbinary(64) NOT NULL,
    code char(8) DEFAULT NULL,
    body text,
    title varchar(200) DEFAULT NULL,
    PRIMARY KEY (id),
    KEY ix_page_name (name(255)),
    UNIQUE KEY uq_page_slug (slug(64)),
    KEY ix_page_body (body(100)),
    KEY ix_page_title (title(50))
);
CREATE INDEX ix_page_name_title ON page (name(255), title(200));
ALTER TABLE page ADD INDEX ix_page_code (CODE(8) DESC);
