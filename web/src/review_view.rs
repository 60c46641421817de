//! "Review a revision" mode: [`ReviewPane`] (the revision files: paste, open, drop a versions
//! folder; as tabs over one editor) and [`ReviewOutput`] (per revision: id and message, the
//! verdict badge, the upgrade and downgrade change lists, hazards and data steps, and the two
//! functions' SQL side by side). [`Reviewer::start`] reviews
//! [`DEBOUNCE_MS`](crate::DEBOUNCE_MS) after the last change of the files or the dialect (at
//! once after a paste, a drop or opened files), in the diff worker (see [`crate::worker`]), or
//! on the page when there is none.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use schemashift::{DialectKind, Side};

use crate::editor::{DiagnosticList, Editor};
use crate::engine::DiagView;
use crate::files;
use crate::pane::{carries_files, ModelTabs};
use crate::review::{verdict, ReviewView, RevisionView};
use crate::state::{AppState, ReviewStatus, View};
use crate::{dom, worker};

/// The review machinery of one app (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct Reviewer {
    state: AppState,
    debounce: dom::Debounce,
    finished: StoredValue<u64>,
    /// The id of the newest request: answers to older ones are dropped.
    latest: StoredValue<u64>,
    /// When the newest request was sent (`performance.now()`).
    sent_at: StoredValue<f64>,
}

impl Reviewer {
    /// Review again whenever the revision files or the dialect change while the page is in
    /// review mode. Start it after the diff worker (`Differ::start`): it shares it.
    pub fn start(state: AppState) -> Self {
        let reviewer = Reviewer {
            state,
            debounce: dom::Debounce::new(),
            finished: StoredValue::new(0),
            latest: StoredValue::new(0),
            sent_at: StoredValue::new(0.0),
        };
        worker::on_review(move |answer| reviewer.answer(answer));
        Effect::new(move |_| {
            if state.view.get() != View::Review {
                return;
            }
            state.review.models.track();
            state.review_base.track();
            state.dialect.track();
            state.review_status.set(ReviewStatus::Pending);
            reviewer
                .debounce
                .schedule(state.take_delay_ms(true), move || reviewer.run());
        });
        reviewer
    }

    fn dialect(self) -> DialectKind {
        self.state
            .dialect
            .with_untracked(|d| DialectKind::from_name(d).unwrap_or_default())
    }

    /// Review now (the debounce is over, or Ctrl+Enter): in the worker if there is one.
    pub fn run(self) {
        self.debounce.cancel();
        let id = self.latest.get_value() + 1;
        self.latest.set_value(id);
        self.sent_at.set_value(dom::now_ms());
        let dialect = self.dialect();
        let s = self.state;
        let sent = s.review.models.with_untracked(|files| {
            s.review_base
                .with_untracked(|base| worker::request_review(id, files, base, dialect.name()))
        });
        if !sent {
            self.failed("no worker (this browser cannot start one)".to_string());
        }
    }

    /// No review: the worker could not be started or failed.
    fn failed(self, why: String) {
        self.state.review_result.set(None);
        self.state.review_status.set(ReviewStatus::Failed(why));
    }

    /// An answer from the worker.
    fn answer(self, answer: worker::Answer) {
        match answer {
            worker::Answer::Reviewed { id, view, .. } if id == self.latest.get_value() => {
                self.finish(*view, dom::now_ms() - self.sent_at.get_value());
            }
            worker::Answer::ReviewFailed { id, why } if id == self.latest.get_value() => {
                self.failed(why)
            }
            _ => {}
        }
    }

    /// Show a finished review; `ms`: the round trip to the worker (or the time on the page).
    fn finish(self, view: ReviewView, ms: f64) {
        let s = self.state;
        s.review_result.set(Some(Arc::new(view)));
        let seq = self.finished.get_value() + 1;
        self.finished.set_value(seq);
        s.review_status.set(ReviewStatus::Done { seq, ms });
    }
}

