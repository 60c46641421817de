//! A cursor over the tokens of one statement, with the helpers the DDL grammar needs.

use super::source::Source;
use crate::dialects::Dialect;
use crate::model::{QualName, Sql, Str};
use sqlparser::tokenizer::{Location, Token, TokenWithSpan};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// A parse failure at a position.
#[derive(Debug)]
pub struct ParseError {
    pub message: String,
    pub at: Location,
}

pub type PResult<T> = Result<T, ParseError>;

/// What the statements of one text share while it is read.
#[derive(Default)]
pub struct Seen {
    /// Identifiers as written, by folded name (first seen wins).
    pub spellings: RefCell<BTreeMap<Str, String>>,
    /// Expression keys by the expression's text (with the fast paths on): a dump repeats
    /// the same defaults and checks thousands of times (`DEFAULT 0`, `DEFAULT now()`,
    /// `''::character varying`), and a key depends only on the text and the dialect.
    pub expr_keys: RefCell<rustc_hash::FxHashMap<String, String>>,
}

pub struct Cursor<'a> {
    pub toks: &'a [TokenWithSpan],
    pub pos: usize,
    pub src: &'a Source<'a>,
    pub dialect: &'a dyn Dialect,
    /// Location just past the statement, for errors at its end.
    pub end: Location,
    /// What the text's statements read so far.
    pub seen: &'a Seen,
    /// The fast paths are on (see `parse_with`).
    pub fast: bool,
}

/// Input text quoted in a message: `text`, cut to 60 characters (a 1 MB token makes no
/// readable message).
pub fn quoted(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("`{}…`", &text[..cut]),
        None => format!("`{text}`"),
    }
}

/// Whether a token is the unquoted keyword `kw` (case-insensitive).
pub fn is_kw(tok: &Token, kw: &str) -> bool {
    matches!(tok, Token::Word(w) if w.quote_style.is_none() && w.value.eq_ignore_ascii_case(kw))
}

impl<'a> Cursor<'a> {
    pub fn new(
        toks: &'a [TokenWithSpan],
        src: &'a Source<'a>,
        dialect: &'a dyn Dialect,
        end: Location,
        seen: &'a Seen,
    ) -> Self {
        Self {
            toks,
            pos: 0,
            src,
            dialect,
            end,
            seen,
            fast: true,
        }
    }

    pub fn peek_tok_at(&self, n: usize, tok: &Token) -> bool {
        self.peek_at(n) == Some(tok)
    }

    /// Fold an identifier, remembering how it was written.
    fn fold(&self, raw: &str, quoted: bool) -> Str {
        let folded = if quoted {
            self.dialect.fold_quoted(raw)
        } else {
            self.dialect.fold_ident(raw)
        };
        if self.dialect.keeps_spelling() {
            let mut map = self.seen.spellings.borrow_mut();
            if !map.contains_key(&folded) {
                map.insert(folded.clone(), raw.to_string());
            }
        }
        folded
    }

