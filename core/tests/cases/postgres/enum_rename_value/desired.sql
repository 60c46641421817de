CREATE TYPE post_state AS ENUM ('draft', 'live', 'archived', 'hidden');
CREATE TABLE post (
    id integer PRIMARY KEY,
    state post_state NOT NULL DEFAULT 'live',
    title text
);
