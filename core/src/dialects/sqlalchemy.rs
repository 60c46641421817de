//! How SQLAlchemy spells things in Python source: the type a dialect's column type maps to
//! ([`SaType`]) and Python string literals. Dialects use it for their `sa_type`; the Alembic
//! writer for everything it prints.

use std::fmt::Write as _;

/// A column type spelled for SQLAlchemy in an Alembic revision file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaType {
    /// Python expression: `sa.String(length=200)`, `postgresql.JSONB(astext_type=sa.Text())`.
    pub expr: String,
    /// `sqlalchemy.dialects` module the expression uses (`postgresql`), imported by the file.
    pub module: Option<&'static str>,
    /// As a table's only primary key column, SQLAlchemy makes this type autoincrement in the
    /// DDL it emits (PostgreSQL `SERIAL` for the integer types) unless the column says
    /// `autoincrement=False`. SQLite's DDL has no such difference.
    pub autoincrement: bool,
}

/// A Python string literal as `repr()` writes it.
pub fn py_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    let _ = write!(out, "\\x{n:02x}");
                } else if n < 0x10000 {
                    let _ = write!(out, "\\u{n:04x}");
                } else {
                    let _ = write!(out, "\\U{n:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable()` for the characters that matter in schemas: controls, format
/// characters, separators other than the space, private use.
fn py_printable(c: char) -> bool {
    let n = c as u32;
    !(n < 0x20
        || (0x7f..=0xa0).contains(&n)
        || n == 0xad
        || (0x2000..=0x200f).contains(&n)
        || (0x2028..=0x202f).contains(&n)
        || (0x205f..=0x206f).contains(&n)
        || n == 0x3000
        || n == 0xfeff
        || (0xfff9..=0xfffb).contains(&n)
        || (0xe000..=0xf8ff).contains(&n)
        || n >= 0xf0000)
}

/// An integer type modifier (`length=200`), if it is one.
pub fn int(s: &str) -> Option<i128> {
    s.parse().ok()
}
