//! Verify: the migration run on a real engine in the browser, in a second worker, loaded only
//! when the user asks.
//!
//! The verify worker (`verify.js`, a classic worker because sql.js is a classic script) loads
//! - the worker wasm module (`schemashift-worker`, the one the diff worker runs, so it is
//!   usually in the cache already), whose exports (`verifyPlan` and the three comparisons, in
//!   `src/bin/worker.rs`) are the same functions, under the same names, as the npm package's:
//!   the plan and the comparisons are the core's (`schemashift::verify`), their JSON shaping
//!   is here ([`plan_json`]) and in the worker binary;
//! - the npm package's steps, `verify.mjs` (`makeVerify(wasm)`, copied from `npm/js` at
//!   build time: one copy of the step logic for Node and the browser);
//! - on the first request for a dialect, its engine, from the page's own origin
//!   (`engines/pglite/`: PGlite, PostgreSQL in WebAssembly; `engines/sqljs/`: sql.js).
//!
//! Messages: page -> worker `{ id, current, desired, dialect }`; worker -> page
//! `{ id, phase: "engine" | "running" }` while it works, then `{ id, loadMs, ms, report }`
//! (`report`: `verify()`'s result as JSON; `loadMs`: loading the engine, `ms`: the run) or
//! `{ id, error }`. One request at a time; the worker lives on for the next one (the engine
//! stays loaded).
//!
//! In the worker, the worker binary's `main` sees a worker named [`WORKER_NAME`] and does
//! nothing: the glue's exports are what the worker calls.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use js_sys::Reflect;
use schemashift::{verify, DialectKind, Severity};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// The name the verify worker is started with (the diff worker's `main` leaves it alone).
pub const WORKER_NAME: &str = "schemashift-verify";

/// The engine a dialect is verified on in the browser, in words; `None`: no engine in the
/// browser for it.
pub fn engine_for(dialect: DialectKind) -> Option<&'static str> {
    match dialect {
        DialectKind::Postgres => Some("PostgreSQL (PGlite)"),
        DialectKind::Sqlite => Some("SQLite (sql.js)"),
        DialectKind::Mysql | DialectKind::Mariadb => None,
    }
}

// ---------------------------------------------------------------------------------------
// What the worker calls (the npm package's `verifyPlan` and `__verify*`, same shapes: the
// exports themselves are the worker binary's, `src/bin/worker.rs`)

/// `verifyPlan()`'s result as JSON: `{ ok, dialect, plan?, errors }` (`errors`: the inputs'
/// error diagnostics). `Err`: an unknown dialect.
pub fn plan_json(current: &str, desired: &str, dialect: &str) -> Result<String, String> {
    let kind = DialectKind::from_name(dialect)
        .ok_or_else(|| format!("schemashift: unknown dialect {dialect:?}"))?;
    let options = schemashift::Options {
        dialect: kind,
        ..schemashift::Options::default()
    };
    let value = match verify::plan_sql(current, desired, &options) {
        Ok(plan) => serde_json::json!({
            "ok": true,
            "dialect": kind.name(),
            "plan": plan,
            "errors": [],
        }),
        Err(e) => serde_json::json!({
            "ok": false,
            "dialect": kind.name(),
            "errors": e
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect::<Vec<_>>(),
        }),
    };
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------------------
// The report, as `verify()` returns it

/// One of the nine steps (`schemashift::verify::STEPS`) and its result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    pub name: String,
    /// `passed`, `failed` or `skipped`.
    pub status: String,
    /// What was done or found, in words: the engine's error, the catalog differences.
    #[serde(default)]
    pub details: Vec<String>,
}

/// `verify()`'s result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// `PostgreSQL 18.1 (PGlite)`, `SQLite 3.50.2 (sql.js)`; empty when the inputs had errors.
    pub engine: String,
    pub verified: bool,
    /// One line: what was verified, or the first step that failed.
    pub badge: String,
    pub steps: Vec<StepView>,
    /// The inputs' errors (then there are no steps).
    #[serde(default)]
    pub errors: Vec<serde_json::Value>,
}

