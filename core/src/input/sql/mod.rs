//! DDL text -> [`Schema`], with positioned diagnostics.
//!
//! The text is tokenized once (sqlparser's tokenizer, which knows quotes, dollar quotes and
//! comments), split into statements here (sqlparser stops at the first statement it does not
//! know, and pg_dump output has several), and each statement is read by the DDL grammar in
//! the grammar modules ([`builder`] dispatches: `create_table`, `constraint`, `index`,
//! `alter`, `view`, `routine`, `privileges`, `comment`, ...). Expressions and view queries are parsed by sqlparser to compute canonical keys.

mod alter;
mod builder;
mod chunk;
mod comment;
mod constraint;
mod create_table;
mod cursor;
mod depth;
pub mod expr;
mod index;
mod lex;
pub(crate) mod mysql;
mod privileges;
mod routine;
mod sequence;
mod session;
mod sniff;
mod source;
mod types;
mod user_type;
mod view;

use crate::diagnostics::{Code, Diagnostic, Severity, Side};
use crate::dialects::grammar::Syntax;
use crate::dialects::Dialect;
use crate::model::Schema;
use cursor::{is_kw, Cursor, ParseError, Seen};
use source::Source;
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::tokenizer::{Location, Token, TokenWithSpan, Tokenizer, Whitespace};
use std::borrow::Cow;

pub use builder::Builder;
pub use depth::MAX_DEPTH;

/// Text written for another database fails in puzzling ways: the first error (or, without
/// errors, the first statement ignored as not in the dialect) says which dialect to choose.
/// For DDL a user gave, not DDL another frontend generated.
pub fn add_dialect_hint(text: &str, dialect: &dyn Dialect, diagnostics: &mut [Diagnostic]) {
    let first = match diagnostics
        .iter()
        .position(|d| d.code.severity() == Severity::Error)
    {
        Some(i) => Some(i),
        None => diagnostics.iter().position(|d| d.code == Code::W001),
    };
    if let Some(first) = first.map(|i| &mut diagnostics[i]) {
        if let Some(hint) = sniff::hint(text, dialect.kind()) {
            first.message.push_str(&hint);
        }
    }
}

/// Parse one schema snapshot.
///
/// Positions are as editors show them: a leading byte order mark is not counted in columns
/// (byte offsets still count it), and a lone CR ends a line as LF and CRLF do.
pub fn parse(text: &str, dialect: &dyn Dialect, side: Side) -> (Schema, Vec<Diagnostic>) {
    parse_with(text, dialect, side, true)
}

/// [`parse`] with the fast paths on or off: off, every token comes from sqlparser's
/// tokenizer (not the fast lexer, [`lex`]) and every expression key from sqlparser's parser
/// (not [`expr::expr_key_with`]'s shortcut for a lone name). For the tests that show both give the same schema and diagnostics.
#[doc(hidden)]
pub fn parse_with(
    text: &str,
    dialect: &dyn Dialect,
    side: Side,
    fast: bool,
) -> (Schema, Vec<Diagnostic>) {
    let (body, bom) = match text.strip_prefix('\u{feff}') {
        Some(body) => (body, '\u{feff}'.len_utf8()),
        None => (text, 0),
    };
    let (mut schema, mut diagnostics) = parse_body(body, dialect, side, fast);
    let editor = Source::with_editor_lines(body);
    let position = |line: &mut u32, column: &mut u32, offset: &mut usize| {
        if let Some(editor) = &editor {
            (*line, *column) = editor.location(*offset);
        }
        *offset += bom;
    };
    for d in &mut diagnostics {
        position(&mut d.line, &mut d.column, &mut d.offset);
        d.end += bom;
    }
    for r in &mut schema.renames {
        if let Some((line, column, offset)) = &mut r.at {
            position(line, column, offset);
        }
    }
    (schema, diagnostics)
}

