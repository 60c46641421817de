//! WebAssembly bindings of schemashift: what the npm package `schemashift` calls.
//!
//! The data model lives in [`api`] (plain Rust, tested natively); this file only converts
//! between it and JS values (arguments through serde-wasm-bindgen, results through JSON text)
//! and declares the exports. The TypeScript declarations come from the Rust types (tsify), so
//! they cannot drift.
//!
//! Panics: wasm32-unknown-unknown aborts on panic, which JS would see as a bare
//! `RuntimeError: unreachable` and which leaves the instance unusable. The panic hook
//! installed by every export instead schedules a fresh instance for the next call
//! (`wasm_bindgen::handler::schedule_reinit`) and throws a JS `Error` carrying the panic
//! message. The API itself never panics on bad input: bad SQL comes back as `errors`.
//!
//! Every export takes its arguments as `JsValue`s (externrefs), never `&str`: the glue of
//! wasm-bindgen 0.2.130 copies string arguments into the instance's memory *before* it
//! swaps in the fresh instance after a panic, which would hand the new instance a pointer
//! into memory it never allocated.

pub mod api;
#[cfg(feature = "cli")]
mod cli;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Math, js_name = random)]
    fn math_random() -> f64;
    #[wasm_bindgen(js_name = Date)]
    type JsDate;
    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new_date() -> JsDate;
    #[wasm_bindgen(method, js_class = "Date", js_name = getFullYear)]
    fn year(this: &JsDate) -> f64;
    #[wasm_bindgen(method, js_class = "Date", js_name = getMonth)]
    fn month0(this: &JsDate) -> f64;
    #[wasm_bindgen(method, js_class = "Date", js_name = getDate)]
    fn day(this: &JsDate) -> f64;
    #[wasm_bindgen(method, js_class = "Date", js_name = getHours)]
    fn hours(this: &JsDate) -> f64;
    #[wasm_bindgen(method, js_class = "Date", js_name = getMinutes)]
    fn minutes(this: &JsDate) -> f64;
    #[wasm_bindgen(method, js_class = "Date", js_name = getSeconds)]
    fn seconds(this: &JsDate) -> f64;
    #[wasm_bindgen(method, js_class = "Date", js_name = getMilliseconds)]
    fn millis(this: &JsDate) -> f64;

    /// `DiffOptions` as a JS value (an imported type, so that the parameter is optional in
    /// TypeScript; it is deserialized with serde-wasm-bindgen).
    #[wasm_bindgen(typescript_type = "DiffOptions")]
    pub type DiffOptionsJs;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_CHANGE_DETAIL: &str = r#"
/** The core's model of one change: `kind` plus the fields of that kind of change. */
export interface ChangeDetail {
    kind: string;
    [field: string]: unknown;
}
"#;

/// An options object (`undefined` or `null`: the defaults). Read through `serde_json::Value`
/// so that every key is looked at: serde-wasm-bindgen reads only the fields a struct knows,
/// and a misspelt option must not pass silently.
fn read_options<T: serde::de::DeserializeOwned + Default>(
    options: Option<JsValue>,
) -> Result<T, JsError> {
    match options {
        Some(v) if !v.is_undefined() && !v.is_null() => {
            serde_wasm_bindgen::from_value::<serde_json::Value>(v)
                .map_err(|e| e.to_string())
                .and_then(|v| serde_json::from_value::<T>(v).map_err(|e| e.to_string()))
                .map_err(|e| JsError::new(&format!("schemashift: invalid options: {e}")))
        }
        _ => Ok(T::default()),
    }
}

/// A result as JS values: serialized to JSON text here and parsed by the engine's
/// `JSON.parse`, so the values are what `JSON.parse` makes of the CLI's JSON (`null` for
/// `None` inside the change details; our own optional fields are skipped, so they read as
/// `undefined`; integers beyond 2^53, such as a sequence's `MAXVALUE`, the nearest double).
/// For the GitLab pair's ~4,400 changes this takes about half the time of building the objects
/// field by field across the boundary (serde-wasm-bindgen: one call per key and value; ~24
/// against ~47 ms of a warm call in Node's profile).
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text =
        serde_json::to_string(value).map_err(|e| JsError::new(&format!("schemashift: {e}")))?;
    js_sys::JSON::parse(&text)
        .map_err(|_| JsError::new("schemashift: internal error: a result is not JSON"))
}

