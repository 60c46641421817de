//! What verification on a real PostgreSQL runs (see [`crate::verify`]): catalog queries on
//! pg_catalog, seed literals, values as text.

use crate::dialects::verify::{CatalogQuery, Extract, Kind, VerifySql};
use crate::model::{Schema, Type};

pub(crate) struct Verify;

/// User objects only: not in a system schema, not an extension's member.
macro_rules! catalog {
    ($($name:literal => $sql:literal,)*) => {
        &[$(CatalogQuery { name: $name, sql: $sql, extract: Extract::Row },)*]
    };
}

const CATALOG: &[CatalogQuery] = catalog! {
    "schemas" => "SELECT format('schema %I', n.nspname) FROM pg_namespace n \
        WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' \
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')",
    "extensions" => "SELECT format('extension %I', extname) FROM pg_extension WHERE extname <> 'plpgsql'",
    "tables" => "SELECT format('table %I.%I kind=%s persistence=%s options=%s partkey=%s bound=%s rls=%s/%s', \
        n.nspname, c.relname, c.relkind, c.relpersistence, c.reloptions, pg_get_partkeydef(c.oid), \
        pg_get_expr(c.relpartbound, c.oid), c.relrowsecurity, c.relforcerowsecurity) \
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
        WHERE c.relkind IN ('r', 'p', 'f') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' \
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')",
    "columns" => "SELECT format('column %I.%I.%I type=%s notnull=%s default=%s identity=%s generated=%s collation=%s', \
        n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, \
        pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, \
        CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text END) \
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped \
        JOIN pg_type t ON t.oid = a.atttypid \
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
        WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'c') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' \
        AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')",
    "constraints" => "SELECT format('constraint %I.%I.%I %s deferrable=%s deferred=%s', \
        n.nspname, c.relname, k.conname, pg_get_constraintdef(k.oid), k.condeferrable, k.condeferred) \
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
        WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'",
    "indexes" => "SELECT format('index %I.%I %s', n.nspname, ic.relname, pg_get_indexdef(i.indexrelid)) \
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace \
        WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' \
        AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = i.indrelid AND e.deptype = 'e')",
    "enums" => "SELECT format('enum %I.%I labels=%s', n.nspname, t.typname, \
        (SELECT string_agg(quote_literal(e.enumlabel), ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)) \
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace \
        WHERE t.typtype = 'e' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' \
        AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')",
    "domains" => "SELECT format('domain %I.%I base=%s notnull=%s default=%s checks=%s', n.nspname, t.typname, \
        format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault, \
        (SELECT string_agg(pg_get_constraintdef(k.oid), ' ' ORDER BY pg_get_constraintdef(k.oid)) FROM pg_constraint k WHERE k.contypid = t.oid)) \
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace \
        WHERE t.typtype = 'd' AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' \
        AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')",
    "sequences" => "SELECT format('sequence %I.%I type=%s start=%s increment=%s min=%s max=%s cache=%s cycle=%s owned-by=%s', \
        n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, \
        (SELECT format('%s.%I', d.refobjid::regclass, a.attname) FROM pg_depend d \
         JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid \
         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1)) \
        FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
        WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' \
        AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')",
    "views" => "SELECT format('view %I.%I kind=%s definition=%s', n.nspname, c.relname, c.relkind, pg_get_viewdef(c.oid)) \
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
        WHERE c.relkind IN ('v', 'm') AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' \
        AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')",
    "functions" => "SELECT format('function %s kind=%s definition=%s', p.oid::regprocedure, p.prokind, \
        CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END) \
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace \
        WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' \
        AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')",
    "triggers" => "SELECT format('trigger %I.%I.%I %s enabled=%s', n.nspname, c.relname, g.tgname, pg_get_triggerdef(g.oid), g.tgenabled) \
        FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
        WHERE NOT g.tgisinternal AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'",
    "comments" => "SELECT format('comment %s = %s', pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description) \
        FROM pg_description d WHERE d.objoid >= 16384 \
        AND NOT EXISTS (SELECT FROM pg_depend e WHERE e.classid = d.classoid AND e.objid = d.objoid AND e.deptype = 'e') \
        AND d.classoid <> 'pg_extension'::regclass",
};

impl VerifySql for Verify {
    fn engine(&self) -> &'static str {
        "PostgreSQL"
    }

    fn catalog(&self) -> &'static [CatalogQuery] {
        CATALOG
    }

    fn kind(&self, ty: &Type, schema: &Schema) -> Kind {
        if ty.array_dims > 0 {
            return Kind::Array;
        }
        if let Some(user) = ty.user.as_deref() {
            return match schema.enums.get(user) {
                Some(e) => Kind::Enum(e.values.clone()),
                None => Kind::Unknown(ty.name.to_string()),
            };
        }
        match ty.name.as_str() {
            "smallint" | "integer" | "bigint" | "smallserial" | "serial" | "bigserial" => Kind::Int,
            "numeric" | "money" => Kind::Decimal,
            "real" | "double precision" => Kind::Float,
            "boolean" => Kind::Bool,
            "text" | "character varying" | "character" | "citext" | "name" => Kind::Text,
            "uuid" => Kind::Uuid,
            "json" | "jsonb" => Kind::Json,
            "date" => Kind::Date,
            "timestamp without time zone" => Kind::Timestamp,
            "timestamp with time zone" => Kind::TimestampTz,
            "time without time zone" | "time with time zone" => Kind::Time,
            "interval" => Kind::Interval,
            "bytea" => Kind::Bytes,
            "inet" | "cidr" => Kind::Inet,
            other => Kind::Unknown(other.to_string()),
        }
    }

    fn literal(&self, kind: &Kind, k: u8) -> Option<String> {
        Some(match kind {
            Kind::Int | Kind::Decimal | Kind::Float => k.to_string(),
            Kind::Bool => (k == 1).to_string(),
            Kind::Text => format!("'{}'", char::from(b'a' + k - 1)),
            Kind::Uuid => format!("'00000000-0000-0000-0000-00000000000{k}'"),
            Kind::Json => format!("'{{\"k\": {k}}}'"),
            Kind::Date => format!("'2000-01-0{k}'"),
            Kind::Timestamp => format!("'2000-01-0{k} 12:00:00'"),
            Kind::TimestampTz => format!("'2000-01-0{k} 12:00:00+00'"),
            Kind::Time => format!("'12:00:0{k}'"),
            Kind::Interval => format!("'{k} days'"),
            Kind::Bytes => format!("'\\x0{k}'"),
            Kind::Inet => format!("'127.0.0.{k}'"),
            Kind::Array => "'{}'".to_string(),
            Kind::Enum(labels) => {
                let l = labels.get(usize::from(k) - 1).or(labels.first())?;
                format!("'{}'", l.replace('\'', "''"))
            }
            Kind::Unknown(_) => return None,
        })
    }

    fn as_text(&self, expr: &str) -> String {
        format!("{expr}::text")
    }
}
