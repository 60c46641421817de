//! Hostile input (issue 17) through the web app's entry points compiled to wasm, in Node: what
//! the diff worker serves (`worker::serve` reads the request's JS strings with `as_string`,
//! runs `engine::compute_sources` on SQL or models sides and posts `DiffView::to_json`, which
//! the page reads back with `DiffView::from_json`) and its review requests
//! (`review::compute_review`), plus the npm binding `diff_js` for a JS string no Rust `&str`
//! can hold. Each input gives its positioned error or warning (or reads), never a panic or a
//! trap (either fails the test), and the next call still works. The npm package's own suite
//! (npm/test/hostile.test.mjs) covers the rest of issue 17's list (1 MB names, 10,000
//! columns, every dialect, bytes that are not UTF-8 through `npx`); the positions here are the
//! same as there and as the native CLI's.
//!
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!     cargo test -p wasm-tests --target wasm32-unknown-unknown --test hostile
#![cfg(target_arch = "wasm32")]

use schemashift::{DialectKind, Side};
use schemashift_web::engine::{compute_sources, AlembicHeader, DiffView, Source};
use schemashift_web::review::compute_review;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const N: usize = 100_000;
const DATE: &str = "2026-01-15 14:20:00";

/// What the diff worker does with a request's two strings (as JS strings), and what the page
/// gets back through the wire form.
fn worker_diff(current: &JsValue, desired: &JsValue, dialect: DialectKind) -> DiffView {
    let (c, d) = (current.as_string(), desired.as_string());
    let (c, d) = (c.unwrap_or_default(), d.unwrap_or_default());
    let header = AlembicHeader::default();
    let view = compute_sources(Source::Sql(&c), Source::Sql(&d), dialect, &header, DATE);
    let back = DiffView::from_json(&view.to_json()).expect("the wire form reads back");
    assert_eq!(back, view);
    back
}

fn sql(current: &str, desired: &str, dialect: DialectKind) -> DiffView {
    worker_diff(&current.into(), &desired.into(), dialect)
}

/// The next request works: one CREATE TABLE.
fn next_works() {
    for dialect in DialectKind::ALL {
        let v = sql("", "CREATE TABLE t (a int);", dialect);
        assert_eq!(v.diagnostics, vec![], "{}", dialect.name());
        assert_eq!(v.changes.len(), 1, "{}", dialect.name());
        // (MySQL and MariaDB scripts open with a comment and quote names.)
        let up = v.up.unwrap_or_default();
        assert!(up.contains("CREATE TABLE "), "{}: {up}", dialect.name());
    }
}

/// Each diagnostic as (error, line, column).
fn at(v: &[schemashift_web::engine::DiagView]) -> Vec<(bool, u32, u32)> {
    v.iter().map(|d| (d.error, d.line, d.column)).collect()
}

/// Deep nesting is the nesting limit's error (E004), not a stack overflow.
fn is_nesting_error(v: &DiffView) {
    assert_eq!(v.errors(), 1, "{:?}", v.diagnostics);
    let d = &v.diagnostics[0];
    assert!(d.message.contains("nest"), "{}", d.message);
    assert!(v.up.is_none());
}

#[wasm_bindgen_test]
fn hostile_sql_gives_positioned_diagnostics_both_ways() {
    // (name, desired text, expected (error, line, column), dialects (None: all)).
    let parens = format!(
        "CREATE TABLE t (a integer, CHECK ({}a > 0{}));\n",
        "(".repeat(N),
        ")".repeat(N)
    );
    let casts = format!(
        "CREATE TABLE t (a integer DEFAULT 1{});\n",
        "::int".repeat(N)
    );
    let pg: &[DialectKind] = &[DialectKind::Postgres];
    let cases: Vec<(&str, String, Vec<(bool, u32, u32)>, Option<&[DialectKind]>)> = vec![
        ("empty file", String::new(), vec![], None),
        (
            "only comments",
            "-- only\n/* comments */\n-- and more".into(),
            vec![],
            None,
        ),
        (
            "BOM",
            "\u{FEFF}CREATE TABLE t (a int);\n".into(),
            vec![],
            None,
        ),
        (
            "NUL byte",
            "CREATE TABLE t (a int);\0\nCREATE TABLE u (b int);\n".into(),
            vec![(true, 1, 24)],
            None,
        ),
        (
            "lone CR line ends",
            "CREATE TABLE t (a int);\rCREATE TABLE (\r".into(),
            vec![(true, 2, 14)],
            None,
        ),
        (
            "unterminated string at EOF",
            "CREATE TABLE t (a text DEFAULT 'abc);\n".into(),
            vec![(true, 1, 32)],
            None,
        ),
        (
            "unterminated quoted identifier at EOF",
            "CREATE TABLE \"t (a int);\n".into(),
            vec![(true, 1, 14)],
            None,
        ),
        (
            "unterminated comment at EOF",
            "CREATE TABLE t (a int);\n/* never closed\n".into(),
            vec![(true, 2, 1)],
            None,
        ),
        (
            "unterminated dollar quote at EOF",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n".into(),
            vec![(true, 1, 36)],
            Some(pg),
        ),
        (
            "100,000 nested parentheses",
            parens,
            vec![(true, 1, 129)],
            None,
        ),
        (
            "100,000 chained casts",
            casts,
            vec![(true, 1, 1006)],
            Some(pg),
        ),
    ];
    for (name, text, expected, only) in &cases {
        for &dialect in only.unwrap_or(&DialectKind::ALL) {
            let what = format!("{name} ({})", dialect.name());
            let v = sql("", text, dialect);
            assert_eq!(at(&v.diagnostics), *expected, "{what}: {:?}", v.diagnostics);
            assert!(
                v.diagnostics.iter().all(|d| d.side == Side::Desired),
                "{what}"
            );
            assert_eq!(v.up.is_some(), v.errors() == 0, "{what}");
            if name.starts_with("100,000") {
                is_nesting_error(&v);
            }
            let back = sql(text, "", dialect);
            assert_eq!(at(&back.diagnostics), *expected, "{what}, as current");
            assert!(back.diagnostics.iter().all(|d| d.side == Side::Current));
            next_works();
        }
    }
}

