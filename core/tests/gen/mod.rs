//! Generated schemas (issue 17), shared by the property tests (`core/tests/properties.rs`,
//! with the proptest strategies of `strategy.rs`), the round trips on real databases
//! (`cli/tests/{sqlite,pg}_roundtrip.rs`) and the structure-aware fuzz target
//! (`fuzz/fuzz_targets/schema_pairs.rs`, where the types derive `arbitrary::Arbitrary`):
//! tables with columns of a few types, nullability, defaults, primary keys, unique columns,
//! foreign keys, named checks, indexes (unique or not), composite unique keys, views and, for
//! PostgreSQL, an enum type, rendered to DDL per dialect.
#![allow(dead_code)]

use schemashift::{migrate, DialectKind, Options, Side};

pub const TABLES: usize = 4;
pub const COLUMNS: usize = 5;

#[derive(Clone, Debug)]
#[cfg_attr(fuzzing, derive(arbitrary::Arbitrary))]
pub struct Col {
    pub ty: usize,
    pub nullable: bool,
    pub default: Option<usize>,
    pub unique: bool,
    /// References `t{fk}(id)` (when that table exists).
    pub fk: Option<usize>,
    pub check: bool,
    /// An index on the column: `Some(unique)`.
    pub index: Option<bool>,
    /// The foreign key's `ON DELETE` (0: none, 1: CASCADE, 2: SET NULL).
    pub on_delete: usize,
}

#[derive(Clone, Debug)]
#[cfg_attr(fuzzing, derive(arbitrary::Arbitrary))]
pub struct Tab {
    pub cols: Vec<Option<Col>>,
    /// A view over the table's `id` and its first column.
    pub view: bool,
    /// A composite unique key on (first column, id).
    pub composite: bool,
}

#[derive(Clone, Debug)]
#[cfg_attr(fuzzing, derive(arbitrary::Arbitrary))]
pub struct Schema {
    pub tables: Vec<Option<Tab>>,
    /// PostgreSQL: the enum `mood` has the first 2 or 3 of its labels.
    pub enum_labels: usize,
}

/// B for a pair: `a` with some tables, columns and attributes changed, `picks[t * COLUMNS + c]`
/// saying what happens to column `c` of table `t` (a pair of independent schemas rarely
/// shares anything to alter).
pub fn mix(a: &Schema, other: &Schema, picks: &[u8]) -> Schema {
    let mut b = a.clone();
    b.enum_labels = other.enum_labels;
    for t in 0..TABLES {
        for c in 0..COLUMNS {
            // 0: keep, 1: take the other schema's column (or absence), 2: flip
            // nullability and the default, 3: keep.
            match picks.get(t * COLUMNS + c).copied().unwrap_or(0) % 4 {
                1 => {
                    let theirs = other.tables[t].as_ref().map(|ot| ot.cols[c].clone());
                    match (&mut b.tables[t], theirs) {
                        (Some(bt), Some(oc)) => bt.cols[c] = oc,
                        (bt @ None, Some(_)) => *bt = other.tables[t].clone(),
                        (bt, None) if c == 0 => *bt = None,
                        _ => {}
                    }
                }
                2 => {
                    if let Some(Some(col)) = b.tables[t].as_mut().map(|bt| bt.cols[c].as_mut()) {
                        col.nullable = !col.nullable;
                        col.default = match col.default {
                            None => Some(0),
                            Some(0) => Some(1),
                            Some(_) => None,
                        };
                    }
                }
                _ => {}
            }
        }
    }
    b
}

