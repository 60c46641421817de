//! Reading one side's input: a DDL file (or stdin), or models: a `.py` file or a package
//! directory, with the local modules they import (the core says which files it wants; the
//! host reads them).

use crate::Host;
use schemashift::input::python::Sources;

/// One side as read.
pub enum SideInput {
    Sql(String),
    Models(Sources),
    /// An Alembic history at a revision (`head` when not named), on a base schema (DDL).
    History(Sources, String, String),
}

impl SideInput {
    pub fn as_input(&self) -> schemashift::Input<'_> {
        match self {
            SideInput::Sql(text) => schemashift::Input::Sql(text),
            SideInput::Models(src) => schemashift::Input::Models(src),
            SideInput::History(src, rev, base) => schemashift::Input::History { src, rev, base },
        }
    }

    /// The text of the file a diagnostic is about (the side's text for SQL).
    pub fn text_of(&self, file: Option<&str>) -> &str {
        match (self, file) {
            (SideInput::Sql(text), _) => text,
            (SideInput::Models(src) | SideInput::History(src, ..), Some(f)) => src
                .files
                .iter()
                .find(|(p, _)| p == f)
                .map_or("", |(_, t)| t.as_str()),
            (SideInput::Models(_) | SideInput::History(..), None) => "",
        }
    }
}

/// At most this many model files are read for one side.
const MAX_FILES: usize = 20_000;

/// The folder above `path`, lexically: `a/b` -> `a`, `a` -> `` (the working directory), `` or
/// `.` -> `..`, `../..` -> `../../..`; `/` -> `/`.
fn parent(path: &str) -> String {
    let p = path.trim_end_matches('/');
    if p.is_empty() && path.starts_with('/') {
        return "/".into();
    }
    if p.is_empty() || p == "." {
        return "..".into();
    }
    if p == ".." || p.ends_with("/..") {
        return format!("{p}/..");
    }
    match p.rfind('/') {
        Some(0) => "/".into(),
        Some(i) => p[..i].to_string(),
        None => String::new(),
    }
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else if dir.ends_with('/') {
        format!("{dir}{name}")
    } else {
        format!("{dir}/{name}")
    }
}

fn exists(host: &mut dyn Host, path: &str) -> bool {
    host.read(path).is_ok()
}

/// The folder above the outermost package holding `dir` (`dir` itself when it is no package).
/// Not above the working directory unless `above_cwd` (its modules would get a second path).
fn package_root(host: &mut dyn Host, dir: &str, above_cwd: bool) -> String {
    let mut top = dir.to_string();
    for _ in 0..64 {
        if (matches!(top.as_str(), "" | ".") && !above_cwd)
            || top == "/"
            || !exists(host, &join(&top, "__init__.py"))
        {
            break;
        }
        top = parent(&top);
    }
    top
}

/// An Alembic history named on the command line: `DIR@REV` (a versions folder at a revision),
/// `alembic.ini` (its `script_location`'s `versions/` folder, or its `version_locations`), or
/// `alembic.ini@REV`. Returns the folders to read and the revision (`heads` when not named: every head, as
/// `alembic upgrade heads` applies them).
pub fn history_spec(
    host: &mut dyn Host,
    path: &str,
) -> Result<Option<(Vec<String>, String)>, String> {
    // The first `@` after which the revision starts (`label@head` has one of its own).
    let split = path.match_indices('@').map(|(i, _)| i).find(|&i| {
        let (l, r) = (&path[..i], &path[i + 1..]);
        !r.is_empty() && !r.contains('/') && (l.ends_with(".ini") || host.list_dir(l).is_ok())
    });
    let (left, rev) = match split {
        Some(i) => (&path[..i], path[i + 1..].to_string()),
        None => (path, "heads".to_string()),
    };
    if !left.ends_with(".ini") {
        if left == path {
            return Ok(None);
        }
        return Ok(Some((vec![left.to_string()], rev)));
    }
    let bytes = host
        .read(left)
        .map_err(|e| format!("schemashift: {left}: {e}"))?;
    let text = String::from_utf8_lossy(&bytes);
    let here = parent(left);
    let mut section = String::new();
    let mut script = None;
    let mut versions = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            section = line.trim_matches(['[', ']']).to_string();
            continue;
        }
        if section != "alembic" {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            let v = v
                .trim()
                .replace("%(here)s", if here.is_empty() { "." } else { &here });
            match k.trim() {
                "script_location" => script = Some(v),
                "version_locations" => versions = Some(v),
                _ => {}
            }
        }
    }
    let resolve = |p: &str| -> String {
        if p.starts_with('/') || here.is_empty() || p.starts_with(&here) {
            p.to_string()
        } else {
            join(&here, p)
        }
    };
    let dirs: Vec<String> = match (versions, script) {
        (Some(v), _) => v
            .split([' ', ',', ':', ';'])
            .filter(|p| !p.is_empty())
            .map(resolve)
            .collect(),
        (None, Some(s)) if !s.contains(':') => vec![join(&resolve(&s), "versions")],
        (None, Some(s)) => {
            return Err(format!(
                "schemashift: {left}: script_location `{s}` is a package resource; give the versions folder instead"
            ))
        }
        (None, None) => {
            return Err(format!(
                "schemashift: {left}: no `script_location` in its [alembic] section"
            ))
        }
    };
    Ok(Some((dirs, rev)))
}

