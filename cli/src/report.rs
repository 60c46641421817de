//! Diagnostics on stderr: the `FILE:LINE:COL: error|warning[CODE]: message` line editors
//! parse, then the source line with a caret under the range (codespan-reporting).

use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label, Severity as Level};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Chars, Config};
use schemashift::{Diagnostic, Severity};

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
    let snippet = Snippet::new(level).with_labels(vec![Label::primary((), start..end)]);
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let files = SimpleFile::new(file, source);
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

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
