//! Schema A + schema B -> the ordered list of [`Change`]s that turns A into B.
//!
//! The plan is built in phases so that every change finds what it needs (Atlas-style):
//! types and sequences before the tables that use them, dependants (views, triggers, foreign
//! keys) dropped before what they depend on and recreated after it, tables created in foreign
//! key order with cycles deferred to `ALTER TABLE .. ADD CONSTRAINT`.
//!
//! The plan does not depend on the order of the input's statements: objects are visited by
//! name (tables and views in dependency order, ties by name), and within one table the changes
//! go by kind, then name, as Alembic's autogenerate orders them. Only orders that mean
//! something are kept: columns, enum values, and the definition order of domains, composite
//! types and routines (a definition may use an earlier one).

pub mod assess;
mod dependants;
pub mod filter;
mod objects;
mod order;
pub mod rename;
pub mod safety;

use crate::change::{Change, ColumnChanges, CommentTarget};

use crate::dialects::{canonical_ident, Dialect};
use crate::model::*;
use dependants::{mentions_identifier, routine_name};
use indexmap::IndexSet;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The entries of a map by key, whatever order the input statements gave them.
fn by_key<K: Ord, V>(map: &Map<K, V>) -> Vec<(&K, &V)> {
    sorted_by_key(map.iter())
}

/// Some of a map's entries (filtered first: sorting only those is less work), by key.
fn sorted_by_key<'m, K: Ord + 'm, V: 'm>(
    entries: impl Iterator<Item = (&'m K, &'m V)>,
) -> Vec<(&'m K, &'m V)> {
    let mut v: Vec<(&K, &V)> = entries.collect();
    // A map's keys are distinct: an unstable sort gives the one order, with less work.
    v.sort_unstable_by(|x, y| x.0.cmp(y.0));
    v
}

/// Constraints of a table by kind (keys, checks, foreign keys), then name.
fn by_kind<'t>(constraints: impl IntoIterator<Item = &'t Constraint>) -> Vec<&'t Constraint> {
    let mut v: Vec<&Constraint> = constraints.into_iter().collect();
    v.sort_by_key(|c| (constraint_rank(&c.kind), c.name.as_str()));
    v
}

fn constraint_rank(k: &ConstraintKind) -> u8 {
    match k {
        ConstraintKind::PrimaryKey { .. } => 0,
        ConstraintKind::Unique { .. } => 1,
        ConstraintKind::Exclude { .. } => 2,
        ConstraintKind::Check { .. } => 3,
        ConstraintKind::ForeignKey { .. } => 4,
    }
}

/// A table as a plan creates it: its constraints by kind, then name (those added by
/// `ALTER TABLE` statements come in any order).
fn canonical_table(t: &Table) -> Table {
    let mut t = t.clone();
    t.constraints.sort_by(|_, x, _, y| {
        (constraint_rank(&x.kind), &x.name).cmp(&(constraint_rank(&y.kind), &y.name))
    });
    t
}

/// Compute the changes that turn `a` into `b`.
pub fn diff(a: &Schema, b: &Schema, dialect: &dyn Dialect) -> Vec<Change> {
    Planner::new(a, b, dialect).plan()
}

/// Phases of a plan, in execution order.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
enum Phase {
    Namespaces,
    Types,
    DropForeignKeys,
    DropDependants,
    DropTables,
    DropKeys,
    /// Columns that stop using an enum type that is recreated: dropped or converted before the
    /// old type is dropped.
    LeaveTypes,
    RecreateTypes,
    CreateTables,
    AlterTables,
    AddKeys,
    AddForeignKeys,
    CreateDependants,
    DropLate,
    /// Enum types go after the domains, composite types and functions that use them.
    DropEnums,
    DropNamespaces,
}

struct Planner<'a> {
    a: &'a Schema,
    b: &'a Schema,
    dialect: &'a dyn Dialect,
    out: Vec<(Phase, Change)>,
    /// Tables whose columns are dropped or change type: views reading them must be rebuilt.
    reshaped: HashSet<QualName>,
    /// Columns (table, column) that are dropped or change type.
    changed_columns: HashSet<(QualName, Str)>,
    /// The tables of `changed_columns`.
    changed_tables: HashSet<QualName>,
    /// Foreign keys of kept tables that must be dropped and re-added.
    fk_rebuild: HashSet<(QualName, Str)>,
    /// Views on both sides that are dropped and recreated.
    rebuild_views: IndexSet<QualName>,
    /// Kept tables the dialect must rebuild (see [`Change::RebuildTable`]).
    rebuilt: HashSet<QualName>,
    /// Changes of kept tables, planned before views so that rebuilds are known.
    kept: Vec<(Phase, Change)>,
    /// Enum types recreated (values removed or reordered).
    recreated_enums: HashSet<QualName>,
    /// Columns of kept tables converted to a recreated enum type: expressions comparing them
    /// with the old type's values (checks, index predicates and expressions) cannot survive
    /// the conversion, so they are dropped before it and recreated after.
    enum_columns: HashSet<(QualName, Str)>,
    /// The desired side's new sequences by the column that owns them (table, column): a new
    /// column looks its sequences up here instead of scanning every sequence.
    new_owned: HashMap<(&'a QualName, &'a str), Vec<&'a Sequence>>,
    /// Keys and indexes a kept foreign key uses that are dropped after the key or index that
    /// takes over is added ([`Dialect::foreign_keys_need_an_index`]).
    late_drops: Vec<(Change, Vec<Str>)>,
}

impl<'a> Planner<'a> {
    fn new(a: &'a Schema, b: &'a Schema, dialect: &'a dyn Dialect) -> Self {
        let mut new_owned: HashMap<(&QualName, &str), Vec<&Sequence>> = HashMap::default();
        for s in b.sequences.values() {
            match &s.owned_by {
                Some((t, c)) if !a.sequences.contains_key(&s.name) => {
                    new_owned.entry((t, c.as_str())).or_default().push(s)
                }
                _ => {}
            }
        }
        Self {
            a,
            b,
            dialect,
            out: Vec::new(),
            reshaped: HashSet::default(),
            changed_columns: HashSet::default(),
            changed_tables: HashSet::default(),
            fk_rebuild: HashSet::default(),
            rebuild_views: IndexSet::new(),
            rebuilt: HashSet::default(),
            kept: Vec::new(),
            recreated_enums: HashSet::default(),
            enum_columns: HashSet::default(),
            new_owned,
            late_drops: Vec::new(),
        }
    }

    fn push(&mut self, phase: Phase, change: Change) {
        self.out.push((phase, change));
    }

    /// `COMMENT ON` for a target, after the object exists.
    fn comment(&mut self, target: CommentTarget, comment: Option<String>) {
        self.push(
            Phase::CreateDependants,
            Change::SetComment { target, comment },
        );
    }

