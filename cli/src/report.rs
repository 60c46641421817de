//! Diagnostics on stderr: the `FILE:LINE:COL: error|warning[CODE]: message` line editors
//! parse, then the source line with a caret under the range (codespan-reporting).

use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label, Severity as Level};
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term::{self, Chars, Config};
use schemashift::{Diagnostic, Severity};
use std::ops::Range;

/// Write `d` about `source` (shown as `file`) to `out`.
pub fn write_diagnostic(
    out: &mut dyn std::io::Write,
    file: &str,
    source: &str,
    d: &Diagnostic,
) -> std::io::Result<()> {
    writeln!(out, "{}", d.render(file))?;
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
    };
    let start = floor_char_boundary(source, d.offset);
    let end = floor_char_boundary(source, d.end.max(d.offset)).max(start);
    // Only the lines of the range go to codespan (it indexes every line of what it gets: the
    // whole of a multi-MB dump per diagnostic), numbered as in the whole file.
    let from = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = source[end..].find('\n').map_or(source.len(), |i| end + i);
    let files = Lines {
        name: file,
        // SIMD: a diagnostic near the end of a multi-MB dump counts millions of bytes.
        first_line: memchr::memchr_iter(b'\n', &source.as_bytes()[..from]).count(),
        file: SimpleFile::new(file, &source[from..to]),
    };
    let snippet =
        Snippet::new(level).with_labels(vec![Label::primary((), start - from..end - from)]);
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    // The snippet's own header repeats the first line: keep the source lines only.
    let mut buf = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
    term::emit(&mut buf, &config, &files, &snippet).map_err(std::io::Error::other)?;
    let text = String::from_utf8_lossy(&buf.into_inner()).into_owned();
    for line in text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("-->"))
    {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Some lines of a file for codespan: numbered from `first_line` (0-based) on.
struct Lines<'a> {
    name: &'a str,
    first_line: usize,
    file: SimpleFile<&'a str, &'a str>,
}

impl<'a> Files<'a> for Lines<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.file.source())
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        self.file.line_index((), byte_index)
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.first_line + line_index + 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        self.file.line_range((), line_index)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A revision's review as text: what upgrade() and downgrade() do, and the verdict.
pub fn review_text(r: &schemashift::review::Review) -> String {
    let mut s = String::new();
    let rev = &r.revision;
    let down = rev.parents();
    s.push_str(&format!(
        "revision {} ({}) <- {down}\n  file: {}\n",
        rev.id, rev.message, rev.file
    ));
    for (name, changes, hazards, data, sql) in [
        (
            "upgrade()",
            &r.upgrade,
            &r.upgrade_hazards,
            &r.upgrade_data,
            &r.upgrade_sql,
        ),
        (
            "downgrade()",
            &r.downgrade,
            &r.downgrade_hazards,
            &r.downgrade_data,
            &r.downgrade_sql,
        ),
    ] {
        s.push_str(&format!("  {name}:\n"));
        if changes.is_empty() {
            s.push_str("    no schema change\n");
        }
        for c in changes {
            s.push_str(&format!("    - {c}\n"));
        }
        for h in hazards {
            s.push_str(&format!("    hazard: {h}\n"));
        }
        for d in data {
            s.push_str(&format!("    data step: {d}\n"));
        }
        if !sql.is_empty() {
            s.push_str("    SQL:\n");
            for l in sql.lines() {
                s.push_str(&format!("      {l}\n"));
            }
        }
    }
    for c in &r.caveats {
        s.push_str(&format!("  caveat: {c}\n"));
    }
    if r.restores {
        s.push_str("  verdict: downgrade() undoes upgrade()\n\n");
    } else {
        s.push_str(
            "  verdict: downgrade() does NOT undo upgrade(); after it the schema still needs:\n",
        );
        for c in &r.left_different {
            s.push_str(&format!("    - {c}\n"));
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemashift::diagnostics::Code;
    use schemashift::Side;

    /// The source lines as codespan shows them when it gets the whole file.
    fn whole_file(source: &str, start: usize, end: usize) -> String {
        let snippet =
            Snippet::new(Level::Warning).with_labels(vec![Label::primary((), start..end)]);
        let config = Config {
            chars: Chars::ascii(),
            ..Config::default()
        };
        let mut buf = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        term::emit(
            &mut buf,
            &config,
            &SimpleFile::new("f.sql", source),
            &snippet,
        )
        .unwrap();
        let text = String::from_utf8(buf.into_inner()).unwrap();
        let lines: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.trim_start().starts_with("-->"))
            .collect();
        lines.join("\n") + "\n"
    }

    #[test]
    fn lines_of_the_range_render_as_the_whole_file_does() {
        // Ranges at the start, in the middle, across lines, at the end without a newline,
        // after CRLF and multi-byte characters, and in a file of 12,000 lines (wider numbers).
        let mut sources = vec![
            "CREATE TABLE a (id int);\nALTER TABLE a OWNER TO x;\nCREATE TABLE b (\n  id int\n);\nGRANT ALL ON b TO y;".to_string(),
            "-- é ü\r\nCREATE TABLE ä (id int);\r\nCOMMENT ON TABLE ä IS 'ø';\r\n".to_string(),
        ];
        sources.push("SELECT 1;\n".repeat(12_000) + "GRANT x;");
        for source in &sources {
            let bounds: Vec<usize> = (0..=source.len())
                .filter(|&i| source.is_char_boundary(i))
                .collect();
            let step = (bounds.len() / 40).max(1);
            for &start in bounds.iter().step_by(step) {
                for &end in bounds.iter().filter(|&&e| e >= start).step_by(step * 3) {
                    let d = Diagnostic {
                        severity: Severity::Warning,
                        code: Code::W001,
                        side: Side::Current,
                        line: 1,
                        column: 1,
                        offset: start,
                        end,
                        message: "m".to_string(),
                        file: None,
                    };
                    let mut out = Vec::new();
                    write_diagnostic(&mut out, "f.sql", source, &d).unwrap();
                    let out = String::from_utf8(out).unwrap();
                    let (_, shown) = out.split_once('\n').unwrap();
                    assert_eq!(shown, whole_file(source, start, end), "{start}..{end}");
                }
            }
        }
    }
}
