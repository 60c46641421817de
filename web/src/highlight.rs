//! Syntax highlighting for the editors: small, forgiving lexers (SQL; Python for models files)
//! that classify byte ranges of a line, and a per-line index of lexer states so that only the
//! visible lines of a large document are ever tokenized.
//!
//! The output is a list of `(kind, range)` pairs; the view turns each into a text node inside
//! a `<span>`. User text is never interpreted as HTML.

use std::ops::Range;
use std::sync::Arc;

/// What a highlighted range is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Whitespace and anything not worth colouring.
    Plain,
    Keyword,
    Ident,
    /// `"quoted"`, `` `backtick` `` identifiers.
    QuotedIdent,
    /// `'...'`, `E'...'`, `$tag$ ... $tag$`.
    String,
    Number,
    Comment,
    /// `( ) , ; .`
    Punct,
    Operator,
    /// `$1`, `?`, `:name`.
    Param,
}

impl TokenKind {
    /// The CSS class the view puts on the span.
    pub fn class(self) -> &'static str {
        match self {
            TokenKind::Plain => "",
            TokenKind::Keyword => "tk-kw",
            TokenKind::Ident => "tk-id",
            TokenKind::QuotedIdent => "tk-qid",
            TokenKind::String => "tk-str",
            TokenKind::Number => "tk-num",
            TokenKind::Comment => "tk-com",
            TokenKind::Punct => "tk-pun",
            TokenKind::Operator => "tk-op",
            TokenKind::Param => "tk-par",
        }
    }
}

/// Lexer state at a line boundary: the multi-line construct the line starts inside, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum LexState {
    #[default]
    Normal,
    /// Inside `/* */`, nested this deep (PostgreSQL nests block comments).
    BlockComment(u32),
    /// Inside `'...'`; `escapes` for `E'...'` strings, where a backslash escapes a quote.
    String { escapes: bool },
    /// Inside `"..."`.
    QuotedIdent,
    /// Inside `` `...` ``.
    Backtick,
    /// Inside a dollar-quoted string; the tag without the dollars.
    Dollar(Arc<str>),
    /// Python: outside strings (every line of a Python text starts in a `Py*` state).
    PyNormal,
    /// Python: inside a triple-quoted string opened with this quote (`'` or `"`).
    PyTriple(u8),
}

/// A token: its kind and byte range in the line it came from.
pub type Token = (TokenKind, Range<usize>);

