//! The diff runs in a dedicated Web Worker, so a large paste never freezes typing, and the
//! page's own wasm module never carries the core.
//!
//! The worker loads the worker wasm module (`worker.js` imports `schemashift-worker.js` and
//! its `.wasm`, built by trunk from `src/bin/worker.rs`: the core), whose `main` calls
//! [`serve`]. The page talks to it through [`request`]:
//!
//! - page -> worker: `{ id, current, desired, currentModels, desiredModels, dialect, message,
//!   revision, downRevision, exclude, createDate }` (plain JS strings; `currentModels` /
//!   `desiredModels` are a models side's files as a JSON list of `[path, source]` pairs, empty
//!   for a SQL side; the last five are the Alembic header and the filter);
//! - worker -> page: `{ ready: true }` once, then `{ id, ms, view }` per request, where `view`
//!   is [`DiffView::to_json`] and `ms` the time the core took in the worker;
//! - reviews ([`request_review`]): page -> worker `{ id, kind: "review", files, base, dialect }`
//!   (`files`: the revision files as a JSON list of `[path, source]` pairs), worker -> page
//!   `{ id, ms, review }` where `review` is a [`ReviewView`] as JSON; their answers go to the
//!   callback of [`on_review`].
//!
//! Once it has answered its first request, the worker warms itself up while idle
//! ([`crate::warmup`]), so that a first large paste runs in optimized code.
//!
//! At most one request is in flight; a newer one waits and replaces any older waiting one of
//! its kind (a waiting diff goes before a waiting review), and
//! answers to superseded requests are dropped by the caller. The page cannot compute anything
//! itself: if the worker cannot start (no `Worker`, the boot script is absent, as in component
//! tests), requests are refused (`request` returns `false`); if it fails (it failed to load or
//! crashed), the callback gets [`Answer::Failed`] (the caller shows it) and the next request
//! starts a new worker.
//!
//! gloo-worker is not used: it cannot report a worker that fails to load or crashes, its
//! spawner panics when no worker can be made, and it would add bincode
//! to the module. The worker itself and its `postMessage` are web-sys (gloo has nothing else for
//! workers); the listeners and timers are gloo's.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

use crate::engine::{self, AlembicHeader, DiffView, ModelFiles, Source};
use crate::review::{compute_review, ReviewView};

/// What the page gets back for a request.
#[derive(Debug)]
pub enum Answer {
    /// The diff of request `id`; `ms` is the time the core took in the worker.
    Done {
        id: u64,
        ms: f64,
        view: Box<DiffView>,
    },
    /// The worker could not answer request `id` (it failed to load or crashed; `why` says
    /// how). The next request starts a new worker.
    Failed { id: u64, why: String },
    /// The review of review request `id` (to the [`on_review`] callback).
    Reviewed {
        id: u64,
        ms: f64,
        view: Box<ReviewView>,
    },
    /// The worker could not answer review request `id` (`why` says how).
    ReviewFailed { id: u64, why: String },
}

impl Answer {
    /// Whether the answer is about a review (it goes to the [`on_review`] callback).
    fn is_review(&self) -> bool {
        matches!(self, Answer::Reviewed { .. } | Answer::ReviewFailed { .. })
    }
}

/// One side of a request, owned: SQL text, or models files as JSON.
enum Wire {
    Sql(String),
    Models(String),
}

impl Wire {
    fn of(s: Source<'_>) -> Wire {
        match s {
            Source::Sql(t) => Wire::Sql(t.to_string()),
            Source::Models(files) => Wire::Models(serde_json::to_string(files).unwrap_or_default()),
        }
    }

    /// `(sql, models JSON)`, as the message carries them.
    fn fields(&self) -> (&str, &str) {
        match self {
            Wire::Sql(t) => (t, ""),
            Wire::Models(j) => ("", j),
        }
    }
}

/// A request waiting for the worker.
struct Pending {
    id: u64,
    current: Wire,
    desired: Wire,
    dialect: String,
    header: AlembicHeader,
    create_date: String,
}

/// A review request waiting for the worker.
struct PendingReview {
    id: u64,
    /// The revision files as JSON.
    files: String,
    /// The schema the first revision starts from (SQL).
    base: String,
    dialect: String,
}

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    /// The request the worker works on: `(is a review, id)`.
    in_flight: Option<(bool, u64)>,
    waiting: Option<Pending>,
    waiting_review: Option<PendingReview>,
    /// The worker's event listeners; dropped (removed) with the client.
    _listeners: [EventListener; 3],
}

/// A callback of the page: where answers go.
type Callback = Rc<dyn Fn(Answer)>;

