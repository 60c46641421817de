//! The app's state: a handful of signals behind one `Copy` handle ([`AppState`]) that every
//! component gets, and what changes it as a whole: restoring a saved state or a shared link,
//! the autosave, and opening a file into an editor.

use leptos::prelude::*;
use schemashift::Side;

use crate::engine::{AlembicHeader, ModelFiles, Source};
use crate::review::ReviewView;
use crate::share::{self, SavedState};
use crate::verify::VerifiedInputs;
use crate::{dom, normalize, Jump, Shared, Status, Tab, AUTOSAVE_MS, DEBOUNCE_MS, STORAGE_KEY};

/// What an editor holds: SQL DDL, or SQLModel / SQLAlchemy models files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Sql,
    /// "models.py": one or several Python files, as tabs over the editor.
    Models,
}

/// The file a side switched to models mode starts with, when it has none yet.
pub const NEW_MODELS_FILE: (&str, &str) = (
    "models.py",
    "# SQLModel or SQLAlchemy models: type or paste them here, open .py files or drop a folder.\nfrom typing import Optional\n\nfrom sqlmodel import Field, SQLModel\n",
);

/// One editor's input: its text and where it came from.
#[derive(Clone, Copy)]
pub struct Input {
    /// What the editor shows: the SQL text, or (models mode) the active file's text.
    pub text: RwSignal<String>,
    /// Bumped when `text` is replaced from outside (example, link, opened file): the textarea
    /// then takes the signal's value; typing never round-trips through it.
    pub reload: RwSignal<u64>,
    /// The file the SQL text was opened from; `None` when typed, pasted, an example or a link.
    pub file: RwSignal<Option<OpenedFile>>,
    /// SQL or models.
    pub mode: RwSignal<Mode>,
    /// Models mode: the files, in tab order; the active one's text is also `text`, kept in
    /// step with every edit. Kept while the editor shows SQL, to switch back to.
    pub models: RwSignal<ModelFiles>,
    /// The index of the models file the editor shows.
    pub active: RwSignal<usize>,
    /// The SQL text while the editor shows models (to switch back to).
    sql_stash: StoredValue<String>,
    /// Counts file reads, so that only the newest one lands when files are opened quickly.
    reads: StoredValue<u64>,
    /// The file a models list starts with (goes when untouched and files are opened).
    starter: (&'static str, &'static str),
    /// What its files are, in the notes about opening them (`models`, `revision`).
    noun: &'static str,
}

/// A file opened into an editor (shown next to it).
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedFile {
    pub name: String,
    pub bytes: u64,
    /// Still being read.
    pub reading: bool,
    /// How long the read took (ms; the `FileReader` works off the main thread).
    pub read_ms: f64,
    /// Edited since it was opened.
    pub edited: bool,
}

impl Input {
    fn new(sql: String, models: ModelFiles) -> Self {
        let input = Input {
            text: RwSignal::new(String::new()),
            reload: RwSignal::new(0),
            file: RwSignal::new(None),
            mode: RwSignal::new(Mode::Sql),
            models: RwSignal::new(Vec::new()),
            active: RwSignal::new(0),
            sql_stash: StoredValue::new(String::new()),
            reads: StoredValue::new(0),
            starter: NEW_MODELS_FILE,
            noun: "models",
        };
        input.load(sql, models);
        input
    }

    /// The review input: revision files (models mode, starting with
    /// [`NEW_REVISION_FILE`](crate::review::NEW_REVISION_FILE)).
    fn new_review() -> Self {
        let mut input = Input::new(String::new(), Vec::new());
        input.starter = crate::review::NEW_REVISION_FILE;
        input.noun = "revision";
        input.set_mode(Mode::Models);
        input
    }

    /// Show these revision files (an example history), the first one in the editor.
    pub fn show_files(self, files: ModelFiles) {
        self.file.set(None);
        self.show_models(files, 0);
    }

    /// Replace the text from outside the editor.
    fn replace(self, text: String) {
        self.text.set(text);
        self.reload.update(|n| *n += 1);
    }

