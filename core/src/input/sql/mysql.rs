//! MySQL/MariaDB clauses of `CREATE TABLE` that other dialects do not have: column attributes
//! (`AUTO_INCREMENT`, `ON UPDATE`, `CHARACTER SET`, `COMMENT`, `INVISIBLE`), inline
//! `KEY`/`INDEX`/`FULLTEXT`/`SPATIAL` indexes with prefix lengths and functional key parts,
//! and table options (`ENGINE=`, `DEFAULT CHARSET=`, `COLLATE=`, `COMMENT=`...). Only read when
//! the dialect's grammar has them ([`Syntax::MysqlColumnAttrs`], [`Syntax::InlineIndexes`],
//! [`Syntax::MysqlTableOptions`]).

use super::builder::*;
use super::cursor::{Cursor, PResult};
use crate::dialects::grammar::Syntax;
use crate::model::*;
use sqlparser::tokenizer::Token;

/// Words that end a MySQL column's `DEFAULT` expression, besides [`COLUMN_STOP`].
pub(super) const MYSQL_COLUMN_STOP: &[&str] = &[
    "not",
    "null",
    "constraint",
    "primary",
    "unique",
    "check",
    "references",
    "default",
    "generated",
    "collate",
    "on",
    "auto_increment",
    "comment",
    "character",
    "charset",
    "invisible",
    "visible",
    "key",
    "as",
    "column_format",
    "storage",
    "srid",
];

