//! What must be dropped and recreated around a change it depends on: routines whose
//! signature changes or that use a recreated enum, checks and indexes comparing a column
//! converted to a recreated enum.

use super::Planner;
use crate::model::*;

impl Planner<'_> {
    /// Whether a changed function or procedure is dropped and created again, not replaced in
    /// place (see [`Dialect::replaces_in_place`]).
    pub(super) fn routine_dropped(&self, from: &Object, to: &Object) -> bool {
        matches!(from.id.kind, ObjectKind::Function | ObjectKind::Procedure)
            && (from != to && !self.dialect.replaces_in_place(from, to)
                || self.uses_recreated_enum(from))
    }

    /// Whether a function or procedure takes or returns an enum type that is recreated: it
    /// would keep the old type (renamed away), so it is dropped before and created after.
    pub(super) fn uses_recreated_enum(&self, routine: &Object) -> bool {
        matches!(
            routine.id.kind,
            ObjectKind::Function | ObjectKind::Procedure
        ) && self
            .recreated_enums
            .iter()
            .any(|e| mentions_identifier(&routine.create.key, &e.name))
    }

    /// Whether a check of kept table `table` reads a column converted to a recreated enum.
    pub(super) fn compares_enum_column(&self, table: &QualName, con: &Constraint) -> bool {
        match &con.kind {
            ConstraintKind::Check { expr, .. } => self.mentions_enum_column(table, &expr.key),
            _ => false,
        }
    }

    /// Whether an index's predicate or expression keys read a column converted to a
    /// recreated enum (plain column keys are rebuilt by the conversion itself).
    pub(super) fn index_compares_enum_column(&self, i: &Index) -> bool {
        let predicate = i.predicate.iter().map(|p| p.key.as_str());
        let expressions = (i.keys.iter()).map(|k| k.expr.key.as_str()).filter(|k| {
            !k.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        });
        predicate
            .chain(expressions)
            .any(|key| self.mentions_enum_column(&i.table, key))
    }

    pub(super) fn mentions_enum_column(&self, table: &QualName, key: &str) -> bool {
        (self.enum_columns.iter()).any(|(t, c)| t == table && mentions_identifier(key, c))
    }
}

/// The bare name of a routine from its signature (`public.total(numeric)` -> `total`).
pub(super) fn routine_name(signature: &str) -> &str {
    let head = signature.split('(').next().unwrap_or(signature);
    head.rsplit('.').next().unwrap_or(head).trim_matches('"')
}

/// Whether canonical expression text `key` names identifier `name` (as a whole word, bare or
/// double-quoted), outside string literals.
pub(super) fn mentions_identifier(key: &str, name: &str) -> bool {
    let quoted = format!("\"{}\"", name.replace('"', "\"\""));
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut in_string = false;
    let mut prev: Option<char> = None;
    for (i, c) in key.char_indices() {
        if c == '\'' {
            in_string = !in_string;
        }
        if in_string {
            prev = Some(c);
            continue;
        }
        let rest = &key[i..];
        if rest.starts_with(quoted.as_str()) {
            return true;
        }
        if !prev.is_some_and(word) && rest.starts_with(name) {
            let after = rest[name.len()..].chars().next();
            if !after.is_some_and(word) {
                return true;
            }
        }
        prev = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::mentions_identifier;

    #[test]
    fn identifiers_are_found_as_whole_words_outside_strings() {
        assert!(mentions_identifier("(mood = 'happy')", "mood"));
        assert!(mentions_identifier("(p.mood)::text", "mood"));
        assert!(!mentions_identifier("(moody = 'x')", "mood"));
        assert!(!mentions_identifier("(x = 'mood')", "mood"));
        assert!(!mentions_identifier("(old_mood = 1)", "mood"));
        assert!(mentions_identifier("(\"Mood\" = 'a')", "Mood"));
    }
}
