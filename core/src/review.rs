//! Reviewing Alembic revisions without a database: what a revision's `upgrade()` does (its
//! changes in words, its SQL, its hazards and data steps), what its `downgrade()` does, and
//! the verdict: does `downgrade(upgrade(S)) == S`, and if not, what is left different.
//!
//! Both functions are read by the Alembic history reader ([`input::python::alembic`]) into the
//! DDL Alembic emits for them; the schemas before the upgrade, after it and after the
//! downgrade are built from that DDL and compared with the same planner as `diff`.

use crate::diagnostics::{Diagnostic, Severity, Side};
use crate::input::python::alembic::{Direction, Replayed, Revision};
use crate::input::python::{ddl::Emitted, Sources};
use crate::model::Schema;
use crate::{migrate_schemas, Options};

/// The review of one revision.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Review {
    pub revision: Revision,
    /// What `upgrade()` changes, in words, with its hazards.
    pub upgrade: Vec<String>,
    pub upgrade_hazards: Vec<String>,
    /// The DDL `upgrade()` runs (what `alembic upgrade --sql` prints).
    pub upgrade_sql: String,
    /// Data steps of `upgrade()` (DML, bulk inserts): not schema changes.
    pub upgrade_data: Vec<String>,
    pub downgrade: Vec<String>,
    pub downgrade_hazards: Vec<String>,
    pub downgrade_sql: String,
    pub downgrade_data: Vec<String>,
    /// Whether `downgrade()` brings the schema back to what it was before `upgrade()`.
    pub restores: bool,
    /// If not: the changes that would still be needed after the downgrade to get back, in
    /// words.
    pub left_different: Vec<String>,
    /// What limits the verdict (operations on objects the history does not create...).
    pub caveats: Vec<String>,
}

