-- Catalog snapshot of the user objects of the current database, one line per fact.
--
-- Output lines (sorted) are compared as a set between two databases. Everything
-- that belongs to an extension, to a system schema or to a temporary schema is
-- left out. Names are printed schema-qualified (the search_path is pg_catalog
-- only), embedded newlines are escaped as \n, and lines starting with "rows "
-- carry row counts (not catalog facts).
SET search_path = pg_catalog;

WITH
ext AS (
  SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
),
ns AS (
  SELECT n.oid, n.nspname, n.nspowner, n.nspacl
  FROM pg_namespace n
  WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
    AND NOT EXISTS (SELECT FROM ext WHERE classid = 'pg_namespace'::regclass AND objid = n.oid)
),
rel AS (
  SELECT c.oid, c.relname, c.relkind, c.relpersistence, c.relowner, c.relacl, c.reloptions,
         c.relpartbound, c.relrowsecurity, c.relforcerowsecurity, c.relispopulated,
         format('%I.%I', ns.nspname, c.relname) AS qname
  FROM pg_class c
  JOIN ns ON ns.oid = c.relnamespace
  WHERE NOT EXISTS (SELECT FROM ext WHERE classid = 'pg_class'::regclass AND objid = c.oid)
),
typ AS (
  SELECT t.oid, t.typtype, t.typbasetype, t.typtypmod, t.typnotnull, t.typdefault, t.typcollation,
         format('%I.%I', ns.nspname, t.typname) AS qname
  FROM pg_type t
  JOIN ns ON ns.oid = t.typnamespace
  WHERE NOT EXISTS (SELECT FROM ext WHERE classid = 'pg_type'::regclass AND objid = t.oid)
    AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid)
    AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
),
facts(line) AS (
  SELECT format('schema %I owner=%s acl=%s', nspname, nspowner::regrole,
    (SELECT string_agg(a::text, ',' ORDER BY a::text)
     FROM unnest(coalesce(nspacl, acldefault('n', nspowner))) a))
  FROM ns

  UNION ALL
  SELECT format('extension %I', extname) FROM pg_extension

  UNION ALL
  SELECT format('default-acl role=%s schema=%s type=%s acl=%s', defaclrole::regrole,
    defaclnamespace::regnamespace, defaclobjtype,
    (SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(defaclacl) a))
  FROM pg_default_acl

  UNION ALL
  SELECT format('table %s kind=%s persistence=%s owner=%s rls=%s/%s options=%s partkey=%s bound=%s parents=%s acl=%s',
    r.qname, r.relkind, r.relpersistence, r.relowner::regrole, r.relrowsecurity, r.relforcerowsecurity,
    r.reloptions, pg_get_partkeydef(r.oid), pg_get_expr(r.relpartbound, r.oid),
    (SELECT string_agg(p.qname, ',' ORDER BY p.qname)
     FROM pg_inherits i JOIN rel p ON p.oid = i.inhparent WHERE i.inhrelid = r.oid),
    (SELECT string_agg(a::text, ',' ORDER BY a::text)
     FROM unnest(coalesce(r.relacl, acldefault('r', r.relowner))) a))
  FROM rel r WHERE r.relkind IN ('r', 'p', 'f')

  UNION ALL
  SELECT format('column %s.%I type=%s notnull=%s default=%s identity=%s generated=%s collation=%s acl=%s',
    r.qname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
    pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
    CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text END,
    (SELECT string_agg(x::text, ',' ORDER BY x::text) FROM unnest(a.attacl) x))
  FROM rel r
  JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE r.relkind IN ('r', 'p', 'f', 'c')

  UNION ALL
  SELECT format('constraint %s %I %s deferrable=%s deferred=%s',
    r.qname, c.conname, pg_get_constraintdef(c.oid), c.condeferrable, c.condeferred)
  FROM pg_constraint c JOIN rel r ON r.oid = c.conrelid

  UNION ALL
  SELECT format('index %s', pg_get_indexdef(i.indexrelid))
  FROM pg_index i JOIN rel r ON r.oid = i.indrelid

  UNION ALL
  SELECT format('type %s typtype=%s', t.qname, t.typtype) FROM typ t

  UNION ALL
  SELECT format('enum %s labels=%s', t.qname,
    (SELECT string_agg(quote_literal(e.enumlabel), ',' ORDER BY e.enumsortorder)
     FROM pg_enum e WHERE e.enumtypid = t.oid))
  FROM typ t WHERE t.typtype = 'e'

  UNION ALL
  SELECT format('domain %s base=%s notnull=%s default=%s collation=%s', t.qname,
    format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
    CASE WHEN t.typcollation <> (SELECT typcollation FROM pg_type WHERE oid = t.typbasetype)
      THEN t.typcollation::regcollation::text END)
  FROM typ t WHERE t.typtype = 'd'

  UNION ALL
  SELECT format('domain-constraint %s %I %s', t.qname, c.conname, pg_get_constraintdef(c.oid))
  FROM pg_constraint c JOIN typ t ON t.oid = c.contypid

  UNION ALL
  SELECT format('range %s subtype=%s', t.qname, format_type(g.rngsubtype, NULL))
  FROM pg_range g JOIN typ t ON t.oid = g.rngtypid

  UNION ALL
  SELECT format('sequence %s type=%s start=%s increment=%s min=%s max=%s cache=%s cycle=%s owner=%s owned-by=%s acl=%s',
    r.qname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
    s.seqcache, s.seqcycle, r.relowner::regrole,
    (SELECT string_agg(format('%s.%I/%s', t.qname, a.attname, d.deptype), ',')
     FROM pg_depend d
     JOIN rel t ON t.oid = d.refobjid
     JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
     WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')),
    (SELECT string_agg(a::text, ',' ORDER BY a::text)
     FROM unnest(coalesce(r.relacl, acldefault('s', r.relowner))) a))
  FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid

  UNION ALL
  SELECT format('view %s kind=%s owner=%s options=%s populated=%s acl=%s def=%s',
    r.qname, r.relkind, r.relowner::regrole, r.reloptions, r.relispopulated,
    (SELECT string_agg(a::text, ',' ORDER BY a::text)
     FROM unnest(coalesce(r.relacl, acldefault('r', r.relowner))) a),
    pg_get_viewdef(r.oid, true))
  FROM rel r WHERE r.relkind IN ('v', 'm')

  UNION ALL
  SELECT format('function %s kind=%s owner=%s acl=%s def=%s', p.oid::regprocedure, p.prokind,
    p.proowner::regrole,
    (SELECT string_agg(a::text, ',' ORDER BY a::text)
     FROM unnest(coalesce(p.proacl, acldefault('f', p.proowner))) a),
    CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END)
  FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
  WHERE NOT EXISTS (SELECT FROM ext WHERE classid = 'pg_proc'::regclass AND objid = p.oid)

  UNION ALL
  SELECT format('trigger %s enabled=%s', pg_get_triggerdef(g.oid), g.tgenabled)
  FROM pg_trigger g JOIN rel r ON r.oid = g.tgrelid
  WHERE NOT g.tgisinternal

  UNION ALL
  SELECT format('rule %s', pg_get_ruledef(w.oid))
  FROM pg_rewrite w JOIN rel r ON r.oid = w.ev_class
  WHERE w.rulename <> '_RETURN'

  UNION ALL
  SELECT format('policy %I.%I %I permissive=%s roles=%s cmd=%s using=%s check=%s',
    p.schemaname, p.tablename, p.policyname, p.permissive,
    (SELECT string_agg(x, ',' ORDER BY x) FROM unnest(p.roles) x), p.cmd, p.qual, p.with_check)
  FROM pg_policies p JOIN ns ON ns.nspname = p.schemaname

  UNION ALL
  SELECT format('comment %s = %s', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description)
  FROM pg_description d
  WHERE (d.objoid >= 16384 OR (d.classoid = 'pg_namespace'::regclass AND d.objoid IN (SELECT oid FROM ns)))
    AND NOT EXISTS (SELECT FROM ext WHERE classid = d.classoid AND objid = d.objoid)
    AND d.classoid <> 'pg_extension'::regclass

  UNION ALL
  SELECT format('rows %s %s', r.qname,
    (xpath('/row/c/text()',
      query_to_xml(format('SELECT count(*) AS c FROM %s', r.qname), false, true, '')))[1])
  FROM rel r WHERE r.relkind IN ('r', 'p')
)
SELECT replace(line, E'\n', '\n') FROM facts ORDER BY 1;
