//! MySQL 8.0+ and MariaDB 10.6+ (a flavour of the same dialect): backquoted names kept as
//! written (table names are case-sensitive, as with `lower_case_table_names=0` on Linux),
//! types with `UNSIGNED`/`ZEROFILL` and display widths folded the way the server stores them,
//! column attributes (`AUTO_INCREMENT`, `ON UPDATE`, `CHARACTER SET`, `COMMENT`) and table
//! options, unnamed keys named as the server names them, the index a foreign key implies, and
//! `ALTER TABLE .. MODIFY COLUMN` with the whole column restated.
//!
//! DDL is not transactional in MySQL: every statement commits on its own, so the script says
//! so in its first line.

mod grammar;
mod naming;
mod sql;

use super::{Dialect, DialectKind};
use crate::change::Change;
use crate::model::*;

/// MySQL, or MariaDB when `mariadb`.
pub struct Mysql {
    mariadb: bool,
}

pub(super) static MYSQL: Mysql = Mysql { mariadb: false };
pub(super) static MARIADB: Mysql = Mysql { mariadb: true };

static PARSER: sqlparser::dialect::MySqlDialect = sqlparser::dialect::MySqlDialect {};

/// Options of an index that exists because a foreign key needs one (MySQL creates it with the
/// key and leaves it when the key is dropped).
pub(crate) const FK_INDEX: &str = "implied by a foreign key";

impl Mysql {
    fn label(&self) -> &'static str {
        if self.mariadb {
            "MariaDB"
        } else {
            "MySQL"
        }
    }
}

/// `'text'` as a MySQL string literal (quotes doubled, backslashes escaped).
pub(crate) fn string_literal(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
}

/// Whether a type is one of the integer types.
fn is_integer(name: &str) -> bool {
    matches!(
        name.split_whitespace().next().unwrap_or(""),
        "tinyint" | "smallint" | "mediumint" | "int" | "bigint"
    )
}

impl Dialect for Mysql {
    fn kind(&self) -> DialectKind {
        if self.mariadb {
            DialectKind::Mariadb
        } else {
            DialectKind::Mysql
        }
    }

    fn parser_dialect(&self) -> &dyn sqlparser::dialect::Dialect {
        &PARSER
    }

    fn grammar(&self) -> &dyn super::Grammar {
        self
    }

