//! The nesting limit: a statement whose expressions could nest deeper than [`MAX_DEPTH`] is
//! an error (`E004`) before anything recursive sees it.
//!
//! sqlparser parses operator chains (`1::int::int...`, `a + a + ...`) in a loop but builds a
//! left-deep tree; visiting, printing, cloning and dropping that tree recurse once per level,
//! and its parser recurses for parentheses, prefix operators, function calls and subqueries.
//! A few thousand levels overflow the stack (wasm has 1 MB), which aborts the process: no
//! error, no message. So the depth is bounded here, on the tokens, in one pass.
//!
//! The bound is an upper bound on the stack the tokens' syntax tree can take, in units of
//! about 3 KB: each bracket level costs its weight (a parenthesis 2, a function call 5, a
//! subquery 11, `CASE` 3), plus, per level, the operators chained at that level (`+`, `::`,
//! `AND`, `IS`, `UNION`: 1; `NOT` and the signs: 2). Operators in different list items
//! (after a `,`) or clauses (`WHEN`, `THEN`, `FROM`, `WHERE`, `ON`...) are siblings, not
//! ancestors, so the count restarts there; set operators (`UNION`...) chain whole queries
//! and never restart within their level.

use sqlparser::tokenizer::{Location, Token, TokenWithSpan};

/// How deep a statement may nest, in the units above: 100 parentheses, 200 chained
/// operators, 40 function calls or 18 subqueries. Far above what real schemas use (the
/// deepest statement of the GitLab, OSM and Synapse dumps and the sqldef corpus costs N),
/// and within a 1 MB stack (wasm's) with room to spare, in debug builds too.
pub const MAX_DEPTH: usize = 200;

/// What a word means to the bound.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordClass {
    /// Not a keyword of the bound: a name, or a keyword that changes nothing.
    Other,
    /// `CASE` opens a level, `END` closes it.
    Case,
    End,
    /// `WITH` starts a subquery when it opens a parenthesis.
    With,
    /// Keywords that join operands into one deeper node (binary, prefix and postfix
    /// operators): `AND`, `IS`, `LIKE`...; `NOT` is a prefix operator.
    Operator,
    Not,
    /// Set operators: they chain queries and never restart within a level.
    SetOperator,
    /// Keywords that start a sibling: the operators before them are not above what follows
    /// (`SELECT` also starts a subquery when it opens a parenthesis).
    Separator,
    Select,
}

