//! Parser fixtures: `tests/input/<dialect>/{ok,err}/<name>.sql`, one test each (run one with
//! `cargo test -p schemashift --test input -- postgres/ok/<name>`). Each file is read by the
//! SQL frontend as the desired side; the parsed schema (JSON) and the diagnostics (code,
//! `line:col-line:col` range, message) are pinned as insta snapshots beside it,
//! `<name>.schema.snap` and `<name>.diagnostics.snap`. Files under `ok/` must read without
//! errors (warnings allowed), files under `err/` with at least one error.

use libtest_mimic::{Arguments, Failed, Trial};
use schemashift::diagnostics::{Diagnostic, Severity, Side};
use schemashift::input::{Frontend, Sql};
use schemashift::model::{ConstraintKind, Schema};
use schemashift::DialectKind;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

fn main() {
    let args = Arguments::from_args();
    libtest_mimic::run(&args, trials()).exit();
}

fn trials() -> Vec<Trial> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/input");
    let mut out = Vec::new();
    for dialect in DialectKind::ALL {
        for expect in ["ok", "err"] {
            let dir = root.join(dialect.name()).join(expect);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut files: Vec<PathBuf> = entries
                .map(|e| e.expect("dir entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "sql"))
                .collect();
            files.sort();
            for file in files {
                let stem = file.file_stem().unwrap().to_string_lossy().to_string();
                let name = format!("{}/{expect}/{stem}", dialect.name());
                let errors_expected = expect == "err";
                out.push(Trial::test(name, move || {
                    run(dialect, &file, errors_expected)
                }));
            }
        }
    }
    assert!(!out.is_empty(), "no fixtures under {}", root.display());
    out
}

fn run(dialect: DialectKind, file: &Path, errors_expected: bool) -> Result<(), Failed> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let (schema, diagnostics) = Sql.parse(&text, dialect.dialect(), Side::Desired);
    let errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
    if errors != errors_expected {
        return Err(format!(
            "expected {}, got:\n{}",
            if errors_expected {
                "errors"
            } else {
                "no errors"
            },
            diagnostic_lines(&text, &diagnostics)
        )
        .into());
    }
    // Byte offsets and line:col agree (a byte-order mark is a character only to the offsets).
    let bom = text.starts_with('\u{feff}');
    for d in diagnostics.iter().filter(|d| !(bom && d.line == 1)) {
        let at = position(&text, d.offset);
        if at != format!("{}:{}", d.line, d.column) {
            return Err(format!(
                "offset {} is at {at}, not {}:{}",
                d.offset, d.line, d.column
            )
            .into());
        }
    }
    let stem = file.file_stem().unwrap().to_string_lossy().to_string();
    let dir = file.parent().unwrap().to_path_buf();
    // libtest-mimic runs each trial on a thread of its own; insta's failure is a panic.
    std::panic::catch_unwind(|| {
        insta::with_settings!({
            snapshot_path => dir,
            prepend_module_to_snapshot => false,
            input_file => file,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{stem}.diagnostics"), diagnostic_lines(&text, &diagnostics));
            insta::assert_snapshot!(format!("{stem}.schema"), schema_json(&schema));
        });
    })
    .map_err(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "snapshot mismatch".into())
            .into()
    })
}

/// `CODE line:col-line:col message`, one per diagnostic; the end is the byte range's end.
fn diagnostic_lines(text: &str, diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let end = if d.end > d.offset {
                format!("-{}", position(text, d.end))
            } else {
                String::new()
            };
            format!("{} {}:{}{end} {}\n", d.code, d.line, d.column, d.message)
        })
        .collect()
}

/// The canonical keys of the schema's expressions (defaults, checks, index keys and
/// predicates, view queries), which the JSON (the text as written) does not show:
/// `table.column default: key` lines.
fn expression_keys(s: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    for t in s.tables.values() {
        for c in t.columns.values() {
            if let Some(d) = &c.default {
                out.push(format!("{}.{} default: {}", t.name, c.name, d.key));
            }
            if let Some(g) = &c.generated {
                out.push(format!("{}.{} generated: {}", t.name, c.name, g.expr.key));
            }
        }
        for c in t.constraints.values() {
            if let ConstraintKind::Check { expr, .. } = &c.kind {
                out.push(format!("{}.{} check: {}", t.name, c.name, expr.key));
            }
        }
    }
    for i in s.indexes.values() {
        let keys: Vec<&str> = i.keys.iter().map(|k| k.expr.key.as_str()).collect();
        out.push(format!("{} keys: {}", i.name, keys.join(", ")));
        if let Some(p) = &i.predicate {
            out.push(format!("{} where: {}", i.name, p.key));
        }
    }
    for v in s.views.values() {
        out.push(format!("{} query: {}", v.name, v.query.key));
    }
    out
}

/// `line:col` (1-based, columns in characters) of a byte offset.
fn position(text: &str, offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    format!("{line}:{}", before[start..].chars().count() + 1)
}

/// The schema as JSON, each collection a list of its objects (empty ones left out), and the
/// canonical keys of its expressions.
fn schema_json(s: &Schema) -> String {
    fn list<T: serde::Serialize>(items: impl Iterator<Item = T>) -> Value {
        Value::Array(items.map(|i| json!(i)).collect())
    }
    let grants = s
        .grants
        .iter()
        .map(|(g, with_option)| json!({"grant": g, "with_grant_option": with_option}));
    let mut out = Map::new();
    for (key, value) in [
        ("namespaces", list(s.namespaces.values())),
        ("extensions", list(s.extensions.values())),
        ("enums", list(s.enums.values())),
        ("sequences", list(s.sequences.values())),
        ("tables", list(s.tables.values())),
        ("indexes", list(s.indexes.values())),
        ("views", list(s.views.values())),
        ("objects", list(s.objects.values())),
        ("grants", list(grants)),
        ("renames", list(s.renames.iter())),
        ("expression_keys", list(expression_keys(s).into_iter())),
    ] {
        if value.as_array().is_some_and(|a| !a.is_empty()) {
            out.insert(key.to_string(), value);
        }
    }
    serde_json::to_string_pretty(&Value::Object(out)).expect("JSON")
}
