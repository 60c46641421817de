//! MySQL/MariaDB spelling of each change: `MODIFY COLUMN` restating the whole column, `DROP
//! FOREIGN KEY` / `DROP INDEX` / `DROP PRIMARY KEY` / `DROP CHECK`, `RENAME COLUMN`,
//! `RENAME INDEX`, table options and comments with `ALTER TABLE`.

use super::{charset, string_literal, Mysql};
use crate::change::{Change, CommentTarget};
use crate::dialects::sql::{backfill_sql, foreign_key_clause, list};
use crate::dialects::Dialect;
use crate::model::*;

/// A column definition: name, type, charset, collation, nullability, default, attributes.
pub(super) fn column_sql(d: &Mysql, c: &Column) -> String {
    let mut s = format!("{} {}", d.quote_ident(&c.name), d.render_type(&c.ty));
    for a in &c.attrs {
        if let ColumnAttr::Charset(cs) = a {
            s.push_str(&format!(" CHARACTER SET {cs}"));
        }
    }
    if let Some(coll) = &c.collation {
        s.push_str(&format!(" COLLATE {coll}"));
    }
    if let Some(g) = &c.generated {
        let kind = if g.stored { "STORED" } else { "VIRTUAL" };
        s.push_str(&format!(" GENERATED ALWAYS AS ({}) {kind}", g.expr.text));
    }
    if c.not_null {
        s.push_str(" NOT NULL");
    } else if c.ty.name == "timestamp" && c.generated.is_none() {
        s.push_str(" NULL");
    }
    if let Some(def) = &c.default {
        s.push_str(&format!(" DEFAULT {}", def.text));
    }
    for a in &c.attrs {
        match a {
            ColumnAttr::OnUpdate(f) => s.push_str(&format!(" ON UPDATE {f}")),
            ColumnAttr::AutoIncrement => s.push_str(" AUTO_INCREMENT"),
            ColumnAttr::Invisible => s.push_str(" INVISIBLE"),
            ColumnAttr::Charset(_) | ColumnAttr::Comment(_) | ColumnAttr::Check(_) => {}
        }
    }
    for a in &c.attrs {
        if let ColumnAttr::Comment(text) = a {
            s.push_str(&format!(" COMMENT {}", string_literal(text)));
        }
    }
    // MariaDB's column check, last (as SHOW CREATE TABLE writes it).
    for a in &c.attrs {
        if let ColumnAttr::Check(expr) = a {
            s.push_str(&format!(" CHECK ({})", expr.text));
        }
    }
    s
}

/// A key or constraint inside `CREATE TABLE` / after `ADD`.
fn constraint_sql(d: &Mysql, c: &Constraint) -> String {
    // Names the server generates are left to it (it numbers them the same way).
    let named = |kw: &str| match d.written_constraint_name(c) {
        Some(name) => format!("CONSTRAINT {} {kw}", d.quote_ident(&name)),
        None => kw.to_string(),
    };
    // A key's comment is part of its definition (no statement sets one alone).
    let comment = match &c.comment {
        Some(text) => format!(" COMMENT {}", string_literal(text)),
        None => String::new(),
    };
    match &c.kind {
        ConstraintKind::PrimaryKey { columns, .. } => {
            format!("PRIMARY KEY ({}){comment}", list(d, columns))
        }
        ConstraintKind::Unique { columns, .. } if c.implicit_name => {
            format!("UNIQUE KEY ({}){comment}", list(d, columns))
        }
        ConstraintKind::Unique { columns, .. } => {
            format!(
                "UNIQUE KEY {} ({}){comment}",
                d.quote_ident(&c.name),
                list(d, columns)
            )
        }
        ConstraintKind::Check { expr, .. } => format!("{} ({})", named("CHECK"), expr.text),
        ConstraintKind::ForeignKey {
            columns,
            ref_table,
            ref_columns,
            on_delete,
            on_update,
            ..
        } => named(&foreign_key_clause(
            d,
            (columns, ref_table, ref_columns),
            false,
            *on_update,
            *on_delete,
        )),
        ConstraintKind::Exclude { body } => format!("{} {}", named("EXCLUDE"), body.text),
    }
}

