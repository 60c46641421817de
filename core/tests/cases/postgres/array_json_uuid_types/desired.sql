CREATE TABLE doc (
  id uuid PRIMARY KEY,
  body jsonb NOT NULL DEFAULT '{}'::jsonb,
  meta json,
  labels varchar(20)[],
  grid int[][],
  at timestamptz(3),
  ratio double precision,
  money_col numeric(10),
  flags bit(8)
);
