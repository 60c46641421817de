//! What the data-driven tests share: the case folders `tests/cases/<dialect>/<case>/` and
//! the options a case gives itself (`renames.txt`: one `old=new` / `table.old=new` per line;
//! `safety.txt`: the safe alternatives as the CLI flags without dashes).

use schemashift::{DialectKind, Options};
use std::path::{Path, PathBuf};

/// Every case folder of a dialect (with `current.sql` and `desired.sql`), sorted.
pub fn case_dirs(dialect: DialectKind) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(dialect.name());
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.join("current.sql").exists() && p.join("desired.sql").exists())
        .collect();
    dirs.sort();
    dirs
}

pub fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The options of the case in `dir`.
pub fn case_options(dir: &Path, dialect: DialectKind) -> Options {
    let renames = std::fs::read_to_string(dir.join("renames.txt"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| schemashift::parse_rename(l, dialect).expect("rename spec"))
        .collect();
    let words = std::fs::read_to_string(dir.join("safety.txt")).unwrap_or_default();
    Options {
        dialect,
        renames,
        safety: schemashift::plan::safety::Safety {
            concurrently: words.contains("concurrently"),
            not_valid_fks: words.contains("not-valid-fks"),
            backfill: words.contains("backfill"),
        },
        // MySQL's lower_case_table_names, when the case sets it.
        lower_case_table_names: std::fs::read_to_string(dir.join("lower_case_table_names.txt"))
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0),
        ..Options::default()
    }
}
