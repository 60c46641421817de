//! What verification on a real SQLite runs (see [`crate::verify`]): catalog queries on
//! sqlite_master and the pragma table-valued functions, seed literals, values as text.

use crate::dialects::verify::{CatalogQuery, Extract, Kind, VerifySql};
use crate::model::{Schema, Type};

pub(crate) struct Verify;

/// User tables: not SQLite's own, not virtual.
const CATALOG: &[CatalogQuery] = &[
    CatalogQuery {
        name: "tables",
        sql: "SELECT 'table ' || lower(t.name), 'strict=' || t.strict, 'without_rowid=' || t.wr, 'ncol=' || t.ncol \
              FROM pragma_table_list t WHERE t.schema = 'main' AND t.type = 'table' \
              AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        extract: Extract::Row,
    },
    CatalogQuery {
        name: "columns",
        sql: "SELECT 'column ' || lower(m.name) || '.' || lower(c.name), \
              'type=' || replace(upper(c.type), ' ', ''), 'notnull=' || c.\"notnull\", \
              'default=' || ifnull(c.dflt_value, ''), 'pk=' || c.pk, 'hidden=' || c.hidden \
              FROM sqlite_master m, pragma_table_xinfo(m.name) c \
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql NOT LIKE 'CREATE VIRTUAL%'",
        extract: Extract::Row,
    },
    CatalogQuery {
        name: "indexes",
        sql: "SELECT 'index ' || lower(m.name) || '.' || CASE WHEN i.origin = 'c' THEN lower(i.name) ELSE i.origin END, \
              'unique=' || i.\"unique\", 'partial=' || i.partial, \
              'keys=' || (SELECT group_concat(ifnull(lower(x.name), '<expression>') || ' desc=' || x.\"desc\" || ' ' || lower(x.coll), ', ') \
                 FROM (SELECT * FROM pragma_index_xinfo(i.name) ORDER BY seqno) x WHERE x.key = 1), \
               s.sql \
              FROM sqlite_master m, pragma_index_list(m.name) i \
              LEFT JOIN sqlite_master s ON s.type = 'index' AND s.name = i.name \
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        extract: Extract::SqlText,
    },
    CatalogQuery {
        name: "foreign keys",
        sql: "SELECT 'foreign-key ' || lower(m.name) || '.' || group_concat(lower(f.\"from\"), ','), \
              'references=' || lower(f.\"table\") || '(' || group_concat(ifnull(lower(f.\"to\"), ''), ',') || ')', \
              'on_update=' || f.on_update, 'on_delete=' || f.on_delete, 'match=' || f.\"match\" \
              FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
              GROUP BY m.name, f.id",
        extract: Extract::Row,
    },
    CatalogQuery {
        name: "checks",
        sql: "SELECT lower(m.name), m.sql FROM sqlite_master m \
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
        extract: Extract::Checks,
    },
    CatalogQuery {
        name: "views, triggers, virtual tables",
        sql: "SELECT m.type || ' ' || lower(m.name), m.sql \
              FROM sqlite_master m WHERE m.type IN ('view', 'trigger') \
              OR (m.type = 'table' AND m.sql LIKE 'CREATE VIRTUAL%')",
        extract: Extract::SqlText,
    },
];

impl VerifySql for Verify {
    fn engine(&self) -> &'static str {
        "SQLite"
    }

    fn catalog(&self) -> &'static [CatalogQuery] {
        CATALOG
    }

    fn kind(&self, ty: &Type, _schema: &Schema) -> Kind {
        let name = ty.name.to_ascii_lowercase();
        if name.starts_with("bool") {
            return Kind::Bool;
        }
        if name == "date" {
            return Kind::Date;
        }
        if name.starts_with("datetime") || name.starts_with("timestamp") {
            return Kind::Timestamp;
        }
        match super::affinity(&ty.name) {
            "INTEGER" => Kind::Int,
            "REAL" => Kind::Float,
            "NUMERIC" => Kind::Decimal,
            "TEXT" => Kind::Text,
            _ if name.is_empty() => Kind::Text,
            _ => Kind::Bytes,
        }
    }

    fn literal(&self, kind: &Kind, k: u8) -> Option<String> {
        Some(match kind {
            Kind::Int | Kind::Decimal => k.to_string(),
            Kind::Float => format!("{k}.5"),
            Kind::Bool => u8::from(k == 1).to_string(),
            Kind::Date => format!("'2000-01-0{k}'"),
            Kind::Timestamp | Kind::TimestampTz => format!("'2000-01-0{k} 12:00:00'"),
            Kind::Time => format!("'12:00:0{k}'"),
            Kind::Uuid => format!("'00000000-0000-0000-0000-00000000000{k}'"),
            Kind::Json => format!("'{{\"k\": {k}}}'"),
            Kind::Bytes => format!("x'0{k}'"),
            Kind::Enum(labels) => {
                let l = labels.get(usize::from(k) - 1).or(labels.first())?;
                format!("'{}'", l.replace('\'', "''"))
            }
            Kind::Text | Kind::Interval | Kind::Inet | Kind::Array | Kind::Unknown(_) => {
                format!("'{}'", char::from(b'a' + k - 1))
            }
        })
    }

    fn as_text(&self, expr: &str) -> String {
        format!("CAST({expr} AS TEXT)")
    }
}