    /// Show a saved side: `models` non-empty puts the editor in models mode (the SQL is kept to
    /// switch back to), else it shows `sql`.
    fn load(self, sql: String, models: ModelFiles) {
        self.file.set(None);
        if models.is_empty() {
            self.mode.set(Mode::Sql);
            self.models.set(Vec::new());
            self.sql_stash.set_value(String::new());
            self.replace(sql);
        } else {
            self.sql_stash.set_value(sql);
            self.show_models(models, 0);
        }
    }

    /// Models mode with these files, showing file `active`.
    fn show_models(self, files: ModelFiles, active: usize) {
        let active = active.min(files.len().saturating_sub(1));
        let text = files
            .get(active)
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        self.models.set(files);
        self.active.set(active);
        self.mode.set(Mode::Models);
        self.replace(text);
    }

    /// The SQL text, whichever mode the editor shows.
    pub fn sql_untracked(self) -> String {
        match self.mode.get_untracked() {
            Mode::Sql => self.text.get_untracked(),
            Mode::Models => self.sql_stash.get_value(),
        }
    }

    /// The models files to save (empty in SQL mode).
    pub fn models_untracked(self) -> ModelFiles {
        match self.mode.get_untracked() {
            Mode::Sql => Vec::new(),
            Mode::Models => self.models.get_untracked(),
        }
    }

    /// Call `f` with this side's input as the core takes it, without tracking.
    pub fn with_source<R>(self, f: impl FnOnce(Source<'_>) -> R) -> R {
        match self.mode.get_untracked() {
            Mode::Sql => self.text.with_untracked(|t| f(Source::Sql(t))),
            Mode::Models => self.models.with_untracked(|m| f(Source::Models(m))),
        }
    }

    /// Track what goes into the diff from this side.
    pub fn track(self) {
        match self.mode.get() {
            Mode::Sql => self.text.track(),
            Mode::Models => self.models.track(),
        }
    }

    /// Switch the editor between SQL and models; each mode keeps its text to come back to. A
    /// side without models files starts with [`NEW_MODELS_FILE`].
    pub fn set_mode(self, mode: Mode) {
        if self.mode.get_untracked() == mode {
            return;
        }
        match mode {
            Mode::Models => {
                self.sql_stash.set_value(self.text.get_untracked());
                let mut files = self.models.get_untracked();
                if files.is_empty() {
                    let (p, t) = self.starter;
                    files.push((p.to_string(), t.to_string()));
                }
                self.show_models(files, self.active.get_untracked());
            }
            Mode::Sql => {
                self.mode.set(Mode::Sql);
                self.replace(self.sql_stash.get_value());
                self.sql_stash.set_value(String::new());
            }
        }
    }

    /// Show models file `i` in the editor.
    pub fn select_file(self, i: usize) {
        if self.mode.get_untracked() != Mode::Models {
            return;
        }
        let Some(text) = self
            .models
            .with_untracked(|m| m.get(i).map(|(_, t)| t.clone()))
        else {
            return;
        };
        self.active.set(i);
        self.replace(text);
    }

    /// Show the models file with this path; whether there is one.
    pub fn select_path(self, path: &str) -> bool {
        let Some(i) = self
            .models
            .with_untracked(|m| m.iter().position(|(p, _)| p == path))
        else {
            return false;
        };
        if i != self.active.get_untracked() {
            self.select_file(i);
        }
        true
    }

    /// Close models file `i`; the last one stays (switch to SQL instead).
    pub fn close_file(self, i: usize) {
        let mut files = self.models.get_untracked();
        if files.len() <= 1 || i >= files.len() {
            return;
        }
        files.remove(i);
        let active = self.active.get_untracked();
        let active = if active > i { active - 1 } else { active };
        self.show_models(files, active);
    }

    /// The path of the models file the editor shows (`None` in SQL mode); tracked.
    pub fn active_path(self) -> Option<String> {
        if self.mode.get() != Mode::Models {
            return None;
        }
        let i = self.active.get();
        self.models.with(|m| m.get(i).map(|(p, _)| p.clone()))
    }
}

/// Most models files one side takes (a folder with more is cut, with a notice).
pub const MAX_MODELS_FILES: usize = 500;

/// The models files of a side after opening `opened` into it, and the index of the file to
/// show (the first opened): a folder's files (paths with a `/`) replace what the side had;
/// loose `.py` files join it (replacing a file of the same path), and the starter file
/// ([`NEW_MODELS_FILE`]) goes if it is untouched.
pub fn merge_models(had: ModelFiles, opened: ModelFiles) -> (ModelFiles, usize) {
    merge_files(had, opened, NEW_MODELS_FILE)
}

/// [`merge_models`] with another starter file (the review input's is
/// [`crate::review::NEW_REVISION_FILE`]).
pub fn merge_files(
    had: ModelFiles,
    opened: ModelFiles,
    starter: (&str, &str),
) -> (ModelFiles, usize) {
    if opened.iter().any(|(p, _)| p.contains('/')) {
        return (opened, 0);
    }
    let starter = (starter.0.to_string(), starter.1.to_string());
    let mut files: ModelFiles = had.into_iter().filter(|f| *f != starter).collect();
    let mut show = None;
    for (path, text) in opened {
        let i = match files.iter().position(|(p, _)| *p == path) {
            Some(i) => {
                files[i].1 = text;
                i
            }
            None => {
                files.push((path, text));
                files.len() - 1
            }
        };
        show.get_or_insert(i);
    }
    (files, show.unwrap_or(0))
}

/// A file picked or dropped, with its path: the path below the dropped or picked folder for
/// a folder's files (`app/models.py`), else the file's name.
pub struct Picked {
    pub path: String,
    pub file: gloo_file::File,
}

/// What the page does: diff two schemas, or review Alembic revisions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Diff,
    /// "Review a revision": revision files in, their verdicts and SQL out.
    Review,
}

