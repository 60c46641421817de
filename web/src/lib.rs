//! The schemashift web app (leptos 0.8, client-side rendered): paste, open or drop the current
//! and the desired schema, see the migration. Everything runs in the browser; nothing is sent
//! anywhere.
//!
//! Components: [`App`] (`app`: the frame, top bar, notices), `pane::EditorPane` (an input
//! pane: the SQL / models.py switch, Open buttons, file and folder drops, the models files as
//! tabs, editor, diagnostics), [`Editor`] and [`DiagnosticList`]
//! (`editor`), [`OutputPanel`] (`output`: tabs, status, Copy, Download). They share one
//! [`state::AppState`] (a handful of signals); [`diffing`] runs the diff [`DEBOUNCE_MS`] after
//! the last keystroke (at once after a paste, a drop, an opened file, an example, a link), in
//! the diff [`worker`] (the worker wasm module, `src/bin/worker.rs`: the page's own module
//! never runs the core); the state is autosaved to localStorage and can be
//! shared as a `#s=...` link ([`share`]).
//!
//! Verify (`verify_view::VerifyBar`, under the output's tabs): the migration run on a real
//! engine in the browser (PGlite for PostgreSQL, sql.js for SQLite), loaded on demand into a
//! second worker ([`verify`]) that reuses the npm package's steps.
//!
//! "Review a revision" mode (the top bar's switch): `review_view::ReviewPane` takes Alembic
//! revision files (pasted, opened, a dropped versions folder) and `review_view::ReviewOutput`
//! shows each revision's verdict (does its downgrade undo its upgrade?), its changes, hazards,
//! data steps and SQL; [`review`] is the pure part (the core's review, flattened).
//!
//! The editors are CodeMirror 6 (web/editor: bundled into one ES module, bound in `editor`).
//! The pure parts are unit-tested natively: [`engine`] (the core, flattened for the view), [`share`] (state <-> URL fragment),
//! [`examples`]. [`dom`] wraps the browser APIs (on gloo); [`files`] turns what a file picker or
//! a drop offers (files, folders) into files with their paths.

mod app;
pub mod diffing;
pub mod dom;
mod editor;
pub mod engine;
pub mod examples;
pub mod files;
mod output;
mod pane;
pub mod review;
mod review_view;
pub mod share;
pub mod state;
pub mod verify;
mod verify_view;
mod warmup;
pub mod worker;

use std::sync::Arc;

use schemashift::{DialectKind, Side};

pub use app::App;
pub use editor::{DiagnosticList, Editor};
use engine::DiffView;
pub use output::OutputPanel;
pub use pane::EditorPane;
use share::SavedState;
pub use verify_view::VerifyBar;

/// Idle time after the last keystroke before the diff (and the review) runs; a whole edit (a
/// paste, a drop, an opened file, an example, a link) runs them at once.
pub const DEBOUNCE_MS: u32 = 250;
/// Idle time before the state is autosaved.
const AUTOSAVE_MS: u32 = 1000;
/// localStorage key of the autosaved state.
pub const STORAGE_KEY: &str = "schemashift.state.v1";
/// localStorage key of the theme choice (`dark` / `light`; absent: follow the system).
pub const THEME_KEY: &str = "schemashift.theme";
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
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Edited; the diff runs when typing pauses (at once after a whole edit), or is running.
    Pending,
    /// Up to date. `diff_ms`: the core's time; `edit_to_render_ms`: from the last edit (or
    /// load) to the rendered result, debounce included.
    Done {
        /// Counts finished diffs (tests wait for it to move).
        seq: u64,
        diff_ms: f64,
        edit_to_render_ms: Option<f64>,
        /// How long the diff waited after the newest change: 0 after a whole edit (a paste, a
        /// drop, an opened file, an example, a link), else [`DEBOUNCE_MS`].
        waited_ms: u32,
    },
    /// No diff: the diff worker could not be started or failed (why, in words). The next
    /// edit tries a new worker.
    Failed(String),
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
