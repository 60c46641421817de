//! What the server fills in once a table is known: the names of unnamed keys (the first
//! column, then `_2`, `_3`...), foreign keys (`<table>_ibfk_<n>`) and checks (MySQL
//! `<table>_chk_<n>`, MariaDB `CONSTRAINT_<n>`), the index a foreign key needs, NOT NULL on
//! primary key columns, and canonical defaults, charsets and collations.

use super::grammar::PLACEHOLDER;
use super::FK_INDEX;
use crate::model::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::HashSet;

pub(super) fn complete(schema: &mut Schema, mariadb: bool) {
    let mut indexes: Map<QualName, Index> = Map::default();
    let mut all: Vec<Option<Index>> = std::mem::take(&mut schema.indexes)
        .into_values()
        .map(Some)
        .collect();
    // Each table's indexes by position, in their order (one pass, not one per table).
    let mut of_table: HashMap<QualName, Vec<usize>> = HashMap::default();
    for (n, i) in all.iter().enumerate() {
        if let Some(i) = i {
            of_table.entry(i.table.clone()).or_default().push(n);
        }
    }
    let names: Vec<QualName> = schema.tables.keys().cloned().collect();
    for name in names {
        let table = schema.tables.get_mut(&name).expect("listed");
        let mut own: Vec<Index> = of_table
            .remove(&name)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|n| all[n].take())
            .collect();
        complete_table(table, &mut own, mariadb);
        for mut i in own {
            i.name.schema = index_namespace(&name);
            indexes.insert(i.name.clone(), i);
        }
    }
    // Indexes of views or unknown tables stay as they are.
    for i in all.into_iter().flatten() {
        indexes.insert(i.name.clone(), i);
    }
    schema.indexes = indexes;
}

/// [`complete`] for one table, as the server does when it makes or alters it: a statement
/// that follows may name what it named. Run again at the end, it changes nothing more.
pub(super) fn complete_one(schema: &mut Schema, name: &QualName, mariadb: bool) {
    if !schema.tables.contains_key(name) {
        return;
    }
    let keys: Vec<QualName> = (schema.indexes.iter())
        .filter(|(_, i)| i.table == *name)
        .map(|(k, _)| k.clone())
        .collect();
    let mut own: Vec<Index> = (keys.iter())
        .filter_map(|k| schema.indexes.shift_remove(k))
        .collect();
    let table = schema.tables.get_mut(name).expect("checked");
    complete_table(table, &mut own, mariadb);
    for mut i in own {
        i.name.schema = index_namespace(name);
        schema.indexes.insert(i.name.clone(), i);
    }
}

/// Whether key or index columns `cols` start with `prefix` (cover it, for a foreign key).
fn begins(cols: &[Str], prefix: &[Str]) -> bool {
    cols.len() >= prefix.len() && cols[..prefix.len()] == prefix[..]
}

/// Whether the server made index `i` for a foreign key (no name was written for it).
fn made_for_fk(i: &Index) -> bool {
    i.implicit_name && i.options.iter().any(|o| o == FK_INDEX)
}

/// `n` of a foreign key named as the server names one of table `table`: `<table>_ibfk_<n>`.
fn fk_number(table: &str, name: &str) -> Option<u32> {
    name.strip_prefix(table)?
        .strip_prefix("_ibfk_")?
        .parse()
        .ok()
}

pub(super) fn plain_columns(i: &Index) -> Option<Vec<Str>> {
    i.keys
        .iter()
        .map(|k| (!k.descending && !k.expr.key.contains('(')).then(|| k.expr.key.clone()))
        .collect()
}

