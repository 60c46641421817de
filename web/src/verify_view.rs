//! The Verify bar under the migration's tabs: the Verify button, what it is doing, the
//! verdict badge and the nine steps with their results (see [`crate::verify`] for where it
//! runs).

use std::sync::Arc;

use leptos::prelude::*;
use schemashift::DialectKind;

use crate::state::{AppState, Mode};
use crate::verify::{self, Event, Report, VerifiedInputs};

/// What Verify shows.
#[derive(Clone, Debug, PartialEq)]
pub enum VerifyStatus {
    /// Not asked yet (or the worker failed; see `Failed`).
    Idle,
    /// Working on request `id`: starting the worker, loading the engine or running the steps.
    Running { id: u64, phase: Phase },
    /// The verdict on `inputs`; `load_ms`: loading the engine (0 when it was loaded already),
    /// `ms`: the steps.
    Done {
        report: Arc<Report>,
        load_ms: f64,
        ms: f64,
        inputs: Arc<VerifiedInputs>,
    },
    /// No verdict: the worker or the engine failed.
    Failed(String),
}

/// Where a running verification is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Starting,
    Engine,
    Running,
}

/// Why Verify cannot run on what the page holds now (`None`: it can).
pub fn unavailable(state: AppState, dialect: DialectKind) -> Option<String> {
    if verify::engine_for(dialect).is_none() {
        return Some(format!(
            "Verification is not available for {}: no {} engine runs in the browser.",
            dialect.label(),
            dialect.label()
        ));
    }
    if state.current.mode.get() == Mode::Models || state.desired.mode.get() == Mode::Models {
        return Some("Verify takes SQL schemas on both sides (not models.py yet).".to_string());
    }
    if state
        .result
        .with(|r| r.as_ref().is_some_and(|r| r.0.errors() > 0))
    {
        return Some("Fix the schemas' errors to verify the migration.".to_string());
    }
    None
}

/// The inputs as they are now (SQL on both sides).
pub fn inputs_now(state: AppState) -> VerifiedInputs {
    VerifiedInputs {
        current: state.current.text.get_untracked(),
        desired: state.desired.text.get_untracked(),
        dialect: state.dialect.get_untracked(),
    }
}

