//! One input pane: heading, the file its text was opened from, an Open button, the editor and
//! its diagnostics. A file dropped anywhere on the pane opens into its editor.

use leptos::ev;
use leptos::prelude::*;
use schemashift::Side;
use wasm_bindgen::JsValue;

use crate::editor::{DiagnosticList, Editor};
use crate::engine;
use crate::state::{AppState, OpenedFile};

/// The file types the Open dialog offers (any file can still be picked or dropped).
const ACCEPT: &str = ".sql,.txt,.ddl,text/plain,application/sql";

/// The pane of one side: `Current schema` (left) or `Desired schema` (right).
#[component]
pub fn EditorPane(state: AppState, side: Side) -> impl IntoView {
    let input = state.input(side);
    let side_id = engine::side_name(side);
    let (editor_id, title, hint) = match side {
        Side::Current => (
            "editor-current",
            "Current schema",
            "e.g. pg_dump -s, .schema",
        ),
        Side::Desired => ("editor-desired", "Desired schema", "e.g. your models' DDL"),
    };
    let marks = Signal::derive(move || {
        state.result.with(|r| {
            r.as_ref()
                .map(|r| r.0.diagnostics_for(side))
                .unwrap_or_default()
        })
    });
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: ev::Event| {
        let picker: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = picker.files().and_then(first_file) {
            state.open_file(side, file);
        }
        picker.set_value(""); // so that picking the same file again reads it again
    };
    let on_dragover = move |ev: ev::DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default(); // allows the drop
            dragging.set(true);
        }
    };
    let on_drop = move |ev: ev::DragEvent| {
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(first_file)
        {
            ev.prevent_default(); // the browser would open the file instead
            state.open_file(side, file);
        }
    };
    view! {
        <section
            class="pane"
            class:dragover=move || dragging.get()
            aria-labelledby=format!("label-{side_id}")
            on:dragover=on_dragover
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="pane-head">
                <h2 id=format!("label-{side_id}")>{title}</h2>
                <span class="hint">{hint}</span>
                <span class="pane-file">
                    <FileName file=input.file id=format!("file-{side_id}") />
                    <label class="btn small open" title="Open a schema file (or drop one on the editor)">
                        "Open…"
                        <input type="file" id=format!("open-{side_id}") class="sr-only" accept=ACCEPT on:change=on_pick />
                    </label>
                </span>
            </div>
            <Editor
                id=editor_id
                label=title
                text=input.text
                reload=input.reload
                on_input=Callback::new(move |s: String| state.edited(side, s))
                marks=marks
                side=side
                jump=state.jump
            />
            <DiagnosticList side=side diagnostics=marks jump=state.jump />
        </section>
    }
}

/// The name and size of the file an editor holds (`data-state`: `reading`, `open`, `edited`;
/// `data-read-ms`: how long the read took).
#[component]
fn FileName(file: RwSignal<Option<OpenedFile>>, id: String) -> impl IntoView {
    move || {
        file.get().map(|f| {
            let (state, note) = match (f.reading, f.edited) {
                (true, _) => ("reading", " · reading…"),
                (false, true) => ("edited", " · edited"),
                (false, false) => ("open", ""),
            };
            view! {
                <span class="file-name" id=id.clone() data-state=state data-read-ms=format!("{:.1}", f.read_ms) title=f.name.clone()>
                    <span class="name">{f.name.clone()}</span>
                    <span class="size">{format!(" · {}{note}", human_size(f.bytes))}</span>
                </span>
            }
        })
    }
}

/// The first file of a file list (from a picker or a drop).
fn first_file(list: web_sys::FileList) -> Option<gloo_file::File> {
    gloo_file::FileList::from(list).first().cloned()
}

/// Whether a drag carries files (not text or a link, which the textarea takes as usual).
pub fn carries_files(ev: &ev::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|d| d.types().includes(&JsValue::from_str("Files"), 0))
}

/// `812 B`, `14.2 KB`, `5.0 MB`.
fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / (KB * KB))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn human_size() {
        assert_eq!(super::human_size(812), "812 B");
        assert_eq!(super::human_size(14_540), "14.2 KB");
        assert_eq!(super::human_size(5 << 20), "5.0 MB");
    }
}
