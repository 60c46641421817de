//! A whole SQL script from an ordered list of changes.

use crate::dialect::Dialect;
use crate::diff::Change;
use crate::model::ObjectKind;

/// The statements of every change, each ended with `;` on its own line. Empty when there are
/// no changes.
pub fn script(changes: &[Change], dialect: &dyn Dialect) -> String {
    let mut out = String::new();
    let creates_routine = changes.iter().any(|c| match c {
        Change::CreateObject { object } | Change::ReplaceObject { to: object, .. } => {
            matches!(object.id.kind, ObjectKind::Function | ObjectKind::Procedure)
        }
        _ => false,
    });
    if creates_routine {
        // Bodies may mention tables created later in the script, as in pg_dump.
        out.push_str("SET check_function_bodies = false;\n");
    }
    for c in changes {
        for stmt in statements(c, dialect) {
            out.push_str(&stmt);
            out.push_str(";\n");
        }
    }
    out
}

/// The statements of one change, without terminators.
pub fn statements(change: &Change, dialect: &dyn Dialect) -> Vec<String> {
    let mut v = Vec::new();
    dialect.render_change(change, &mut v);
    v
}