    /// Foreign keys go first: keys and indexes they rely on are dropped after them.
    fn drop_constraint(&mut self, table: QualName, constraint: Constraint) {
        let phase = if constraint.is_foreign_key() {
            Phase::DropForeignKeys
        } else {
            Phase::DropKeys
        };
        let key_columns = match &constraint.kind {
            ConstraintKind::PrimaryKey { columns, .. } | ConstraintKind::Unique { columns, .. } => {
                Some(columns.clone())
            }
            _ => None,
        };
        if let Some(columns) = key_columns {
            if let Some(fk) =
                self.kept_foreign_key_needs(&table, &columns, Some(&constraint.name), None)
            {
                self.late_drops
                    .push((Change::DropConstraint { table, constraint }, fk));
                return;
            }
        }
        self.push(phase, Change::DropConstraint { table, constraint });
    }

    /// The columns of the kept foreign key for which a key or index on `columns` of kept
    /// table `table` that is dropped (constraint `constraint` or index `index`) is the last
    /// one it can use, where the dialect needs one at all times: it then goes after what takes
    /// over.
    fn kept_foreign_key_needs(
        &self,
        table: &QualName,
        columns: &[Str],
        constraint: Option<&str>,
        index: Option<&QualName>,
    ) -> Option<Vec<Str>> {
        if !self.dialect.foreign_keys_need_an_index() {
            return None;
        }
        let (Some(at), Some(bt)) = (self.a.tables.get(table), self.b.tables.get(table)) else {
            return None;
        };
        let covers =
            |cols: &[Str], fk: &[Str]| cols.len() >= fk.len() && cols[..fk.len()] == fk[..];
        at.constraints.values().find_map(|fk| {
            let ConstraintKind::ForeignKey {
                columns: fk_cols, ..
            } = &fk.kind
            else {
                return None;
            };
            let kept = bt
                .constraints
                .get(&fk.name)
                .is_some_and(|b| b.same_definition(fk))
                && !self.rebuilds_fk(table, &fk.name);
            if !kept || !covers(columns, fk_cols) {
                return None;
            }
            // Another key or index that stays covers it: nothing to wait for.
            let key_stays = at.constraints.values().any(|k| {
                Some(k.name.as_str()) != constraint
                    && bt
                        .constraints
                        .get(&k.name)
                        .is_some_and(|b| b.same_definition(k))
                    && match &k.kind {
                        ConstraintKind::PrimaryKey { columns, .. }
                        | ConstraintKind::Unique { columns, .. } => covers(columns, fk_cols),
                        _ => false,
                    }
            });
            let index_stays = self.a.indexes.values().any(|i| {
                i.table == *table
                    && Some(&i.name) != index
                    && self
                        .b
                        .indexes
                        .get(&i.name)
                        .is_some_and(|b| b.same_definition(i))
                    && index_columns(i, self.dialect).is_some_and(|cols| covers(&cols, fk_cols))
            });
            (!key_stays && !index_stays).then(|| fk_cols.clone())
        })
    }

    fn plan(mut self) -> Vec<Change> {
        self.namespaces_and_extensions();
        self.enums();
        self.sequences();
        self.note_column_changes();
        self.plan_kept_tables();
        self.order_inherited_columns();
        self.rebuild_views = self.views_to_rebuild();
        self.tables();
        self.views();
        self.indexes();
        self.objects();
        self.grants();
        // A stable sort keeps the order within each phase.
        self.out.sort_by_key(|(p, _)| *p);
        self.place_late_drops();
        let changes = self.out.into_iter().map(|(_, c)| c).collect();
        order::enum_values(changes, self.dialect)
    }

    /// Each late drop right before the key or index of the same table and name that replaces
    /// it, else right after the first that covers the foreign key, so that a
    /// dialect that merges statements makes them one: the server may drop an index it made
    /// for a foreign key by itself once another covers the key (MySQL). Else after every key
    /// and index added.
    fn place_late_drops(&mut self) {
        for (drop, fk) in std::mem::take(&mut self.late_drops) {
            let (table, name) = match &drop {
                Change::DropConstraint { table, constraint } => (table.clone(), &constraint.name),
                Change::DropIndex { index } => (index.table.clone(), &index.name.name),
                _ => continue,
            };
            let covers = |cols: &[Str]| cols.len() >= fk.len() && cols[..fk.len()] == fk[..];
            let added = |c: &Change| -> Option<(Str, bool)> {
                match c {
                    Change::AddConstraint {
                        table: t,
                        constraint,
                    } if *t == table => match &constraint.kind {
                        ConstraintKind::PrimaryKey { columns, .. }
                        | ConstraintKind::Unique { columns, .. } => {
                            Some((constraint.name.clone(), covers(columns)))
                        }
                        _ => None,
                    },
                    Change::CreateIndex { index } if index.table == table => Some((
                        index.name.name.clone(),
                        index_columns(index, self.dialect).is_some_and(|c| covers(&c)),
                    )),
                    _ => None,
                }
            };
            let in_add_keys = |(p, _): &(Phase, Change)| *p == Phase::AddKeys;
            let find = |same_name: bool| {
                self.out.iter().position(|pc| {
                    in_add_keys(pc)
                        && added(&pc.1).is_some_and(
                            |(n, cover)| {
                                if same_name {
                                    n == *name
                                } else {
                                    cover
                                }
                            },
                        )
                })
            };
            // Before an add of the same name (the name is free again only once the old one is
            // dropped: `DROP INDEX k, ADD UNIQUE KEY k (..)`), after one that only covers.
            let at = find(true)
                .or_else(|| find(false).map(|i| i + 1))
                .unwrap_or_else(|| {
                    self.out
                        .iter()
                        .position(|(p, _)| *p > Phase::AddKeys)
                        .unwrap_or(self.out.len())
                });
            self.out.insert(at, (Phase::AddKeys, drop));
        }
    }

    fn namespaces_and_extensions(&mut self) {
        let default = self.dialect.default_schema();
        for (name, ns) in by_key(&self.b.namespaces) {
            if name != default && !self.a.namespaces.contains_key(name) {
                self.push(
                    Phase::Namespaces,
                    Change::CreateSchema { name: name.clone() },
                );
            }
            let before = self.a.namespaces.get(name).and_then(|n| n.comment.clone());
            if ns.comment != before {
                let target = CommentTarget::Schema { name: name.clone() };
                self.comment(target, ns.comment.clone());
            }
        }
        for (name, _) in by_key(&self.a.namespaces) {
            if name != default && !self.b.namespaces.contains_key(name) {
                self.push(
                    Phase::DropNamespaces,
                    Change::DropSchema { name: name.clone() },
                );
            }
        }
        for (name, ext) in by_key(&self.b.extensions) {
            if !self.a.extensions.contains_key(name) {
                self.push(
                    Phase::Namespaces,
                    Change::CreateExtension {
                        extension: ext.clone(),
                    },
                );
            }
        }
        for (name, ext) in by_key(&self.a.extensions) {
            if !self.b.extensions.contains_key(name) {
                self.push(
                    Phase::DropNamespaces,
                    Change::DropExtension {
                        extension: ext.clone(),
                    },
                );
            }
        }
    }

