//! The nesting limit of models.py input: a file whose expressions could nest deeper than
//! [`MAX_DEPTH`] units, or whose blocks are indented deeper than [`MAX_INDENT`] levels, is an
//! error (`E004`) before the Python parser sees it.
//!
//! The parser grows its stack natively (stacker) but not in wasm, and the syntax tree it
//! returns is dropped (and read by the models reader) recursively: `[[[...]]]`, `a.b.b.b...`
//! or `-(-(-...))` 100,000 levels deep overflowed the stack and aborted the process. CPython
//! itself refuses more than 200 nested brackets and 100 indentation levels.
//!
//! The scan is a small lexer of its own (names, numbers, strings with their prefixes,
//! comments, brackets, operators): an upper bound on the tree's depth, as in
//! [`crate::input::sql`]'s `depth.rs`. Each bracket level costs its weight ([`BRACKET`]),
//! plus the operators chained at that level (`+`, `.`, `and`, `if`, `lambda`: 1; prefix
//! `not`, `-`, `+`, `~`: 2; a call or subscript after an operand: 1). A `,`, `;` or `=` starts a sibling (the count restarts), the end
//! of a logical line restarts everything. f-strings are read as opaque strings (a nested
//! f-string with the same quotes is read as several strings and brackets, which only counts
//! more).

/// How deep a statement's expressions may nest, in the units above: 100 brackets or 200
/// chained operators (the SQL input's limit, [`crate::input::sql::MAX_DEPTH`]).
pub const MAX_DEPTH: usize = 200;

/// How many indented blocks may nest (CPython's own limit).
pub const MAX_INDENT: usize = 100;

const OPERATOR: usize = 1;
const PREFIX_OPERATOR: usize = 2;
const BRACKET: usize = 2;

/// Keywords that join operands into a deeper node.
const OPERATOR_WORDS: &[&str] = &[
    "and", "await", "else", "if", "in", "is", "lambda", "or", "yield",
];

/// Where a text first nests too deeply, and a message saying how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// Byte offset of the token that passes the limit.
    pub offset: usize,
    pub message: String,
}

struct Level {
    weight: usize,
    segment: usize,
}

