//! SQLAlchemy column types as the models declare them, and the DDL type SQLAlchemy's compiler
//! writes for each of them per dialect.

use crate::dialects::Dialect;

/// Which of SQLAlchemy's DDL compilers writes the DDL of the models, asked of the dialect
/// ([`Dialect::sqlalchemy_name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compiler {
    Postgresql,
    Sqlite,
    /// `mysql` and `mariadb` (the same compiler; dialect-specific keyword arguments differ).
    Mysql,
}

/// The SQLAlchemy dialect the models are compiled for, which names the dialect-specific
/// keyword arguments it reads (`mariadb_charset=` for `--dialect mariadb`); Alembic files
/// write `mysql_` arguments for both flavours (their URL is `mysql+pymysql://`).
pub fn sa_dialect_name(dialect: &dyn Dialect) -> &'static str {
    match dialect.kind() {
        crate::dialects::DialectKind::Mariadb => "mariadb",
        _ => dialect.sqlalchemy_name().unwrap_or(""),
    }
}

/// The dialect names of `.with_variant(...)` that apply to models compiled for `dialect`.
pub fn variant_names(dialect: &dyn Dialect) -> &'static [&'static str] {
    match sa_dialect_name(dialect) {
        "postgresql" => &["postgresql"],
        "mysql" => &["mysql"],
        "mariadb" => &["mariadb"],
        "sqlite" => &["sqlite"],
        _ => &[],
    }
}

impl Compiler {
    pub fn of(dialect: &dyn Dialect) -> Compiler {
        match dialect.sqlalchemy_name() {
            Some("postgresql") => Compiler::Postgresql,
            Some("mysql" | "mariadb") => Compiler::Mysql,
            _ => Compiler::Sqlite,
        }
    }
}

/// A SQLAlchemy type, with the arguments that change its DDL.
#[derive(Clone, Debug, PartialEq)]
pub enum SaType {
    /// `String(n)`, `VARCHAR`, `Unicode`, SQLModel's `AutoString`.
    String(Option<u64>),
    /// SQLModel's `AutoString` without a length (`str` fields): `VARCHAR`, on MySQL
    /// `VARCHAR(255)`.
    AutoString,
    /// `CHAR(n)`.
    Char(Option<u64>),
    Text,
    Integer,
    BigInteger,
    SmallInteger,
    /// `Float(precision)`.
    Float(Option<u64>),
    /// `Double` (SQLAlchemy 2.1's `Mapped[float]`), `DOUBLE_PRECISION`.
    Double,
    /// `Numeric(precision, scale)`.
    Numeric(Option<u64>, Option<u64>),
    Boolean,
    DateTime {
        tz: bool,
    },
    /// `TIMESTAMP`: PostgreSQL's as `DateTime`, SQLite's and MySQL's `TIMESTAMP`.
    Timestamp {
        tz: bool,
    },
    Date,
    Time {
        tz: bool,
    },
    Interval,
    /// `LargeBinary(length)`: MySQL's `BLOB(length)` (the server picks the BLOB size).
    LargeBinary(Option<u64>),
    Uuid,
    Json,
    /// A named enum: PostgreSQL `CREATE TYPE name AS ENUM (labels)`, else `VARCHAR(longest)`.
    Enum {
        name: String,
        labels: Vec<String>,
        native: bool,
        length: Option<u64>,
        /// `postgresql.ENUM(...)`: `Some(create_type)` (always native; with
        /// `create_type=True` SQLAlchemy cannot compile it for MySQL); `None` for `Enum`.
        postgresql: Option<bool>,
        /// `create_constraint=True`: where the enum is not native, SQLAlchemy adds `CHECK (col
        /// IN (labels))`, named by the enum's name.
        check: bool,
    },
    /// `ARRAY(item)` (PostgreSQL).
    Array(Box<SaType>),
    /// A dialect type written as is (`JSONB`, `INET`, a `# schemashift: type=` override).
    Raw(String),
    /// `NVARCHAR(n)` / `NCHAR(n)` (`national`: the `N` types): MySQL's `NATIONAL VARCHAR`;
    /// PostgreSQL has none.
    National {
        char: bool,
        length: Option<u64>,
    },
    /// A string type with `collation=`: `VARCHAR(50) COLLATE "C"` (MySQL: `COLLATE name`).
    Collated(Box<SaType>, String),
    /// A type of SQLAlchemy's MySQL dialect (`mysql.TINYINT(display_width=1)`), with the
    /// DDL its MySQL/MariaDB compiler writes.
    Mysql {
        ddl: String,
        kind: MysqlKind,
    },
}