#[wasm_bindgen_test]
fn a_bom_and_lone_crs_change_nothing() {
    let lf = "CREATE TABLE t (\n  a int,\n  b text\n);\nCREATE INDEX i ON t (a);\n";
    for dialect in DialectKind::ALL {
        for text in [
            format!("\u{FEFF}{lf}"),
            lf.replace('\n', "\r"),
            lf.replace('\n', "\r\n"),
        ] {
            let v = sql(&text, lf, dialect);
            assert_eq!(v.diagnostics, vec![], "{}", dialect.name());
            assert_eq!(v.changes, vec![], "{}", dialect.name());
        }
    }
}

/// A JS string from UTF-16 code units (lone surrogates included).
fn js_string(units: &[u16]) -> JsValue {
    let s: String = char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or('?'))
        .collect();
    // Built through JSON so the lone surrogates stay in the JS string.
    let escaped: String = units.iter().map(|u| format!("\\u{u:04x}")).collect();
    let v = js_sys::JSON::parse(&format!("\"{escaped}\"")).expect("a JS string");
    assert_eq!(
        v.as_string().map(|t| t.chars().count()),
        Some(s.chars().count())
    );
    v
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

#[wasm_bindgen_test]
fn lone_surrogates_read_as_replacement_characters() {
    // `-- \uD800 \uDFFF` then a table: the comment's surrogates become U+FFFD.
    let mut comment = utf16("-- ");
    comment.extend([0xD800, 0x20, 0xDFFF, 0x0A]);
    comment.extend(utf16("CREATE TABLE t (a int);\n"));
    let v = worker_diff(&"".into(), &js_string(&comment), DialectKind::Postgres);
    assert_eq!(v.diagnostics, vec![]);
    assert_eq!(v.changes.len(), 1);
    // A lone surrogate as a table name (SQLite reads any character in a name).
    let mut name = utf16("CREATE TABLE ");
    name.push(0xD800);
    name.extend(utf16(" (a int);\n"));
    let v = worker_diff(&"".into(), &js_string(&name), DialectKind::Sqlite);
    assert_eq!(v.errors(), 0, "{:?}", v.diagnostics);
    assert!(v.up.as_deref().is_some_and(|u| u.contains('\u{FFFD}')));
    // The npm binding takes the JS string itself.
    let r = schemashift_wasm::diff_js("".into(), js_string(&comment), None)
        .unwrap_or_else(|_| panic!("diff_js threw"));
    let r: serde_json::Value = serde_wasm_bindgen::from_value(r).expect("a DiffResult");
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["changes"].as_array().map(Vec::len), Some(1));
    next_works();
}

/// A declarative model with `extra` lines in its class body.
fn model(extra: &str) -> String {
    format!(
        "from sqlalchemy import Column, Integer\nfrom sqlalchemy.orm import declarative_base\n\
         Base = declarative_base()\n\nclass T(Base):\n    __tablename__ = 't'\n    \
         id = Column(Integer, primary_key=True)\n{extra}"
    )
}

