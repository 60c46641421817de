CREATE TABLE authors (
  id serial PRIMARY KEY,
  name text NOT NULL
);

CREATE TYPE book_status AS ENUM ('draft', 'published');

CREATE TABLE books (
  id serial PRIMARY KEY,
  author_id integer NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
  title text NOT NULL,
  status book_status NOT NULL DEFAULT 'draft'
);

CREATE INDEX books_author_id_idx ON books (author_id);
