//! Which objects take part in the comparison: `--include` / `--exclude` patterns, and
//! Alembic's own version table, which is never part of a migration.
//!
//! A pattern is a glob (`*` any run of characters, `?` one character) on the object's name,
//! or on `schema.name` when it contains a dot; names are folded the dialect's way first, so
//! `Audit_*` matches the unquoted `audit_log` as the database would. Patterns apply to tables
//! (with their indexes, triggers, policies, rules and grants), views, sequences and enum types.
//! With include patterns, only matching objects are compared; exclude patterns then remove
//! objects from that set.

use crate::dialects::Dialect;
use crate::model::{QualName, Schema, Str};
use serde::Serialize;

/// Alembic's default `version_table`.
pub const ALEMBIC_VERSION_TABLE: &str = "alembic_version";

/// The object filter of a run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// Only objects matching one of these take part (all when empty).
    pub include: Vec<String>,
    /// Objects matching one of these are left out.
    pub exclude: Vec<String>,
    /// Alembic's version table (`version_table`, optionally `version_table_schema.`-qualified),
    /// left out of both sides; `None` compares it like any table.
    pub version_table: Option<String>,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            include: Vec::new(),
            exclude: Vec::new(),
            version_table: Some(ALEMBIC_VERSION_TABLE.to_string()),
        }
    }
}

/// An object the filter left out, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub name: QualName,
    pub reason: Reason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Alembic's version table.
    VersionTable,
    /// `include` / `exclude` patterns.
    Pattern,
}

impl Filter {
    /// Remove what the filter leaves out from `schema`; what was removed, in the schema's
    /// order (tables, views, enum types, sequences).
    pub fn apply(&self, schema: &mut Schema, dialect: &dyn Dialect) -> Vec<LeftOut> {
        let include: Vec<Pattern> = self
            .include
            .iter()
            .map(|p| Pattern::new(p, dialect))
            .collect();
        let exclude: Vec<Pattern> = self
            .exclude
            .iter()
            .map(|p| Pattern::new(p, dialect))
            .collect();
        let version_table = self
            .version_table
            .as_deref()
            .map(|t| Pattern::new(t, dialect));
        if include.is_empty() && exclude.is_empty() && version_table.is_none() {
            return Vec::new();
        }
        let reason = |name: &QualName| {
            if version_table.as_ref().is_some_and(|p| p.matches(name)) {
                Some(Reason::VersionTable)
            } else if (!include.is_empty() && !include.iter().any(|p| p.matches(name)))
                || exclude.iter().any(|p| p.matches(name))
            {
                Some(Reason::Pattern)
            } else {
                None
            }
        };
        let mut removed = Vec::new();
        let mut take = |name: &QualName| match reason(name) {
            Some(reason) => {
                removed.push(LeftOut {
                    name: name.clone(),
                    reason,
                });
                false
            }
            None => true,
        };
        schema.tables.retain(|name, _| take(name));
        schema.views.retain(|name, _| take(name));
        schema.enums.retain(|name, _| take(name));
        schema.sequences.retain(|name, _| take(name));
        if removed.is_empty() {
            return removed;
        }
        let gone = |name: &QualName| removed.iter().any(|l| l.name == *name);
        // What hangs off a removed table or view goes with it.
        schema.indexes.retain(|_, i| !gone(&i.table));
        schema
            .objects
            .retain(|_, o| !o.table.as_ref().is_some_and(&gone));
        schema.grants.retain(|g, _| !gone(&g.object));
        schema
            .sequences
            .retain(|_, s| !s.owned_by.as_ref().is_some_and(|(t, _)| gone(t)));
        removed
    }
}

/// A glob on `name` or on `schema.name`.
struct Pattern {
    schema: Option<Str>,
    name: Str,
}

impl Pattern {
    fn new(text: &str, dialect: &dyn Dialect) -> Self {
        let fold = |s: &str| dialect.fold_ident(s.trim());
        match text.split_once('.') {
            Some((schema, name)) => Self {
                schema: Some(fold(schema)),
                name: fold(name),
            },
            None => Self {
                schema: None,
                name: fold(text),
            },
        }
    }

    fn matches(&self, q: &QualName) -> bool {
        self.schema.as_ref().is_none_or(|s| glob(s, &q.schema)) && glob(&self.name, &q.name)
    }
}

/// `*` and `?` glob match (iterative, linear in practice: one backtrack point).
fn glob(pattern: &str, text: &str) -> bool {
    // A plain name (the Alembic version table, matched against every table of a dump): no
    // character lists to build.
    if !pattern.contains(['*', '?']) {
        return pattern == text;
    }
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn globs() {
        assert!(glob("alembic_version", "alembic_version"));
        assert!(!glob("alembic_version", "alembic_versions"));
        assert!(glob("audit_*", "audit_"));
        assert!(glob("audit_*", "audit_log"));
        assert!(glob("*_tmp", "x_tmp"));
        assert!(glob("a*b*c", "aXbYbZc"));
        assert!(!glob("a*b*c", "aXbYbZ"));
        assert!(glob("t?", "t1"));
        assert!(!glob("t?", "t"));
        assert!(glob("*", ""));
    }
}