fn parse_body(
    text: &str,
    dialect: &dyn Dialect,
    side: Side,
    fast: bool,
) -> (Schema, Vec<Diagnostic>) {
    let mut cleaned = without_copy_rows(text);
    let mut blocks = Vec::new();
    if dialect.grammar().has(Syntax::DelimiterBlocks) {
        if let Some((text, found)) = blank_delimiter_blocks(&cleaned) {
            cleaned = Cow::Owned(text);
            blocks = found;
        }
        if let Some(text) = open_versioned_comments(&cleaned) {
            cleaned = Cow::Owned(text);
        }
    }
    let src = Source::new(&cleaned);
    let new_builder = || {
        let mut builder = Builder::new(dialect, side);
        for &offset in &blocks {
            let (line, column) = src.location(offset);
            let at = Location::of(line.into(), column.into());
            builder.unsupported(
                "routine or event of a `DELIMITER` block (a mysqldump's `--routines`/`--events`)",
                at,
            );
        }
        builder
    };
    let mut builder = new_builder();
    // No database takes a NUL in SQL text; it comes from a binary or UTF-16 file.
    if let Some(at) = cleaned.find('\0') {
        let (line, column) = src.location(at);
        let at = Location::of(line.into(), column.into());
        let msg = "NUL byte in the text (a binary file, or UTF-16? save it as UTF-8)".to_string();
        builder.diag_at(Code::E001, &src, at, msg);
        return builder.finish(&src);
    }
    let seen = Seen::default();
    let ctx = (&src, dialect, &seen, fast);
    // Chunk by chunk (see `chunk`): the tokens of one chunk at a time.
    let lexis = chunk::Lexis::of(dialect.parser_dialect());
    let mut reader = Statements::default();
    let mut tokens = Vec::new();
    let mut chunked = true;
    // Plain chunks (most of a pg_dump) are read by the fast lexer, the others by sqlparser.
    let pg = dialect.parser_dialect().is::<PostgreSqlDialect>();
    let mut fast_lexer = (fast && pg).then_some(lex::FastLexer);
    reader.reuse = fast_lexer.is_some();
    let mut line = 0;
    for (start, text) in chunk::chunks(&cleaned, CHUNK, &lexis) {
        line = src.line_from(line, start);
        let lines = line as u64;
        tokens.clear();
        if let Some(lexer) = &mut fast_lexer {
            if lexer.lex(text, lines + 1, &mut tokens, &mut reader.spare) {
                reader.feed_lexed(&mut tokens, &mut builder, ctx);
                continue;
            }
        }
        let read = Tokenizer::new(dialect.parser_dialect(), text)
            .with_unescape(false)
            .tokenize_with_location_into_buf_with_mapper(&mut tokens, |mut t| {
                t.span.start.line += lines;
                t.span.end.line += lines;
                t
            });
        if read.is_err() {
            chunked = false;
            break;
        }
        for t in tokens.drain(..) {
            reader.feed(t, &mut builder, ctx);
        }
    }
    if !chunked {
        // A tokenizer error (or a chunk cut where something was open): the whole text.
        builder = new_builder();
        seen.spellings.borrow_mut().clear();
        reader = Statements::default();
        tokens.clear();
        let whole = blank_meta_commands(&cleaned);
        if let Err(e) = Tokenizer::new(dialect.parser_dialect(), &whole)
            .with_unescape(false)
            .tokenize_with_location_into_buf(&mut tokens)
        {
            // What is unterminated (a string, quoted name, comment, dollar quote) starts where
            // the last token read ends; sqlparser reports some of them at the end of the text.
            let start = tokens.last().map(|t: &TokenWithSpan| t.span.end);
            let before = |s: &Location| {
                s.line > 0 && (s.line, s.column) <= (e.location.line, e.location.column)
            };
            let at = start.filter(before).unwrap_or(e.location);
            let end = src.offset(e.location);
            builder.diag(Code::E001, &src, at, Some(end), e.message.clone());
            return builder.finish(&src);
        }
        for t in tokens {
            reader.feed(t, &mut builder, ctx);
        }
    }
    reader.finish(&mut builder, ctx);
    let (mut schema, diagnostics) = builder.finish(&src);
    schema.spellings = seen.spellings.into_inner();
    (schema, diagnostics)
}

/// Bytes of text tokenized at a time (at least; a chunk ends at a line end).
const CHUNK: usize = 64 * 1024;

/// Tokens -> statements: the statement being read, with the comments before and in it.
struct Statements {
    splitter: Splitter,
    /// The statement's tokens, whitespace and comments left out: one reused buffer.
    toks: Vec<TokenWithSpan>,
    comments: Vec<(Location, String)>,
    last_end: Location,
    /// The read statements' token strings, for the fast lexer to reuse ([`lex::recycle`]).
    spare: Vec<String>,
    /// The fast lexer reads the text: keep the strings.
    reuse: bool,
}

impl Default for Statements {
    fn default() -> Self {
        Self {
            splitter: Splitter::default(),
            toks: Vec::new(),
            comments: Vec::new(),
            last_end: Location { line: 0, column: 0 },
            spare: Vec::new(),
            reuse: false,
        }
    }
}

