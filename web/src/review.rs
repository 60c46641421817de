//! "Review a revision": the core's review of Alembic revision files (`schemashift::review`),
//! flattened for the view, and the example histories of the examples menu. Pure, so it is
//! unit-tested natively; the components are in `review_view`.

use schemashift::{DialectKind, Severity};
use serde::{Deserialize, Serialize};

use crate::engine::{models_roots, DiagView, ModelFiles};

/// The review of one revision, as the core makes it (`schemashift review`'s).
pub type RevisionView = schemashift::review::Review;

/// The verdict badge's text.
pub fn verdict(r: &RevisionView) -> &'static str {
    if r.restores {
        "downgrade undoes upgrade"
    } else {
        "downgrade does NOT undo upgrade"
    }
}

/// Everything the review output shows for a set of revision files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    /// The revisions, parents first.
    pub revisions: Vec<RevisionView>,
    /// Problems reading the files (positioned in them; `side` is always `current`).
    pub diagnostics: Vec<DiagView>,
}

impl ReviewView {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.error).count()
    }

    /// How many revisions' downgrade does not undo their upgrade.
    pub fn not_undone(&self) -> usize {
        self.revisions.iter().filter(|r| !r.restores).count()
    }

    /// One line about the review (the status line).
    pub fn summary(&self) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let errors = self.errors();
        if errors > 0 {
            return format!("{errors} error{} in the revision files", plural(errors));
        }
        let n = self.revisions.len();
        if n == 0 {
            return "No revisions: paste a revision file, or open or drop revision files or a versions folder".to_string();
        }
        let bad = self.not_undone();
        let verdict = match bad {
            0 if n == 1 => "its downgrade undoes its upgrade".to_string(),
            0 => "every downgrade undoes its upgrade".to_string(),
            b => format!(
                "{b} downgrade{} do{} NOT undo {} upgrade",
                plural(b),
                if b == 1 { "es" } else { "" },
                if b == 1 { "its" } else { "their" }
            ),
        };
        format!("{n} revision{} reviewed: {verdict}", plural(n))
    }
}

/// Review every revision of `files` (an Alembic versions folder's `.py` files, or loose
/// revision files, plus any application modules they import) on `dialect`, the first one
/// starting from the schema `base` (SQL DDL; empty: an empty database), as `schemashift
/// review <versions> --dialect <d> [--base FILE]` does.
pub fn compute_review(files: &ModelFiles, base: &str, dialect: DialectKind) -> ReviewView {
    let src = schemashift::input::python::Sources {
        files: files.clone(),
        roots: models_roots(files),
    };
    let options = schemashift::Options {
        dialect,
        ..Default::default()
    };
    let (reviews, diagnostics) = schemashift::review::review(&src, &[], base, &options);
    ReviewView {
        revisions: reviews,
        diagnostics: diagnostics
            .iter()
            .map(|d| DiagView {
                error: d.severity == Severity::Error,
                side: d.side,
                line: d.line,
                column: d.column,
                message: d.message.clone(),
                file: d.file.clone(),
            })
            .collect(),
    }
}

/// An Alembic history of the examples menu: it opens in review mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct History {
    /// Stable id (the menu's option value).
    pub id: &'static str,
    pub title: &'static str,
    /// Dialect name the history is reviewed on.
    pub dialect: &'static str,
    /// The versions folder's files, `(path, source)`.
    pub files: &'static [(&'static str, &'static str)],
}

impl History {
    /// The files, owned.
    pub fn files(&self) -> ModelFiles {
        (self.files.iter())
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }
}

/// The example histories (the repository's `examples/`; the CLI reviews the same files:
/// `schemashift review examples/alembic_shop/versions`).
pub const HISTORIES: &[History] = &[History {
    id: "alembic-shop",
    title: "Review an Alembic history: shop (4 revisions)",
    dialect: "postgres",
    files: &[
        (
            "versions/1a2b3c4d5e6f_create_users_and_orders.py",
            include_str!(
                "../../examples/alembic_shop/versions/1a2b3c4d5e6f_create_users_and_orders.py"
            ),
        ),
        (
            "versions/2b3c4d5e6f7a_add_columns.py",
            include_str!("../../examples/alembic_shop/versions/2b3c4d5e6f7a_add_columns.py"),
        ),
        (
            "versions/3c4d5e6f7a8b_batch_and_data.py",
            include_str!("../../examples/alembic_shop/versions/3c4d5e6f7a8b_batch_and_data.py"),
        ),
        (
            "versions/4d5e6f7a8b9c_dialect_specific.py",
            include_str!("../../examples/alembic_shop/versions/4d5e6f7a8b9c_dialect_specific.py"),
        ),
    ],
}];

