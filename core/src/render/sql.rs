//! A whole SQL script from an ordered list of changes.

use crate::dialect::Dialect;
use crate::diff::Change;

/// The statements of every change, each ended with `;` on its own line, between the dialect's
/// prologue and epilogue. Empty when there are no changes.
pub fn script(changes: &[Change], dialect: &dyn Dialect) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        return out;
    }
    let mut push = |stmt: &str| {
        out.push_str(stmt);
        out.push_str(";\n");
    };
    for stmt in dialect.script_prologue(changes) {
        push(&stmt);
    }
    for c in changes {
        for stmt in statements(c, dialect) {
            push(&stmt);
        }
    }
    for stmt in dialect.script_epilogue(changes) {
        push(&stmt);
    }
    out
}

/// The statements of one change, without terminators.
pub fn statements(change: &Change, dialect: &dyn Dialect) -> Vec<String> {
    let mut v = Vec::new();
    dialect.render_change(change, &mut v);
    v
}
