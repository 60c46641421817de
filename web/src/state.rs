//! The app's state: a handful of signals behind one `Copy` handle ([`AppState`]) that every
//! component gets, and what changes it as a whole: restoring a saved state or a shared link,
//! the autosave, and opening a file into an editor.

use leptos::prelude::*;
use schemashift::Side;

use crate::engine::AlembicHeader;
use crate::share::{self, SavedState};
use crate::{dom, normalize, Jump, Shared, Status, Tab, AUTOSAVE_MS, STORAGE_KEY};

/// One editor's input: its text and where it came from.
#[derive(Clone, Copy)]
pub struct Input {
    /// The schema text.
    pub text: RwSignal<String>,
    /// Bumped when `text` is replaced from outside (example, link, opened file): the textarea
    /// then takes the signal's value; typing never round-trips through it.
    pub reload: RwSignal<u64>,
    /// The file the text was opened from; `None` when typed, pasted, an example or a link.
    pub file: RwSignal<Option<OpenedFile>>,
    /// Counts file reads, so that only the newest one lands when files are opened quickly.
    reads: StoredValue<u64>,
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
    fn new(text: String) -> Self {
        Input {
            text: RwSignal::new(text),
            reload: RwSignal::new(0),
            file: RwSignal::new(None),
            reads: StoredValue::new(0),
        }
    }

    /// Replace the text from outside the editor.
    fn replace(self, text: String) {
        self.text.set(text);
        self.reload.update(|n| *n += 1);
    }
}

/// Everything the components share. Created once by [`crate::App`].
#[derive(Clone, Copy)]
pub struct AppState {
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
}

impl AppState {
    /// The state a page starts with, see [`crate::initial_state`].
    pub fn new(initial: SavedState, notice: Option<String>) -> Self {
        AppState {
            dialect: RwSignal::new(initial.dialect),
            current: Input::new(initial.current),
            desired: Input::new(initial.desired),
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
        }
    }

    /// The input of one side.
    pub fn input(self, side: Side) -> Input {
        match side {
            Side::Current => self.current,
            Side::Desired => self.desired,
        }
    }

    /// The user typed into an editor.
    pub fn edited(self, side: Side, text: String) {
        self.last_edit.set_value(dom::now_ms());
        let input = self.input(side);
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
        self.current.text.track();
        self.desired.text.track();
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
    }

    /// The state as a link or the autosave holds it.
    pub fn snapshot(self) -> SavedState {
        SavedState {
            version: share::STATE_VERSION,
            dialect: self.dialect.get_untracked(),
            current: self.current.text.get_untracked(),
            desired: self.desired.text.get_untracked(),
            tab: self.tab.get_untracked().id().to_string(),
            message: self.message.get_untracked(),
            revision: self.revision.get_untracked(),
            down_revision: self.down_revision.get_untracked(),
            exclude: self.exclude.get_untracked(),
        }
    }

    /// Show a saved state (a link, an example): both editors take its text.
    pub fn apply(self, st: SavedState) {
        let (st, n) = normalize(st);
        if let Some(n) = n {
            self.notice.set(n);
        }
        self.last_edit.set_value(dom::now_ms());
        self.dialect.set(st.dialect);
        for (input, text) in [(self.current, st.current), (self.desired, st.desired)] {
            input.file.set(None);
            input.replace(text);
        }
        self.tab.set(Tab::from_id(&st.tab).unwrap_or(Tab::Up));
        self.message.set(st.message);
        self.revision.set(st.revision);
        self.down_revision.set(st.down_revision);
        self.exclude.set(st.exclude);
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
                let st = self.snapshot();
                // Big schemas: fast compression, so the autosave never stalls typing.
                let level = if st.current.len() + st.desired.len() > 1 << 20 {
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

    /// Read `file` into the editor of `side`. The browser reads and decodes it off the main
    /// thread (gloo-file's `FileReader`); the editor takes the text when it is all there, and
    /// the diff follows as after any edit. Of files opened in quick succession the last wins.
    pub fn open_file(self, side: Side, file: gloo_file::File) {
        let input = self.input(side);
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
