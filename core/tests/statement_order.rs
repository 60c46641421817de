//! The output does not depend on the order of the input's statements (issue 12, item 4):
//! SQLAlchemy's `create_all` prints `CREATE INDEX` (and more) in an order that changes from
//! one process to the next, so two equal schemas printed twice must give the same UP, DOWN
//! and Alembic revision byte for byte.
//!
//! A property test over every case of `tests/cases/<dialect>/`: both sides' statements are
//! shuffled (proptest, a fixed seed, shrinking to the smallest reordering that differs), then
//! put back into an order a database would accept: statements of one class (tables, indexes
//! and added constraints, views, triggers, comments and grants, ...) stay shuffled among
//! themselves, and the classes run in dependency order. Statements whose order the schema
//! itself depends on keep theirs: settings (`SET search_path`), `ALTER TABLE` other than
//! `ADD CONSTRAINT` (`ADD COLUMN` decides the column order), and domains, composite types and
//! routines (a definition may use an earlier one; the plan keeps their definition order).

mod common;

use common::{case_dirs, read};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};
use schemashift::{migrate, DialectKind, Options, RevisionInfo};
use sqlparser::tokenizer::{Token, TokenWithSpan, Tokenizer, Whitespace};
use std::path::Path;

/// The case's options with an Alembic header.
fn options(dir: &Path, dialect: DialectKind) -> Options {
    Options {
        alembic: Some(RevisionInfo {
            message: "order".into(),
            rev_id: "1975ea83b712".into(),
            down_revision: None,
            create_date: "2026-01-15 14:20:00".into(),
        }),
        ..common::case_options(dir, dialect)
    }
}

/// A statement's text and where it may go: `(class, fixed)` where classes run in order and a
/// `fixed` statement keeps its place relative to the other fixed ones of its class.
#[derive(Clone, Debug)]
struct Stmt {
    text: String,
    class: u8,
    fixed: bool,
    index: usize,
}

/// Byte offset of each line start, for the tokenizer's (line, column) locations.
fn offset(text: &str, line_starts: &[usize], line: u64, column: u64) -> usize {
    let start = line_starts[(line - 1) as usize];
    text[start..]
        .char_indices()
        .nth((column - 1) as usize)
        .map_or(text.len(), |(i, _)| start + i)
}

fn word(t: &TokenWithSpan) -> Option<String> {
    match &t.token {
        Token::Word(w) if w.quote_style.is_none() => Some(w.value.to_ascii_uppercase()),
        _ => None,
    }
}

/// Split a DDL file into statements (each with the comments before it and a comment that
/// ends its line), with sqlparser's tokenizer; `;` inside `BEGIN .. END` bodies (triggers,
/// `BEGIN ATOMIC`) does not end a statement.
fn statements(text: &str, dialect: DialectKind) -> Vec<Stmt> {
    let tokens = Tokenizer::new(dialect.dialect().parser_dialect(), text)
        .with_unescape(false)
        .tokenize_with_location()
        .expect("the case tokenizes");
    let mut line_starts = vec![0];
    line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let mut out = Vec::new();
    let mut start = 0;
    let mut words: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if let Some(w) = word(t) {
            let next_is_semicolon = tokens[i + 1..]
                .iter()
                .find(|n| !matches!(n.token, Token::Whitespace(_)))
                .is_some_and(|n| n.token == Token::SemiColon);
            match w.as_str() {
                "BEGIN" if words.first().is_some_and(|f| f == "CREATE") && !next_is_semicolon => {
                    depth += 1
                }
                "CASE" if depth > 0 => depth += 1,
                "END" if depth > 0 => depth -= 1,
                _ => {}
            }
            words.push(w);
        }
        if t.token == Token::SemiColon && depth == 0 {
            // A comment on the rest of the line belongs to this statement.
            let mut end = offset(text, &line_starts, t.span.end.line, t.span.end.column);
            let line_end = |at: usize| at + usize::from(text[at..].starts_with('\n'));
            let mut j = i + 1;
            while let Some(n) = tokens.get(j) {
                match &n.token {
                    Token::Whitespace(Whitespace::Space | Whitespace::Tab) => {}
                    Token::Whitespace(Whitespace::SingleLineComment { .. }) => {
                        end = line_end(offset(
                            text,
                            &line_starts,
                            n.span.end.line,
                            n.span.end.column,
                        ));
                        j += 1;
                        break;
                    }
                    _ => break,
                }
                j += 1;
            }
            let body = &text[start..end];
            let (class, fixed) = classify(&words);
            out.push(Stmt {
                text: body.to_string(),
                class,
                fixed,
                index: out.len(),
            });
            start = end;
            words.clear();
            i = j;
            continue;
        }
        i += 1;
    }
    if !text[start..].trim().is_empty() {
        out.push(Stmt {
            text: text[start..].to_string(),
            class: u8::MAX,
            fixed: true,
            index: out.len(),
        });
    }
    out
}

