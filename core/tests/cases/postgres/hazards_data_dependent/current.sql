CREATE TABLE account (
    id integer PRIMARY KEY,
    email text,
    age text,
    parent_id integer
);
