//! The schemashift web app (leptos 0.8, client-side rendered): paste the current and the
//! desired schema, see the migration. Everything runs in the browser; nothing is sent anywhere.
//!
//! Components live in this file; the pure parts they use are in modules that are unit-tested
//! natively: [`highlight`] (SQL tokenizer for the editors), [`engine`] (the core, flattened for
//! the view), [`share`] (state <-> URL fragment), [`examples`]. [`dom`] wraps browser APIs.
//!
//! State is a handful of signals owned by [`App`]; the diff runs [`DEBOUNCE_MS`] after the last
//! edit, and the state is autosaved to localStorage and can be shared as a `#s=...` link.

pub mod dom;
pub mod engine;
pub mod examples;
pub mod highlight;
pub mod share;
pub mod worker;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use leptos::either::Either;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use schemashift::{DialectKind, Side};

use engine::{AlembicHeader, ChangeView, DiagView, DiffView, HazardClass};
use highlight::{LineIndex, TokenKind};
use share::SavedState;

/// Height of one editor line in CSS pixels; `--line-height` in `style.css` must match.
pub const LINE_HEIGHT: f64 = 20.0;
/// Idle time after the last edit before the diff runs.
pub const DEBOUNCE_MS: u64 = 250;
/// Idle time before the state is autosaved.
const AUTOSAVE_MS: u64 = 1000;
/// localStorage key of the autosaved state.
pub const STORAGE_KEY: &str = "schemashift.state.v1";
/// localStorage key of the theme choice (`dark` / `light`; absent: follow the system).
pub const THEME_KEY: &str = "schemashift.theme";
/// Bytes of a line that get highlighted; the rest of a longer line is shown plain.
const MAX_HIGHLIGHT_BYTES: usize = 2000;
/// Lines rendered above and below the visible ones.
const OVERSCAN: usize = 4;
/// Changes shown before "show all".
const CHANGES_PAGE: usize = 300;
/// Share links longer than this get a warning.
const LONG_LINK: usize = 32 * 1024;

/// The version shown in the footer.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The output tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tab {
    Alembic,
    Up,
    Down,
    Changes,
}

impl Tab {
    /// All tabs in display order.
    pub const ALL: [Tab; 4] = [Tab::Alembic, Tab::Up, Tab::Down, Tab::Changes];

    /// Stable id: element ids (`tab-up`, `panel-up`) and the saved state use it.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Alembic => "alembic",
            Tab::Up => "up",
            Tab::Down => "down",
            Tab::Changes => "changes",
        }
    }

    pub fn from_id(id: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Tab::Alembic => "Alembic revision",
            Tab::Up => "Up SQL",
            Tab::Down => "Down SQL",
            Tab::Changes => "Changes",
        }
    }
}

/// A request to move an editor's cursor to a diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Jump {
    pub side: Side,
    pub line: u32,
    pub column: u32,
    /// Distinguishes two clicks on the same diagnostic.
    pub seq: u64,
}

/// Where the diff is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status {
    /// Edited; the diff runs when typing pauses.
    Pending,
    /// Up to date. `diff_ms`: the core's time; `edit_to_render_ms`: from the last edit (or
    /// load) to the rendered result, debounce included.
    Done {
        /// Counts finished diffs (tests wait for it to move).
        seq: u64,
        diff_ms: f64,
        edit_to_render_ms: Option<f64>,
    },
}

/// A line's marker: the worst diagnostic on it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct LineMark {
    error: bool,
    column: u32,
    message: String,
}

/// A shared, cheaply cloned line index (compared by identity, so memos never deep-compare).
#[derive(Clone, Debug, Default)]
struct SharedIndex(Arc<LineIndex>);

