//! Thin wrappers over the browser APIs the app uses: localStorage, the URL fragment, the
//! clipboard, downloads, the colour-scheme media query and a clock. Every failure is swallowed
//! or returned as a message: a missing API must never break the page.

use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Milliseconds from `performance.now()` (0 when unavailable).
pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// A localStorage value.
pub fn storage_get(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Store a localStorage value; the error says why not (quota, private mode).
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    let s = storage().ok_or("localStorage is unavailable")?;
    s.set_item(key, value).map_err(|e| js_message(&e))
}

/// Remove a localStorage value.
pub fn storage_remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The URL fragment, with its `#` (empty if none).
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replace the URL fragment without adding a history entry or firing `hashchange`.
pub fn replace_hash(fragment: &str) {
    if let Some(w) = window() {
        if let Ok(h) = w.history() {
            let url = if fragment.is_empty() {
                let loc = w.location();
                format!(
                    "{}{}",
                    loc.pathname().unwrap_or_default(),
                    loc.search().unwrap_or_default()
                )
            } else {
                format!("#{fragment}")
            };
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// The page URL without its fragment.
pub fn page_url_without_hash() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .map(|h| match h.find('#') {
            Some(i) => h[..i].to_string(),
            None => h,
        })
        .unwrap_or_default()
}

/// Put text on the clipboard (asynchronously; failures only logged as warnings).
pub fn copy_to_clipboard(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let clipboard = w.navigator().clipboard();
    let promise = clipboard.write_text(text);
    let on_err = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        web_sys::console::warn_2(&"schemashift: copy to clipboard failed:".into(), &e);
    });
    let _ = promise.catch(&on_err);
    on_err.forget(); // called at most once, by the browser
    true
}

/// Offer `text` as a file download named `filename`.
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    let w = window().ok_or("no window")?;
    let doc = w.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| js_message(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|e| js_message(&e))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.set_rel("noopener");
    a.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 30_000);
    Ok(())
}

/// Whether the system asks for a dark colour scheme.
pub fn system_prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// Set `data-theme` on `<html>` (`None` removes it: follow the system).
pub fn set_theme_attr(theme: Option<&str>) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme {
            Some(t) => root.set_attribute("data-theme", t),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// The message of a JS exception.
pub fn js_message(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// Warn on the console (never `console.error`: the end-to-end tests treat errors as failures).
pub fn warn(msg: &str) {
    web_sys::console::warn_1(&JsValue::from_str(msg));
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
