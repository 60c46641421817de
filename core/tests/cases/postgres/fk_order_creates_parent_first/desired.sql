-- written in dependency order here; the migration orders tables by their foreign keys itself
CREATE TABLE author (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE post (id bigint PRIMARY KEY, author_id bigint REFERENCES author ON DELETE SET NULL);
CREATE TABLE comment (id bigint PRIMARY KEY, post_id bigint NOT NULL REFERENCES post, body text);
