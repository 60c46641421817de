-- Domains and composite types used by columns: a change is made in place (ALTER DOMAIN,
-- ALTER TYPE .. ATTRIBUTE); dropping and creating them again would fail while the columns
-- use them.
CREATE DOMAIN quantity AS integer CHECK (VALUE > 0);
CREATE DOMAIN percent AS numeric(5, 2) NOT NULL;
CREATE DOMAIN label AS text NOT NULL DEFAULT 'none' CONSTRAINT label_short CHECK (length(VALUE) < 40);
CREATE DOMAIN code AS varchar(8) CONSTRAINT code_upper CHECK (VALUE = upper(VALUE));
CREATE TYPE money_pair AS (amount numeric(12, 2), currency text, note text);

CREATE TABLE items (
    id integer PRIMARY KEY,
    qty quantity,
    tag label,
    sku code,
    price money_pair
);
