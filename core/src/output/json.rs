//! The JSON report: each change of one direction with its kind, summary, SQL statements and
//! hazards, plus the diagnostics.

use crate::{Diagnostic, DialectKind, Migration};

/// The change list of one direction as JSON for tools: each change with its kind, summary,
/// SQL statements and hazards, plus the diagnostics.
pub fn report(
    migration: &Migration,
    down: bool,
    diagnostics: &[Diagnostic],
    dialect: DialectKind,
) -> serde_json::Value {
    let d = migration.dialect(dialect);
    let (changes, hazards) = if down {
        (&migration.down_changes, &migration.down_hazards)
    } else {
        (&migration.changes, &migration.hazards)
    };
    let items: Vec<serde_json::Value> = changes
        .iter()
        .zip(hazards)
        .map(|(c, h)| {
            let detail = serde_json::to_value(c).unwrap_or(serde_json::Value::Null);
            serde_json::json!({
                "kind": detail.get("kind").cloned().unwrap_or_default(),
                "summary": c.summary(),
                "sql": crate::output::sql::statements(c, &*d),
                "hazards": h,
                "detail": detail,
            })
        })
        .collect();
    serde_json::json!({
        "dialect": dialect.name(),
        "changes": items,
        "diagnostics": diagnostics,
        "filter": migration.filter,
        "left_out": migration.left_out.iter().map(|l| serde_json::json!({
            "name": l.name.to_string(),
            "reason": l.reason,
        })).collect::<Vec<_>>(),
    })
}
