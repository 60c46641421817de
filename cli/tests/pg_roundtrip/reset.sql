-- Returns a used database to the state of a fresh `CREATE DATABASE .. TEMPLATE template0`
-- (creating databases is by far the slowest part of a case, so they are reused).
--
-- Drops event triggers, publications, extensions and every user schema (public
-- included, which is then recreated exactly as initdb makes it), and resets the
-- database's settings. Then prints what is left over: the non-shared catalogs that
-- still hold user objects (OID >= 16384, the first OID after initdb) and leftover
-- per-database settings. Any output means the reset did not get everything (casts,
-- default privileges, large objects, ...), and the caller recreates the database.
DO $$
DECLARE
  statement text;
BEGIN
  FOR statement IN
    SELECT format('DROP EVENT TRIGGER %I', evtname) FROM pg_event_trigger
    UNION ALL
    SELECT format('DROP PUBLICATION %I', pubname) FROM pg_publication
    UNION ALL
    SELECT format('DROP EXTENSION %I CASCADE', extname) FROM pg_extension WHERE extname <> 'plpgsql'
  LOOP
    EXECUTE statement;
  END LOOP;
  FOR statement IN
    SELECT format('DROP SCHEMA %I CASCADE', nspname) FROM pg_namespace
    WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'
  LOOP
    EXECUTE statement;
  END LOOP;
  CREATE SCHEMA public AUTHORIZATION pg_database_owner;
  COMMENT ON SCHEMA public IS 'standard public schema';
  GRANT USAGE ON SCHEMA public TO PUBLIC;
  EXECUTE format('ALTER DATABASE %I RESET ALL', current_database());
END
$$;

WITH catalogs AS MATERIALIZED (
  SELECT c.relname
  FROM pg_class c
  WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r' AND NOT c.relisshared
    AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'oid')
)
SELECT relname
FROM catalogs
WHERE (xpath('/row/n/text()', query_to_xml(format(
    'SELECT count(*) AS n FROM pg_catalog.%I WHERE oid >= 16384 %s', relname,
    CASE relname WHEN 'pg_namespace'
      THEN $$AND nspname <> 'public' AND nspname !~ '^pg_(toast_)?temp_'$$ ELSE '' END),
    false, true, '')))[1]::text <> '0'
UNION ALL
SELECT 'pg_db_role_setting'
FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
WHERE d.datname = current_database();
