//! A fast lexer for the plain text that makes up most of a PostgreSQL dump: words, quoted
//! names, plain strings and numbers, punctuation and the comparison operators. It gives exactly the
//! tokens sqlparser's tokenizer gives for such text (whitespace left out: the statement
//! reader drops it; a word's keyword is filled in by [`with_keyword`] where sqlparser reads
//! it), at a fraction of the cost; on anything else (a comment, an operator, a dollar quote,
//! an escape, a non-ASCII character, a number with a fraction...) it gives up and the caller
//! tokenizes the text with sqlparser as before.
//!
//! Only for sqlparser's PostgreSQL dialect, whose rules are written out here: a word is
//! `[A-Za-z_][A-Za-z0-9_$]*` (a quote right after a word starts a prefixed literal such as
//! `E'..'` or `B'..'`: given up), `".."` is a quoted name (`""` in it: given up), `'..'` a
//! string kept as written (no `''`, `\` or newline in it, else given up), `[0-9]+(.[0-9]+)?`
//! a number when no letter, digit, `_`, `$` or `.` follows it, `(`, `)`, `,`, `;`, `.` (not
//! before a digit or `_`), `::`, `=` (not before `=` or `>`), `[`, `]`, and `<`, `<=`, `<>`,
//! `>`, `>=`, `-` when no other operator character follows (sqlparser reads a longer run as a
//! custom operator). Positions are counted as sqlparser counts them (line from `line`, column
//! 1 at the text's start, one per byte: the text is ASCII). Tests in `tests/fast_path.rs` compare the two over every input we have.

use sqlparser::keywords::{Keyword, ALL_KEYWORDS, ALL_KEYWORDS_INDEX};
use sqlparser::tokenizer::{Location, Span, Token, TokenWithSpan, Word};

/// The lexer. (A map of the keywords of the words seen so far cost more than sqlparser's
/// binary search over its sorted keyword list, which is used as is.)
pub(super) struct FastLexer;

impl FastLexer {
    /// The tokens of `text`, which starts at column 1 of line `line`, without whitespace,
    /// appended to `out`; false when the text has anything this lexer leaves to sqlparser
    /// (`out` is then truncated back to its length on entry).
    /// The tokens' strings are taken from `spare` (see [`recycle`]) while it has any: a
    /// malloc and a free per word were ~1/6 of the parse.
    pub(super) fn lex(
        &mut self,
        text: &str,
        line: u64,
        out: &mut Vec<TokenWithSpan>,
        spare: &mut Vec<String>,
    ) -> bool {
        let len = out.len();
        let ok = self.lex_into(text, line, out, spare);
        if !ok {
            out.truncate(len);
        }
        ok
    }