impl Builder<'_> {
    /// One MySQL column attribute after the type; false when the next words are none.
    pub(super) fn mysql_column_attr(
        &mut self,
        c: &mut Cursor,
        column: &mut Column,
    ) -> PResult<bool> {
        if !self.grammar.has(Syntax::MysqlColumnAttrs) {
            return Ok(false);
        }
        let attr = if c.eat_kw("auto_increment") {
            Some(ColumnAttr::AutoIncrement)
        } else if c.eat_kws(&["on", "update"]) {
            let start = c.pos;
            c.next();
            if c.peek_tok(&Token::LParen) {
                c.paren_group()?;
            }
            let text: String = c.text((start, c.pos)).split_whitespace().collect();
            Some(ColumnAttr::OnUpdate(text.to_ascii_lowercase()))
        } else if c.eat_kws(&["character", "set"]) || c.eat_kw("charset") {
            Some(ColumnAttr::Charset(
                c.ident()?.as_str().to_ascii_lowercase(),
            ))
        } else if c.eat_kw("comment") {
            let text = c.string()?;
            (!text.is_empty()).then_some(ColumnAttr::Comment(text))
        } else if c.eat_kw("invisible") {
            Some(ColumnAttr::Invisible)
        } else if c.eat_kw("binary") {
            // The binary collation of the column's character set.
            if column.collation.is_none() {
                let cs = column.attrs.iter().find_map(|a| match a {
                    ColumnAttr::Charset(cs) => Some(cs.clone()),
                    _ => None,
                });
                column.collation = Some(format!("{}_bin", cs.as_deref().unwrap_or("utf8mb4")));
            }
            None
        } else if c.eat_kw("visible") || c.eat_kw("ascii") {
            None
        } else if c.eat_kw("column_format") || c.eat_kw("srid") {
            c.next();
            None
        } else if c.eat_kw("persistent") || c.eat_kw("stored") {
            if let Some(g) = &mut column.generated {
                g.stored = true;
            }
            None
        } else {
            return Ok(false);
        };
        if let Some(attr) = attr {
            if !column.attrs.contains(&attr) {
                column.attrs.push(attr);
                column.attrs.sort();
            }
        }
        Ok(true)
    }

    /// `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name [USING ..] ON t (parts) [options]`.
    pub(super) fn mysql_create_index(&mut self, c: &mut Cursor) -> PResult<()> {
        let unique = c.eat_kw("unique");
        let method = if c.eat_kw("fulltext") {
            "fulltext"
        } else if c.eat_kw("spatial") {
            "spatial"
        } else {
            "btree"
        };
        c.expect_kw("index")?;
        let if_not_exists = c.eat_kws(&["if", "not", "exists"]);
        let name = c.ident()?;
        if c.eat_kw("using") {
            c.next();
        }
        c.expect_kw("on")?;
        let table = c.qual_name(&self.search_schema.clone())?;
        let index = self.mysql_index(c, &table, Some(name), unique, method)?;
        while c.eat_kw("algorithm") || c.eat_kw("lock") {
            c.eat(&Token::Eq);
            c.next();
        }
        if self.schema.indexes.contains_key(&index.name) {
            if if_not_exists {
                return Ok(());
            }
            return c.error(format!("index {} is defined twice", index.name.name));
        }
        self.schema.indexes.insert(index.name.clone(), index);
        Ok(())
    }

    /// Whether an inline index (`KEY`, `INDEX`, `FULLTEXT`, `SPATIAL`) starts here.
    pub(super) fn at_inline_index(&self, c: &Cursor) -> bool {
        self.grammar.has(Syntax::InlineIndexes)
            && (c.peek_kw("key")
                || c.peek_kw("index")
                || ((c.peek_kw("fulltext") || c.peek_kw("spatial"))
                    && !matches!(c.peek_at(1), Some(Token::Word(w)) if is_type_word(&w.value))))
    }

    /// `{KEY|INDEX|FULLTEXT [KEY]|SPATIAL [KEY]} [name] [USING ..] (parts) [options]`.
    pub(super) fn inline_index(&mut self, c: &mut Cursor, table: &QualName) -> PResult<()> {
        let method = if c.eat_kw("fulltext") {
            "fulltext"
        } else if c.eat_kw("spatial") {
            "spatial"
        } else {
            "btree"
        };
        if !(c.eat_kw("key") || c.eat_kw("index")) && method == "btree" {
            return c.expected("`KEY` or `INDEX`");
        }
        let name = self.mysql_index_name(c)?;
        let index = self.mysql_index(c, table, name, false, method)?;
        self.pending_indexes.push(index);
        Ok(())
    }

    /// An optional index name before the key parts.
    pub(super) fn mysql_index_name(&mut self, c: &mut Cursor) -> PResult<Option<Str>> {
        if c.peek_tok(&Token::LParen) || c.peek_kw("using") {
            return Ok(None);
        }
        c.ident().map(Some)
    }

    /// An index of `table` from `[USING ..] (parts) [options]`.
    pub(super) fn mysql_index(
        &mut self,
        c: &mut Cursor,
        table: &QualName,
        name: Option<Str>,
        unique: bool,
        method: &str,
    ) -> PResult<Index> {
        let mut index = Index {
            name: QualName::new(index_namespace(table), Str::default()),
            table: table.clone(),
            unique,
            method: index_method(method),
            keys: Vec::new(),
            include: Vec::new(),
            predicate: None,
            options: Vec::new(),
            nulls_not_distinct: false,
            comment: None,
            implicit_name: name.is_none(),
        };
        self.mysql_index_options(c, &mut index)?;
        index.keys = self.mysql_key_parts(c)?;
        self.mysql_index_options(c, &mut index)?;
        index.name.name = match name {
            Some(n) => n,
            None => {
                self.implicit_counter += 1;
                format_compact!("\u{1}idx{}", self.implicit_counter)
            }
        };
        Ok(index)
    }

    /// `USING BTREE|HASH`, `COMMENT '..'`, `KEY_BLOCK_SIZE [=] n`, `WITH PARSER x`,
    /// `[IN]VISIBLE`: only the comment is kept (`USING` is the storage engine's choice).
    pub(super) fn mysql_index_options(&mut self, c: &mut Cursor, index: &mut Index) -> PResult<()> {
        loop {
            if c.eat_kw("using") {
                c.next();
            } else if c.eat_kw("comment") {
                let text = c.string()?;
                index.comment = (!text.is_empty()).then_some(text);
            } else if c.eat_kw("key_block_size") {
                c.eat(&Token::Eq);
                c.next();
            } else if c.eat_kws(&["with", "parser"]) {
                c.next();
            } else if c.eat_kw("visible") || c.eat_kw("invisible") {
            } else {
                return Ok(());
            }
        }
    }

    /// `(part, ...)`: a column with an optional prefix length `(n)` and `ASC|DESC`, or a
    /// parenthesised expression (a functional key part).
    pub(super) fn mysql_key_parts(&mut self, c: &mut Cursor) -> PResult<Vec<IndexKey>> {
        c.expect(&Token::LParen)?;
        let mut keys = Vec::new();
        loop {
            let expr = if c.peek_tok(&Token::LParen) {
                let r = c.paren_group()?;
                let inner = c.sql_expr(r);
                Sql::new(format!("({})", inner.text), format!("({})", inner.key))
            } else {
                let col = c.ident()?;
                let mut text = self.dialect.quote_ident(&col);
                let mut key = col;
                if c.peek_tok(&Token::LParen) {
                    let r = c.paren_group()?;
                    let n = c.text(r).trim().to_string();
                    text.push_str(&format!("({n})"));
                    key.push_str(&format!("({n})"));
                }
                Sql::new(text, key)
            };
            let descending = if c.eat_kw("desc") {
                true
            } else {
                c.eat_kw("asc");
                false
            };
            keys.push(IndexKey {
                expr,
                collation: None,
                opclass: None,
                descending,
                nulls_first: None,
            });
            if c.eat(&Token::RParen) {
                return Ok(keys);
            }
            c.expect(&Token::Comma)?;
        }
    }

    /// MySQL's `ALTER TABLE t CONVERT TO CHARACTER SET cs [COLLATE coll]` and its table
    /// options (`ENGINE=`, `[DEFAULT] CHARACTER SET`, `COLLATE`, `COMMENT`...); false when
    /// neither is next. What a changed default character set does to the columns is the
    /// dialect's ([`crate::dialects::Dialect::table_options_altered`]).
    pub(super) fn mysql_alter_options(&mut self, c: &mut Cursor, name: &QualName) -> PResult<bool> {
        if !self.grammar.has(Syntax::MysqlTableOptions) {
            return Ok(false);
        }
        let convert = c.eat_kws(&["convert", "to"]);
        if convert && !(c.peek_kw("character") || c.peek_kw("charset")) {
            return c.expected("`CHARACTER SET`");
        }
        let old = self.table_mut(name).clone();
        let mut t = old.clone();
        let mut any = false;
        while self.mysql_table_option(c, &mut t)? {
            any = true;
        }
        if !any {
            return Ok(false);
        }
        self.dialect.table_options_altered(&old, &mut t, convert);
        *self.table_mut(name) = t;
        Ok(true)
    }

    /// One MySQL table option after the table's elements; false when none is next.
    pub(super) fn mysql_table_option(
        &mut self,
        c: &mut Cursor,
        table: &mut Table,
    ) -> PResult<bool> {
        if !self.grammar.has(Syntax::MysqlTableOptions) {
            return Ok(false);
        }
        let at = c.location();
        c.eat_kw("default");
        let value = |c: &mut Cursor| -> PResult<String> {
            c.eat(&Token::Eq);
            match c.next() {
                Some(Token::Word(w)) => Ok(w.value.clone()),
                Some(Token::Number(n, _)) => Ok(n.clone()),
                Some(Token::SingleQuotedString(s)) => Ok(format!("'{s}'")),
                _ => c.expected("an option value"),
            }
        };
        if c.eat_kw("engine") || c.eat_kw("type") {
            let v = value(c)?;
            let v = if v.eq_ignore_ascii_case("innodb") {
                "InnoDB".to_string()
            } else {
                v.to_ascii_uppercase()
            };
            push_attr(table, TableAttr::MysqlEngine(format!("ENGINE={v}")));
        } else if c.eat_kws(&["character", "set"]) || c.eat_kw("charset") {
            let v = value(c)?.to_ascii_lowercase();
            push_attr(
                table,
                TableAttr::MysqlCharset(format!("DEFAULT CHARSET={v}")),
            );
        } else if c.eat_kw("collate") {
            let v = value(c)?.to_ascii_lowercase();
            push_attr(table, TableAttr::MysqlCollate(format!("COLLATE={v}")));
        } else if c.eat_kw("comment") {
            c.eat(&Token::Eq);
            let text = c.string()?;
            table.comment = (!text.is_empty()).then_some(text);
        } else if c.eat_kw("auto_increment") {
            // The next value of the counter: data, not schema.
            value(c)?;
        } else if c.eat_kw("row_format") {
            let v = value(c)?.to_ascii_uppercase();
            push_attr(table, TableAttr::MysqlOption(format!("ROW_FORMAT={v}")));
        } else if let Some(Token::Word(w)) = c.peek() {
            let word = w.value.to_ascii_lowercase();
            let known = [
                "avg_row_length",
                "checksum",
                "compression",
                "connection",
                "delay_key_write",
                "encryption",
                "insert_method",
                "key_block_size",
                "max_rows",
                "min_rows",
                "pack_keys",
                "page_checksum",
                "stats_auto_recalc",
                "stats_persistent",
                "stats_sample_pages",
                "transactional",
            ];
            if !known.contains(&word.as_str()) {
                return Ok(false);
            }
            c.next();
            value(c)?;
            self.unsupported(format!("`{}` table option", word.to_ascii_uppercase()), at);
        } else {
            return Ok(false);
        }
        Ok(true)
    }
}

fn push_attr(table: &mut Table, attr: TableAttr) {
    table
        .attrs
        .retain(|a| std::mem::discriminant(a) != std::mem::discriminant(&attr));
    table.attrs.push(attr);
    table.attrs.sort();
}

/// Words that make `fulltext`/`spatial` a column name rather than an index (`spatial int`).
fn is_type_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "int" | "integer" | "varchar" | "text" | "char" | "bigint" | "geometry" | "point"
    )
}