/// Tokenize one line (without its line terminator), starting in `state`; returns the state the
/// next line starts in. Token boundaries always fall on `char` boundaries.
pub fn lex_line(
    line: &str,
    state: &LexState,
    mut emit: impl FnMut(TokenKind, Range<usize>),
) -> LexState {
    if matches!(state, LexState::PyNormal | LexState::PyTriple(_)) {
        return lex_python_line(line, state, emit);
    }
    let b = line.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut state = state.clone();
    while i < n {
        match state {
            // (Python states never get here: `lex_python_line` takes those lines.)
            LexState::Normal | LexState::PyNormal | LexState::PyTriple(_) => {}
            LexState::BlockComment(depth) => {
                let start = i;
                let mut depth = depth;
                while i < n && depth > 0 {
                    if b[i] == b'*' && i + 1 < n && b[i + 1] == b'/' {
                        depth -= 1;
                        i += 2;
                    } else if b[i] == b'/' && i + 1 < n && b[i + 1] == b'*' {
                        depth += 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                emit(TokenKind::Comment, start..i);
                state = if depth == 0 {
                    LexState::Normal
                } else {
                    LexState::BlockComment(depth)
                };
                continue;
            }
            LexState::String { escapes } => {
                let start = i;
                let mut closed = false;
                while i < n {
                    if escapes && b[i] == b'\\' {
                        i = (i + 2).min(n);
                    } else if b[i] == b'\'' {
                        if i + 1 < n && b[i + 1] == b'\'' {
                            i += 2;
                        } else {
                            i += 1;
                            closed = true;
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                // A trailing backslash may have stepped inside a multi-byte char: realign.
                while !line.is_char_boundary(i) {
                    i += 1;
                }
                emit(TokenKind::String, start..i);
                if closed {
                    state = LexState::Normal;
                }
                continue;
            }
            LexState::QuotedIdent | LexState::Backtick => {
                let q = if state == LexState::QuotedIdent {
                    b'"'
                } else {
                    b'`'
                };
                let start = i;
                let mut closed = false;
                while i < n {
                    if b[i] == q {
                        if i + 1 < n && b[i + 1] == q {
                            i += 2;
                        } else {
                            i += 1;
                            closed = true;
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                emit(TokenKind::QuotedIdent, start..i);
                if closed {
                    state = LexState::Normal;
                }
                continue;
            }
            LexState::Dollar(ref tag) => {
                let start = i;
                let close = format!("${tag}$");
                match line[i..].find(&close) {
                    Some(pos) => {
                        i += pos + close.len();
                        emit(TokenKind::String, start..i);
                        state = LexState::Normal;
                    }
                    None => {
                        i = n;
                        emit(TokenKind::String, start..i);
                    }
                }
                continue;
            }
        }

        // Normal state: one token starting at i.
        let c = b[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\r' | b'\n' | 0x0b | 0x0c => {
                while i < n && matches!(b[i], b' ' | b'\t' | b'\r' | b'\n' | 0x0b | 0x0c) {
                    i += 1;
                }
                emit(TokenKind::Plain, start..i);
            }
            b'-' if i + 1 < n && b[i + 1] == b'-' => {
                emit(TokenKind::Comment, start..n);
                i = n;
            }
            b'/' if i + 1 < n && b[i + 1] == b'*' => {
                i += 2;
                emit(TokenKind::Comment, start..i);
                state = LexState::BlockComment(1);
            }
            b'\'' => {
                i += 1;
                emit(TokenKind::String, start..i);
                state = LexState::String { escapes: false };
            }
            b'"' => {
                i += 1;
                emit(TokenKind::QuotedIdent, start..i);
                state = LexState::QuotedIdent;
            }
            b'`' => {
                i += 1;
                emit(TokenKind::QuotedIdent, start..i);
                state = LexState::Backtick;
            }
            b'$' => {
                // $1 parameter, $tag$ / $$ dollar quote, or an operator.
                if i + 1 < n && b[i + 1].is_ascii_digit() {
                    i += 1;
                    while i < n && b[i].is_ascii_digit() {
                        i += 1;
                    }
                    emit(TokenKind::Param, start..i);
                } else {
                    let mut j = i + 1;
                    if j < n && (b[j].is_ascii_alphabetic() || b[j] == b'_' || b[j] >= 0x80) {
                        while j < n
                            && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] >= 0x80)
                        {
                            j += 1;
                        }
                    }
                    if j < n && b[j] == b'$' {
                        let tag: Arc<str> = Arc::from(&line[i + 1..j]);
                        i = j + 1;
                        emit(TokenKind::String, start..i);
                        state = LexState::Dollar(tag);
                    } else {
                        i += 1;
                        emit(TokenKind::Operator, start..i);
                    }
                }
            }
            b'0'..=b'9' => {
                i = number_end(b, i);
                emit(TokenKind::Number, start..i);
            }
            b'.' if i + 1 < n && b[i + 1].is_ascii_digit() => {
                i = number_end(b, i);
                emit(TokenKind::Number, start..i);
            }
            b'(' | b')' | b',' | b';' | b'.' | b'[' | b']' | b'{' | b'}' => {
                i += 1;
                emit(TokenKind::Punct, start..i);
            }
            b':' if i + 1 < n
                && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'_')
                && (i == 0 || b[i - 1] != b':') =>
            {
                i += 1;
                while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                    i += 1;
                }
                emit(TokenKind::Param, start..i);
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                while i < n
                    && (b[i].is_ascii_alphanumeric()
                        || b[i] == b'_'
                        || b[i] == b'$'
                        || b[i] >= 0x80)
                {
                    i += 1;
                }
                let word = &line[start..i];
                // String prefixes: E'..' (escapes), N'..', B'..', X'..', U&'..'.
                if i < n
                    && b[i] == b'\''
                    && word.len() == 1
                    && matches!(c, b'e' | b'E' | b'n' | b'N' | b'b' | b'B' | b'x' | b'X')
                {
                    i += 1;
                    emit(TokenKind::String, start..i);
                    state = LexState::String {
                        escapes: matches!(c, b'e' | b'E'),
                    };
                } else if is_keyword(word) {
                    emit(TokenKind::Keyword, start..i);
                } else {
                    emit(TokenKind::Ident, start..i);
                }
            }
            _ if c.is_ascii_punctuation() => {
                i += 1;
                while i < n
                    && is_operator_char(b[i])
                    && !(b[i] == b'-' && i + 1 < n && b[i + 1] == b'-')
                    && !(b[i] == b'/' && i + 1 < n && b[i + 1] == b'*')
                {
                    i += 1;
                }
                let kind = if &line[start..i] == "?" {
                    TokenKind::Param
                } else {
                    TokenKind::Operator
                };
                emit(kind, start..i);
            }
            _ => {
                // Control characters.
                i += 1;
                emit(TokenKind::Plain, start..i);
            }
        }
    }
    state
}

/// Tokenize one line of Python (see [`lex_line`]): comments, strings (prefixed, and
/// triple-quoted ones across lines), numbers, keywords, names, punctuation and operators.
fn lex_python_line(
    line: &str,
    state: &LexState,
    mut emit: impl FnMut(TokenKind, Range<usize>),
) -> LexState {
    let b = line.as_bytes();
    let n = b.len();
    let mut i = 0;
    // Where a string body starting at `i` ends (after its closing quote or quotes), skipping
    // backslash escapes, and whether it closes on this line.
    let string_end = |mut i: usize, q: u8, triple: bool| -> (usize, bool) {
        while i < n {
            if b[i] == b'\\' {
                i = (i + 2).min(n);
            } else if b[i] == q && (!triple || (i + 2 < n && b[i + 1] == q && b[i + 2] == q)) {
                return (i + if triple { 3 } else { 1 }, true);
            } else {
                i += 1;
            }
        }
        (n, false)
    };
    if let LexState::PyTriple(q) = *state {
        let (end, closed) = string_end(0, q, true);
        let end = realign(line, end);
        emit(TokenKind::String, 0..end);
        if !closed {
            return LexState::PyTriple(q);
        }
        i = end;
    }
    while i < n {
        let c = b[i];
        let start = i;
        // A string, with its prefix (`r`, `b`, `f`, `rb`, ...).
        let prefix = b[i..]
            .iter()
            .take(3)
            .take_while(|c| matches!(c, b'r' | b'R' | b'b' | b'B' | b'u' | b'U' | b'f' | b'F'))
            .count();
        let word_start = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        if prefix <= 2 && word_start && i + prefix < n && matches!(b[i + prefix], b'\'' | b'"') {
            let q = b[i + prefix];
            let body = i + prefix;
            let triple = body + 2 < n && b[body + 1] == q && b[body + 2] == q;
            let (end, closed) = string_end(body + if triple { 3 } else { 1 }, q, triple);
            let end = realign(line, end);
            emit(TokenKind::String, start..end);
            if triple && !closed {
                return LexState::PyTriple(q);
            }
            i = end;
            continue;
        }
        match c {
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {
                while i < n && matches!(b[i], b' ' | b'\t' | b'\r' | 0x0b | 0x0c) {
                    i += 1;
                }
                emit(TokenKind::Plain, start..i);
            }
            b'#' => {
                emit(TokenKind::Comment, start..n);
                i = n;
            }
            b'0'..=b'9' => {
                i = number_end(b, i);
                emit(TokenKind::Number, start..i);
            }
            b'(' | b')' | b',' | b';' | b'.' | b'[' | b']' | b'{' | b'}' | b':' => {
                i += 1;
                emit(TokenKind::Punct, start..i);
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                    i += 1;
                }
                let kind = if PY_KEYWORDS.contains(&&line[start..i]) {
                    TokenKind::Keyword
                } else {
                    TokenKind::Ident
                };
                emit(kind, start..i);
            }
            _ if c.is_ascii_punctuation() => {
                i += 1;
                emit(TokenKind::Operator, start..i);
            }
            _ => {
                i += 1;
                emit(TokenKind::Plain, start..i);
            }
        }
    }
    LexState::PyNormal
}

/// `i`, moved forward to a `char` boundary of `line` (a backslash may step into a character).
fn realign(line: &str, mut i: usize) -> usize {
    while i < line.len() && !line.is_char_boundary(i) {
        i += 1;
    }
    i.min(line.len())
}

/// Python's keywords and the three constants.
const PY_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn is_operator_char(c: u8) -> bool {
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
            | b'?'
            | b':'
    )
}

fn number_end(b: &[u8], mut i: usize) -> usize {
    let n = b.len();
    while i < n && (b[i].is_ascii_digit() || b[i] == b'_') {
        i += 1;
    }
    if i < n && b[i] == b'.' && !(i + 1 < n && b[i + 1] == b'.') {
        i += 1;
        while i < n && (b[i].is_ascii_digit() || b[i] == b'_') {
            i += 1;
        }
    }
    if i < n && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < n && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < n && b[j].is_ascii_digit() {
            i = j;
            while i < n && b[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
    i
}

/// Keywords and common type names, upper case, sorted (binary search).
const KEYWORDS: &[&str] = &[
    "ACTION",
    "ADD",
    "AFTER",
    "ALL",
    "ALTER",
    "ALWAYS",
    "AND",
    "ANY",
    "ARRAY",
    "AS",
    "ASC",
    "ATTACH",
    "AUTOINCREMENT",
    "AUTO_INCREMENT",
    "BEFORE",
    "BEGIN",
    "BETWEEN",
    "BIGINT",
    "BIGSERIAL",
    "BOOL",
    "BOOLEAN",
    "BTREE",
    "BY",
    "BYTEA",
    "CACHE",
    "CASCADE",
    "CASE",
    "CAST",
    "CHAR",
    "CHARACTER",
    "CHECK",
    "COLLATE",
    "COLUMN",
    "COMMENT",
    "COMMIT",
    "CONCURRENTLY",
    "CONSTRAINT",
    "COST",
    "CREATE",
    "CURRENT_DATE",
    "CURRENT_TIMESTAMP",
    "CYCLE",
    "DATABASE",
    "DATE",
    "DECIMAL",
    "DEFAULT",
    "DEFERRABLE",
    "DEFERRED",
    "DELETE",
    "DESC",
    "DETACH",
    "DISTINCT",
    "DO",
    "DOMAIN",
    "DOUBLE",
    "DROP",
    "EACH",
    "ELSE",
    "END",
    "ENUM",
    "EXCLUDE",
    "EXECUTE",
    "EXISTS",
    "EXTENSION",
    "FALSE",
    "FILTER",
    "FIRST",
    "FLOAT",
    "FOR",
    "FOREIGN",
    "FROM",
    "FULL",
    "FUNCTION",
    "GENERATED",
    "GIN",
    "GIST",
    "GRANT",
    "GROUP",
    "HASH",
    "HAVING",
    "IDENTITY",
    "IF",
    "IMMEDIATE",
    "IMMUTABLE",
    "IN",
    "INCLUDE",
    "INCREMENT",
    "INDEX",
    "INHERITS",
    "INITIALLY",
    "INNER",
    "INSERT",
    "INT",
    "INT2",
    "INT4",
    "INT8",
    "INTEGER",
    "INTERVAL",
    "INTO",
    "IS",
    "JOIN",
    "JSON",
    "JSONB",
    "KEY",
    "LANGUAGE",
    "LAST",
    "LEFT",
    "LIKE",
    "LIMIT",
    "LOCAL",
    "MATCH",
    "MATERIALIZED",
    "MAXVALUE",
    "MINVALUE",
    "NO",
    "NOT",
    "NOTHING",
    "NULL",
    "NULLS",
    "NUMERIC",
    "OF",
    "OFFSET",
    "ON",
    "ONLY",
    "OR",
    "ORDER",
    "OUTER",
    "OWNED",
    "OWNER",
    "PARALLEL",
    "PARTITION",
    "PLPGSQL",
    "POLICY",
    "PRECISION",
    "PRIMARY",
    "PROCEDURE",
    "PUBLICATION",
    "RANGE",
    "REAL",
    "REFERENCES",
    "REFRESH",
    "RENAME",
    "REPLACE",
    "RESTRICT",
    "RETURNING",
    "RETURNS",
    "REVOKE",
    "RIGHT",
    "ROLE",
    "ROLLBACK",
    "ROW",
    "ROWID",
    "ROWS",
    "RULE",
    "SCHEMA",
    "SECURITY",
    "SELECT",
    "SEQUENCE",
    "SERIAL",
    "SET",
    "SETOF",
    "SMALLINT",
    "SMALLSERIAL",
    "STABLE",
    "START",
    "STATEMENT",
    "STORED",
    "STRICT",
    "TABLE",
    "TABLESPACE",
    "TEMP",
    "TEMPORARY",
    "TEXT",
    "THEN",
    "TIME",
    "TIMESTAMP",
    "TIMESTAMPTZ",
    "TIMETZ",
    "TO",
    "TRANSACTION",
    "TRIGGER",
    "TRUE",
    "TYPE",
    "UNIQUE",
    "UNLOGGED",
    "UPDATE",
    "USING",
    "UUID",
    "VACUUM",
    "VALUES",
    "VARCHAR",
    "VARYING",
    "VIEW",
    "VIRTUAL",
    "VOLATILE",
    "WHEN",
    "WHERE",
    "WITH",
    "WITHOUT",
    "ZONE",
];

/// Whether `word` is a keyword, case-insensitively.
pub fn is_keyword(word: &str) -> bool {
    if word.len() > 20 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 20];
    let up = &mut buf[..word.len()];
    up.copy_from_slice(word.as_bytes());
    up.make_ascii_uppercase();
    let up = std::str::from_utf8(up).unwrap_or("");
    KEYWORDS.binary_search(&up).is_ok()
}

/// Where each line of a text starts and which lexer state it starts in, so any line can be
/// tokenized on its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of each line; never empty (an empty text has one line).
    pub starts: Vec<usize>,
    /// Lexer state at the start of each line (same length as `starts`).
    pub states: Vec<LexState>,
}

impl LineIndex {
    /// Scan the whole text (SQL) once.
    pub fn new(text: &str) -> Self {
        Self::scan(text, LexState::Normal)
    }

    /// Scan a Python text (a models file) once.
    pub fn new_python(text: &str) -> Self {
        Self::scan(text, LexState::PyNormal)
    }

    fn scan(text: &str, start: LexState) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        let mut states = Vec::with_capacity(text.len() / 32 + 1);
        let mut state = start;
        let mut pos = 0;
        loop {
            starts.push(pos);
            let end = text[pos..].find('\n').map(|e| pos + e);
            let line_end = end.unwrap_or(text.len());
            let line = &text[pos..line_end];
            let next = if state == LexState::Normal && !needs_lexing(line) {
                LexState::Normal
            } else if state == LexState::PyNormal && !line.contains(['\'', '"']) {
                LexState::PyNormal
            } else {
                lex_line(line, &state, |_, _| {})
            };
            states.push(std::mem::replace(&mut state, next));
            match end {
                Some(e) => pos = e + 1,
                None => break,
            }
        }
        LineIndex { starts, states }
    }

    /// Number of lines (at least 1).
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Never true: an empty text has one (empty) line.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Line `i` (0-based) of `text`, without its `\n` or `\r\n`.
    pub fn line<'a>(&self, text: &'a str, i: usize) -> &'a str {
        let start = self.starts[i].min(text.len());
        let end = self
            .starts
            .get(i + 1)
            .map(|e| e - 1)
            .unwrap_or(text.len())
            .max(start);
        let end = end.min(text.len());
        let line = &text[start..end];
        line.strip_suffix('\r').unwrap_or(line)
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }
}

