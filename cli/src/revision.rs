//! The Alembic revision header: id, parent revision (the head of the output folder) and
//! create date, filled in as `alembic revision` would.

use crate::args::DiffArgs;
use crate::Host;
use schemashift::RevisionInfo;
use std::path::Path;

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
fn head_revision(host: &mut dyn Host, dir: &Path, new_rev: &str) -> Result<Option<String>, String> {
    let shown = dir.display();
    let mut names = host
        .list_dir(&dir.to_string_lossy())
        .map_err(|e| format!("{shown}: {e}"))?;
    names.retain(|n| n.ends_with(".py"));
    names.sort();
    let mut revisions = Vec::new();
    let mut parents = std::collections::BTreeSet::new();
    for name in names {
        let path = dir.join(name);
        let bytes = host
            .read(&path.to_string_lossy())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let text = String::from_utf8_lossy(&bytes);
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
pub fn revision_info(host: &mut dyn Host, args: &DiffArgs) -> Result<RevisionInfo, String> {
    let rev_id = match &args.rev_id {
        Some(r) => r.clone(),
        None => host.random_rev_id()?,
    };
    let down_revision = match (&args.down_revision, &args.output) {
        (Some(d), _) => Some(d.clone()),
        (None, Some(dir)) => head_revision(host, dir, &rev_id)?,
        (None, None) => None,
    };
    Ok(RevisionInfo {
        message: args.message.clone().unwrap_or_default(),
        rev_id,
        down_revision,
        create_date: match &args.create_date {
            Some(d) => d.clone(),
            None => host.now(),
        },
    })
}