fn complete_table(t: &mut Table, indexes: &mut Vec<Index>, mariadb: bool) {
    // Canonical spellings.
    let table_charset = t.attrs.iter().find_map(|a| match a {
        TableAttr::MysqlCharset(v) => v.strip_prefix("DEFAULT CHARSET=").map(charset),
        _ => None,
    });
    let table_collation = t.attrs.iter().find_map(|a| match a {
        TableAttr::MysqlCollate(v) => v.strip_prefix("COLLATE=").map(collation),
        _ => None,
    });
    for a in &mut t.attrs {
        match a {
            TableAttr::MysqlCharset(v) => {
                if let Some(cs) = v.strip_prefix("DEFAULT CHARSET=") {
                    *v = format!("DEFAULT CHARSET={}", charset(cs));
                }
            }
            TableAttr::MysqlCollate(v) => {
                if let Some(coll) = v.strip_prefix("COLLATE=") {
                    *v = format!("COLLATE={}", collation(coll));
                }
            }
            _ => {}
        }
    }
    t.attrs
        .retain(|a| !matches!(a, TableAttr::MysqlEngine(e) if e == "ENGINE=InnoDB"));
    let pk: Vec<Str> = match t.primary_key().map(|c| &c.kind) {
        Some(ConstraintKind::PrimaryKey { columns, .. }) => columns.clone(),
        _ => Vec::new(),
    };
    for c in t.columns.values_mut() {
        if pk.contains(&c.name) {
            c.not_null = true;
        }
        for a in &mut c.attrs {
            if let ColumnAttr::OnUpdate(f) = a {
                *f = mysql_now(f);
            }
        }
        normalize_charset(
            c,
            table_charset.as_deref(),
            table_collation.as_deref(),
            mariadb,
        );
        if let Some(d) = &mut c.default {
            d.key = default_key(&d.text).into();
        }
    }
    if mariadb {
        json_columns(t);
    }
    whole_column_prefixes(t, indexes);
    // A unique index on plain columns is a unique key.
    indexes.retain(|i| {
        let Some(columns) = plain_columns(i).filter(|_| i.unique && i.method == "btree") else {
            return true;
        };
        let name = i.name.name.clone();
        t.constraints.insert(
            name.clone(),
            Constraint {
                name,
                kind: ConstraintKind::Unique {
                    columns,
                    include: Vec::new(),
                    nulls_not_distinct: false,
                },
                deferrable: false,
                initially_deferred: false,
                implicit_name: i.implicit_name,
                comment: i.comment.clone(),
            },
        );
        false
    });
    // Names of keys: PRIMARY, written names, then unnamed ones after their first column.
    let mut taken: HashSet<Str> = t
        .constraints
        .values()
        .filter(|c| !c.name.starts_with(PLACEHOLDER))
        .filter(|c| {
            matches!(
                c.kind,
                ConstraintKind::PrimaryKey { .. } | ConstraintKind::Unique { .. }
            )
        })
        .map(|c| c.name.clone())
        .chain(
            indexes
                .iter()
                .filter(|i| !i.name.name.starts_with(PLACEHOLDER))
                .map(|i| i.name.name.clone()),
        )
        .collect();
    let key_name = |first: &str, taken: &mut HashSet<Str>| {
        let mut name = Str::from(first);
        let mut n = 2;
        while taken.contains(&name) {
            name = format_compact!("{first}_{n}");
            n += 1;
        }
        taken.insert(name.clone());
        name
    };
    let mut constraints: Vec<Constraint> =
        std::mem::take(&mut t.constraints).into_values().collect();
    for c in &mut constraints {
        // The server ignores a primary key's written name (`CONSTRAINT pk_t PRIMARY KEY`,
        // SQLAlchemy's naming conventions): it is always PRIMARY.
        if let ConstraintKind::PrimaryKey { .. } = &c.kind {
            c.name = "PRIMARY".into();
        }
        if let ConstraintKind::Unique { columns, .. } = &c.kind {
            if c.name.starts_with(PLACEHOLDER) {
                c.name = key_name(&columns[0], &mut taken);
            }
        }
    }
    for i in indexes.iter_mut() {
        if i.name.name.starts_with(PLACEHOLDER) {
            let first = match i.keys.first() {
                Some(k) if !k.expr.key.starts_with('(') => {
                    k.expr.key.split('(').next().unwrap_or_default().to_string()
                }
                _ => "functional_index".to_string(),
            };
            i.name.name = key_name(&first, &mut taken);
        }
    }
    // Foreign keys and checks, numbered in the order written.
    let constraint_names: HashSet<Str> = constraints.iter().map(|c| c.name.clone()).collect();
    let (mut fk_n, mut chk_n) = (0, 0);
    let mut column_checks: Vec<Str> = Vec::new();
    for c in &mut constraints {
        if !c.name.starts_with(PLACEHOLDER) {
            continue;
        }
        let next = |n: &mut usize, make: &dyn Fn(usize) -> Str| loop {
            *n += 1;
            let name = make(*n);
            if !constraint_names.contains(&name) {
                return name;
            }
        };
        let table = t.name.name.clone();
        match c.kind {
            ConstraintKind::ForeignKey { .. } => {
                c.name = next(&mut fk_n, &|n| format_compact!("{table}_ibfk_{n}"))
            }
            ConstraintKind::Check { ref expr, .. }
                if mariadb && c.name.starts_with(&format!("{PLACEHOLDER}column_check")) =>
            {
                c.name = c.name.rsplit(PLACEHOLDER).next().unwrap_or_default().into();
                // Part of its column's definition.
                if let Some(col) = t.columns.get_mut(&c.name) {
                    col.attrs.push(ColumnAttr::Check(expr.clone()));
                    col.attrs.sort();
                    column_checks.push(c.name.clone());
                }
            }
            ConstraintKind::Check { .. } if mariadb => {
                c.name = next(&mut chk_n, &|n| format_compact!("CONSTRAINT_{n}"))
            }
            _ => c.name = next(&mut chk_n, &|n| format_compact!("{table}_chk_{n}")),
        }
    }
    constraints.retain(|c| {
        !(c.implicit_name
            && matches!(c.kind, ConstraintKind::Check { .. })
            && column_checks.contains(&c.name))
    });
    // The index a foreign key needs, when no key or index starts with its columns.
    let mut implied: Vec<Index> = Vec::new();
    // The names of the indexes the server made for the table's foreign keys. One it made for a
    // key since dropped (`DROP FOREIGN KEY` keeps the index) gives way to the index a new key
    // needs (below).
    let owned: HashSet<Str> = (constraints.iter())
        .filter_map(|c| match &c.kind {
            ConstraintKind::ForeignKey { columns, .. } => {
                // (an unnamed key's index is named after its first column)
                let generated = c.implicit_name || fk_number(&t.name.name, &c.name).is_some();
                Some([Some(c.name.clone()), generated.then(|| columns[0].clone())])
            }
            _ => None,
        })
        .flatten()
        .flatten()
        .collect();
    for c in &constraints {
        let ConstraintKind::ForeignKey { columns, .. } = &c.kind else {
            continue;
        };
        let starts = |cols: &[crate::model::Str]| begins(cols, columns);
        let by_key = constraints.iter().any(|k| match &k.kind {
            ConstraintKind::PrimaryKey { columns, .. } | ConstraintKind::Unique { columns, .. } => {
                starts(columns)
            }
            _ => false,
        });
        // The name the server gives the index it makes: the key's name when one was written,
        // else the first column. A dump writes the generated `<table>_ibfk_<n>` names and the
        // index after the first column.
        let generated = fk_number(&t.name.name, &c.name).is_some();
        let expected = if c.implicit_name {
            columns[0].clone()
        } else {
            c.name.clone()
        };
        let same_name = |n: &str| n == expected || (generated && n == columns[0]);
        let mut covered = by_key;
        for i in indexes.iter_mut() {
            if let Some(cols) = plain_columns(i).filter(|_| i.method == "btree") {
                if starts(&cols) {
                    if made_for_fk(i) && !owned.contains(&i.name.name) {
                        continue;
                    }
                    covered = true;
                    // Written out as the server would have made it: the same index.
                    if cols == *columns
                        && same_name(&i.name.name)
                        && !i.unique
                        && i.comment.is_none()
                    {
                        i.options = vec![FK_INDEX.to_string()];
                    }
                }
            }
        }
        if covered
            || implied
                .iter()
                .any(|i| plain_columns(i).is_some_and(|cols| starts(&cols)))
        {
            continue;
        }
        let name = key_name(&expected, &mut taken);
        implied.push(Index {
            name: QualName::new(index_namespace(&t.name), name),
            table: t.name.clone(),
            unique: false,
            method: "btree".into(),
            keys: columns
                .iter()
                .map(|col| IndexKey {
                    expr: column_key(col),
                    collation: None,
                    opclass: None,
                    descending: false,
                    nulls_first: None,
                })
                .collect(),
            include: Vec::new(),
            predicate: None,
            options: vec![FK_INDEX.to_string()],
            nulls_not_distinct: false,
            comment: None,
            implicit_name: true,
        });
    }
    indexes.extend(implied);
    // The server drops an index it made for a foreign key once another index or key starts
    // with its columns, in the order they were made (MariaDB and MySQL): `ADD INDEX ix (a, b)`
    // after a key on `a`, or the index of a key since dropped after a new key's.
    let keys: Vec<Vec<Str>> = (constraints.iter())
        .filter_map(|k| match &k.kind {
            ConstraintKind::PrimaryKey { columns, .. } | ConstraintKind::Unique { columns, .. } => {
                Some(columns.clone())
            }
            _ => None,
        })
        .collect();
    let mut k = 0;
    while k < indexes.len() {
        let covered = made_for_fk(&indexes[k])
            && plain_columns(&indexes[k]).is_some_and(|cols| {
                keys.iter().any(|o| begins(o, &cols))
                    || (indexes.iter().enumerate()).any(|(j, o)| {
                        j != k
                            && o.method == "btree"
                            && plain_columns(o).is_some_and(|oc| begins(&oc, &cols))
                    })
            });
        if covered {
            indexes.remove(k);
        } else {
            k += 1;
        }
    }
    t.constraints = constraints
        .into_iter()
        .map(|c| (c.name.clone(), c))
        .collect();
}