thread_local! {
    /// `None`: no worker (not started, refused or broken).
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    /// Where diff answers go ([`start`]); `None`: not started, no worker is made.
    static ON_ANSWER: RefCell<Option<Callback>> = const { RefCell::new(None) };
    /// Where review answers go ([`on_review`]).
    static ON_REVIEW: RefCell<Option<Callback>> = const { RefCell::new(None) };
}

/// The worker module's wasm-bindgen glue and `.wasm` file, relative to the page (trunk names a
/// worker binary's files after it, without a hash: see `index.html`).
pub const WORKER_JS: &str = "schemashift-worker.js";
pub const WORKER_WASM: &str = "schemashift-worker_bg.wasm";

/// Whether this code runs inside a dedicated worker (not a page).
pub fn in_worker() -> bool {
    js_sys::global()
        .dyn_into::<web_sys::DedicatedWorkerGlobalScope>()
        .is_ok()
}

/// The URLs of the worker module's wasm-bindgen glue and `.wasm` file ([`WORKER_JS`],
/// [`WORKER_WASM`]), resolved against the page. `None` when the page was not loaded by the
/// boot script (`boot.js`, see `Trunk.toml`), as in component tests: there is no worker
/// module beside it then.
pub(crate) fn module_urls() -> Option<(String, String)> {
    let doc = gloo_utils::document();
    doc.query_selector("script[data-wasm-js]").ok()??;
    let base = doc.base_uri().ok()??;
    let abs = |rel: &str| {
        web_sys::Url::new_with_base(rel, &base)
            .ok()
            .map(|u| u.href())
    };
    Some((abs(WORKER_JS)?, abs(WORKER_WASM)?))
}

/// Start the diff worker; `on_answer` gets every answer. Returns whether a worker was started
/// (if not, [`request`] always returns `false`).
pub fn start(on_answer: impl Fn(Answer) + 'static) -> bool {
    ON_ANSWER.with(|c| *c.borrow_mut() = Some(Rc::new(on_answer)));
    spawn()
}

/// A worker running `script` (`worker.js`, `verify.js`) with the worker module's glue and
/// `.wasm` URLs in its query string, and its listeners: each message's data goes to
/// `on_message`; a worker that fails to load or run, or a message that cannot be read, goes
/// to `on_fail` with the browser's words (`unknown` when it has none).
pub(crate) fn launch(
    script: &str,
    (js, wasm): (&str, &str),
    opts: &web_sys::WorkerOptions,
    on_message: fn(JsValue),
    on_fail: fn(&str),
    unknown: &'static str,
) -> Result<(web_sys::Worker, [EventListener; 3]), String> {
    let url = format!(
        "{script}?js={}&wasm={}",
        String::from(js_sys::encode_uri_component(js)),
        String::from(js_sys::encode_uri_component(wasm))
    );
    let worker =
        web_sys::Worker::new_with_options(&url, opts).map_err(|e| crate::dom::js_message(&e))?;
    let on_error = move |ev: &web_sys::Event| {
        let what = ev
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| unknown.to_string());
        on_fail(&what);
    };
    let listeners = [
        EventListener::new(&worker, "message", move |ev| {
            if let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() {
                on_message(ev.data());
            }
        }),
        EventListener::new(&worker, "error", on_error),
        EventListener::new(&worker, "messageerror", on_error),
    ];
    Ok((worker, listeners))
}

/// Make a worker (after [`start`]; again after one failed).
fn spawn() -> bool {
    if ON_ANSWER.with(|c| c.borrow().is_none()) {
        return false;
    }
    let Some((js, wasm)) = module_urls() else {
        return false;
    };
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    opts.set_name("schemashift-diff");
    let (worker, listeners) = match launch(
        "worker.js",
        (&js, &wasm),
        &opts,
        handle_message,
        fail,
        "it failed to load",
    ) {
        Ok(w) => w,
        Err(e) => {
            crate::dom::warn(&format!("schemashift: no diff worker ({e})"));
            return false;
        }
    };
    CLIENT.with(|c| {
        *c.borrow_mut() = Some(Client {
            worker,
            ready: false,
            in_flight: None,
            waiting: None,
            waiting_review: None,
            _listeners: listeners,
        })
    });
    true
}

/// The worker, made again if the last one failed; `None`: there is none.
fn with_client<R>(f: impl FnOnce(&mut Client) -> R) -> Option<R> {
    if CLIENT.with(|c| c.borrow().is_none()) && !spawn() {
        return None;
    }
    CLIENT.with(|c| c.borrow_mut().as_mut().map(f))
}

/// Ask the worker for the diff of a SQL pair (see [`engine::compute_with`]). `false`: there is
/// no worker.
pub fn request(
    id: u64,
    current: &str,
    desired: &str,
    dialect: &str,
    header: &AlembicHeader,
    create_date: &str,
) -> bool {
    request_sources(
        id,
        Source::Sql(current),
        Source::Sql(desired),
        dialect,
        header,
        create_date,
    )
}

