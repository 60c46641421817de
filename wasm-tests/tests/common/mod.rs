//! Tests shared by the Node (`node.rs`) and Chromium (`browser.rs`) suites.

use schemashift_wasm::{api, diff_js, DiffOptionsJs};
use serde::Serialize as _;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// One case of `core/tests/cases`, with the native build's output (see build.rs).
pub struct Case {
    pub name: &'static str,
    pub dialect: &'static str,
    pub current: &'static str,
    pub desired: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub json_up: &'static str,
    pub json_down: &'static str,
    pub up_snap: &'static str,
    pub down_snap: &'static str,
    /// The case's option files that exist, as (file name, text).
    pub option_files: &'static [(&'static str, &'static str)],
}

#[path = "../../../core/tests/common/case_options.rs"]
mod case_options;

impl Case {
    /// The text of one of the case's option files (empty when absent).
    fn file(&self, name: &str) -> String {
        self.option_files
            .iter()
            .find(|(f, _)| *f == name)
            .map(|(_, t)| t.to_string())
            .unwrap_or_default()
    }

    /// The options the core's case tests run the case with.
    fn options(&self) -> schemashift::Options {
        let dialect = schemashift::DialectKind::from_name(self.dialect).expect("dialect");
        case_options::options_from(dialect, |f| self.file(f))
    }

    /// The same options as a JS caller of `diff()` passes them.
    fn js_options(&self) -> serde_json::Value {
        let o = self.options();
        let text = self.file("renames.txt");
        let renames: Vec<&str> = case_options::rename_specs(&text).collect();
        serde_json::json!({
            "dialect": self.dialect,
            "format": "json",
            "renames": renames,
            "concurrently": o.safety.concurrently,
            "notValidFks": o.safety.not_valid_fks,
            "backfill": o.safety.backfill,
            "lowerCaseTableNames": o.lower_case_table_names,
        })
    }
}

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

fn options(v: serde_json::Value) -> Option<DiffOptionsJs> {
    if v.is_null() {
        return None;
    }
    // Plain objects, as JS callers pass them (not `Map`s).
    let js = v
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("options");
    Some(js.unchecked_into())
}

/// `diff()` through the JS boundary, its result read back as JSON.
fn diff(
    current: &str,
    desired: &str,
    opts: serde_json::Value,
) -> Result<serde_json::Value, JsValue> {
    let out = diff_js(current.into(), desired.into(), options(opts)).map_err(JsValue::from)?;
    Ok(serde_wasm_bindgen::from_value(out).expect("a DiffResult"))
}

fn trimmed(s: &str) -> &str {
    s.trim_end_matches('\n')
}

#[wasm_bindgen_test]
fn there_are_cases() {
    assert!(CASES.len() >= 10, "{} cases", CASES.len());
}

/// The core compiled to wasm produces exactly what the native build produced.
#[wasm_bindgen_test]
fn core_cases_match_the_native_build() {
    for c in CASES {
        let options = c.options();
        let dialect = options.dialect;
        let outcome = schemashift::migrate(c.current, c.desired, &options);
        let m = outcome
            .migration
            .as_ref()
            .unwrap_or_else(|| panic!("{}: errors", c.name));
        assert_eq!(m.up, c.up, "{}: up", c.name);
        assert_eq!(m.down, c.down, "{}: down", c.name);
        let json = |down| {
            let v = schemashift::json_report(&m, down, &outcome.diagnostics, dialect);
            serde_json::to_string_pretty(&v).expect("json") + "\n"
        };
        assert_eq!(json(false), c.json_up, "{}: json up", c.name);
        assert_eq!(json(true), c.json_down, "{}: json down", c.name);
        // And the snapshots the core's own tests pin (insta ignores trailing newlines).
        assert_eq!(trimmed(&m.up), trimmed(c.up_snap), "{}: up.snap", c.name);
        assert_eq!(
            trimmed(&m.down),
            trimmed(c.down_snap),
            "{}: down.snap",
            c.name
        );
    }
}

/// The same through the bindings: JS strings in, a JS object out.
#[wasm_bindgen_test]
fn bindings_match_the_native_build() {
    for c in CASES {
        let r = diff(c.current, c.desired, c.js_options())
            .unwrap_or_else(|e| panic!("{}: threw {e:?}", c.name));
        assert_eq!(r["ok"], true, "{}", c.name);
        assert_eq!(r["up"], c.up, "{}: up", c.name);
        assert_eq!(r["down"], c.down, "{}: down", c.name);
        assert_eq!(r["json"]["up"], c.json_up, "{}: json.up", c.name);
        assert_eq!(r["json"]["down"], c.json_down, "{}: json.down", c.name);
        assert_eq!(r.get("alembic"), None);
        let report: serde_json::Value = serde_json::from_str(c.json_up).expect("json");
        let native = report["changes"].as_array().expect("changes");
        let changes = r["changes"].as_array().expect("changes");
        assert_eq!(changes.len(), native.len(), "{}", c.name);
        for (a, b) in changes.iter().zip(native) {
            for key in ["kind", "summary", "sql", "hazards"] {
                assert_eq!(a[key], b[key], "{}: {key}", c.name);
            }
            assert_eq!(a["detail"]["kind"], b["kind"], "{}", c.name);
        }
        // The declared TypeScript shape (api::ChangeItem) fits what JS receives.
        let items: Vec<api::ChangeItem> =
            serde_json::from_value(r["changes"].clone()).expect("ChangeItem[]");
        assert_eq!(items.len(), native.len());
        let diags: Vec<api::Diagnostic> =
            serde_json::from_value(r["diagnostics"].clone()).expect("Diagnostic[]");
        assert!(diags.iter().all(|d| d.severity == api::Severity::Warning));
    }
}

#[wasm_bindgen_test]
fn errors_carry_utf16_and_byte_positions() {
    let current = "-- 😀\nCREATE TABLE 😀 (a int, a int);";
    let r = diff(current, "CREATE TABLE (", serde_json::Value::Null).expect("no throw");
    assert_eq!(r["ok"], false);
    assert_eq!(r.get("up"), None);
    let errors: Vec<api::Diagnostic> = serde_json::from_value(r["errors"].clone()).expect("errors");
    assert_eq!(errors.len(), 2);
    let e = &errors[0];
    assert_eq!(
        (e.line, e.column, e.offset, e.utf16_offset),
        (2, 25, 34, 30)
    );
    assert_eq!(e.side, api::Side::Current);
    assert_eq!(&current[e.offset as usize..][..5], "a int");
    assert_eq!(errors[1].side, api::Side::Desired);
    assert_eq!((errors[1].line, errors[1].column), (1, 14));
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors() {
    for opts in [
        serde_json::json!({"dialect": "oracle"}),
        serde_json::json!({"format": "xml"}),
        serde_json::json!({"revid": "x"}),
    ] {
        let err = diff("", "", opts.clone()).expect_err("throws");
        let err: js_error::Error = err.unchecked_into();
        assert!(
            err.message().starts_with("schemashift: "),
            "{opts}: {}",
            err.message()
        );
    }
    assert!(diff_js(JsValue::from(1), "".into(), None).is_err());
    // Still fine afterwards.
    let r = diff("", "CREATE TABLE t (a int);", serde_json::json!({})).expect("ok");
    assert_eq!(r["changes"][0]["kind"], "create_table");
}

/// `Error.prototype.message`, without pulling in js-sys.
mod js_error {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        pub type Error;
        #[wasm_bindgen(method, getter)]
        pub fn message(this: &Error) -> String;
    }
}
