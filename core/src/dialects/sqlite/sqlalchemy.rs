//! SQLite declared types as SQLAlchemy spells them.

use crate::dialects::sqlalchemy::{py_str, SaType};
use crate::model::Type;

/// SQLite declared types that SQLAlchemy's SQLite compiler writes back exactly as declared
/// (upper-cased, as SQLite's own dumps and our SQL show them).
pub(crate) fn sa_type(ty: &Type, collation: Option<&str>) -> Option<SaType> {
    let name = ty.name.to_ascii_uppercase();
    let m = ty.modifiers.as_deref();
    let n = |m: &str| m.trim().parse::<u32>().ok();
    let coll = collation
        .map(|c| format!("collation={}", py_str(c)))
        .into_iter();
    let expr = match (name.as_str(), m) {
        ("INTEGER", None) => "sa.Integer()".to_string(),
        ("BIGINT", None) => "sa.BigInteger()".to_string(),
        ("SMALLINT", None) => "sa.SmallInteger()".to_string(),
        ("TEXT", None) => format!("sa.Text({})", coll.collect::<Vec<_>>().join(", ")),
        ("VARCHAR", None) => format!("sa.String({})", coll.collect::<Vec<_>>().join(", ")),
        ("VARCHAR", Some(m)) => {
            let args: Vec<String> = std::iter::once(format!("length={}", n(m)?))
                .chain(coll)
                .collect();
            format!("sa.String({})", args.join(", "))
        }
        ("CHAR", Some(m)) => {
            let args: Vec<String> = std::iter::once(format!("length={}", n(m)?))
                .chain(coll)
                .collect();
            format!("sa.CHAR({})", args.join(", "))
        }
        ("NVARCHAR", Some(m)) if collation.is_none() => format!("sa.NVARCHAR(length={})", n(m)?),
        ("NCHAR", Some(m)) if collation.is_none() => format!("sa.NCHAR(length={})", n(m)?),
        ("CHAR", None) => format!("sa.CHAR({})", coll.collect::<Vec<_>>().join(", ")),
        ("JSON", None) => "sa.JSON()".to_string(),
        ("CLOB", None) => "sa.CLOB()".to_string(),
        ("DOUBLE", None) => "sa.Double()".to_string(),
        ("DOUBLE PRECISION", None) => "sa.DOUBLE_PRECISION()".to_string(),
        ("DECIMAL", None) => "sa.DECIMAL()".to_string(),
        // `NUMERIC(10, 2)`: SQLAlchemy writes a space after the comma, which SQLite keeps in
        // the declared type and which compares equal (spaces are not part of the type).
        ("NUMERIC" | "DECIMAL", Some(m)) => {
            let class = if name == "NUMERIC" {
                "Numeric"
            } else {
                "DECIMAL"
            };
            let args: Vec<String> = match m.split_once(',') {
                Some((p, s)) => vec![format!("precision={}", n(p)?), format!("scale={}", n(s)?)],
                None => vec![format!("precision={}", n(m)?)],
            };
            format!("sa.{class}({})", args.join(", "))
        }
        ("BLOB", None) => "sa.LargeBinary()".to_string(),
        ("REAL", None) => "sa.REAL()".to_string(),
        ("FLOAT", None) => "sa.Float()".to_string(),
        ("NUMERIC", None) => "sa.Numeric()".to_string(),
        ("BOOLEAN", None) => "sa.Boolean()".to_string(),
        ("DATE", None) => "sa.Date()".to_string(),
        ("DATETIME", None) => "sa.DateTime()".to_string(),
        ("TIMESTAMP", None) => "sa.TIMESTAMP()".to_string(),
        ("TIME", None) => "sa.Time()".to_string(),
        _ => return None,
    };
    if collation.is_some() && !matches!(name.as_str(), "TEXT" | "VARCHAR" | "CHAR") {
        return None;
    }
    Some(SaType {
        expr,
        module: None,
        autoincrement: false,
    })
}