/// The Verify bar: the button, the status or the verdict badge, and the steps. Verify runs the
/// migration of the two SQL schemas on the dialect's engine in a worker (the engine is
/// downloaded on the first Verify, from this site); the verdict stays until the next Verify,
/// dimmed once the schemas change.
#[component]
pub fn VerifyBar(state: AppState) -> impl IntoView {
    let status = RwSignal::new(VerifyStatus::Idle);
    let next_id = StoredValue::new(0u64);
    let dialect = Memo::new(move |_| {
        state
            .dialect
            .with(|d| DialectKind::from_name(d).unwrap_or_default())
    });
    let blocked = Memo::new(move |_| unavailable(state, dialect.get()));
    let running = move || matches!(status.get(), VerifyStatus::Running { .. });
    let stale = Memo::new(move |_| match status.get() {
        VerifyStatus::Done { inputs, .. } => {
            state.current.text.track();
            state.desired.text.track();
            state.dialect.track();
            *inputs != inputs_now(state)
        }
        _ => false,
    });
    // The badge a link carried, while nothing was verified here and the schemas are the
    // link's.
    let linked = Memo::new(move |_| {
        if status.with(|s| *s != VerifyStatus::Idle) {
            return None;
        }
        state.current.text.track();
        state.desired.text.track();
        state.dialect.track();
        state.linked_badge.with(|l| {
            l.as_ref()
                .filter(|(_, inputs)| **inputs == inputs_now(state))
                .map(|(badge, _)| badge.clone())
        })
    });
    let run = move |_| {
        if blocked.get_untracked().is_some() || running() {
            return;
        }
        let id = next_id.get_value() + 1;
        next_id.set_value(id);
        let inputs = Arc::new(inputs_now(state));
        status.set(VerifyStatus::Running {
            id,
            phase: Phase::Starting,
        });
        let sent = inputs.clone();
        let on_event = move |event: Event| {
            let current =
                matches!(status.get_untracked(), VerifyStatus::Running { id: i, .. } if i == id);
            if !current {
                return;
            }
            match event {
                Event::Phase { phase, .. } => status.set(VerifyStatus::Running {
                    id,
                    phase: if phase == "engine" {
                        Phase::Engine
                    } else {
                        Phase::Running
                    },
                }),
                Event::Done {
                    load_ms,
                    ms,
                    report,
                    ..
                } => status.set(VerifyStatus::Done {
                    report: Arc::from(report),
                    load_ms,
                    ms,
                    inputs: sent.clone(),
                }),
                Event::Failed { message, .. } => status.set(VerifyStatus::Failed(message)),
            }
        };
        if let Err(e) = verify::request(
            id,
            &inputs.current,
            &inputs.desired,
            dialect.get_untracked(),
            on_event,
        ) {
            status.set(VerifyStatus::Failed(e));
        }
    };
    let data_state = move || {
        if blocked.get().is_some() {
            return "unavailable";
        }
        match status.get() {
            VerifyStatus::Idle => "idle",
            VerifyStatus::Running { .. } => "running",
            VerifyStatus::Done { report, .. } if report.verified => "passed",
            VerifyStatus::Done { .. } => "failed",
            VerifyStatus::Failed(_) => "error",
        }
    };
    let times = move |f: fn(f64, f64) -> f64| {
        move || match status.get() {
            VerifyStatus::Done { load_ms, ms, .. } => format!("{:.0}", f(load_ms, ms)),
            _ => String::new(),
        }
    };
    let line = move || {
        if let Some(why) = blocked.get() {
            return why;
        }
        let engine = verify::engine_for(dialect.get()).unwrap_or_default();
        match status.get() {
            VerifyStatus::Idle if linked.with(|l| l.is_some()) => {
                "(what the link says: not run in this tab; Verify to check it here)".to_string()
            }
            VerifyStatus::Idle => format!(
                "Run UP and DOWN on {engine} in this tab, with seeded rows (the engine is downloaded from this site on first use)."
            ),
            VerifyStatus::Running { phase, .. } => match phase {
                Phase::Starting => "Starting…".to_string(),
                Phase::Engine => format!("Loading {engine}…"),
                Phase::Running => format!("Verifying on {engine}…"),
            },
            VerifyStatus::Done { load_ms, ms, .. } => {
                let load = if load_ms > 0.0 {
                    format!(" (+{load_ms:.0} ms loading the engine)")
                } else {
                    String::new()
                };
                let stale = if stale.get() {
                    " · the schemas changed since: verify again"
                } else {
                    ""
                };
                format!("{ms:.0} ms{load}{stale}")
            }
            VerifyStatus::Failed(e) => format!("Could not verify: {e}"),
        }
    };
    let report = Memo::new(move |_| match status.get() {
        VerifyStatus::Done { report, .. } => Some(report),
        _ => None,
    });
    // Share carries the badge while it is about the schemas shown.
    Effect::new(move |_| {
        let badge = match report.get() {
            Some(r) if r.errors.is_empty() && !stale.get() => r.badge.clone(),
            _ => String::new(),
        };
        state.verify_badge.set(badge);
    });
    view! {
        <section class="verify" class:stale=move || stale.get() aria-label="Verify">
            <div class="verify-bar">
                <button
                    id="verify"
                    class="btn"
                    on:click=run
                    disabled=move || blocked.get().is_some() || running()
                    title="Run the migration on a real engine in your browser: build both schemas, seed rows, apply UP and DOWN, compare the catalogs and the rows"
                >
                    "Verify"
                </button>
                {move || linked.get().map(|badge| view! {
                    <span id="verify-linked" class="verify-badge linked" title="The badge the shared link carries: it was verified in the tab that made the link">
                        {badge}
                    </span>
                })}
                {move || report.get().map(|r| view! {
                    <span id="verify-badge" class="verify-badge" class:passed=r.verified class:failed=!r.verified>
                        {r.badge.clone()}
                    </span>
                })}
                <span
                    id="verify-status"
                    class="verify-status"
                    data-state=data_state
                    data-ms=times(|_, ms| ms)
                    data-load-ms=times(|load, _| load)
                    aria-live="polite"
                >
                    {line}
                </span>
            </div>
            {move || report.get().map(|r| view! { <StepList report=r /> })}
        </section>
    }
}

/// The nine steps, each with its mark, name and details (what was done; on failure the
/// engine's error or the differences); folded when all passed.
#[component]
fn StepList(report: Arc<Report>) -> impl IntoView {
    let passed = report.steps.iter().filter(|s| s.status == "passed").count();
    let summary = if report.errors.is_empty() {
        format!("{passed} of {} steps passed", report.steps.len())
    } else {
        "The schemas have errors: nothing was run".to_string()
    };
    view! {
        <details class="verify-details" open=!report.verified>
        <summary id="verify-summary">{summary}</summary>
        <ol class="verify-steps" id="verify-steps" aria-label="Verification steps">
            {report.steps.iter().map(|s| {
                let mark = match s.status.as_str() {
                    "passed" => "✓",
                    "failed" => "✗",
                    _ => "–",
                };
                let details = s.details.clone();
                view! {
                    <li data-status=s.status.clone()>
                        <span class="mark" aria-hidden="true">{mark}</span>
                        <span class="name">{s.name.clone()}</span>
                        {(s.status == "skipped").then_some(" (skipped)")}
                        {(!details.is_empty()).then(|| view! {
                            <ul class="details">
                                {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                            </ul>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
        </details>
    }
}