/// Whether `path` names models: a `.py` file or a directory.
pub fn is_models(host: &mut dyn Host, path: &str) -> bool {
    path != "-" && (path.ends_with(".py") || host.list_dir(path).is_ok())
}

/// Read models: the entry files (the `.py` file, or every `.py` file under the directory),
/// then the local modules they import, searched relative to them, in the package roots above
/// them and in `python_path`.
pub fn read_models(
    host: &mut dyn Host,
    path: &str,
    python_path: &[String],
    read: &mut dyn FnMut(&mut dyn Host, &str) -> Result<String, String>,
) -> Result<Sources, String> {
    let mut files: Vec<(String, String)> = Vec::new();
    let start_dir = if path.ends_with(".py") {
        files.push((path.to_string(), read(host, path)?));
        parent(path)
    } else {
        let mut stack = vec![path.trim_end_matches('/').to_string()];
        let mut found = Vec::new();
        while let Some(dir) = stack.pop() {
            let mut names = host
                .list_dir(&dir)
                .map_err(|e| format!("schemashift: {dir}: {e}"))?;
            names.sort();
            for n in names {
                let p = join(&dir, &n);
                if n.ends_with(".py") {
                    found.push(p);
                } else if !n.starts_with('.')
                    && n != "__pycache__"
                    && n != "node_modules"
                    && host.list_dir(&p).is_ok()
                {
                    stack.push(p);
                }
            }
            if found.len() > MAX_FILES {
                return Err(format!(
                    "schemashift: {path}: more than {MAX_FILES} .py files"
                ));
            }
        }
        found.sort();
        for p in found {
            let text = read(host, &p)?;
            files.push((p, text));
        }
        path.trim_end_matches('/').to_string()
    };
    // Roots for absolute imports: --python-path, the folder above the outermost package
    // holding the models, the models' own folder, and the working directory.
    let mut roots: Vec<String> = python_path
        .iter()
        .map(|p| p.trim_end_matches('/').to_string())
        .collect();
    let top = package_root(host, &start_dir, false);
    // An Alembic history's `versions/` (not a package itself): the folder of its alembic.ini
    // (where Alembic's `prepend_sys_path = .` points), and the folder above the outermost
    // package around it (`<root>/app/migrations/versions` imports `app.migrations.util`), also
    // above the working directory (`versions` named from inside it); their files are no modules
    // of that package, so none gets a second path.
    // A history's `versions/` may be a package itself (dagster's): the walk starts above it.
    let history =
        (files.iter()).any(|(_, t)| schemashift::input::python::alembic::is_revision_text(t));
    let mut around = Vec::new();
    let mut up = top.clone();
    for _ in 0..3 {
        if up == "/" || (top != start_dir && !history) {
            break;
        }
        up = parent(&up);
        if exists(host, &join(&up, "alembic.ini")) {
            around.push(up.clone());
        }
        if exists(host, &join(&up, "__init__.py")) {
            around.push(package_root(host, &up, true));
            break;
        }
    }
    let found = [top, start_dir].into_iter().chain(around);
    for r in found.chain([String::new()]) {
        if !roots.contains(&r) {
            roots.push(r);
        }
    }
    let mut src = Sources { files, roots };
    let mut tried: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut scanned = 0;
    loop {
        let mut added = false;
        // Only the files read in the last round are parsed for their imports.
        let wanted = src.wanted_since(scanned);
        scanned = src.files.len();
        for cand in wanted {
            if !tried.insert(cand.clone()) {
                continue;
            }
            if let Ok(bytes) = host.read(&cand) {
                if let Ok(text) = schemashift::input::decode(&bytes) {
                    src.files.push((cand, text.to_string()));
                    added = true;
                }
            }
        }
        if !added || src.files.len() > MAX_FILES {
            break;
        }
    }
    Ok(src)
}