    fn lex_into(
        &mut self,
        text: &str,
        mut line: u64,
        out: &mut Vec<TokenWithSpan>,
        spare: &mut Vec<String>,
    ) -> bool {
        let mut owned = |s: &str| match spare.pop() {
            Some(mut buf) => {
                buf.push_str(s);
                buf
            }
            None => s.to_string(),
        };
        let b = text.as_bytes();
        let n = b.len();
        let mut i = 0;
        let mut line_start = 0;
        let is_word_part = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$';
        while i < n {
            let start = i;
            let token = match b[i] {
                b' ' | b'\t' => {
                    i += 1;
                    continue;
                }
                b'\n' => {
                    i += 1;
                    line += 1;
                    line_start = i;
                    continue;
                }
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                    i += 1;
                    while i < n && is_word_part(b[i]) {
                        i += 1;
                    }
                    if i < n && (b[i] == b'\'' || b[i] == b'"' || b[i] >= 0x80) {
                        return false;
                    }
                    // The keyword is looked up only where sqlparser reads the token
                    // ([`with_keyword`]): our grammar compares words by their text.
                    Token::Word(Word {
                        value: owned(&text[start..i]),
                        quote_style: None,
                        keyword: Keyword::NoKeyword,
                    })
                }
                b'"' => {
                    let Some(end) = closing(b, i + 1, b'"') else {
                        return false;
                    };
                    if end == i + 1 || b.get(end + 1) == Some(&b'"') {
                        return false;
                    }
                    i = end + 1;
                    Token::Word(Word {
                        value: owned(&text[start + 1..end]),
                        quote_style: Some('"'),
                        keyword: Keyword::NoKeyword,
                    })
                }
                b'\'' => {
                    let Some(end) = closing(b, i + 1, b'\'') else {
                        return false;
                    };
                    if b.get(end + 1) == Some(&b'\'') {
                        return false;
                    }
                    i = end + 1;
                    Token::SingleQuotedString(owned(&text[start + 1..end]))
                }
                b'0'..=b'9' => {
                    while i < n && b[i].is_ascii_digit() {
                        i += 1;
                    }
                    if i < n && b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                        i += 1;
                        while i < n && b[i].is_ascii_digit() {
                            i += 1;
                        }
                    }
                    if i < n && (is_word_part(b[i]) || b[i] == b'.' || b[i] >= 0x80) {
                        return false;
                    }
                    Token::Number(owned(&text[start..i]), false)
                }
                b'(' => punct(&mut i, Token::LParen),
                b')' => punct(&mut i, Token::RParen),
                b',' => punct(&mut i, Token::Comma),
                b';' => punct(&mut i, Token::SemiColon),
                b'[' => punct(&mut i, Token::LBracket),
                b']' => punct(&mut i, Token::RBracket),
                b'.' => match b.get(i + 1) {
                    Some(c) if c.is_ascii_digit() || *c == b'_' => return false,
                    _ => punct(&mut i, Token::Period),
                },
                b':' if b.get(i + 1) == Some(&b':') => {
                    i += 2;
                    Token::DoubleColon
                }
                // Comparisons and a minus, alone: a longer run of operator characters is
                // a custom operator (or a comment) to sqlparser.
                b'<' | b'>' | b'-' => {
                    let run = b[i..].iter().take_while(|c| is_operator_part(**c)).count();
                    let token = match &b[i..i + run] {
                        b"<" => Token::Lt,
                        b"<=" => Token::LtEq,
                        b"<>" => Token::Neq,
                        b">" => Token::Gt,
                        b">=" => Token::GtEq,
                        b"-" => Token::Minus,
                        _ => return false,
                    };
                    i += run;
                    token
                }
                b'=' => match b.get(i + 1) {
                    Some(b'=' | b'>') => return false,
                    _ => punct(&mut i, Token::Eq),
                },
                _ => return false,
            };
            let at = |o: usize| Location {
                line,
                column: (o - line_start + 1) as u64,
            };
            out.push(TokenWithSpan::new(token, Span::new(at(start), at(i))));
        }
        true
    }
}

/// Most strings kept for reuse (a chunk's tokens at most are in flight at a time; the
/// rest go back to the allocator).
const SPARE_MAX: usize = 1 << 14;

/// Keep a read token's string, emptied, for the lexer's next tokens.
pub(super) fn recycle(token: Token, spare: &mut Vec<String>) {
    if let Token::Word(Word { value: mut s, .. })
    | Token::SingleQuotedString(mut s)
    | Token::Number(mut s, _) = token
    {
        if spare.len() < SPARE_MAX && s.capacity() != 0 {
            s.clear();
            spare.push(s);
        }
    }
}

/// sqlparser's PostgreSQL `is_custom_operator_part`.
fn is_operator_part(c: u8) -> bool {
    matches!(
        c,
        b'+' | b'-'
            | b'*'
            | b'/'
            | b'<'
            | b'>'
            | b'='
            | b'~'
            | b'!'
            | b'@'
            | b'#'
            | b'%'
            | b'^'
            | b'&'
            | b'|'
            | b'`'
            | b'?'
    )
}

fn punct(i: &mut usize, t: Token) -> Token {
    *i += 1;
    t
}

/// The offset of the quote `q` closing a body that starts at `i`, on the same line and with
/// no backslash or non-ASCII byte before it.
fn closing(b: &[u8], i: usize, q: u8) -> Option<usize> {
    let p = b[i..].iter().position(|&c| c == q)?;
    let body = &b[i..i + p];
    let plain = body.iter().all(|&c| c != b'\n' && c != b'\\' && c < 0x80);
    plain.then_some(i + p)
}

/// A token as sqlparser's tokenizer gives it: an unquoted word with its keyword, which this
/// lexer leaves out (`NoKeyword`; a word from sqlparser's tokenizer that is no keyword is
/// looked up again, to the same answer).
pub(super) fn with_keyword(mut t: TokenWithSpan) -> TokenWithSpan {
    if let Token::Word(w) = &mut t.token {
        if w.quote_style.is_none() && w.keyword == Keyword::NoKeyword {
            w.keyword = keyword_lookup(&w.value);
        }
    }
    t
}

