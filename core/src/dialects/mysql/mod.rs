//! MySQL 8.0+ and MariaDB 10.6+ (a flavour of the same dialect): backquoted names kept as
//! written (table names are case-sensitive, as with `lower_case_table_names=0` on Linux),
//! types with `UNSIGNED`/`ZEROFILL` and display widths folded the way the server stores them,
//! column attributes (`AUTO_INCREMENT`, `ON UPDATE`, `CHARACTER SET`, `COMMENT`) and table
//! options, unnamed keys named as the server names them, the index a foreign key implies, and
//! `ALTER TABLE .. MODIFY COLUMN` with the whole column restated.
//!
//! DDL is not transactional in MySQL: every statement commits on its own, so the script says
//! so in its first line.

mod charset;
mod grammar;
mod hazards;
mod naming;
mod sql;
mod sqlalchemy;
pub(super) mod verify;

use super::{Dialect, DialectKind};
use crate::change::Change;
use crate::model::*;

/// MySQL, or MariaDB when `mariadb`.
pub struct Mysql {
    mariadb: bool,
    /// The server's `lower_case_table_names`: 0 (table names case-sensitive), 1 or 2 (compared
    /// in lower case; with 1 also stored so).
    lower_case_table_names: u8,
}

pub(super) static MYSQL: Mysql = Mysql {
    mariadb: false,
    lower_case_table_names: 0,
};
pub(super) static MARIADB: Mysql = Mysql {
    mariadb: true,
    lower_case_table_names: 0,
};

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

