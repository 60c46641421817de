//! Frontends: text in some input language -> [`Schema`], with positioned diagnostics. Each
//! input language is a folder here (today SQL DDL, [`sql`]) and implements [`Frontend`]; what a
//! database's DDL has comes from its dialect ([`Dialect::grammar`]).

pub mod python;
pub mod sql;

use crate::diagnostics::{Diagnostic, Side};
use crate::dialects::Dialect;
use crate::model::Schema;

/// An input language: one schema snapshot's text -> the [`Schema`] it describes and the
/// diagnostics (positioned in that text) met on the way. A frontend reports errors as
/// diagnostics and never panics on any input.
pub trait Frontend: Sync {
    /// Short name, for messages (`sql`).
    fn name(&self) -> &'static str;
    /// Read one snapshot written for `dialect`; `side` is carried into the diagnostics.
    fn parse(&self, text: &str, dialect: &dyn Dialect, side: Side) -> (Schema, Vec<Diagnostic>);
}

/// SQL DDL (`pg_dump -s`, `sqlite3 .schema`, hand-written or ORM-emitted DDL): [`sql::parse`].
pub struct Sql;

impl Frontend for Sql {
    fn name(&self) -> &'static str {
        "sql"
    }

    fn parse(&self, text: &str, dialect: &dyn Dialect, side: Side) -> (Schema, Vec<Diagnostic>) {
        let (schema, mut diagnostics) = sql::parse(text, dialect, side);
        sql::add_dialect_hint(text, dialect, &mut diagnostics);
        (schema, diagnostics)
    }
}

/// Where a byte sequence stops being UTF-8: the first invalid byte's 1-based line and column
/// (in characters) and its byte offset, for "not UTF-8" errors that point at the byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidUtf8 {
    pub line: u32,
    pub column: u32,
    pub offset: usize,
    /// The first invalid byte.
    pub byte: u8,
}

impl std::fmt::Display for InvalidUtf8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not UTF-8: byte 0x{:02X} at line {}, column {} (byte offset {}); save the file as UTF-8",
            self.byte, self.line, self.column, self.offset
        )
    }
}

/// The text of a file's bytes, or where it stops being UTF-8.
pub fn decode(bytes: &[u8]) -> Result<&str, InvalidUtf8> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        // The prefix is valid UTF-8 by construction.
        let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        InvalidUtf8 {
            line: before.matches('\n').count() as u32 + 1,
            column: before[line_start..].chars().count() as u32 + 1,
            offset,
            byte: bytes[offset],
        }
    })
}

/// A UTF-8 byte-order mark at the start of a text, which editors on Windows write: its length
/// (3 bytes) when present. Frontends read the text after it and add this to byte offsets.
pub fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_invalid_byte_is_located() {
        let bytes = b"CREATE TABLE t (\n  name text DEFAULT 'caf\xe9'\n);";
        let e = decode(bytes).unwrap_err();
        assert_eq!((e.line, e.column, e.offset, e.byte), (2, 25, 41, 0xE9));
        assert!(e.to_string().contains("line 2, column 25"));
        assert_eq!(decode("é".as_bytes()), Ok("é"));
    }

    #[test]
    fn a_bom_is_three_bytes() {
        assert_eq!(bom_len("\u{feff}CREATE"), 3);
        assert_eq!(bom_len("CREATE"), 0);
    }
}
