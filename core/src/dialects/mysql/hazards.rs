//! Hazards particular to MySQL 8.0+ and MariaDB 10.6+: how the server runs each `ALTER
//! TABLE` on a table that has rows (online DDL: `ALGORITHM=INSTANT`, `INPLACE` with or
//! without a rebuild, or `COPY`), narrowing as MySQL's types narrow, and character set
//! conversions.
//!
//! The algorithm follows the online DDL tables of MySQL 8.0 ("Online DDL Operations") and
//! MariaDB ("InnoDB Online DDL Operations with ALGORITHM=INSTANT/INPLACE/NOCOPY"), where both
//! agree:
//! - INSTANT (nothing reported): a column added at the end, a column dropped, defaults,
//!   comments, `ON UPDATE`, `INVISIBLE`, `ENUM`/`SET` values appended, `RENAME COLUMN`/`INDEX`,
//!   `DROP INDEX`, `DROP FOREIGN KEY`, the table's default character set, `ADD INDEX`
//!   (INPLACE without a rebuild, `LOCK=NONE`).
//! - INPLACE with a rebuild (`inplace_rebuild`): `NULL` <-> `NOT NULL`, `ADD PRIMARY KEY`,
//!   `ROW_FORMAT`/`KEY_BLOCK_SIZE` and other options, a `VARCHAR` made longer across the 255
//!   byte boundary (assuming utf8mb4's 4 bytes a character).
//! - COPY (`table_copy`): another type, character set or collation, `AUTO_INCREMENT` added
//!   or removed, a `STORED` generated column added, `DROP PRIMARY KEY` without a new one in
//!   the same statement, `ADD FOREIGN KEY` with `foreign_key_checks=1`, `ENGINE`, `CONVERT TO
//!   CHARACTER SET`.

use super::Mysql;
use crate::change::Change;
use crate::dialects::Dialect;
use crate::hazard::{narrows, Hazard, HazardCode};
use crate::model::*;

/// A type's base name and whether it is unsigned: `int unsigned zerofill` -> (`int`, true).
fn base(t: &Type) -> (&str, bool) {
    let mut words = t.name.split_whitespace();
    let b = words.next().unwrap_or("");
    (b, words.any(|w| w == "unsigned"))
}

fn int_rank(b: &str) -> Option<u8> {
    Some(match b {
        "tinyint" => 0,
        "smallint" => 1,
        "mediumint" => 2,
        "int" => 3,
        "bigint" => 4,
        _ => return None,
    })
}

/// The characters a string type holds.
fn string_capacity(t: &Type) -> Option<u64> {
    let n = || t.modifiers.as_deref()?.trim().parse::<u64>().ok();
    Some(match base(t).0 {
        "char" | "varchar" | "binary" | "varbinary" => n()?,
        "tinytext" | "tinyblob" => 255,
        "text" | "blob" => 65_535,
        "mediumtext" | "mediumblob" => 16_777_215,
        "longtext" | "longblob" | "json" => 4_294_967_295,
        _ => return None,
    })
}

/// The values of an `ENUM(..)`/`SET(..)` as written in the model.
fn values(t: &Type) -> Vec<&str> {
    t.modifiers
        .as_deref()
        .map(|m| m.split(',').map(str::trim).collect())
        .unwrap_or_default()
}

/// Whether MySQL's `from` -> `to` holds less: smaller or unsigned-changed integers, shorter
/// strings, fewer digits, `ENUM`/`SET` values removed, `double` to `float`.
pub(super) fn mysql_narrows(from: &Type, to: &Type) -> bool {
    let ((bf, uf), (bt, ut)) = (base(from), base(to));
    if let (Some(rf), Some(rt)) = (int_rank(bf), int_rank(bt)) {
        return rt < rf || (!uf && ut) || (uf && !ut && rt <= rf);
    }
    if let (Some(cf), Some(ct)) = (string_capacity(from), string_capacity(to)) {
        return ct < cf;
    }
    if matches!(bf, "enum" | "set") && bf == bt {
        let to_values = values(to);
        return values(from).iter().any(|v| !to_values.contains(v));
    }
    if bf == "decimal" && bt == "decimal" {
        let plain = |t: &Type| Type {
            name: "decimal".into(),
            ..t.clone()
        };
        return narrows(&plain(from), &plain(to));
    }
    if int_rank(bf).is_some() && bt == "decimal" {
        return true;
    }
    bf == "double" && bt == "float"
}