impl Schema {
    /// Brings arbitrary values (the fuzz target's) into the shape the strategies make:
    /// `TABLES` tables of `COLUMNS` columns, foreign keys to one of them, 2 or 3 enum labels.
    pub fn normalize(&mut self) {
        self.tables.resize(TABLES, None);
        self.enum_labels = 2 + self.enum_labels % 2;
        for tab in self.tables.iter_mut().flatten() {
            tab.cols.resize(COLUMNS, None);
            for col in tab.cols.iter_mut().flatten() {
                col.default = col.default.map(|d| d % 2);
                col.fk = col.fk.map(|k| k % TABLES);
                col.on_delete %= 3;
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Class {
    Int,
    Text,
    Bool,
    Decimal,
    Time,
    Enum,
}

/// The dialect's spelling of type `ty` and its class.
pub fn ty(dialect: DialectKind, ty: usize) -> (&'static str, Class) {
    use Class::*;
    let types: &[(&str, Class)] = match dialect {
        DialectKind::Postgres => &[
            ("integer", Int),
            ("bigint", Int),
            ("text", Text),
            ("varchar(20)", Text),
            ("varchar(40)", Text),
            ("boolean", Bool),
            ("numeric(10,2)", Decimal),
            ("mood", Enum),
        ],
        DialectKind::Sqlite => &[
            ("INTEGER", Int),
            ("INTEGER", Int),
            ("TEXT", Text),
            ("VARCHAR(20)", Text),
            ("TEXT", Text),
            ("REAL", Decimal),
            ("NUMERIC", Decimal),
            ("INTEGER", Int),
        ],
        DialectKind::Mysql | DialectKind::Mariadb => &[
            ("int", Int),
            ("bigint", Int),
            ("varchar(20)", Text),
            ("varchar(40)", Text),
            ("varchar(40)", Text),
            ("tinyint(1)", Bool),
            ("decimal(10,2)", Decimal),
            ("datetime", Time),
        ],
    };
    types[ty % types.len()]
}

pub fn default_of(class: Class, dialect: DialectKind, d: usize) -> String {
    match (class, d) {
        (Class::Int, 0) => "0".into(),
        (Class::Int, _) => "-1".into(),
        (Class::Text, 0) => "'a'".into(),
        (Class::Text, _) => "'b c'".into(),
        (Class::Bool, 0) if dialect == DialectKind::Postgres => "true".into(),
        (Class::Bool, _) if dialect == DialectKind::Postgres => "false".into(),
        (Class::Bool, d) => d.to_string(),
        (Class::Decimal, 0) => "1.50".into(),
        (Class::Decimal, _) => "0".into(),
        (Class::Time, _) => "CURRENT_TIMESTAMP".into(),
        (Class::Enum, 0) => "'sad'".into(),
        (Class::Enum, _) => "'ok'".into(),
    }
}

/// The statements of a schema's DDL: (class, text) with class 0 types, 1 tables, 2 indexes,
/// 3 views.
pub fn statements(s: &Schema, dialect: DialectKind) -> Vec<(u8, String)> {
    let pg = dialect == DialectKind::Postgres;
    let id_type = match dialect {
        DialectKind::Postgres => "integer",
        DialectKind::Sqlite => "INTEGER",
        _ => "int",
    };
    let mut out = Vec::new();
    if pg {
        let labels = ["'sad'", "'ok'", "'happy'"][..s.enum_labels].join(", ");
        out.push((0, format!("CREATE TYPE mood AS ENUM ({labels});")));
    }
    for (t, tab) in s.tables.iter().enumerate() {
        let Some(tab) = tab else { continue };
        let mut lines = vec![format!("  id {id_type} NOT NULL PRIMARY KEY")];
        let mut constraints = Vec::new();
        for (c, col) in tab.cols.iter().enumerate() {
            let Some(col) = col else { continue };
            let name = format!("c{c}");
            let target = col.fk.filter(|&k| s.tables[k].is_some());
            let (spelled, class) = match target {
                Some(_) => (id_type, Class::Int),
                None => ty(dialect, col.ty),
            };
            let mut line = format!("  {name} {spelled}");
            if !col.nullable {
                line.push_str(" NOT NULL");
            }
            if let Some(d) = col.default {
                line.push_str(&format!(" DEFAULT {}", default_of(class, dialect, d)));
            }
            if col.unique {
                line.push_str(" UNIQUE");
            }
            lines.push(line);
            if let Some(k) = target {
                let action = match col.on_delete {
                    1 => " ON DELETE CASCADE",
                    2 if col.nullable => " ON DELETE SET NULL",
                    _ => "",
                };
                constraints.push(format!(
                    "  CONSTRAINT t{t}_{name}_fkey FOREIGN KEY ({name}) REFERENCES t{k} (id){action}"
                ));
            }
            if col.check && class == Class::Int {
                constraints.push(format!(
                    "  CONSTRAINT t{t}_{name}_check CHECK ({name} >= 0)"
                ));
            }
            if let Some(unique) = col.index {
                let unique = if unique { "UNIQUE " } else { "" };
                out.push((
                    2,
                    format!("CREATE {unique}INDEX t{t}_{name}_idx ON t{t} ({name});"),
                ));
            }
        }
        let first = tab
            .cols
            .iter()
            .position(Option::is_some)
            .map(|c| format!("c{c}"));
        if let (true, Some(first)) = (tab.composite, &first) {
            constraints.push(format!("  CONSTRAINT t{t}_pair_key UNIQUE ({first}, id)"));
        }
        lines.extend(constraints);
        out.push((1, format!("CREATE TABLE t{t} (\n{}\n);", lines.join(",\n"))));
        if tab.view {
            let cols = first.map_or("id".to_string(), |f| format!("id, {f}"));
            out.push((
                3,
                format!("CREATE VIEW v{t} AS SELECT {cols} FROM t{t} WHERE id > 0;"),
            ));
        }
    }
    out
}

pub fn ddl(statements: &[(u8, String)]) -> String {
    let mut s: Vec<&(u8, String)> = statements.iter().collect();
    // Stable: statements of a class keep their order among themselves.
    s.sort_by_key(|(class, _)| *class);
    s.iter().map(|(_, t)| format!("{t}\n")).collect()
}

/// Foreign keys only to the table itself or to earlier tables: no cycles.
pub fn acyclic(s: &mut Schema) {
    for (t, tab) in s.tables.iter_mut().enumerate() {
        for col in tab.iter_mut().flat_map(|tab| tab.cols.iter_mut().flatten()) {
            col.fk = col.fk.filter(|&k| k <= t);
        }
    }
}

/// Convergence in the model (Vitess-style): A's DDL followed by the UP script reads as a
/// schema with no change left against B, and followed by UP then DOWN, as A again. `Err`
/// says what is left. `Ok(false)` when it could not be decided: the scripts hold a statement
/// the SQL frontend does not model (a diagnostic inside the script, other than on the
/// `INSERT INTO ... SELECT` that copies rows in a SQLite table rebuild).
pub fn converges_in_model(a: &str, b: &str, dialect: DialectKind) -> Result<bool, String> {
    let options = Options {
        dialect,
        ..Options::default()
    };
    let o = migrate(a, b, &options);
    let Some(m) = o.migration else {
        return Err(format!("A and B do not read: {:?}", o.diagnostics));
    };
    let after_up = format!("{a}\n{}", m.up);
    let after_down = format!("{after_up}\n{}", m.down);
    for (text, target, start, what) in [
        (&after_up, b, a.len() + 1, "A + UP against B"),
        (&after_down, a, a.len() + 1, "A + UP + DOWN against A"),
    ] {
        let o = migrate(text, target, &options);
        let unmodelled = o.diagnostics.iter().any(|d| {
            d.side == Side::Current
                && d.offset >= start
                && !text
                    .get(d.offset..)
                    .is_some_and(|t| t.starts_with("INSERT INTO"))
        });
        if unmodelled {
            return Ok(false);
        }
        let Some(left) = o.migration else {
            return Err(format!("{what}: {:?}", o.diagnostics));
        };
        if !left.changes.is_empty() {
            return Err(format!(
                "{what} is not empty:\n{}\nA:\n{a}\nB:\n{b}\nUP:\n{}\nDOWN:\n{}",
                left.up, m.up, m.down
            ));
        }
    }
    Ok(true)
}