impl PartialEq for SharedIndex {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A diff result shared between views (compared by identity).
#[derive(Clone, Debug)]
pub struct Shared(Arc<DiffView>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The state a page starts with: the `#s=` link if there is one, else the autosave, else the
/// first example. The second value is a notice to show (a damaged link, an unknown dialect).
pub fn initial_state(hash: &str, saved: Option<&str>) -> (SavedState, Option<String>) {
    let mut notice = None;
    match share::from_fragment(hash) {
        Some(Ok(st)) => return normalize(st),
        Some(Err(e)) => notice = Some(format!("Could not open the shared link: {e}")),
        None => {}
    }
    if let Some(Ok(st)) = saved.map(share::decode) {
        let (st, n) = normalize(st);
        return (st, notice.or(n));
    }
    let e = &examples::EXAMPLES[0];
    (
        SavedState {
            version: share::STATE_VERSION,
            dialect: e.dialect.to_string(),
            current: e.current.to_string(),
            desired: e.desired.to_string(),
            tab: Tab::Up.id().to_string(),
            ..Default::default()
        },
        notice,
    )
}

/// Replace what this version cannot show (an unknown dialect, a disabled tab).
fn normalize(mut st: SavedState) -> (SavedState, Option<String>) {
    let mut notice = None;
    if !engine::dialect_available(&st.dialect) {
        notice = Some(format!(
            "The dialect \"{}\" is not supported yet; showing PostgreSQL.",
            st.dialect
        ));
        st.dialect = DialectKind::default().name().to_string();
    }
    if Tab::from_id(&st.tab).is_none() {
        st.tab = Tab::Up.id().to_string();
    }
    (st, notice)
}

/// The whole app: top bar, the two editors with their diagnostics, the output tabs, footer.
#[component]
pub fn App() -> impl IntoView {
    let (initial, first_notice) = initial_state(
        &dom::location_hash(),
        dom::storage_get(STORAGE_KEY).as_deref(),
    );

    let dialect = RwSignal::new(initial.dialect);
    let current = RwSignal::new(initial.current);
    let desired = RwSignal::new(initial.desired);
    // Bumped when the editors' text is replaced from outside (example, link): the textareas
    // then take the signal's value; typing never round-trips through it.
    let reload = RwSignal::new(0u64);
    let tab = RwSignal::new(Tab::from_id(&initial.tab).unwrap_or(Tab::Up));
    let message = RwSignal::new(initial.message);
    let revision = RwSignal::new(initial.revision);
    let down_revision = RwSignal::new(initial.down_revision);

    let result: RwSignal<Option<Shared>> = RwSignal::new(None);
    let status = RwSignal::new(Status::Pending);
    let jump: RwSignal<Option<Jump>> = RwSignal::new(None);
    let notice = RwSignal::new(first_notice.unwrap_or_default());
    let toast = RwSignal::new(String::new());
    let share_link = RwSignal::new(String::new());

    let dialect_kind =
        Memo::new(move |_| DialectKind::from_name(&dialect.get()).unwrap_or_default());

    // --- the diff, debounced, in the diff worker -----------------------------------------
    let last_edit = StoredValue::new(dom::now_ms());
    let diff_timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let diff_seq = StoredValue::new(0u64);
    // The id of the newest request: answers to older ones are dropped.
    let latest_request = StoredValue::new(0u64);
    let request_sent_at = StoredValue::new(0.0f64);
    // Show a finished diff: the result, the status, and (two frames later, when it is on
    // screen) the time from the last edit to the rendered result.
    let finish = move |view: DiffView, diff_ms: f64| {
        result.set(Some(Shared(Arc::new(view))));
        let seq = diff_seq.get_value() + 1;
        diff_seq.set_value(seq);
        status.set(Status::Done {
            seq,
            diff_ms,
            edit_to_render_ms: None,
        });
        let edit_at = last_edit.get_value();
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if let Status::Done {
                        seq: s, diff_ms, ..
                    } = status.get_untracked()
                    {
                        if s != seq {
                            return;
                        }
                        status.set(Status::Done {
                            seq,
                            diff_ms,
                            edit_to_render_ms: Some(dom::now_ms() - edit_at),
                        });
                    }
                },
                Duration::ZERO,
            );
        });
    };
    // On the page, when there is no worker (or it failed).
    let alembic_header = move || AlembicHeader {
        message: message.get_untracked(),
        revision: revision.get_untracked(),
        down_revision: down_revision.get_untracked(),
    };
    let diff_here = move || {
        let t0 = dom::now_ms();
        let d = dialect_kind.get_untracked();
        let (h, date) = (alembic_header(), dom::python_now());
        let view = current.with_untracked(|c| {
            desired.with_untracked(|s| engine::compute_with(c, s, d, &h, &date))
        });
        finish(view, dom::now_ms() - t0);
    };
    worker::start(move |answer| match answer {
        worker::Answer::Done { id, view, .. } => {
            if id == latest_request.get_value() {
                // The round trip, as the user waits for it (the worker's own time is `ms`).
                finish(view, dom::now_ms() - request_sent_at.get_value());
            }
        }
        worker::Answer::Failed { id } => {
            if id == latest_request.get_value() {
                diff_here();
            }
        }
    });
    let run_diff = move || {
        if let Some(h) = diff_timer.get_value() {
            h.clear();
        }
        diff_timer.set_value(None);
        let id = latest_request.get_value() + 1;
        latest_request.set_value(id);
        request_sent_at.set_value(dom::now_ms());
        let d = dialect_kind.get_untracked();
        let (h, date) = (alembic_header(), dom::python_now());
        let sent = current.with_untracked(|c| {
            desired.with_untracked(|s| worker::request(id, c, s, d.name(), &h, &date))
        });
        if !sent {
            diff_here();
        }
    };
    Effect::new(move |_| {
        current.track();
        desired.track();
        dialect.track();
        // The Alembic header is part of the output (the file's header and name).
        message.track();
        revision.track();
        down_revision.track();
        status.set(Status::Pending);
        if let Some(h) = diff_timer.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(run_diff, Duration::from_millis(DEBOUNCE_MS)).ok();
        diff_timer.set_value(h);
    });
    let on_edit = move || last_edit.set_value(dom::now_ms());

    // --- state: apply, autosave, links ----------------------------------------------------
    let snapshot = move || SavedState {
        version: share::STATE_VERSION,
        dialect: dialect.get_untracked(),
        current: current.get_untracked(),
        desired: desired.get_untracked(),
        tab: tab.get_untracked().id().to_string(),
        message: message.get_untracked(),
        revision: revision.get_untracked(),
        down_revision: down_revision.get_untracked(),
    };
    let apply = move |st: SavedState| {
        let (st, n) = normalize(st);
        if let Some(n) = n {
            notice.set(n);
        }
        last_edit.set_value(dom::now_ms());
        dialect.set(st.dialect);
        current.set(st.current);
        desired.set(st.desired);
        tab.set(Tab::from_id(&st.tab).unwrap_or(Tab::Up));
        message.set(st.message);
        revision.set(st.revision);
        down_revision.set(st.down_revision);
        reload.update(|n| *n += 1);
    };

    let save_timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let save_failed = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        dialect.track();
        current.track();
        desired.track();
        tab.track();
        message.track();
        revision.track();
        down_revision.track();
        if first.is_none() {
            return;
        }
        if let Some(h) = save_timer.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(
            move || {
                let st = snapshot();
                // Big schemas: fast compression, so the autosave never stalls typing.
                let level = if st.current.len() + st.desired.len() > 1 << 20 {
                    1
                } else {
                    6
                };
                if let Err(e) = dom::storage_set(STORAGE_KEY, &share::encode(&st, level)) {
                    if !save_failed.get_value() {
                        save_failed.set_value(true);
                        dom::warn(&format!("schemashift: autosave failed: {e}"));
                    }
                }
            },
            Duration::from_millis(AUTOSAVE_MS),
        )
        .ok();
        save_timer.set_value(h);
    });

    // Opening another link in the same tab (only the fragment changes).
    let _hash_listener =
        window_event_listener(ev::hashchange, move |_| {
            match share::from_fragment(&dom::location_hash()) {
                Some(Ok(st)) => apply(st),
                Some(Err(e)) => notice.set(format!("Could not open the shared link: {e}")),
                None => {}
            }
        });

    let on_share = move |_| {
        let frag = share::to_fragment(&snapshot());
        dom::replace_hash(&frag);
        let link = format!("{}#{}", dom::page_url_without_hash(), frag);
        dom::copy_to_clipboard(&link);
        let kb = link.len() / 1024;
        toast.set(if link.len() > LONG_LINK {
            format!("Link copied ({kb} KB: some tools cut links this long)")
        } else {
            "Link copied".to_string()
        });
        share_link.set(link);
    };

    // --- theme ------------------------------------------------------------------------------
    let theme_choice =
        RwSignal::new(dom::storage_get(THEME_KEY).filter(|t| t == "dark" || t == "light"));
    let system_dark = RwSignal::new(dom::system_prefers_dark());
    watch_system_theme(system_dark);
    let dark = Memo::new(move |_| match theme_choice.get().as_deref() {
        Some(t) => t == "dark",
        None => system_dark.get(),
    });
    Effect::new(move |_| dom::set_theme_attr(theme_choice.get().as_deref()));
    let toggle_theme = move |_| {
        let next = if dark.get_untracked() {
            "light"
        } else {
            "dark"
        };
        let _ = dom::storage_set(THEME_KEY, next);
        theme_choice.set(Some(next.to_string()));
    };

    // --- examples -----------------------------------------------------------------------------
    let on_example = move |ev: ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        let id = select.value();
        select.set_value("");
        if let Some(e) = examples::find(&id).filter(|e| examples::available(e)) {
            let mut st = snapshot();
            st.dialect = e.dialect.to_string();
            st.current = e.current.to_string();
            st.desired = e.desired.to_string();
            apply(st);
            toast.set(format!("Loaded example: {}", e.title));
        }
    };

    // Ctrl/Cmd+Enter anywhere: diff now.
    let _key_listener = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            run_diff();
        }
    });

    let header = Memo::new(move |_| AlembicHeader {
        message: message.get(),
        revision: revision.get(),
        down_revision: down_revision.get(),
    });

    let marks_for = move |side: Side| {
        Signal::derive(move || {
            result.with(|r| {
                r.as_ref()
                    .map(|r| r.0.diagnostics_for(side))
                    .unwrap_or_default()
            })
        })
    };

    view! {
        <a class="skip" href="#editor-current">"Skip to the editors"</a>
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"⇄"</span>
                <h1>"schemashift"</h1>
                <span class="tagline">"paste two schemas, get the migration"</span>
            </div>
            <div class="controls">
                <label class="field">
                    <span>"Dialect"</span>
                    <select
                        id="dialect"
                        prop:value=move || dialect.get()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if engine::dialect_available(&v) {
                                dialect.set(v);
                            }
                        }
                    >
                        {engine::dialect_choices()
                            .into_iter()
                            .map(|(name, label)| {
                                view! {
                                    <option value=name selected=move || dialect.get() == name>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>"Examples"</span>
                    <select id="examples" on:change=on_example>
                        <option value="" selected=true>"Load an example…"</option>
                        {examples::EXAMPLES
                            .iter()
                            .map(|e| {
                                let ok = examples::available(e);
                                let text = if ok {
                                    e.title.to_string()
                                } else {
                                    format!("{} (coming soon)", e.title)
                                };
                                view! {
                                    <option value=e.id disabled=!ok>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button id="share" class="btn primary" on:click=on_share title="Copy a link that restores both schemas and the settings">
                    "Share"
                </button>
                <button
                    id="theme-toggle"
                    class="btn"
                    aria-pressed=move || if dark.get() { "true" } else { "false" }
                    title="Toggle dark mode"
                    on:click=toggle_theme
                >
                    {move || if dark.get() { "☾ Dark" } else { "☀ Light" }}
                </button>
            </div>
        </header>
        <Show when=move || !notice.get().is_empty()>
            <div class="notice" role="alert">
                <span id="notice-text">{move || notice.get()}</span>
                <button class="btn small" on:click=move |_| notice.set(String::new())>
                    "Dismiss"
                </button>
            </div>
        </Show>
        <Show when=move || !share_link.get().is_empty()>
            <div class="share-box">
                <label for="share-link">"Share link"</label>
                <input id="share-link" readonly=true prop:value=move || share_link.get() on:focus=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    input.select();
                } />
                <button class="btn small" on:click=move |_| share_link.set(String::new())>
                    "Close"
                </button>
            </div>
        </Show>
        <main>
            <div class="editors">
                <section class="pane" aria-labelledby="label-current">
                    <div class="pane-head">
                        <h2 id="label-current">"Current schema"</h2>
                        <span class="hint">"e.g. pg_dump -s, .schema"</span>
                    </div>
                    <Editor
                        id="editor-current"
                        label="Current schema"
                        text=current
                        reload=reload
                        on_input=Callback::new(move |s: String| {
                            on_edit();
                            current.set(s);
                        })
                        marks=marks_for(Side::Current)
                        side=Side::Current
                        jump=jump
                    />
                    <DiagnosticList side=Side::Current diagnostics=marks_for(Side::Current) jump=jump />
                </section>
                <section class="pane" aria-labelledby="label-desired">
                    <div class="pane-head">
                        <h2 id="label-desired">"Desired schema"</h2>
                        <span class="hint">"e.g. your models' DDL"</span>
                    </div>
                    <Editor
                        id="editor-desired"
                        label="Desired schema"
                        text=desired
                        reload=reload
                        on_input=Callback::new(move |s: String| {
                            on_edit();
                            desired.set(s);
                        })
                        marks=marks_for(Side::Desired)
                        side=Side::Desired
                        jump=jump
                    />
                    <DiagnosticList side=Side::Desired diagnostics=marks_for(Side::Desired) jump=jump />
                </section>
            </div>
            <OutputPanel
                result=result
                status=status
                tab=tab
                header=header
                message=message
                revision=revision
                down_revision=down_revision
                toast=toast
            />
        </main>
        <div class="toast" role="status" aria-live="polite" id="toast">
            {move || toast.get()}
        </div>
        <footer class="footer">
            <span>"schemashift " <span id="version">{format!("v{VERSION}")}</span></span>
            <span aria-hidden="true">" · "</span>
            <span>"runs entirely in your browser: nothing you paste leaves this page"</span>
            <span aria-hidden="true">" · "</span>
            <span class="hint">"Ctrl+Enter diffs now"</span>
        </footer>
    }
}

/// Keep `system_dark` in step with the system colour scheme.
fn watch_system_theme(system_dark: RwSignal<bool>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(mql) = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    else {
        return;
    };
    let m = mql.clone();
    let cb = Closure::<dyn Fn()>::new(move || system_dark.set(m.matches()));
    let _ = mql.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
    cb.forget(); // lives as long as the page
}

/// A code editor: a transparent `<textarea>` over a syntax-highlighted copy of its text, with
/// a line-number gutter and per-line diagnostic markers. Only the visible lines are
/// highlighted, so multi-megabyte dumps stay responsive. Read-only when `on_input` is absent.
#[component]
pub fn Editor(
    /// Id of the textarea.
    id: &'static str,
    /// Accessible label of the textarea.
    label: &'static str,
    /// The text shown.
    #[prop(into)]
    text: Signal<String>,
    /// Bumped when `text` was replaced from outside and the textarea must take it. Read-only
    /// editors follow `text` directly.
    #[prop(into, optional)]
    reload: Option<Signal<u64>>,
    /// Called with the new text on every edit; `None` makes the editor read-only.
    #[prop(optional)]
    on_input: Option<Callback<String>>,
    /// Diagnostics to mark in the gutter and the text.
    #[prop(into, optional)]
    marks: Option<Signal<Vec<DiagView>>>,
    /// Which input this editor holds, to follow [`Jump`] requests.
    #[prop(optional)]
    side: Option<Side>,
    /// Cursor-jump requests (from the diagnostics list).
    #[prop(optional)]
    jump: Option<RwSignal<Option<Jump>>>,
) -> impl IntoView {
    let readonly = on_input.is_none();
    let textarea: NodeRef<html::Textarea> = NodeRef::new();
    let scroll_top = RwSignal::new(0.0f64);
    let scroll_left = RwSignal::new(0.0f64);
    let view_h = RwSignal::new(600.0f64);

    let index = Memo::new(move |_| SharedIndex(Arc::new(text.with(|t| LineIndex::new(t)))));
    let line_marks = Memo::new(move |_| {
        let mut m: HashMap<usize, LineMark> = HashMap::new();
        if let Some(marks) = marks {
            marks.with(|ds| {
                for d in ds {
                    let line = (d.line.max(1) - 1) as usize;
                    let entry = m.entry(line).or_insert_with(|| LineMark {
                        error: d.error,
                        column: d.column,
                        message: String::new(),
                    });
                    if d.error && !entry.error {
                        entry.error = true;
                        entry.column = d.column;
                    }
                    if !entry.message.is_empty() {
                        entry.message.push('\n');
                    }
                    entry.message.push_str(&d.label());
                }
            });
        }
        m
    });

    // Also called from DOM events, which can arrive while the editor is being torn down.
    let measure = move || {
        if let Some(Some(ta)) = textarea.try_get_untracked() {
            scroll_top.set(f64::from(ta.scroll_top()));
            scroll_left.set(f64::from(ta.scroll_left()));
            let h = f64::from(ta.client_height());
            if h > 0.0 {
                view_h.set(h);
            }
        }
    };
    Effect::new(move |_| {
        if textarea.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // Visible line range [first, last).
    let range = Memo::new(move |_| {
        let n = index.with(|i| i.0.len());
        let first = ((scroll_top.get() / LINE_HEIGHT).floor() as usize).saturating_sub(OVERSCAN);
        let count = (view_h.get() / LINE_HEIGHT).ceil() as usize + 2 * OVERSCAN;
        (first.min(n), (first + count).min(n))
    });

    // Follow jump requests aimed at this editor.
    if let (Some(jump), Some(side)) = (jump, side) {
        Effect::new(move |_| {
            let Some(j) = jump.get() else { return };
            if j.side != side {
                return;
            }
            let Some(ta) = textarea.get_untracked() else {
                return;
            };
            let line0 = (j.line.max(1) - 1) as usize;
            let offset16 = text.with_untracked(|t| {
                index.with_untracked(|idx| {
                    let idx = &idx.0;
                    let line0 = line0.min(idx.len() - 1);
                    let line = idx.line(t, line0);
                    let byte = idx.starts[line0] + highlight::column_to_byte(line, j.column);
                    highlight::utf16_len(&t[..byte.min(t.len())])
                })
            });
            let _ = ta.focus();
            let pos = offset16 as u32;
            let _ = ta.set_selection_range(pos, pos);
            let h = f64::from(ta.client_height());
            let target = (line0 as f64 * LINE_HEIGHT - h / 2.0).max(0.0);
            ta.set_scroll_top(target as i32);
            ta.set_scroll_left(0);
            measure();
        });
    }

    let value = move || match reload {
        Some(r) if !readonly => {
            r.track();
            text.get_untracked()
        }
        _ => text.get(),
    };

    let gutter_width = move || {
        let digits = index.with(|i| i.0.len()).to_string().len().max(2);
        format!("{}ch", digits + 2)
    };
    let offset_y = move || {
        let (first, _) = range.get();
        first as f64 * LINE_HEIGHT - scroll_top.get()
    };

    let gutter_rows = move || {
        let (first, last) = range.get();
        line_marks.with(|marks| {
            (first..last)
                .map(|i| {
                    let mark = marks.get(&i).cloned();
                    let class = match &mark {
                        Some(m) if m.error => "gl err",
                        Some(_) => "gl warn",
                        None => "gl",
                    };
                    let title = mark.map(|m| m.message).unwrap_or_default();
                    view! { <div class=class title=title>{i + 1}</div> }
                })
                .collect_view()
        })
    };

    let code_rows = move || {
        let (first, last) = range.get();
        let idx = index.get();
        line_marks.with(|marks| {
            text.with(|t| {
                (first..last)
                    .map(|i| {
                        let line = idx.0.line(t, i);
                        let toks = highlight::tokens(line, &idx.0.states[i], MAX_HIGHLIGHT_BYTES);
                        let mark = marks.get(&i);
                        let squiggle_at = mark.map(|m| highlight::column_to_byte(line, m.column));
                        let row_class = match mark {
                            Some(m) if m.error => "row row-err",
                            Some(_) => "row row-warn",
                            None => "row",
                        };
                        let ntok = toks.len();
                        let spans = toks
                            .into_iter()
                            .enumerate()
                            .map(|(k, (kind, r))| {
                                let squiggle = squiggle_at.is_some_and(|at| {
                                    r.contains(&at) || (k + 1 == ntok && at >= r.end)
                                });
                                let s = line[r].to_string();
                                if kind == TokenKind::Plain && !squiggle {
                                    Either::Left(s)
                                } else {
                                    let class = if squiggle {
                                        format!("{} squiggle", kind.class())
                                    } else {
                                        kind.class().to_string()
                                    };
                                    Either::Right(view! { <span class=class>{s}</span> })
                                }
                            })
                            .collect_view();
                        // An empty error line still shows where the problem is.
                        let empty_mark = (ntok == 0 && mark.is_some())
                            .then(|| view! { <span class="squiggle">" "</span> });
                        view! { <div class=row_class>{spans}{empty_mark}</div> }
                    })
                    .collect_view()
            })
        })
    };

    view! {
        <div class="editor" class:readonly=readonly>
            <div class="gutter" aria-hidden="true" style:width=gutter_width>
                <div class="gutter-inner" style:transform=move || format!("translateY({}px)", offset_y())>
                    {gutter_rows}
                </div>
            </div>
            <div class="code">
                <div class="hl" aria-hidden="true">
                    <div
                        class="hl-inner"
                        style:transform=move || format!("translate({}px, {}px)", -scroll_left.get(), offset_y())
                    >
                        {code_rows}
                    </div>
                </div>
                <textarea
                    id=id
                    node_ref=textarea
                    aria-label=label
                    class="input"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    wrap="off"
                    readonly=readonly
                    prop:value=value
                    on:input=move |ev| {
                        if let Some(cb) = on_input {
                            cb.run(event_target_value(&ev));
                        }
                        measure();
                    }
                    on:scroll=move |_| measure()
                    on:focus=move |_| measure()
                ></textarea>
            </div>
        </div>
    }
}

/// The `line:col message` list under an editor; clicking an entry moves that editor's cursor
/// to the position.
#[component]
pub fn DiagnosticList(
    side: Side,
    #[prop(into)] diagnostics: Signal<Vec<DiagView>>,
    jump: RwSignal<Option<Jump>>,
) -> impl IntoView {
    let side_id = engine::side_name(side);
    view! {
        <Show when=move || diagnostics.with(|d| !d.is_empty())>
            <ul class="diagnostics" id=format!("diagnostics-{side_id}") aria-label=format!("Problems in the {side_id} schema")>
                {move || {
                    diagnostics
                        .get()
                        .into_iter()
                        .map(|d| {
                            let class = if d.error { "diag err" } else { "diag warn" };
                            let sev = if d.error { "error" } else { "warning" };
                            let (line, column) = (d.line, d.column);
                            let label = d.label();
                            view! {
                                <li>
                                    <button
                                        class=class
                                        data-line=line.to_string()
                                        data-column=column.to_string()
                                        on:click=move |_| {
                                            let seq = jump.get_untracked().map(|j| j.seq + 1).unwrap_or(0);
                                            jump.set(Some(Jump { side, line, column, seq }));
                                        }
                                    >
                                        <span class="sev">{sev}</span>
                                        " "
                                        <span class="pos">{format!("{line}:{column}")}</span>
                                        " "
                                        <span class="msg">{d.message.clone()}</span>
                                        <span class="sr-only">{format!(" ({label})")}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

/// The output: tabs for the Alembic revision, Up SQL, Down SQL and the change list, each with
/// Copy and Download, plus the diff status.
#[component]
pub fn OutputPanel(
    result: RwSignal<Option<Shared>>,
    status: RwSignal<Status>,
    tab: RwSignal<Tab>,
    #[prop(into)] header: Signal<AlembicHeader>,
    message: RwSignal<String>,
    revision: RwSignal<String>,
    down_revision: RwSignal<String>,
    toast: RwSignal<String>,
) -> impl IntoView {
    let up = Memo::new(move |_| {
        result.with(|r| r.as_ref().and_then(|r| r.0.up.clone()).unwrap_or_default())
    });
    let down = Memo::new(move |_| {
        result.with(|r| {
            r.as_ref()
                .and_then(|r| r.0.down.clone())
                .unwrap_or_default()
        })
    });
    // A typed revision id shows at once; a derived one comes with the next diff.
    let effective_revision = Memo::new(move |_| {
        let typed = header.with(|h| h.revision.trim().to_string());
        if typed.is_empty() {
            result.with(|r| {
                r.as_ref()
                    .map(|r| r.0.alembic_rev.clone())
                    .unwrap_or_default()
            })
        } else {
            typed
        }
    });
    let alembic = Memo::new(move |_| result.with(|r| r.as_ref().and_then(|r| r.0.alembic.clone())));
    let has_errors =
        Memo::new(move |_| result.with(|r| r.as_ref().is_some_and(|r| r.0.errors() > 0)));

    let copy = move |_| {
        let text = match tab.get_untracked() {
            Tab::Alembic => alembic.get_untracked().unwrap_or_default(),
            Tab::Up => up.get_untracked(),
            Tab::Down => down.get_untracked(),
            Tab::Changes => result
                .with_untracked(|r| r.as_ref().map(|r| r.0.changes_text()).unwrap_or_default()),
        };
        if dom::copy_to_clipboard(&text) {
            toast.set(format!("Copied {}", tab.get_untracked().label()));
        }
    };
    let download = move |_| {
        let (name, text, mime) = match tab.get_untracked() {
            Tab::Alembic => (
                engine::alembic_filename(
                    &effective_revision.get_untracked(),
                    &message.get_untracked(),
                ),
                alembic.get_untracked().unwrap_or_default(),
                "text/x-python",
            ),
            Tab::Up => (
                "migration_up.sql".to_string(),
                up.get_untracked(),
                "application/sql",
            ),
            Tab::Down => (
                "migration_down.sql".to_string(),
                down.get_untracked(),
                "application/sql",
            ),
            Tab::Changes => (
                "changes.json".to_string(),
                result.with_untracked(|r| {
                    r.as_ref()
                        .map(|r| r.0.report_json.clone())
                        .unwrap_or_default()
                }),
                "application/json",
            ),
        };
        match dom::download(&name, &text, mime) {
            Ok(()) => toast.set(format!("Downloaded {name}")),
            Err(e) => toast.set(format!("Download failed: {e}")),
        }
    };
    let can_export = move || {
        !has_errors.get()
            && result.with(|r| r.is_some())
            && match tab.get() {
                Tab::Alembic => alembic.with(|a| a.is_some()),
                _ => true,
            }
    };

    let on_tab_key = move |ev: ev::KeyboardEvent| {
        let enabled = Tab::ALL;
        let pos = enabled
            .iter()
            .position(|t| *t == tab.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => enabled[(pos + 1) % enabled.len()],
            "ArrowLeft" => enabled[(pos + enabled.len() - 1) % enabled.len()],
            "Home" => enabled[0],
            "End" => enabled[enabled.len() - 1],
            _ => return,
        };
        ev.prevent_default();
        tab.set(next);
        if let Some(el) = document().get_element_by_id(&format!("tab-{}", next.id())) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };

    let status_text = move || match status.get() {
        Status::Pending => "Waiting for you to stop typing…".to_string(),
        Status::Done { diff_ms, .. } => result.with(|r| match r {
            None => String::new(),
            Some(r) => {
                let r = &r.0;
                if r.errors() > 0 {
                    format!(
                        "{} error{} in the schemas: fix {} to see the migration",
                        r.errors(),
                        if r.errors() == 1 { "" } else { "s" },
                        if r.errors() == 1 { "it" } else { "them" }
                    )
                } else {
                    let hazards = r.changes.iter().filter(|c| !c.hazards.is_empty()).count();
                    format!(
                        "{} change{}{}{} · {:.0} ms",
                        r.changes.len(),
                        if r.changes.len() == 1 { "" } else { "s" },
                        if hazards > 0 {
                            format!(" · {hazards} with hazards")
                        } else {
                            String::new()
                        },
                        if r.warnings() > 0 {
                            format!(" · {} warnings", r.warnings())
                        } else {
                            String::new()
                        },
                        diff_ms
                    )
                }
            }
        }),
    };
    let status_state = move || match status.get() {
        Status::Pending => "pending",
        Status::Done { .. } => {
            if has_errors.get() {
                "error"
            } else {
                "done"
            }
        }
    };
    let diff_ms_attr = move || match status.get() {
        Status::Done { diff_ms, .. } => format!("{diff_ms:.1}"),
        Status::Pending => String::new(),
    };
    let seq_attr = move || match status.get() {
        Status::Done { seq, .. } => seq.to_string(),
        Status::Pending => String::new(),
    };
    let render_ms_attr = move || match status.get() {
        Status::Done {
            edit_to_render_ms: Some(ms),
            ..
        } => format!("{ms:.1}"),
        _ => String::new(),
    };

    let panel = move || {
        let t = tab.get();
        let body = match t {
            Tab::Alembic => view! {
                <AlembicPanel alembic=alembic message=message revision=revision down_revision=down_revision effective_revision=effective_revision has_errors=has_errors />
            }
            .into_any(),
            Tab::Up | Tab::Down => {
                let text = if t == Tab::Up { up } else { down };
                // What the panel shows; the editor itself survives new results (and keeps its
                // scroll position), only this choice rebuilds the panel.
                let shows = Memo::new(move |_| {
                    if has_errors.get() {
                        OutputShows::Errors
                    } else if result.with(|r| r.is_none()) {
                        OutputShows::Working
                    } else if text.with(|s| s.is_empty()) {
                        OutputShows::NoChanges
                    } else {
                        OutputShows::Text
                    }
                });
                let id = if t == Tab::Up { "output-up" } else { "output-down" };
                view! {
                    {move || match shows.get() {
                        OutputShows::Errors => view! {
                            <p class="empty">"The schemas have errors (listed under the editors): fix them to see the migration."</p>
                        }
                        .into_any(),
                        OutputShows::Working => view! { <p class="empty">"Working…"</p> }.into_any(),
                        OutputShows::NoChanges => view! {
                            <p class="empty" id=format!("{}-empty", t.id())>"No changes: the two schemas are equivalent."</p>
                        }
                        .into_any(),
                        OutputShows::Text => view! { <Editor id=id label=t.label() text=text /> }.into_any(),
                    }}
                }
                .into_any()
            }
            Tab::Changes => view! { <ChangeList result=result /> }.into_any(),
        };
        view! {
            <div role="tabpanel" id=format!("panel-{}", t.id()) aria-labelledby=format!("tab-{}", t.id()) class="panel">
                {body}
            </div>
        }
    };

    view! {
        <section class="output" aria-label="Migration">
            <div class="output-head">
                <div role="tablist" aria-label="Output" class="tabs" on:keydown=on_tab_key>
                    {Tab::ALL
                        .into_iter()
                        .map(|t| {
                            let selected = move || tab.get() == t;
                            view! {
                                <button
                                    role="tab"
                                    id=format!("tab-{}", t.id())
                                    class="tab"
                                    aria-controls=format!("panel-{}", t.id())
                                    aria-selected=move || if selected() { "true" } else { "false" }
                                    tabindex=move || if selected() { "0" } else { "-1" }
                                    on:click=move |_| tab.set(t)
                                >
                                    {t.label()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <div class="actions">
                    <span
                        id="status"
                        class="status"
                        data-state=status_state
                        data-diff-ms=diff_ms_attr
                        data-render-ms=render_ms_attr
                        data-seq=seq_attr
                        aria-live="polite"
                    >
                        {status_text}
                    </span>
                    <button id="copy" class="btn" on:click=copy disabled=move || !can_export()>
                        "Copy"
                    </button>
                    <button id="download" class="btn" on:click=download disabled=move || !can_export()>
                        "Download"
                    </button>
                </div>
            </div>
            {panel}
        </section>
    }
}

/// What an Up/Down panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OutputShows {
    Errors,
    Working,
    NoChanges,
    Text,
}

/// The Alembic tab: the revision header fields, the file name Download uses and the generated
/// revision file (what `alembic revision --autogenerate` would write).
#[component]
fn AlembicPanel(
    alembic: Memo<Option<String>>,
    message: RwSignal<String>,
    revision: RwSignal<String>,
    down_revision: RwSignal<String>,
    effective_revision: Memo<String>,
    has_errors: Memo<bool>,
) -> impl IntoView {
    let text = Signal::derive(move || alembic.get().unwrap_or_default());
    let filename =
        move || engine::alembic_filename(&effective_revision.get(), &message.get_untracked());
    view! {
        <div class="alembic-fields">
            <label class="field">
                <span>"Message"</span>
                <input id="alembic-message" prop:value=move || message.get() on:input=move |ev| message.set(event_target_value(&ev)) placeholder="schema change" />
            </label>
            <label class="field">
                <span>"Revision"</span>
                <input id="alembic-revision" prop:value=move || revision.get() on:input=move |ev| revision.set(event_target_value(&ev)) placeholder=move || effective_revision.get() />
            </label>
            <label class="field">
                <span>"Down revision"</span>
                <input id="alembic-down-revision" prop:value=move || down_revision.get() on:input=move |ev| down_revision.set(event_target_value(&ev)) placeholder="none (first revision)" />
            </label>
            <p class="hint alembic-file">"File: " <code id="alembic-filename">{move || { message.track(); filename() }}</code></p>
        </div>
        {move || {
            if alembic.with(|a| a.is_some()) {
                Either::Left(view! { <Editor id="output-alembic" label="Alembic revision" text=text /> })
            } else {
                Either::Right(view! {
                    <p class="empty" id="alembic-placeholder">
                        {move || if has_errors.get() {
                            "The schemas have errors (listed under the editors): fix them to see the revision file."
                        } else {
                            "Working…"
                        }}
                    </p>
                })
            }
        }}
    }
}

/// The ordered change list: each change's summary, its hazards (destructive ones marked) and
/// its SQL; warnings about the inputs first.
#[component]
fn ChangeList(result: RwSignal<Option<Shared>>) -> impl IntoView {
    let show_all = RwSignal::new(false);
    move || {
        let Some(r) = result.get() else {
            return view! { <p class="empty">"Working…"</p> }.into_any();
        };
        let r = r.0;
        if r.errors() > 0 {
            return view! { <p class="empty">"The schemas have errors (listed under the editors): fix them to see the changes."</p> }.into_any();
        }
        let warnings: Vec<DiagView> = r.diagnostics.iter().filter(|d| !d.error).cloned().collect();
        let total = r.changes.len();
        let shown = if show_all.get() {
            total
        } else {
            total.min(CHANGES_PAGE)
        };
        let items: Vec<(usize, ChangeView)> =
            r.changes.iter().take(shown).cloned().enumerate().collect();
        view! {
            <div class="changes" id="changes">
                {(!warnings.is_empty()).then(|| view! {
                    <ul class="warnings" aria-label="Warnings">
                        {warnings.into_iter().map(|w| view! {
                            <li class="warning">
                                <strong>"warning"</strong>
                                {format!(" {} {}:{} {}", engine::side_name(w.side), w.line, w.column, w.message)}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {(total == 0).then(|| view! { <p class="empty">"No changes: the two schemas are equivalent."</p> })}
                <ol class="change-list">
                    {items.into_iter().map(|(i, c)| {
                        let destructive = c.destructive();
                        let sql = c.sql.iter().map(|s| format!("{s};")).collect::<Vec<_>>().join("\n");
                        view! {
                            <li class="change" class:destructive=destructive data-index=i.to_string()>
                                <div class="change-head">
                                    <span class="num">{format!("{}.", i + 1)}</span>
                                    <span class="summary">{c.summary.clone()}</span>
                                    {c.hazards.iter().map(|h| {
                                        let class = match h.class {
                                            HazardClass::Destructive => "badge destructive",
                                            HazardClass::DataDependent => "badge data",
                                            HazardClass::Locking => "badge locking",
                                            HazardClass::Irreversible => "badge destructive",
                                        };
                                        view! { <span class=class title=h.code.clone()>{h.class.label()}</span> }
                                    }).collect_view()}
                                </div>
                                {(!c.hazards.is_empty()).then(|| view! {
                                    <ul class="hazards">
                                        {c.hazards.iter().map(|h| view! {
                                            <li>
                                                {if h.class == HazardClass::Destructive { "⚠ " } else { "• " }}
                                                {h.message.clone()}
                                                {h.alternative.clone().map(|a| view! { <span class="alternative">{format!(" Safer: {a}")}</span> })}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                })}
                                <details>
                                    <summary>"SQL"</summary>
                                    <pre class="sql">{sql}</pre>
                                </details>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                {(shown < total).then(|| view! {
                    <button class="btn" on:click=move |_| show_all.set(true)>
                        {format!("Show all {total} changes")}
                    </button>
                })}
            </div>
        }
        .into_any()
    }
}
