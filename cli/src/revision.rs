//! The Alembic revision header: id, parent revision (the head of the output folder) and
//! create date, filled in as `alembic revision` would.

use crate::args::DiffArgs;
use schemashift::RevisionInfo;
use std::io::Read;
use std::path::{Path, PathBuf};

/// 12 random hex digits, like Alembic's `uuid.uuid4().hex[-12:]`.
fn random_rev_id() -> Result<String, String> {
    let mut bytes = [0u8; 6];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| format!("cannot read /dev/urandom for a revision id: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The local time as Python prints `datetime.now()` (microseconds only when non-zero).
fn now_create_date() -> String {
    let now = chrono::Local::now().naive_local();
    if now.and_utc().timestamp_subsec_micros() == 0 {
        now.format("%Y-%m-%d %H:%M:%S").to_string()
    } else {
        now.format("%Y-%m-%d %H:%M:%S%.6f").to_string()
    }
}

/// One string value of a `name = '...'` / `name: type = ...` line of a revision file; `None`
/// inside `Some` for `= None`.
fn assigned(line: &str, name: &str) -> Option<Vec<String>> {
    let rest = line.strip_prefix(name)?;
    let rest = rest.trim_start();
    let rest = match rest.strip_prefix(':') {
        Some(r) => r.split_once('=')?.1,
        None => rest.strip_prefix('=')?,
    };
    let value = rest.split('#').next().unwrap_or("").trim();
    let mut out = Vec::new();
    for part in value.split(['(', ')', ',', '[', ']']) {
        let p = part.trim();
        let quoted = p
            .strip_prefix('\'')
            .and_then(|p| p.strip_suffix('\''))
            .or_else(|| p.strip_prefix('"').and_then(|p| p.strip_suffix('"')));
        if let Some(q) = quoted {
            out.push(q.to_string());
        }
    }
    Some(out)
}

/// The head of the revisions in `dir`: the one no other revision names as its down_revision.
/// `None` for a folder without revisions; an error for several heads. A file of `new_rev`
/// itself (about to be overwritten) does not count.
fn head_revision(dir: &Path, new_rev: &str) -> Result<Option<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut revisions = Vec::new();
    let mut parents = std::collections::BTreeSet::new();
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    for path in paths {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut rev = None;
        let mut downs = Vec::new();
        for line in text.lines() {
            if let Some(v) = assigned(line, "revision") {
                rev = v.into_iter().next();
            } else if let Some(v) = assigned(line, "down_revision") {
                downs = v;
            }
        }
        if rev.as_deref() != Some(new_rev) {
            parents.extend(downs);
        }
        match rev {
            Some(r) if r == new_rev => {}
            Some(r) => revisions.push(r),
            None => {}
        }
    }
    let heads: Vec<&String> = revisions.iter().filter(|r| !parents.contains(*r)).collect();
    match heads.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some((*one).clone())),
        many => Err(format!(
            "{}: several heads ({}); pass --down-revision",
            dir.display(),
            many.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The revision header from the arguments, filling in what Alembic would.
pub fn revision_info(args: &DiffArgs) -> Result<RevisionInfo, String> {
    let rev_id = match &args.rev_id {
        Some(r) => r.clone(),
        None => random_rev_id()?,
    };
    let down_revision = match (&args.down_revision, &args.output) {
        (Some(d), _) => Some(d.clone()),
        (None, Some(dir)) => head_revision(dir, &rev_id)?,
        (None, None) => None,
    };
    Ok(RevisionInfo {
        message: args.message.clone().unwrap_or_default(),
        rev_id,
        down_revision,
        create_date: args.create_date.clone().unwrap_or_else(now_create_date),
    })
}