#[wasm_bindgen]
extern "C" {
    /// The engine's `TextEncoder` (Node, browsers).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &JsValue) -> js_sys::Uint8Array;
}

/// A JS string argument as a Rust `String`, for the big ones (whole dumps): encoded by the
/// engine's `TextEncoder` and copied into the instance in one piece. `JsValue::as_string`'s
/// glue copies the ASCII prefix one character at a time in JS (then `encodeInto` for the
/// rest), ~14 ms for the GitLab pair's 8 MB in Node. Lone surrogates become U+FFFD both ways.
fn text_of(value: &JsValue) -> Option<String> {
    if !value.is_string() {
        return None;
    }
    let bytes = TextEncoder::new().encode(value).to_vec();
    // `TextEncoder` writes UTF-8 only, so this never takes the lossy branch's copy.
    Some(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// One side of `diff()`: a string of SQL, or models `{ files: { path: source } }`.
fn schema_input(value: JsValue, name: &str) -> Result<api::SchemaInput, JsError> {
    if let Some(text) = text_of(&value) {
        return Ok(api::SchemaInput::Sql(text));
    }
    let bad = |e: String| {
        JsError::new(&format!(
            "schemashift: the {name} schema must be a string of SQL or models {{ files: {{ \"app/models.py\": \"...\" }} }}: {e}"
        ))
    };
    if !value.is_object() {
        return Err(bad("got neither".into()));
    }
    // Through serde_json::Value so that a misspelt key is an error (as for the options).
    let v = serde_wasm_bindgen::from_value::<serde_json::Value>(value)
        .map_err(|e| bad(e.to_string()))?;
    let models = serde_json::from_value::<api::ModelsInput>(v).map_err(|e| bad(e.to_string()))?;
    Ok(api::SchemaInput::Models(models))
}

/// Compare two schema snapshots (DDL text, or SQLModel / SQLAlchemy models given as
/// `{ files: { "app/models.py": "..." } }`) and build the migration between them.
///
/// Never throws for bad SQL: errors come back in `errors`, with line, UTF-16 column and
/// byte/UTF-16 offsets. Throws an `Error` only for bad arguments (not strings, unknown
/// dialect or option).
#[wasm_bindgen(js_name = diff, unchecked_return_type = "DiffResult")]
pub fn diff_js(
    #[wasm_bindgen(unchecked_param_type = "string | ModelsInput")] current: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | ModelsInput")] desired: JsValue,
    options: Option<DiffOptionsJs>,
) -> Result<JsValue, JsError> {
    install_panic_hook();
    let options: api::DiffOptions = read_options(options.map(JsValue::from))?;
    let mut options = options;
    if options.format == Some(api::Format::Alembic) {
        // The defaults the CLI takes from the OS.
        options.rev_id.get_or_insert_with(random_rev_id);
        options.create_date.get_or_insert_with(local_now);
    }
    let current = schema_input(current, "current")?;
    let desired = schema_input(desired, "desired")?;
    let result = api::diff_inputs(&current, &desired, &options)
        .map_err(|e| JsError::new(&format!("schemashift: {e}")))?;
    to_js(&result)
}

/// The schema an Alembic history builds at a revision (`head` by default), as the DDL that
/// creates it: `{ files: { "versions/1a2b_add.py": "..." } }`, read statically. Throws only for
/// bad arguments.
#[wasm_bindgen(js_name = replay, unchecked_return_type = "ReplayResult")]
pub fn replay_js(
    #[wasm_bindgen(unchecked_param_type = "ModelsInput")] history: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReplayOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    install_panic_hook();
    let api::SchemaInput::Models(history) = schema_input(history, "history")? else {
        return Err(JsError::new(
            "schemashift: the history must be { files: { \"versions/x.py\": \"...\" } }",
        ));
    };
    let options: api::ReplayOptions = read_options(Some(options))?;
    let result =
        api::replay(&history, &options).map_err(|e| JsError::new(&format!("schemashift: {e}")))?;
    to_js(&result)
}

/// Review the revisions of an Alembic history, `{ files: { "versions/1a2b_add.py": "..." } }`
/// (the revision files and any application modules they import): for each, what its
/// `upgrade()` and `downgrade()` do (changes in words, the DDL they run, hazards, data steps)
/// and whether the downgrade undoes the upgrade (`restores`, and `leftDifferent` when not).
/// Read statically: nothing is run. Throws only for bad arguments.
#[wasm_bindgen(js_name = review, unchecked_return_type = "ReviewResult")]
pub fn review_js(
    #[wasm_bindgen(unchecked_param_type = "ModelsInput")] history: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReviewOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    install_panic_hook();
    let api::SchemaInput::Models(history) = schema_input(history, "history")? else {
        return Err(JsError::new(
            "schemashift: the history must be { files: { \"versions/x.py\": \"...\" } }",
        ));
    };
    let options: api::ReviewOptions = read_options(Some(options))?;
    let result =
        api::review(&history, &options).map_err(|e| JsError::new(&format!("schemashift: {e}")))?;
    to_js(&result)
}

/// The verification plan of the migration between two DDL texts: what `verify()` runs on a
/// real engine (the DDL of both databases, seed INSERTs, the UP and DOWN statements, the
/// engine's catalog queries and the row checks). Options as `diff()`'s (`dialect`,
/// `renames`). Throws only for bad arguments.
#[wasm_bindgen(js_name = verifyPlan, unchecked_return_type = "VerifyPlanResult")]
pub fn verify_plan_js(
    #[wasm_bindgen(unchecked_param_type = "string")] current: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] desired: JsValue,
    options: Option<DiffOptionsJs>,
) -> Result<JsValue, JsError> {
    install_panic_hook();
    let options: api::DiffOptions = read_options(options.map(JsValue::from))?;
    let (Some(current), Some(desired)) = (text_of(&current), text_of(&desired)) else {
        return Err(JsError::new("schemashift: verify takes two strings of DDL"));
    };
    let result = api::verify_plan(&current, &desired, &options)
        .map_err(|e| JsError::new(&format!("schemashift: {e}")))?;
    to_js(&result)
}

fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("schemashift: {what}: {e}")))
}