    fn enums(&mut self) {
        for (name, e) in by_key(&self.b.enums) {
            match self.a.enums.get(name) {
                None => self.push(
                    Phase::Types,
                    Change::CreateEnum {
                        enum_type: e.clone(),
                    },
                ),
                Some(old) if old.values != e.values => {
                    if is_subsequence(&old.values, &e.values) {
                        for (i, v) in e.values.iter().enumerate() {
                            if old.values.contains(v) {
                                continue;
                            }
                            // Anchor on the next old value, else on the previous one.
                            let before = e.values[i + 1..]
                                .iter()
                                .find(|x| old.values.contains(x))
                                .cloned();
                            let after = if before.is_none() {
                                e.values[..i].last().cloned()
                            } else {
                                None
                            };
                            self.push(
                                Phase::Types,
                                Change::AddEnumValue {
                                    name: name.clone(),
                                    value: v.clone(),
                                    before,
                                    after,
                                },
                            );
                        }
                    } else {
                        let columns = self.columns_of_type(name);
                        self.recreated_enums.insert(name.clone());
                        self.enum_columns
                            .extend(columns.iter().map(|(t, c)| (t.clone(), c.name.clone())));
                        self.push(
                            Phase::RecreateTypes,
                            Change::RecreateEnum {
                                from: old.clone(),
                                to: e.clone(),
                                columns,
                            },
                        );
                    }
                }
                Some(_) => {}
            }
            let before = self.a.enums.get(name).and_then(|x| x.comment.clone());
            if e.comment != before {
                let target = CommentTarget::Type { name: name.clone() };
                self.comment(target, e.comment.clone());
            }
        }
        for (name, e) in by_key(&self.a.enums) {
            if !self.b.enums.contains_key(name) {
                self.push(
                    Phase::DropEnums,
                    Change::DropEnum {
                        enum_type: e.clone(),
                    },
                );
            }
        }
    }

    /// Columns of tables present on both sides whose type (in both) is the enum `name`.
    fn columns_of_type(&self, name: &QualName) -> Vec<(QualName, Column)> {
        let mut out = Vec::new();
        for (tn, t) in by_key(&self.b.tables) {
            let Some(old) = self.a.tables.get(tn) else {
                continue;
            };
            for (cn, col) in &t.columns {
                let uses = |c: &Column| c.ty.user.as_deref() == Some(name);
                if uses(col) && old.columns.get(cn).is_some_and(uses) {
                    out.push((tn.clone(), col.clone()));
                }
            }
        }
        out
    }

    fn sequences(&mut self) {
        // Only the sequences something happens to are sorted (a dump has thousands).
        let (a, b) = (self.a, self.b);
        let touched = sorted_by_key(b.sequences.iter().filter(|(name, s)| {
            a.sequences
                .get(*name)
                .is_none_or(|old| !old.same_but_comment(s) || old.comment != s.comment)
        }));
        for (name, s) in touched {
            match a.sequences.get(name) {
                None if self.is_folded_serial(s) => {}
                None => {
                    let mut created = s.clone();
                    created.owned_by = None;
                    // After the identity that had its name is dropped.
                    let phase = if Self::swaps_identity(s, self.b, self.a) {
                        Phase::DropKeys
                    } else {
                        Phase::Types
                    };
                    self.push(phase, Change::CreateSequence { sequence: created });
                    if s.owned_by.is_some() {
                        self.push(
                            Phase::AddKeys,
                            Change::AlterSequence {
                                from: Box::new(Sequence {
                                    owned_by: None,
                                    ..s.clone()
                                }),
                                to: Box::new(s.clone()),
                            },
                        );
                    }
                    if s.comment.is_some() {
                        let target = CommentTarget::Sequence { name: name.clone() };
                        self.comment(target, s.comment.clone());
                    }
                }
                Some(old) => {
                    if !old.same_but_comment(s) {
                        let mut a = old.clone();
                        let mut b = s.clone();
                        a.comment = None;
                        b.comment = None;
                        self.push(
                            Phase::AddKeys,
                            Change::AlterSequence {
                                from: Box::new(a),
                                to: Box::new(b),
                            },
                        );
                    }
                    if old.comment != s.comment {
                        let target = CommentTarget::Sequence { name: name.clone() };
                        self.comment(target, s.comment.clone());
                    }
                }
            }
        }
        let dropped = sorted_by_key(
            (a.sequences.iter()).filter(|(name, _)| !b.sequences.contains_key(*name)),
        );
        for (_, s) in dropped {
            // Dropping a table or column drops the sequences it owns.
            let goes_with_owner = s.owned_by.as_ref().is_some_and(|(t, c)| {
                self.b
                    .tables
                    .get(t)
                    .is_none_or(|bt| !bt.columns.contains_key(c))
            });
            // Dropped with its column's default (see `serial_identity_swap`).
            let swapped = Self::swaps_identity(s, self.a, self.b);
            if !goes_with_owner && !swapped {
                self.push(
                    Phase::DropLate,
                    Change::DropSequence {
                        sequence: s.clone(),
                    },
                );
            }
        }
    }

    /// A new sequence that a new `serial` column stands for: created by the column itself.
    fn is_folded_serial(&self, s: &Sequence) -> bool {
        let Some((t, c)) = &s.owned_by else {
            return false;
        };
        let Some(col) = column_of(self.b, t, c) else {
            return false;
        };
        let new_column = self
            .a
            .tables
            .get(t)
            .is_none_or(|at| !at.columns.contains_key(c));
        new_column && self.dialect.serial_of(col, s, t).is_some()
    }

    /// Record columns that are dropped or change type (views and foreign keys on them must be
    /// rebuilt).
    fn note_column_changes(&mut self) {
        for (tn, at) in &self.a.tables {
            match self.b.tables.get(tn) {
                None => {
                    self.reshaped.insert(tn.clone());
                }
                Some(bt) => {
                    for (cn, ac) in &at.columns {
                        let changed = match bt.columns.get(cn) {
                            None => true,
                            Some(bc) => ac.ty != bc.ty || ac.collation != bc.collation,
                        };
                        if changed {
                            self.reshaped.insert(tn.clone());
                            self.changed_columns.insert((tn.clone(), cn.clone()));
                            self.changed_tables.insert(tn.clone());
                        }
                        // Views reading a column converted to a recreated enum are rebuilt.
                        if !self.enum_columns.is_empty()
                            && self.enum_columns.contains(&(tn.clone(), cn.clone()))
                        {
                            self.reshaped.insert(tn.clone());
                        }
                    }
                }
            }
        }
        // Unique indexes that are dropped or recreated, by table: key column counts.
        let mut rebuilt_unique_indexes: HashMap<&QualName, Vec<usize>> = HashMap::default();
        for i in self.a.indexes.values().filter(|i| i.unique) {
            if self
                .b
                .indexes
                .get(&i.name)
                .is_none_or(|bi| !bi.same_definition(i))
            {
                rebuilt_unique_indexes
                    .entry(&i.table)
                    .or_default()
                    .push(i.keys.len());
            }
        }
        // Foreign keys that point at dropped tables, changed columns or rebuilt keys.
        for (tn, at) in &self.a.tables {
            let Some(bt) = self.b.tables.get(tn) else {
                continue;
            };
            for (cn, con) in &at.constraints {
                let ConstraintKind::ForeignKey {
                    columns,
                    ref_table,
                    ref_columns,
                    ..
                } = &con.kind
                else {
                    continue;
                };
                // (A foreign key to a table neither side has is left as it is.)
                let target_gone =
                    self.a.tables.contains_key(ref_table) && !self.b.tables.contains_key(ref_table);
                // (The keys are cloned to look them up: not when there is nothing to find.)
                let changed = |t: &QualName, c: &Str| {
                    !self.changed_columns.is_empty()
                        && self.changed_columns.contains(&(t.clone(), c.clone()))
                };
                let cols_changed = columns.iter().any(|c| changed(tn, c))
                    || ref_columns.iter().any(|c| changed(ref_table, c));
                let key_rebuilt =
                    self.referenced_key_rebuilt(ref_table, ref_columns, &rebuilt_unique_indexes);
                let same = bt
                    .constraints
                    .get(cn)
                    .is_some_and(|bc| bc.same_definition(con));
                let inline = self.dialect.foreign_keys_inline();
                if same && !inline && (target_gone || cols_changed || key_rebuilt) {
                    self.fk_rebuild.insert((tn.clone(), cn.clone()));
                }
            }
        }
    }