impl View {
    /// Its id in a saved state: `review`, or empty for the diff.
    pub fn id(self) -> &'static str {
        match self {
            View::Diff => "",
            View::Review => "review",
        }
    }

    /// The view a saved state names (anything unknown: the diff).
    pub fn from_id(id: &str) -> View {
        match id {
            "review" => View::Review,
            _ => View::Diff,
        }
    }
}

/// The review files a state saves: none while the input holds only its untouched starter file.
pub fn saved_review_files(files: ModelFiles) -> ModelFiles {
    if files == [starter(crate::review::NEW_REVISION_FILE)] {
        Vec::new()
    } else {
        files
    }
}

/// A starter file, owned.
fn starter((path, text): (&str, &str)) -> (String, String) {
    (path.to_string(), text.to_string())
}

/// Where the review is.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewStatus {
    /// Edited; the review runs when typing pauses.
    Pending,
    /// Up to date: `seq` counts finished reviews, `ms` is the core's time.
    Done { seq: u64, ms: f64 },
    /// No review: the worker could not be started or failed (why, in words).
    Failed(String),
}

/// Everything the components share. Created once by [`crate::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// Diff or review.
    pub view: RwSignal<View>,
    /// The review input: revision files.
    pub review: Input,
    /// The newest review.
    pub review_result: RwSignal<Option<std::sync::Arc<ReviewView>>>,
    pub review_status: RwSignal<ReviewStatus>,
    /// Review mode: the schema the first revision starts from (SQL DDL).
    pub review_base: RwSignal<String>,
    pub dialect: RwSignal<String>,
    pub current: Input,
    pub desired: Input,
    pub tab: RwSignal<Tab>,
    /// The Alembic header fields.
    pub message: RwSignal<String>,
    pub revision: RwSignal<String>,
    pub down_revision: RwSignal<String>,
    /// Globs of objects left out of the comparison.
    pub exclude: RwSignal<String>,
    /// The newest diff result.
    pub result: RwSignal<Option<Shared>>,
    pub status: RwSignal<Status>,
    /// Cursor-jump requests from the diagnostics lists.
    pub jump: RwSignal<Option<Jump>>,
    /// A message at the top of the page (a damaged link, an unknown dialect).
    pub notice: RwSignal<String>,
    /// A short confirmation at the bottom of the page.
    pub toast: RwSignal<String>,
    /// The last Share link (shown in a box while not empty).
    pub share_link: RwSignal<String>,
    /// When the inputs last changed (`performance.now()`), for the edit-to-render figure.
    pub last_edit: StoredValue<f64>,
    /// Whether the newest edit was whole (see [`AppState::whole_edit`]), per machine that
    /// takes it: `[diff, review]`.
    at_once: StoredValue<[bool; 2]>,
    /// The badge of the newest Verify verdict while the schemas are the ones verified (empty:
    /// none); Share puts it in the link.
    pub verify_badge: RwSignal<String>,
    /// The badge a link (or the autosave) carried, with the inputs it is about.
    pub linked_badge: RwSignal<Option<(String, std::sync::Arc<VerifiedInputs>)>>,
}

