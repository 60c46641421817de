//! `CREATE SEQUENCE`, `ALTER SEQUENCE`.

use super::builder::*;
use super::cursor::{Cursor, PResult};
use crate::model::*;
use sqlparser::tokenizer::{Location, Token};

impl Builder<'_> {
    // ----- sequences ------------------------------------------------------------------------

    pub(super) fn create_sequence(&mut self, c: &mut Cursor) -> PResult<()> {
        let if_not_exists = c.eat_kws(&["if", "not", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        if self.schema.sequences.contains_key(&name) {
            if if_not_exists {
                return Ok(());
            }
            return c.error(format!("sequence {} is defined twice", name.name));
        }
        let mut seq = Sequence::with_defaults(name.clone(), "bigint");
        self.sequence_options(c, &mut seq)?;
        if !c.at_end() {
            return c.expected("a sequence option");
        }
        self.take_relname(&name);
        self.schema.sequences.insert(name, seq);
        Ok(())
    }

    /// Sequence options; unspecified ones take PostgreSQL's defaults for the type and direction.
    pub(super) fn sequence_options(&mut self, c: &mut Cursor, seq: &mut Sequence) -> PResult<()> {
        let (mut start, mut min, mut max) = (None, None, None);
        let mut data_type = seq.data_type.clone();
        let mut increment = seq.increment;
        loop {
            if c.eat_kw("as") {
                let (t, _) = self.parse_type(c)?;
                data_type = t.name.to_string();
            } else if c.eat_kw("increment") {
                c.eat_kw("by");
                increment = c.integer()?;
            } else if c.eat_kw("minvalue") {
                min = Some(c.integer()?);
            } else if c.eat_kws(&["no", "minvalue"]) {
                min = None;
            } else if c.eat_kw("maxvalue") {
                max = Some(c.integer()?);
            } else if c.eat_kws(&["no", "maxvalue"]) {
                max = None;
            } else if c.eat_kw("start") {
                c.eat_kw("with");
                start = Some(c.integer()?);
            } else if c.eat_kw("restart") {
                if c.eat_kw("with") || matches!(c.peek(), Some(Token::Number(..))) {
                    c.integer()?;
                }
            } else if c.eat_kw("cache") {
                seq.cache = c.integer()?;
            } else if c.eat_kws(&["no", "cycle"]) {
                seq.cycle = false;
            } else if c.eat_kw("cycle") {
                seq.cycle = true;
            } else if c.eat_kws(&["owned", "by"]) {
                if !c.eat_kw("none") {
                    seq.owned_by = Some(self.owned_by(c)?);
                }
            } else if c.eat_kws(&["sequence", "name"]) {
                c.qual_name("")?;
            } else {
                break;
            }
        }
        let d = Sequence::defaults_for(&data_type, increment);
        seq.data_type = data_type;
        seq.increment = increment;
        seq.min = min.unwrap_or(d.min);
        seq.max = max.unwrap_or(d.max);
        seq.start = start.unwrap_or(if increment > 0 { seq.min } else { seq.max });
        Ok(())
    }

    /// `OWNED BY [schema.]table.column` (pg_dump writes all three parts).
    pub(super) fn owned_by(&mut self, c: &mut Cursor) -> PResult<(QualName, Str)> {
        let mut parts = vec![c.ident()?];
        while parts.len() < 3 && c.eat(&Token::Period) {
            parts.push(c.ident()?);
        }
        let col = parts.pop().expect("one part read");
        let table = match parts.len() {
            2 => QualName::new(parts[0].clone(), parts[1].clone()),
            1 => QualName::new(self.search_schema.clone(), parts[0].clone()),
            _ => return c.expected("`table.column`"),
        };
        Ok((table, col))
    }

    pub(super) fn alter_sequence(&mut self, c: &mut Cursor, at: Location) -> PResult<()> {
        c.eat_kws(&["if", "exists"]);
        let name = c.qual_name(&self.search_schema.clone())?;
        if self.owner_to(c, at) {
            return Ok(());
        }
        let Some(mut seq) = self.schema.sequences.get(&name).cloned() else {
            let msg = format!("ALTER SEQUENCE on unknown sequence {}", name.name);
            self.warn(c, at, msg);
            c.pos = c.toks.len();
            return Ok(());
        };
        // Re-resolve options against what was already set.
        let before = seq.clone();
        let mut fresh = Sequence::with_defaults(name.clone(), &seq.data_type);
        fresh.increment = seq.increment;
        let only_owned = c.peek_kws_any(&[&["owned", "by"]]);
        self.sequence_options(c, &mut fresh)?;
        if only_owned {
            seq.owned_by = fresh.owned_by;
        } else {
            seq = Sequence {
                owned_by: fresh.owned_by.or(before.owned_by),
                comment: before.comment,
                ..fresh
            };
        }
        if !c.at_end() {
            return c.expected("a sequence option");
        }
        self.schema.sequences.insert(name, seq);
        Ok(())
    }
}
