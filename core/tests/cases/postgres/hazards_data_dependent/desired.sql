CREATE TABLE account (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE,
    age integer CHECK (age >= 0),
    parent_id integer REFERENCES account (id),
    region text NOT NULL
);
CREATE UNIQUE INDEX account_lower_email_key ON account (lower(email));
