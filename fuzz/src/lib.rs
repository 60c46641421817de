//! Shared code of the fuzz targets: every input read, every invariant checked.

use schemashift::diagnostics::Severity;
use schemashift::input::python::{Profile, Sources};
use schemashift::input::Frontend;
use schemashift::{Diagnostic, DialectKind, Input, Options, RevisionInfo, Side};

/// The text of the fuzz input: UTF-8 as the CLI decodes it (the "not UTF-8" error path runs
/// too), else the lossy decoding, so mutations that break UTF-8 still reach the parsers.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    match schemashift::input::decode(data) {
        Ok(t) => t.into(),
        Err(bad) => {
            assert!(bad.offset < data.len());
            assert!(bad.line >= 1 && bad.column >= 1);
            String::from_utf8_lossy(data)
        }
    }
}

/// Diagnostics point into their text.
pub fn check_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        assert!(d.offset <= d.end, "{d:?}");
        assert!(d.end <= text.len() + 1, "{d:?} past {} bytes", text.len());
        assert_eq!(d.severity, d.code.severity(), "{d:?}");
    }
}

/// SQL ingest: the frontend never panics, its diagnostics are positioned in the text.
pub fn sql_ingest(data: &[u8], dialect: DialectKind) {
    let text = text(data);
    let (_schema, diagnostics) =
        schemashift::input::Sql.parse(&text, dialect.dialect(), Side::Current);
    check_diagnostics(&text, &diagnostics);
}

/// models.py ingest, and the imports the CLI would go looking for.
pub fn models_ingest(data: &[u8]) {
    let (dialect, data) = match data.split_first() {
        Some((b, rest)) => (dialect_of(*b), rest),
        None => (DialectKind::Postgres, data),
    };
    let text = text(data);
    let src = Sources {
        files: vec![("pkg/models.py".into(), text.to_string())],
        roots: vec![".".into()],
    };
    let _ = src.wanted();
    let (_schema, diagnostics) = schemashift::input::python::parse(
        &src,
        dialect.dialect(),
        Side::Desired,
        Profile::default(),
    );
    for d in &diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        assert!(d.offset <= d.end && d.end <= text.len() + 1, "{d:?}");
    }
}

pub fn dialect_of(b: u8) -> DialectKind {
    match b % 4 {
        0 => DialectKind::Postgres,
        1 => DialectKind::Sqlite,
        2 => DialectKind::Mysql,
        _ => DialectKind::Mariadb,
    }
}

/// The whole pipeline. The input is `[dialect byte] current \0 desired`: both sides parsed,
/// diffed, rendered as SQL both ways, as an Alembic revision and as JSON. Invariants: a
/// schema compared with itself has no change, and the output is deterministic.
pub fn pipeline(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let dialect = dialect_of(first);
    let (current, desired) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, rest),
    };
    let (current, desired) = (text(current), text(desired));
    let models = first & 0x80 != 0;
    let options = Options {
        dialect,
        alembic: Some(RevisionInfo {
            message: "fuzz".into(),
            rev_id: "0123456789ab".into(),
            down_revision: None,
            create_date: "2026-01-01 00:00:00".into(),
        }),
        ..Options::default()
    };
    let src;
    let desired_input = if models {
        src = Sources {
            files: vec![("models.py".into(), desired.to_string())],
            roots: Vec::new(),
        };
        Input::Models(&src)
    } else {
        Input::Sql(&desired)
    };
    let o = schemashift::migrate_inputs(Input::Sql(&current), desired_input, &options);
    check_diagnostics(&current, &o.diagnostics_of(Side::Current));
    let Some(m) = &o.migration else {
        assert!(o.diagnostics.iter().any(|d| d.severity == Severity::Error));
        return;
    };
    for down in [false, true] {
        let json = schemashift::json_report(m, down, &o.diagnostics, dialect);
        serde_json::to_string(&json).expect("JSON");
    }
    // Deterministic: the same inputs give the same bytes (checked on a quarter of the
    // inputs: it costs a whole run).
    if first & 0x60 != 0 {
        return check_same(&current, &options);
    }
    let again = schemashift::migrate_inputs(Input::Sql(&current), desired_input, &options);
    let m2 = again.migration.expect("read once, read twice");
    assert_eq!(m.up, m2.up);
    assert_eq!(m.down, m2.down);
    assert_eq!(m.alembic, m2.alembic);
    check_same(&current, &options);
}

/// A schema compared with itself: no change.
fn check_same(current: &str, options: &Options) {
    let same = schemashift::migrate(current, current, options);
    let same = same.migration.expect("current was read without errors");
    assert!(
        same.changes.is_empty(),
        "diff(A, A) is not empty:\n{}",
        same.up
    );
}

/// Diagnostics of one side.
pub trait OfSide {
    fn diagnostics_of(&self, side: Side) -> Vec<Diagnostic>;
}

impl OfSide for schemashift::Outcome {
    fn diagnostics_of(&self, side: Side) -> Vec<Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.side == side)
            .cloned()
            .collect()
    }
}