/// Table options as `CREATE TABLE` and `ALTER TABLE` write them.
fn options_sql(attrs: &[TableAttr]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| {
            matches!(
                a,
                TableAttr::MysqlEngine(_)
                    | TableAttr::MysqlCharset(_)
                    | TableAttr::MysqlCollate(_)
                    | TableAttr::MysqlOption(_)
            )
        })
        .map(|a| a.sql().to_string())
        .collect()
}

fn create_table_sql(d: &Mysql, t: &Table) -> String {
    let mut elems: Vec<String> = t.columns.values().map(|c| column_sql(d, c)).collect();
    elems.extend(t.constraints.values().map(|c| constraint_sql(d, c)));
    let mut s = format!(
        "CREATE TABLE {} (\n  {}\n)",
        d.quote_name(&t.name),
        elems.join(",\n  ")
    );
    for o in options_sql(&t.attrs) {
        s.push(' ');
        s.push_str(&o);
    }
    s
}

fn index_sql(d: &Mysql, i: &Index) -> String {
    let kind = match (i.unique, i.method.as_ref()) {
        (true, _) => "UNIQUE ",
        (_, "fulltext") => "FULLTEXT ",
        (_, "spatial") => "SPATIAL ",
        _ => "",
    };
    let keys: Vec<String> = i
        .keys
        .iter()
        .map(|k| {
            if k.descending {
                format!("{} DESC", k.expr.text)
            } else {
                k.expr.text.to_string()
            }
        })
        .collect();
    let mut s = format!(
        "CREATE {kind}INDEX {} ON {} ({})",
        d.quote_ident(&i.name.name),
        d.quote_name(&i.table),
        keys.join(", ")
    );
    if let Some(c) = &i.comment {
        s.push_str(&format!(" COMMENT {}", string_literal(c)));
    }
    s
}

/// A trigger or routine whose body holds `;`: between `DELIMITER $$` and `DELIMITER ;` (the
/// script's `;` ends the last line), so that the mysql client sends it whole.
pub(super) fn client_statement(statement: String) -> String {
    let head = statement.trim_start().get(..7).unwrap_or("");
    if head.eq_ignore_ascii_case("create ") && statement.contains(';') {
        format!("DELIMITER $$\n{statement}$$\nDELIMITER ")
    } else {
        statement
    }
}

