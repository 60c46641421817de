//! The options a case folder gives itself, from its option files: `renames.txt` (one
//! `old=new` / `table.old=new` per line), `safety.txt` (the safe alternatives as the CLI flags
//! without dashes) and `lower_case_table_names.txt` (MySQL's server setting: 0, 1 or 2).
//!
//! One file, included by the core's case tests and by the wasm tests (`wasm-tests/build.rs`
//! and `wasm-tests/tests/common`), so every build of a case runs with the same options.

use schemashift::{DialectKind, Options};

/// The files [`options_from`] reads, for callers that embed or watch them.
#[allow(dead_code)] // not every includer embeds them
pub const OPTION_FILES: [&str; 3] = ["renames.txt", "safety.txt", "lower_case_table_names.txt"];

/// The options of a case whose option file `name` holds `file(name)` (empty when absent).
pub fn options_from(dialect: DialectKind, file: impl Fn(&str) -> String) -> Options {
    let renames = rename_specs(&file("renames.txt"))
        .map(|l| schemashift::parse_rename(l, dialect).expect("rename spec"))
        .collect();
    let words = file("safety.txt");
    Options {
        dialect,
        renames,
        safety: schemashift::plan::safety::Safety {
            concurrently: words.contains("concurrently"),
            not_valid_fks: words.contains("not-valid-fks"),
            backfill: words.contains("backfill"),
        },
        lower_case_table_names: file("lower_case_table_names.txt")
            .trim()
            .parse()
            .unwrap_or(0),
        ..Options::default()
    }
}

/// The rename specs of a `renames.txt` (one per non-empty line), as the CLI and JS take them.
pub fn rename_specs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}
