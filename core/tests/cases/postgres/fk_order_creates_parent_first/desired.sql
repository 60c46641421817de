CREATE TABLE comment (id bigint PRIMARY KEY, post_id bigint NOT NULL REFERENCES post, body text);
CREATE TABLE post (id bigint PRIMARY KEY, author_id bigint REFERENCES author ON DELETE SET NULL);
CREATE TABLE author (id bigint PRIMARY KEY, name text NOT NULL);