pub(super) fn render_change(d: &Mysql, change: &Change, out: &mut Vec<String>) {
    let alter = |t: &QualName| format!("ALTER TABLE {}", d.quote_name(t));
    match change {
        Change::RenameTable { from, to } => out.push(format!(
            "RENAME TABLE {} TO {}",
            d.quote_name(from),
            d.quote_name(to)
        )),
        Change::RenameColumn { table, from, to } => out.push(format!(
            "{} RENAME COLUMN {} TO {}",
            alter(table),
            d.quote_ident(from),
            d.quote_ident(to)
        )),
        Change::CreateTable { table, .. } => out.push(create_table_sql(d, table)),
        Change::DropTable { table } => {
            out.push(format!("DROP TABLE {}", d.quote_name(&table.name)))
        }
        Change::AddColumn { table, column, .. } => out.push(format!(
            "{} ADD COLUMN {}",
            alter(table),
            column_sql(d, column)
        )),
        Change::DropColumn { table, column } => out.push(format!(
            "{} DROP COLUMN {}",
            alter(table),
            d.quote_ident(&column.name)
        )),
        Change::AlterColumn { table, to, .. } => out.push(format!(
            "{} MODIFY COLUMN {}",
            alter(table),
            column_sql(d, to)
        )),
        Change::AddConstraint { table, constraint }
        | Change::AddForeignKeyNotValid { table, constraint } => out.push(format!(
            "{} ADD {}",
            alter(table),
            constraint_sql(d, constraint)
        )),
        Change::DropConstraint { table, constraint } => {
            let name = d.quote_ident(&constraint.name);
            let what = match &constraint.kind {
                ConstraintKind::PrimaryKey { .. } => "PRIMARY KEY".to_string(),
                ConstraintKind::Unique { .. } => format!("INDEX {name}"),
                ConstraintKind::ForeignKey { .. } => format!("FOREIGN KEY {name}"),
                ConstraintKind::Check { .. } if !d.mariadb => format!("CHECK {name}"),
                ConstraintKind::Check { .. } | ConstraintKind::Exclude { .. } => {
                    format!("CONSTRAINT {name}")
                }
            };
            out.push(format!("{} DROP {what}", alter(table)))
        }
        // Checked when added: nothing to validate later.
        Change::ValidateConstraint { .. } => {}
        // (The planner leaves out the index a foreign key it creates makes itself.)
        Change::CreateIndex { index } | Change::CreateIndexConcurrently { index } => {
            out.push(index_sql(d, index))
        }
        Change::DropIndex { index } | Change::DropIndexConcurrently { index } => out.push(format!(
            "DROP INDEX {} ON {}",
            d.quote_ident(&index.name.name),
            d.quote_name(&index.table)
        )),
        Change::RenameIndex { from, to, index } => out.push(format!(
            "{} RENAME INDEX {} TO {}",
            alter(&index.table),
            d.quote_ident(&from.name),
            d.quote_ident(to)
        )),
        Change::Backfill {
            table,
            column,
            value,
        } => out.push(backfill_sql(d, table, column, value)),
        Change::SetTableOptions {
            table,
            from,
            to,
            convert_columns,
        } => {
            let mut opts = options_sql(to);
            opts.retain(|o| !options_sql(from).contains(o));
            if *convert_columns {
                // Its own statement: the columns restated after it keep what they write.
                let charset_option = |a: &TableAttr| {
                    matches!(a, TableAttr::MysqlCharset(_) | TableAttr::MysqlCollate(_))
                };
                let probe = Table {
                    attrs: to.clone(),
                    ..Table::new(table.clone())
                };
                if let (Some(cs), coll) = charset::real_defaults(&probe) {
                    let mut s = format!("{} CONVERT TO CHARACTER SET {cs}", alter(table));
                    if let Some(coll) = coll {
                        s.push_str(&format!(" COLLATE {coll}"));
                    }
                    out.push(s);
                    opts.retain(|o| !to.iter().any(|a| charset_option(a) && a.sql() == o));
                }
            }
            let gone = |f: &dyn Fn(&TableAttr) -> bool| from.iter().any(f) && !to.iter().any(f);
            if gone(&|a| matches!(a, TableAttr::MysqlEngine(_))) {
                opts.push("ENGINE=InnoDB".into());
            }
            if gone(&|a| matches!(a, TableAttr::MysqlOption(o) if o.starts_with("ROW_FORMAT="))) {
                opts.push("ROW_FORMAT=DEFAULT".into());
            }
            if !opts.is_empty() {
                out.push(format!("{} {}", alter(table), opts.join(" ")));
            }
        }
        Change::SetComment {
            target: CommentTarget::Table { name },
            comment,
        } => out.push(format!(
            "{} COMMENT = {}",
            alter(name),
            string_literal(comment.as_deref().unwrap_or(""))
        )),
        Change::CreateView { view } => {
            // `options`: the view's `ALGORITHM=..` and `SQL SECURITY ..`, as read.
            let mut s = String::from("CREATE ");
            for option in &view.options {
                s.push_str(option);
                s.push(' ');
            }
            s.push_str(&format!("VIEW {}", d.quote_name(&view.name)));
            if !view.columns.is_empty() {
                s.push_str(&format!(" ({})", list(d, &view.columns)));
            }
            s.push_str(" AS ");
            s.push_str(view.query.text.trim());
            if let Some(level) = &view.check_option {
                s.push_str(&format!(" WITH {level} CHECK OPTION"));
            }
            out.push(s)
        }
        Change::DropView { view } => out.push(format!("DROP VIEW {}", d.quote_name(&view.name))),
        Change::CreateObject { object } => out.push(object.create.text.trim().to_string()),
        Change::DropObject { object } => out.push(object.drop.clone()),
        Change::ReplaceObject { from, to } => {
            out.push(from.drop.clone());
            out.push(to.create.text.trim().to_string());
        }
        // Changes the MySQL planner never makes: its grammar reads none of these objects,
        // constraint renames are a drop and an add (`renames_constraints`), and every change
        // of a kept table is an `ALTER TABLE`. Written as a comment rather than dropped if one
        // ever arrives.
        Change::SetComment { .. }
        | Change::RenameConstraint { .. }
        | Change::RebuildTable { .. }
        | Change::CreateSchema { .. }
        | Change::DropSchema { .. }
        | Change::CreateExtension { .. }
        | Change::DropExtension { .. }
        | Change::CreateEnum { .. }
        | Change::DropEnum { .. }
        | Change::AddEnumValue { .. }
        | Change::RecreateEnum { .. }
        | Change::CreateSequence { .. }
        | Change::DropSequence { .. }
        | Change::AlterSequence { .. }
        | Change::AttachPartition { .. }
        | Change::DetachPartition { .. }
        | Change::SetRowSecurity { .. }
        | Change::Grant { .. }
        | Change::Revoke { .. } => out.push(format!(
            "-- schemashift: {} has no statement for: {}",
            d.label(),
            change.summary()
        )),
    }
}

