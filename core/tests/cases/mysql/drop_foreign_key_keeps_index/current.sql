-- A schema built by statements that drop foreign keys: the index the server made for each key
-- stays after `DROP FOREIGN KEY` (named after the constraint, or after the first column for an
-- unnamed key); a key whose columns an index of its own covers leaves nothing behind.
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
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id),
    FOREIGN KEY (code) REFERENCES parent (code),
    CONSTRAINT fk_child_other FOREIGN KEY (other_id) REFERENCES parent (id)
);
ALTER TABLE child DROP FOREIGN KEY fk_child_parent;
ALTER TABLE child DROP FOREIGN KEY child_ibfk_1;
ALTER TABLE child DROP FOREIGN KEY fk_child_other;
