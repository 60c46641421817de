//! DDL text -> [`Schema`], with positioned diagnostics.
//!
//! The text is tokenized once (sqlparser's tokenizer, which knows quotes, dollar quotes and
//! comments), split into statements here (sqlparser stops at the first statement it does not
//! know, and pg_dump output has several), and each statement is read by the DDL grammar in
//! [`ddl`]. Expressions and view queries are parsed by sqlparser to compute canonical keys.

mod cursor;
mod ddl;
pub mod expr;
mod source;

use crate::diagnostics::{Diagnostic, Severity, Side};
use crate::dialect::Dialect;
use crate::model::Schema;
use cursor::{is_kw, Cursor, ParseError};
use source::Source;
use sqlparser::tokenizer::{Location, Token, TokenWithSpan, Tokenizer, Whitespace};
use std::borrow::Cow;

pub use ddl::Builder;

/// Parse one schema snapshot.
pub fn parse(text: &str, dialect: &dyn Dialect, side: Side) -> (Schema, Vec<Diagnostic>) {
    let cleaned = blank_meta_commands(text);
    let src = Source::new(&cleaned);
    let mut builder = Builder::new(dialect, side);
    let tokens = match Tokenizer::new(dialect.parser_dialect(), &cleaned)
        .with_unescape(false)
        .tokenize_with_location()
    {
        Ok(t) => t,
        Err(e) => {
            let msg = e.message.clone();
            builder.diag_at(Severity::Error, &src, e.location, msg);
            return builder.finish(&src);
        }
    };
    for stmt in split(&tokens) {
        let toks: Vec<TokenWithSpan> = stmt
            .tokens
            .iter()
            .filter(|t| !matches!(t.token, Token::Whitespace(_)))
            .cloned()
            .collect();
        if toks.is_empty() {
            continue;
        }
        let comments = leading_comments(stmt.tokens);
        let mut cur = Cursor::new(&toks, &src, dialect, stmt.end);
        if let Err(ParseError { message, at }) = builder.statement(&mut cur, &comments) {
            builder.diag_at(Severity::Error, &src, at, message);
        }
    }
    builder.finish(&src)
}

/// psql meta-commands (`\restrict`, `\connect`...) are lines starting with a backslash; blank
/// them (keeping positions) so the tokenizer never sees them.
fn blank_meta_commands(text: &str) -> Cow<'_, str> {
    if !text.lines().any(|l| l.starts_with('\\')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.starts_with('\\') {
            let body = line.trim_end_matches(['\n', '\r']);
            out.extend(std::iter::repeat_n(' ', body.chars().count()));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// One statement's tokens (whitespace included) and where it ends.
struct Stmt<'t> {
    tokens: &'t [TokenWithSpan],
    end: Location,
}

/// Split on `;` outside parentheses and `BEGIN ATOMIC .. END` bodies.
fn split(tokens: &[TokenWithSpan]) -> Vec<Stmt<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut atomic = 0i32;
    let mut case_depth = 0i32;
    let mut prev_word_begin = false;
    for (i, t) in tokens.iter().enumerate() {
        match &t.token {
            Token::LParen => depth += 1,
            Token::RParen => depth -= 1,
            Token::SemiColon if depth <= 0 && atomic == 0 => {
                out.push(Stmt {
                    tokens: &tokens[start..i],
                    end: t.span.start,
                });
                start = i + 1;
                depth = 0;
            }
            Token::Word(_) if prev_word_begin && is_kw(&t.token, "atomic") => atomic += 1,
            Token::Word(_) if atomic > 0 && is_kw(&t.token, "case") => case_depth += 1,
            Token::Word(_) if atomic > 0 && is_kw(&t.token, "end") => {
                if case_depth > 0 {
                    case_depth -= 1;
                } else {
                    atomic -= 1;
                }
            }
            _ => {}
        }
        if !matches!(t.token, Token::Whitespace(_)) {
            prev_word_begin = is_kw(&t.token, "begin");
        }
    }
    if start < tokens.len() {
        let end = tokens
            .last()
            .map(|t| t.span.end)
            .unwrap_or(Location { line: 0, column: 0 });
        out.push(Stmt {
            tokens: &tokens[start..],
            end,
        });
    }
    out
}

/// The `--` comments directly before a statement (for hints like renames).
fn leading_comments(tokens: &[TokenWithSpan]) -> Vec<(Location, String)> {
    tokens
        .iter()
        .filter_map(|t| match &t.token {
            Token::Whitespace(Whitespace::SingleLineComment { comment, .. }) => {
                Some((t.span.start, comment.trim().to_string()))
            }
            _ => None,
        })
        .collect()
}

impl Builder<'_> {
    fn diag_at(&mut self, severity: Severity, src: &Source<'_>, at: Location, message: String) {
        let offset = src.offset(at);
        let (line, column) = if at.line == 0 {
            (1, 1)
        } else {
            (at.line as u32, at.column as u32)
        };
        self.diagnostics.push(Diagnostic {
            severity,
            side: self.side,
            line,
            column,
            offset,
            message,
        });
    }
}