/// MariaDB's display width of an integer type written without one.
fn default_width(base: &str, unsigned: bool) -> u8 {
    match (base, unsigned) {
        ("tinyint", false) => 4,
        ("tinyint", true) => 3,
        ("smallint", false) => 6,
        ("smallint", true) => 5,
        ("mediumint", false) => 9,
        ("mediumint", true) => 8,
        ("int", false) => 11,
        ("int", true) => 10,
        _ => 20,
    }
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

    fn fold_ident(&self, ident: &str) -> Str {
        ident.into()
    }

    fn fold_quoted(&self, ident: &str) -> Str {
        ident.into()
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
            // MariaDB keeps display widths (`int` is `int(11)`); MySQL 8 drops them.
            b if is_integer(b) && self.mariadb && modifiers.is_none() => {
                modifiers = Some(default_width(b, !suffix.is_empty()).to_string());
            }
            b if is_integer(b) && self.mariadb => {}
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
            // `BLOB(M)`: the smallest BLOB type that holds M bytes, as the server stores it
            // (SQLAlchemy's `LargeBinary(65536)` is `BLOB(65536)`, a mediumblob).
            "blob" if modifiers.is_some() => {
                let m: u64 = modifiers
                    .as_deref()
                    .and_then(|m| m.trim().parse().ok())
                    .unwrap_or(u64::MAX);
                let base = match m {
                    0..=255 => "tinyblob",
                    256..=65_535 => "blob",
                    65_536..=16_777_215 => "mediumblob",
                    _ => "longblob",
                };
                return Type {
                    name: base.into(),
                    modifiers: None,
                    array_dims: 0,
                    user: None,
                };
            }
            // `FLOAT(p)` is `float` for p <= 24 and `double` above, as the server stores it
            // (SQLAlchemy's `Float(precision=53)` is `FLOAT(53)`); `FLOAT(M,D)` is kept.
            "float" if modifiers.as_deref().is_some_and(|m| !m.contains(',')) => {
                let p: u32 = modifiers
                    .as_deref()
                    .and_then(|m| m.trim().parse().ok())
                    .unwrap_or(0);
                let base = if p > 24 { "double" } else { "float" };
                return Type {
                    name: format_compact!("{base}{suffix}"),
                    modifiers: None,
                    array_dims: 0,
                    user: None,
                };
            }
            _ => {}
        }
        Type {
            name: format_compact!("{base}{suffix}"),
            modifiers: modifiers.map(Str::from),
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
            None => ty.name.to_string(),
        }
    }

    /// Always backquoted, as `SHOW CREATE TABLE` writes names.
    fn quote_ident(&self, ident: &str) -> String {
        format!("`{}`", ident.replace('`', "``"))
    }

    fn complete(&self, schema: &mut Schema) {
        if self.lower_case_table_names != 0 {
            naming::lower_case_table_names(schema);
        }
        super::fill_foreign_key_targets(schema);
        naming::complete(schema, self.mariadb);
        canonical_values(schema, self.mariadb);
    }

    fn complete_table(&self, schema: &mut Schema, table: &QualName) {
        naming::complete_one(schema, table, self.mariadb);
    }

    fn needs_using(&self, _from: &Column, _to: &Column) -> bool {
        false
    }

    fn render_change(&self, change: &Change, out: &mut Vec<String>) {
        sql::render_change(self, change, out);
    }

    fn merge_statements(&self, first: &str, second: &str) -> Option<String> {
        sql::merge_statements(first, second)
    }

    fn script_statement(&self, statement: String) -> String {
        sql::client_statement(statement)
    }

    fn script_prologue(&self, _changes: &[Change]) -> Vec<String> {
        vec![format!(
            "-- {} DDL is not transactional: each statement commits on its own, and a failed \
             step leaves the earlier ones applied",
            self.label()
        )]
    }

    fn table_options_altered(&self, old: &Table, t: &mut Table, convert: bool) {
        charset::options_altered(old, t, convert, self.mariadb)
    }

    fn options_reach_columns(&self, from: &Table, to: &Table) -> Option<(bool, Map<Str, Column>)> {
        charset::options_reach_columns(from, to, self.mariadb)
    }

    fn hazards(&self, change: &Change, existing: bool) -> Vec<crate::hazard::Hazard> {
        hazards::hazards(self, change, existing)
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

    fn records_null_default(&self) -> bool {
        false
    }
    fn key_comments_in_definition(&self) -> bool {
        true
    }

    fn with_lower_case_table_names(&self, mode: u8) -> Option<Box<dyn super::Dialect>> {
        (mode != 0).then(|| {
            Box::new(Mysql {
                mariadb: self.mariadb,
                lower_case_table_names: mode,
            }) as Box<dyn super::Dialect>
        })
    }

    fn foreign_keys_need_an_index(&self) -> bool {
        true
    }

    fn index_option_is_written(&self, option: &str) -> bool {
        option != FK_INDEX
    }

    /// The server names the index it makes after the foreign key's name as written, or picks
    /// one (the first column's) when the name is left to it. A dump's ``KEY `c` `` beside
    /// ``CONSTRAINT `t_ibfk_1` `` is what an unnamed key made; a key written with that name makes
    /// `t_ibfk_1`, so there the index is created by itself.
    fn index_made_by_foreign_key(&self, i: &Index, table: &Table) -> bool {
        i.options.iter().any(|o| o == FK_INDEX)
            && table.constraints.values().any(|c| match &c.kind {
                ConstraintKind::ForeignKey { columns, .. } => {
                    naming::plain_columns(i).is_some_and(|cols| cols == *columns)
                        && self
                            .written_constraint_name(c)
                            .is_none_or(|n| n.eq_ignore_ascii_case(&i.name.name))
                }
                _ => false,
            })
    }

    fn columns_case_insensitive(&self) -> bool {
        true
    }

    /// SQLAlchemy's `mysql` dialect (its `mariadb` one takes the same `mysql_` arguments).
    fn sqlalchemy_name(&self) -> Option<&'static str> {
        Some("mysql")
    }

    /// Names the server generates (`<t>_ibfk_<n>`, `CONSTRAINT_<n>`, a key's first column) are
    /// left to it; a MariaDB column check keeps its column's name.
    fn written_constraint_name(&self, c: &Constraint) -> Option<String> {
        let column_check = matches!(c.kind, ConstraintKind::Check { .. })
            && !c.name.starts_with("CONSTRAINT_")
            && !c.name.contains("_chk_");
        (!c.implicit_name || column_check).then(|| c.name.to_string())
    }

    /// `mysql_prefix='FULLTEXT'`, `mysql_using='HASH'`.
    fn sa_index_method(&self, method: &str) -> (&'static str, String) {
        match method {
            "fulltext" | "spatial" => ("prefix", method.to_ascii_uppercase()),
            other => ("using", other.to_ascii_uppercase()),
        }
    }

    fn sa_type(
        &self,
        ty: &Type,
        collation: Option<&str>,
        _enum_type: Option<&EnumType>,
    ) -> Option<super::SaType> {
        sqlalchemy::sa_type(ty, collation, None)
    }

    fn sa_column_type(
        &self,
        column: &Column,
        _enum_type: Option<&EnumType>,
    ) -> Option<super::SaType> {
        let charset = column.attrs.iter().find_map(|a| match a {
            ColumnAttr::Charset(c) => Some(c.as_str()),
            _ => None,
        });
        sqlalchemy::sa_type(&column.ty, column.collation.as_deref(), charset)
    }

    fn restates_column(&self) -> bool {
        true
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
    fn mariadb_keeps_display_widths() {
        let t = |name: &str, m: Option<&str>| {
            let t = MARIADB.normalize_type(name, None, m.map(str::to_string), 0, "def");
            MARIADB.render_type(&t)
        };
        assert_eq!(t("int", None), "int(11)");
        assert_eq!(t("int", Some("4")), "int(4)");
        assert_eq!(t("bigint unsigned", None), "bigint(20) unsigned");
        assert_eq!(t("boolean", None), "tinyint(1)");
        // As MariaDB 10.11 stores them (SHOW CREATE TABLE).
        assert_eq!(t("float", Some("24")), "float");
        assert_eq!(t("float", Some("25")), "double");
        assert_eq!(t("float", Some("53")), "double");
        assert_eq!(t("float", Some("7,2")), "float(7,2)");
    }

    #[test]
    fn names_are_backquoted() {
        assert_eq!(MYSQL.quote_ident("order"), "`order`");
        assert_eq!(MYSQL.quote_ident("a`b"), "`a``b`");
    }
}