/// sqlparser's keyword of an unquoted word (its `keyword_lookup`).
pub(super) fn keyword_lookup(word: &str) -> Keyword {
    let (map, longest) = keywords();
    let b = word.as_bytes();
    if b.len() > *longest {
        return Keyword::NoKeyword;
    }
    // The word in upper case, as sqlparser's list spells its keywords.
    let mut buf = [0u8; KEYWORD_BUF];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_uppercase();
    }
    map.get(&buf[..b.len()])
        .copied()
        .unwrap_or(Keyword::NoKeyword)
}

/// Room for the longest keyword (checked when the map is built).
const KEYWORD_BUF: usize = 64;

/// sqlparser's keywords by their spelling, and the length of the longest: one hash probe per
/// word instead of a binary search of about ten string comparisons (6% of the time on the
/// GitLab pair).
fn keywords() -> &'static (rustc_hash::FxHashMap<&'static [u8], Keyword>, usize) {
    static MAP: std::sync::OnceLock<(rustc_hash::FxHashMap<&'static [u8], Keyword>, usize)> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let map: rustc_hash::FxHashMap<&'static [u8], Keyword> = ALL_KEYWORDS
            .iter()
            .zip(ALL_KEYWORDS_INDEX)
            .map(|(k, v)| (k.as_bytes(), *v))
            .collect();
        let longest = ALL_KEYWORDS.iter().map(|k| k.len()).max().unwrap_or(0);
        assert!(longest <= KEYWORD_BUF, "a keyword of {longest} bytes");
        (map, longest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::PostgreSqlDialect;
    use sqlparser::tokenizer::Tokenizer;

    fn sqlparser(text: &str) -> Vec<TokenWithSpan> {
        let mut toks = Vec::new();
        Tokenizer::new(&PostgreSqlDialect {}, text)
            .with_unescape(false)
            .tokenize_with_location_into_buf(&mut toks)
            .unwrap();
        toks.retain(|t| !matches!(t.token, Token::Whitespace(_)));
        toks
    }

    fn fast(text: &str) -> Option<Vec<TokenWithSpan>> {
        let mut out = Vec::new();
        FastLexer
            .lex(text, 1, &mut out, &mut Vec::new())
            .then(|| out.into_iter().map(with_keyword).collect())
    }

    #[test]
    fn same_tokens_and_spans_as_sqlparser() {
        for text in [
            "ALTER TABLE ONLY public.a ADD CONSTRAINT a_pkey PRIMARY KEY (id);\n",
            "CREATE INDEX \"Idx\" ON public.t USING btree (a, \"B c\");",
            "ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT \
             nextval('public.t_id_seq'::regclass);\n\n",
            "CREATE TABLE t (\n    a character varying(255) DEFAULT ''::text,\n\
             \tb integer[] DEFAULT '{}'::integer[] NOT NULL, c$ int\n);\n",
            "SET x = on; SELECT pg_catalog.set_config('search_path', '', false);",
            "select e, b, n, x, u, _a, 0, 12 ;",
            "CHECK ((char_length(a) <= 255)) CHECK (b<>1) CHECK (c >= -1.5) CHECK (d<2 AND e>3)",
            "START WITH -1 MINVALUE -9 a- 1 0.25",
        ] {
            let got = fast(text).unwrap_or_else(|| panic!("gave up on {text:?}"));
            let want = sqlparser(text);
            assert_eq!(got.len(), want.len(), "{text:?}");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!((&g.token, g.span), (&w.token, w.span), "{text:?}");
            }
        }
    }

    #[test]
    fn gives_up_on_what_it_does_not_know() {
        for text in [
            "E'a'",
            "B'1'",
            "x'00'",
            "n'a'",
            "U&'a'",
            "'a''b'",
            "\"a\"\"b\"",
            "\"\"",
            "1e5",
            "1_000",
            "0x1",
            ".5",
            "a._b",
            "a -- c",
            "/* c */",
            "$1",
            "$$ a $$",
            "a->b",
            "a => b",
            "a == b",
            "a <<b",
            "a <=> b",
            "a<-1",
            "a>>b",
            "a--b",
            "a <@ b",
            "1.",
            "1.e5",
            "1.5e3",
            "1.5.",
            "a || b",
            ":x",
            "'a\\b'",
            "'a\nb'",
            "é",
            "a\r\nb",
        ] {
            assert!(fast(text).is_none(), "{text:?}");
        }
    }
}