/// For `verify()` (not part of the API): the facts of catalog query `index` of `dialect`'s
/// plan from its result rows (`(string | null)[][]`), as the CLI compares them.
#[doc(hidden)]
#[wasm_bindgen(js_name = __verifyFacts, unchecked_return_type = "string[]")]
pub fn verify_facts(
    #[wasm_bindgen(unchecked_param_type = "string")] dialect: JsValue,
    index: u32,
    #[wasm_bindgen(unchecked_param_type = "(string | null)[][]")] rows: JsValue,
) -> Result<JsValue, JsError> {
    install_panic_hook();
    let dialect = dialect
        .as_string()
        .and_then(|d| schemashift::DialectKind::from_name(&d))
        .ok_or_else(|| JsError::new("schemashift: unknown dialect"))?;
    let rows: Vec<Vec<Option<String>>> = from_js(rows, "rows")?;
    let facts = schemashift::verify::catalog_facts(dialect, index as usize, &rows)
        .ok_or_else(|| JsError::new("schemashift: no such catalog query"))?;
    to_js(&facts)
}

/// For `verify()`: the catalog differences in words (empty: equal).
#[doc(hidden)]
#[wasm_bindgen(js_name = __verifyCatalogDifferences, unchecked_return_type = "string[]")]
pub fn verify_catalog_differences(
    #[wasm_bindgen(unchecked_param_type = "string[]")] want: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] got: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] want_name: JsValue,
) -> Result<JsValue, JsError> {
    install_panic_hook();
    let want: Vec<String> = from_js(want, "want")?;
    let got: Vec<String> = from_js(got, "got")?;
    let name = want_name.as_string().unwrap_or_default();
    to_js(&schemashift::verify::catalog_differences(
        &want, &got, &name,
    ))
}