/// Fast path: a line in normal state that holds none of the bytes that can open a multi-line
/// construct ends in normal state too.
fn needs_lexing(line: &str) -> bool {
    line.bytes()
        .any(|c| matches!(c, b'\'' | b'"' | b'`' | b'$' | b'/'))
}

/// Tokens of one line, as owned `(kind, range)` pairs. Lines longer than `max_bytes` are cut:
/// the rest comes as one plain token.
pub fn tokens(line: &str, state: &LexState, max_bytes: usize) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let (head, cut) = if line.len() > max_bytes {
        let mut cut = max_bytes;
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        (&line[..cut], Some(cut))
    } else {
        (line, None)
    };
    lex_line(head, state, |kind, range| {
        // Merge neighbours of the same kind (a long comment continuing, runs of plain text).
        if let Some(last) = out.last_mut() {
            if last.0 == kind
                && last.1.end == range.start
                && kind != TokenKind::Keyword
                && kind != TokenKind::Ident
            {
                last.1.end = range.end;
                return;
            }
        }
        out.push((kind, range));
    });
    if let Some(cut) = cut {
        out.push((TokenKind::Plain, cut..line.len()));
    }
    out
}

/// Byte offset of the 1-based character column `column` in `line` (clamped to its end).
pub fn column_to_byte(line: &str, column: u32) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map(|(i, _)| i)
        .unwrap_or(line.len())
}