/// A statement as `ALTER TABLE` clauses: the table as written and its clauses. `CREATE INDEX
/// i ON t (..)` is `ADD INDEX i (..)` and `DROP INDEX i ON t` is `DROP INDEX i` there.
fn alter_clauses(stmt: &str) -> Option<(&str, Vec<String>)> {
    if let Some(rest) = stmt.strip_prefix("ALTER TABLE ") {
        let (table, rest) = split_name(rest)?;
        let clauses = match rest.strip_prefix("\n  ") {
            Some(list) => list.split(",\n  ").map(str::to_string).collect(),
            None => vec![rest.strip_prefix(' ')?.to_string()],
        };
        return Some((table, clauses));
    }
    if let Some(rest) = stmt.strip_prefix("DROP INDEX ") {
        let (index, rest) = split_name(rest)?;
        let table = rest.strip_prefix(" ON ")?;
        let (table, tail) = split_name(table)?;
        return tail
            .is_empty()
            .then(|| (table, vec![format!("DROP INDEX {index}")]));
    }
    let rest = stmt.strip_prefix("CREATE ")?;
    let (kind, rest) = ["UNIQUE ", "FULLTEXT ", "SPATIAL ", ""]
        .iter()
        .find_map(|k| Some((*k, rest.strip_prefix(k)?.strip_prefix("INDEX ")?)))?;
    let (index, rest) = split_name(rest)?;
    let (table, tail) = split_name(rest.strip_prefix(" ON ")?)?;
    Some((table, vec![format!("ADD {kind}INDEX {index}{tail}")]))
}

/// A backquoted name, possibly qualified (`` `s`.`t` ``), at the start of `s`, and the rest.
fn split_name(s: &str) -> Option<(&str, &str)> {
    let mut end = 0;
    loop {
        let rest = s[end..].strip_prefix('`')?;
        let mut i = 0;
        let bytes = rest.as_bytes();
        loop {
            if bytes.get(i)? == &b'`' {
                if bytes.get(i + 1) == Some(&b'`') {
                    i += 2;
                    continue;
                }
                break;
            }
            i += 1;
        }
        end += 1 + i + 1;
        if s[end..].starts_with(".`") {
            end += 1;
        } else {
            return Some((&s[..end], &s[end..]));
        }
    }
}

/// The kind of an `ALTER TABLE` clause for merging: only clauses of one kind share a
/// statement.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Columns, keys and indexes.
    Plain,
    /// `DROP FOREIGN KEY` (before the indexes the keys need go).
    DropForeignKey,
    /// `ADD [CONSTRAINT ..] FOREIGN KEY` (after the keys they reference exist).
    AddForeignKey,
}

/// A clause's kind and the column it adds, modifies or drops; `None` for a clause that may
/// not share its statement: renames (later clauses would name the old or the new name), table
/// options and comments.
fn clause_kind(clause: &str) -> Option<(Kind, Option<&str>)> {
    for head in ["ADD COLUMN ", "MODIFY COLUMN ", "DROP COLUMN "] {
        if let Some(rest) = clause.strip_prefix(head) {
            return Some((Kind::Plain, Some(split_name(rest)?.0)));
        }
    }
    if clause.starts_with("DROP FOREIGN KEY ") {
        return Some((Kind::DropForeignKey, None));
    }
    let add_fk = clause.starts_with("ADD FOREIGN KEY ")
        || clause
            .strip_prefix("ADD CONSTRAINT ")
            .and_then(split_name)
            .is_some_and(|(_, rest)| rest.starts_with(" FOREIGN KEY "));
    if add_fk {
        return Some((Kind::AddForeignKey, None));
    }
    let plain = [
        "ADD INDEX ",
        "ADD UNIQUE INDEX ",
        "ADD FULLTEXT INDEX ",
        "ADD SPATIAL INDEX ",
        "ADD UNIQUE KEY ",
        "ADD PRIMARY KEY ",
        "DROP PRIMARY KEY",
        "DROP INDEX ",
    ];
    plain
        .iter()
        .any(|m| clause.starts_with(m))
        .then_some((Kind::Plain, None))
}

