//! A table's default character set and collation changing: what its columns become.
//!
//! A column that writes no character set or collation has its table's. When the table's
//! default changes and columns followed it, the migration is `ALTER TABLE .. CONVERT TO
//! CHARACTER SET x [COLLATE y]` (as users expect), which converts every character column,
//! those with their own character set too, and makes `TEXT` columns longer where the new
//! character set needs more bytes a character (a latin1 `TEXT` becomes a utf8mb4
//! `MEDIUMTEXT`, as MariaDB 10.11 does); MariaDB's `JSON` (a utf8mb4_bin `LONGTEXT`) loses its
//! collation. Columns that differ from that afterwards are restated with `MODIFY COLUMN` after
//! the conversion (a separate statement: in one statement the server lets the conversion win).
//! When no column followed the default, the table only gets its new `DEFAULT CHARSET`, which
//! converts nothing, and the columns whose character set then differs are restated.

use super::naming::{charset, collation, collation_charset, normalize_charset};
use crate::model::*;

/// A table's written `DEFAULT CHARSET` and `COLLATE`, canonical.
pub(super) fn table_defaults(t: &Table) -> (Option<String>, Option<String>) {
    let cs = t.attrs.iter().find_map(|a| match a {
        TableAttr::MysqlCharset(v) => v.strip_prefix("DEFAULT CHARSET=").map(charset),
        _ => None,
    });
    let coll = t.attrs.iter().find_map(|a| match a {
        TableAttr::MysqlCollate(v) => v.strip_prefix("COLLATE=").map(collation),
        _ => None,
    });
    (cs, coll)
}

/// A table's character set and collation as far as it writes them: the character set a
/// written collation belongs to when it writes none.
pub(super) fn real_defaults(t: &Table) -> (Option<String>, Option<String>) {
    let (cs, coll) = table_defaults(t);
    (
        cs.or_else(|| coll.as_deref().and_then(collation_charset)),
        coll,
    )
}

/// Whether a column holds characters in a character set: the string types, `ENUM`/`SET`,
/// and MariaDB's `JSON` (a `LONGTEXT` there).
fn is_character(c: &Column, mariadb: bool) -> bool {
    let base = c.ty.name.split_whitespace().next().unwrap_or("");
    matches!(
        base,
        "char" | "varchar" | "tinytext" | "text" | "mediumtext" | "longtext" | "enum" | "set"
    ) || (mariadb && base == "json")
}

/// Whether a column writes its own character set or collation.
fn writes_own(c: &Column) -> bool {
    c.collation.is_some() || c.attrs.iter().any(|a| matches!(a, ColumnAttr::Charset(_)))
}

/// The most bytes a character takes in a character set (`None`: not known here).
fn max_bytes(cs: &str) -> Option<u64> {
    Some(match cs {
        "latin1" | "latin2" | "latin5" | "latin7" | "ascii" | "binary" | "cp1250" | "cp1251"
        | "cp1256" | "cp1257" | "cp850" | "cp852" | "cp866" | "dec8" | "greek" | "hebrew"
        | "hp8" | "keybcs2" | "koi8r" | "koi8u" | "macce" | "macroman" | "swe7" | "tis620"
        | "armscii8" | "geostd8" => 1,
        "ucs2" | "big5" | "gbk" | "gb2312" | "sjis" | "cp932" | "euckr" => 2,
        "utf8mb3" | "ujis" | "eucjpms" => 3,
        "utf8mb4" | "utf16" | "utf16le" | "utf32" | "gb18030" => 4,
        _ => return None,
    })
}

/// The `TEXT` type a conversion from `from` to `to` gives a column of type `base`: as many
/// characters fit as before (an unknown character set counts as the widest, so that the
/// column is restated rather than assumed unchanged).
fn converted_text(base: &str, from: &str, to: &str) -> Option<&'static str> {
    const SIZES: [(&str, u64); 4] = [
        ("tinytext", 255),
        ("text", 65_535),
        ("mediumtext", 16_777_215),
        ("longtext", 4_294_967_295),
    ];
    let i = SIZES.iter().position(|(n, _)| *n == base)?;
    let chars = SIZES[i].1 / max_bytes(from).unwrap_or(1);
    let bytes = chars * max_bytes(to).unwrap_or(4);
    SIZES[i..]
        .iter()
        .find(|(_, cap)| *cap >= bytes)
        .or(SIZES.last())
        .map(|(n, _)| *n)
}

/// A side's defaults that take part in the comparison: an attribute only one side writes is
/// inherited on the other and not compared (see [`TableAttr::lists_differ`]).
fn compared(
    (cs, coll): &(Option<String>, Option<String>),
    (other_cs, other_coll): &(Option<String>, Option<String>),
) -> (Option<String>, Option<String>) {
    let cs = cs.clone().filter(|_| other_cs.is_some());
    let coll = coll.clone().filter(|_| other_coll.is_some());
    // The character set a collation belongs to is the table's.
    let cs = cs.or_else(|| coll.as_deref().and_then(collation_charset));
    (cs, coll)
}

