//! The output: tabs for the Alembic revision, Up SQL, Down SQL and the change list, each with
//! Copy and Download, the diff status, and the Verify bar.

use leptos::either::Either;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::editor::Editor;
use crate::engine::{self, ChangeView, DiagView, HazardClass};
use crate::state::AppState;
use crate::verify_view::VerifyBar;
use crate::{dom, Shared, Status, Tab};

/// Changes shown before "show all".
const CHANGES_PAGE: usize = 300;

/// What the output panels show, derived from the diff result (a `Copy` handle).
#[derive(Clone, Copy)]
struct Outputs {
    up: Memo<String>,
    down: Memo<String>,
    alembic: Memo<Option<String>>,
    /// A typed revision id shows at once; a derived one comes with the next diff.
    effective_revision: Memo<String>,
    has_errors: Memo<bool>,
}

impl Outputs {
    fn new(state: AppState) -> Self {
        let result = state.result;
        let field = move |f: fn(&engine::DiffView) -> Option<String>| {
            Memo::new(move |_| {
                result.with(|r| r.as_ref().and_then(|r| f(&r.0)).unwrap_or_default())
            })
        };
        let derived_revision = field(|r| Some(r.alembic_rev.clone()));
        Outputs {
            up: field(|r| r.up.clone()),
            down: field(|r| r.down.clone()),
            alembic: Memo::new(move |_| {
                result.with(|r| r.as_ref().and_then(|r| r.0.alembic.clone()))
            }),
            effective_revision: Memo::new(move |_| {
                let typed = state.revision.with(|r| r.trim().to_string());
                if typed.is_empty() {
                    derived_revision.get()
                } else {
                    typed
                }
            }),
            has_errors: Memo::new(move |_| {
                result.with(|r| r.as_ref().is_some_and(|r| r.0.errors() > 0))
            }),
        }
    }

    /// The Alembic file's name: `<rev>_<slug>.py`, as `alembic revision` names it.
    fn alembic_filename(self, state: AppState) -> String {
        engine::alembic_filename(
            &self.effective_revision.get_untracked(),
            &state.message.get_untracked(),
        )
    }

    /// What Copy copies from `tab`.
    fn text(self, state: AppState, tab: Tab) -> String {
        match tab {
            Tab::Alembic => self.alembic.get_untracked().unwrap_or_default(),
            Tab::Up => self.up.get_untracked(),
            Tab::Down => self.down.get_untracked(),
            Tab::Changes => state
                .result
                .with_untracked(|r| r.as_ref().map(|r| r.0.changes_text()).unwrap_or_default()),
        }
    }

    /// What Download saves from `tab`: file name, contents and media type.
    fn file(self, state: AppState, tab: Tab) -> (String, String, &'static str) {
        match tab {
            Tab::Alembic => (
                self.alembic_filename(state),
                self.text(state, tab),
                "text/x-python",
            ),
            Tab::Up => (
                "migration_up.sql".into(),
                self.text(state, tab),
                "application/sql",
            ),
            Tab::Down => (
                "migration_down.sql".into(),
                self.text(state, tab),
                "application/sql",
            ),
            Tab::Changes => (
                "changes.json".into(),
                state.result.with_untracked(|r| {
                    r.as_ref()
                        .map(|r| r.0.report_json.clone())
                        .unwrap_or_default()
                }),
                "application/json",
            ),
        }
    }

    /// Whether the selected tab has something to copy or download.
    fn exportable(self, state: AppState) -> bool {
        !self.has_errors.get()
            && state.result.with(|r| r.is_some())
            && (state.tab.get() != Tab::Alembic || self.alembic.with(|a| a.is_some()))
    }
}

