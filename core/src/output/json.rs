//! The JSON report: each change of one direction with its kind, summary, SQL statements and
//! hazards, plus the diagnostics.

use crate::{Diagnostic, DialectKind, Migration};
use serde_json::Value;

/// The change list of one direction as JSON for tools: each change with its kind, summary,
/// SQL statements and hazards, plus the diagnostics.
pub fn report(
    migration: &Migration,
    down: bool,
    diagnostics: &[Diagnostic],
    dialect: DialectKind,
) -> Value {
    let d = migration.dialect(dialect);
    let (changes, hazards) = if down {
        (&migration.down_changes, &migration.down_hazards)
    } else {
        (&migration.changes, &migration.hazards)
    };
    // Values are moved into place: `json!` would take each by reference and copy it
    // (`to_value`), the whole change list included.
    let items: Vec<Value> = changes
        .iter()
        .zip(hazards)
        .map(|(c, h)| {
            let detail = serde_json::to_value(c).unwrap_or(Value::Null);
            let sql = crate::output::sql::statements(c, &*d);
            let mut item = serde_json::Map::new();
            let kind = detail.get("kind").cloned().unwrap_or_default();
            item.insert("kind".into(), kind);
            item.insert("summary".into(), Value::String(c.summary()));
            item.insert(
                "sql".into(),
                Value::Array(sql.into_iter().map(Value::String).collect()),
            );
            item.insert("hazards".into(), serde_json::json!(h));
            item.insert("detail".into(), detail);
            Value::Object(item)
        })
        .collect();
    let mut report = serde_json::json!({
        "dialect": dialect.name(),
        "diagnostics": diagnostics,
        "filter": migration.filter,
        "left_out": migration.left_out.iter().map(|l| serde_json::json!({
            "name": l.name.to_string(),
            "reason": l.reason,
        })).collect::<Vec<_>>(),
    });
    if let Value::Object(map) = &mut report {
        map.insert("changes".into(), Value::Array(items));
    }
    report
}