/// The key part that is column `col`, quoted.
fn column_key(col: &str) -> Sql {
    Sql::new(format!("`{}`", col.replace('`', "``")), col)
}

/// A key part's prefix length as long as its column (`name(255)` on `VARCHAR(255)`) is the
/// whole column, as the server stores and dumps it (`KEY ix (name)`).
fn whole_column_prefixes(t: &Table, indexes: &mut [Index]) {
    for k in indexes.iter_mut().flat_map(|i| i.keys.iter_mut()) {
        let Some((col, n)) = (k.expr.key.strip_suffix(')'))
            .and_then(|s| s.split_once('('))
            .filter(|(col, _)| !col.is_empty())
        else {
            continue;
        };
        let column = (t.columns.get(col)).or_else(|| {
            t.columns
                .values()
                .find(|c| c.name.eq_ignore_ascii_case(col))
        });
        let whole = column.filter(|c| {
            matches!(&*c.ty.name, "char" | "varchar" | "binary" | "varbinary")
                && c.ty.modifiers.as_deref() == Some(n.trim())
        });
        if let Some(c) = whole {
            k.expr = column_key(&c.name);
        }
    }
}

/// A column's character set and collation as the server stores them in a table whose
/// `DEFAULT CHARSET` and `COLLATE` are `table_charset` and `table_collation` (as written; `None`
/// when not): what the table gives is left out, a collation brings its character set, and a
/// character set's default collation is no collation. Its attributes end sorted.
pub(super) fn normalize_charset(
    c: &mut Column,
    table_charset: Option<&str>,
    table_collation: Option<&str>,
    mariadb: bool,
) {
    if let Some(coll) = &mut c.collation {
        *coll = collation(coll);
    }
    if c.collation.is_some() && c.collation.as_deref() == table_collation {
        c.collation = None;
    }
    // A collation implies its character set, which the server stores and dumps with it
    // (`COLLATE utf8mb4_bin` is `CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`).
    if let Some(cs) = c.collation.as_deref().and_then(collation_charset) {
        if !c.attrs.iter().any(|a| matches!(a, ColumnAttr::Charset(_))) {
            c.attrs.push(ColumnAttr::Charset(cs));
        }
    }
    // `CHARACTER SET latin1` is `CHARACTER SET latin1 COLLATE latin1_swedish_ci` (the
    // character set's default collation, which the server dumps).
    let default_coll = c.attrs.iter().find_map(|a| match a {
        ColumnAttr::Charset(cs) => default_collation(&charset(cs), mariadb),
        _ => None,
    });
    if default_coll.is_some() && c.collation.as_deref() == default_coll {
        c.collation = None;
    }
    for a in &mut c.attrs {
        if let ColumnAttr::Charset(cs) = a {
            *cs = charset(cs);
        }
    }
    c.attrs.sort();
    c.attrs
        .retain(|a| !matches!(a, ColumnAttr::Charset(cs) if Some(cs.as_str()) == table_charset));
}

