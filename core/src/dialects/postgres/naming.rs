//! PostgreSQL's names for what the DDL leaves unnamed: ChooseRelationName /
//! ChooseConstraintName (`name1_name2_label`, shortened to 63 bytes, a number appended to the
//! label until the name is free among the schema's relations and constraints).

use crate::dialects::grammar::{numbered_name, NameKind, Namer};
use crate::model::{QualName, Str};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Longest identifier, in bytes (NAMEDATALEN - 1).
pub(super) const MAX_IDENT: usize = 63;

/// Names taken per schema: relations (tables, indexes, sequences, views) and constraints.
#[derive(Default)]
pub(super) struct PgNamer {
    relations: HashMap<Str, HashSet<Str>>,
    constraints: HashMap<Str, HashSet<Str>>,
}

impl Namer for PgNamer {
    fn take(&mut self, table: &QualName, name: &str, kind: NameKind) {
        let schema = &table.schema;
        if kind != NameKind::Constraint {
            self.relations
                .entry(schema.clone())
                .or_default()
                .insert(Str::from(name));
        }
        if kind != NameKind::Relation {
            self.constraints
                .entry(schema.clone())
                .or_default()
                .insert(Str::from(name));
        }
    }

    fn release(&mut self, table: &QualName, name: &str, kind: NameKind) {
        let schema = &table.schema;
        if kind != NameKind::Constraint {
            if let Some(set) = self.relations.get_mut(schema) {
                set.remove(name);
            }
        }
        if kind != NameKind::Relation {
            if let Some(set) = self.constraints.get_mut(schema) {
                set.remove(name);
            }
        }
    }

    fn choose(
        &mut self,
        table: &QualName,
        name1: &str,
        name2: &str,
        label: &str,
        kind: NameKind,
    ) -> String {
        let in_schema = |set: &HashMap<Str, HashSet<Str>>, n: &str| {
            set.get(&table.schema).is_some_and(|s| s.contains(n))
        };
        numbered_name(
            label,
            |l| object_name(name1, name2, l),
            |n| {
                in_schema(&self.relations, n)
                    || (kind != NameKind::Relation && in_schema(&self.constraints, n))
            },
        )
    }
}

/// makeObjectName: `name1_name2_label`, the longer of name1/name2 shortened until it fits.
pub(super) fn object_name(name1: &str, name2: &str, label: &str) -> String {
    let overhead = label.len() + 1 + usize::from(!name2.is_empty());
    let avail = MAX_IDENT - overhead;
    let (mut n1, mut n2) = (name1.len(), name2.len());
    while n1 + n2 > avail {
        if n1 > n2 {
            n1 -= 1;
        } else {
            n2 -= 1;
        }
    }
    let mut out = clip(name1, n1).to_string();
    if !name2.is_empty() {
        out.push('_');
        out.push_str(clip(name2, n2));
    }
    out.push('_');
    out.push_str(label);
    out
}

/// Clip `s` to at most `n` bytes at a character boundary.
fn clip(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_names_are_shortened_like_postgres() {
        assert_eq!(object_name("task", "user_id", "fkey"), "task_user_id_fkey");
        assert_eq!(object_name("t", "", "pkey"), "t_pkey");
        let long = "a".repeat(70);
        let n = object_name(&long, "col", "key");
        assert_eq!(n.len(), 63);
        assert!(n.ends_with("_col_key"));
    }

    #[test]
    fn a_taken_name_gets_a_number() {
        let mut n = PgNamer::default();
        let t = QualName::new("public", "t");
        n.take(&t, "t_a_key", NameKind::Relation);
        assert_eq!(
            n.choose(&t, "t", "a", "key", NameKind::IndexConstraint),
            "t_a_key1"
        );
        n.take(&t, "t_check", NameKind::Constraint);
        // Indexes only avoid relation names.
        assert_eq!(
            n.choose(&t, "t", "", "check", NameKind::Relation),
            "t_check"
        );
    }
}
