//! MySQL column types as SQLAlchemy's `mysql` dialect spells them, the way Alembic's
//! autogenerate writes a reflected MySQL/MariaDB type (`mysql.VARCHAR(length=50)`,
//! `mysql.INTEGER(display_width=11)` on MariaDB, `mysql.TINYINT(display_width=1)`,
//! `mysql.ENUM('a', 'b')`, `mysql.VARCHAR(charset='latin1', collation='latin1_bin',
//! length=20)`): each emits the type as the server stores it, so a column made by Alembic
//! equals one made by the SQL script. Types SQLAlchemy has no class for (spatial types,
//! MariaDB's `UUID`/`INET6`) are `None`: their changes stay `op.execute` with SQL.

use crate::dialects::sqlalchemy::{py_str, SaType};
use crate::model::Type;

/// The SQLAlchemy type of a MySQL column type with its column's character set and collation.
pub(crate) fn sa_type(ty: &Type, collation: Option<&str>, charset: Option<&str>) -> Option<SaType> {
    if ty.user.is_some() || ty.array_dims > 0 {
        return None;
    }
    let mut words = ty.name.split_whitespace();
    let base = words.next()?;
    let (mut unsigned, mut zerofill) = (false, false);
    for w in words {
        match w {
            "unsigned" => unsigned = true,
            "zerofill" => zerofill = true,
            _ => return None,
        }
    }
    let m = ty.modifiers.as_deref();
    let n = |m: &str| m.trim().parse::<u32>().ok();
    let flags = || {
        let mut v = Vec::new();
        if unsigned {
            v.push("unsigned=True".to_string());
        }
        if zerofill {
            v.push("zerofill=True".to_string());
        }
        v
    };
    let string_type = matches!(
        base,
        "char" | "varchar" | "tinytext" | "text" | "mediumtext" | "longtext" | "enum" | "set"
    );
    if (charset.is_some() || collation.is_some()) && !string_type {
        return None;
    }
    if (unsigned || zerofill)
        && !matches!(
            base,
            "tinyint"
                | "smallint"
                | "mediumint"
                | "int"
                | "bigint"
                | "decimal"
                | "float"
                | "double"
        )
    {
        return None;
    }
    // `charset=.., collation=..` as SQLAlchemy's repr() writes them (before the length).
    let text_args = || {
        let mut v = Vec::new();
        if let Some(c) = charset {
            v.push(format!("charset={}", py_str(c)));
        }
        if let Some(c) = collation {
            v.push(format!("collation={}", py_str(c)));
        }
        v
    };
    let class = match base {
        "int" => "INTEGER".to_string(),
        b => b.to_ascii_uppercase(),
    };
    let args: Vec<String> = match (base, m) {
        ("tinyint" | "smallint" | "mediumint" | "int" | "bigint", _) => {
            let mut v = Vec::new();
            if let Some(w) = m {
                v.push(format!("display_width={}", n(w)?));
            }
            v.extend(flags());
            v
        }
        ("decimal", Some(ps)) => {
            let (p, s) = ps.split_once(',')?;
            let mut v = flags();
            v.push(format!("precision={}", n(p)?));
            v.push(format!("scale={}", n(s)?));
            v
        }
        ("float" | "double", _) => {
            let mut v = Vec::new();
            match m.map(|ps| ps.split_once(',')) {
                None => {}
                Some(Some((p, s))) => {
                    v.push(format!("precision={}", n(p)?));
                    v.push(format!("scale={}", n(s)?));
                }
                Some(None) if base == "float" => v.push(format!("precision={}", n(m?)?)),
                Some(None) => return None,
            }
            if base == "double" {
                v.push("asdecimal=True".into());
            }
            v.extend(flags());
            v
        }
        ("bit", Some(l)) => vec![format!("length={}", n(l)?)],
        ("char" | "varchar", Some(l)) => {
            let mut v = text_args();
            v.push(format!("length={}", n(l)?));
            v
        }
        ("binary" | "varbinary", Some(l)) => vec![format!("length={}", n(l)?)],
        ("tinytext" | "text" | "mediumtext" | "longtext", None) => text_args(),
        ("tinyblob" | "blob" | "mediumblob" | "longblob" | "json" | "date" | "year", None) => {
            Vec::new()
        }
        ("datetime" | "timestamp" | "time", None) => Vec::new(),
        ("datetime" | "timestamp" | "time", Some(p)) => vec![format!("fsp={}", n(p)?)],
        ("enum" | "set", Some(values)) => {
            let mut v: Vec<String> = string_values(values)?.iter().map(|s| py_str(s)).collect();
            v.extend(text_args());
            v
        }
        _ => return None,
    };
    Some(SaType {
        expr: format!("mysql.{class}({})", args.join(", ")),
        module: Some("mysql"),
        autoincrement: matches!(
            base,
            "tinyint" | "smallint" | "mediumint" | "int" | "bigint"
        ),
    })
}