/// Neighbouring changes of one table as one `ALTER TABLE` with a clause per line, as Skeema,
/// sqldef and Atlas write them for MySQL. A column is named by at most one clause of a
/// statement (the `AUTO_INCREMENT` dance modifies a column twice: two statements), and
/// foreign keys dropped or added share a statement only with each other, so that the order
/// the planner gave (keys dropped before the indexes they need, added after the keys they
/// reference) holds.
pub(super) fn merge_statements(first: &str, second: &str) -> Option<String> {
    let (t1, mut c1) = alter_clauses(first)?;
    let (t2, c2) = alter_clauses(second)?;
    if t1 != t2 {
        return None;
    }
    let mut columns = Vec::new();
    let mut kind = None;
    for c in c1.iter().chain(&c2) {
        let (k, col) = clause_kind(c)?;
        if kind.is_some_and(|x| x != k) {
            return None;
        }
        kind = Some(k);
        if let Some(col) = col {
            if columns.contains(&col) {
                return None;
            }
            columns.push(col);
        }
    }
    c1.extend(c2);
    Some(format!("ALTER TABLE {t1}\n  {}", c1.join(",\n  ")))
}

#[cfg(test)]
mod merge_tests {
    use super::merge_statements as m;

    #[test]
    fn neighbours_of_one_table_share_an_alter_table() {
        assert_eq!(
            m(
                "ALTER TABLE `t` ADD COLUMN `a` int",
                "CREATE INDEX `i` ON `t` (`a`)"
            )
            .unwrap(),
            "ALTER TABLE `t`\n  ADD COLUMN `a` int,\n  ADD INDEX `i` (`a`)"
        );
        let two = m(
            "ALTER TABLE `t` DROP COLUMN `b`",
            "ALTER TABLE `t` MODIFY COLUMN `a` bigint",
        )
        .unwrap();
        assert_eq!(
            m(&two, "DROP INDEX `j` ON `t`").unwrap(),
            "ALTER TABLE `t`\n  DROP COLUMN `b`,\n  MODIFY COLUMN `a` bigint,\n  DROP INDEX `j`"
        );
        // Another table, a column named twice, renames and foreign keys stay apart.
        assert!(m(
            "ALTER TABLE `t` ADD COLUMN `a` int",
            "ALTER TABLE `u` DROP COLUMN `a`"
        )
        .is_none());
        assert!(m(&two, "ALTER TABLE `t` MODIFY COLUMN `a` int").is_none());
        assert!(m(&two, "ALTER TABLE `t` RENAME COLUMN `x` TO `y`").is_none());
        let fk = "ALTER TABLE `t` ADD CONSTRAINT `f` FOREIGN KEY (`a`) REFERENCES `u` (`id`)";
        assert!(m(&two, fk).is_none());
        assert!(m(fk, fk).is_some());
        assert!(m(
            "ALTER TABLE `t` DROP FOREIGN KEY `f`",
            "ALTER TABLE `t` DROP FOREIGN KEY `g`"
        )
        .is_some());
        assert!(m(
            "ALTER TABLE `t` DROP FOREIGN KEY `f`",
            "DROP INDEX `f` ON `t`"
        )
        .is_none());
        assert!(m(
            "CREATE UNIQUE INDEX `i` ON `t` (`a`) COMMENT 'x'",
            "ALTER TABLE `t` ADD COLUMN `c` int"
        )
        .unwrap()
        .contains("ADD UNIQUE INDEX `i` (`a`) COMMENT 'x'"));
    }
}