/// The output section: tabs, status, Copy and Download, and the selected tab's panel.
#[component]
pub fn OutputPanel(state: AppState) -> impl IntoView {
    let out = Outputs::new(state);
    let tab = state.tab;
    let copy = move |_| {
        let t = tab.get_untracked();
        dom::copy_to_clipboard(&out.text(state, t));
        state.toast.set(format!("Copied {}", t.label()));
    };
    let download = move |_| {
        let (name, text, mime) = out.file(state, tab.get_untracked());
        match dom::download(&name, &text, mime) {
            Ok(()) => state.toast.set(format!("Downloaded {name}")),
            Err(e) => state.toast.set(format!("Download failed: {e}")),
        }
    };
    let panel = move || {
        let t = tab.get();
        let body = match t {
            Tab::Alembic => view! { <AlembicPanel state=state out=out /> }.into_any(),
            Tab::Up => view! { <SqlPanel tab=t text=out.up state=state out=out /> }.into_any(),
            Tab::Down => view! { <SqlPanel tab=t text=out.down state=state out=out /> }.into_any(),
            Tab::Changes => view! { <ChangeList result=state.result /> }.into_any(),
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
                <OutputTabs tab=tab />
                <div class="actions">
                    <StatusLine state=state has_errors=out.has_errors />
                    <button id="copy" class="btn" on:click=copy disabled=move || !out.exportable(state)>
                        "Copy"
                    </button>
                    <button id="download" class="btn" on:click=download disabled=move || !out.exportable(state)>
                        "Download"
                    </button>
                </div>
            </div>
            <VerifyBar state=state />
            {panel}
        </section>
    }
}

/// The tab list; the arrow keys, Home and End move between tabs.
#[component]
fn OutputTabs(tab: RwSignal<Tab>) -> impl IntoView {
    let on_key = move |ev: ev::KeyboardEvent| {
        let all = Tab::ALL;
        let pos = all
            .iter()
            .position(|t| *t == tab.get_untracked())
            .unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => all[(pos + 1) % all.len()],
            "ArrowLeft" => all[(pos + all.len() - 1) % all.len()],
            "Home" => all[0],
            "End" => all[all.len() - 1],
            _ => return,
        };
        ev.prevent_default();
        tab.set(next);
        if let Some(el) = document().get_element_by_id(&format!("tab-{}", next.id())) {
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    view! {
        <div role="tablist" aria-label="Output" class="tabs" on:keydown=on_key>
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
    }
}

/// The diff status, in words and (for tests and measurements) as data attributes: `state`
/// (`pending`, `done`, `error`; `failed`: no diff, the worker failed), `seq` (counts finished
/// diffs), `diff-ms`, `render-ms` and `waited-ms` (0: the diff ran at once after a whole edit).
#[component]
fn StatusLine(state: AppState, has_errors: Memo<bool>) -> impl IntoView {
    let status = state.status;
    let result = state.result;
    let text = move || match status.get() {
        Status::Pending => "Updating…".to_string(),
        Status::Failed(why) => format!("No migration: {why}"),
        Status::Done { diff_ms, .. } => result.with(|r| {
            r.as_ref()
                .map(|r| summary(&r.0, diff_ms))
                .unwrap_or_default()
        }),
    };
    let data_state = move || match status.get() {
        Status::Pending => "pending",
        Status::Failed(_) => "failed",
        Status::Done { .. } if has_errors.get() => "error",
        Status::Done { .. } => "done",
    };
    let done = move |f: fn(u64, f64, Option<f64>, u32) -> String| {
        move || match status.get() {
            Status::Done {
                seq,
                diff_ms,
                edit_to_render_ms,
                waited_ms,
            } => f(seq, diff_ms, edit_to_render_ms, waited_ms),
            Status::Pending | Status::Failed(_) => String::new(),
        }
    };
    view! {
        <span
            id="status"
            class="status"
            data-state=data_state
            data-diff-ms=done(|_, ms, _, _| format!("{ms:.1}"))
            data-render-ms=done(|_, _, r, _| r.map(|ms| format!("{ms:.1}")).unwrap_or_default())
            data-seq=done(|seq, _, _, _| seq.to_string())
            data-waited-ms=done(|_, _, _, w| w.to_string())
            aria-live="polite"
        >
            {text}
        </span>
    }
}

/// One line about a finished diff: its errors, or its changes, hazards, warnings and time.
fn summary(r: &engine::DiffView, diff_ms: f64) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if r.errors() > 0 {
        let n = r.errors();
        let them = if n == 1 { "it" } else { "them" };
        return format!(
            "{n} error{} in the schemas: fix {them} to see the migration",
            plural(n)
        );
    }
    let n = r.changes.len();
    let hazards = r.changes.iter().filter(|c| !c.hazards.is_empty()).count();
    let mut s = format!("{n} change{}", plural(n));
    if hazards > 0 {
        s += &format!(" · {hazards} with hazards");
    }
    if r.warnings() > 0 {
        s += &format!(" · {} warnings", r.warnings());
    }
    if !r.left_out.is_empty() {
        s += &format!(" · left out: {}", r.left_out.join(", "));
    }
    s + &format!(" · {diff_ms:.0} ms")
}

/// What an Up/Down panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OutputShows {
    Errors,
    Working,
    /// No diff: the worker failed (the status says why).
    Failed,
    NoChanges,
    Text,
}