impl SaType {
    /// The type SQLAlchemy's DDL compiler writes for `dialect`.
    pub fn ddl(&self, dialect: Compiler) -> String {
        let pg = dialect == Compiler::Postgresql;
        let my = dialect == Compiler::Mysql;
        match self {
            SaType::String(None) => "VARCHAR".into(),
            SaType::AutoString if my => "VARCHAR(255)".into(),
            SaType::AutoString => "VARCHAR".into(),
            SaType::String(Some(n)) => format!("VARCHAR({n})"),
            SaType::Char(None) => "CHAR".into(),
            SaType::Char(Some(n)) => format!("CHAR({n})"),
            SaType::Text => "TEXT".into(),
            SaType::Integer => "INTEGER".into(),
            SaType::BigInteger => "BIGINT".into(),
            SaType::SmallInteger => "SMALLINT".into(),
            SaType::Float(None) => "FLOAT".into(),
            // SQLite's compiler (SQLAlchemy's generic one) writes no precision.
            SaType::Float(Some(_)) if dialect == Compiler::Sqlite => "FLOAT".into(),
            SaType::Float(Some(p)) => format!("FLOAT({p})"),
            SaType::Double if pg => "DOUBLE PRECISION".into(),
            SaType::Double => "DOUBLE".into(),
            SaType::Numeric(None, _) => "NUMERIC".into(),
            SaType::Numeric(Some(p), None) => format!("NUMERIC({p})"),
            SaType::Numeric(Some(p), Some(s)) => format!("NUMERIC({p}, {s})"),
            SaType::Boolean if my => "BOOL".into(),
            SaType::Boolean => "BOOLEAN".into(),
            SaType::DateTime { tz: true } if pg => "TIMESTAMP WITH TIME ZONE".into(),
            SaType::DateTime { .. } if pg => "TIMESTAMP WITHOUT TIME ZONE".into(),
            SaType::DateTime { .. } => "DATETIME".into(),
            SaType::Timestamp { tz } if pg => SaType::DateTime { tz: *tz }.ddl(dialect),
            SaType::Timestamp { .. } => "TIMESTAMP".into(),
            SaType::Date => "DATE".into(),
            SaType::Time { tz: true } if pg => "TIME WITH TIME ZONE".into(),
            SaType::Time { .. } if pg => "TIME WITHOUT TIME ZONE".into(),
            SaType::Time { .. } => "TIME".into(),
            SaType::Interval if pg => "INTERVAL".into(),
            // SQLAlchemy stores an Interval on SQLite and MySQL as a DATETIME (epoch + delta).
            SaType::Interval => "DATETIME".into(),
            SaType::LargeBinary(_) if pg => "BYTEA".into(),
            SaType::LargeBinary(Some(n)) if my => format!("BLOB({n})"),
            SaType::LargeBinary(_) => "BLOB".into(),
            SaType::Uuid if pg => "UUID".into(),
            SaType::Uuid => "CHAR(32)".into(),
            SaType::Json => "JSON".into(),
            SaType::Enum { name, native, .. } if pg && *native => super::ddl::quote(name, dialect),
            // MySQL's inline ENUM, labels quoted as SQLAlchemy's MySQL ENUM quotes them.
            SaType::Enum {
                labels,
                native: true,
                ..
            } if my => {
                let labels: Vec<String> = labels
                    .iter()
                    .map(|l| format!("'{}'", l.replace('\'', "''")))
                    .collect();
                format!("ENUM({})", labels.join(","))
            }
            SaType::Enum { labels, length, .. } => {
                let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                format!("VARCHAR({})", length.unwrap_or(longest as u64))
            }
            SaType::Array(item) => format!("{}[]", item.ddl(dialect)),
            SaType::Raw(t) => t.clone(),
            SaType::National { char, length } => {
                let base = if *char { "CHAR" } else { "VARCHAR" };
                let national = if my {
                    format!("NATIONAL {base}")
                } else {
                    format!("N{base}")
                };
                match length {
                    Some(n) => format!("{national}({n})"),
                    None => national,
                }
            }
            // SQLAlchemy's compilers quote the collation on PostgreSQL and SQLite (always,
            // `"` doubled), and write it bare on MySQL.
            SaType::Mysql { ddl, .. } => ddl.clone(),
            SaType::Collated(inner, c) if my => format!("{} COLLATE {c}", inner.ddl(dialect)),
            SaType::Collated(inner, c) => {
                format!(
                    "{} COLLATE \"{}\"",
                    inner.ddl(dialect),
                    c.replace('"', "\"\"")
                )
            }
        }
    }