/// Table and view names in lower case, wherever a table is named (`lower_case_table_names`
/// 1 or 2: the server compares them so).
pub(super) fn lower_case_table_names(schema: &mut Schema) {
    let lower = |q: &QualName| QualName::new(q.schema.clone(), q.name.to_lowercase());
    let fix = |q: &mut QualName| *q = lower(q);
    schema.tables = std::mem::take(&mut schema.tables)
        .into_iter()
        .map(|(k, mut t)| {
            fix(&mut t.name);
            for c in t.constraints.values_mut() {
                if let ConstraintKind::ForeignKey { ref_table, .. } = &mut c.kind {
                    fix(ref_table);
                }
            }
            (lower(&k), t)
        })
        .collect();
    for i in schema.indexes.values_mut() {
        fix(&mut i.table);
    }
    schema.views = std::mem::take(&mut schema.views)
        .into_iter()
        .map(|(k, mut v)| {
            fix(&mut v.name);
            v.depends_on.iter_mut().for_each(fix);
            (lower(&k), v)
        })
        .collect();
    // Triggers hang off a table, which their identity names.
    schema.objects = std::mem::take(&mut schema.objects)
        .into_iter()
        .map(|(mut id, mut o)| {
            if let Some(t) = &mut o.table {
                let old = format!("{t}.");
                fix(t);
                if let Some(name) = id.signature.strip_prefix(&old) {
                    id.signature = format!("{t}.{name}");
                }
                o.id = id.clone();
            }
            (id, o)
        })
        .collect();
}