/// What kind of value a type holds (a change of kind converts every value).
fn family(b: &str) -> &str {
    match b {
        b if int_rank(b).is_some() => "number",
        "decimal" | "float" | "double" | "bit" => "number",
        "char" | "varchar" | "tinytext" | "text" | "mediumtext" | "longtext" => "string",
        "binary" | "varbinary" | "tinyblob" | "blob" | "mediumblob" | "longblob" => "bytes",
        other => other,
    }
}

/// A column's own character set (`None`: the table's).
fn charset(c: &Column) -> Option<&str> {
    c.attrs.iter().find_map(|a| match a {
        ColumnAttr::Charset(cs) => Some(cs.as_str()),
        _ => None,
    })
}

/// Whether a character set holds every character (a conversion to it loses nothing).
fn holds_everything(cs: &str) -> bool {
    matches!(cs, "utf8mb4" | "utf16" | "utf16le" | "utf32" | "binary")
}

/// How the server changes a column in place: `None` when INSTANT, else the hazard's code and
/// why.
fn column_algorithm(from: &Column, to: &Column) -> Option<(HazardCode, String)> {
    let (bf, _) = base(&from.ty);
    let (bt, _) = base(&to.ty);
    if from.ty != to.ty {
        // ENUM/SET values appended (the storage size kept): metadata only.
        let appended = matches!(bf, "enum" | "set") && bf == bt && {
            let (a, b) = (values(&from.ty), values(&to.ty));
            b.starts_with(&a)
                && (bf == "set" && b.len().div_ceil(8) == a.len().div_ceil(8)
                    || bf == "enum" && (a.len() <= 255) == (b.len() <= 255))
        };
        // A longer VARCHAR keeps its length bytes below 256 bytes (64 utf8mb4 characters).
        let longer_varchar = bf == "varchar" && bt == "varchar" && {
            let (a, b) = (string_capacity(&from.ty), string_capacity(&to.ty));
            matches!((a, b), (Some(a), Some(b)) if b >= a)
        };
        if longer_varchar {
            let (a, b) = (
                string_capacity(&from.ty).unwrap_or(0),
                string_capacity(&to.ty).unwrap_or(0),
            );
            if (a * 4 <= 255) != (b * 4 <= 255) {
                return Some((
                    HazardCode::InplaceRebuild,
                    "a VARCHAR that needs a second length byte rebuilds the table".into(),
                ));
            }
        } else if !appended {
            return Some((HazardCode::TableCopy, "the type changes".into()));
        }
    }
    if from.collation != to.collation || charset(from) != charset(to) {
        return Some((
            HazardCode::TableCopy,
            "the character set or collation changes".into(),
        ));
    }
    if from.auto_increment() != to.auto_increment() {
        return Some((HazardCode::TableCopy, "AUTO_INCREMENT changes".into()));
    }
    if from.generated.is_some() != to.generated.is_some()
        || from.generated.as_ref().is_some_and(|g| g.stored) && from.generated != to.generated
    {
        return Some((
            HazardCode::TableCopy,
            "the generated expression changes".into(),
        ));
    }
    if from.not_null != to.not_null {
        return Some((HazardCode::InplaceRebuild, "NULL / NOT NULL changes".into()));
    }
    None
}