    /// Why SQLAlchemy's compiler for `dialect` cannot write this type (its `CompileError`).
    pub fn compile_error(&self, dialect: Compiler) -> Option<&'static str> {
        match (self, dialect) {
            (SaType::String(None), Compiler::Mysql) => {
                Some("VARCHAR requires a length on MySQL and MariaDB (SQLAlchemy raises CompileError); give String(n) or Text")
            }
            (SaType::Array(_), Compiler::Mysql) => {
                Some("ARRAY is PostgreSQL's (SQLAlchemy raises CompileError for this dialect)")
            }
            (SaType::National { .. }, Compiler::Mysql) => {
                Some("NVARCHAR / NCHAR are MySQL's NATIONAL VARCHAR / CHAR (stored as CHARACTER SET utf8mb3), which schemashift does not read yet; use String(n) / Unicode(n)")
            }
            (SaType::National { .. }, Compiler::Postgresql) => {
                Some("PostgreSQL has no NVARCHAR / NCHAR type (SQLAlchemy writes it and the database rejects it); use String / Unicode")
            }
            (SaType::Collated(inner, _), d) => inner.compile_error(d),
            (
                SaType::Enum {
                    postgresql: Some(true),
                    ..
                },
                Compiler::Mysql,
            ) => {
                Some("postgresql.ENUM creates its type with CREATE TYPE, which SQLAlchemy cannot compile for MySQL / MariaDB (create_all fails); give it create_type=False, or use sa.Enum")
            }
            (SaType::Mysql { .. }, Compiler::Postgresql | Compiler::Sqlite) => {
                Some("a type of SQLAlchemy's MySQL dialect (`mysql.*`) is read for --dialect mysql / mariadb only")
            }
            _ => None,
        }
    }

    /// Integer types (SERIAL candidates).
    pub fn serial(&self) -> Option<&'static str> {
        match self {
            SaType::Integer => Some("SERIAL"),
            SaType::BigInteger => Some("BIGSERIAL"),
            SaType::SmallInteger => Some("SMALLSERIAL"),
            SaType::Mysql {
                kind: MysqlKind::Integer,
                ..
            } => Some("SERIAL"),
            _ => None,
        }
    }
}

