//! What the data-driven tests share: the case folders `tests/cases/<dialect>/<case>/` and
//! the options a case gives itself (see `case_options.rs`).

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

#[path = "case_options.rs"]
mod case_options;
pub use case_options::options_from;

/// The options of the case in `dir`.
pub fn case_options(dir: &Path, dialect: DialectKind) -> Options {
    options_from(dialect, |f| {
        std::fs::read_to_string(dir.join(f)).unwrap_or_default()
    })
}