/// `now()`, `current_timestamp()`, `localtimestamp` ... spelled `current_timestamp[(n)]`;
/// `curdate()` and `current_date()` spelled `current_date`, `curtime()` `current_time[(n)]`.
fn mysql_now(text: &str) -> String {
    const SPELLINGS: [(&str, &str); 8] = [
        ("current_timestamp", "current_timestamp"),
        ("now", "current_timestamp"),
        ("localtimestamp", "current_timestamp"),
        ("localtime", "current_timestamp"),
        ("current_date", "current_date"),
        ("curdate", "current_date"),
        ("current_time", "current_time"),
        ("curtime", "current_time"),
    ];
    let t: String = text.split_whitespace().collect();
    let t = t.to_ascii_lowercase();
    for (spelling, canonical) in SPELLINGS {
        match t.strip_prefix(spelling) {
            Some("" | "()") => return canonical.to_string(),
            Some(r) if r.starts_with('(') => return format!("{canonical}{r}"),
            _ => {}
        }
    }
    t
}

/// MariaDB's JSON is `LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin` with a check
/// `json_valid(col)` named after the column, as its dumps show it: read back as `json`.
fn json_columns(t: &mut Table) {
    let mut checks = Vec::new();
    for c in t.columns.values_mut() {
        if c.ty.name != "longtext" || c.collation.as_deref() != Some("utf8mb4_bin") {
            continue;
        }
        let check = t.constraints.iter().find_map(|(name, k)| match &k.kind {
            ConstraintKind::Check { expr, .. } => {
                let text: String = expr
                    .text
                    .chars()
                    .filter(|ch| !ch.is_whitespace() && *ch != '`')
                    .collect();
                (text.eq_ignore_ascii_case(&format!("json_valid({})", c.name)))
                    .then(|| name.clone())
            }
            _ => None,
        });
        if let Some(name) = check {
            c.ty = Type::builtin("json");
            c.collation = None;
            c.attrs.retain(|a| !matches!(a, ColumnAttr::Charset(_)));
            checks.push(name);
        }
    }
    for name in checks {
        t.constraints.shift_remove(&name);
    }
}

/// The character set a collation belongs to: its name's first part (`latin1_swedish_ci`:
/// `latin1`; `binary`: `binary`), but not for MariaDB 11's charset-less `uca1400_*` names.
pub(super) fn collation_charset(coll: &str) -> Option<String> {
    match coll.split_once('_') {
        Some(("uca1400", _)) => None,
        Some((cs, _)) => Some(charset(cs)),
        None if coll == "binary" => Some("binary".to_string()),
        None => None,
    }
}

