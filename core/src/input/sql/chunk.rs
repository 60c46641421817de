//! Cuts the text into chunks that are tokenized one at a time, so the tokens of a whole
//! multi-MB dump are never held at once (they took ~25x the text's size).
//!
//! A chunk ends just after a newline at which, by a quick scan over bytes, no string, quoted
//! name, comment or dollar quote is open. Every token that can hold a newline (those four)
//! fails to tokenize when cut, and no other token holds one, so tokenizing chunk by chunk
//! gives exactly the tokens of the whole text, or a tokenizer error in some chunk; then the
//! caller tokenizes the whole text instead (a real error is reported as it always was, and a
//! scan that misread the text costs time, never a different result).

use sqlparser::dialect::{Dialect, MySqlDialect};

/// What the scan needs to know of the dialect's lexical rules.
pub(super) struct Lexis {
    /// `\` escapes the next character in strings (MySQL).
    backslash: bool,
    /// `E'..'` strings with `\` escapes (PostgreSQL).
    escape_constant: bool,
    /// `/* /* .. */ */` nests (PostgreSQL).
    nested_comments: bool,
    /// `#` starts a line comment (MySQL).
    hash_comments: bool,
    /// `[name]` quotes a name (SQLite).
    brackets: bool,
    /// `$tag$ .. $tag$` strings.
    dollar: bool,
    /// `--` starts a comment only before whitespace (MySQL).
    comment_space: bool,
}

impl Lexis {
    pub(super) fn of(dialect: &dyn Dialect) -> Self {
        Self {
            backslash: dialect.supports_string_literal_backslash_escape(),
            escape_constant: dialect.supports_string_escape_constant(),
            nested_comments: dialect.supports_nested_comments(),
            hash_comments: dialect.is::<MySqlDialect>(),
            brackets: dialect.is_delimited_identifier_start('['),
            dollar: !dialect.supports_dollar_placeholder(),
            comment_space: dialect.requires_single_line_comment_whitespace(),
        }
    }
}

/// Chunks of at least `min` bytes (but the last, and those ending before a skipped line),
/// each starting at the start of a line, with their offsets.
///
/// Lines that are a `--` comment and cannot be a rename directive (no `schemashift` nor
/// `@renamed` in them) are left out between chunks: the statements never see such comments
/// (a third of a pg_dump's bytes are its `-- Name: ..; Type: ..` lines). The argument above
/// holds for them too: the chunk before such a line ends where nothing is open, or fails.
/// psql meta-command lines (`\\restrict ..`, starting with a backslash) are left out the same
/// way: they are no SQL.
pub(super) fn chunks<'t, 'l>(
    text: &'t str,
    min: usize,
    lexis: &'l Lexis,
) -> impl Iterator<Item = (usize, &'t str)> + use<'t, 'l> {
    let b = text.as_bytes();
    let mut from = skip_comment_lines(b, 0, lexis);
    std::iter::from_fn(move || {
        if from >= text.len() {
            return None;
        }
        let end = chunk_end(b, from, min, lexis);
        let start = from;
        from = skip_comment_lines(b, end, lexis);
        // `end` follows a `\n` (or is the end of the text): a char boundary.
        Some((start, &text[start..end]))
    })
}

/// Past the lines from `i` (a line start where nothing is open) that can be left out: `--`
/// comments, and psql meta-commands (lines starting with `\\`: no SQL).
fn skip_comment_lines(b: &[u8], mut i: usize, lx: &Lexis) -> usize {
    let comment = |i: usize| {
        b[i..].starts_with(b"--")
            && (!lx.comment_space || b.get(i + 2).is_some_and(u8::is_ascii_whitespace))
    };
    let meta = |i: usize| meta_line(b, i);
    while comment(i) || meta(i) {
        let end = line_end(b, i);
        let line = &b[i..end];
        if !meta(i) && is_directive(line) {
            break;
        }
        if end == b.len() {
            return end;
        }
        i = end + 1;
    }
    i
}

/// Whether the line starting at `i` is a psql meta-command (`\\restrict ..`).
fn meta_line(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&b'\\')
}