/// The example history with this id.
pub fn find_history(id: &str) -> Option<&'static History> {
    HISTORIES.iter().find(|h| h.id == id)
}

/// The file the review input starts with, and the one it goes back to when empty.
pub const NEW_REVISION_FILE: (&str, &str) = (
    "revision.py",
    "# Paste an Alembic revision file here, or open revision files or drop a versions folder\n# (with the revisions it builds on: a revision is reviewed against the schema before it).\n",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shop_history_verdicts() {
        let h = find_history("alembic-shop").unwrap();
        let v = compute_review(&h.files(), "", DialectKind::Postgres);
        assert_eq!(v.errors(), 0, "{:?}", v.diagnostics);
        let verdicts: Vec<(&str, bool)> = v
            .revisions
            .iter()
            .map(|r| (r.revision.id.as_str(), r.restores))
            .collect();
        assert_eq!(
            verdicts,
            [
                ("1a2b3c4d5e6f", false),
                ("2b3c4d5e6f7a", true),
                ("3c4d5e6f7a8b", true),
                ("4d5e6f7a8b9c", true)
            ]
        );
        let first = &v.revisions[0];
        assert_eq!(first.left_different, ["drop enum public.orderstatus"]);
        assert_eq!(verdict(first), "downgrade does NOT undo upgrade");
        assert_eq!(first.revision.parents(), "base");
        assert_eq!(first.revision.message, "create users and orders");
        assert!(first
            .upgrade_sql
            .contains("CREATE TYPE orderstatus AS ENUM ('new', 'paid', 'shipped');"));
        assert!(first.downgrade_sql.contains("DROP TABLE users;"));
        assert_eq!(verdict(&v.revisions[1]), "downgrade undoes upgrade");
        assert_eq!(v.revisions[1].revision.parents(), "1a2b3c4d5e6f");
        assert_eq!(
            v.summary(),
            "4 revisions reviewed: 1 downgrade does NOT undo its upgrade"
        );
        // The data steps of the third revision.
        assert_eq!(
            v.revisions[2].upgrade_data,
            [
                "UPDATE orders SET note = '' WHERE note IS NULL",
                "bulk insert into `users`"
            ]
        );
        // The view crosses to the page as JSON (a worker could compute it).
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(serde_json::from_str::<ReviewView>(&json).unwrap(), v);
    }

    #[test]
    fn a_base_schema_is_where_the_first_revision_starts() {
        let files = vec![(
            "versions/1_add_note.py".to_string(),
            "\"\"\"add note\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = \"1\"\ndown_revision = None\n\n\ndef upgrade():\n    op.add_column(\"t\", sa.Column(\"note\", sa.Text(), nullable=True))\n\n\ndef downgrade():\n    op.drop_column(\"t\", \"note\")\n".to_string(),
        )];
        let v = compute_review(
            &files,
            "CREATE TABLE t (id INTEGER PRIMARY KEY);",
            DialectKind::Postgres,
        );
        assert_eq!(v.errors(), 0, "{:?}", v.diagnostics);
        assert_eq!(v.revisions.len(), 1);
        assert!(v.revisions[0].restores);
        assert_eq!(
            v.revisions[0].upgrade_sql,
            "ALTER TABLE t ADD COLUMN note TEXT;\n"
        );
        assert!(v.revisions[0].caveats.is_empty());
        // Without the base, table t is created by nothing: the verdict carries a caveat.
        let v = compute_review(&files, "", DialectKind::Postgres);
        assert!(
            v.revisions[0].caveats[0]
                .starts_with("it changes objects the revisions before it do not create"),
            "{:?}",
            v.revisions[0].caveats
        );
    }

    #[test]
    fn empty_and_broken_inputs() {
        let v = compute_review(
            &vec![(
                NEW_REVISION_FILE.0.to_string(),
                NEW_REVISION_FILE.1.to_string(),
            )],
            "",
            DialectKind::Postgres,
        );
        assert!(v.revisions.is_empty());
        assert!(!v.summary().is_empty());
        let v = compute_review(
            &vec![(
                "versions/x.py".to_string(),
                "revision = 'x'\ndown_revision = None\ndef upgrade(:\n".to_string(),
            )],
            "",
            DialectKind::Postgres,
        );
        assert!(v.errors() > 0 || !v.diagnostics.is_empty(), "{v:?}");
    }
}