/// The Up or Down SQL. The editor survives new results (and keeps its scroll position); only
/// a change of what the panel shows rebuilds it.
#[component]
fn SqlPanel(tab: Tab, text: Memo<String>, state: AppState, out: Outputs) -> impl IntoView {
    let shows = Memo::new(move |_| {
        if out.has_errors.get() {
            OutputShows::Errors
        } else if state.status.with(|s| matches!(s, Status::Failed(_))) {
            OutputShows::Failed
        } else if state.result.with(|r| r.is_none()) {
            OutputShows::Working
        } else if text.with(|s| s.is_empty()) {
            OutputShows::NoChanges
        } else {
            OutputShows::Text
        }
    });
    let id = if tab == Tab::Up {
        "output-up"
    } else {
        "output-down"
    };
    move || {
        match shows.get() {
        OutputShows::Errors => view! {
            <p class="empty">"The schemas have errors (listed under the editors): fix them to see the migration."</p>
        }
        .into_any(),
        OutputShows::Working => view! { <p class="empty">"Working…"</p> }.into_any(),
        OutputShows::Failed => view! {
            <p class="empty">"No migration: the diff worker failed (the status says why). Edit to try again, or reload the page."</p>
        }
        .into_any(),
        OutputShows::NoChanges => view! {
            <p class="empty" id=format!("{}-empty", tab.id())>"No changes: the two schemas are equivalent."</p>
        }
        .into_any(),
        OutputShows::Text => view! { <Editor id=id label=tab.label() text=text language=state.dialect /> }.into_any(),
    }
    }
}

/// The Alembic tab: the revision header fields, the file name Download uses and the generated
/// revision file (what `alembic revision --autogenerate` would write).
#[component]
fn AlembicPanel(state: AppState, out: Outputs) -> impl IntoView {
    let AppState {
        message,
        revision,
        down_revision,
        ..
    } = state;
    let text = Signal::derive(move || out.alembic.get().unwrap_or_default());
    let filename = move || {
        message.track();
        out.effective_revision.track();
        out.alembic_filename(state)
    };
    view! {
        <div class="alembic-fields">
            <label class="field">
                <span>"Message"</span>
                <input id="alembic-message" prop:value=move || message.get() on:input=move |ev| message.set(event_target_value(&ev)) placeholder="schema change" />
            </label>
            <label class="field">
                <span>"Revision"</span>
                <input id="alembic-revision" prop:value=move || revision.get() on:input=move |ev| revision.set(event_target_value(&ev)) placeholder=move || out.effective_revision.get() />
            </label>
            <label class="field">
                <span>"Down revision"</span>
                <input id="alembic-down-revision" prop:value=move || down_revision.get() on:input=move |ev| down_revision.set(event_target_value(&ev)) placeholder="none (first revision)" />
            </label>
            <p class="hint alembic-file">"File: " <code id="alembic-filename">{filename}</code></p>
        </div>
        {move || {
            if out.alembic.with(|a| a.is_some()) {
                Either::Left(view! { <Editor id="output-alembic" label="Alembic revision" text=text language=Signal::derive(|| "python".to_string()) /> })
            } else {
                Either::Right(view! {
                    <p class="empty" id="alembic-placeholder">
                        {move || if out.has_errors.get() {
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
                    {items.into_iter().map(|(i, c)| view! { <ChangeItem index=i change=c /> }).collect_view()}
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

/// One change of the list: number, summary, hazard badges and messages, and its SQL.
#[component]
fn ChangeItem(index: usize, change: ChangeView) -> impl IntoView {
    let c = change;
    let destructive = c.destructive();
    let sql = c
        .sql
        .iter()
        .map(|s| format!("{s};"))
        .collect::<Vec<_>>()
        .join("\n");
    view! {
        <li class="change" class:destructive=destructive data-index=index.to_string()>
            <div class="change-head">
                <span class="num">{format!("{}.", index + 1)}</span>
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
}
