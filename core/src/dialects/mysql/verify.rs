//! What verification on a real MySQL / MariaDB runs (see [`crate::verify`]): catalog queries
//! on information_schema (the current database), seed literals, values as text.

use crate::dialects::verify::{CatalogQuery, Extract, Kind, VerifySql};
use crate::model::{Schema, Type};

/// The engine named in reports (`MySQL`, `MariaDB`).
pub(crate) struct Verify(pub &'static str);

const CATALOG: &[CatalogQuery] = &[
    CatalogQuery {
        name: "tables",
        sql: "SELECT CONCAT('table ', LOWER(table_name)), table_type, engine, IFNULL(table_collation, ''), \
              IFNULL(create_options, ''), table_comment \
              FROM information_schema.tables WHERE table_schema = DATABASE()",
        extract: Extract::Row,
    },
    CatalogQuery {
        name: "columns",
        sql: "SELECT CONCAT('column ', LOWER(table_name), '.', LOWER(column_name)), \
              CONCAT('type=', column_type), CONCAT('nullable=', is_nullable), \
              CONCAT('default=', IFNULL(column_default, 'NULL')), CONCAT('extra=', extra), \
              CONCAT('collation=', IFNULL(collation_name, '')), CONCAT('comment=', column_comment) \
              FROM information_schema.columns WHERE table_schema = DATABASE()",
        extract: Extract::Row,
    },
    CatalogQuery {
        name: "indexes",
        sql: "SELECT CONCAT('index ', LOWER(table_name), '.', LOWER(index_name)), \
              CONCAT('unique=', 1 - non_unique), CONCAT('type=', index_type), \
              CONCAT('keys=', GROUP_CONCAT(CONCAT(IFNULL(LOWER(column_name), '<expression>'), ' ', IFNULL(collation, ''), \
                IFNULL(CONCAT('(', sub_part, ')'), '')) ORDER BY seq_in_index SEPARATOR ', ')) \
              FROM information_schema.statistics WHERE table_schema = DATABASE() \
              GROUP BY table_name, index_name, non_unique, index_type",
        extract: Extract::Row,
    },
    CatalogQuery {
        name: "foreign keys",
        sql: "SELECT CONCAT('foreign-key ', LOWER(k.table_name), '.', LOWER(k.constraint_name)), \
              CONCAT('columns=', GROUP_CONCAT(LOWER(k.column_name) ORDER BY k.ordinal_position)), \
              CONCAT('references=', LOWER(k.referenced_table_name), '(', \
                GROUP_CONCAT(LOWER(k.referenced_column_name) ORDER BY k.ordinal_position), ')'), \
              CONCAT('on_update=', r.update_rule), CONCAT('on_delete=', r.delete_rule) \
              FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r \
              ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name \
              WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL \
              GROUP BY k.table_name, k.constraint_name, k.referenced_table_name, r.update_rule, r.delete_rule",
        extract: Extract::Row,
    },
    CatalogQuery {
        name: "checks",
        sql: "SELECT CONCAT('check ', LOWER(t.table_name), '.', LOWER(c.constraint_name)), c.check_clause \
              FROM information_schema.check_constraints c JOIN information_schema.table_constraints t \
              ON t.constraint_schema = c.constraint_schema AND t.constraint_name = c.constraint_name \
              WHERE c.constraint_schema = DATABASE() AND t.constraint_type = 'CHECK'",
        extract: Extract::Row,
    },
    CatalogQuery {
        name: "views",
        sql: "SELECT CONCAT('view ', LOWER(table_name)), view_definition \
              FROM information_schema.views WHERE table_schema = DATABASE()",
        extract: Extract::Row,
    },
    CatalogQuery {
        name: "triggers",
        sql: "SELECT CONCAT('trigger ', LOWER(trigger_name)), event_manipulation, LOWER(event_object_table), \
              action_timing, action_statement \
              FROM information_schema.triggers WHERE trigger_schema = DATABASE()",
        extract: Extract::Row,
    },
];

impl VerifySql for Verify {
    fn engine(&self) -> &'static str {
        self.0
    }

    fn catalog(&self) -> &'static [CatalogQuery] {
        CATALOG
    }

    fn kind(&self, ty: &Type, _schema: &Schema) -> Kind {
        let base = ty.name.split_whitespace().next().unwrap_or("");
        match base {
            "tinyint" if ty.modifiers.as_deref() == Some("1") => Kind::Bool,
            "bool" | "boolean" => Kind::Bool,
            "tinyint" | "smallint" | "mediumint" | "int" | "integer" | "bigint" | "bit"
            | "year" => Kind::Int,
            "decimal" | "numeric" => Kind::Decimal,
            "float" | "double" | "real" => Kind::Float,
            "char" | "varchar" | "tinytext" | "text" | "mediumtext" | "longtext" => Kind::Text,
            "binary" | "varbinary" | "tinyblob" | "blob" | "mediumblob" | "longblob" => Kind::Bytes,
            "json" => Kind::Json,
            "date" => Kind::Date,
            "datetime" | "timestamp" => Kind::Timestamp,
            "time" => Kind::Time,
            "uuid" => Kind::Uuid,
            "inet4" | "inet6" => Kind::Inet,
            "enum" | "set" => Kind::Enum(
                ty.modifiers
                    .as_deref()
                    .unwrap_or("")
                    .split(',')
                    .map(|l| l.trim().trim_matches('\'').replace("''", "'"))
                    .filter(|l| !l.is_empty())
                    .collect(),
            ),
            other => Kind::Unknown(other.to_string()),
        }
    }

    fn literal(&self, kind: &Kind, k: u8) -> Option<String> {
        Some(match kind {
            Kind::Int | Kind::Decimal | Kind::Float => k.to_string(),
            Kind::Bool => u8::from(k == 1).to_string(),
            Kind::Text => format!("'{}'", char::from(b'a' + k - 1)),
            Kind::Uuid => format!("'00000000-0000-0000-0000-00000000000{k}'"),
            Kind::Json => format!("'{{\"k\": {k}}}'"),
            Kind::Date => format!("'2000-01-0{k}'"),
            Kind::Timestamp | Kind::TimestampTz => format!("'2000-01-0{k} 12:00:00'"),
            Kind::Time => format!("'12:00:0{k}'"),
            Kind::Bytes => format!("x'0{k}'"),
            Kind::Inet => format!("'127.0.0.{k}'"),
            Kind::Enum(labels) => {
                let l = labels.get(usize::from(k) - 1).or(labels.first())?;
                format!("'{}'", l.replace('\'', "''"))
            }
            Kind::Interval | Kind::Array | Kind::Unknown(_) => return None,
        })
    }

    fn as_text(&self, expr: &str) -> String {
        format!("CAST({expr} AS CHAR)")
    }
}
