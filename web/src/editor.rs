//! The code editor ([`Editor`]) and the diagnostics list under it ([`DiagnosticList`]).

use std::collections::HashMap;
use std::sync::Arc;

use leptos::either::Either;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use schemashift::Side;

use crate::engine::{self, DiagView};
use crate::highlight::{self, LineIndex, TokenKind};
use crate::{Jump, LINE_HEIGHT};

/// Bytes of a line that get highlighted; the rest of a longer line is shown plain.
const MAX_HIGHLIGHT_BYTES: usize = 2000;
/// Lines rendered above and below the visible ones.
const OVERSCAN: usize = 4;

/// A line's marker: the worst diagnostic on it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct LineMark {
    error: bool,
    column: u32,
    message: String,
}

/// Line markers by 0-based line.
type LineMarks = HashMap<usize, LineMark>;

/// A shared, cheaply cloned line index (compared by identity, so memos never deep-compare).
#[derive(Clone, Debug, Default)]
struct SharedIndex(Arc<LineIndex>);

impl PartialEq for SharedIndex {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Where the textarea is scrolled to and how tall it is, in CSS pixels.
#[derive(Clone, Copy)]
struct Viewport {
    top: RwSignal<f64>,
    left: RwSignal<f64>,
    height: RwSignal<f64>,
}

impl Viewport {
    fn new() -> Self {
        Viewport {
            top: RwSignal::new(0.0),
            left: RwSignal::new(0.0),
            height: RwSignal::new(600.0),
        }
    }