/// The review input: the revision files as tabs over one editor (Python), Open… and Folder…,
/// and drops of files or a versions folder anywhere on the pane.
#[component]
pub fn ReviewPane(state: AppState) -> impl IntoView {
    let input = state.review;
    let diagnostics = Signal::derive(move || {
        state.review_result.with(|r| {
            r.as_ref()
                .map(|r| r.diagnostics.clone())
                .unwrap_or_default()
        })
    });
    let marks = Signal::derive(move || {
        let shown = input.active_path();
        diagnostics.with(|ds| {
            ds.iter()
                .filter(|d| d.file == shown)
                .cloned()
                .collect::<Vec<DiagView>>()
        })
    });
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: ev::Event| {
        let picker: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(list) = picker.files() {
            let picked = files::picked(list);
            if picked.is_empty() {
                state.toast.set("No .py files in that folder".to_string());
            } else {
                state.open_revisions(picked);
            }
        }
        picker.set_value("");
    };
    let on_dragover = move |ev: ev::DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    };
    let on_drop = move |ev: ev::DragEvent| {
        dragging.set(false);
        let Some(dt) = ev.data_transfer() else { return };
        let dropped = files::dropped(&dt);
        if dropped.is_empty() {
            return;
        }
        ev.prevent_default();
        leptos::task::spawn_local(async move {
            let picked = files::walk(dropped).await;
            if picked.is_empty() {
                state
                    .toast
                    .set("No .py files in what was dropped".to_string());
            } else {
                state.open_revisions(picked);
            }
        });
    };
    view! {
        <section
            class="pane review-pane"
            class:dragover=move || dragging.get()
            aria-labelledby="label-review"
            on:dragover=on_dragover
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="pane-head">
                <h2 id="label-review">"Revision files"</h2>
                <span class="hint">"a revision file, with the revisions before it (a versions folder)"</span>
                <span class="pane-file">
                    <label class="btn small open" title="Open Alembic revision files (or drop them on the editor)">
                        "Open…"
                        <input type="file" id="open-review" class="sr-only" accept=".py,text/x-python" multiple=true on:change=on_pick />
                    </label>
                    <label class="btn small open" title="Open an Alembic versions folder (or drop it on the editor)">
                        "Folder…"
                        <input type="file" id="open-folder-review" class="sr-only" prop:webkitdirectory=true on:change=on_pick />
                    </label>
                </span>
            </div>
            <ModelTabs input=input side_id="review" />
            <Editor
                id="editor-review"
                label="Revision files"
                text=input.text
                reload=input.reload
                on_input=Callback::new(move |(s, whole): (String, bool)| {
                    state.edited_input(input, s, whole)
                })
                marks=marks
                side=Side::Current
                jump=state.jump
                language=Signal::derive(|| "python".to_string())
            />
            <details class="review-base" open=move || !state.review_base.with_untracked(String::is_empty)>
                <summary>"Base schema (optional): the database the first revision starts from"</summary>
                <textarea
                    id="review-base"
                    class="base-input"
                    spellcheck="false"
                    aria-label="Base schema: SQL DDL of the database before the first revision"
                    placeholder="SQL DDL, e.g. what create_all() made before the first revision (the CLI's --base); empty: an empty database"
                    prop:value=move || state.review_base.get()
                    on:input=move |ev| state.review_base.set(event_target_value(&ev))
                ></textarea>
            </details>
            <DiagnosticList
                side=Side::Current
                diagnostics=diagnostics
                jump=state.jump
                on_file=Callback::new(move |path: String| {
                    input.select_path(&path);
                })
            />
        </section>
    }
}