/// The values of `'a','it''s'` (an `ENUM`/`SET` list as the model keeps it), unescaped.
fn string_values(list: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut chars = list.trim().chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        // `'a'`, or `"a"` (a string too, unless the server runs with ANSI_QUOTES).
        let quote = chars.next()?;
        if quote != '\'' && quote != '"' {
            return None;
        }
        let mut s = String::new();
        loop {
            match chars.next()? {
                q if q == quote && chars.peek() == Some(&quote) => {
                    chars.next();
                    s.push(q);
                }
                q if q == quote => break,
                '\\' => match chars.next()? {
                    'n' => s.push('\n'),
                    't' => s.push('\t'),
                    'r' => s.push('\r'),
                    '0' => s.push('\0'),
                    c => s.push(c),
                },
                c => s.push(c),
            }
        }
        out.push(s);
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        match chars.next() {
            None => return Some(out),
            Some(',') => {}
            Some(_) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str, m: Option<&str>) -> Type {
        Type {
            name: name.into(),
            modifiers: m.map(crate::model::Str::from),
            array_dims: 0,
            user: None,
        }
    }

    fn expr(ty: Type, coll: Option<&str>, cs: Option<&str>) -> Option<String> {
        sa_type(&ty, coll, cs).map(|s| s.expr)
    }

    /// Spellings checked against SQLAlchemy 2.0's repr() of the same types.
    #[test]
    fn types_as_sqlalchemy_reprs_them() {
        assert_eq!(
            expr(t("int", Some("11")), None, None).unwrap(),
            "mysql.INTEGER(display_width=11)"
        );
        assert_eq!(expr(t("int", None), None, None).unwrap(), "mysql.INTEGER()");
        assert_eq!(
            expr(t("tinyint unsigned zerofill", Some("4")), None, None).unwrap(),
            "mysql.TINYINT(display_width=4, unsigned=True, zerofill=True)"
        );
        assert_eq!(
            expr(t("decimal unsigned", Some("10,2")), None, None).unwrap(),
            "mysql.DECIMAL(unsigned=True, precision=10, scale=2)"
        );
        assert_eq!(
            expr(t("double unsigned", None), None, None).unwrap(),
            "mysql.DOUBLE(asdecimal=True, unsigned=True)"
        );
        assert_eq!(
            expr(
                t("varchar", Some("32")),
                Some("utf8mb4_bin"),
                Some("utf8mb4")
            )
            .unwrap(),
            "mysql.VARCHAR(charset='utf8mb4', collation='utf8mb4_bin', length=32)"
        );
        assert_eq!(
            expr(t("enum", Some("'a','it''s'")), None, Some("latin1")).unwrap(),
            "mysql.ENUM('a', \"it's\", charset='latin1')"
        );
        assert_eq!(
            expr(t("datetime", Some("3")), None, None).unwrap(),
            "mysql.DATETIME(fsp=3)"
        );
        assert_eq!(
            expr(t("enum", Some("\"a\",\"b\"\"c\"")), None, None).unwrap(),
            "mysql.ENUM('a', 'b\"c')"
        );
        assert_eq!(expr(t("geometry", None), None, None), None);
        assert_eq!(expr(t("int", None), Some("x"), None), None);
    }
}