/// The badge a saved state carries, with the inputs it is about (SQL sides only).
fn linked_badge(st: &SavedState) -> Option<(String, std::sync::Arc<VerifiedInputs>)> {
    let sql = st.current_models.is_empty() && st.desired_models.is_empty();
    (sql && !st.verify_badge.is_empty()).then(|| {
        let inputs = VerifiedInputs {
            current: st.current.clone(),
            desired: st.desired.clone(),
            dialect: st.dialect.clone(),
        };
        (st.verify_badge.clone(), std::sync::Arc::new(inputs))
    })
}

impl AppState {
    /// The state a page starts with, see [`crate::initial_state`].
    pub fn new(initial: SavedState, notice: Option<String>) -> Self {
        let linked = linked_badge(&initial);
        let review = Input::new_review();
        if !initial.review_files.is_empty() {
            review.show_files(initial.review_files);
        }
        AppState {
            view: RwSignal::new(View::from_id(&initial.view)),
            review,
            review_result: RwSignal::new(None),
            review_status: RwSignal::new(ReviewStatus::Pending),
            review_base: RwSignal::new(initial.review_base),
            dialect: RwSignal::new(initial.dialect),
            current: Input::new(initial.current, initial.current_models),
            desired: Input::new(initial.desired, initial.desired_models),
            tab: RwSignal::new(Tab::from_id(&initial.tab).unwrap_or(Tab::Up)),
            message: RwSignal::new(initial.message),
            revision: RwSignal::new(initial.revision),
            down_revision: RwSignal::new(initial.down_revision),
            exclude: RwSignal::new(initial.exclude),
            result: RwSignal::new(None),
            status: RwSignal::new(Status::Pending),
            jump: RwSignal::new(None),
            notice: RwSignal::new(notice.unwrap_or_default()),
            toast: RwSignal::new(String::new()),
            share_link: RwSignal::new(String::new()),
            last_edit: StoredValue::new(dom::now_ms()),
            at_once: StoredValue::new([false; 2]),
            verify_badge: RwSignal::new(String::new()),
            linked_badge: RwSignal::new(linked),
        }
    }

    /// The input of one side.
    pub fn input(self, side: Side) -> Input {
        match side {
            Side::Current => self.current,
            Side::Desired => self.desired,
        }
    }

    /// The user edited an editor (`whole`: a paste or a drop, not a keystroke).
    pub fn edited(self, side: Side, text: String, whole: bool) {
        self.edited_input(self.input(side), text, whole);
    }

    /// The user edited the editor of `input` (`whole`: a paste or a drop, not a keystroke).
    pub fn edited_input(self, input: Input, text: String, whole: bool) {
        self.last_edit.set_value(dom::now_ms());
        self.at_once.set_value([whole; 2]);
        if input.mode.get_untracked() == Mode::Models {
            let i = input.active.get_untracked();
            input.models.update(|m| {
                if let Some(f) = m.get_mut(i) {
                    f.1 = text.clone();
                }
            });
        }
        input.text.set(text);
        if input
            .file
            .with_untracked(|f| f.as_ref().is_some_and(|f| !f.edited))
        {
            input.file.update(|f| {
                if let Some(f) = f {
                    f.edited = true;
                }
            });
        }
    }

    /// The newest edit is whole: a paste, a drop, an opened file, an example or a link. No
    /// keystrokes follow it, so the diff and the review run at once rather than after
    /// [`DEBOUNCE_MS`]: the first migration of a pasted dump shows that much sooner.
    pub fn whole_edit(self) {
        self.at_once.set_value([true; 2]);
    }

