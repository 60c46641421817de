//! Which database a DDL text was written for, guessed from marks only one dialect has
//! (backquoted names and `ENGINE=` are MySQL's, `PRAGMA` and `AUTOINCREMENT` SQLite's, `::`
//! casts and `CREATE EXTENSION` PostgreSQL's). Only asked when the text fails to parse for
//! the chosen dialect, to say which dialect to pick instead of leaving a user with a puzzling
//! "expected a name" error.

use crate::dialects::DialectKind;

/// Marks of each dialect: (dialect name, label, [(upper-case substring, how to name it)]).
type Marks = &'static [(&'static str, &'static str)];
const MARKS: &[(&str, &str, Marks)] = &[
    (
        "mysql",
        "MySQL",
        &[
            ("`", "backquoted names"), // SQLite reads them too: see `other_dialect`
            ("ENGINE=", "`ENGINE=`"),
            ("ENGINE =", "`ENGINE =`"),
            ("AUTO_INCREMENT", "`AUTO_INCREMENT`"),
            ("/*!4", "`/*!40101 .. */` comments"),
            ("UNSIGNED", "`UNSIGNED`"),
        ],
    ),
    (
        "sqlite",
        "SQLite",
        &[
            ("PRAGMA ", "`PRAGMA`"),
            ("AUTOINCREMENT", "`AUTOINCREMENT`"),
            ("WITHOUT ROWID", "`WITHOUT ROWID`"),
            ("SQLITE_SEQUENCE", "`sqlite_sequence`"),
        ],
    ),
    (
        "postgres",
        "PostgreSQL",
        &[
            ("::", "`::` casts"),
            ("CREATE EXTENSION", "`CREATE EXTENSION`"),
            ("SET SEARCH_PATH", "`SET search_path`"),
            ("PG_CATALOG.", "`pg_catalog.`"),
            ("$$", "`$$` quotes"),
            ("OWNER TO", "`OWNER TO`"),
        ],
    ),
];

/// The other dialect `text` looks written for, with the marks found, when it is not
/// `chosen`'s: e.g. `("mysql", "MySQL", ["backquoted names", "`ENGINE=`"])`. The text's first 64 KiB decide
/// (marks are in the first statements of a dump), so a large file costs nothing.
fn other_dialect(
    text: &str,
    chosen: DialectKind,
) -> Option<(&'static str, &'static str, Vec<&'static str>)> {
    let mut head = text.len().min(64 * 1024);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let upper = text[..head].to_ascii_uppercase();
    let (name, label, found) = MARKS
        .iter()
        .map(|(name, label, marks)| {
            // SQLite accepts MySQL's backquotes and any type name (`INT UNSIGNED`).
            let accepted = |needle: &str| {
                chosen == DialectKind::Sqlite && (needle == "`" || needle == "UNSIGNED")
            };
            let found: Vec<&str> = marks
                .iter()
                .filter(|(needle, _)| !accepted(needle) && upper.contains(needle))
                .map(|(_, shown)| *shown)
                .collect();
            (*name, *label, found)
        })
        .max_by_key(|(_, _, found)| found.len())?;
    // MariaDB is a flavour of MySQL: MySQL's marks are its own.
    let family = |k: DialectKind| match k {
        DialectKind::Mariadb => DialectKind::Mysql,
        k => k,
    };
    let other = DialectKind::from_name(name).map(family) != Some(family(chosen));
    (other && !found.is_empty()).then_some((name, label, found))
}

/// The sentence added to the first error (or, without errors, the first statement ignored
/// as not in the dialect): which dialect to choose.
pub(super) fn hint(text: &str, chosen: DialectKind) -> Option<String> {
    let (name, label, found) = other_dialect(text, chosen)?;
    let choose = match DialectKind::from_name(name) {
        Some(_) => format!("choose that dialect, `--dialect {name}`"),
        None => "a dialect schemashift does not read".to_string(),
    };
    Some(format!(
        " (the text looks written for {label}: it has {}; {choose})",
        found.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_text_read_as_postgres_names_sqlite() {
        let text =
            "PRAGMA foreign_keys=OFF;\nCREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);";
        let h = hint(text, DialectKind::Postgres).unwrap();
        assert!(h.contains("`--dialect sqlite`"), "{h}");
        assert!(h.contains("`PRAGMA`, `AUTOINCREMENT`"), "{h}");
        assert_eq!(hint(text, DialectKind::Sqlite), None);
    }

    #[test]
    fn postgres_text_read_as_sqlite_names_postgres() {
        let text = "CREATE EXTENSION citext;\nCREATE TABLE t (n int DEFAULT '1'::int);";
        let h = hint(text, DialectKind::Sqlite).unwrap();
        assert!(h.contains("`--dialect postgres`"), "{h}");
    }

    #[test]
    fn mysql_text_read_as_mariadb_names_nothing() {
        let text = "CREATE TABLE `t (a int);";
        assert_eq!(hint(text, DialectKind::Mariadb), None);
        assert_eq!(hint(text, DialectKind::Mysql), None);
        assert!(hint(text, DialectKind::Postgres).is_some());
    }

    #[test]
    fn plain_ddl_names_nothing() {
        let text = "CREATE TABLE t (id int PRIMARY KEY, name text);";
        assert_eq!(hint(text, DialectKind::Postgres), None);
        assert_eq!(hint(text, DialectKind::Sqlite), None);
    }

    #[test]
    fn multibyte_text_at_the_cut_does_not_panic() {
        let text = "é".repeat(40_000);
        assert_eq!(hint(&text, DialectKind::Postgres), None);
    }
}
