//! The worker's wasm binary: the core. `worker.js` (the diff worker) and `verify.js` (the
//! Verify worker) load it; the page's own binary (`src/main.rs`) never runs the core, so the
//! page's first load does not carry it.
//!
//! - In the diff worker, `main` serves diff and review requests
//!   (`schemashift_web::worker::serve`).
//! - In the Verify worker (named `schemashift_web::verify::WORKER_NAME`), `main` does nothing:
//!   the worker calls the exports below, the same functions, under the same names, as the npm
//!   package's (`verifyPlan`, `__verifyFacts`, `__verifyCatalogDifferences`,
//!   `__verifyRowDifferences`).

use js_sys::Reflect;
use schemashift::{verify, DialectKind};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    schemashift_web::worker::serve();
}

/// A JS value (plain data) as `T`, through JSON.
fn from_js<T: serde::de::DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, JsError> {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| JsError::new(&format!("schemashift: {what}: {e}")))
}

/// `T` as a plain JS value, through JSON.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("schemashift: bad JSON"))
}

/// The verification plan (the npm package's `verifyPlan(current, desired, { dialect })`).
#[wasm_bindgen(js_name = verifyPlan)]
pub fn verify_plan_js(
    current: String,
    desired: String,
    options: JsValue,
) -> Result<JsValue, JsError> {
    let dialect = Reflect::get(&options, &JsValue::from_str("dialect"))
        .ok()
        .and_then(|d| d.as_string())
        .unwrap_or_else(|| DialectKind::default().name().to_string());
    let json = schemashift_web::verify::plan_json(&current, &desired, &dialect)
        .map_err(|e| JsError::new(&e))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("schemashift: bad JSON"))
}

/// The facts of catalog query `index` from its result rows (`__verifyFacts`).
#[wasm_bindgen(js_name = __verifyFacts)]
pub fn verify_facts_js(dialect: String, index: u32, rows: JsValue) -> Result<JsValue, JsError> {
    let dialect = DialectKind::from_name(&dialect)
        .ok_or_else(|| JsError::new("schemashift: unknown dialect"))?;
    let rows: Vec<Vec<verify::Value>> = from_js(&rows, "rows")?;
    let facts = verify::catalog_facts(dialect, index as usize, &rows)
        .ok_or_else(|| JsError::new("schemashift: no such catalog query"))?;
    to_js(&facts)
}

/// The catalog differences in words, empty when equal (`__verifyCatalogDifferences`).
#[wasm_bindgen(js_name = __verifyCatalogDifferences)]
pub fn verify_catalog_differences_js(
    want: JsValue,
    got: JsValue,
    want_name: String,
) -> Result<JsValue, JsError> {
    let want: Vec<String> = from_js(&want, "want")?;
    let got: Vec<String> = from_js(&got, "got")?;
    to_js(&verify::catalog_differences(&want, &got, &want_name))
}

/// How a table's rows changed, in words, or `undefined` (`__verifyRowDifferences`).
#[wasm_bindgen(js_name = __verifyRowDifferences)]
pub fn verify_row_differences_js(
    table: String,
    columns: JsValue,
    before: JsValue,
    after: JsValue,
) -> Result<Option<String>, JsError> {
    let columns: Vec<String> = from_js(&columns, "columns")?;
    let before: Vec<Vec<verify::Value>> = from_js(&before, "before")?;
    let after: Vec<Vec<verify::Value>> = from_js(&after, "after")?;
    Ok(verify::row_differences(&table, &columns, &before, &after))
}
