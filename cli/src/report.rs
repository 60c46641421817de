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