    /// Whether the unique key or index that foreign keys to `cols` of `table` rely on is
    /// dropped or recreated.
    fn referenced_key_rebuilt(
        &self,
        table: &QualName,
        cols: &[Str],
        rebuilt_unique_indexes: &HashMap<&QualName, Vec<usize>>,
    ) -> bool {
        let (Some(at), Some(bt)) = (self.a.tables.get(table), self.b.tables.get(table)) else {
            // Created or dropped: rebuilt; on neither side: nothing to rebuild.
            return self.a.tables.contains_key(table) || self.b.tables.contains_key(table);
        };
        let key_cols = |k: &ConstraintKind| match k {
            ConstraintKind::PrimaryKey { columns, .. } | ConstraintKind::Unique { columns, .. } => {
                Some(columns.clone())
            }
            _ => None,
        };
        let mut sorted = cols.to_vec();
        sorted.sort();
        at.constraints.iter().any(|(n, c)| {
            key_cols(&c.kind).is_some_and(|mut k| {
                k.sort();
                k == sorted
                    && bt
                        .constraints
                        .get(n)
                        .is_none_or(|bc| !bc.same_definition(c))
            })
        }) || rebuilt_unique_indexes
            .get(table)
            .is_some_and(|counts| counts.contains(&cols.len()))
    }