    /// How long the diff (`review`: false) or the review (true) waits before it runs: nothing
    /// after a whole edit (taken: the next change waits again), else [`DEBOUNCE_MS`].
    pub fn take_delay_ms(self, review: bool) -> u32 {
        let i = usize::from(review);
        let now = self.at_once.with_value(|a| a[i]);
        if now {
            self.at_once.update_value(|a| a[i] = false);
            0
        } else {
            DEBOUNCE_MS
        }
    }

    /// The Alembic header fields, without tracking them.
    pub fn header_untracked(self) -> AlembicHeader {
        AlembicHeader {
            message: self.message.get_untracked(),
            revision: self.revision.get_untracked(),
            down_revision: self.down_revision.get_untracked(),
            exclude: self.exclude.get_untracked(),
        }
    }

    /// Track every signal the output depends on: the schemas, the dialect and the Alembic
    /// header (the revision file's header and name).
    pub fn track_output_inputs(self) {
        self.current.track();
        self.desired.track();
        self.dialect.track();
        self.message.track();
        self.revision.track();
        self.down_revision.track();
        self.exclude.track();
    }

    /// Track every signal the saved state holds.
    pub fn track_saved(self) {
        self.track_output_inputs();
        self.tab.track();
        self.view.track();
        self.review.models.track();
        self.review_base.track();
    }

    /// The state as a link or the autosave holds it.
    pub fn snapshot(self) -> SavedState {
        SavedState {
            version: share::STATE_VERSION,
            dialect: self.dialect.get_untracked(),
            current: self.current.sql_untracked(),
            desired: self.desired.sql_untracked(),
            tab: self.tab.get_untracked().id().to_string(),
            message: self.message.get_untracked(),
            revision: self.revision.get_untracked(),
            down_revision: self.down_revision.get_untracked(),
            exclude: self.exclude.get_untracked(),
            current_models: self.current.models_untracked(),
            desired_models: self.desired.models_untracked(),
            view: self.view.get_untracked().id().to_string(),
            review_files: saved_review_files(self.review.models.get_untracked()),
            review_base: self.review_base.get_untracked(),
            verify_badge: self.verify_badge.get_untracked(),
        }
    }

    /// Show a saved state (a link, an example): both editors take its text.
    pub fn apply(self, st: SavedState) {
        let (st, n) = normalize(st);
        if let Some(n) = n {
            self.notice.set(n);
        }
        self.last_edit.set_value(dom::now_ms());
        self.whole_edit();
        self.linked_badge.set(linked_badge(&st));
        self.dialect.set(st.dialect);
        self.current.load(st.current, st.current_models);
        self.desired.load(st.desired, st.desired_models);
        self.tab.set(Tab::from_id(&st.tab).unwrap_or(Tab::Up));
        self.message.set(st.message);
        self.revision.set(st.revision);
        self.down_revision.set(st.down_revision);
        self.exclude.set(st.exclude);
        if st.review_files.is_empty() {
            self.review
                .show_files(vec![starter(crate::review::NEW_REVISION_FILE)]);
        } else {
            self.review.show_files(st.review_files);
        }
        self.review_base.set(st.review_base);
        self.view.set(View::from_id(&st.view));
    }

    /// Save the state to localStorage [`AUTOSAVE_MS`] after the last change.
    pub fn autosave(self) {
        let debounce = dom::Debounce::new();
        let warned = StoredValue::new(false);
        Effect::new(move |first: Option<()>| {
            self.track_saved();
            if first.is_none() {
                return;
            }
            debounce.schedule(AUTOSAVE_MS, move || {
                let mut st = self.snapshot();
                // A badge is for links: a reloaded page has not verified anything.
                st.verify_badge.clear();
                // Big schemas: fast compression, so the autosave never stalls typing.
                let models: usize = (st.current_models.iter())
                    .chain(&st.desired_models)
                    .map(|(_, t)| t.len())
                    .sum();
                let level = if st.current.len() + st.desired.len() + models > 1 << 20 {
                    1
                } else {
                    6
                };
                if let Err(e) = dom::storage_set(STORAGE_KEY, &share::encode(&st, level)) {
                    if !warned.get_value() {
                        warned.set_value(true);
                        dom::warn(&format!("schemashift: autosave failed: {e}"));
                    }
                }
            });
        });
    }