    pub fn peek(&self) -> Option<&'a Token> {
        self.toks.get(self.pos).map(|t| &t.token)
    }

    pub fn peek_at(&self, n: usize) -> Option<&'a Token> {
        self.toks.get(self.pos + n).map(|t| &t.token)
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    pub fn location(&self) -> Location {
        self.toks
            .get(self.pos)
            .map(|t| t.span.start)
            .unwrap_or(self.end)
    }

    pub fn error<T>(&self, message: impl Into<String>) -> PResult<T> {
        Err(ParseError {
            message: message.into(),
            at: self.location(),
        })
    }

    /// Error naming what was expected and what was found.
    pub fn expected<T>(&self, what: &str) -> PResult<T> {
        let found = match self.peek() {
            None => "end of statement".to_string(),
            Some(t) => quoted(&t.to_string()),
        };
        self.error(format!("expected {what}, found {found}"))
    }

    pub fn next(&mut self) -> Option<&'a Token> {
        let t = self.peek();
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    pub fn peek_kw(&self, kw: &str) -> bool {
        self.peek().is_some_and(|t| is_kw(t, kw))
    }

    pub fn peek_kw_at(&self, n: usize, kw: &str) -> bool {
        self.peek_at(n).is_some_and(|t| is_kw(t, kw))
    }

    pub fn eat_kw(&mut self, kw: &str) -> bool {
        if self.peek_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Consume a sequence of keywords if all of them are next.
    pub fn eat_kws(&mut self, kws: &[&str]) -> bool {
        if kws.iter().enumerate().all(|(i, k)| self.peek_kw_at(i, k)) {
            self.pos += kws.len();
            true
        } else {
            false
        }
    }

    pub fn expect_kw(&mut self, kw: &str) -> PResult<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            self.expected(&format!("`{}`", kw.to_ascii_uppercase()))
        }
    }

    pub fn expect_kws(&mut self, kws: &[&str]) -> PResult<()> {
        for k in kws {
            self.expect_kw(k)?;
        }
        Ok(())
    }

    pub fn peek_tok(&self, tok: &Token) -> bool {
        self.peek() == Some(tok)
    }

    pub fn eat(&mut self, tok: &Token) -> bool {
        if self.peek_tok(tok) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub fn expect(&mut self, tok: &Token) -> PResult<()> {
        if self.eat(tok) {
            Ok(())
        } else {
            self.expected(&format!("`{tok}`"))
        }
    }

    /// An identifier, folded the dialect's way.
    pub fn ident(&mut self) -> PResult<Str> {
        match self.peek() {
            Some(Token::Word(w)) => {
                self.pos += 1;
                Ok(self.fold(&w.value, w.quote_style.is_some()))
            }
            Some(Token::DoubleQuotedString(s)) => {
                self.pos += 1;
                Ok(self.fold(s, true))
            }
            Some(Token::SingleQuotedString(s))
                if self.dialect.grammar().strings_as_identifiers() =>
            {
                self.pos += 1;
                Ok(self.fold(&s.replace("''", "'"), true))
            }
            _ => self.expected("a name"),
        }
    }

    /// A possibly qualified name (`schema.name`); `default_schema` fills a missing schema.
    pub fn qual_name(&mut self, default_schema: &str) -> PResult<QualName> {
        let first = self.ident()?;
        if self.eat(&Token::Period) {
            let second = self.ident()?;
            // database.schema.name: drop the database part.
            if self.eat(&Token::Period) {
                let third = self.ident()?;
                return Ok(QualName::new(second, third));
            }
            Ok(QualName::new(first, second))
        } else {
            Ok(QualName::new(default_schema, first))
        }
    }

    /// A parenthesised, comma-separated list of identifiers.
    pub fn ident_list(&mut self) -> PResult<Vec<Str>> {
        self.expect(&Token::LParen)?;
        let mut out = Vec::new();
        if self.eat(&Token::RParen) {
            return Ok(out);
        }
        loop {
            out.push(self.ident()?);
            if self.eat(&Token::RParen) {
                return Ok(out);
            }
            self.expect(&Token::Comma)?;
        }
    }

    /// A parenthesised, comma-separated list of items.
    pub fn paren_list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> PResult<T>,
    ) -> PResult<Vec<T>> {
        self.expect(&Token::LParen)?;
        let mut out = Vec::new();
        loop {
            out.push(item(self)?);
            if !self.eat(&Token::Comma) {
                self.expect(&Token::RParen)?;
                return Ok(out);
            }
        }
    }

    /// A string literal's value.
    pub fn string(&mut self) -> PResult<String> {
        match self.peek() {
            Some(Token::SingleQuotedString(s) | Token::NationalStringLiteral(s)) => {
                self.pos += 1;
                Ok(s.replace("''", "'"))
            }
            Some(Token::EscapedStringLiteral(s)) => {
                self.pos += 1;
                Ok(s.clone())
            }
            Some(Token::DollarQuotedString(s)) => {
                self.pos += 1;
                Ok(s.value.clone())
            }
            _ => self.expected("a string"),
        }
    }

    /// A signed integer.
    pub fn integer(&mut self) -> PResult<i128> {
        let neg = self.eat(&Token::Minus);
        if !neg {
            self.eat(&Token::Plus);
        }
        match self.peek() {
            Some(Token::Number(n, _)) => match n.parse::<i128>() {
                Ok(v) => {
                    self.pos += 1;
                    Ok(if neg { -v } else { v })
                }
                Err(_) => self.error(format!("{} is not an integer", quoted(n))),
            },
            _ => self.expected("a number"),
        }
    }

    /// Skip a balanced parenthesised group starting at `(`; returns the token range inside.
    pub fn paren_group(&mut self) -> PResult<(usize, usize)> {
        self.expect(&Token::LParen)?;
        let start = self.pos;
        let mut depth = 1usize;
        while let Some(t) = self.next() {
            match t {
                Token::LParen => depth += 1,
                Token::RParen => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok((start, self.pos - 1));
                    }
                }
                _ => {}
            }
        }
        self.error("unbalanced parentheses")
    }

    /// Advance over tokens until, at paren depth 0 and outside `CASE .. END`, a `,` or `)`
    /// comes or `stop` says so, or the statement ends; returns the range skipped.
    pub fn until(&mut self, stop: impl Fn(&Self) -> bool) -> (usize, usize) {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(t) = self.peek() {
            if depth == 0 && (matches!(t, Token::RParen | Token::Comma) || stop(self)) {
                break;
            }
            match t {
                Token::LParen | Token::LBracket => depth += 1,
                Token::RParen | Token::RBracket => depth = depth.saturating_sub(1),
                t if is_kw(t, "case") => depth += 1,
                t if is_kw(t, "end") => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.pos += 1;
        }
        (start, self.pos)
    }

    /// Source text of a token range.
    pub fn text(&self, range: (usize, usize)) -> &'a str {
        let (s, e) = range;
        if s >= e {
            return "";
        }
        let a = self.src.offset(self.toks[s].span.start);
        let b = self.src.offset(self.toks[e - 1].span.end);
        &self.src.text[a..b]
    }

    /// Text of everything from token `start` to the end of the statement.
    pub fn rest_text(&self, start: usize) -> &'a str {
        self.text((start, self.toks.len()))
    }

    /// An expression over a token range: its text and canonical key.
    pub fn sql_expr(&self, range: (usize, usize)) -> Sql {
        let toks = &self.toks[range.0..range.1];
        let text = self.text(range);
        let key = || super::expr::expr_key_with(toks, self.dialect, self.fast);
        if !self.fast {
            return Sql::new(text, key());
        }
        let known = self.seen.expr_keys.borrow().get(text).cloned();
        let key = known.unwrap_or_else(|| {
            let key = key();
            let mut keys = self.seen.expr_keys.borrow_mut();
            keys.insert(text.to_string(), key.clone());
            key
        });
        Sql::new(text, key)
    }

    /// Token-level canonical key of a range (for definitions compared as text).
    pub fn token_key(&self, range: (usize, usize)) -> String {
        super::expr::token_key(&self.toks[range.0..range.1], self.dialect)
    }
}
