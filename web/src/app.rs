//! The app's frame: [`App`] makes the state and lays out the top bar, the notices, the two
//! input panes, the output and the footer.

use leptos::ev;
use leptos::prelude::*;
use schemashift::Side;

use crate::diffing::Differ;
use crate::output::OutputPanel;
use crate::pane::{carries_files, EditorPane};
use crate::review_view::{ReviewOutput, ReviewPane, Reviewer};
use crate::state::{AppState, View};
use crate::{dom, engine, examples, initial_state, review, STORAGE_KEY, THEME_KEY, VERSION};

/// The whole app: top bar, the two editors with their diagnostics, the output tabs, footer.
/// The state comes from the `#s=` link, else the autosave, else the first example; the diff
/// follows every change, the state is autosaved, Ctrl+Enter diffs at once.
#[component]
pub fn App() -> impl IntoView {
    let (initial, notice) = initial_state(
        &dom::location_hash(),
        dom::storage_get(STORAGE_KEY).as_deref(),
    );
    let state = AppState::new(initial, notice);
    let differ = Differ::start(state);
    let reviewer = Reviewer::start(state);
    state.autosave();

    // Opening another link in the same tab (only the fragment changes).
    let _hash = window_event_listener(ev::hashchange, move |_| {
        state.open_link(&dom::location_hash())
    });
    // Ctrl/Cmd+Enter anywhere: diff now.
    let _keys = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            match state.view.get_untracked() {
                View::Diff => differ.run(),
                View::Review => reviewer.run(),
            }
        }
    });
    // A file dropped beside the editors must not replace the page with the file.
    let _dragover = window_event_listener(ev::dragover, |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });
    let _drop = window_event_listener(ev::drop, |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
        }
    });

    view! {
        <a class="skip" href="#editor-current">"Skip to the editors"</a>
        <TopBar state=state />
        <Notices state=state />
        <main>
            <Show
                when=move || state.view.get() == View::Diff
                fallback=move || view! {
                    <div class="review-layout">
                        <ReviewPane state=state />
                        <ReviewOutput state=state />
                    </div>
                }
            >
                <div class="editors">
                    <EditorPane state=state side=Side::Current />
                    <EditorPane state=state side=Side::Desired />
                </div>
                <OutputPanel state=state />
            </Show>
        </main>
        <div class="toast" role="status" aria-live="polite" id="toast">
            {move || state.toast.get()}
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

/// The top bar: name, the Diff / Review switch, dialect and examples menus, Share and the
/// theme toggle.
#[component]
fn TopBar(state: AppState) -> impl IntoView {
    let dialect = state.dialect;
    let on_example = move |ev: ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        let id = select.value();
        select.set_value("");
        if let Some(h) = review::find_history(&id) {
            if engine::dialect_available(h.dialect) {
                dialect.set(h.dialect.to_string());
            }
            state.review.show_files(h.files());
            state.view.set(View::Review);
            state.toast.set(format!("Loaded example: {}", h.title));
        } else if let Some(e) = examples::find(&id).filter(|e| examples::available(e)) {
            let mut st = state.snapshot();
            st.verify_badge.clear();
            st.dialect = e.dialect.to_string();
            st.current = e.current.to_string();
            st.desired = e.desired.to_string();
            st.current_models = Vec::new();
            st.desired_models = e.desired_models();
            st.view = String::new();
            state.apply(st);
            state.toast.set(format!("Loaded example: {}", e.title));
        }
    };
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"⇄"</span>
                <h1>"schemashift"</h1>
                <span class="tagline">"paste two schemas, get the migration"</span>
            </div>
            <div class="controls">
                <ViewSwitch view=state.view />
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
                            .map(|(name, label)| view! {
                                <option value=name selected=move || dialect.get() == name>{label}</option>
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="field" title="Objects to leave out of the comparison: globs on name or schema.name, separated by commas (Alembic's alembic_version is always left out)">
                    <span>"Leave out"</span>
                    <input
                        id="exclude"
                        prop:value=move || state.exclude.get()
                        on:input=move |ev| state.exclude.set(event_target_value(&ev))
                        placeholder="e.g. audit_*"
                    />
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
                                view! { <option value=e.id disabled=!ok>{text}</option> }
                            })
                            .collect_view()}
                        {review::HISTORIES
                            .iter()
                            .map(|h| view! { <option value=h.id>{h.title}</option> })
                            .collect_view()}
                    </select>
                </label>
                <button id="share" class="btn primary" on:click=move |_| state.share() title="Copy a link that restores both schemas and the settings">
                    "Share"
                </button>
                <ThemeToggle />
            </div>
        </header>
    }
}

/// The page's two modes: "Diff" (two schemas -> the migration) and "Review a revision"
/// (Alembic revision files -> what they do and whether the downgrade undoes the upgrade).
#[component]
fn ViewSwitch(view: RwSignal<View>) -> impl IntoView {
    let button = move |v: View, id: &'static str, label: &'static str, tip: &'static str| {
        view! {
            <button
                id=id
                class="mode"
                title=tip
                aria-pressed=move || if view.get() == v { "true" } else { "false" }
                on:click=move |_| view.set(v)
            >
                {label}
            </button>
        }
    };
    view! {
        <span class="modes view-switch" role="group" aria-label="What the page does">
            {button(View::Diff, "view-diff", "Diff", "Two schemas in, the migration out")}
            {button(View::Review, "view-review", "Review a revision", "Alembic revision files in: what they do, and whether downgrade() undoes upgrade()")}
        </span>
    }
}

/// Dark or light: follows the system until toggled; the choice is remembered.
#[component]
fn ThemeToggle() -> impl IntoView {
    let choice = RwSignal::new(dom::storage_get(THEME_KEY).filter(|t| t == "dark" || t == "light"));
    let system_dark = RwSignal::new(dom::system_prefers_dark());
    // Kept (and removed) with the component.
    StoredValue::new_local(dom::watch_system_dark(move |dark| system_dark.set(dark)));
    let dark = Memo::new(move |_| match choice.get().as_deref() {
        Some(t) => t == "dark",
        None => system_dark.get(),
    });
    Effect::new(move |_| dom::set_theme_attr(choice.get().as_deref()));
    let toggle = move |_| {
        let next = if dark.get_untracked() {
            "light"
        } else {
            "dark"
        };
        let _ = dom::storage_set(THEME_KEY, next);
        choice.set(Some(next.to_string()));
    };
    view! {
        <button
            id="theme-toggle"
            class="btn"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            title="Toggle dark mode"
            on:click=toggle
        >
            {move || if dark.get() { "☾ Dark" } else { "☀ Light" }}
        </button>
    }
}

/// The notice (a damaged link, an unknown dialect) and the Share link box, while they have
/// something to show.
#[component]
fn Notices(state: AppState) -> impl IntoView {
    let AppState {
        notice, share_link, ..
    } = state;
    view! {
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
    }
}
