-- Hand-written (SQLAlchemy-style) defaults and generated columns; desired.sql is pg_dump -s of the
-- database built from this file: the two must diff empty (issue 13.10).
CREATE TABLE f (
  id int PRIMARY KEY,
  done boolean DEFAULT '0' NOT NULL,
  flag boolean DEFAULT 'true',
  n numeric GENERATED ALWAYS AS (id * 2) STORED,
  label text GENERATED ALWAYS AS ('x' || id) STORED,
  x varchar(10) DEFAULT NULL::character varying,
  y text DEFAULT NULL,
  c text COLLATE "POSIX",
  d text COLLATE "C",
  ts timestamp DEFAULT now(),
  amount numeric(10,2) DEFAULT 0,
  r real DEFAULT 1.5,
  j jsonb DEFAULT '{}'
);
CREATE TYPE status AS ENUM ('active', 'done');
CREATE TABLE g (
  id int PRIMARY KEY,
  email varchar(100),
  price numeric(10,2), qty int,
  a int, b int,
  lower_email text GENERATED ALWAYS AS (lower(email)) STORED,
  total numeric GENERATED ALWAYS AS (price * qty) STORED,
  total2 numeric GENERATED ALWAYS AS (price * 1.1) STORED,
  s int GENERATED ALWAYS AS (a + b) STORED,
  k text GENERATED ALWAYS AS (CASE WHEN a > 0 THEN 'pos' ELSE 'neg' END) STORED,
  co text GENERATED ALWAYS AS (coalesce(email, 'none')) STORED,
  st status DEFAULT 'active',
  tags text[] DEFAULT ARRAY[]::text[],
  tags2 text[] DEFAULT '{}',
  created timestamp DEFAULT CURRENT_TIMESTAMP,
  created2 timestamptz DEFAULT (now() AT TIME ZONE 'utc'),
  day date DEFAULT CURRENT_DATE,
  dd timestamp DEFAULT date_trunc('day', now()),
  vv varchar(20) DEFAULT 'x',
  iv interval DEFAULT '1 day',
  t0 timestamp DEFAULT '2020-01-01 00:00:00',
  big bigint DEFAULT -1,
  num numeric DEFAULT '1.50',
  u uuid DEFAULT gen_random_uuid(),
  sub text GENERATED ALWAYS AS (substring(email from 1 for 3)) STORED,
  cat text GENERATED ALWAYS AS (email || '-' || a::text) STORED,
  ex int GENERATED ALWAYS AS (extract(year from created)::int) STORED
);
CREATE VIEW v AS SELECT id, NULL::text AS nothing, CAST(NULL AS integer) AS z FROM f;
