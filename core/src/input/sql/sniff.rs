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
    let present = upper_contains(&text.as_bytes()[..head]);
    let mut bit = 0;
    let (name, label, found) = MARKS
        .iter()
        .map(|(name, label, marks)| {
            // SQLite accepts MySQL's backquotes and any type name (`INT UNSIGNED`).
            let accepted = |needle: &str| {
                chosen == DialectKind::Sqlite && (needle == "`" || needle == "UNSIGNED")
            };
            let found: Vec<&str> = marks
                .iter()
                .filter(|(needle, _)| {
                    bit += 1;
                    !accepted(needle) && present & (1 << (bit - 1)) != 0
                })
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

/// Which of the marks (bit `i` for the `i`th, in [`MARKS`]' order) the upper-cased `text`
/// contains. The text is upper-cased a window at a time in a buffer on the stack: a 64 KiB
/// upper-cased copy on the heap made the allocator consolidate its free lists, ~1% of the
/// GitLab pair's time.
fn upper_contains(text: &[u8]) -> u64 {
    const WINDOW: usize = 4096;
    let needles = MARKS.iter().flat_map(|(_, _, marks)| marks.iter());
    // Consecutive windows overlap by the longest mark, less a byte.
    let overlap = needles.clone().map(|(n, _)| n.len()).max().unwrap_or(1) - 1;
    let mut buf = [0u8; WINDOW];
    let mut present = 0u64;
    let mut start = 0;
    loop {
        let end = (start + WINDOW).min(text.len());
        let window = &mut buf[..end - start];
        window.copy_from_slice(&text[start..end]);
        window.make_ascii_uppercase();
        for (i, (needle, _)) in needles.clone().enumerate() {
            if memchr::memmem::find(window, needle.as_bytes()).is_some() {
                present |= 1 << i;
            }
        }
        if end == text.len() {
            return present;
        }
        start = end - overlap;
    }
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
    fn marks_across_windows_are_found_as_in_one_upper_cased_copy() {
        let naive = |text: &str| {
            let upper = text.to_ascii_uppercase();
            let needles = MARKS.iter().flat_map(|(_, _, marks)| marks.iter());
            needles
                .enumerate()
                .filter(|(_, (n, _))| upper.contains(n))
                .fold(0u64, |m, (i, _)| m | 1 << i)
        };
        for at in (4070..4100).chain(8170..8200) {
            for mark in ["sqlite_sequence", "Without RowID", "::", "`", "engine ="] {
                let text = format!("{}{mark}{}", "x".repeat(at), "y".repeat(at % 7));
                let got = upper_contains(text.as_bytes());
                assert_eq!(got, naive(&text), "{mark} at {at}");
                assert_ne!(got, 0, "{mark} at {at}");
            }
        }
        assert_eq!(upper_contains(b""), 0);
    }

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