impl Statements {
    fn feed(&mut self, t: TokenWithSpan, builder: &mut Builder<'_>, ctx: Context<'_>) {
        match t.token {
            Token::Whitespace(Whitespace::SingleLineComment { comment, .. })
            | Token::Whitespace(Whitespace::MultiLineComment(comment)) => {
                self.comments.push((t.span.start, trimmed(comment)));
                return;
            }
            Token::Whitespace(_) => return,
            _ => {}
        }
        self.last_end = t.span.end;
        if self.splitter.ends_statement(&t.token) {
            run_statement(builder, ctx, &self.toks, &self.comments, t.span.start);
            self.clear_statement();
        } else {
            self.toks.push(t);
        }
    }

    /// Empty the statement buffer and its comments after a statement was read, keeping the
    /// tokens' strings when the fast lexer reads the text.
    fn clear_statement(&mut self) {
        if self.reuse {
            for t in self.toks.drain(..) {
                lex::recycle(t.token, &mut self.spare);
            }
        } else {
            self.toks.clear();
        }
        self.comments.clear();
    }

    /// Feed the fast lexer's tokens of a chunk (no whitespace or comments among them), all
    /// of them (`tokens` is left empty). A statement wholly in the chunk is read where it
    /// lies; only one begun in an earlier chunk, or not ended in this one, is moved to the
    /// statement buffer (moving every token there was ~3% of a dump's parse).
    fn feed_lexed(
        &mut self,
        tokens: &mut Vec<TokenWithSpan>,
        builder: &mut Builder<'_>,
        ctx: Context<'_>,
    ) {
        let mut start = 0;
        for i in 0..tokens.len() {
            let t = &tokens[i];
            self.last_end = t.span.end;
            if !self.splitter.ends_statement(&t.token) {
                continue;
            }
            let at = t.span.start;
            if self.toks.is_empty() {
                run_statement(builder, ctx, &tokens[start..i], &self.comments, at);
            } else {
                // Begun in an earlier chunk: its first tokens are in the buffer. (The moved
                // ones leave an end-of-file token behind, dropped with the chunk's.)
                let rest = tokens[start..i].iter_mut().map(|t| {
                    let eof = TokenWithSpan::new(Token::EOF, t.span);
                    std::mem::replace(t, eof)
                });
                self.toks.extend(rest);
                run_statement(builder, ctx, &self.toks, &self.comments, at);
            }
            self.clear_statement();
            start = i + 1;
        }
        for t in tokens.drain(..start) {
            lex::recycle(t.token, &mut self.spare);
        }
        self.toks.append(tokens);
    }

    fn finish(self, builder: &mut Builder<'_>, ctx: Context<'_>) {
        run_statement(builder, ctx, &self.toks, &self.comments, self.last_end);
    }
}

/// `s.trim()`, reusing `s`'s buffer.
fn trimmed(mut s: String) -> String {
    let end = s.trim_end().len();
    s.truncate(end);
    let start = s.len() - s.trim_start().len();
    s.drain(..start);
    s
}

/// What every statement is read against: the source, the dialect, what the statements
/// before it read, and whether the fast paths are on (see [`parse_with`]).
type Context<'a> = (&'a Source<'a>, &'a dyn Dialect, &'a Seen, bool);

/// psql meta-commands (`\restrict`, `\connect`...) are lines starting with a backslash, and the
/// rows of a `COPY .. FROM stdin` (a dump with data) run up to the `\.` line: blank them
/// (keeping positions) so the tokenizer never sees them.
fn blank_meta_commands(text: &str) -> Cow<'_, str> {
    if !has_meta_commands(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copy_rows = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if copy_rows || line.starts_with('\\') {
            copy_rows = copy_rows && body != "\\.";
            out.extend(std::iter::repeat_n(' ', body.chars().count()));
            out.push_str(&line[body.len()..]);
        } else {
            copy_rows = starts_copy_rows(body);
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// Whether any line is a psql meta-command.
fn has_meta_commands(text: &str) -> bool {
    text.starts_with('\\') || memchr::memmem::find(text.as_bytes(), b"\n\\").is_some()
}

/// Whether any line is a `COPY .. FROM stdin;` statement ([`starts_copy_rows`]). Such a line
/// ends in `stdin;`: only the lines of the text's `;`s are looked at, not all of its lines
/// (137k in a 4.7 MB pg_dump).
fn has_copy_rows(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b';', b).any(|i| {
        i >= 5 && b[i - 5..i].eq_ignore_ascii_case(b"stdin") && {
            let start = memchr::memrchr(b'\n', &b[..i]).map_or(0, |p| p + 1);
            let end = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |p| i + p);
            starts_copy_rows(&text[start..end])
        }
    })
}