/// The type named by a SQLAlchemy type class (`sa.String`, `postgresql.JSONB`) called with
/// `args` (positional integers) and keyword flags; `None` when schemashift does not know it.
pub fn from_class(name: &str, ints: &[Option<u64>], tz: Option<bool>) -> Option<SaType> {
    let a0 = ints.first().copied().flatten();
    let a1 = ints.get(1).copied().flatten();
    let short = name.rsplit('.').next().unwrap_or(name);
    let ns = name.split('.').next().unwrap_or("");
    let t = match (ns, short) {
        (_, "AutoString") if a0.is_none() => SaType::AutoString,
        (_, "String" | "VARCHAR" | "Unicode" | "AutoString") => SaType::String(a0),
        (_, "NVARCHAR") => SaType::National {
            char: false,
            length: a0,
        },
        (_, "NCHAR") => SaType::National {
            char: true,
            length: a0,
        },
        (_, "CHAR") => SaType::Char(a0),
        (_, "Text" | "TEXT" | "UnicodeText" | "CLOB") => SaType::Text,
        (_, "Integer" | "INTEGER" | "INT") => SaType::Integer,
        (_, "BigInteger" | "BIGINT") => SaType::BigInteger,
        (_, "SmallInteger" | "SMALLINT") => SaType::SmallInteger,
        (_, "Float" | "FLOAT") => SaType::Float(a0),
        (_, "REAL") => SaType::Raw("REAL".into()),
        (_, "Double" | "DOUBLE_PRECISION" | "DOUBLE") => SaType::Double,
        (_, "Numeric" | "NUMERIC" | "DECIMAL") => SaType::Numeric(a0, a1),
        (_, "Boolean" | "BOOLEAN") => SaType::Boolean,
        (_, "DateTime" | "DATETIME") => SaType::DateTime {
            tz: tz.unwrap_or(false),
        },
        (_, "TIMESTAMP") => SaType::Timestamp {
            tz: tz.unwrap_or(false),
        },
        (_, "Date" | "DATE") => SaType::Date,
        (_, "Time" | "TIME") => SaType::Time {
            tz: tz.unwrap_or(false),
        },
        (_, "Interval" | "INTERVAL") => SaType::Interval,
        (_, "LargeBinary" | "BLOB") => SaType::LargeBinary(a0),
        (_, "BYTEA" | "BINARY" | "VARBINARY") => SaType::LargeBinary(None),
        (_, "Uuid" | "UUID") => SaType::Uuid,
        // `PickleType`'s `impl` is `LargeBinary()` (its arguments are pickling options).
        ("sa", "PickleType") => SaType::LargeBinary(None),
        ("sa", "JSON") => SaType::Json,
        ("postgresql" | "sqlite", "JSON") => SaType::Json,
        (
            "postgresql",
            "JSONB" | "INET" | "CIDR" | "MACADDR" | "MACADDR8" | "TSVECTOR" | "CITEXT" | "MONEY"
            | "OID" | "INT4RANGE" | "INT8RANGE" | "NUMRANGE" | "DATERANGE" | "TSRANGE"
            | "TSTZRANGE" | "BIT" | "HSTORE",
        ) => SaType::Raw(short.to_string()),
        _ => return None,
    };
    Some(t)
}

/// A literal argument of a type call, as the MySQL type reader needs it.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeArg {
    Int(u64),
    Bool(bool),
    Str(String),
    None,
    /// Not a literal schemashift can read.
    Other,
}

/// What a MySQL type is to SQLAlchemy's DDL compiler besides its DDL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MysqlKind {
    /// An integer type: the autoincrement column may be one.
    Integer,
    /// `TIMESTAMP`: the MySQL compiler writes `NULL` for a nullable one.
    Timestamp,
    Other,
}