/// Values as the server stores them, so that a dump compares equal to the DDL it came from: a
/// number default of a numeric column is a number (`DEFAULT '0'` on `decimal(12,2)` is
/// `DEFAULT 0.00` in a dump), and MariaDB prints `length(x)` as `octet_length(x)` (its
/// `length` counts bytes).
fn canonical_values(schema: &mut Schema, mariadb: bool) {
    const NUMERIC: &[&str] = &[
        "tinyint",
        "smallint",
        "mediumint",
        "int",
        "integer",
        "bigint",
        "decimal",
        "numeric",
        "float",
        "double",
        "real",
    ];
    for t in schema.tables.values_mut() {
        for c in t.columns.values_mut() {
            let base = c.ty.name.split([' ', '(']).next().unwrap_or("");
            if let Some(d) = c.default.as_mut().filter(|_| NUMERIC.contains(&base)) {
                if let Some(n) = canonical_number(&d.key) {
                    d.key = n.into();
                }
            }
            if mariadb {
                if let Some(g) = &mut c.generated {
                    g.expr.key = octet_length(&g.expr.key).into();
                }
                if let Some(d) = &mut c.default {
                    d.key = octet_length(&d.key).into();
                }
            }
        }
        if mariadb {
            for con in t.constraints.values_mut() {
                if let ConstraintKind::Check { expr, .. } = &mut con.kind {
                    expr.key = octet_length(&expr.key).into();
                }
            }
        }
    }
}

/// A number literal, quoted or not, in one spelling: `'0'`, `0.00`, `+0.0` -> `0`; `'1.50'` ->
/// `1.5`. `None` when `key` is not a plain decimal number.
fn canonical_number(key: &str) -> Option<String> {
    let raw = key
        .strip_prefix('\'')
        .and_then(|k| k.strip_suffix('\''))
        .unwrap_or(key)
        .trim();
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw.strip_prefix('+').unwrap_or(raw)),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !plain(int) || !plain(frac) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let mut out = String::new();
    if negative && (int != "0" || !frac.is_empty()) {
        out.push('-');
    }
    out.push_str(int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    Some(out)
}

/// `length(` as a function call (not `char_length(` or `octet_length(`) spelled `octet_length(`.
fn octet_length(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut rest = key;
    while let Some(i) = rest.find("length(") {
        let before = rest[..i].chars().next_back();
        out.push_str(&rest[..i]);
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            out.push_str("length(");
        } else {
            out.push_str("octet_length(");
        }
        rest = &rest[i + "length(".len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod value_tests {
    use super::*;

    #[test]
    fn numbers_and_lengths_are_spelled_as_the_server_stores_them() {
        assert_eq!(canonical_number("'0'").as_deref(), Some("0"));
        assert_eq!(canonical_number("0.00").as_deref(), Some("0"));
        assert_eq!(canonical_number("'1.50'").as_deref(), Some("1.5"));
        assert_eq!(canonical_number("-0.0").as_deref(), Some("0"));
        assert_eq!(canonical_number("'-12'").as_deref(), Some("-12"));
        assert_eq!(canonical_number("'abc'"), None);
        assert_eq!(canonical_number("now()"), None);
        assert_eq!(
            octet_length("(length(label) > 0)"),
            "(octet_length(label) > 0)"
        );
        assert_eq!(
            octet_length("(char_length(a) + octet_length(b))"),
            "(char_length(a) + octet_length(b))"
        );
    }
}