/// Whether a comment line mentions `schemashift` or `@renamed` (any case): one SIMD pass over
/// the line, comparing only where a word could start (a dump has tens of thousands of
/// comment lines).
fn is_directive(line: &[u8]) -> bool {
    let at = |i: usize, word: &[u8]| {
        line.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    memchr::memchr3_iter(b's', b'S', b'@', line).any(|i| match line[i] {
        b'@' => at(i, b"@renamed"),
        _ => at(i, b"schemashift"),
    })
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The offset just after the first newline at least `min` bytes past `from` at which nothing
/// is open, scanning from `from` (where nothing is open); the end of the text if none.
/// The bytes [`chunk_end`] looks at; it steps over any other byte in a tight loop.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = b"\n'\"`[-#/$";
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

fn chunk_end(b: &[u8], from: usize, min: usize, lx: &Lexis) -> usize {
    let n = b.len();
    let mut i = from;
    while i < n {
        if !SPECIAL[b[i] as usize] {
            i += 1;
            continue;
        }
        match b[i] {
            b'\n' => {
                i += 1;
                if i - from >= min || b[i..].starts_with(b"--") || meta_line(b, i) {
                    return i;
                }
            }
            q @ (b'\'' | b'"' | b'`') => {
                let escapes = lx.backslash
                    || (q == b'\''
                        && lx.escape_constant
                        && i > 0
                        && matches!(b[i - 1], b'e' | b'E')
                        && (i < 2 || !is_ident(b[i - 2])));
                i = skip_quoted(b, i + 1, q, escapes);
            }
            b'[' if lx.brackets => {
                i = skip_quoted(b, i + 1, b']', false);
            }
            b'-' if b.get(i + 1) == Some(&b'-') => i = line_end(b, i),
            b'#' if lx.hash_comments => i = line_end(b, i),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 1;
                i += 2;
                while i < n && depth > 0 {
                    if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                    } else if lx.nested_comments && b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
            }
            b'$' if lx.dollar && (i == 0 || !is_ident(b[i - 1])) => {
                let tag_end = b[i + 1..]
                    .iter()
                    .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_'))
                    .map(|p| i + 1 + p);
                match tag_end {
                    Some(t) if b[t] == b'$' => {
                        let tag = &b[i..=t];
                        i = match memchr::memmem::find(&b[t + 1..], tag) {
                            Some(p) => t + 1 + p + tag.len(),
                            None => n,
                        };
                    }
                    _ => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    n
}

/// Past the closing `q` of a quoted string or name whose body starts at `i` (`qq` is a `q`).
fn skip_quoted(b: &[u8], mut i: usize, q: u8, escapes: bool) -> usize {
    while i < b.len() {
        let c = b[i];
        if escapes && c == b'\\' {
            i += 2;
        } else if c == q {
            if b.get(i + 1) == Some(&q) && q != b']' {
                i += 2;
            } else {
                return i + 1;
            }
        } else {
            i += 1;
        }
    }
    b.len()
}

/// The offset of the newline ending the line at `i` (or the end of the text).
fn line_end(b: &[u8], i: usize) -> usize {
    memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::PostgreSqlDialect;

    fn cut<'a>(text: &'a str, lexis: &Lexis) -> Vec<&'a str> {
        chunks(text, 1, lexis).map(|(_, c)| c).collect()
    }

    #[test]
    fn cuts_only_where_nothing_is_open() {
        let pg = Lexis::of(&PostgreSqlDialect {});
        let text = "a;\n'x\ny';\n$f$ ; \n $f$;\n/* /* */\n */ -- '\nE'\\'\n';\nb";
        assert_eq!(
            cut(
                "-- a\nx;\n-- b;\n--c\ny;\n-- schemashift: renamed from z\n-- d",
                &pg
            ),
            ["x;\n", "y;\n", "-- schemashift: renamed from z\n"]
        );
        assert_eq!(
            cut(text, &pg),
            [
                "a;\n",
                "'x\ny';\n",
                "$f$ ; \n $f$;\n",
                "/* /* */\n */ -- '\n",
                "E'\\'\n';\n",
                "b"
            ]
        );
        let my = Lexis::of(&MySqlDialect {});
        assert_eq!(cut("-- a\n--b\n-- c", &my), ["--b\n"]);
        assert_eq!(
            cut("'\\'\n';\n# '\n`a\nb`\n", &my),
            ["'\\'\n';\n", "# '\n", "`a\nb`\n"]
        );
    }
}