/// The class of a statement by its leading words.
fn classify(words: &[String]) -> (u8, bool) {
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let has = |s: &str| w.contains(&s);
    // `CREATE [OR REPLACE] [UNIQUE|UNLOGGED|MATERIALIZED|VIRTUAL|TEMP] <kind>`
    let kind = match w.as_slice() {
        ["CREATE", "OR", "REPLACE", k, ..] => Some(*k),
        ["CREATE", "UNIQUE" | "UNLOGGED" | "MATERIALIZED" | "VIRTUAL", k, ..] => Some(*k),
        ["CREATE", k, ..] => Some(*k),
        _ => None,
    };
    match (w.first().copied(), kind) {
        (Some("SET" | "SELECT"), _) => (0, true),
        (Some("CREATE"), Some("SCHEMA" | "EXTENSION")) => (1, false),
        (Some("CREATE"), Some("SEQUENCE")) => (2, false),
        (Some("CREATE"), Some("TYPE")) if has("ENUM") => (2, false),
        (Some("CREATE"), Some("TYPE" | "DOMAIN" | "FUNCTION" | "PROCEDURE" | "AGGREGATE")) => {
            (3, true)
        }
        (Some("CREATE"), Some("TABLE")) => (4, false),
        // `ALTER INDEX a RENAME TO b`, `ALTER TABLE t RENAME {INDEX|KEY} a TO b`: after the
        // indexes and constraints are made, in their order.
        (Some("ALTER"), _)
            if has("RENAME")
                && (w.get(1) == Some(&"INDEX")
                    || (w.get(1) == Some(&"TABLE")
                        && w.windows(2)
                            .any(|p| p == ["RENAME", "INDEX"] || p == ["RENAME", "KEY"]))) =>
        {
            (7, true)
        }
        (Some("ALTER"), _) if w.get(1) == Some(&"TABLE") => {
            // `ALTER TABLE [ONLY] t ADD CONSTRAINT`: free; other ALTER TABLEs keep their order.
            let add_constraint = w.windows(2).any(|p| p == ["ADD", "CONSTRAINT"]);
            if add_constraint {
                (6, false)
            } else {
                (5, true)
            }
        }
        (Some("CREATE"), Some("INDEX")) | (Some("ALTER"), _)
            if w.get(1).is_some_and(|k| *k == "SEQUENCE" || *k == "INDEX") || has("INDEX") =>
        {
            (6, false)
        }
        (Some("CREATE"), Some("VIEW")) => (8, false),
        (Some("CREATE"), Some("TRIGGER" | "POLICY" | "RULE")) => (9, false),
        (Some("COMMENT"), _) => (10, false),
        // `GRANT ALL` then `REVOKE DELETE` is not `REVOKE` then `GRANT`.
        (Some("GRANT" | "REVOKE"), _) => (10, true),
        _ => (11, true),
    }
}

