//! Data-driven cases: `tests/cases/<dialect>/<case>/{current,desired}.sql`, one test each
//! (named `<dialect>/<case>`: `cargo test -p schemashift --test cases postgres/enum_add_value`
//! runs one), with the expected
//! UP and DOWN scripts pinned as insta snapshots (`up.snap`, `down.snap`) beside them, and the
//! Alembic revision file rendered from the same changes (`alembic.snap`).
//!
//! Every case also checks convergence: each side diffed with itself is empty, and so is a side
//! against the other side's migration target (diff(desired, desired) after UP).

mod common;

use common::{case_dirs, read};
use libtest_mimic::{Arguments, Trial};
use schemashift::{migrate, DialectKind, Options, RevisionInfo, Severity};
use std::path::Path;

/// Every hazard of both directions, one per line: `up|down <change>: [code] message`.
fn hazard_lines(m: &schemashift::Migration) -> String {
    let mut out = String::new();
    for (dir, changes, hazards) in [
        ("up", &m.changes, &m.hazards),
        ("down", &m.down_changes, &m.down_hazards),
    ] {
        for (c, hs) in changes.iter().zip(hazards) {
            for h in hs {
                out.push_str(&format!(
                    "{dir} {}: [{}] {}\n",
                    c.summary(),
                    h.code,
                    h.message
                ));
            }
        }
    }
    out
}

/// Check one case folder; a failed assertion panics, which libtest-mimic reports as a failure.
fn run_case(dialect: DialectKind, dir: &Path) {
    let alembic_options = |options: &Options, name: &str| Options {
        alembic: Some(RevisionInfo {
            message: name.replace('_', " "),
            rev_id: "1975ea83b712".into(),
            down_revision: Some("abc123def456".into()),
            create_date: "2026-01-15 14:20:00".into(),
        }),
        ..options.clone()
    };
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let options = common::case_options(dir, dialect);
    let current = read(&dir.join("current.sql"));
    let desired = read(&dir.join("desired.sql"));
    let outcome = migrate(&current, &desired, &options);
    let errors: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{name}: input errors {errors:?}");
    let m = outcome.migration.expect("no errors, so a migration");
    for (label, text) in [("current", &current), ("desired", &desired)] {
        let same = migrate(text, text, &options).migration.expect("parses");
        assert!(
            same.changes.is_empty(),
            "{name}: diff({label}, {label}) is not empty:\n{}",
            same.up
        );
    }
    let again = migrate(&current, &desired, &options)
        .migration
        .expect("parses");
    assert_eq!(again.up, m.up, "{name}: output is not deterministic");
    let alembic = schemashift::output::alembic::supports(dialect).then(|| {
        let file = migrate(&current, &desired, &alembic_options(&options, &name))
            .migration
            .and_then(|m| m.alembic)
            .expect("an Alembic revision");
        let again = migrate(&current, &desired, &alembic_options(&options, &name))
            .migration
            .and_then(|m| m.alembic);
        assert_eq!(
            again.as_ref(),
            Some(&file),
            "{name}: Alembic output is not deterministic"
        );
        file
    });
    insta::with_settings!({
        snapshot_path => dir,
        prepend_module_to_snapshot => false,
        input_file => dir.join("desired.sql"),
        description => format!("{name}: UP is current -> desired, DOWN is desired -> current"),
        omit_expression => true,
    }, {
        insta::assert_snapshot!("up", m.up);
        insta::assert_snapshot!("down", m.down);
        insta::assert_snapshot!("hazards", hazard_lines(&m));
        if let Some(alembic) = alembic {
            insta::assert_snapshot!("alembic", alembic);
        }
    });
}

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for dialect in DialectKind::ALL {
        let dirs = case_dirs(dialect);
        assert!(!dirs.is_empty(), "no cases for {}", dialect.name());
        for dir in dirs {
            let name = format!(
                "{}/{}",
                dialect.name(),
                dir.file_name().unwrap().to_string_lossy()
            );
            // libtest-mimic reports a panicking (failed assertion) trial as a failure.
            trials.push(Trial::test(name, move || {
                run_case(dialect, &dir);
                Ok(())
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit_code()
}
