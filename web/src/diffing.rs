//! When the diff runs: [`DEBOUNCE_MS`] after the last change of anything that goes into the
//! output, or at once after a whole edit (a paste, a drop, an opened file, an example, a link:
//! [`AppState::whole_edit`]), always in the diff worker (see [`crate::worker`]): the page's
//! wasm module does not carry the core. Without a worker, or when it fails, the status says so.
//! Answers to superseded requests are dropped.

use std::sync::Arc;

use leptos::prelude::*;
use schemashift::DialectKind;

use crate::engine::DiffView;
use crate::state::AppState;
use crate::{dom, worker, Shared, Status, DEBOUNCE_MS};

/// The diff machinery of one app (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct Differ {
    state: AppState,
    debounce: dom::Debounce,
    /// Counts finished diffs (the status shows it; tests wait for it to move).
    finished: StoredValue<u64>,
    /// The id of the newest request: answers to older ones are dropped.
    latest: StoredValue<u64>,
    /// When the newest request was sent (`performance.now()`).
    sent_at: StoredValue<f64>,
    /// How long the newest change was to wait before its diff (see [`Status::Done`]).
    waited_ms: StoredValue<u32>,
}

impl Differ {
    /// Start the worker and re-diff whenever an input of the output changes.
    pub fn start(state: AppState) -> Self {
        let differ = Differ {
            state,
            debounce: dom::Debounce::new(),
            finished: StoredValue::new(0),
            latest: StoredValue::new(0),
            sent_at: StoredValue::new(0.0),
            waited_ms: StoredValue::new(DEBOUNCE_MS),
        };
        worker::start(move |answer| differ.answer(answer));
        Effect::new(move |_| {
            state.track_output_inputs();
            state.status.set(Status::Pending);
            let wait = state.take_delay_ms(false);
            differ.waited_ms.set_value(wait);
            differ.debounce.schedule(wait, move || differ.run());
        });
        differ
    }

    fn dialect(self) -> DialectKind {
        self.state
            .dialect
            .with_untracked(|d| DialectKind::from_name(d).unwrap_or_default())
    }

    /// Diff now (the debounce is over, or Ctrl+Enter).
    pub fn run(self) {
        self.debounce.cancel();
        let id = self.latest.get_value() + 1;
        self.latest.set_value(id);
        self.sent_at.set_value(dom::now_ms());
        let s = self.state;
        let (dialect, header, date) = (self.dialect(), s.header_untracked(), dom::python_now());
        let sent = s.current.with_source(|c| {
            s.desired
                .with_source(|d| worker::request_sources(id, c, d, dialect.name(), &header, &date))
        });
        if !sent {
            self.failed("no diff worker (this browser cannot start one)".to_string());
        }
    }

    /// No diff: the worker could not be started or failed.
    fn failed(self, why: String) {
        self.state.result.set(None);
        self.state.status.set(Status::Failed(why));
    }

    /// An answer from the worker.
    fn answer(self, answer: worker::Answer) {
        match answer {
            worker::Answer::Done { id, view, .. } if id == self.latest.get_value() => {
                // The round trip, as the user waits for it (the worker's own time is `ms`).
                self.finish(*view, dom::now_ms() - self.sent_at.get_value());
            }
            worker::Answer::Failed { id, why } if id == self.latest.get_value() => self.failed(why),
            _ => {}
        }
    }

    /// Show a finished diff: the result, the status, and (two frames later, when it is on
    /// screen) the time from the last edit to the rendered result.
    fn finish(self, view: DiffView, diff_ms: f64) {
        let status = self.state.status;
        self.state.result.set(Some(Shared(Arc::new(view))));
        let seq = self.finished.get_value() + 1;
        self.finished.set_value(seq);
        let waited_ms = self.waited_ms.get_value();
        status.set(Status::Done {
            seq,
            diff_ms,
            edit_to_render_ms: None,
            waited_ms,
        });
        let edit_at = self.state.last_edit.get_value();
        request_animation_frame(move || {
            dom::defer(move || {
                if matches!(status.get_untracked(), Status::Done { seq: s, .. } if s == seq) {
                    status.set(Status::Done {
                        seq,
                        diff_ms,
                        edit_to_render_ms: Some(dom::now_ms() - edit_at),
                        waited_ms,
                    });
                }
            })
        });
    }
}