    /// Open a shared link: the state in the URL fragment, if any.
    pub fn open_link(self, hash: &str) {
        match share::from_fragment(hash) {
            Some(Ok(st)) => self.apply(st),
            Some(Err(e)) => self
                .notice
                .set(format!("Could not open the shared link: {e}")),
            None => {}
        }
    }

    /// Put the state in the URL fragment, copy the link and show it.
    pub fn share(self) {
        let frag = share::to_fragment(&self.snapshot());
        dom::replace_hash(&frag);
        let link = format!("{}#{}", dom::page_url_without_hash(), frag);
        dom::copy_to_clipboard(&link);
        let kb = link.len() / 1024;
        self.toast.set(if link.len() > crate::LONG_LINK {
            format!("Link copied ({kb} KB: some tools cut links this long)")
        } else {
            "Link copied".to_string()
        });
        self.share_link.set(link);
    }

    /// Open what was picked or dropped onto the editor of `side`: `.py` files (a folder's are
    /// all `.py` files in it) become the side's models files, in models mode; else the first
    /// file is read as SQL ([`open_file`](Self::open_file)).
    pub fn open_files(self, side: Side, files: Vec<Picked>) {
        self.open_files_into(self.input(side), files);
    }

    /// Open what was picked or dropped into the review input: its `.py` files (revision
    /// files, a versions folder's files) join or replace the revision files.
    pub fn open_revisions(self, mut files: Vec<Picked>) {
        let total = files.len();
        files.retain(|f| f.path.ends_with(".py"));
        if files.is_empty() {
            self.toast
                .set("Nothing to open: revision files are .py files".to_string());
        } else {
            self.open_models(self.review, files, total);
        }
    }

    /// [`open_files`](Self::open_files) into `input`.
    fn open_files_into(self, input: Input, mut files: Vec<Picked>) {
        let total = files.len();
        files.retain(|f| !f.path.is_empty());
        let mut py: Vec<Picked> = Vec::new();
        let mut other: Vec<Picked> = Vec::new();
        for f in files {
            if f.path.ends_with(".py") {
                py.push(f);
            } else {
                other.push(f);
            }
        }
        if !py.is_empty() {
            self.open_models(input, py, total);
        } else if let Some(f) = other.into_iter().next() {
            self.open_file_into(input, f.file);
        } else if total > 0 {
            self.toast.set("Nothing to open: no files".to_string());
        }
    }

    /// Read models files into the editor of `side` (asynchronously, as [`open_file`]); they
    /// become the side's models files as [`merge_models`] says, the editor switches to models
    /// mode and shows the first (`__init__.py` files last). `total`: how many files were
    /// offered (the rest are not `.py`).
    ///
    /// [`open_file`]: Self::open_file
    fn open_models(self, input: Input, mut files: Vec<Picked>, total: usize) {
        files.sort_by(|a, b| {
            let init = |p: &str| p.ends_with("__init__.py");
            (init(&a.path), &a.path).cmp(&(init(&b.path), &b.path))
        });
        files.truncate(MAX_MODELS_FILES);
        let read = input.reads.get_value() + 1;
        input.reads.set_value(read);
        let n = files.len();
        let noun = input.noun;
        self.toast.set(format!(
            "Reading {n} {noun} file{}…",
            if n == 1 { "" } else { "s" }
        ));
        leptos::task::spawn_local(async move {
            let mut out: ModelFiles = Vec::with_capacity(n);
            for f in files {
                match gloo_file::futures::read_as_text(&f.file).await {
                    Ok(text) => out.push((f.path, text)),
                    Err(e) => {
                        if input.reads.try_get_value() == Some(read) {
                            self.toast.set(format!("Could not read {}: {e}", f.path));
                        }
                        return;
                    }
                }
            }
            if input.reads.try_get_value() != Some(read) {
                return; // newer files were opened meanwhile, or the app is gone
            }
            self.last_edit.set_value(dom::now_ms());
            self.whole_edit();
            if input.mode.get_untracked() == Mode::Sql {
                input.sql_stash.set_value(input.text.get_untracked());
            }
            let first = out.first().map(|(p, _)| p.clone()).unwrap_or_default();
            let had = match input.mode.get_untracked() {
                Mode::Sql => Vec::new(),
                Mode::Models => input.models.get_untracked(),
            };
            let (files, show) = merge_files(had, out, input.starter);
            input.show_models(files, show);
            let ignored = total - n;
            self.toast.set(match (n, ignored) {
                (1, 0) => format!("Opened {first}"),
                (n, 0) => format!("Opened {n} {noun} files"),
                (n, i) => format!("Opened {n} {noun} files ({i} other files left out)"),
            });
        });
    }

