-- What the server holds after those statements (`SHOW CREATE TABLE`), and one more index.
CREATE TABLE parent (
    id int NOT NULL,
    code varchar(20) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY parent_code (code)
);
CREATE TABLE child (
    id int NOT NULL,
    parent_id int DEFAULT NULL,
    code varchar(20) DEFAULT NULL,
    other_id int DEFAULT NULL,
    PRIMARY KEY (id),
    KEY ix_other (other_id),
    KEY fk_child_parent (parent_id),
    KEY code (code),
    KEY ix_other_id (other_id, id)
);