/// Ask the worker for the diff of a pair of inputs of either kind (see
/// [`engine::compute_sources`]). `false`: there is no worker.
pub fn request_sources(
    id: u64,
    current: Source<'_>,
    desired: Source<'_>,
    dialect: &str,
    header: &AlembicHeader,
    create_date: &str,
) -> bool {
    with_client(|client| {
        client.waiting = Some(Pending {
            id,
            current: Wire::of(current),
            desired: Wire::of(desired),
            dialect: dialect.to_string(),
            header: header.clone(),
            create_date: create_date.to_string(),
        });
        pump(client);
    })
    .is_some()
}

/// Where the answers to review requests go (set once by the reviewer).
pub fn on_review(cb: impl Fn(Answer) + 'static) {
    ON_REVIEW.with(|c| *c.borrow_mut() = Some(Rc::new(cb)));
}

/// Ask the worker for the review of revision files (see [`compute_review`]); the answer goes
/// to the [`on_review`] callback. `false`: there is no worker.
pub fn request_review(id: u64, files: &ModelFiles, base: &str, dialect: &str) -> bool {
    with_client(|client| {
        client.waiting_review = Some(PendingReview {
            id,
            files: serde_json::to_string(files).unwrap_or_default(),
            base: base.to_string(),
            dialect: dialect.to_string(),
        });
        pump(client);
    })
    .is_some()
}

/// Send the waiting request (a diff before a review) if the worker is ready and idle.
fn pump(client: &mut Client) {
    if !client.ready || client.in_flight.is_some() {
        return;
    }
    let Some(p) = client.waiting.take() else {
        if let Some(r) = client.waiting_review.take() {
            let msg = object(&[
                ("id", JsValue::from_f64(r.id as f64)),
                ("kind", JsValue::from_str("review")),
                ("files", JsValue::from_str(&r.files)),
                ("base", JsValue::from_str(&r.base)),
                ("dialect", JsValue::from_str(&r.dialect)),
            ]);
            match client.worker.post_message(&msg) {
                Ok(()) => client.in_flight = Some((true, r.id)),
                Err(_) => {
                    client.waiting_review = Some(r);
                    crate::dom::defer(|| fail("postMessage failed"));
                }
            }
        }
        return;
    };
    let ((current, current_models), (desired, desired_models)) =
        (p.current.fields(), p.desired.fields());
    let msg = object(&[
        ("id", JsValue::from_f64(p.id as f64)),
        ("current", JsValue::from_str(current)),
        ("desired", JsValue::from_str(desired)),
        ("currentModels", JsValue::from_str(current_models)),
        ("desiredModels", JsValue::from_str(desired_models)),
        ("dialect", JsValue::from_str(&p.dialect)),
        ("message", JsValue::from_str(&p.header.message)),
        ("revision", JsValue::from_str(&p.header.revision)),
        ("downRevision", JsValue::from_str(&p.header.down_revision)),
        ("exclude", JsValue::from_str(&p.header.exclude)),
        ("createDate", JsValue::from_str(&p.create_date)),
    ]);
    match client.worker.post_message(&msg) {
        Ok(()) => client.in_flight = Some((false, p.id)),
        Err(e) => {
            crate::dom::warn(&format!(
                "schemashift: the diff worker refused a request: {}",
                crate::dom::js_message(&e)
            ));
            client.waiting = Some(p);
            // `fail` borrows CLIENT, which the caller holds: run it later.
            crate::dom::defer(|| fail("postMessage failed"));
        }
    }
}

/// A field of a message (`undefined` if absent).
fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A message: a plain JS object with these fields.
fn object(fields: &[(&str, JsValue)]) -> js_sys::Object {
    let obj = js_sys::Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj
}

/// A message from the worker.
fn handle_message(data: JsValue) {
    let answer = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.as_mut()?;
        if get(&data, "ready").as_bool() == Some(true) {
            client.ready = true;
            pump(client);
            return None;
        }
        let id = get(&data, "id").as_f64()? as u64;
        let review = get(&data, "review").as_string();
        if client.in_flight != Some((review.is_some(), id)) {
            return None;
        }
        client.in_flight = None;
        let ms = get(&data, "ms").as_f64().unwrap_or(f64::NAN);
        if let Some(json) = review {
            let answer = match serde_json::from_str::<ReviewView>(&json) {
                Ok(view) => Answer::Reviewed {
                    id,
                    ms,
                    view: Box::new(view),
                },
                Err(e) => {
                    crate::dom::warn(&format!("schemashift: bad review from the worker: {e}"));
                    Answer::ReviewFailed {
                        id,
                        why: format!("bad review from the worker: {e}"),
                    }
                }
            };
            pump(client);
            return Some(answer);
        }
        let answer = match get(&data, "view")
            .as_string()
            .ok_or_else(|| "no view in the answer".to_string())
            .and_then(|s| DiffView::from_json(&s))
        {
            Ok(view) => Answer::Done {
                id,
                ms,
                view: Box::new(view),
            },
            Err(e) => {
                crate::dom::warn(&format!(
                    "schemashift: bad answer from the diff worker: {e}"
                ));
                Answer::Failed {
                    id,
                    why: format!("bad answer from the diff worker: {e}"),
                }
            }
        };
        pump(client);
        Some(answer)
    });
    if let Some(a) = answer {
        deliver(a);
    }
}