/// Whether a line is a `COPY .. FROM stdin;` statement, whose rows follow it.
fn starts_copy_rows(line: &str) -> bool {
    let body = line.trim();
    let ends = |n: usize, w: &str| {
        let at = body
            .len()
            .checked_sub(n)
            .filter(|&i| body.is_char_boundary(i));
        at.is_some_and(|i| body[i..].eq_ignore_ascii_case(w))
    };
    body.get(..5)
        .is_some_and(|h| h.eq_ignore_ascii_case("copy "))
        && ends(11, "from stdin;")
}

/// The text as the chunks read it: meta-command lines need no blanking there (the chunks
/// leave them out, see [`chunk::chunks`]), so the text is copied only for COPY rows
/// (pg_dump 17.6 and later write `\restrict` and `\unrestrict` into every dump).
fn without_copy_rows(text: &str) -> Cow<'_, str> {
    if has_meta_commands(text) && has_copy_rows(text) {
        blank_meta_commands(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// MySQL's versioned comments `/*!40101 SET .. */` are SQL the server runs: their markers
/// are blanked (positions kept) so that the statement inside is read. `None` when there are
/// none.
fn open_versioned_comments(text: &str) -> Option<String> {
    if !text.contains("/*!") {
        return None;
    }
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    let mut in_versioned = false;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            if c == b'\\' && q != b'`' {
                i += 2;
                continue;
            }
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match c {
            b'\'' | b'"' | b'`' => quote = Some(c),
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                if b.get(i + 2) == Some(&b'!') && !in_versioned {
                    let mut j = i + 3;
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    out[i..j].fill(b' ');
                    in_versioned = true;
                    i = j;
                    continue;
                }
                // A plain comment: skip to its end.
                match text[i + 2..].find("*/") {
                    Some(end) => i += end + 4,
                    None => i = b.len(),
                }
                continue;
            }
            b'*' if in_versioned && b.get(i + 1) == Some(&b'/') => {
                out[i] = b' ';
                out[i + 1] = b' ';
                in_versioned = false;
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // Only ASCII bytes were replaced by spaces.
    String::from_utf8(out).ok()
}

/// The mysql client's `DELIMITER ;;` .. `DELIMITER ;` blocks (positions kept): the `DELIMITER`
/// lines are blanked, a trigger's statement is kept with its delimiter written `;` (the
/// statement reader keeps `BEGIN .. END` bodies whole), and every other statement of a block
/// (routines, events) is blanked. `None` when there are no such blocks, else the text and the
/// offset of each statement blanked.
fn blank_delimiter_blocks(text: &str) -> Option<(String, Vec<usize>)> {
    let is_delimiter = |line: &str| {
        let t = line.trim_start();
        t.get(..10)
            .is_some_and(|h| h.eq_ignore_ascii_case("delimiter "))
            .then(|| t[10..].trim().to_string())
            // `DELIMITER` without one is no delimiter line (the mysql client refuses it); an
            // empty delimiter would match everywhere.
            .filter(|d| !d.is_empty())
    };
    if !text.lines().any(|l| is_delimiter(l).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut blocks = Vec::new();
    // The delimiter of the block we are in, and the statement read so far (from `start`).
    let mut inside: Option<String> = None;
    let mut stmt = String::new();
    let mut start = 0;
    let mut offset = 0;
    let blank = |s: &str| -> String {
        s.chars()
            .map(|c| if c == '\n' || c == '\r' { c } else { ' ' })
            .collect()
    };
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if let Some(d) = is_delimiter(body) {
            if !stmt.trim().is_empty() {
                blocks.push(start);
            }
            out.push_str(&blank(&stmt));
            stmt.clear();
            inside = (d != ";").then_some(d);
            out.push_str(&blank(line));
            offset += line.len();
            continue;
        }
        let Some(d) = &inside else {
            out.push_str(line);
            offset += line.len();
            continue;
        };
        let mut rest = line;
        let mut at = offset;
        while let Some(i) = rest.find(d.as_str()) {
            if stmt.trim().is_empty() {
                start = at + (stmt.len() - stmt.trim_start().len());
            }
            stmt.push_str(&rest[..i]);
            if kept_in_block(&stmt) {
                out.push_str(&stmt);
                out.push(';');
                out.push_str(&" ".repeat(d.len() - 1));
            } else {
                if !stmt.trim().is_empty() {
                    blocks.push(start);
                }
                out.push_str(&blank(&stmt));
                out.push_str(&" ".repeat(d.len()));
            }
            stmt.clear();
            at += i + d.len();
            rest = &rest[i + d.len()..];
        }
        if stmt.trim().is_empty() && !rest.trim().is_empty() {
            start = at + (rest.len() - rest.trim_start().len());
        }
        stmt.push_str(rest);
        offset += line.len();
    }
    if !stmt.trim().is_empty() {
        blocks.push(start);
    }
    out.push_str(&blank(&stmt));
    Some((out, blocks))
}

/// Whether a statement of a `DELIMITER` block is read: one that creates a trigger, routine or
/// event (mysqldump writes a trigger's and an event's in versioned comments: `/*!50003
/// CREATE*/ /*!50017 DEFINER=..*/ /*!50003 TRIGGER ..`), a `SET` of a dump's housekeeping or
/// a `DROP`.
fn kept_in_block(stmt: &str) -> bool {
    let mut words = Vec::new();
    for w in stmt.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        words.push(w.to_ascii_lowercase());
        if words.len() > 12 {
            break;
        }
    }
    // `SET` of a dump's housekeeping, `DROP EVENT IF EXISTS` before an event.
    if words.first().is_some_and(|w| w == "set" || w == "drop") {
        return true;
    }
    words.first().is_some_and(|w| w == "create")
        && words
            .iter()
            .find(|w| {
                matches!(
                    w.as_str(),
                    "trigger" | "procedure" | "function" | "event" | "table" | "view"
                )
            })
            .is_some_and(|w| matches!(w.as_str(), "trigger" | "procedure" | "function" | "event"))
}

/// Read one statement's tokens (whitespace removed), reporting a parse error as a diagnostic.
fn run_statement(
    builder: &mut Builder<'_>,
    (src, dialect, seen, fast): Context<'_>,
    toks: &[TokenWithSpan],
    comments: &[(Location, String)],
    end: Location,
) {
    if toks.is_empty() {
        return;
    }
    if let Some(at) = depth::too_deep(toks) {
        let message = format!(
            "expression nested too deeply: over the limit of {MAX_DEPTH} \
             (an operator counts 1, a parenthesis 2, a function call 5, a subquery 11)"
        );
        builder.diag_at(Code::E004, src, at, message);
        return;
    }
    let mut cur = Cursor::new(toks, src, dialect, end, seen);
    cur.fast = fast;
    if let Err(ParseError { message, at }) = builder.statement(&mut cur, comments) {
        builder.diag_at(Code::E002, src, at, message);
    }
}

/// Finds statement ends: `;` outside parentheses, `BEGIN ATOMIC .. END` bodies and the
/// `BEGIN .. END` bodies of SQLite triggers.
#[derive(Default)]
struct Splitter {
    depth: i32,
    atomic: i32,
    case_depth: i32,
    prev_begin: bool,
    /// Tokens seen in the current statement.
    seen: usize,
    /// The statement is a `CREATE [TEMP] TRIGGER` (or a MySQL routine or event: a body of
    /// `BEGIN .. END` blocks).
    trigger: bool,
    /// The statement starts with `CREATE`, and whether the kind of object it creates was read.
    create: bool,
    kind_seen: bool,
    /// The last `BEGIN` opened a trigger's or routine's block.
    begin_counted: bool,
    /// The last token was the `END` of a block.
    prev_end: bool,
    /// The last token was `END`.
    prev_word_end: bool,
    /// The `CASE` depth before the last `END` (after the last token otherwise).
    case_at_end: i32,
}

impl Splitter {
    /// Feed the next non-whitespace token; true when it is the `;` that ends a statement.
    fn ends_statement(&mut self, tok: &Token) -> bool {
        let mut end = false;
        let atomic_before = self.atomic;
        let case_before = self.case_depth;
        // The `CASE` depth before the `END` just read.
        let case_before_end = self.case_at_end;
        if self.seen == 0 {
            self.trigger = false;
        }
        self.seen += 1;
        // `CREATE [TEMP] TRIGGER`, `CREATE DEFINER=`u`@`h` TRIGGER`.
        if self.seen == 1 {
            self.create = is_kw(tok, "create");
            self.kind_seen = false;
        }
        if (2..=12).contains(&self.seen) && is_kw(tok, "trigger") {
            self.trigger = true;
        }
        // MySQL `CREATE [DEFINER=..] PROCEDURE|FUNCTION|EVENT` (PostgreSQL's `BEGIN ATOMIC`
        // bodies count once).
        if self.create && (2..=12).contains(&self.seen) && !self.kind_seen {
            let kinds = [
                "table",
                "view",
                "index",
                "trigger",
                "procedure",
                "function",
                "event",
            ];
            if let Some(k) = kinds.iter().find(|k| is_kw(tok, k)) {
                self.kind_seen = true;
                self.trigger |= matches!(*k, "procedure" | "function" | "event");
            }
        }
        match tok {
            Token::LParen => self.depth += 1,
            Token::RParen => self.depth -= 1,
            Token::SemiColon if self.depth <= 0 && self.atomic == 0 => {
                self.depth = 0;
                self.seen = 0;
                end = true;
            }
            // Trigger bodies, and the nested `BEGIN .. END` blocks of MySQL ones.
            Token::Word(_) if self.trigger && is_kw(tok, "begin") => {
                self.atomic += 1;
                self.begin_counted = true;
            }
            Token::Word(_) if self.prev_begin && !self.begin_counted && is_kw(tok, "atomic") => {
                self.atomic += 1
            }
            // (`END CASE` closes the `CASE` its `END` closed.)
            Token::Word(_) if self.atomic > 0 && !self.prev_word_end && is_kw(tok, "case") => {
                self.case_depth += 1
            }
            Token::Word(_) if self.atomic > 0 && is_kw(tok, "end") => {
                if self.case_depth > 0 {
                    self.case_depth -= 1;
                } else {
                    self.atomic -= 1;
                }
            }
            // `END IF`, `END WHILE`, `END LOOP`, `END REPEAT` of a MySQL trigger or routine
            // body close no block (nor a `CASE`): what the `END` closed opens again.
            Token::Word(_)
                if self.prev_word_end
                    && ["if", "while", "loop", "repeat"]
                        .iter()
                        .any(|k| is_kw(tok, k)) =>
            {
                if self.prev_end {
                    self.atomic += 1
                } else if self.case_depth < case_before_end {
                    self.case_depth += 1
                }
            }
            _ => {}
        }
        self.prev_end = is_kw(tok, "end") && self.atomic < atomic_before;
        self.prev_word_end = is_kw(tok, "end");
        self.case_at_end = if self.prev_word_end {
            case_before
        } else {
            self.case_depth
        };
        self.prev_begin = is_kw(tok, "begin");
        if !self.prev_begin {
            self.begin_counted = false;
        }
        end
    }
}

impl Builder<'_> {
    pub(super) fn diag_at(&mut self, code: Code, src: &Source<'_>, at: Location, message: String) {
        self.diag(code, src, at, None, message);
    }

    /// A diagnostic from `at` to byte offset `end` (a point when `None`).
    pub(super) fn diag(
        &mut self,
        code: Code,
        src: &Source<'_>,
        at: Location,
        end: Option<usize>,
        message: String,
    ) {
        let offset = src.offset(at);
        let (line, column) = if at.line == 0 {
            (1, 1)
        } else {
            (at.line as u32, at.column as u32)
        };
        self.diagnostics.push(Diagnostic {
            severity: code.severity(),
            code,
            side: self.side,
            line,
            column,
            offset,
            end: end.unwrap_or(offset).max(offset),
            message,
            file: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SIMD scans agree with `str::lines` on what they are asked.
    #[test]
    fn line_scans_agree_with_str_lines() {
        for text in [
            "",
            "\n",
            "\\restrict x\nCREATE TABLE t (a int);\n",
            "CREATE TABLE t (a int);\r\n\\connect db\r\n",
            "SELECT 1;\nCOPY public.t (a) FROM stdin;\n1\n\\.\n",
            "SELECT '\\x';\n  copy t from STDIN;  \r\n",
            "a\\b\nc",
            "COPY t FROM stdin;",
            "x;\ncopy t from stdin;\r",
            "copy t from stdin; -- stdin;\n",
            "copy stdin;\nSELECT 'from stdin;';\n",
            "COPY public.\"a;b\" (x) FROM stdin ;\n",
        ] {
            let meta = text.lines().any(|l| l.starts_with('\\'));
            assert_eq!(has_meta_commands(text), meta, "{text:?}");
            let copy = text.lines().any(starts_copy_rows);
            assert_eq!(has_copy_rows(text), copy, "{text:?}");
        }
    }
}