pub(super) fn hazards(d: &Mysql, change: &Change, existing: bool) -> Vec<Hazard> {
    let mut out = Vec::new();
    let label = d.label();
    match change {
        Change::AlterColumn {
            table, from, to, ..
        } => {
            let (bf, _) = base(&from.ty);
            let (bt, _) = base(&to.ty);
            if from.ty != to.ty && mysql_narrows(&from.ty, &to.ty) {
                out.push(Hazard::new(
                    HazardCode::NarrowType,
                    format!(
                        "{table}.{}: {} -> {} is narrower; values that do not fit make the MODIFY fail (strict mode) or are cut",
                        to.name,
                        d.render_type(&from.ty),
                        d.render_type(&to.ty)
                    ),
                ));
            } else if from.ty != to.ty && (family(bf) != family(bt) || (family(bf) == bf && bf != bt)) {
                out.push(Hazard::new(
                    HazardCode::ChangeType,
                    format!(
                        "{table}.{}: converting {} to {} fails on values that do not convert",
                        to.name,
                        d.render_type(&from.ty),
                        d.render_type(&to.ty)
                    ),
                ));
            }
            let checks = |c: &Column| -> Vec<Sql> {
                c.attrs
                    .iter()
                    .filter_map(|a| match a {
                        ColumnAttr::Check(e) => Some(e.clone()),
                        _ => None,
                    })
                    .collect()
            };
            let old_checks = checks(from);
            if existing && checks(to).iter().any(|e| !old_checks.contains(e)) {
                out.push(Hazard::new(
                    HazardCode::AddCheck,
                    format!(
                        "{table}.{}: the column's new CHECK fails the MODIFY if an existing row violates it",
                        to.name
                    ),
                ));
            }
            let new_charset = charset(to);
            if existing
                && charset(from) != new_charset
                && new_charset.is_some_and(|cs| !holds_everything(cs))
                && (family(bt) == "string" || matches!(bt, "enum" | "set"))
            {
                out.push(Hazard::new(
                    HazardCode::CharsetConversion,
                    format!(
                        "{table}.{}: the values are converted to {}; characters it lacks become '?' or fail",
                        to.name,
                        new_charset.unwrap_or_default()
                    ),
                ));
            }
            if existing {
                if let Some((code, why)) = column_algorithm(from, to) {
                    out.push(algorithm_hazard(label, code, table, &format!("MODIFY COLUMN {}: {why}", to.name)));
                }
            }
        }
        Change::AddColumn { table, column, .. } if existing => {
            let stored = column.generated.as_ref().is_some_and(|g| g.stored);
            if stored || column.auto_increment() {
                let why = if stored {
                    "a STORED generated column is computed for every row"
                } else {
                    "an AUTO_INCREMENT column numbers every row"
                };
                out.push(algorithm_hazard(
                    label,
                    HazardCode::TableCopy,
                    table,
                    &format!("ADD COLUMN {}: {why}", column.name),
                ));
            }
        }
        Change::AddConstraint { table, constraint } if existing => match constraint.kind {
            ConstraintKind::PrimaryKey { .. } => out.push(algorithm_hazard(
                label,
                HazardCode::InplaceRebuild,
                table,
                "ADD PRIMARY KEY: the rows are stored in key order",
            )),
            ConstraintKind::ForeignKey { .. } => out.push(algorithm_hazard(
                label,
                HazardCode::TableCopy,
                table,
                &format!(
                    "ADD FOREIGN KEY {}: INPLACE only with foreign_key_checks=0 (which skips the check of the existing rows)",
                    constraint.name
                ),
            )),
            _ => {}
        },
        Change::DropConstraint { table, constraint }
            if existing && matches!(constraint.kind, ConstraintKind::PrimaryKey { .. }) =>
        {
            out.push(algorithm_hazard(
                label,
                HazardCode::TableCopy,
                table,
                "DROP PRIMARY KEY: unless the same ALTER TABLE adds a new one (then INPLACE with a rebuild)",
            ))
        }
        Change::SetTableOptions {
            table,
            from,
            to,
            convert_columns,
        } if existing => {
            let changed = |f: &dyn Fn(&TableAttr) -> bool| {
                let a: Vec<_> = from.iter().filter(|x| f(x)).collect();
                let b: Vec<_> = to.iter().filter(|x| f(x)).collect();
                a != b
            };
            // A new DEFAULT CHARSET alone converts nothing: only columns added later take it.
            // CONVERT TO CHARACTER SET rewrites every character column.
            if *convert_columns {
                let probe = Table {
                    attrs: to.clone(),
                    ..Table::new(table.clone())
                };
                let cs = super::charset::real_defaults(&probe).0.unwrap_or_default();
                let lossy = if holds_everything(&cs) {
                    String::new()
                } else {
                    format!("; characters {cs} lacks become '?' or fail")
                };
                out.push(Hazard::new(
                    HazardCode::CharsetConversion,
                    format!(
                        "{table}: CONVERT TO CHARACTER SET {cs} rewrites the values of every character column{lossy}"
                    ),
                ));
                out.push(algorithm_hazard(
                    label,
                    HazardCode::TableCopy,
                    table,
                    "CONVERT TO CHARACTER SET",
                ));
            } else if changed(&|a| matches!(a, TableAttr::MysqlEngine(_))) {
                out.push(algorithm_hazard(
                    label,
                    HazardCode::TableCopy,
                    table,
                    "ENGINE changes",
                ));
            } else if changed(&|a| matches!(a, TableAttr::MysqlOption(_))) {
                out.push(algorithm_hazard(
                    label,
                    HazardCode::InplaceRebuild,
                    table,
                    "a table option (ROW_FORMAT, KEY_BLOCK_SIZE..) changes",
                ));
            }
        }
        _ => {}
    }
    out
}