#[wasm_bindgen_test]
fn hostile_models_files_give_positioned_diagnostics() {
    let deep = model(&format!(
        "    a = Column(Integer, default={}1{})\n",
        "(".repeat(N),
        ")".repeat(N)
    ));
    let cases: Vec<(&str, String, Vec<(bool, u32, u32)>)> = vec![
        ("empty file", String::new(), vec![]),
        ("only comments", "# only\n# comments\n".into(), vec![]),
        ("BOM", format!("\u{FEFF}{}", model("")), vec![]),
        ("NUL byte", format!("{}\0\n", model("")), vec![(true, 8, 1)]),
        (
            "unterminated string at EOF",
            model("    b = Column(Integer, doc='abc\n"),
            vec![(true, 8, 29)],
        ),
        (
            "unterminated triple-quoted string at EOF",
            model("    b = Column(Integer, doc='''abc\n"),
            vec![(true, 8, 29)],
        ),
        ("100,000 nested parentheses", deep, vec![(true, 8, 131)]),
    ];
    for (name, text, expected) in &cases {
        for dialect in [DialectKind::Postgres, DialectKind::Sqlite] {
            let files = vec![("app/models.py".to_string(), text.clone())];
            let header = AlembicHeader::default();
            let v = compute_sources(
                Source::Sql(""),
                Source::Models(&files),
                dialect,
                &header,
                DATE,
            );
            let v = DiffView::from_json(&v.to_json()).expect("the wire form reads back");
            let what = format!("{name} ({})", dialect.name());
            assert_eq!(at(&v.diagnostics), *expected, "{what}: {:?}", v.diagnostics);
            assert!(
                v.diagnostics
                    .iter()
                    .all(|d| d.file.as_deref() == Some("app/models.py") && d.side == Side::Desired),
                "{what}"
            );
            if name.starts_with("100,000") {
                is_nesting_error(&v);
            }
            next_works();
        }
    }
}

/// The `shop` Alembic history of the core's tests, plus a fifth revision.
fn history(fifth: &str) -> Vec<(String, String)> {
    let v = |name: &str, text: &str| (format!("versions/{name}"), text.to_string());
    vec![
        v(
            "1a2b3c4d5e6f_create_users_and_orders.py",
            include_str!(
                "../../core/tests/histories/shop/versions/1a2b3c4d5e6f_create_users_and_orders.py"
            ),
        ),
        v(
            "2b3c4d5e6f7a_add_columns.py",
            include_str!("../../core/tests/histories/shop/versions/2b3c4d5e6f7a_add_columns.py"),
        ),
        v(
            "3c4d5e6f7a8b_batch_and_data.py",
            include_str!("../../core/tests/histories/shop/versions/3c4d5e6f7a8b_batch_and_data.py"),
        ),
        v(
            "4d5e6f7a8b9c_dialect_specific.py",
            include_str!(
                "../../core/tests/histories/shop/versions/4d5e6f7a8b9c_dialect_specific.py"
            ),
        ),
        v("5e6f7a8b9c0d_hostile.py", fifth),
    ]
}

/// A fifth revision after shop's head, its upgrade() holding `body`.
fn revision(body: &str) -> String {
    format!(
        "\"\"\"hostile\n\nRevision ID: 5e6f7a8b9c0d\n\"\"\"\nfrom alembic import op\n\
         import sqlalchemy as sa\n\nrevision = \"5e6f7a8b9c0d\"\ndown_revision = \"4d5e6f7a8b9c\"\n\
         branch_labels = None\ndepends_on = None\n\n\ndef upgrade() -> None:\n{body}\n\n\n\
         def downgrade() -> None:\n    op.drop_column(\"users\", \"x\")\n"
    )
}

#[wasm_bindgen_test]
fn hostile_revision_files_give_positioned_diagnostics_in_review() {
    let good = revision("    op.add_column(\"users\", sa.Column(\"x\", sa.Integer()))");
    let deep = revision(&format!(
        "    op.add_column(\"users\", sa.Column(\"x\", sa.Integer(), server_default={}\"1\"{}))",
        "(".repeat(N),
        ")".repeat(N)
    ));
    // (name, file text, expected (error, line, column), revisions reviewed).
    let cases: Vec<(&str, String, Vec<(bool, u32, u32)>, usize)> = vec![
        ("BOM", format!("\u{FEFF}{good}"), vec![], 5),
        ("lone CR line ends", good.replace('\n', "\r"), vec![], 5),
        ("empty file", String::new(), vec![], 4),
        ("only comments", "# only\n# comments\n".into(), vec![], 4),
        ("NUL byte", format!("{good}\0"), vec![(true, 20, 1)], 0),
        (
            "unterminated string",
            revision("    op.add_column(\"users\", sa.Column(\"x, sa.Integer()))"),
            vec![(true, 15, 38)],
            0,
        ),
        ("100,000 nested parentheses", deep, vec![(true, 15, 167)], 0),
    ];
    for (name, text, expected, reviewed) in &cases {
        let r = compute_review(&history(text), "", DialectKind::Postgres);
        assert_eq!(at(&r.diagnostics), *expected, "{name}: {:?}", r.diagnostics);
        let file = "versions/5e6f7a8b9c0d_hostile.py";
        assert!(
            r.diagnostics
                .iter()
                .all(|d| d.file.as_deref() == Some(file)),
            "{name}"
        );
        assert_eq!(r.revisions.len(), *reviewed, "{name}");
        if *reviewed == 5 {
            assert_eq!(r.revisions[4].upgrade, vec!["add column public.users.x"]);
            assert!(r.revisions[4].restores, "{name}");
        }
        // The wire form of a review answer reads back.
        let json = serde_json::to_string(&r).expect("a review serializes");
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
        next_works();
    }
}