    /// Read `file` into the editor of `side`. The browser reads and decodes it off the main
    /// thread (gloo-file's `FileReader`); the editor takes the text when it is all there, and
    /// the diff follows as after any edit. Of files opened in quick succession the last wins.
    pub fn open_file(self, side: Side, file: gloo_file::File) {
        self.open_file_into(self.input(side), file);
    }

    /// [`open_file`](Self::open_file) into `input`.
    fn open_file_into(self, input: Input, file: gloo_file::File) {
        let read = input.reads.get_value() + 1;
        input.reads.set_value(read);
        let name = file.name();
        let bytes = file.size();
        input.file.set(Some(OpenedFile {
            name: name.clone(),
            bytes,
            reading: true,
            read_ms: 0.0,
            edited: false,
        }));
        let started = dom::now_ms();
        let pending = gloo_file::futures::read_as_text(&file);
        leptos::task::spawn_local(async move {
            let text = pending.await;
            if input.reads.try_get_value() != Some(read) {
                return; // a newer file was opened meanwhile, or the app is gone
            }
            match text {
                Ok(text) => {
                    let now = dom::now_ms();
                    self.last_edit.set_value(now);
                    self.whole_edit();
                    input.set_mode(Mode::Sql);
                    input.replace(text);
                    input.file.set(Some(OpenedFile {
                        name: name.clone(),
                        bytes,
                        reading: false,
                        read_ms: now - started,
                        edited: false,
                    }));
                    self.toast.set(format!("Opened {name}"));
                }
                Err(e) => {
                    input.file.set(None);
                    self.toast.set(format!("Could not read {name}: {e}"));
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> ModelFiles {
        list.iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn opened_models_join_or_replace() {
        let starter = [NEW_MODELS_FILE];
        // Loose files join the side's files; the untouched starter goes.
        let (f, show) = merge_models(files(&starter), files(&[("models.py", "A")]));
        assert_eq!((f, show), (files(&[("models.py", "A")]), 0));
        let had = files(&[("models.py", "A"), ("enums.py", "E")]);
        let (f, show) = merge_models(had.clone(), files(&[("base.py", "B"), ("enums.py", "E2")]));
        assert_eq!(
            f,
            files(&[("models.py", "A"), ("enums.py", "E2"), ("base.py", "B")])
        );
        assert_eq!(show, 2);
        // An edited starter stays.
        let edited = files(&[("models.py", "class T: ...")]);
        let (f, _) = merge_models(edited, files(&[("enums.py", "E")]));
        assert_eq!(f.len(), 2);
        // The review input saves nothing while it holds its untouched starter.
        let rs = files(&[crate::review::NEW_REVISION_FILE]);
        assert!(saved_review_files(rs).is_empty());
        let edited = files(&[("revision.py", "revision = '1'")]);
        assert_eq!(saved_review_files(edited.clone()), edited);
        assert_eq!(View::from_id(View::Review.id()), View::Review);
        assert_eq!(View::from_id(""), View::Diff);
        // A folder's files replace them.
        let (f, show) = merge_models(had, files(&[("app/models.py", "M")]));
        assert_eq!((f, show), (files(&[("app/models.py", "M")]), 0));
    }
}