impl Report {
    pub fn from_json(text: &str) -> Result<Report, String> {
        serde_json::from_str(text).map_err(|e| format!("bad report from the verify worker: {e}"))
    }

    /// The report as text: a line per step, its details indented, then the badge (as the
    /// CLI's `schemashift verify` prints it).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for s in &self.steps {
            let mark = match s.status.as_str() {
                "passed" => "ok  ",
                "failed" => "FAIL",
                _ => "skip",
            };
            out.push_str(&format!("{mark} {}\n", s.name));
            for d in &s.details {
                for (i, l) in d.lines().enumerate() {
                    out.push_str(if i == 0 { "       " } else { "         " });
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
        out.push_str(&self.badge);
        out.push('\n');
        out
    }
}

// ---------------------------------------------------------------------------------------
// The page's side

/// The inputs a verdict is about (a verdict, or a badge a link carries, stands only for them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedInputs {
    pub current: String,
    pub desired: String,
    pub dialect: String,
}

/// What the page hears about a request.
#[derive(Debug)]
pub enum Event {
    /// The worker loads the engine (`phase == "engine"`) or runs the steps (`"running"`).
    Phase { id: u64, phase: String },
    /// The verdict; `load_ms`: loading the engine (0 when it was loaded), `ms`: the steps.
    Done {
        id: u64,
        load_ms: f64,
        ms: f64,
        report: Box<Report>,
    },
    /// No verdict: the worker or the engine failed to load, or broke.
    Failed { id: u64, message: String },
}

struct Client {
    worker: web_sys::Worker,
    /// The request the worker works on.
    in_flight: Option<u64>,
    on_event: Rc<dyn Fn(Event)>,
    /// The worker's event listeners; dropped (removed) with the client.
    _listeners: [EventListener; 3],
}

thread_local! {
    /// `None`: not started yet, or broken (the next request starts a new one).
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// A field of a message (`undefined` if absent).
fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Start the verify worker (on the first request): `verify.js` with the worker module's glue
/// and `.wasm` URLs in its query string.
fn start(on_event: Rc<dyn Fn(Event)>) -> Result<Client, String> {
    let (js, wasm) = crate::worker::module_urls()
        .ok_or("the page's module URLs are unknown (no boot script)")?;
    let opts = web_sys::WorkerOptions::new();
    opts.set_name(WORKER_NAME);
    let (worker, listeners) = crate::worker::launch(
        "verify.js",
        (&js, &wasm),
        &opts,
        handle_message,
        fail,
        "the verify worker failed to load",
    )
    .map_err(|e| format!("cannot start the verify worker: {e}"))?;
    Ok(Client {
        worker,
        in_flight: None,
        on_event,
        _listeners: listeners,
    })
}

/// Verify the migration between two SQL texts on the dialect's engine in the verify worker
/// (started on the first call); `on_event` hears how it goes. `Err`: it could not be sent.
pub fn request(
    id: u64,
    current: &str,
    desired: &str,
    dialect: DialectKind,
    on_event: impl Fn(Event) + 'static,
) -> Result<(), String> {
    let on_event: Rc<dyn Fn(Event)> = Rc::new(on_event);
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(start(on_event.clone())?);
        }
        let client = c.as_mut().ok_or("no verify worker")?;
        client.on_event = on_event;
        let msg = js_sys::Object::new();
        for (k, v) in [
            ("id", JsValue::from_f64(id as f64)),
            ("current", JsValue::from_str(current)),
            ("desired", JsValue::from_str(desired)),
            ("dialect", JsValue::from_str(dialect.name())),
        ] {
            let _ = Reflect::set(&msg, &JsValue::from_str(k), &v);
        }
        client
            .worker
            .post_message(&msg)
            .map_err(|e| crate::dom::js_message(&e))?;
        client.in_flight = Some(id);
        Ok(())
    })
}