    /// Read the textarea's scroll position and height. Also called from DOM events, which can
    /// arrive while the editor is being torn down.
    fn measure(self, textarea: NodeRef<html::Textarea>) {
        if let Some(Some(ta)) = textarea.try_get_untracked() {
            self.top.set(f64::from(ta.scroll_top()));
            self.left.set(f64::from(ta.scroll_left()));
            let h = f64::from(ta.client_height());
            if h > 0.0 {
                self.height.set(h);
            }
        }
    }
}

/// A code editor: a transparent `<textarea>` over a syntax-highlighted copy of its text (SQL,
/// or Python for models files), with a line-number gutter and per-line diagnostic markers.
/// Only the visible lines are highlighted, so multi-megabyte dumps stay responsive. Read-only
/// when `on_input` is absent.
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
    /// The text is Python (a models file): highlight it as Python, not SQL.
    #[prop(into, optional)]
    python: Option<Signal<bool>>,
) -> impl IntoView {
    let readonly = on_input.is_none();
    let textarea: NodeRef<html::Textarea> = NodeRef::new();
    let viewport = Viewport::new();
    let measure = move || viewport.measure(textarea);

    let index = Memo::new(move |_| {
        let python = python.is_some_and(|p| p.get());
        SharedIndex(Arc::new(text.with(|t| {
            if python {
                LineIndex::new_python(t)
            } else {
                LineIndex::new(t)
            }
        })))
    });
    let line_marks = Memo::new(move |_| {
        marks
            .map(|m| m.with(|ds| line_marks(ds)))
            .unwrap_or_default()
    });

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
        let first = ((viewport.top.get() / LINE_HEIGHT).floor() as usize).saturating_sub(OVERSCAN);
        let count = (viewport.height.get() / LINE_HEIGHT).ceil() as usize + 2 * OVERSCAN;
        (first.min(n), (first + count).min(n))
    });

    if let (Some(jump), Some(side)) = (jump, side) {
        follow_jumps(jump, side, textarea, text, index, viewport);
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
    let offset_y = move || range.get().0 as f64 * LINE_HEIGHT - viewport.top.get();
    let gutter = move || line_marks.with(|m| gutter_rows(range.get(), m));
    let code = move || {
        let idx = index.get();
        line_marks.with(|m| text.with(|t| code_rows(range.get(), t, &idx.0, m)))
    };

    view! {
        <div class="editor" class:readonly=readonly>
            <div class="gutter" aria-hidden="true" style:width=gutter_width>
                <div class="gutter-inner" style:transform=move || format!("translateY({}px)", offset_y())>
                    {gutter}
                </div>
            </div>
            <div class="code">
                <div class="hl" aria-hidden="true">
                    <div
                        class="hl-inner"
                        style:transform=move || format!("translate({}px, {}px)", -viewport.left.get(), offset_y())
                    >
                        {code}
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

/// The marker of each line with diagnostics: errors win over warnings; the tooltip lists them
/// all.
fn line_marks(diagnostics: &[DiagView]) -> LineMarks {
    let mut m = LineMarks::new();
    for d in diagnostics {
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
    m
}

/// Move the cursor to the diagnostics this editor is asked to show, and scroll there.
fn follow_jumps(
    jump: RwSignal<Option<Jump>>,
    side: Side,
    textarea: NodeRef<html::Textarea>,
    text: Signal<String>,
    index: Memo<SharedIndex>,
    viewport: Viewport,
) {
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
        viewport.measure(textarea);
    });
}

/// The line numbers of lines `[first, last)`, marked where there are diagnostics.
fn gutter_rows((first, last): (usize, usize), marks: &LineMarks) -> impl IntoView {
    (first..last)
        .map(|i| {
            let mark = marks.get(&i);
            let class = match mark {
                Some(m) if m.error => "gl err",
                Some(_) => "gl warn",
                None => "gl",
            };
            let title = mark.map(|m| m.message.clone()).unwrap_or_default();
            view! { <div class=class title=title>{i + 1}</div> }
        })
        .collect_view()
}

/// The highlighted lines `[first, last)` of `text`.
fn code_rows(
    (first, last): (usize, usize),
    text: &str,
    index: &LineIndex,
    marks: &LineMarks,
) -> impl IntoView {
    (first..last)
        .map(|i| code_row(index.line(text, i), &index.states[i], marks.get(&i)))
        .collect_view()
}

/// One highlighted line; a marked line gets a squiggle under the token at the marker's column.
fn code_row(line: &str, state: &highlight::LexState, mark: Option<&LineMark>) -> impl IntoView {
    let toks = highlight::tokens(line, state, MAX_HIGHLIGHT_BYTES);
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
            let squiggle =
                squiggle_at.is_some_and(|at| r.contains(&at) || (k + 1 == ntok && at >= r.end));
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
    let empty_mark =
        (ntok == 0 && mark.is_some()).then(|| view! { <span class="squiggle">" "</span> });
    view! { <div class=row_class>{spans}{empty_mark}</div> }
}

/// The `line:col message` list under an editor (`path:line:col` for a models file); clicking
/// an entry moves that editor's cursor to the position, showing its file first.
#[component]
pub fn DiagnosticList(
    side: Side,
    #[prop(into)] diagnostics: Signal<Vec<DiagView>>,
    jump: RwSignal<Option<Jump>>,
    /// Show the models file with this path in the editor (for entries in a models file).
    #[prop(optional)]
    on_file: Option<Callback<String>>,
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
                            let file = d.file.clone();
                            let pos = match &d.file {
                                Some(f) => format!("{f}:{line}:{column}"),
                                None => format!("{line}:{column}"),
                            };
                            view! {
                                <li>
                                    <button
                                        class=class
                                        data-line=line.to_string()
                                        data-column=column.to_string()
                                        on:click=move |_| {
                                            let seq = jump.get_untracked().map(|j| j.seq + 1).unwrap_or(0);
                                            let to = Jump { side, line, column, seq };
                                            match (&file, on_file) {
                                                // The editor takes the file's text first.
                                                (Some(f), Some(show)) => {
                                                    show.run(f.clone());
                                                    crate::dom::defer(move || jump.set(Some(to)));
                                                }
                                                _ => jump.set(Some(to)),
                                            }
                                        }
                                    >
                                        <span class="sev">{sev}</span>
                                        " "
                                        <span class="pos">{pos}</span>
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