/// The review: a status line (`#review-status`, `data-seq` counts finished reviews) and one
/// [`RevisionCard`] per revision, parents first.
#[component]
pub fn ReviewOutput(state: AppState) -> impl IntoView {
    let status = state.review_status;
    let result = state.review_result;
    let (data_state, seq, ms) = (
        move || match status.get() {
            ReviewStatus::Pending => "pending",
            ReviewStatus::Failed(_) => "failed",
            ReviewStatus::Done { .. } => {
                if result.with(|r| r.as_ref().is_some_and(|r| r.errors() > 0)) {
                    "error"
                } else {
                    "done"
                }
            }
        },
        move || match status.get() {
            ReviewStatus::Done { seq, .. } => seq.to_string(),
            ReviewStatus::Pending | ReviewStatus::Failed(_) => String::new(),
        },
        move || match status.get() {
            ReviewStatus::Done { ms, .. } => format!("{ms:.1}"),
            ReviewStatus::Pending | ReviewStatus::Failed(_) => String::new(),
        },
    );
    let text = move || match status.get() {
        ReviewStatus::Pending => "Reviewing…".to_string(),
        ReviewStatus::Failed(why) => format!("No review: {why}"),
        ReviewStatus::Done { ms, .. } => result.with(|r| {
            r.as_ref()
                .map(|r| format!("{} · {ms:.0} ms", r.summary()))
                .unwrap_or_default()
        }),
    };
    view! {
        <section class="output review-output" aria-label="Review">
            <div class="output-head">
                <h2>"Review"</h2>
                <span id="review-status" class="status" data-state=data_state data-seq=seq data-review-ms=ms aria-live="polite">
                    {text}
                </span>
            </div>
            <div class="revisions" id="revisions">
                {move || {
                    result
                        .get()
                        .map(|r| {
                            r.revisions
                                .iter()
                                .cloned()
                                .map(|rev| view! { <RevisionCard rev=rev /> })
                                .collect_view()
                        })
                }}
            </div>
        </section>
    }
}

/// One revision: id, message, parents and file; the verdict badge (`data-restores`) with what
/// is left different; then `upgrade()` and `downgrade()` side by side, each with its changes
/// in words, hazards, data steps and SQL.
#[component]
fn RevisionCard(rev: RevisionView) -> impl IntoView {
    let restores = rev.restores;
    let verdict = verdict(&rev);
    let side = |name: &'static str,
                changes: Vec<String>,
                hazards: Vec<String>,
                data: Vec<String>,
                sql: String| {
        let list = |class: &'static str, items: Vec<String>| {
            (!items.is_empty()).then(|| {
                view! {
                    <ul class=class>
                        {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                    </ul>
                }
            })
        };
        let empty = changes.is_empty();
        view! {
            <div class=format!("fn-col {name}")>
                <h4>{format!("{name}()")}</h4>
                {if empty {
                    Some(view! { <p class="none">"no schema change"</p> })
                } else {
                    None
                }}
                {list("fn-changes", changes)}
                {(!hazards.is_empty()).then(|| view! { <h5>"Hazards"</h5> })}
                {list("fn-hazards", hazards)}
                {(!data.is_empty()).then(|| view! { <h5>"Data steps (no schema change)"</h5> })}
                {list("fn-data", data)}
                <h5>"SQL"</h5>
                <pre class=format!("sql {name}-sql")>{sql}</pre>
            </div>
        }
    };
    view! {
        <article class="revision" class:not-undone=!restores data-rev=rev.revision.id.clone() data-restores=restores.to_string()>
            <div class="revision-head">
                <h3>
                    <code class="rev-id">{rev.revision.id.clone()}</code>
                    " "
                    <span class="rev-message">{rev.revision.message.clone()}</span>
                </h3>
                <span class=if restores { "verdict ok" } else { "verdict bad" }>{verdict}</span>
                <span class="rev-meta">{format!("<- {} · {}", rev.revision.parents(), rev.revision.file)}</span>
            </div>
            {(!rev.left_different.is_empty()).then(|| view! {
                <div class="left-different">
                    "After the downgrade the schema still differs; getting back needs:"
                    <ul>
                        {rev.left_different.iter().cloned().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                </div>
            })}
            {(!rev.caveats.is_empty()).then(|| view! {
                <ul class="caveats">
                    {rev.caveats.iter().cloned().map(|c| view! { <li>"Caveat: " {c}</li> }).collect_view()}
                </ul>
            })}
            <div class="fn-cols">
                {side("upgrade", rev.upgrade, rev.upgrade_hazards, rev.upgrade_data, rev.upgrade_sql)}
                {side("downgrade", rev.downgrade, rev.downgrade_hazards, rev.downgrade_data, rev.downgrade_sql)}
            </div>
        </article>
    }
}