    fn tables(&mut self) {
        // Drops first: foreign keys of kept tables, then tables in reverse dependency order.
        // (Filtered, then sorted: most tables are kept.)
        let only_in = |x: &'a Schema, y: &Schema| {
            let only = (x.tables.iter()).filter(|(name, _)| !y.tables.contains_key(*name));
            (sorted_by_key(only).into_iter())
                .map(|(_, t)| t)
                .collect::<Vec<&Table>>()
        };
        let dropped = only_in(self.a, self.b);
        let created = only_in(self.b, self.a);
        let (drop_order, mut drop_cycle_fks) = order::tables(&dropped, &self.a.tables);
        let inline = self.dialect.foreign_keys_inline();
        if inline {
            // Foreign keys go with their table.
            drop_cycle_fks.clear();
        }
        for (t, fk) in drop_cycle_fks {
            let con = self.a.tables[&t].constraints[&fk].clone();
            self.drop_constraint(t, con);
        }
        for t in drop_order.into_iter().rev() {
            self.push(
                Phase::DropTables,
                Change::DropTable {
                    table: Box::new(canonical_table(&self.a.tables[&t])),
                },
            );
        }
        // Creates in dependency order; foreign keys to tables not yet created are deferred.
        let (create_order, _) = order::tables(&created, &self.b.tables);
        // Tables created before, and kept tables whose columns and keys stay as they are, can
        // be referenced right away; foreign keys to others wait until those tables are altered.
        let mut created_before: HashSet<QualName> = HashSet::default();
        for name in create_order {
            let mut table = canonical_table(&self.b.tables[&name]);
            let mut deferred = Vec::new();
            table.constraints.retain(|_, c| match &c.kind {
                ConstraintKind::ForeignKey { ref_table, .. }
                    if !inline
                        && *ref_table != name
                        && !created_before.contains(ref_table)
                        && !self.kept_with_stable_keys(ref_table) =>
                {
                    deferred.push(c.clone());
                    false
                }
                _ => true,
            });
            let serials = self.serial_columns(&table, None);
            self.push(
                Phase::CreateTables,
                Change::CreateTable {
                    table: Box::new(table.clone()),
                    serials,
                },
            );
            for con in deferred {
                self.push(
                    Phase::AddForeignKeys,
                    Change::AddConstraint {
                        table: name.clone(),
                        constraint: con,
                    },
                );
            }
            self.table_comments(None, &table);
            created_before.insert(name);
        }
        let kept = std::mem::take(&mut self.kept);
        self.out.extend(kept);
    }

    /// Whether the foreign key `fk` of `table` is dropped and added again (its key is
    /// cloned to look it up: not when there is nothing to find, most plans).
    fn rebuilds_fk(&self, table: &QualName, fk: &Str) -> bool {
        !self.fk_rebuild.is_empty() && self.fk_rebuild.contains(&(table.clone(), fk.clone()))
    }

    /// The changes of every kept table; a table with a change the dialect cannot make in place
    /// becomes one [`Change::RebuildTable`], and views reading it are rebuilt too.
    fn plan_kept_tables(&mut self) {
        let (a, b) = (self.a, self.b);
        for (name, bt) in by_key(&b.tables) {
            let Some(at) = a.tables.get(name) else {
                continue;
            };
            let start = self.out.len();
            self.alter_table(at, bt);
            let list: Vec<(Phase, Change)> = self.out.drain(start..).collect();
            if list
                .iter()
                .all(|(_, c)| self.dialect.alter_in_place(c, at, bt))
            {
                self.kept.extend(list);
                continue;
            }
            self.rebuilt.insert(name.clone());
            self.reshaped.insert(name.clone());
            self.kept.push((
                Phase::AlterTables,
                Change::RebuildTable {
                    from: Box::new(canonical_table(at)),
                    to: Box::new(canonical_table(bt)),
                    changes: list.into_iter().map(|(_, c)| c).collect(),
                },
            ));
        }
    }

    /// Columns added to or dropped from tables in an inheritance tree: a child that declares a
    /// column of its own gets it before the parent does (PostgreSQL merges the parent's into
    /// it; the other way round the child's `ADD` fails), and loses it after the parent did
    /// (an inherited column cannot be dropped from a child). Only those changes move, among
    /// their own positions.
    fn order_inherited_columns(&mut self) {
        fn depth(t: &QualName, tables: &Map<QualName, Table>) -> usize {
            let mut d = 0;
            let mut at = t;
            while let Some(parent) = tables.get(at).and_then(|t| t.inherits.first()) {
                d += 1;
                if d > tables.len() {
                    break;
                }
                at = parent;
            }
            d
        }
        let (a, b) = (self.a, self.b);
        let parents = |s: &'a Schema| -> HashSet<&'a QualName> {
            s.tables.values().flat_map(|x| &x.inherits).collect()
        };
        let (parents_a, parents_b) = (parents(a), parents(b));
        let in_tree = |t: &QualName, s: &Schema, parents: &HashSet<&QualName>| {
            s.tables.get(t).is_some_and(|x| !x.inherits.is_empty()) || parents.contains(t)
        };
        for adding in [true, false] {
            let picked: Vec<usize> = (self.kept.iter().enumerate())
                .filter(|(_, (_, c))| match c {
                    Change::AddColumn { table, .. } => adding && in_tree(table, b, &parents_b),
                    Change::DropColumn { table, .. } => !adding && in_tree(table, a, &parents_a),
                    _ => false,
                })
                .map(|(i, _)| i)
                .collect();
            let mut moved: Vec<(Phase, Change)> =
                picked.iter().map(|&i| self.kept[i].clone()).collect();
            moved.sort_by_key(|(_, c)| {
                let t = c.table().expect("a column change has a table");
                if adding {
                    usize::MAX - depth(t, &b.tables)
                } else {
                    depth(t, &a.tables)
                }
            });
            for (i, change) in picked.into_iter().zip(moved) {
                self.kept[i] = change;
            }
        }
    }

    /// Whether both sides have table `name` and its columns and keys stay as they are
    /// ([`Planner::keys_stable`]).
    fn kept_with_stable_keys(&self, name: &QualName) -> bool {
        match (self.a.tables.get(name), self.b.tables.get(name)) {
            (Some(at), Some(bt)) => self.keys_stable(at, bt),
            _ => false,
        }
    }

    /// Whether a kept table has the same columns (none retyped) and the same keys on both sides.
    fn keys_stable(&self, a: &Table, b: &Table) -> bool {
        // In name order: the order the input declares them in (MySQL's `CREATE UNIQUE INDEX`
        // statements are keys) does not matter.
        fn keys(t: &Table) -> Vec<(&Str, &ConstraintKind)> {
            let mut k: Vec<(&Str, &ConstraintKind)> = (t.constraints.values())
                .filter(|c| {
                    matches!(
                        c.kind,
                        ConstraintKind::PrimaryKey { .. } | ConstraintKind::Unique { .. }
                    )
                })
                .map(|c| (&c.name, &c.kind))
                .collect();
            k.sort_by(|x, y| x.0.cmp(y.0));
            k
        }
        // (A column is looked up among the changed ones, by a cloned key, only in a table
        // that has one.)
        let changed = |c: &Str| {
            self.changed_tables.contains(&b.name)
                && self.changed_columns.contains(&(b.name.clone(), c.clone()))
        };
        a.columns.len() == b.columns.len()
            && b.columns
                .keys()
                .all(|c| a.columns.contains_key(c) && !changed(c))
            && keys(a) == keys(b)
    }

    /// Columns of `table` (new, or new in an existing table) that are `serial`.
    fn serial_columns(&self, table: &Table, existing: Option<&Table>) -> Vec<Str> {
        table
            .columns
            .values()
            .filter(|c| existing.is_none_or(|e| !e.columns.contains_key(&c.name)))
            .filter(|c| {
                self.new_owned
                    .get(&(&table.name, c.name.as_str()))
                    .is_some_and(|seqs| {
                        seqs.iter()
                            .any(|s| self.dialect.serial_of(c, s, &table.name).is_some())
                    })
            })
            .map(|c| c.name.clone())
            .collect()
    }

    fn table_comments(&mut self, a: Option<&Table>, b: &Table) {
        let before = a.and_then(|t| t.comment.clone());
        if b.comment != before {
            let target = CommentTarget::Table {
                name: b.name.clone(),
            };
            self.comment(target, b.comment.clone());
        }
        for (cn, col) in &b.columns {
            let before = a
                .and_then(|t| t.columns.get(cn))
                .and_then(|c| c.comment.clone());
            if col.comment != before {
                let target = CommentTarget::Column {
                    table: b.name.clone(),
                    column: cn.clone(),
                };
                self.comment(target, col.comment.clone());
            }
        }
        for con in by_kind(b.constraints.values()) {
            let cn = &con.name;
            let before = a
                .and_then(|t| t.constraints.get(cn))
                .and_then(|c| c.comment.clone());
            if con.comment != before && !self.dialect.key_comments_in_definition() {
                let target = CommentTarget::Constraint {
                    table: b.name.clone(),
                    name: cn.clone(),
                };
                self.comment(target, con.comment.clone());
            }
        }
    }

    /// The phase of a change of column `from` (to `to`, or dropped): before an enum type it
    /// stops using is recreated (the old type cannot be dropped while a column uses it).
    fn column_phase(&self, from: &Column, to: Option<&Column>) -> Phase {
        let leaves = from.ty.user.as_deref().is_some_and(|e| {
            self.recreated_enums.contains(e) && to.is_none_or(|t| t.ty.user.as_deref() != Some(e))
        });
        // An auto-increment column must be a key: it stops being one before its key is
        // dropped, and becomes one after its key is added.
        let auto = Column::auto_increment;
        if leaves {
            Phase::LeaveTypes
        } else if to.is_some_and(|t| auto(from) && !auto(t)) {
            Phase::DropDependants
        } else if to.is_some_and(|t| !auto(from) && auto(t)) {
            Phase::AddForeignKeys
        } else {
            Phase::AlterTables
        }
    }

    /// A `serial` column that becomes an identity column, or back: the identity's sequence
    /// takes the serial sequence's name (`t_id_seq`), so the two never exist at once. Going
    /// to an identity, the old default and sequence are dropped first; going back, the
    /// identity is dropped before the sequence is created (see [`Planner::sequences`]).
    /// Returns the column as those first steps leave it.
    fn serial_identity_swap(
        &mut self,
        table: &QualName,
        cn: &Str,
        ac: &Column,
        bc: &Column,
    ) -> Option<Column> {
        let owned = |s: &Schema, other: &Schema| {
            s.sequences
                .values()
                .find(|q| {
                    q.owned_by
                        .as_ref()
                        .is_some_and(|(t, c)| t == table && c == cn)
                        && !other.sequences.contains_key(&q.name)
                })
                .cloned()
        };
        let mut mid = ac.clone();
        let dropped = if ac.identity.is_none() && bc.identity.is_some() {
            let seq = owned(self.a, self.b)?;
            mid.default = None;
            Some(seq)
        } else if ac.identity.is_some() && bc.identity.is_none() {
            owned(self.b, self.a)?;
            mid.identity = None;
            None
        } else {
            return None;
        };
        self.push(
            Phase::DropDependants,
            Change::AlterColumn {
                table: table.clone(),
                from: Box::new(ac.clone()),
                to: Box::new(mid.clone()),
                changes: ColumnChanges::between(ac, &mid),
            },
        );
        if let Some(sequence) = dropped {
            self.push(Phase::DropDependants, Change::DropSequence { sequence });
        }
        Some(mid)
    }

    /// Whether sequence `s` (of `from`, not of `to`) belongs to a column that swaps `serial`
    /// for an identity or back (see [`Planner::serial_identity_swap`]).
    fn swaps_identity(s: &Sequence, from: &Schema, to: &Schema) -> bool {
        let Some((t, c)) = &s.owned_by else {
            return false;
        };
        match (column_of(from, t, c), column_of(to, t, c)) {
            (Some(x), Some(y)) => x.identity.is_none() && y.identity.is_some(),
            _ => false,
        }
    }

    fn alter_table(&mut self, a: &Table, b: &Table) {
        let name = &b.name;
        // Constraints: dropped, changed, renamed.
        let mut dropped: Vec<&Constraint> = Vec::new();
        let mut added: Vec<&Constraint> = Vec::new();
        for con in by_kind(a.constraints.values()) {
            let cn = &con.name;
            match b.constraints.get(cn) {
                Some(bc) if bc.same_definition(con) && self.compares_enum_column(name, con) => {
                    dropped.push(con);
                    added.push(bc);
                }
                // (a key whose comment is part of its definition changes with it)
                Some(bc)
                    if bc.same_definition(con)
                        && (bc.comment == con.comment
                            || !self.dialect.key_comments_in_definition()) =>
                {
                    if self.rebuilds_fk(name, cn) {
                        self.drop_constraint(name.clone(), con.clone());
                        self.push(
                            Phase::AddForeignKeys,
                            Change::AddConstraint {
                                table: name.clone(),
                                constraint: bc.clone(),
                            },
                        );
                    }
                }
                Some(bc) => {
                    dropped.push(con);
                    added.push(bc);
                }
                None => dropped.push(con),
            }
        }
        for con in by_kind(b.constraints.values()) {
            if !a.constraints.contains_key(&con.name) {
                added.push(con);
            }
        }
        // Same definition under a new name: a rename.
        let mut renamed: Vec<(&Constraint, &Constraint)> = Vec::new();
        dropped.retain(|d| {
            if let Some(pos) = added.iter().position(|x| {
                x.same_definition(d)
                    && !a.constraints.contains_key(&x.name)
                    && !b.constraints.contains_key(&d.name)
            }) {
                renamed.push((*d, added.remove(pos)));
                false
            } else {
                true
            }
        });
        for (from, to) in renamed {
            // Names the database never stored (SQLite's unnamed constraints) cannot change.
            if from.implicit_name && to.implicit_name && !self.dialect.stores_constraint_names() {
                continue;
            }
            if !self.dialect.renames_constraints() {
                self.drop_constraint(name.clone(), from.clone());
                let phase = if to.is_foreign_key() {
                    Phase::AddForeignKeys
                } else {
                    Phase::AddKeys
                };
                self.push(
                    phase,
                    Change::AddConstraint {
                        table: name.clone(),
                        constraint: to.clone(),
                    },
                );
                continue;
            }
            self.push(
                Phase::DropKeys,
                Change::RenameConstraint {
                    table: name.clone(),
                    from: from.name.clone(),
                    to: to.name.clone(),
                },
            );
        }
        for con in dropped {
            self.drop_constraint(name.clone(), con.clone());
        }
        for con in added {
            let phase = if con.is_foreign_key() {
                Phase::AddForeignKeys
            } else {
                Phase::AddKeys
            };
            self.push(
                phase,
                Change::AddConstraint {
                    table: name.clone(),
                    constraint: con.clone(),
                },
            );
        }
        // An auto-increment column must stay a key while its primary key is replaced: it stops
        // being auto-increment before the old key goes and becomes it again after the new one.
        let pk_columns = |t: &Table| match t.primary_key().map(|c| &c.kind) {
            Some(ConstraintKind::PrimaryKey { columns, .. }) => columns.clone(),
            _ => Vec::new(),
        };
        if pk_columns(a) != pk_columns(b) && !pk_columns(a).is_empty() {
            for (cn, bc) in &b.columns {
                let Some(ac) = a.columns.get(cn) else {
                    continue;
                };
                if !(ac.auto_increment() && bc.auto_increment() && pk_columns(a).contains(cn)) {
                    continue;
                }
                let plain = ac.without_auto_increment();
                self.push(
                    Phase::DropDependants,
                    Change::AlterColumn {
                        table: name.clone(),
                        from: Box::new(ac.clone()),
                        to: Box::new(plain.clone()),
                        changes: ColumnChanges::between(ac, &plain),
                    },
                );
                let restored = Change::AlterColumn {
                    table: name.clone(),
                    from: Box::new(bc.without_auto_increment()),
                    to: Box::new(bc.clone()),
                    changes: ColumnChanges::between(&plain, bc),
                };
                self.push(Phase::AddForeignKeys, restored);
            }
        }
        // Table options that reach the columns (a new default character set) go before the
        // column changes, which start from the columns as the options change leaves them.
        let options_changed = TableAttr::lists_differ(&a.attrs, &b.attrs);
        let reach = options_changed
            .then(|| self.dialect.options_reach_columns(a, b))
            .flatten();
        // Options that do not reach the columns go after the other table changes.
        let set_options = |convert_columns| Change::SetTableOptions {
            table: name.clone(),
            from: a.attrs.clone(),
            to: b.attrs.clone(),
            convert_columns,
        };
        if let Some((convert, _)) = &reach {
            self.push(Phase::AlterTables, set_options(*convert));
        }
        let columns_before = reach.as_ref().map(|(_, columns)| columns);
        // Columns.
        let serials = self.serial_columns(b, Some(a));
        for (cn, bc) in &b.columns {
            let before = columns_before.and_then(|cols| cols.get(cn));
            match before.or_else(|| a.columns.get(cn)) {
                // An auto-increment column must be a key: it is added as a plain column and
                // made auto-increment once its key exists.
                None if bc.auto_increment() => {
                    let plain = bc.without_auto_increment();
                    self.push(
                        Phase::AlterTables,
                        Change::AddColumn {
                            table: name.clone(),
                            column: plain.clone(),
                            serial: false,
                        },
                    );
                    self.push(
                        Phase::AddForeignKeys,
                        Change::AlterColumn {
                            table: name.clone(),
                            from: Box::new(plain.clone()),
                            to: Box::new(bc.clone()),
                            changes: ColumnChanges::between(&plain, bc),
                        },
                    );
                }
                None => self.push(
                    Phase::AlterTables,
                    Change::AddColumn {
                        table: name.clone(),
                        column: bc.clone(),
                        serial: serials.contains(cn),
                    },
                ),
                Some(ac) => {
                    let mid = self.serial_identity_swap(name, cn, ac, bc);
                    let ac = mid.as_ref().unwrap_or(ac);
                    let mut changes = ColumnChanges::between(ac, bc);
                    // A column converted to a recreated enum gets its new default with the
                    // conversion ([`Change::RecreateEnum`]); an old default that goes away is
                    // dropped before it (it cannot be cast to the new type).
                    if changes.default && self.enum_columns.contains(&(name.clone(), cn.clone())) {
                        changes.default = false;
                        if bc.default.is_none() {
                            let only_default = ColumnChanges {
                                default: true,
                                ..ColumnChanges::default()
                            };
                            let mut to = ac.clone();
                            to.default = None;
                            self.push(
                                Phase::LeaveTypes,
                                Change::AlterColumn {
                                    table: name.clone(),
                                    from: Box::new(ac.clone()),
                                    to: Box::new(to),
                                    changes: only_default,
                                },
                            );
                        }
                    }
                    // A generated column that becomes a plain one keeps its values where the
                    // dialect can drop the generation (else it is dropped and added again).
                    let keeps_values = ac.generated.is_some()
                        && bc.generated.is_none()
                        && self.dialect.drops_generation();
                    if changes.generated && !keeps_values {
                        self.push(
                            Phase::AlterTables,
                            Change::DropColumn {
                                table: name.clone(),
                                column: ac.clone(),
                            },
                        );
                        self.push(
                            Phase::AlterTables,
                            Change::AddColumn {
                                table: name.clone(),
                                column: bc.clone(),
                                serial: false,
                            },
                        );
                    } else if !changes.is_empty() {
                        self.push(
                            self.column_phase(ac, Some(bc)),
                            Change::AlterColumn {
                                table: name.clone(),
                                from: Box::new(ac.clone()),
                                to: Box::new(bc.clone()),
                                changes,
                            },
                        );
                    }
                }
            }
        }
        for (cn, ac) in &a.columns {
            if !b.columns.contains_key(cn) && ac.auto_increment() {
                // Not auto-increment any more before its key is dropped.
                let plain = ac.without_auto_increment();
                self.push(
                    Phase::DropDependants,
                    Change::AlterColumn {
                        table: name.clone(),
                        from: Box::new(ac.clone()),
                        to: Box::new(plain.clone()),
                        changes: ColumnChanges::between(ac, &plain),
                    },
                );
            }
            if !b.columns.contains_key(cn) {
                self.push(
                    self.column_phase(ac, None),
                    Change::DropColumn {
                        table: name.clone(),
                        column: ac.clone(),
                    },
                );
            }
        }
        // Partitioning.
        if a.partition_of != b.partition_of {
            if let Some(p) = &a.partition_of {
                self.push(
                    Phase::DropDependants,
                    Change::DetachPartition {
                        table: name.clone(),
                        partition: p.clone(),
                    },
                );
            }
            if let Some(p) = &b.partition_of {
                self.push(
                    Phase::AddKeys,
                    Change::AttachPartition {
                        table: name.clone(),
                        partition: p.clone(),
                    },
                );
            }
        }
        if a.row_security != b.row_security || a.force_row_security != b.force_row_security {
            self.push(
                Phase::AlterTables,
                Change::SetRowSecurity {
                    table: name.clone(),
                    enabled: b.row_security,
                    forced: b.force_row_security,
                },
            );
        }
        if options_changed && reach.is_none() {
            self.push(Phase::AlterTables, set_options(false));
        }
        self.table_comments(Some(a), b);
    }

    fn indexes(&mut self) {
        let mut dropped: Vec<&Index> = Vec::new();
        let mut added: Vec<&Index> = Vec::new();
        // By table, then name. Only the indexes something happens to are sorted: a dump's
        // thousands of unchanged ones are not (names are distinct, the maps' keys, so an
        // unstable sort gives the one order).
        let key = |i: &'a Index| (&i.table, &i.name);
        let by_table = |mut v: Vec<&'a Index>| {
            v.sort_unstable_by(|x, y| key(x).cmp(&key(y)));
            v
        };
        let (sa, sb) = (self.a, self.b);
        // Indexes of a rebuilt table go with the old table and are created on the new one.
        let of_rebuilt = (sb.indexes.values())
            .filter(|bi| self.rebuilt.contains(&bi.table))
            .collect();
        for bi in by_table(of_rebuilt) {
            self.push(Phase::AddKeys, Change::CreateIndex { index: bi.clone() });
        }
        // Each index of `a` with its namesake in `b` and whether it stays as that one, decided
        // once; those that stay with the same comment are left out.
        let mut changed: Vec<(&Index, Option<&Index>, bool)> = (sa.indexes.values())
            .filter(|ai| !self.rebuilt.contains(&ai.table))
            .filter_map(|ai| {
                let bi = sb.indexes.get(&ai.name);
                let kept = bi.is_some_and(|bi| self.index_kept(ai, bi));
                let unchanged = kept && bi.is_some_and(|bi| bi.comment == ai.comment);
                (!unchanged).then_some((ai, bi, kept))
            })
            .collect();
        changed.sort_unstable_by(|x, y| key(x.0).cmp(&key(y.0)));
        for (ai, bi, kept) in changed {
            match bi {
                // Kept: only its comment changed.
                Some(bi) if kept => {
                    let target = CommentTarget::Index {
                        name: ai.name.clone(),
                    };
                    self.comment(target, bi.comment.clone());
                }
                Some(bi) => {
                    dropped.push(ai);
                    added.push(bi);
                }
                None => dropped.push(ai),
            }
        }
        let new = (sb.indexes.values())
            .filter(|bi| !sa.indexes.contains_key(&bi.name) && !self.rebuilt.contains(&bi.table))
            .collect();
        added.extend(by_table(new));
        // A dropped index whose definition an added one has (on the same table) is renamed:
        // the first such added index, looked up among those of its table.
        let mut renames = Vec::new();
        let mut slots: Vec<Option<&Index>> = added.into_iter().map(Some).collect();
        let mut of_table: HashMap<&QualName, Vec<usize>> = HashMap::default();
        for (i, x) in slots.iter().enumerate() {
            if let Some(x) = x {
                of_table.entry(&x.table).or_default().push(i);
            }
        }
        dropped.retain(|d| {
            if self.b.indexes.contains_key(&d.name) {
                return true;
            }
            let candidates = of_table.get(&d.table).map_or(&[][..], Vec::as_slice);
            let found = candidates.iter().copied().find(|&i| {
                slots[i]
                    .is_some_and(|x| self.same_index(x, d) && !self.a.indexes.contains_key(&x.name))
            });
            match found.and_then(|i| slots[i].take()) {
                Some(x) => {
                    renames.push((d.name.clone(), x.clone()));
                    false
                }
                None => true,
            }
        });
        let added: Vec<&Index> = slots.into_iter().flatten().collect();
        for (from, to) in renames {
            self.push(
                Phase::DropKeys,
                Change::RenameIndex {
                    from: from.clone(),
                    to: to.name.name.clone(),
                    index: to.clone(),
                },
            );
            if to.comment != self.a.indexes[&from].comment {
                let target = CommentTarget::Index {
                    name: to.name.clone(),
                };
                self.comment(target, to.comment.clone());
            }
        }
        for i in dropped {
            // Indexes of dropped tables and views go with them.
            if self.b.tables.contains_key(&i.table) || self.b.views.contains_key(&i.table) {
                if self.view_rebuilt(&i.table) {
                    continue;
                }
                let needed = index_columns(i, self.dialect).and_then(|cols| {
                    self.kept_foreign_key_needs(&i.table, &cols, None, Some(&i.name))
                });
                if let Some(fk) = needed {
                    self.late_drops
                        .push((Change::DropIndex { index: i.clone() }, fk));
                    continue;
                }
                self.push(Phase::DropKeys, Change::DropIndex { index: i.clone() });
            }
        }
        for i in added {
            // The index the database makes with a foreign key this plan creates.
            let made_by_key = self
                .b
                .tables
                .get(&i.table)
                .is_some_and(|t| self.dialect.index_made_by_foreign_key(i, t));
            if made_by_key && !self.foreign_key_exists(i) {
                continue;
            }
            let phase = if self.b.views.contains_key(&i.table) {
                Phase::CreateDependants
            } else {
                Phase::AddKeys
            };
            self.push(phase, Change::CreateIndex { index: i.clone() });
            if i.comment.is_some() && !self.dialect.key_comments_in_definition() {
                let target = CommentTarget::Index {
                    name: i.name.clone(),
                };
                self.comment(target, i.comment.clone());
            }
        }
    }

    /// Whether index `ai` stays as `bi` (the same name on both sides): the same definition,
    /// and neither its table's rebuild nor an enum type's takes it along.
    fn index_kept(&self, ai: &Index, bi: &Index) -> bool {
        self.same_index(bi, ai)
            && !self.index_rebuilt_with_table(ai)
            && !self.index_compares_enum_column(ai)
    }

    /// Equal index definitions as the database has them: options that only mark what the
    /// model knows (MySQL's index implied by a foreign key, which stays when the key goes) aside.
    fn same_index(&self, x: &Index, y: &Index) -> bool {
        if self.dialect.key_comments_in_definition() && x.comment != y.comment {
            return false;
        }
        if x.options == y.options {
            return x.same_definition(y);
        }
        let written = |i: &Index| {
            i.options
                .iter()
                .filter(|o| self.dialect.index_option_is_written(o))
                .cloned()
                .collect::<Vec<_>>()
        };
        written(x) == written(y)
            && x.same_definition(&Index {
                options: x.options.clone(),
                ..y.clone()
            })
    }

    /// Whether the foreign key index `i` is made for exists before the plan and stays (then
    /// the index is created by itself).
    fn foreign_key_exists(&self, i: &Index) -> bool {
        let (Some(at), Some(bt)) = (self.a.tables.get(&i.table), self.b.tables.get(&i.table))
        else {
            return false;
        };
        let Some(cols) = index_columns(i, self.dialect) else {
            return false;
        };
        bt.constraints.values().any(|fk| {
            matches!(&fk.kind, ConstraintKind::ForeignKey { columns, .. } if *columns == cols)
                && at
                    .constraints
                    .get(&fk.name)
                    .is_some_and(|a| a.same_definition(fk))
                && !self
                    .fk_rebuild
                    .contains(&(i.table.clone(), fk.name.clone()))
        })
    }

    /// Indexes on a materialized view that is rebuilt must be recreated.
    fn index_rebuilt_with_table(&self, i: &Index) -> bool {
        self.view_rebuilt(&i.table)
    }

    fn view_rebuilt(&self, name: &QualName) -> bool {
        self.rebuild_views.contains(name)
    }

    /// Views present on both sides that must be dropped and recreated: changed ones, and those
    /// reading (transitively) a reshaped table or a rebuilt view.
    fn views_to_rebuild(&self) -> IndexSet<QualName> {
        let mut out: IndexSet<QualName> = IndexSet::new();
        // Routines dropped and created again (their signature changes): views calling them.
        let routines: Vec<&str> = (self.a.objects.iter())
            .filter(|(id, ao)| {
                self.b
                    .objects
                    .get(*id)
                    .is_some_and(|bo| self.routine_dropped(ao, bo))
            })
            .map(|(id, _)| routine_name(&id.signature))
            .collect();
        for (name, bv) in &self.b.views {
            if let Some(av) = self.a.views.get(name) {
                let calls = |v: &View| {
                    routines
                        .iter()
                        .any(|r| mentions_identifier(&v.query.key, r))
                };
                if !same_view(av, bv) || calls(av) {
                    out.insert(name.clone());
                }
            }
        }
        loop {
            let before = out.len();
            for (name, av) in &self.a.views {
                if out.contains(name) || !self.b.views.contains_key(name) {
                    continue;
                }
                let dirty = av.depends_on.iter().any(|d| {
                    self.reshaped.contains(d)
                        || out.contains(d)
                        || (self.a.views.contains_key(d) && !self.b.views.contains_key(d))
                });
                if dirty {
                    out.insert(name.clone());
                }
            }
            if out.len() == before {
                return out;
            }
        }
    }

    fn views(&mut self) {
        let rebuild = self.rebuild_views.clone();
        // Drop views (dependants first), then create in dependency order.
        let to_drop: Vec<QualName> = by_key(&self.a.views)
            .into_iter()
            .map(|(n, _)| n)
            .filter(|n| !self.b.views.contains_key(*n) || rebuild.contains(*n))
            .cloned()
            .collect();
        let drop_order = order::views(&to_drop, &self.a.views);
        for n in drop_order.into_iter().rev() {
            self.push(
                Phase::DropDependants,
                Change::DropView {
                    view: self.a.views[&n].clone(),
                },
            );
        }
        let to_create: Vec<QualName> = by_key(&self.b.views)
            .into_iter()
            .map(|(n, _)| n)
            .filter(|n| !self.a.views.contains_key(*n) || rebuild.contains(*n))
            .cloned()
            .collect();
        for n in order::views(&to_create, &self.b.views) {
            let v = self.b.views[&n].clone();
            let comment = v.comment.clone();
            let materialized = v.materialized;
            self.push(Phase::CreateDependants, Change::CreateView { view: v });
            if comment.is_some() {
                let target = CommentTarget::View {
                    name: n.clone(),
                    materialized,
                };
                self.comment(target, comment);
            }
        }
        for (n, bv) in by_key(&self.b.views) {
            if let Some(av) = self.a.views.get(n) {
                if !rebuild.contains(n) && av.comment != bv.comment {
                    let target = CommentTarget::View {
                        name: n.clone(),
                        materialized: bv.materialized,
                    };
                    self.comment(target, bv.comment.clone());
                }
            }
        }
    }
}

