//! A whole SQL script from an ordered list of changes.

use crate::change::Change;
use crate::dialects::Dialect;
use crate::hazard::{Hazard, HazardKind};

/// The statements of every change, each ended with `;` on its own line, between the dialect's
/// prologue and epilogue. Empty when there are no changes.
pub fn script(changes: &[Change], dialect: &dyn Dialect) -> String {
    annotated_script(changes, &[], dialect)
}

/// [`script`], with a `-- irreversible: ..` comment before each change that cannot bring back
/// what the other direction destroyed (`hazards` are per change, as [`assess`] gives them).
///
/// [`assess`]: crate::plan::assess::assess
pub fn annotated_script(
    changes: &[Change],
    hazards: &[Vec<Hazard>],
    dialect: &dyn Dialect,
) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        return out;
    }
    let terminated = |out: &mut String, stmts: Vec<String>| {
        for stmt in stmts {
            out.push_str(&dialect.script_statement(stmt));
            out.push_str(";\n");
        }
    };
    terminated(&mut out, dialect.script_prologue(changes));
    // The statement being built (neighbours the dialect merges into one), and the comments
    // of the changes in it, written before it.
    let mut pending: Option<String> = None;
    let mut comments = String::new();
    let flush = |out: &mut String, pending: &mut Option<String>, comments: &mut String| {
        out.push_str(comments);
        comments.clear();
        terminated(out, pending.take().into_iter().collect());
    };
    for (i, c) in changes.iter().enumerate() {
        let mut notes = String::new();
        for h in hazards.get(i).into_iter().flatten() {
            if h.kind == HazardKind::Irreversible {
                notes.push_str(&format!("-- irreversible: {}\n", h.message));
            }
        }
        let mut first = true;
        for stmt in statements(c, dialect) {
            let merged = pending
                .as_deref()
                .and_then(|p| dialect.merge_statements(p, &stmt));
            match merged {
                Some(m) => pending = Some(m),
                None => {
                    flush(&mut out, &mut pending, &mut comments);
                    pending = Some(stmt);
                }
            }
            if first {
                comments.push_str(&notes);
                first = false;
            }
        }
        if first {
            // A change without statements: its comments stay in place.
            flush(&mut out, &mut pending, &mut comments);
            out.push_str(&notes);
        }
    }
    flush(&mut out, &mut pending, &mut comments);
    terminated(&mut out, dialect.script_epilogue(changes));
    out
}

/// The statements of one change, without terminators.
pub fn statements(change: &Change, dialect: &dyn Dialect) -> Vec<String> {
    let mut v = Vec::new();
    dialect.render_change(change, &mut v);
    v
}
