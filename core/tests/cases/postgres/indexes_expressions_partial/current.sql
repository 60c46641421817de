CREATE TABLE person (id int PRIMARY KEY, email text, deleted_at timestamptz, tags text[]);
CREATE INDEX person_email_idx ON person (email);
