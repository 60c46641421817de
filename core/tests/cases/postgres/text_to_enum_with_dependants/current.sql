-- A text column with a default becomes an enum used by a domain, a function and a partial index;
-- DOWN drops the default before leaving the type and the enum after its dependants (issue 13.2).
CREATE TABLE task (id int PRIMARY KEY, state text DEFAULT 'open' NOT NULL);
