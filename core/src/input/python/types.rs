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
    LargeBinary,
    Uuid,
    Json,
    /// A named enum: PostgreSQL `CREATE TYPE name AS ENUM (labels)`, else `VARCHAR(longest)`.
    Enum {
        name: String,
        labels: Vec<String>,
        native: bool,
        length: Option<u64>,
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
            SaType::LargeBinary if pg => "BYTEA".into(),
            SaType::LargeBinary => "BLOB".into(),
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
            _ => None,
        }
    }

    /// Integer types (SERIAL candidates).
    pub fn serial(&self) -> Option<&'static str> {
        match self {
            SaType::Integer => Some("SERIAL"),
            SaType::BigInteger => Some("BIGSERIAL"),
            SaType::SmallInteger => Some("SMALLSERIAL"),
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
        (_, "LargeBinary" | "BLOB" | "BYTEA" | "BINARY" | "VARBINARY") => SaType::LargeBinary,
        (_, "Uuid" | "UUID") => SaType::Uuid,
        ("sa", "JSON") => SaType::Json,
        ("postgresql", "JSON") => SaType::Json,
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