/// The collation a column of character set `cs` gets without a `COLLATE` (the same on
/// MySQL 8 and MariaDB 10/11 for these; `utf8mb4`'s differs: MariaDB's `utf8mb4_general_ci`,
/// MySQL 8's `utf8mb4_0900_ai_ci`).
pub(super) fn default_collation(cs: &str, mariadb: bool) -> Option<&'static str> {
    Some(match cs {
        "latin1" => "latin1_swedish_ci",
        "ascii" => "ascii_general_ci",
        "utf8mb3" => "utf8mb3_general_ci",
        "utf8mb4" if mariadb => "utf8mb4_general_ci",
        "utf8mb4" => "utf8mb4_0900_ai_ci",
        "binary" => "binary",
        _ => return None,
    })
}

/// A collation as the server names it: lower case, and `utf8_` collations are `utf8mb3_`
/// ones (`utf8_bin` is `utf8mb3_bin`, as `utf8` is `utf8mb3`).
pub(super) fn collation(coll: &str) -> String {
    let coll = coll.to_ascii_lowercase();
    match coll.strip_prefix("utf8_") {
        Some(rest) => format!("utf8mb3_{rest}"),
        None => coll,
    }
}

/// Charset aliases: `utf8` is `utf8mb3`.
pub(super) fn charset(cs: &str) -> String {
    match cs.to_ascii_lowercase().as_str() {
        "utf8" => "utf8mb3".into(),
        other => other.into(),
    }
}

/// A default as the server stores it: numbers with or without quotes are the same, and the
/// spellings of the current time are one.
fn default_key(text: &str) -> String {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let now = mysql_now(&lower);
    if now.starts_with("current_") {
        return now;
    }
    let unquoted = t
        .strip_prefix('\'')
        .and_then(|s| s.strip_suffix('\''))
        .or_else(|| t.strip_prefix('"').and_then(|s| s.strip_suffix('"')));
    if let Some(inner) = unquoted {
        if inner.parse::<f64>().is_ok() {
            return inner.trim_start_matches('+').to_string();
        }
        return format!("'{}'", inner.replace("\\'", "''"));
    }
    match lower.as_str() {
        "true" => "1".into(),
        "false" => "0".into(),
        _ if t.parse::<f64>().is_ok() => t.trim_start_matches('+').to_string(),
        _ => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_compare_as_stored() {
        assert_eq!(default_key("'0'"), default_key("0"));
        assert_eq!(
            default_key("CURRENT_TIMESTAMP"),
            default_key("current_timestamp()")
        );
        assert_eq!(default_key("now()"), "current_timestamp");
        assert_eq!(default_key("curdate()"), "current_date");
        assert_eq!(default_key("CURRENT_DATE"), "current_date");
        assert_eq!(default_key("curtime(3)"), "current_time(3)");
        assert_eq!(default_key("current_timestamp(6)"), "current_timestamp(6)");
        assert_eq!(default_key("localtimestamp"), "current_timestamp");
        assert_eq!(default_key("CURRENT_TIMESTAMP(6)"), "current_timestamp(6)");
        assert_ne!(default_key("'a'"), default_key("'A'"));
        assert_eq!(default_key("TRUE"), "1");
    }

    #[test]
    fn a_charsets_default_collation_is_no_collation() {
        let col = |cs: &str, coll: Option<&str>| Column {
            name: "c".into(),
            ty: Type::builtin("varchar"),
            not_null: false,
            default: None,
            identity: None,
            generated: None,
            collation: coll.map(str::to_string),
            comment: None,
            attrs: vec![ColumnAttr::Charset(cs.into())],
            null_default: Default::default(),
        };
        for mariadb in [true, false] {
            let mut t = Table::new(QualName::new("def", "t"));
            t.columns
                .insert("a".into(), col("latin1", Some("latin1_swedish_ci")));
            t.columns
                .insert("b".into(), col("latin1", Some("latin1_bin")));
            t.columns
                .insert("u".into(), col("utf8mb4", Some("utf8mb4_general_ci")));
            complete_table(&mut t, &mut Vec::new(), mariadb);
            assert_eq!(t.columns["a"].collation, None);
            assert_eq!(t.columns["b"].collation.as_deref(), Some("latin1_bin"));
            let u = t.columns["u"].collation.as_deref();
            assert_eq!(u, (!mariadb).then_some("utf8mb4_general_ci"));
        }
    }
}