/// The worker failed: stop it and fail what it was asked; the next request starts another.
fn fail(why: &str) {
    let Some(client) = CLIENT.with(|c| c.borrow_mut().take()) else {
        return;
    };
    crate::dom::warn(&format!("schemashift: the diff worker failed ({why})"));
    client.worker.terminate();
    let in_flight = |review: bool| {
        client
            .in_flight
            .filter(|(r, _)| *r == review)
            .map(|(_, id)| id)
    };
    let why = format!("the diff worker failed: {why}");
    let ids: Vec<u64> = in_flight(false)
        .into_iter()
        .chain(client.waiting.as_ref().map(|p| p.id))
        .collect();
    if let Some(id) = ids.into_iter().max() {
        deliver(Answer::Failed {
            id,
            why: why.clone(),
        });
    }
    let ids: Vec<u64> = in_flight(true)
        .into_iter()
        .chain(client.waiting_review.as_ref().map(|p| p.id))
        .collect();
    if let Some(id) = ids.into_iter().max() {
        deliver(Answer::ReviewFailed { id, why });
    }
}

/// Hand an answer to the page's callback (outside the borrow of CLIENT: the callback may send
/// the next request).
fn deliver(answer: Answer) {
    let slot = if answer.is_review() {
        &ON_REVIEW
    } else {
        &ON_ANSWER
    };
    if let Some(cb) = slot.with(|c| c.borrow().clone()) {
        cb(answer);
    }
}

/// Worker side: answer diff requests until the page goes away (in the diff worker; the
/// verify worker loads the same module and is left alone).
pub fn serve() {
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    if scope.name() == crate::verify::WORKER_NAME {
        // The verify worker calls the module's exports (see crate::verify); it serves no diffs.
        return;
    }
    let reply_scope = scope.clone();
    let on_request = move |ev: &web_sys::Event| {
        let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = ev.data();
        let text = |k: &str| get(&data, k).as_string().unwrap_or_default();
        let dialect = schemashift::DialectKind::from_name(&text("dialect")).unwrap_or_default();
        if text("kind") == "review" {
            let t0 = js_sys::Date::now();
            let files: ModelFiles = serde_json::from_str(&text("files")).unwrap_or_default();
            let review = compute_review(&files, &text("base"), dialect);
            let ms = js_sys::Date::now() - t0;
            let answer = object(&[
                ("id", get(&data, "id")),
                ("ms", JsValue::from_f64(ms)),
                (
                    "review",
                    JsValue::from_str(&serde_json::to_string(&review).unwrap_or_default()),
                ),
            ]);
            let _ = reply_scope.post_message(&answer);
            crate::warmup::idle();
            return;
        }
        let header = AlembicHeader {
            message: text("message"),
            revision: text("revision"),
            down_revision: text("downRevision"),
            exclude: text("exclude"),
        };
        let t0 = js_sys::Date::now();
        let (current, desired) = (text("current"), text("desired"));
        crate::warmup::request_of(current.len() + desired.len());
        let models = |k: &str| -> Option<ModelFiles> {
            let json = text(k);
            (!json.is_empty()).then(|| serde_json::from_str(&json).unwrap_or_default())
        };
        let (current_models, desired_models) = (models("currentModels"), models("desiredModels"));
        fn source<'a>(sql: &'a str, models: &'a Option<ModelFiles>) -> Source<'a> {
            match models {
                Some(files) => Source::Models(files),
                None => Source::Sql(sql),
            }
        }
        let view = engine::compute_sources(
            source(&current, &current_models),
            source(&desired, &desired_models),
            dialect,
            &header,
            &text("createDate"),
        );
        let ms = js_sys::Date::now() - t0;
        let answer = object(&[
            ("id", get(&data, "id")),
            ("ms", JsValue::from_f64(ms)),
            ("view", JsValue::from_str(&view.to_json())),
        ]);
        let _ = reply_scope.post_message(&answer);
        crate::warmup::idle();
    };
    EventListener::new(&scope, "message", on_request).forget(); // lives as long as the worker
    let _ = scope.post_message(&object(&[("ready", JsValue::TRUE)]));
}