/// A type of SQLAlchemy's MySQL dialect (`mysql.TINYINT(display_width=1, unsigned=True)`,
/// the spellings Alembic's autogenerate writes) called with positional `pos` and keyword
/// `kw` arguments: the DDL SQLAlchemy's MySQL/MariaDB compiler writes for it, or why it
/// cannot be read.
pub fn mysql_class(
    short: &str,
    pos: &[TypeArg],
    kw: &[(String, TypeArg)],
) -> Result<SaType, String> {
    let class = short;
    let int_types = [
        "TINYINT",
        "SMALLINT",
        "MEDIUMINT",
        "INTEGER",
        "INT",
        "BIGINT",
    ];
    let num_types = ["DECIMAL", "NUMERIC", "DOUBLE", "REAL", "FLOAT"];
    let char_types = ["CHAR", "VARCHAR", "NCHAR", "NVARCHAR"];
    let text_types = ["TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT"];
    let time_types = ["DATETIME", "TIMESTAMP", "TIME"];
    let plain = [
        "TINYBLOB",
        "MEDIUMBLOB",
        "LONGBLOB",
        "JSON",
        "DATE",
        "BOOLEAN",
        "YEAR",
        "BLOB",
        "BIT",
        "BINARY",
        "VARBINARY",
    ];
    let enum_like = class == "ENUM" || class == "SET";
    if !(int_types.contains(&class)
        || num_types.contains(&class)
        || char_types.contains(&class)
        || text_types.contains(&class)
        || time_types.contains(&class)
        || plain.contains(&class)
        || enum_like)
    {
        return Err(format!(
            "`mysql.{class}` is not a MySQL type schemashift reads"
        ));
    }
    // Positional parameters by class (SQLAlchemy's signatures).
    let names: &[&str] = if int_types.contains(&class) || class == "YEAR" {
        &["display_width"]
    } else if num_types.contains(&class) {
        &["precision", "scale", "asdecimal"]
    } else if char_types.contains(&class)
        || ["TEXT", "BLOB", "BIT", "BINARY", "VARBINARY"].contains(&class)
    {
        &["length"]
    } else if time_types.contains(&class) {
        &["timezone", "fsp"]
    } else if class == "JSON" {
        &["none_as_null"]
    } else {
        &[]
    };
    let mut args: Vec<(String, TypeArg)> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    for (i, a) in pos.iter().enumerate() {
        if enum_like {
            match a {
                TypeArg::Str(s) => labels.push(s.clone()),
                _ => {
                    return Err(format!(
                        "the values of `mysql.{class}` cannot be read statically"
                    ))
                }
            }
        } else if let Some(n) = names.get(i) {
            args.push((n.to_string(), a.clone()));
        } else {
            return Err(format!(
                "`mysql.{class}` is called with more arguments than it takes"
            ));
        }
    }
    args.extend(kw.iter().cloned());
    let int = |v: &TypeArg, k: &str| match v {
        TypeArg::Int(n) => Ok(Some(*n)),
        TypeArg::None => Ok(None),
        _ => Err(format!(
            "`{k}=` of `mysql.{class}` cannot be read statically"
        )),
    };
    let (mut width, mut length, mut precision, mut scale, mut fsp) = (None, None, None, None, None);
    let (mut unsigned, mut zerofill, mut national, mut binary) = (false, false, false, false);
    let (mut ascii, mut unicode) = (false, false);
    let (mut charset, mut collation): (Option<String>, Option<String>) = (None, None);
    for (k, v) in &args {
        let flag = || match v {
            TypeArg::Bool(b) => Ok(*b),
            TypeArg::None => Ok(false),
            _ => Err(format!(
                "`{k}=` of `mysql.{class}` cannot be read statically"
            )),
        };
        let text = || match v {
            TypeArg::Str(s) => Ok(Some(s.clone())),
            TypeArg::None => Ok(None),
            _ => Err(format!(
                "`{k}=` of `mysql.{class}` cannot be read statically"
            )),
        };
        match k.as_str() {
            "display_width" => width = int(v, k)?,
            "length" => length = int(v, k)?,
            "precision" => precision = int(v, k)?,
            "scale" => scale = int(v, k)?,
            "fsp" => fsp = int(v, k)?,
            "unsigned" => unsigned = flag()?,
            "zerofill" => zerofill = flag()?,
            "national" => national = flag()?,
            "binary" => binary = flag()?,
            "ascii" => ascii = flag()?,
            "unicode" => unicode = flag()?,
            "charset" => charset = text()?,
            "collation" => collation = text()?,
            // No effect on the DDL.
            "asdecimal"
            | "timezone"
            | "none_as_null"
            | "retrieve_as_bitwise"
            | "quoting"
            | "strict"
            | "native_enum"
            | "create_constraint"
            | "validate_strings"
            | "values_callable"
            | "omit_aliases"
            | "name"
            | "decimal_return_scale"
            | "_expect_unicode" => {}
            _ => {
                return Err(format!(
                    "`mysql.{class}` argument `{k}=` is not known to schemashift"
                ))
            }
        }
    }
    let flags = |s: &mut String| {
        if unsigned {
            s.push_str(" UNSIGNED");
        }
        if zerofill {
            s.push_str(" ZEROFILL");
        }
    };
    if national || class == "NCHAR" || class == "NVARCHAR" {
        return Err("NATIONAL VARCHAR / CHAR are stored as CHARACTER SET utf8mb3, which schemashift does not read yet; use `charset='utf8mb3'`".into());
    }
    // `CHARACTER SET`/`COLLATE`/`BINARY`... as SQLAlchemy's `_extend_string` writes them.
    let extend = |s: String| {
        let mut s = s;
        if let Some(c) = &charset {
            s.push_str(&format!(" CHARACTER SET {c}"));
        } else if ascii {
            s.push_str(" ASCII");
        } else if unicode {
            s.push_str(" UNICODE");
        }
        if binary {
            s.push_str(" BINARY");
        }
        if let Some(c) = &collation {
            s.push_str(&format!(" COLLATE {c}"));
        }
        s
    };
    let sized = |name: &str, n: Option<u64>| match n {
        Some(n) => format!("{name}({n})"),
        None => name.to_string(),
    };
    let mut kind = MysqlKind::Other;
    let ddl = match class {
        c if int_types.contains(&c) => {
            kind = MysqlKind::Integer;
            let name = if c == "INT" { "INTEGER" } else { c };
            let mut s = sized(name, width);
            flags(&mut s);
            s
        }
        "YEAR" => sized("YEAR", width),
        c if num_types.contains(&c) => {
            let mut s = match (precision, scale) {
                (None, _) => c.to_string(),
                (Some(p), Some(sc)) => format!("{c}({p}, {sc})"),
                (Some(p), None) if c == "FLOAT" || c == "DECIMAL" || c == "NUMERIC" => {
                    format!("{c}({p})")
                }
                (Some(_), None) => {
                    return Err(format!(
                    "`mysql.{c}` with a precision needs a scale (SQLAlchemy raises ArgumentError)"
                ))
                }
            };
            flags(&mut s);
            s
        }
        "CHAR" | "VARCHAR" => {
            if class == "VARCHAR" && length.is_none() {
                return Err(
                    "`mysql.VARCHAR` needs a length (SQLAlchemy raises CompileError)".into(),
                );
            }
            extend(sized(class, length))
        }
        c if text_types.contains(&c) => extend(sized(c, length)),
        "BLOB" | "BIT" | "BINARY" | "VARBINARY" => sized(class, length),
        c if time_types.contains(&c) => {
            if c == "TIMESTAMP" {
                kind = MysqlKind::Timestamp;
            }
            sized(c, fsp)
        }
        "BOOLEAN" => "BOOL".into(),
        "ENUM" | "SET" => {
            let quoted: Vec<String> = labels
                .iter()
                .map(|l| format!("'{}'", l.replace('\'', "''")))
                .collect();
            extend(format!("{class}({})", quoted.join(",")))
        }
        c => c.to_string(),
    };
    Ok(SaType::Mysql { ddl, kind })
}