/// A column's character set and collation in table defaults `(cs, coll)` (`None`: the
/// character set's default collation).
fn absolute(
    c: &Column,
    (cs, coll): &(Option<String>, Option<String>),
) -> (Option<String>, Option<String>) {
    let own = c.attrs.iter().find_map(|a| match a {
        ColumnAttr::Charset(x) => Some(x.clone()),
        _ => None,
    });
    match (own, &c.collation) {
        (Some(own), coll) => (Some(own), coll.clone()),
        (None, Some(own)) => (
            collation_charset(own).or_else(|| cs.clone()),
            Some(own.clone()),
        ),
        (None, None) => (cs.clone(), coll.clone()),
    }
}

/// See [`crate::dialects::Dialect::options_reach_columns`]: `None` when the table's default
/// character set and collation stay (or are not compared).
pub(super) fn options_reach_columns(
    from: &Table,
    to: &Table,
    mariadb: bool,
) -> Option<(bool, Map<Str, Column>)> {
    let (a, b) = (table_defaults(from), table_defaults(to));
    let (ca, cb) = (compared(&a, &b), compared(&b, &a));
    if ca == cb {
        return None;
    }
    let (a, b) = (real_defaults(from), real_defaults(to));
    b.0.as_ref()?;
    // Columns that followed the old default and follow the new one.
    let convert = from.columns.values().any(|ac| {
        is_character(ac, mariadb)
            && !writes_own(ac)
            && to
                .columns
                .get(&ac.name)
                .is_some_and(|bc| is_character(bc, mariadb) && !writes_own(bc))
    });
    let mut after = Map::default();
    for (name, ac) in &from.columns {
        let c = match is_character(ac, mariadb) {
            true => restated(ac, &a, &b, convert, mariadb),
            false => ac.clone(),
        };
        after.insert(name.clone(), c);
    }
    Some((convert, after))
}

/// Character column `ac` of a table whose defaults were `a`, in one whose defaults are `b`
/// (with a character set): converted to `b`'s character set when `convert` (a `TEXT` grows
/// where the new character set needs more bytes a character; MariaDB's `JSON` becomes a
/// `LONGTEXT`), else keeping its own; written as in a table with `b`'s options.
fn restated(
    ac: &Column,
    a: &(Option<String>, Option<String>),
    b: &(Option<String>, Option<String>),
    convert: bool,
    mariadb: bool,
) -> Column {
    let mut c = ac.clone();
    let (mut cs, mut coll) = absolute(ac, a);
    if ac.ty.name == "json" {
        (cs, coll) = (Some("utf8mb4".into()), Some("utf8mb4_bin".into()));
    }
    if let (true, Some(b_cs)) = (convert, &b.0) {
        if let Some(t) = (cs.as_deref()).and_then(|old| {
            converted_text(ac.ty.name.as_str(), old, b_cs).filter(|t| *t != ac.ty.name)
        }) {
            c.ty = Type::builtin(t);
        }
        if ac.ty.name == "json" {
            c.ty = Type::builtin("longtext");
        }
        (cs, coll) = (Some(b_cs.clone()), b.1.clone());
    }
    c.attrs.retain(|x| !matches!(x, ColumnAttr::Charset(_)));
    if let Some(cs) = cs.filter(|_| c.ty.name != "json") {
        c.attrs.push(ColumnAttr::Charset(cs));
    }
    c.collation = coll.filter(|_| c.ty.name != "json");
    normalize_charset(&mut c, b.0.as_deref(), b.1.as_deref(), mariadb);
    c
}

/// See [`crate::dialects::Dialect::table_options_altered`]. A new character set without a
/// collation brings its default collation; columns keep their character set and collation
/// (now written where the table's default changed) unless `convert`.
pub(super) fn options_altered(old: &Table, t: &mut Table, convert: bool, mariadb: bool) {
    let (old_cs, old_coll) = table_defaults(old);
    let (cs, coll) = table_defaults(t);
    if cs.is_some() && cs != old_cs && coll == old_coll {
        if let Some(c) = &coll {
            if collation_charset(c) != cs {
                t.attrs.retain(|a| !matches!(a, TableAttr::MysqlCollate(_)));
            }
        }
    }
    let (a, b) = (real_defaults(old), real_defaults(t));
    if !convert && a == b {
        return;
    }
    for c in t.columns.values_mut() {
        if is_character(c, mariadb) {
            *c = restated(c, &a, &b, convert, mariadb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_grows_with_the_bytes_a_character_takes() {
        assert_eq!(
            converted_text("text", "latin1", "utf8mb4"),
            Some("mediumtext")
        );
        assert_eq!(
            converted_text("tinytext", "latin1", "utf8mb4"),
            Some("text")
        );
        assert_eq!(converted_text("text", "utf8mb4", "latin1"), Some("text"));
        assert_eq!(
            converted_text("longtext", "latin1", "utf8mb4"),
            Some("longtext")
        );
        assert_eq!(converted_text("varchar", "latin1", "utf8mb4"), None);
    }
}
