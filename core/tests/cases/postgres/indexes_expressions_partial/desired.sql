CREATE TABLE person (id int PRIMARY KEY, email text, deleted_at timestamptz, tags text[]);
CREATE UNIQUE INDEX person_email_idx ON person (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX ON person USING gin (tags);
CREATE INDEX person_id_desc ON person (id DESC NULLS LAST) INCLUDE (email);