/// Whether `text` (Python source, no BOM) nests deeper than the limits.
pub fn too_deep(text: &str) -> Option<TooDeep> {
    let b = text.as_bytes();
    let mut stack = vec![Level {
        weight: 1,
        segment: 0,
    }];
    let mut depth = 1usize;
    let mut indents: Vec<usize> = vec![0];
    let mut line_start = true;
    let mut prev_operand = false;
    let mut i = 0;
    while i < b.len() {
        // Indentation of a logical line's first token (blank and comment lines do not count).
        if line_start {
            line_start = false;
            let mut width = 0usize;
            let mut j = i;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\x0c') {
                width = if b[j] == b'\t' {
                    (width / 8 + 1) * 8
                } else {
                    width + 1
                };
                j += 1;
            }
            if j < b.len() && !matches!(b[j], b'\n' | b'\r' | b'#' | b'\\') {
                while indents.len() > 1 && *indents.last().expect("non-empty") > width {
                    indents.pop();
                }
                if width > *indents.last().expect("non-empty") {
                    indents.push(width);
                    if indents.len() - 1 > MAX_INDENT {
                        return Some(TooDeep {
                            offset: j,
                            message: format!(
                                "blocks nested too deeply: over the limit of {MAX_INDENT} indentation levels"
                            ),
                        });
                    }
                }
            }
            i = j;
            continue;
        }
        let c = b[i];
        let start = i;
        let mut cost = 0usize;
        let mut operand = false;
        match c {
            b'\n' | b'\r' => {
                i += 1;
                if stack.len() == 1 {
                    depth -= stack[0].segment;
                    stack[0].segment = 0;
                    line_start = true;
                }
                prev_operand = false;
                continue;
            }
            b' ' | b'\t' | b'\x0c' => {
                i += 1;
                continue;
            }
            b'#' => {
                while i < b.len() && !matches!(b[i], b'\n' | b'\r') {
                    i += 1;
                }
                continue;
            }
            b'\\' => {
                // A line continuation (or a stray backslash, which the parser reports).
                i += 1;
                if i < b.len() && b[i] == b'\r' {
                    i += 1;
                }
                if i < b.len() && b[i] == b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                i = skip_string(b, i);
                operand = true;
            }
            b'(' | b'[' | b'{' => {
                // A call or subscript chains onto what is before it (`f()()()`, `a[0][0]`).
                if prev_operand {
                    stack.last_mut().expect("never empty").segment += OPERATOR;
                    depth += OPERATOR;
                }
                stack.push(Level {
                    weight: BRACKET,
                    segment: 0,
                });
                cost = BRACKET;
                i += 1;
            }
            b')' | b']' | b'}' => {
                if stack.len() > 1 {
                    let l = stack.pop().expect("len > 1");
                    depth -= l.weight + l.segment;
                }
                i += 1;
                prev_operand = true;
                continue;
            }
            b',' | b';' => {
                let top = stack.last_mut().expect("never empty");
                depth -= top.segment;
                top.segment = 0;
                i += 1;
                prev_operand = false;
                continue;
            }
            b'=' if b.get(i + 1) != Some(&b'=') => {
                let top = stack.last_mut().expect("never empty");
                depth -= top.segment;
                top.segment = 0;
                i += 1;
                prev_operand = false;
                continue;
            }
            b':' => {
                i += 1;
                prev_operand = false;
                continue;
            }
            b'0'..=b'9' => {
                while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.')
                {
                    i += 1;
                }
                operand = true;
            }
            c if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => {
                while i < b.len() && (b[i] == b'_' || b[i].is_ascii_alphanumeric() || b[i] >= 0x80)
                {
                    i += 1;
                }
                let word = &text[start..i];
                if i < b.len() && matches!(b[i], b'\'' | b'"') && is_string_prefix(word) {
                    i = skip_string(b, i);
                    operand = true;
                } else if word == "not" {
                    cost = PREFIX_OPERATOR;
                } else if OPERATOR_WORDS.contains(&word) {
                    cost = OPERATOR;
                } else {
                    operand = true;
                }
            }
            b'-' | b'+' | b'~' if !prev_operand => {
                cost = PREFIX_OPERATOR;
                i += 1;
            }
            _ => {
                // `.`, binary operators, `@`, `!`, `->`, `$`, `?`: one unit a character.
                cost = OPERATOR;
                i += 1;
            }
        }
        if !matches!(c, b'(' | b'[' | b'{') {
            stack.last_mut().expect("never empty").segment += cost;
        }
        depth += cost;
        prev_operand = operand;
        if depth > MAX_DEPTH {
            return Some(TooDeep {
                offset: start,
                message: format!(
                    "expression nested too deeply: over the limit of {MAX_DEPTH} (an operator counts 1, a bracket 2)"
                ),
            });
        }
    }
    None
}

/// `r`, `b`, `f`, `rb`, `Rb`, `fr`, `u`, `t`...: a string prefix.
fn is_string_prefix(word: &str) -> bool {
    word.len() <= 3
        && word
            .bytes()
            .all(|c| matches!(c.to_ascii_lowercase(), b'r' | b'b' | b'u' | b'f' | b't'))
}

/// Past the string whose quote is at `i` (or the end of the text if it is unterminated; a
/// one-line string also ends at the end of its line).
fn skip_string(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let triple = b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q);
    let mut j = if triple { i + 3 } else { i + 1 };
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            c if c == q => {
                if !triple {
                    return j + 1;
                }
                if b.get(j + 1) == Some(&q) && b.get(j + 2) == Some(&q) {
                    return j + 3;
                }
                j += 1;
            }
            b'\n' | b'\r' if !triple => return j,
            _ => j += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_models_pass() {
        let src = "class T(Base):\n    __tablename__ = 't'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    a = Column(String(20), server_default=text(\"'x' || 'y'\"), nullable=not False)\n";
        assert_eq!(too_deep(src), None);
    }

    #[test]
    fn deep_shapes_are_found() {
        for (src, offset) in [
            (format!("x = {}1", "[".repeat(1000)), 4 + 99),
            (format!("x = 1{}", " + 1".repeat(1000)), 5 + 4 * 199 + 1),
        ] {
            let d = too_deep(&src).expect("too deep");
            assert_eq!(d.offset, offset, "{}", &src[..30]);
        }
        let blocks: String = (0..150)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect();
        let d = too_deep(&blocks).expect("too deep");
        assert!(d.message.contains("indentation"));
        // Strings and comments are not code.
        let src = format!(
            "x = '{}' # {}\ny = \"\"\"{}\"\"\"\n",
            "(".repeat(500),
            "[".repeat(500),
            "{".repeat(500)
        );
        assert_eq!(too_deep(&src), None);
    }
}
