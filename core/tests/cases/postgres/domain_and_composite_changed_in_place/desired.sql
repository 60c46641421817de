CREATE DOMAIN quantity AS integer DEFAULT 1 CHECK (VALUE >= 0) CHECK (VALUE < 100000);
CREATE DOMAIN percent AS numeric(5,2) CHECK (VALUE BETWEEN 0 AND 100);
CREATE DOMAIN label AS text DEFAULT 'none'::text NOT NULL CONSTRAINT label_short CHECK (length(VALUE) < 80);
CREATE DOMAIN code AS varchar(8) CONSTRAINT code_is_upper CHECK (VALUE = upper(VALUE));
CREATE TYPE money_pair AS (amount numeric(12, 2), currency text, rate double precision);

CREATE TABLE items (
    id integer PRIMARY KEY,
    qty quantity,
    tag label,
    sku code,
    price money_pair
);
