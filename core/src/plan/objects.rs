//! Objects kept by definition (functions, triggers, domains, policies...) and privileges.

use super::{Phase, Planner};
use crate::change::{Change, CommentTarget};
use crate::model::*;

impl Planner<'_> {
    pub(super) fn objects(&mut self) {
        for (id, bo) in object_order(self.b.objects.iter()) {
            let create_phase = if id.kind.before_tables() {
                Phase::Types
            } else {
                Phase::CreateDependants
            };
            match self.a.objects.get(id) {
                None => {
                    self.push(create_phase, Change::CreateObject { object: bo.clone() });
                    if bo.comment.is_some() {
                        let target = CommentTarget::Object {
                            target: bo.comment_target.clone(),
                        };
                        self.comment(target, bo.comment.clone());
                    }
                }
                Some(ao) if self.uses_recreated_enum(ao) || self.uses_recreated_enum(bo) => {
                    self.push(
                        Phase::DropDependants,
                        Change::DropObject { object: ao.clone() },
                    );
                    // After the type is recreated, before the tables and views using it.
                    self.push(
                        Phase::CreateTables,
                        Change::CreateObject { object: bo.clone() },
                    );
                    if bo.comment.is_some() {
                        let target = CommentTarget::Object {
                            target: bo.comment_target.clone(),
                        };
                        self.comment(target, bo.comment.clone());
                    }
                }
                Some(ao) => {
                    // Triggers on a view or table that is rebuilt go with it.
                    let on_rebuilt_view = bo.table.as_ref().is_some_and(|t| {
                        self.rebuild_views.contains(t) || self.rebuilt.contains(t)
                    });
                    if on_rebuilt_view && ao == bo {
                        self.push(
                            Phase::CreateDependants,
                            Change::CreateObject { object: bo.clone() },
                        );
                    }
                    if ao != bo {
                        if id.kind.before_tables() {
                            // A routine that must be dropped goes after the views using it.
                            let phase = if self.routine_dropped(ao, bo) {
                                Phase::DropDependants
                            } else {
                                Phase::Types
                            };
                            self.push(
                                phase,
                                Change::ReplaceObject {
                                    from: Box::new(ao.clone()),
                                    to: Box::new(bo.clone()),
                                },
                            );
                        } else {
                            self.push(
                                Phase::DropDependants,
                                Change::DropObject { object: ao.clone() },
                            );
                            self.push(
                                Phase::CreateDependants,
                                Change::CreateObject { object: bo.clone() },
                            );
                        }
                    }
                    if ao.comment != bo.comment
                        || (ao != bo && !id.kind.before_tables() && bo.comment.is_some())
                    {
                        let target = CommentTarget::Object {
                            target: bo.comment_target.clone(),
                        };
                        self.comment(target, bo.comment.clone());
                    }
                }
            }
        }
        // Reverse definition order: a domain over another domain goes first.
        for (id, ao) in object_order(self.a.objects.iter().rev()) {
            if self.b.objects.contains_key(id) {
                continue;
            }
            // Triggers and policies go with their table.
            if ao
                .table
                .as_ref()
                .is_some_and(|t| !self.b.tables.contains_key(t) && !self.b.views.contains_key(t))
            {
                continue;
            }
            let phase = if id.kind.before_tables() {
                Phase::DropLate
            } else {
                Phase::DropDependants
            };
            self.push(phase, Change::DropObject { object: ao.clone() });
        }
    }
}

impl Planner<'_> {
    pub(super) fn grants(&mut self) {
        let gone = |g: &Grant, s: &Schema| match g.object_kind.as_str() {
            "TABLE" => !s.tables.contains_key(&g.object) && !s.views.contains_key(&g.object),
            "SEQUENCE" => !s.sequences.contains_key(&g.object),
            _ => false,
        };
        // (grant, with grant option) to give, and (grant, option only) to take back.
        let mut give: Vec<(Grant, bool)> = Vec::new();
        let mut take: Vec<(Grant, bool)> = Vec::new();
        for (g, &wgo) in grant_order(&self.b.grants) {
            // Rebuilt views come back without their privileges.
            let rebuilt = g.object_kind == "TABLE" && self.rebuild_views.contains(&g.object);
            match self.a.grants.get(g) {
                Some(&old) if !rebuilt => {
                    if old && !wgo {
                        take.push((g.clone(), true));
                    } else if wgo && !old {
                        give.push((g.clone(), true));
                    }
                }
                _ => give.push((g.clone(), wgo)),
            }
        }
        for (g, _) in grant_order(&self.a.grants) {
            if !self.b.grants.contains_key(g) && !gone(g, self.b) {
                take.push((g.clone(), false));
            }
        }
        for (grants, flag) in group_grants(take) {
            self.push(
                Phase::DropDependants,
                Change::Revoke {
                    grants,
                    grant_option_only: flag,
                },
            );
        }
        for (grants, flag) in group_grants(give) {
            self.push(
                Phase::CreateDependants,
                Change::Grant {
                    grants,
                    with_grant_option: flag,
                },
            );
        }
    }
}

/// Objects in plan order: domains, composite types and routines as the input defines them
/// (a definition may use an earlier one), the others (triggers, policies, rules, virtual
/// tables) by kind and signature.
fn object_order<'o>(
    objects: impl Iterator<Item = (&'o ObjectId, &'o Object)>,
) -> Vec<(&'o ObjectId, &'o Object)> {
    let mut v: Vec<_> = objects.collect();
    v.sort_by(|(x, _), (y, _)| {
        let key = |id: &'o ObjectId| (!id.kind.before_tables()).then_some(id);
        key(x).cmp(&key(y))
    });
    v
}

/// Grants by object and grantee, privileges in PostgreSQL's order (`ALL` spelled out).
fn grant_order(grants: &Map<Grant, bool>) -> Vec<(&Grant, &bool)> {
    const PRIVILEGES: [&str; 13] = [
        "USAGE",
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
        "TRUNCATE",
        "REFERENCES",
        "TRIGGER",
        "MAINTAIN",
        "CREATE",
        "CONNECT",
        "TEMPORARY",
        "EXECUTE",
    ];
    let rank = |p: &str| PRIVILEGES.iter().position(|x| *x == p);
    let mut v: Vec<(&Grant, &bool)> = grants.iter().collect();
    v.sort_by(|(x, _), (y, _)| {
        let key = |g: &Grant| {
            (
                g.object_kind.clone(),
                g.object.clone(),
                g.grantee.clone(),
                rank(&g.privilege),
                g.privilege.clone(),
                g.column.clone(),
            )
        };
        key(x).cmp(&key(y))
    });
    v
}

/// One statement's worth: privileges on the same object for the same grantee and flag.
fn group_grants(list: Vec<(Grant, bool)>) -> Vec<(Vec<Grant>, bool)> {
    let mut groups: indexmap::IndexMap<(String, QualName, String, bool), Vec<Grant>> =
        indexmap::IndexMap::new();
    for (g, flag) in list {
        let key = (
            g.object_kind.clone(),
            g.object.clone(),
            g.grantee.clone(),
            flag,
        );
        groups.entry(key).or_default().push(g);
    }
    groups
        .into_iter()
        .map(|((.., flag), grants)| (grants, flag))
        .collect()
}
