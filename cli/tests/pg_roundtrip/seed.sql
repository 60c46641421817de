-- Best-effort seeding: up to two rows in every user table, parents before children.
--
-- Values come from the catalog: a column with a default (or identity, or a
-- generation expression) is left to the database, a foreign-key column takes a
-- value from the referenced table, a partition key column the bound of its
-- partition, anything else gets a simple value of its type. Row k (1 or 2) uses
-- values that differ between rows where that is easy, so unique constraints
-- usually allow both rows; values are deterministic (no random uuids), so a
-- foreign key that a migration adds later usually holds. When the INSERT fails,
-- a minimal one (NOT NULL columns only, so CHECK constraints on nullable columns
-- pass) is tried; a table where that fails too (check constraints, exotic types,
-- ...) just stays empty. The helper functions live in pg_temp, so they vanish
-- with the session and never show up in a catalog snapshot.

-- A literal (or expression) of type `typ` for row `k`, or NULL.
CREATE FUNCTION pg_temp.seed_value(typ oid, typmod integer, k integer) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  t pg_type;
BEGIN
  SELECT * INTO t FROM pg_type WHERE oid = typ;
  WHILE t.typtype = 'd' LOOP
    typmod := t.typtypmod;
    SELECT * INTO t FROM pg_type WHERE oid = t.typbasetype;
  END LOOP;
  RETURN CASE
    WHEN t.typtype = 'e' THEN quote_literal(coalesce(
      (SELECT enumlabel FROM pg_enum WHERE enumtypid = t.oid ORDER BY enumsortorder OFFSET k - 1 LIMIT 1),
      (SELECT enumlabel FROM pg_enum WHERE enumtypid = t.oid ORDER BY enumsortorder LIMIT 1)))
    WHEN t.typcategory = 'A' THEN quote_literal('{}')
    WHEN t.typname = 'uuid' THEN quote_literal(format('00000000-0000-0000-0000-%s', lpad(k::text, 12, '0')))
    WHEN t.typname IN ('json', 'jsonb') THEN quote_literal(format('{"k": %s}', k))
    WHEN t.typname = 'bytea' THEN quote_literal(format('\x0%s', k))
    WHEN t.typname = 'xml' THEN quote_literal('<a/>')
    WHEN t.typname IN ('tsvector', 'tsquery') THEN quote_literal('a')
    WHEN t.typname IN ('macaddr', 'macaddr8') THEN quote_literal(format('08:00:2b:01:02:0%s', k))
    WHEN t.typname = 'point' THEN quote_literal(format('(%s,%s)', k, k))
    WHEN t.typcategory IN ('S', 'Z') THEN quote_literal(chr(ascii('a') + k - 1))
    WHEN t.typcategory = 'N' THEN quote_literal(k)
    WHEN t.typcategory = 'B' THEN quote_literal(k = 1)
    WHEN t.typcategory = 'D' THEN quote_literal(format('2000-01-0%s 12:00:0%s', k, k))
    WHEN t.typcategory = 'T' THEN quote_literal(format('%s day', k))
    WHEN t.typcategory = 'I' THEN quote_literal(format('127.0.0.%s', k))
    WHEN t.typcategory = 'R' THEN quote_literal('empty')
    WHEN t.typcategory = 'V' THEN format('B''1''::varbit::%s', format_type(t.oid, typmod))
    ELSE 'NULL'
  END;
END
$$;

-- For a partition with a single-column key: the lower bound (range) or the first
-- value (list) of its bound, as a literal for that column; NULL for anything else.
CREATE FUNCTION pg_temp.partition_value(rel oid, col smallint) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    substring(pg_get_expr(c.relpartbound, c.oid) FROM '^FOR VALUES FROM \((''[^'']*''|[0-9.-]+)\) TO'),
    substring(pg_get_expr(c.relpartbound, c.oid) FROM '^FOR VALUES IN \((''[^'']*''|[0-9.-]+)[,)]'))
  FROM pg_class c
  JOIN pg_inherits i ON i.inhrelid = c.oid
  JOIN pg_partitioned_table p ON p.partrelid = i.inhparent
  WHERE c.oid = rel AND c.relispartition AND p.partnatts = 1 AND p.partattrs[0] = col
$$;

-- The INSERT statement for row `k` of table `rel`; `minimal` leaves nullable columns out.
-- A column's value is forced by the partition bound or a foreign key when there is one.
CREATE FUNCTION pg_temp.seed_statement(rel oid, k integer, minimal boolean) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN count(*) = 0 THEN format('INSERT INTO %s DEFAULT VALUES', rel::regclass)
    ELSE format('INSERT INTO %s (%s) VALUES (%s)', rel::regclass,
      string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
      string_agg(coalesce(forced.expr, pg_temp.seed_value(a.atttypid, a.atttypmod, k)), ', ' ORDER BY a.attnum))
  END
  FROM pg_attribute a
  LEFT JOIN LATERAL (
    SELECT e.expr
    FROM (
      SELECT 0::oid AS rank, pg_temp.partition_value(rel, a.attnum) AS expr
      UNION ALL
      SELECT c.oid, format('(SELECT %I FROM %s LIMIT 1)', ra.attname, c.confrelid::regclass)
      FROM pg_constraint c
      CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS u(col, refcol)
      JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = u.refcol
      WHERE c.conrelid = rel AND c.contype = 'f' AND u.col = a.attnum
    ) e
    WHERE e.expr IS NOT NULL
    ORDER BY e.rank
    LIMIT 1
  ) forced ON true
  WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    AND (forced.expr IS NOT NULL OR (NOT a.atthasdef AND a.attidentity = ''))
    AND (a.attnotnull OR NOT minimal)
$$;

DO $$
DECLARE
  todo oid[];
  done oid[];
  t oid;
  minimal boolean;
  progress boolean;
BEGIN
  SELECT coalesce(array_agg(c.oid ORDER BY c.oid), '{}') INTO todo
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p')
    AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    AND NOT EXISTS (
      SELECT FROM pg_depend d
      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e');
  FOR k IN 1..2 LOOP
    done := '{}';
    LOOP
      progress := false;
      FOREACH t IN ARRAY todo LOOP
        CONTINUE WHEN t = ANY (done);
        FOREACH minimal IN ARRAY ARRAY[false, true] LOOP
          BEGIN
            EXECUTE pg_temp.seed_statement(t, k, minimal);
            done := done || t;
            progress := true;
            EXIT;
          EXCEPTION WHEN OTHERS THEN
            NULL;
          END;
        END LOOP;
      END LOOP;
      EXIT WHEN NOT progress;
    END LOOP;
    todo := done;
  END LOOP;
END
$$;
