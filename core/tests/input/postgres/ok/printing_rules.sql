-- PostgreSQL prints stored expressions its own way; keys see through it (issue 11: these
-- rules now run for PostgreSQL only).
CREATE TABLE e (
    at timestamptz DEFAULT (now() AT TIME ZONE 'utc'),
    kind text DEFAULT 'a'::text CHECK (kind IN ('a', 'b')),
    amount numeric DEFAULT '0.00'::numeric,
    name text CHECK (name ~~ 'x%')
);
CREATE INDEX e_kind ON e (kind) WHERE kind = ANY (ARRAY['a'::text, 'b'::text]);