/// For `verify()`: how a table's rows changed, in words, or `undefined`.
#[doc(hidden)]
#[wasm_bindgen(js_name = __verifyRowDifferences)]
pub fn verify_row_differences(
    #[wasm_bindgen(unchecked_param_type = "string")] table: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string[]")] columns: JsValue,
    #[wasm_bindgen(unchecked_param_type = "(string | null)[][]")] before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "(string | null)[][]")] after: JsValue,
) -> Result<Option<String>, JsError> {
    install_panic_hook();
    let columns: Vec<String> = from_js(columns, "columns")?;
    let before: Vec<Vec<Option<String>>> = from_js(before, "before")?;
    let after: Vec<Vec<Option<String>>> = from_js(after, "after")?;
    Ok(schemashift::verify::row_differences(
        &table.as_string().unwrap_or_default(),
        &columns,
        &before,
        &after,
    ))
}

/// A random revision id like Alembic's (`uuid4().hex[-12:]`).
fn random_rev_id() -> String {
    (0..12)
        .map(|_| char::from_digit((math_random() * 16.0) as u32 % 16, 16).unwrap_or('0'))
        .collect()
}

/// The local time as Python prints `datetime.now()` (microseconds only when non-zero).
fn local_now() -> String {
    let d = JsDate::new_date();
    let n = |v: f64| v as u32;
    let mut date = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        n(d.year()),
        n(d.month0()) + 1,
        n(d.day()),
        n(d.hours()),
        n(d.minutes()),
        n(d.seconds()),
    );
    if n(d.millis()) != 0 {
        date.push_str(&format!(".{:06}", n(d.millis()) * 1000));
    }
    date
}

/// The dialects this build supports (canonical names), the default first.
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn dialects() -> Result<JsValue, JsError> {
    install_panic_hook();
    let names: Vec<&str> = api::DIALECTS.iter().map(|d| d.name()).collect();
    to_js(&names)
}

/// The output formats the core renders today, the default first.
#[wasm_bindgen(unchecked_return_type = "Format[]")]
pub fn formats() -> Result<JsValue, JsError> {
    install_panic_hook();
    to_js(&api::FORMATS)
}

/// The canonical name of a dialect name or alias (`"pg"` -> `"postgres"`), or `undefined`.
#[wasm_bindgen(js_name = resolveDialect)]
pub fn resolve_dialect(
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
) -> Option<String> {
    install_panic_hook();
    api::resolve_dialect(&name.as_string()?).map(str::to_string)
}

/// The version of schemashift compiled into this package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Test hook (not part of the package's API): panics with `message`, so the tests can check
/// that a panic reaches JS as an `Error` with the message and that the next call works.
#[doc(hidden)]
#[wasm_bindgen(js_name = __testPanic)]
pub fn test_panic(#[wasm_bindgen(unchecked_param_type = "string")] message: JsValue) {
    install_panic_hook();
    panic!("{}", message.as_string().unwrap_or_default());
}

/// Test hook (not part of the package's API): fails without a panic, the way the hook above
/// cannot catch: `"abort"` traps (`unreachable`, as an allocation failure does), `"stack"`
/// overflows the stack. The JS entries turn these into an `Error` and a fresh instance.
#[doc(hidden)]
#[wasm_bindgen(js_name = __testTrap)]
pub fn test_trap(#[wasm_bindgen(unchecked_param_type = "string")] kind: JsValue) -> u32 {
    fn recurse(n: u32) -> u32 {
        if std::hint::black_box(n) == u32::MAX {
            return n;
        }
        let buf = std::hint::black_box([n; 64]);
        recurse(n + 1).wrapping_add(buf[(n % 64) as usize])
    }
    match kind.as_string().as_deref() {
        Some("abort") => std::process::abort(),
        Some("stack") => recurse(0),
        _ => 0,
    }
}

#[cfg(all(target_arch = "wasm32", feature = "panic-hook"))]
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            // The instance is poisoned once the panic unwinds (aborts): use a fresh one for
            // the next call, and hand the message to JS as an exception (a JS throw passes
            // through the wasm frames, so the `unreachable` trap is never reached).
            wasm_bindgen::handler::schedule_reinit();
            wasm_bindgen::throw_str(&format!("schemashift: internal error: {info}"));
        }));
    });
}

#[cfg(not(all(target_arch = "wasm32", feature = "panic-hook")))]
fn install_panic_hook() {}
