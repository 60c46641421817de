-- Issue 12 #3: a column type that is not built in, not created in the file and not from an
-- extension the file creates is reported (W004), with the closest built-in name.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TYPE pair AS (a int, b int);
CREATE TABLE base (id int PRIMARY KEY);
CREATE TABLE task (
    id integr PRIMARY KEY,
    status taskstatus NOT NULL,
    previous taskstatus,
    email citext,
    m mood,
    n posint,
    p pair,
    b base,
    at timestamptz,
    tags varchar(20)[],
    geom geometry,
    ts tsvector
);
ALTER TABLE task ADD COLUMN score flot8;
ALTER TABLE task ALTER COLUMN score TYPE numerc(10, 2);