/// The class of an unquoted word, compared without case: one match on the lower-cased
/// bytes (the words are short), instead of comparing every word with every keyword.
fn word_class(word: &str) -> WordClass {
    let b = word.as_bytes();
    let mut buf = [0u8; 9];
    if b.len() > buf.len() {
        return WordClass::Other;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    match &buf[..b.len()] {
        b"case" => WordClass::Case,
        b"end" => WordClass::End,
        b"with" => WordClass::With,
        b"not" => WordClass::Not,
        b"and" | b"at" | b"between" | b"collate" | b"escape" | b"glob" | b"ilike" | b"in"
        | b"is" | b"isnull" | b"like" | b"match" | b"notnull" | b"operator" | b"or"
        | b"overlaps" | b"regexp" | b"similar" | b"xor" => WordClass::Operator,
        b"except" | b"intersect" | b"union" => WordClass::SetOperator,
        b"select" => WordClass::Select,
        b"else" | b"from" | b"group" | b"having" | b"join" | b"limit" | b"offset" | b"on"
        | b"order" | b"returning" | b"then" | b"values" | b"when" | b"where" | b"window" => {
            WordClass::Separator
        }
        _ => WordClass::Other,
    }
}

/// Stack-cost weights (one unit is about 3 KB of stack in sqlparser's parser and the
/// recursive walks over its tree, measured natively in debug and release builds).
const OPERATOR: usize = 1;
/// `NOT`, `-`, `+`, `~`: prefix operators recurse in the parser.
const PREFIX_OPERATOR: usize = 2;
const PARENTHESIS: usize = 2;
const CASE: usize = 3;
/// A parenthesis after a name: a function call (or `ARRAY[`, `varchar(`...).
const CALL: usize = 5;
/// A subquery: a parenthesis that starts with `SELECT` or `WITH`.
const SUBQUERY: usize = 11;

enum Open {
    Bracket,
    Case,
}

struct Level {
    open: Open,
    /// What the level itself costs: [`PARENTHESIS`], [`CALL`], [`SUBQUERY`], [`CASE`].
    weight: usize,
    /// Set operators so far at this level.
    chain: usize,
    /// Operators in the current item or clause at this level.
    segment: usize,
    /// Tokens seen at this level (a subquery's `SELECT` is the first).
    seen: usize,
}

impl Level {
    fn new(open: Open, weight: usize) -> Self {
        Level {
            open,
            weight,
            chain: 0,
            segment: 0,
            seen: 0,
        }
    }

    fn cost(&self) -> usize {
        self.weight + self.chain + self.segment
    }
}

/// Where the statement first goes past [`MAX_DEPTH`], if it does.
pub fn too_deep(toks: &[TokenWithSpan]) -> Option<Location> {
    scan(toks, MAX_DEPTH).err()
}

/// The statement's depth bound, or where it first goes past `limit`.
pub fn scan(toks: &[TokenWithSpan], limit: usize) -> Result<usize, Location> {
    // One stack for every statement of the thread (a dump has tens of thousands).
    thread_local! {
        static STACK: std::cell::RefCell<Vec<Level>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    STACK.with_borrow_mut(|stack| {
        stack.clear();
        stack.push(Level::new(Open::Bracket, 1));
        scan_on(stack, toks, limit)
    })
}

fn scan_on(
    stack: &mut Vec<Level>,
    toks: &[TokenWithSpan],
    limit: usize,
) -> Result<usize, Location> {
    // Sum of the levels' costs, kept up to date.
    let mut depth = 1usize;
    let mut deepest = depth;
    let mut after_name = false;
    let mut prev_operand = false;
    for t in toks {
        let nested = stack.len() > 1;
        let top = stack
            .last_mut()
            .expect("the statement level is never popped");
        top.seen += 1;
        // The unquoted word's class.
        let class = match &t.token {
            Token::Word(w) if w.quote_style.is_none() => word_class(&w.value),
            _ => WordClass::Other,
        };
        match &t.token {
            Token::LParen | Token::LBracket | Token::LBrace => {
                let weight = if after_name { CALL } else { PARENTHESIS };
                stack.push(Level::new(Open::Bracket, weight));
                depth += weight;
            }
            _ if class == WordClass::Case => {
                stack.push(Level::new(Open::Case, CASE));
                depth += CASE;
            }
            Token::RParen | Token::RBracket | Token::RBrace => {
                // Up to and including the innermost bracket (an unclosed CASE goes with it).
                while stack.len() > 1 {
                    let l = stack.pop().expect("len > 1");
                    depth -= l.cost();
                    if matches!(l.open, Open::Bracket) {
                        break;
                    }
                }
            }
            _ if class == WordClass::End => {
                if nested && matches!(top.open, Open::Case) {
                    let l = stack.pop().expect("len > 1");
                    depth -= l.cost();
                }
            }
            _ if nested
                && top.seen == 1
                && matches!(class, WordClass::Select | WordClass::With) =>
            {
                let extra = SUBQUERY.saturating_sub(top.weight);
                top.weight += extra;
                depth += extra;
            }
            Token::Comma | Token::SemiColon => {
                depth -= top.segment;
                top.segment = 0;
            }
            _ if class == WordClass::SetOperator => {
                top.chain += OPERATOR;
                depth += OPERATOR;
            }
            _ if matches!(class, WordClass::Operator | WordClass::Not) => {
                let weight = if class == WordClass::Not {
                    PREFIX_OPERATOR
                } else {
                    OPERATOR
                };
                top.segment += weight;
                depth += weight;
            }
            _ if matches!(class, WordClass::Separator | WordClass::Select) => {
                depth -= top.segment;
                top.segment = 0;
            }
            Token::Plus | Token::Minus | Token::Tilde if !prev_operand => {
                top.segment += PREFIX_OPERATOR;
                depth += PREFIX_OPERATOR;
            }
            t if is_operand(t) => {}
            _ => {
                top.segment += OPERATOR;
                depth += OPERATOR;
            }
        }
        let keyword = matches!(
            class,
            WordClass::Operator
                | WordClass::Not
                | WordClass::SetOperator
                | WordClass::Separator
                | WordClass::Select
        );
        after_name = matches!(&t.token, Token::Word(_)) && !keyword;
        // A sign after an operand is a binary operator; elsewhere it is a prefix.
        prev_operand = !keyword
            && !matches!(&t.token, Token::Period)
            && (is_operand(&t.token)
                || matches!(&t.token, Token::RParen | Token::RBracket | Token::RBrace));
        if depth > limit {
            return Err(t.span.start);
        }
        deepest = deepest.max(depth);
    }
    Ok(deepest)
}

/// Tokens that are (part of) a leaf: names, literals, the `.` of qualified names.
fn is_operand(t: &Token) -> bool {
    matches!(
        t,
        Token::Word(_)
            | Token::Number(..)
            | Token::SingleQuotedString(_)
            | Token::DoubleQuotedString(_)
            | Token::TripleSingleQuotedString(_)
            | Token::TripleDoubleQuotedString(_)
            | Token::DollarQuotedString(_)
            | Token::SingleQuotedByteStringLiteral(_)
            | Token::DoubleQuotedByteStringLiteral(_)
            | Token::TripleSingleQuotedByteStringLiteral(_)
            | Token::TripleDoubleQuotedByteStringLiteral(_)
            | Token::SingleQuotedRawStringLiteral(_)
            | Token::DoubleQuotedRawStringLiteral(_)
            | Token::TripleSingleQuotedRawStringLiteral(_)
            | Token::TripleDoubleQuotedRawStringLiteral(_)
            | Token::NationalStringLiteral(_)
            | Token::QuoteDelimitedStringLiteral(_)
            | Token::NationalQuoteDelimitedStringLiteral(_)
            | Token::EscapedStringLiteral(_)
            | Token::UnicodeStringLiteral(_)
            | Token::HexStringLiteral(_)
            | Token::Placeholder(_)
            | Token::Period
            | Token::Whitespace(_)
            | Token::EOF
    )
}