/// A message from the worker, to the request's callback (outside the borrow of CLIENT).
fn handle_message(data: JsValue) {
    let delivery = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.as_mut()?;
        let id = get(&data, "id").as_f64()? as u64;
        if client.in_flight != Some(id) {
            return None;
        }
        let event = if let Some(phase) = get(&data, "phase").as_string() {
            Event::Phase { id, phase }
        } else if let Some(message) = get(&data, "error").as_string() {
            client.in_flight = None;
            Event::Failed { id, message }
        } else {
            client.in_flight = None;
            match get(&data, "report")
                .as_string()
                .ok_or_else(|| "no report in the answer".to_string())
                .and_then(|s| Report::from_json(&s))
            {
                Ok(report) => Event::Done {
                    id,
                    load_ms: get(&data, "loadMs").as_f64().unwrap_or(0.0),
                    ms: get(&data, "ms").as_f64().unwrap_or(f64::NAN),
                    report: Box::new(report),
                },
                Err(message) => Event::Failed { id, message },
            }
        };
        Some((client.on_event.clone(), event))
    });
    if let Some((cb, event)) = delivery {
        cb(event);
    }
}

/// The worker failed: stop it and fail what it was asked; the next request starts another.
fn fail(why: &str) {
    let Some(client) = CLIENT.with(|c| c.borrow_mut().take()) else {
        return;
    };
    crate::dom::warn(&format!("schemashift: the verify worker failed ({why})"));
    client.worker.terminate();
    if let Some(id) = client.in_flight {
        (client.on_event)(Event::Failed {
            id,
            message: why.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_json_has_the_npm_shape() {
        let v: serde_json::Value = serde_json::from_str(
            &plan_json(
                "CREATE TABLE t (id int PRIMARY KEY);",
                "CREATE TABLE t (id int PRIMARY KEY, note text);",
                "sqlite",
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(v["ok"], true);
        assert_eq!(v["dialect"], "sqlite");
        assert_eq!(v["plan"]["up"][0], "ALTER TABLE t ADD COLUMN note TEXT");
        let v: serde_json::Value =
            serde_json::from_str(&plan_json("CREATE TABLE (", "", "postgres").unwrap()).unwrap();
        assert_eq!(v["ok"], false);
        assert!(!v["errors"].as_array().unwrap().is_empty());
        assert!(plan_json("", "", "oracle").is_err());
    }

    #[test]
    fn engines_in_the_browser() {
        assert_eq!(
            engine_for(DialectKind::Postgres),
            Some("PostgreSQL (PGlite)")
        );
        assert_eq!(engine_for(DialectKind::Sqlite), Some("SQLite (sql.js)"));
        assert_eq!(engine_for(DialectKind::Mysql), None);
        assert_eq!(engine_for(DialectKind::Mariadb), None);
    }

    #[test]
    fn report_text_as_the_cli_prints_it() {
        let r = Report::from_json(
            r#"{"engine":"SQLite 3.54.1 (sql.js)","verified":false,
                "badge":"not verified on SQLite 3.54.1 (sql.js): apply UP failed",
                "steps":[{"name":"build the current schema","status":"passed","details":[]},
                         {"name":"apply UP","status":"failed","details":["statement 1 of 1 fails: x","ALTER TABLE t\nADD c"]},
                         {"name":"catalog after UP equals desired","status":"skipped","details":[]}],
                "errors":[]}"#,
        )
        .unwrap();
        assert_eq!(
            r.text(),
            "ok   build the current schema\nFAIL apply UP\n       statement 1 of 1 fails: x\n       ALTER TABLE t\n         ADD c\nskip catalog after UP equals desired\nnot verified on SQLite 3.54.1 (sql.js): apply UP failed\n"
        );
    }
}