/// Number of UTF-16 code units in `s`: what a textarea's selection offsets count.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens (merged as the view gets them) and the state at the end of the line.
    fn kinds(line: &str, state: LexState) -> (Vec<(TokenKind, String)>, LexState) {
        let v = tokens(line, &state, usize::MAX)
            .into_iter()
            .map(|(k, r)| (k, line[r].to_string()))
            .collect();
        (v, lex_line(line, &state, |_, _| {}))
    }

    #[test]
    fn keywords_are_sorted() {
        let mut sorted = KEYWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, KEYWORDS);
        assert!(is_keyword("create"));
        assert!(is_keyword("Table"));
        assert!(!is_keyword("task"));
    }

    #[test]
    fn simple_statement() {
        let (v, end) = kinds(
            "CREATE TABLE t (id int, name text DEFAULT 'x''y');",
            LexState::Normal,
        );
        assert_eq!(end, LexState::Normal);
        assert_eq!(v[0], (TokenKind::Keyword, "CREATE".into()));
        assert!(v.contains(&(TokenKind::Ident, "t".into())));
        assert!(v.contains(&(TokenKind::String, "'x''y'".into())));
        let joined: String = v.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(joined, "CREATE TABLE t (id int, name text DEFAULT 'x''y');");
    }

    #[test]
    fn multi_line_constructs() {
        let (_, s) = kinds(
            "CREATE FUNCTION f() RETURNS int AS $body$",
            LexState::Normal,
        );
        assert_eq!(s, LexState::Dollar(Arc::from("body")));
        let (v, s) = kinds("  SELECT 1; $$ not the end", s);
        assert_eq!(s, LexState::Dollar(Arc::from("body")));
        assert!(v.iter().all(|(k, _)| *k == TokenKind::String));
        let (v, s) = kinds("$body$ LANGUAGE sql;", s);
        assert_eq!(s, LexState::Normal);
        assert_eq!(v[0], (TokenKind::String, "$body$".into()));
        let (_, s) = kinds("/* a /* nested", LexState::Normal);
        assert_eq!(s, LexState::BlockComment(2));
        let (_, s) = kinds("*/ still */ x", s);
        assert_eq!(s, LexState::Normal);
        let (_, s) = kinds("COMMENT ON TABLE t IS 'multi", LexState::Normal);
        assert_eq!(s, LexState::String { escapes: false });
        let (_, s) = kinds("E'it\\'s", LexState::Normal);
        assert_eq!(s, LexState::String { escapes: true });
        let (v, _) = kinds("x -- comment 'not a string", LexState::Normal);
        assert_eq!(v.last().unwrap().0, TokenKind::Comment);
    }

    #[test]
    fn index_and_tokens_cover_text() {
        let text = "CREATE TABLE \"ünïcode\" (\n  a text DEFAULT 'line1\nline2',\r\n  b int\n);";
        let idx = LineIndex::new(text);
        assert_eq!(idx.len(), 5);
        assert_eq!(idx.line(text, 1), "  a text DEFAULT 'line1");
        assert_eq!(idx.line(text, 2), "line2',");
        assert_eq!(idx.states[2], LexState::String { escapes: false });
        assert_eq!(idx.states[3], LexState::Normal);
        for i in 0..idx.len() {
            let line = idx.line(text, i);
            let toks = tokens(line, &idx.states[i], 8);
            let joined: String = toks.iter().map(|(_, r)| &line[r.clone()]).collect();
            assert_eq!(joined, line);
        }
        assert_eq!(idx.line_of(0), 0);
        assert_eq!(idx.line_of(26), 0);
        assert_eq!(idx.line_of(27), 1);
        assert_eq!(LineIndex::new("").len(), 1);
    }

    #[test]
    fn columns_and_utf16() {
        assert_eq!(column_to_byte("aé b", 3), 3);
        assert_eq!(column_to_byte("ab", 9), 2);
        assert_eq!(utf16_len("a😀"), 3);
    }

    #[test]
    fn python_lines() {
        let text = "from sqlmodel import Field  # the 'models'\n\nclass T(SQLModel, table=True):\n    \"\"\"A doc\n    string's end\"\"\"\n    name: str = Field(max_length=80, sa_column_kwargs={\"comment\": r'x\\'y'})\n";
        let idx = LineIndex::new_python(text);
        assert_eq!(idx.len(), 7);
        assert_eq!(idx.states[0], LexState::PyNormal);
        assert_eq!(idx.states[4], LexState::PyTriple(b'"'));
        assert_eq!(idx.states[5], LexState::PyNormal);
        let kinds = |i: usize| {
            let line = idx.line(text, i);
            tokens(line, &idx.states[i], 2000)
                .into_iter()
                .map(|(k, r)| (k, line[r].to_string()))
                .filter(|(k, _)| *k != TokenKind::Plain)
                .collect::<Vec<_>>()
        };
        let first = kinds(0);
        assert_eq!(first[0], (TokenKind::Keyword, "from".into()));
        assert_eq!(
            first.last().unwrap(),
            &(TokenKind::Comment, "# the 'models'".into())
        );
        assert!(kinds(2).contains(&(TokenKind::Keyword, "True".into())));
        assert_eq!(
            kinds(4),
            [(TokenKind::String, "    string's end\"\"\"".into())]
        );
        let five = kinds(5);
        assert!(
            five.contains(&(TokenKind::String, "r'x\\'y'".into())),
            "{five:?}"
        );
        assert!(five.contains(&(TokenKind::Number, "80".into())));
        // An unterminated one-quote string ends with its line.
        assert_eq!(
            lex_line("x = 'abc", &LexState::PyNormal, |_, _| {}),
            LexState::PyNormal
        );
    }
}