fn algorithm_hazard(label: &str, code: HazardCode, table: &QualName, what: &str) -> Hazard {
    let how = match code {
        HazardCode::TableCopy => "copies the table (ALGORITHM=COPY, writes blocked)",
        _ => "rebuilds the table in place (ALGORITHM=INPLACE, LOCK=NONE applies)",
    };
    Hazard::new(code, format!("{table}: {what}; {label} {how}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str, m: Option<&str>) -> Type {
        Type {
            name: name.into(),
            modifiers: m.map(Str::from),
            array_dims: 0,
            user: None,
        }
    }

    #[test]
    fn narrowing_as_mysql_types_narrow() {
        assert!(mysql_narrows(&t("bigint", None), &t("int", None)));
        assert!(mysql_narrows(&t("int", None), &t("int unsigned", None)));
        assert!(mysql_narrows(&t("int unsigned", None), &t("int", None)));
        assert!(!mysql_narrows(&t("int unsigned", None), &t("bigint", None)));
        assert!(mysql_narrows(&t("text", None), &t("varchar", Some("255"))));
        assert!(mysql_narrows(&t("mediumtext", None), &t("text", None)));
        assert!(!mysql_narrows(
            &t("varchar", Some("100")),
            &t("mediumtext", None)
        ));
        assert!(mysql_narrows(
            &t("enum", Some("'a','b'")),
            &t("enum", Some("'a'"))
        ));
        assert!(!mysql_narrows(
            &t("enum", Some("'a'")),
            &t("enum", Some("'a','b'"))
        ));
        assert!(mysql_narrows(
            &t("decimal", Some("10,2")),
            &t("decimal", Some("8,2"))
        ));
        assert!(mysql_narrows(&t("double", None), &t("float", None)));
    }

    #[test]
    fn online_ddl_algorithms() {
        let col = |ty: Type| Column {
            name: "c".into(),
            ty,
            not_null: false,
            default: None,
            identity: None,
            generated: None,
            collation: None,
            comment: None,
            attrs: Vec::new(),
            null_default: Default::default(),
        };
        let a = col(t("varchar", Some("20")));
        assert_eq!(column_algorithm(&a, &col(t("varchar", Some("40")))), None);
        assert_eq!(
            column_algorithm(&a, &col(t("varchar", Some("100")))).map(|x| x.0),
            Some(HazardCode::InplaceRebuild)
        );
        assert_eq!(
            column_algorithm(&a, &col(t("int", None))).map(|x| x.0),
            Some(HazardCode::TableCopy)
        );
        let e = col(t("enum", Some("'a','b'")));
        assert_eq!(
            column_algorithm(&e, &col(t("enum", Some("'a','b','c'")))),
            None
        );
        let mut nn = a.clone();
        nn.not_null = true;
        assert_eq!(
            column_algorithm(&a, &nn).map(|x| x.0),
            Some(HazardCode::InplaceRebuild)
        );
        let mut d = a.clone();
        d.default = None;
        d.attrs.push(ColumnAttr::Comment("x".into()));
        assert_eq!(column_algorithm(&a, &d), None);
    }
}
