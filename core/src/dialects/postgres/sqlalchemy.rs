//! PostgreSQL column types as SQLAlchemy (and its `postgresql` dialect) spells them.

use crate::dialects::sqlalchemy::{int, py_str, SaType};
use crate::model::{EnumType, Type};

/// PostgreSQL column types as SQLAlchemy spells them: the generic `sa.*` type where it emits
/// the same DDL on PostgreSQL (`sa.JSON()` is `JSON`, `sa.Double()` is `DOUBLE PRECISION`,
/// `sa.Interval()` is `INTERVAL`), which is what a model declares, else the `postgresql`
/// dialect's type (the spelling Alembic's autogenerate copies from reflection).
pub(crate) fn sa_type(
    ty: &Type,
    collation: Option<&str>,
    enum_type: Option<&EnumType>,
) -> Option<SaType> {
    let pg = |expr: String| {
        Some(SaType {
            expr,
            module: Some("postgresql"),
            autoincrement: false,
        })
    };
    if ty.array_dims > 0 {
        if collation.is_some() {
            return None;
        }
        let item = sa_type(
            &Type {
                array_dims: 0,
                ..ty.clone()
            },
            None,
            enum_type,
        )?;
        let dims = if ty.array_dims > 1 {
            format!(", dimensions={}", ty.array_dims)
        } else {
            String::new()
        };
        return pg(format!("postgresql.ARRAY({}{dims})", item.expr));
    }
    if let Some(user) = ty.user.as_deref() {
        let e = enum_type.filter(|e| &e.name == user)?;
        if collation.is_some() || ty.modifiers.is_some() {
            return None;
        }
        let mut args: Vec<String> = e.values.iter().map(|v| py_str(v)).collect();
        args.push(format!("name={}", py_str(&user.name)));
        if user.schema != "public" {
            args.push(format!("schema={}", py_str(&user.schema)));
        }
        args.push("create_type=False".into());
        return pg(format!("postgresql.ENUM({})", args.join(", ")));
    }
    let m = ty.modifiers.as_deref();
    // The integer types become SERIAL as a table's only primary key column.
    let sa = |expr: &str| {
        Some(SaType {
            expr: expr.to_string(),
            module: None,
            autoincrement: matches!(ty.name.as_str(), "integer" | "bigint" | "smallint"),
        })
    };
    // Collations only on string types.
    let coll = collation.map(|c| format!("collation={}", py_str(c)));
    let string_type = matches!(ty.name.as_str(), "character varying" | "character" | "text");
    if coll.is_some() && !string_type {
        return None;
    }
    let with_args = |name: &str, args: Vec<String>| -> String {
        let args: Vec<String> = args.into_iter().chain(coll.clone()).collect();
        format!("{name}({})", args.join(", "))
    };
    let length = |m: &str| m.parse::<u32>().ok().map(|n| format!("length={n}"));
    match (ty.name.as_str(), m) {
        ("integer", None) => sa("sa.Integer()"),
        ("bigint", None) => sa("sa.BigInteger()"),
        ("smallint", None) => sa("sa.SmallInteger()"),
        ("boolean", None) => sa("sa.Boolean()"),
        ("text", None) => sa(&with_args("sa.Text", vec![])),
        ("character varying", None) => sa(&with_args("sa.String", vec![])),
        ("character varying", Some(n)) => sa(&with_args("sa.String", vec![length(n)?])),
        ("character", Some(n)) => sa(&with_args("sa.CHAR", vec![length(n)?])),
        ("numeric", None) => sa("sa.Numeric()"),
        ("numeric", Some(ps)) => {
            let (p, s) = ps.split_once(',')?;
            let (p, s) = (p.trim().parse::<i32>().ok()?, s.trim().parse::<i32>().ok()?);
            sa(&format!("sa.Numeric(precision={p}, scale={s})"))
        }
        ("real", None) => sa("sa.REAL()"),
        ("double precision", None) => sa("sa.Double()"),
        ("date", None) => sa("sa.Date()"),
        ("timestamp without time zone", None) => sa("sa.DateTime()"),
        ("timestamp with time zone", None) => sa("sa.DateTime(timezone=True)"),
        ("timestamp without time zone", Some(p)) => {
            pg(format!("postgresql.TIMESTAMP(precision={})", int(p)?))
        }
        ("timestamp with time zone", Some(p)) => pg(format!(
            "postgresql.TIMESTAMP(timezone=True, precision={})",
            int(p)?
        )),
        ("time without time zone", None) => sa("sa.Time()"),
        ("time with time zone", None) => sa("sa.Time(timezone=True)"),
        ("time without time zone", Some(p)) => {
            pg(format!("postgresql.TIME(precision={})", int(p)?))
        }
        ("time with time zone", Some(p)) => pg(format!(
            "postgresql.TIME(timezone=True, precision={})",
            int(p)?
        )),
        ("interval", None) => sa("sa.Interval()"),
        ("interval", Some(p)) => pg(format!("postgresql.INTERVAL(precision={})", int(p)?)),
        ("uuid", None) => sa("sa.Uuid()"),
        ("json", None) => sa("sa.JSON()"),
        ("jsonb", None) => pg("postgresql.JSONB(astext_type=sa.Text())".into()),
        ("bytea", None) => sa("sa.LargeBinary()"),
        ("inet", None) => pg("postgresql.INET()".into()),
        ("cidr", None) => pg("postgresql.CIDR()".into()),
        ("macaddr", None) => pg("postgresql.MACADDR()".into()),
        ("macaddr8", None) => pg("postgresql.MACADDR8()".into()),
        ("money", None) => pg("postgresql.MONEY()".into()),
        ("tsvector", None) => pg("postgresql.TSVECTOR()".into()),
        ("oid", None) => pg("postgresql.OID()".into()),
        ("regclass", None) => pg("postgresql.REGCLASS()".into()),
        ("bit", Some(n)) => pg(format!("postgresql.BIT(length={})", int(n)?)),
        ("bit varying", None) => pg("postgresql.BIT(varying=True)".into()),
        ("bit varying", Some(n)) => pg(format!("postgresql.BIT(length={}, varying=True)", int(n)?)),
        ("int4range", None) => pg("postgresql.INT4RANGE()".into()),
        ("int8range", None) => pg("postgresql.INT8RANGE()".into()),
        ("numrange", None) => pg("postgresql.NUMRANGE()".into()),
        ("tsrange", None) => pg("postgresql.TSRANGE()".into()),
        ("tstzrange", None) => pg("postgresql.TSTZRANGE()".into()),
        ("daterange", None) => pg("postgresql.DATERANGE()".into()),
        _ => None,
    }
}