    fn default_schema(&self) -> &'static str {
        "def"
    }

    fn fold_ident(&self, ident: &str) -> String {
        ident.to_string()
    }

    fn fold_quoted(&self, ident: &str) -> String {
        ident.to_string()
    }

    fn nextval_default(&self, seq: &QualName) -> Sql {
        // MySQL has no sequences; never called for it.
        Sql::new(String::new(), format!("nextval('{seq}')"))
    }

    fn serial_of(&self, _col: &Column, _seq: &Sequence, _table: &QualName) -> Option<&'static str> {
        None
    }

    /// The type as the server stores it: `integer` is `int`, display widths of integers are
    /// dropped (MySQL 8 ignores them; `tinyint(1)`, SQLAlchemy's Boolean, and `ZEROFILL`
    /// widths are kept), `decimal` is `decimal(10,0)`, `bool` is `tinyint(1)`...
    fn normalize_type(
        &self,
        name: &str,
        _schema: Option<&str>,
        modifiers: Option<String>,
        _array_dims: u8,
        _search_schema: &str,
    ) -> Type {
        let name = name.to_ascii_lowercase();
        let (base, suffix) = match name.find(' ') {
            Some(i) if name[i..].starts_with(" unsigned") => (&name[..i], &name[i..]),
            _ => (name.as_str(), ""),
        };
        let base = match base {
            "integer" => "int",
            "dec" | "numeric" | "fixed" => "decimal",
            "real" | "double precision" => "double",
            "character" => "char",
            "character varying" | "char varying" | "varcharacter" => "varchar",
            "bool" | "boolean" => {
                return Type {
                    name: "tinyint".into(),
                    modifiers: Some("1".into()),
                    array_dims: 0,
                    user: None,
                }
            }
            b => b,
        };
        let mut modifiers = modifiers;
        match base {
            b if is_integer(b) => {
                let keep =
                    (b == "tinyint" && modifiers.as_deref() == Some("1") && suffix.is_empty())
                        || suffix.contains("zerofill");
                if !keep {
                    modifiers = None;
                }
            }
            "decimal" => {
                modifiers = Some(match modifiers {
                    None => "10,0".into(),
                    Some(m) if !m.contains(',') => format!("{m},0"),
                    Some(m) => m,
                })
            }
            "char" | "binary" | "bit" if modifiers.is_none() => modifiers = Some("1".into()),
            "datetime" | "timestamp" | "time" if modifiers.as_deref() == Some("0") => {
                modifiers = None
            }
            "year" => modifiers = None,
            _ => {}
        }
        Type {
            name: format!("{base}{suffix}"),
            modifiers,
            array_dims: 0,
            user: None,
        }
    }

    fn render_type(&self, ty: &Type) -> String {
        let (base, suffix) = match ty.name.find(" unsigned") {
            Some(i) => (&ty.name[..i], &ty.name[i..]),
            None => (ty.name.as_str(), ""),
        };
        match &ty.modifiers {
            Some(m) => format!("{base}({m}){suffix}"),
            None => ty.name.clone(),
        }
    }

    /// Always backquoted, as `SHOW CREATE TABLE` writes names.
    fn quote_ident(&self, ident: &str) -> String {
        format!("`{}`", ident.replace('`', "``"))
    }

    fn complete(&self, schema: &mut Schema) {
        super::fill_foreign_key_targets(schema);
        naming::complete(schema, self.mariadb);
    }

    fn needs_using(&self, _from: &Column, _to: &Column) -> bool {
        false
    }

    fn render_change(&self, change: &Change, out: &mut Vec<String>) {
        sql::render_change(self, change, out);
    }

    fn script_prologue(&self, _changes: &[Change]) -> Vec<String> {
        vec![format!(
            "-- {} DDL is not transactional: each statement commits on its own, and a failed \
             step leaves the earlier ones applied",
            self.label()
        )]
    }

    fn hazards(&self, change: &Change, existing: bool) -> Vec<crate::hazard::Hazard> {
        use crate::hazard::{Hazard, HazardCode};
        match change {
            Change::AlterColumn {
                table, to, changes, ..
            } if existing && changes.ty => {
                vec![Hazard::new(
                    HazardCode::ChangeType,
                    format!(
                        "{table}.{}: MODIFY COLUMN to {} copies the table unless the server can \
                         change it in place (ALGORITHM=INSTANT/INPLACE)",
                        to.name,
                        self.render_type(&to.ty)
                    ),
                )]
            }
            _ => Vec::new(),
        }
    }

    fn zero_value(&self, ty: &Type) -> Option<String> {
        let base = ty.name.split_whitespace().next().unwrap_or("");
        Some(
            match base {
                b if is_integer(b) => "0",
                "decimal" | "float" | "double" | "bit" | "year" => "0",
                "char" | "varchar" | "tinytext" | "text" | "mediumtext" | "longtext" => "''",
                "binary" | "varbinary" | "tinyblob" | "blob" | "mediumblob" | "longblob" => "''",
                "json" => "'{}'",
                "date" => "CURRENT_DATE",
                "datetime" | "timestamp" => "CURRENT_TIMESTAMP",
                "time" => "'00:00:00'",
                "enum" => {
                    return ty
                        .modifiers
                        .as_ref()
                        .and_then(|m| m.split(',').next().map(str::to_string))
                }
                _ => return None,
            }
            .to_string(),
        )
    }

    fn drop_object_sql(&self, kind: ObjectKind, name: &str, _table: Option<&QualName>) -> String {
        format!("DROP {} {}", kind.sql(), self.quote_ident(name))
    }

    fn renames_constraints(&self) -> bool {
        false
    }

    fn sqlalchemy_name(&self) -> Option<&'static str> {
        Some(if self.mariadb { "mariadb" } else { "mysql" })
    }

    fn alembic_revisions(&self) -> bool {
        false
    }

    fn sa_type(
        &self,
        _ty: &Type,
        _collation: Option<&str>,
        _enum_type: Option<&EnumType>,
    ) -> Option<super::SaType> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(name: &str, m: Option<&str>) -> String {
        let t = MYSQL.normalize_type(name, None, m.map(str::to_string), 0, "def");
        MYSQL.render_type(&t)
    }

    #[test]
    fn types_as_the_server_stores_them() {
        assert_eq!(ty("INT", Some("11")), "int");
        assert_eq!(ty("int unsigned", Some("10")), "int unsigned");
        assert_eq!(
            ty("int unsigned zerofill", Some("5")),
            "int(5) unsigned zerofill"
        );
        assert_eq!(ty("integer", None), "int");
        assert_eq!(ty("boolean", None), "tinyint(1)");
        assert_eq!(ty("tinyint", Some("1")), "tinyint(1)");
        assert_eq!(ty("decimal", None), "decimal(10,0)");
        assert_eq!(ty("numeric", Some("5")), "decimal(5,0)");
        assert_eq!(ty("varchar", Some("20")), "varchar(20)");
        assert_eq!(ty("enum", Some("'a b','c'")), "enum('a b','c')");
    }

    #[test]
    fn names_are_backquoted() {
        assert_eq!(MYSQL.quote_ident("order"), "`order`");
        assert_eq!(MYSQL.quote_ident("a`b"), "`a``b`");
    }
}
