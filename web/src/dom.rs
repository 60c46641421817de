//! The browser APIs the app uses, on gloo: localStorage (gloo-storage), downloads (gloo-file's
//! blobs and object URLs), timers (gloo-timers), event listeners (gloo-events) and the
//! window/document accessors (gloo-utils). What gloo has no crate for (the clipboard, the
//! colour-scheme media query, `performance.now()`, the URL fragment and history) is a call or two
//! on web-sys here, so the components only see application-level functions. Every failure is
//! swallowed or returned as a message: a missing API must never break the page.

use gloo_events::EventListener;
use gloo_storage::{LocalStorage, Storage};
use gloo_timers::callback::Timeout;
use leptos::prelude::{SetValue, StoredValue, WithValue};
use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds from `performance.now()` (0 when unavailable; gloo has no clock).
pub fn now_ms() -> f64 {
    gloo_utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Whether localStorage can be used. gloo-storage throws when the browser blocks it (private
/// modes, storage disabled), so it is asked only after this check, which has to be web-sys.
fn storage_available() -> bool {
    matches!(gloo_utils::window().local_storage(), Ok(Some(_)))
}

/// A localStorage value. Values are JSON strings (gloo-storage's format); a bare string, as
/// versions before gloo wrote them, is read as it is.
pub fn storage_get(key: &str) -> Option<String> {
    if !storage_available() {
        return None;
    }
    match LocalStorage::get::<String>(key) {
        Ok(v) => Some(v),
        Err(gloo_storage::errors::StorageError::SerdeError(_)) => {
            LocalStorage::raw().get_item(key).ok().flatten()
        }
        Err(_) => None,
    }
}

/// Store a localStorage value; the error says why not (quota, private mode).
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    if !storage_available() {
        return Err("localStorage is unavailable".into());
    }
    LocalStorage::set(key, value).map_err(|e| e.to_string())
}

/// The URL fragment, with its `#` (empty if none).
pub fn location_hash() -> String {
    gloo_utils::window().location().hash().unwrap_or_default()
}

/// Replace the URL fragment without adding a history entry or firing `hashchange`.
pub fn replace_hash(fragment: &str) {
    let url = if fragment.is_empty() {
        let loc = gloo_utils::window().location();
        format!(
            "{}{}",
            loc.pathname().unwrap_or_default(),
            loc.search().unwrap_or_default()
        )
    } else {
        format!("#{fragment}")
    };
    let _ = gloo_utils::history().replace_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// The page URL without its fragment.
pub fn page_url_without_hash() -> String {
    let href = gloo_utils::window().location().href().unwrap_or_default();
    match href.find('#') {
        Some(i) => href[..i].to_string(),
        None => href,
    }
}

/// Put text on the clipboard (asynchronously; a failure is only logged as a warning). gloo has
/// no clipboard crate: this is web-sys's `navigator.clipboard`.
pub fn copy_to_clipboard(text: &str) {
    let promise = gloo_utils::window()
        .navigator()
        .clipboard()
        .write_text(text);
    leptos::task::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            warn(&format!(
                "schemashift: copy to clipboard failed: {}",
                js_message(&e)
            ));
        }
    });
}

/// How long a download's object URL lives: revoking it at once can cancel the download in
/// some browsers.
const DOWNLOAD_URL_LIFETIME_MS: u32 = 30_000;

/// Offer `text` as a file download named `filename`.
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    let url = gloo_file::ObjectUrl::from(gloo_file::Blob::new_with_options(text, Some(mime)));
    // gloo has no download helper: a click on a detached `<a download>` starts it.
    let a: web_sys::HtmlAnchorElement = gloo_utils::document()
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_rel("noopener");
    a.click();
    // Dropping the ObjectUrl revokes it.
    Timeout::new(DOWNLOAD_URL_LIFETIME_MS, move || drop(url)).forget();
    Ok(())
}

/// The colour-scheme media query (gloo has no media-query crate).
fn dark_scheme_query() -> Option<web_sys::MediaQueryList> {
    gloo_utils::window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Whether the system asks for a dark colour scheme.
pub fn system_prefers_dark() -> bool {
    dark_scheme_query().is_some_and(|m| m.matches())
}

/// Call `on_change` with the new answer of [`system_prefers_dark`] whenever the system's
/// colour scheme changes, as long as the returned listener is kept.
pub fn watch_system_dark(on_change: impl Fn(bool) + 'static) -> Option<EventListener> {
    let query = dark_scheme_query()?;
    let q = query.clone();
    Some(EventListener::new(&query, "change", move |_| {
        on_change(q.matches())
    }))
}

/// Set `data-theme` on `<html>` (`None` removes it: follow the system).
pub fn set_theme_attr(theme: Option<&str>) {
    let root = gloo_utils::document_element();
    let _ = match theme {
        Some(t) => root.set_attribute("data-theme", t),
        None => root.remove_attribute("data-theme"),
    };
}

/// The message of a JS exception.
pub fn js_message(e: &JsValue) -> String {
    match gloo_utils::errors::JsError::try_from(e.clone()) {
        Ok(err) => err.message,
        Err(other) => other.to_string(),
    }
}

/// Warn on the console (never `console.error`: the end-to-end tests treat errors as failures).
pub fn warn(msg: &str) {
    leptos::logging::warn!("{msg}");
}

/// A debounced action: [`schedule`](Debounce::schedule) replaces the pending run, if any (a
/// gloo [`Timeout`] clears itself when dropped). Owned by the reactive owner it was made in, so
/// a pending run is cancelled when that goes away.
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<Option<Timeout>, leptos::prelude::LocalStorage>);

impl Debounce {
    pub fn new() -> Self {
        Debounce(StoredValue::new_local(None))
    }

    /// Run `f` after `ms` milliseconds, unless scheduled again or cancelled before.
    pub fn schedule(self, ms: u32, f: impl FnOnce() + 'static) {
        self.0.set_value(Some(Timeout::new(ms, f)));
    }

    /// Drop the pending run.
    pub fn cancel(self) {
        if self.0.with_value(Option::is_some) {
            self.0.set_value(None);
        }
    }
}

impl Default for Debounce {
    fn default() -> Self {
        Self::new()
    }
}

/// Run `f` once the current task and rendering are done: on the next timer tick.
pub fn defer(f: impl FnOnce() + 'static) {
    Timeout::new(0, f).forget();
}

/// The local time as Python's `str(datetime.now())` prints it (`2026-01-15 14:20:00.123000`),
/// for the Alembic file's `Create Date:` line, as `alembic revision` writes it.
pub fn python_now() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:03}000",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        d.get_milliseconds()
    )
}