/// The reviews of a history's revisions (`only`: the revision ids to review; every revision,
/// base first, when empty) on a database `base` (DDL) builds before the first revision, and
/// the diagnostics met reading the history.
pub fn review(
    src: &Sources,
    only: &[String],
    base: &str,
    options: &Options,
) -> (Vec<Review>, Vec<Diagnostic>) {
    let dialect = options.dialect.dialect();
    let side = Side::Current;
    let (h, mut diagnostics) = Replayed::read(src, side);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return (Vec::new(), diagnostics);
    }
    // Every revision in an order where parents come first. With a base snapshot, parents no
    // file defines are what the base holds (a revision reviewed without its history).
    let order = match h.history.target_chain(None, !base.is_empty()) {
        Ok(order) => order,
        Err(message) => {
            // (an error needs revisions, so there is a first file)
            let file = src.files.first().map_or("", |(p, _)| p.as_str());
            diagnostics.push(crate::input::python::alembic::history_error(
                side, file, message,
            ));
            return (Vec::new(), diagnostics);
        }
    };
    // Each revision's upgrade, read on the schema its ancestors build (parents come first).
    let mut ups: Vec<crate::input::python::alembic::Ops> = Vec::new();
    let mut befores: Vec<String> = Vec::new();
    for &r in &order {
        let chain = h
            .history
            .chain_with(r, !base.is_empty())
            .unwrap_or_default();
        let mut before = crate::input::python::alembic::base_ddl(base);
        for &p in chain.iter().filter(|p| **p != r) {
            let i = order
                .iter()
                .position(|o| *o == p)
                .expect("ancestors come first");
            before.push_str(&ups[i].ddl.sql);
        }
        let (mut up, found) = h.ops(
            &[r],
            Direction::Upgrade,
            &before,
            dialect,
            side,
            options.models,
        );
        diagnostics.extend(found);
        ups.push(up.remove(0));
        befores.push(before);
    }
    let mut reviews = Vec::new();
    for (k, &r) in order.iter().enumerate() {
        let rev = &h.history.revisions[r];
        if !only.is_empty() && !only.contains(&rev.id) {
            continue;
        }
        let before = &befores[k];
        let up = &ups[k];
        let after = format!("{before}{}", up.ddl.sql);
        let (mut down, found) = h.ops(
            &[r],
            Direction::Downgrade,
            &after,
            dialect,
            side,
            options.models,
        );
        diagnostics.extend(found);
        let down = down.remove(0);
        // Each schema read once: before the upgrade, after it, after the downgrade; the
        // diagnostics of the revision's own DDL are positioned in its file.
        let (s_before, _, before_failed) =
            h.build(&joined(before, &Emitted::default()), dialect, side);
        let (s_after, found_up, after_failed) = h.build(&joined(before, &up.ddl), dialect, side);
        let (s_back, found_down, back_failed) = h.build(&joined(&after, &down.ddl), dialect, side);
        let mut caveats = Vec::new();
        if found_up
            .iter()
            .chain(&found_down)
            .any(|d| d.code == crate::diagnostics::Code::W002)
        {
            caveats.push(
                "it changes objects the revisions before it do not create (give the whole history, or the schema it starts from as the base): the verdict is about the rest".to_string(),
            );
        }
        if up.ddl.sql.is_empty() && down.ddl.sql.is_empty() && up.steps.is_empty() {
            caveats.push("no operation was read from upgrade() or downgrade()".to_string());
        }
        diagnostics.extend(found_up);
        diagnostics.extend(found_down);
        let words = |changes: &[crate::change::Change]| -> Vec<String> {
            changes.iter().map(|c| c.summary()).collect()
        };
        let hazards = |hz: &[Vec<crate::hazard::Hazard>]| -> Vec<String> {
            hz.iter()
                .flatten()
                .map(|h| format!("{} [{}]", h.message, h.code))
                .collect()
        };
        let with_renames = |specs: &[String]| -> Options {
            let mut o = options.clone();
            o.renames.extend(
                specs
                    .iter()
                    .filter_map(|s| crate::parse_rename(s, options.dialect).ok()),
            );
            o
        };
        // A schema whose DDL has an error gives no migration, as `migrate` on its text would.
        let compare = |a: &Schema, a_failed: bool, b: &Schema, b_failed: bool, o: &Options| {
            if a_failed || b_failed {
                return None;
            }
            migrate_schemas(a.clone(), b.clone(), Vec::new(), o).migration
        };
        let upgrade = compare(
            &s_before,
            before_failed,
            &s_after,
            after_failed,
            &with_renames(&up.renames),
        );
        let downgrade = compare(
            &s_after,
            after_failed,
            &s_back,
            back_failed,
            &with_renames(&down.renames),
        );
        let verdict = compare(&s_back, back_failed, &s_before, before_failed, options);
        let steps = |s: &[crate::input::python::alembic::Step]| -> Vec<String> {
            s.iter().map(|s| s.what.clone()).collect()
        };
        let left_different = verdict
            .as_ref()
            .map_or_else(Vec::new, |m| words(&m.changes));
        reviews.push(Review {
            revision: rev.clone(),
            upgrade: upgrade
                .as_ref()
                .map_or_else(Vec::new, |m| words(&m.changes)),
            upgrade_hazards: upgrade
                .as_ref()
                .map_or_else(Vec::new, |m| hazards(&m.hazards)),
            upgrade_sql: up.ddl.sql.clone(),
            upgrade_data: steps(&up.steps),
            downgrade: downgrade
                .as_ref()
                .map_or_else(Vec::new, |m| words(&m.changes)),
            downgrade_hazards: downgrade
                .as_ref()
                .map_or_else(Vec::new, |m| hazards(&m.hazards)),
            downgrade_sql: down.ddl.sql.clone(),
            downgrade_data: steps(&down.steps),
            restores: verdict.is_some() && left_different.is_empty(),
            left_different,
            caveats,
        });
    }
    diagnostics.sort_by(|a, b| (&a.file, a.offset).cmp(&(&b.file, b.offset)));
    diagnostics.dedup_by(|a, b| a.file == b.file && a.offset == b.offset && a.message == b.message);
    (reviews, diagnostics)
}

/// `prefix` followed by `ddl`, with `ddl`'s origins (the prefix's lines have none, so the
/// diagnostics met there are not repeated for every revision).
fn joined(prefix: &str, ddl: &Emitted) -> Emitted {
    let mut e = Emitted::default();
    e.sql.push_str(prefix);
    let base = prefix.len();
    e.origins
        .extend(ddl.origins.iter().map(|(o, at)| (o + base, *at)));
    e.sql.push_str(&ddl.sql);
    e
}
