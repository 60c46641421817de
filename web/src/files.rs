//! Files in: what a file picker or a drop offers an editor, as [`Picked`] files with their
//! paths. A picked or dropped file is named by its name; the files of a folder (picked with
//! "Open folder…" or dropped) by their path below the folder's parent (`app/models.py`), so
//! imports between the modules resolve as in the package.
//!
//! Reading is gloo-file's (`state::AppState::open_files`). Walking a dropped folder is not:
//! gloo has nothing for the browser's directory entries (`DataTransferItem.webkitGetAsEntry`,
//! `FileSystemDirectoryReader`), so that part is web-sys, its callbacks turned into futures.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::{Picked, MAX_MODELS_FILES};

/// Folders never read from a dropped or picked folder: hidden ones (`.git`, `.venv`), caches
/// and installed packages (as the CLI; `venv` and `site-packages` too).
pub fn skip_dir(name: &str) -> bool {
    name.starts_with('.')
        || matches!(
            name,
            "__pycache__" | "node_modules" | "venv" | "site-packages"
        )
}

/// Whether a file of a folder, at `path` below the folder's parent, is read: a `.py` file
/// outside the folders [`skip_dir`] leaves out.
pub fn keep_folder_file(path: &str) -> bool {
    let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let Some(name) = parts.pop() else {
        return false;
    };
    name.ends_with(".py") && !parts.iter().any(|d| skip_dir(d))
}

/// The files of a picker (`<input type=file>`). With `webkitdirectory` (a folder) every file
/// has its path below the folder's parent; only the `.py` files [`keep_folder_file`] keeps
/// are offered.
pub fn picked(list: web_sys::FileList) -> Vec<Picked> {
    let list = gloo_file::FileList::from(list);
    let mut out = Vec::new();
    for file in list.iter() {
        let rel = relative_path(file.as_ref());
        if rel.is_empty() {
            out.push(Picked {
                path: file.name(),
                file: file.clone(),
            });
        } else if keep_folder_file(&rel) {
            out.push(Picked {
                path: rel,
                file: file.clone(),
            });
        }
    }
    out
}

/// `File.webkitRelativePath` (empty for a file not picked as part of a folder). web-sys has
/// no binding for it.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// What a drop offers, taken while the drop event runs (the browser empties the list
/// afterwards): a dropped file, or a dropped folder to walk.
pub enum Dropped {
    File(Picked),
    Folder(web_sys::FileSystemDirectoryEntry),
}

/// The files and folders of a drop, in the drop event itself.
pub fn dropped(dt: &web_sys::DataTransfer) -> Vec<Dropped> {
    let items = dt.items();
    let mut out = Vec::new();
    for i in 0..items.length() {
        let Some(item) = items.get(i) else { continue };
        if item.kind() != "file" {
            continue;
        }
        if let Ok(Some(entry)) = item.webkit_get_as_entry() {
            if entry.is_directory() {
                out.push(Dropped::Folder(entry.unchecked_into()));
                continue;
            }
        }
        if let Ok(Some(file)) = item.get_as_file() {
            let rel = relative_path(&file);
            let file = gloo_file::File::from(file);
            let path = if rel.is_empty() { file.name() } else { rel };
            out.push(Dropped::File(Picked { path, file }));
        }
    }
    // No item list (older engines): the plain file list.
    if out.is_empty() {
        if let Some(list) = dt.files() {
            out.extend(picked(list).into_iter().map(Dropped::File));
        }
    }
    out
}

/// The files of a drop: each dropped file, and the `.py` files of each dropped folder (walked
/// asynchronously; at most [`MAX_MODELS_FILES`] + 1 of them, the caller cuts and says so).
pub async fn walk(dropped: Vec<Dropped>) -> Vec<Picked> {
    let mut out = Vec::new();
    let mut folders = Vec::new();
    for d in dropped {
        match d {
            Dropped::File(p) => out.push(p),
            Dropped::Folder(dir) => folders.push(dir),
        }
    }
    // Depth first, in the order the browser lists the entries.
    let mut stack: Vec<web_sys::FileSystemDirectoryEntry> = folders.into_iter().rev().collect();
    while let Some(dir) = stack.pop() {
        let mut subdirs = Vec::new();
        for entry in read_entries(&dir).await {
            let path = entry.full_path();
            let path = path.trim_start_matches('/').to_string();
            if entry.is_directory() {
                if !skip_dir(&entry.name()) {
                    subdirs.push(entry.unchecked_into::<web_sys::FileSystemDirectoryEntry>());
                }
            } else if keep_folder_file(&path) {
                if let Some(file) = entry_file(entry.unchecked_ref()).await {
                    out.push(Picked { path, file });
                    if out.len() > MAX_MODELS_FILES {
                        return out;
                    }
                }
            }
        }
        stack.extend(subdirs.into_iter().rev());
    }
    out
}

/// A call that takes a success and an error callback, as a future.
async fn callback_future(
    call: impl FnOnce(&js_sys::Function, &js_sys::Function) -> Result<(), JsValue>,
) -> Result<JsValue, JsValue> {
    let mut call = Some(call);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            if let Err(e) = call(&resolve, &reject) {
                let _ = reject.call1(&JsValue::UNDEFINED, &e);
            }
        }
    });
    JsFuture::from(promise).await
}

/// All entries of a folder (`readEntries` hands them out in batches until an empty one).
async fn read_entries(dir: &web_sys::FileSystemDirectoryEntry) -> Vec<web_sys::FileSystemEntry> {
    let reader = dir.create_reader();
    let mut out = Vec::new();
    loop {
        let batch =
            callback_future(|ok, err| reader.read_entries_with_callback_and_callback(ok, err))
                .await
                .ok()
                .map(|v| js_sys::Array::from(&v))
                .unwrap_or_default();
        if batch.length() == 0 {
            return out;
        }
        out.extend(
            batch
                .iter()
                .map(|e| e.unchecked_into::<web_sys::FileSystemEntry>()),
        );
    }
}

/// The file of a file entry.
async fn entry_file(entry: &web_sys::FileSystemFileEntry) -> Option<gloo_file::File> {
    let file = callback_future(|ok, err| {
        entry.file_with_callback_and_callback(ok, err);
        Ok(())
    })
    .await
    .ok()?;
    Some(gloo_file::File::from(
        file.unchecked_into::<web_sys::File>(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_files() {
        assert!(keep_folder_file("app/models.py"));
        assert!(keep_folder_file("app/models/__init__.py"));
        assert!(!keep_folder_file("app/README.md"));
        assert!(!keep_folder_file("app/__pycache__/models.py"));
        assert!(!keep_folder_file("proj/.venv/lib/x.py"));
        assert!(!keep_folder_file(
            "proj/venv/lib/site-packages/sqlmodel/main.py"
        ));
        assert!(!keep_folder_file("proj/node_modules/a.py"));
        assert!(!keep_folder_file(""));
    }
}
