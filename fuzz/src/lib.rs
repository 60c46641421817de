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
    let options = options(dialect);
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

/// The generated schemas of the property tests (their types derive `arbitrary::Arbitrary`
/// under `cfg(fuzzing)`).
#[path = "../../core/tests/gen/mod.rs"]
pub mod gen;

/// Input of the structure-aware target: a dialect, schema A, the schema B is mixed from
/// (with `picks`, as the property tests make pairs), and a permutation of the statements.
#[derive(Debug, arbitrary::Arbitrary)]
pub struct PairInput {
    pub dialect: u8,
    pub a: gen::Schema,
    pub other: gen::Schema,
    pub picks: Vec<u8>,
    pub shuffle: Vec<u16>,
}

/// The statements of a schema in an order `shuffle` picks (Fisher-Yates over its values).
fn shuffled(mut statements: Vec<(u8, String)>, shuffle: &[u16]) -> String {
    let n = statements.len();
    for (i, r) in shuffle.iter().take(n.saturating_sub(1)).enumerate() {
        let j = i + (*r as usize) % (n - i);
        statements.swap(i, j);
    }
    // `ddl` keeps statements of one class (types, tables, indexes, views) in their order.
    gen::ddl(&statements)
}

/// Structure-aware pipeline: the generated pair (A, B) reads without errors; diff(A, A) is
/// empty; UP and DOWN are the same bytes when run again and when the statements come in
/// another order; A's DDL followed by UP reads as B, followed by UP and DOWN as A
/// (`gen::converges_in_model`); the Alembic revision and the JSON report render.
pub fn schema_pair(input: PairInput) {
    let dialect = dialect_of(input.dialect);
    let (mut a, mut other) = (input.a, input.other);
    a.normalize();
    other.normalize();
    let b = gen::mix(&a, &other, &input.picks);
    let (sa, sb) = (gen::statements(&a, dialect), gen::statements(&b, dialect));
    let (ta, tb) = (gen::ddl(&sa), gen::ddl(&sb));
    let options = options(dialect);
    let o = schemashift::migrate(&ta, &tb, &options);
    assert!(
        o.diagnostics.is_empty(),
        "{:?}\nA:\n{ta}\nB:\n{tb}",
        o.diagnostics
    );
    let m = o.migration.expect("no errors");
    for down in [false, true] {
        let json = schemashift::json_report(&m, down, &o.diagnostics, dialect);
        serde_json::to_string(&json).expect("JSON");
    }
    check_same(&ta, &options);
    check_same(&tb, &options);
    let again = schemashift::migrate(
        &shuffled(sa, &input.shuffle),
        &shuffled(sb, &input.shuffle),
        &options,
    );
    let m2 = again.migration.expect("read once, read twice");
    assert_eq!(m.up, m2.up, "A:\n{ta}\nB:\n{tb}");
    assert_eq!(m.down, m2.down, "A:\n{ta}\nB:\n{tb}");
    assert_eq!(m.alembic, m2.alembic, "A:\n{ta}\nB:\n{tb}");
    if let Err(e) = gen::converges_in_model(&ta, &tb, dialect) {
        panic!("{}: {e}", dialect.name());
    }
}

/// Alembic history replay: the input is revision files separated by NUL bytes
/// (`versions/rN.py`), read as the CLI and the npm package read a history: replayed to its
/// head, to its base and reviewed revision by revision. Diagnostics point into their file.
pub fn alembic_history(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let dialect = dialect_of(first);
    let files: Vec<(String, String)> = rest
        .split(|&b| b == 0)
        .enumerate()
        .map(|(i, f)| (format!("versions/r{i}.py"), text(f).into_owned()))
        .collect();
    let src = Sources {
        files,
        roots: Vec::new(),
    };
    let options = Options {
        dialect,
        ..Options::default()
    };
    let check = |diagnostics: &[Diagnostic]| {
        for d in diagnostics {
            assert!(d.line >= 1 && d.column >= 1, "{d:?}");
            assert!(d.offset <= d.end, "{d:?}");
            if let Some((_, t)) = src.files.iter().find(|(f, _)| Some(f) == d.file.as_ref()) {
                assert!(d.end <= t.len() + 1, "{d:?} past {} bytes", t.len());
            }
            assert_eq!(d.severity, d.code.severity(), "{d:?}");
        }
    };
    for rev in ["head", "base"] {
        let o = schemashift::migrate_inputs(
            Input::Sql(""),
            Input::History {
                src: &src,
                rev,
                base: "",
            },
            &options,
        );
        check(&o.diagnostics);
    }
    let (reviews, diagnostics) = schemashift::review::review(&src, &[], "", &options);
    check(&diagnostics);
    // Deterministic.
    let again = schemashift::review::review(&src, &[], "", &options);
    assert_eq!((reviews, diagnostics), again);
}

/// The options every target migrates with: the dialect, and an Alembic revision with fixed
/// id and date (so that output is deterministic).
fn options(dialect: DialectKind) -> Options {
    Options {
        dialect,
        alembic: Some(RevisionInfo {
            message: "fuzz".into(),
            rev_id: "0123456789ab".into(),
            down_revision: None,
            create_date: "2026-01-01 00:00:00".into(),
        }),
        ..Options::default()
    }
}