#[cfg(test)]
mod mysql_tests {
    use super::*;

    /// `mysql.<class>(args)` parsed as the reader hands it over.
    fn ddl(class: &str, pos: &[TypeArg], kw: &[(&str, TypeArg)]) -> String {
        let kw: Vec<(String, TypeArg)> =
            kw.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        match mysql_class(class, pos, &kw) {
            Ok(t) => t.ddl(Compiler::Mysql),
            Err(e) => format!("ERR {e}"),
        }
    }

    /// The DDL SQLAlchemy 2.0's MySQL/MariaDB compiler writes for the same calls
    /// (`mysql.X(..).compile(dialect=mariadb.MariaDBDialect())`).
    #[test]
    fn mysql_types_compile_as_sqlalchemy_does() {
        use TypeArg::*;
        let s = |v: &str| Str(v.to_string());
        assert_eq!(
            ddl("INTEGER", &[], &[("display_width", Int(11))]),
            "INTEGER(11)"
        );
        assert_eq!(ddl("INTEGER", &[], &[]), "INTEGER");
        assert_eq!(
            ddl(
                "TINYINT",
                &[],
                &[
                    ("display_width", Int(4)),
                    ("unsigned", Bool(true)),
                    ("zerofill", Bool(true))
                ]
            ),
            "TINYINT(4) UNSIGNED ZEROFILL"
        );
        assert_eq!(ddl("TINYINT", &[Int(1)], &[]), "TINYINT(1)");
        assert_eq!(
            ddl("MEDIUMINT", &[], &[("unsigned", Bool(true))]),
            "MEDIUMINT UNSIGNED"
        );
        assert_eq!(
            ddl(
                "DECIMAL",
                &[],
                &[
                    ("unsigned", Bool(true)),
                    ("precision", Int(10)),
                    ("scale", Int(2))
                ]
            ),
            "DECIMAL(10, 2) UNSIGNED"
        );
        assert_eq!(
            ddl("DECIMAL", &[Int(10), Int(2)], &[("zerofill", Bool(true))]),
            "DECIMAL(10, 2) ZEROFILL"
        );
        assert_eq!(ddl("NUMERIC", &[Int(10), Int(2)], &[]), "NUMERIC(10, 2)");
        assert_eq!(
            ddl(
                "DOUBLE",
                &[],
                &[("asdecimal", Bool(true)), ("unsigned", Bool(true))]
            ),
            "DOUBLE UNSIGNED"
        );
        assert_eq!(
            ddl("DOUBLE", &[], &[("precision", Int(10)), ("scale", Int(2))]),
            "DOUBLE(10, 2)"
        );
        assert_eq!(ddl("FLOAT", &[], &[("precision", Int(20))]), "FLOAT(20)");
        assert_eq!(
            ddl("FLOAT", &[], &[("unsigned", Bool(true))]),
            "FLOAT UNSIGNED"
        );
        assert_eq!(ddl("REAL", &[], &[]), "REAL");
        assert_eq!(ddl("BIT", &[], &[("length", Int(3))]), "BIT(3)");
        assert_eq!(
            ddl(
                "VARCHAR",
                &[],
                &[
                    ("charset", s("utf8mb4")),
                    ("collation", s("utf8mb4_bin")),
                    ("length", Int(32))
                ]
            ),
            "VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
        );
        assert_eq!(
            ddl(
                "VARCHAR",
                &[],
                &[("collation", s("latin1_bin")), ("length", Int(5))]
            ),
            "VARCHAR(5) COLLATE latin1_bin"
        );
        // SQLAlchemy: NATIONAL VARCHAR(10), which schemashift does not read yet.
        assert!(ddl("VARCHAR", &[Int(10)], &[("national", Bool(true))]).starts_with("ERR"));
        assert_eq!(
            ddl("VARCHAR", &[Int(10)], &[("binary", Bool(true))]),
            "VARCHAR(10) BINARY"
        );
        assert_eq!(
            ddl("VARCHAR", &[Int(10)], &[("ascii", Bool(true))]),
            "VARCHAR(10) ASCII"
        );
        assert_eq!(
            ddl(
                "CHAR",
                &[Int(10)],
                &[("charset", s("latin1")), ("binary", Bool(true))]
            ),
            "CHAR(10) CHARACTER SET latin1 BINARY"
        );
        // NATIONAL VARCHAR(10) / NATIONAL CHAR(3) for SQLAlchemy: not read yet.
        assert!(ddl("NVARCHAR", &[Int(10)], &[]).starts_with("ERR"));
        assert!(ddl("NCHAR", &[Int(3)], &[]).starts_with("ERR"));
        assert_eq!(ddl("CHAR", &[], &[]), "CHAR");
        assert_eq!(ddl("BINARY", &[], &[("length", Int(16))]), "BINARY(16)");
        assert_eq!(
            ddl("VARBINARY", &[], &[("length", Int(16))]),
            "VARBINARY(16)"
        );
        assert_eq!(
            ddl("TEXT", &[], &[("charset", s("latin1"))]),
            "TEXT CHARACTER SET latin1"
        );
        assert_eq!(ddl("TEXT", &[], &[("length", Int(100))]), "TEXT(100)");
        assert_eq!(
            ddl("MEDIUMTEXT", &[], &[("collation", s("utf8mb4_bin"))]),
            "MEDIUMTEXT COLLATE utf8mb4_bin"
        );
        assert_eq!(
            ddl(
                "LONGTEXT",
                &[],
                &[("charset", s("utf8mb4")), ("collation", s("utf8mb4_bin"))]
            ),
            "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
        );
        for plain in [
            "TINYTEXT",
            "TINYBLOB",
            "BLOB",
            "MEDIUMBLOB",
            "LONGBLOB",
            "JSON",
            "DATE",
            "YEAR",
            "DATETIME",
            "TIMESTAMP",
            "TIME",
        ] {
            assert_eq!(ddl(plain, &[], &[]), plain);
        }
        assert_eq!(ddl("BLOB", &[], &[("length", Int(100))]), "BLOB(100)");
        assert_eq!(ddl("YEAR", &[Int(4)], &[]), "YEAR(4)");
        assert_eq!(ddl("DATETIME", &[], &[("fsp", Int(3))]), "DATETIME(3)");
        assert_eq!(
            ddl(
                "DATETIME",
                &[],
                &[("timezone", Bool(true)), ("fsp", Int(2))]
            ),
            "DATETIME(2)"
        );
        assert_eq!(ddl("TIMESTAMP", &[], &[("fsp", Int(6))]), "TIMESTAMP(6)");
        assert_eq!(ddl("TIME", &[], &[("fsp", Int(2))]), "TIME(2)");
        assert_eq!(
            ddl("ENUM", &[s("a"), s("it's")], &[("charset", s("latin1"))]),
            "ENUM('a','it''s') CHARACTER SET latin1"
        );
        assert_eq!(
            ddl("ENUM", &[s("a"), s("b")], &[("length", Int(10))]),
            "ENUM('a','b')"
        );
        assert_eq!(
            ddl("SET", &[s("x"), s("y")], &[("collation", s("latin1_bin"))]),
            "SET('x','y') COLLATE latin1_bin"
        );
        assert_eq!(
            ddl(
                "SET",
                &[s("a"), s("b")],
                &[("retrieve_as_bitwise", Bool(true))]
            ),
            "SET('a','b')"
        );
        assert_eq!(ddl("BOOLEAN", &[], &[]), "BOOL");
        // What SQLAlchemy rejects, and what schemashift cannot read, is said.
        assert!(ddl("VARCHAR", &[], &[]).starts_with("ERR"));
        assert!(ddl("DOUBLE", &[], &[("precision", Int(10))]).starts_with("ERR"));
        assert!(ddl("GEOMETRY", &[], &[]).starts_with("ERR"));
        assert!(ddl("INTEGER", &[], &[("display_width", Other)]).starts_with("ERR"));
    }
}
