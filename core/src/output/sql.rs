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
    for (i, c) in changes.iter().enumerate() {
        for h in hazards.get(i).into_iter().flatten() {
            if h.kind == HazardKind::Irreversible {
                out.push_str(&format!("-- irreversible: {}\n", h.message));
            }
        }
        terminated(&mut out, statements(c, dialect));
    }
    terminated(&mut out, dialect.script_epilogue(changes));
    out
}

/// The statements of one change, without terminators.
pub fn statements(change: &Change, dialect: &dyn Dialect) -> Vec<String> {
    let mut v = Vec::new();
    dialect.render_change(change, &mut v);
    v
}