/// The columns of an index whose keys are all plain ascending columns.
fn index_columns(i: &Index, dialect: &dyn Dialect) -> Option<Vec<Str>> {
    i.keys
        .iter()
        .map(|k| {
            let plain = !k.descending && k.collation.is_none() && k.opclass.is_none();
            let key = &k.expr.key;
            let name = key
                .strip_prefix('"')
                .and_then(|x| x.strip_suffix('"'))
                .map(|x| Str::from(x.replace("\"\"", "\"")))
                .unwrap_or_else(|| key.clone());
            (plain && !key.contains('(') && canonical_ident(&name, dialect) == *key).then_some(name)
        })
        .collect()
}

fn same_view(a: &View, b: &View) -> bool {
    a.materialized == b.materialized
        && a.columns == b.columns
        && a.query == b.query
        && a.options == b.options
        && a.check_option == b.check_option
        && a.with_data == b.with_data
}

/// Whether `small` appears in `big` in the same order.
fn is_subsequence<S: PartialEq>(small: &[S], big: &[S]) -> bool {
    let mut it = big.iter();
    small.iter().all(|s| it.any(|b| b == s))
}

/// Column `c` of table `t` in `s`, if both exist.
fn column_of<'s>(s: &'s Schema, t: &QualName, c: &str) -> Option<&'s Column> {
    s.tables.get(t).and_then(|tb| tb.columns.get(c))
}
