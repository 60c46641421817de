-- Hand-written DDL: an unnamed foreign key, dropped by the name the server gave it
-- (`<table>_ibfk_1`, as an inspector lists it), then a named one on the same column. The
-- server keeps the first key's index (`owner_id`) when the key goes, and drops it for the
-- index it makes for the new key (`fk_note_owner`).
CREATE TABLE owner (id int NOT NULL, PRIMARY KEY (id));
CREATE TABLE note (id int NOT NULL, owner_id int, PRIMARY KEY (id), FOREIGN KEY (owner_id) REFERENCES owner (id));
ALTER TABLE note DROP FOREIGN KEY note_ibfk_1;
ALTER TABLE note ADD CONSTRAINT fk_note_owner FOREIGN KEY (owner_id) REFERENCES owner (id) ON DELETE CASCADE;