/// The shuffled statements in an order a database accepts (see the module comment).
fn reorder(mut shuffled: Vec<Stmt>) -> String {
    shuffled.sort_by_key(|s| (s.class, if s.fixed { s.index } else { 0 }));
    let mut out = String::new();
    for s in shuffled {
        out.push_str(&s.text);
        if !s.text.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Everything the user sees of a migration: UP, DOWN, the Alembic file, the hazards, and the
/// diagnostics without their positions.
fn rendered(current: &str, desired: &str, options: &Options) -> String {
    let outcome = migrate(current, desired, options);
    let mut diags: Vec<String> = outcome
        .diagnostics
        .iter()
        .map(|d| format!("{:?} {:?} {}", d.severity, d.code, d.message))
        .collect();
    diags.sort();
    let Some(m) = outcome.migration else {
        return format!("errors:\n{}", diags.join("\n"));
    };
    let mut hazards = Vec::new();
    for (changes, hs) in [(&m.changes, &m.hazards), (&m.down_changes, &m.down_hazards)] {
        for (c, h) in changes.iter().zip(hs) {
            for h in h {
                hazards.push(format!("{}: [{}] {}", c.summary(), h.code, h.message));
            }
        }
    }
    format!(
        "-- diagnostics\n{}\n-- up\n{}\n-- down\n{}\n-- hazards\n{}\n-- alembic\n{}",
        diags.join("\n"),
        m.up,
        m.down,
        hazards.join("\n"),
        m.alembic.unwrap_or_default()
    )
}

fn check_dialect(dialect: DialectKind) {
    let mut failures = Vec::new();
    for dir in case_dirs(dialect) {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let options = options(&dir, dialect);
        let current = statements(&read(&dir.join("current.sql")), dialect);
        let desired = statements(&read(&dir.join("desired.sql")), dialect);
        let expected = rendered(
            &reorder(current.clone()),
            &reorder(desired.clone()),
            &options,
        );
        let config = Config {
            cases: 24,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner =
            TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
        let strategy = (Just(current).prop_shuffle(), Just(desired).prop_shuffle());
        let result = runner.run(&strategy, |(c, d)| {
            let (c, d) = (reorder(c), reorder(d));
            let got = rendered(&c, &d, &options);
            prop_assert!(
                got == expected,
                "current:\n{c}\ndesired:\n{d}\n{}",
                first_difference(&expected, &got)
            );
            Ok(())
        });
        match result {
            Ok(()) => {}
            Err(TestError::Fail(why, _)) => failures.push(format!("{name}: {why}")),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) of {} give a different output when their statements are reordered:\n\n{}",
        failures.len(),
        dialect.name(),
        failures.join("\n\n")
    );
}

/// The first differing line of two outputs, with its neighbours.
fn first_difference(expected: &str, got: &str) -> String {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    let i = e
        .iter()
        .zip(&g)
        .position(|(a, b)| a != b)
        .unwrap_or(e.len().min(g.len()));
    let window = |v: &[&str]| v[i.saturating_sub(3)..(i + 4).min(v.len())].join("\n");
    format!(
        "in the statement order of the case:\n{}\n\nreordered:\n{}",
        window(&e),
        window(&g)
    )
}

#[test]
fn postgres_output_does_not_depend_on_statement_order() {
    check_dialect(DialectKind::Postgres);
}

#[test]
fn sqlite_output_does_not_depend_on_statement_order() {
    check_dialect(DialectKind::Sqlite);
}

#[test]
fn statements_split_like_the_parser_reads_them() {
    let sql = "CREATE TABLE a (x int); -- note\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n  \
               SELECT CASE WHEN 1 THEN 2 END; UPDATE a SET x = 1;\nEND;\nBEGIN;\nCOMMIT;\n";
    let parts = statements(sql, DialectKind::Sqlite);
    let texts: Vec<&str> = parts.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "CREATE TABLE a (x int); -- note\n",
            "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  SELECT CASE WHEN 1 THEN 2 END; UPDATE a SET x = 1;\nEND;",
            "\nBEGIN;",
            "\nCOMMIT;",
        ]
    );
}
