//! `schemashift`: diff two schema snapshots and print the migration.
//!
//! Exit codes: 0 done, 1 input error, 2 usage error, 3 changes found (only with `--exit-code`),
//! 4 hazards of a denied kind (only with `--deny`).

mod args;
mod report;
mod revision;

use args::{Cli, Command, DiffArgs, Format};
use clap::{CommandFactory, Parser};
use schemashift::Options;
use std::io::{Read, Write};
use std::process::ExitCode;

fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| format!("schemashift: <stdin>: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("schemashift: {path}: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = bytes[..line_start].iter().filter(|&&b| b == b'\n').count() + 1;
        // Characters before the bad byte on its line (the prefix is valid UTF-8).
        let column = String::from_utf8_lossy(&bytes[line_start..at])
            .chars()
            .count()
            + 1;
        format!(
            "{}:{line}:{column}: error: the file is not UTF-8: byte 0x{:02x} at offset {at} \
             (save it as UTF-8)",
            display_name(path),
            bytes[at]
        )
    })
}

fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

fn run(args: DiffArgs) -> ExitCode {
    if let Err(msg) = args.check() {
        let mut cmd = Cli::command();
        cmd.build();
        let sub = cmd.find_subcommand_mut("diff").expect("diff subcommand");
        sub.error(clap::error::ErrorKind::ArgumentConflict, msg)
            .exit();
    }
    let (current, desired) = match (read_input(&args.current), read_input(&args.desired)) {
        (Ok(c), Ok(d)) => (c, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let mut renames = Vec::new();
    for spec in &args.renames {
        match schemashift::parse_rename(spec, args.dialect) {
            Ok(r) => renames.push(r),
            Err(e) => {
                eprintln!("schemashift: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let alembic = if args.format == Format::Alembic {
        match revision::revision_info(&args) {
            Ok(info) => Some(info),
            Err(e) => {
                eprintln!("schemashift: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        None
    };
    let file_name = alembic
        .as_ref()
        .map(|i| schemashift::output::alembic::file_name(&i.rev_id, &i.message));
    let outcome = schemashift::migrate(
        &current,
        &desired,
        &Options {
            dialect: args.dialect,
            renames,
            safety: args.safety(),
            alembic,
        },
    );
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in &outcome.diagnostics {
        let (file, source) = match d.side {
            schemashift::Side::Current => (display_name(&args.current), current.as_str()),
            schemashift::Side::Desired => (display_name(&args.desired), desired.as_str()),
        };
        let _ = report::write_diagnostic(&mut err, file, source, d);
    }
    let Some(migration) = outcome.migration else {
        return ExitCode::from(1);
    };
    let (changes, hazards) = if args.down {
        (&migration.down_changes, &migration.down_hazards)
    } else {
        (&migration.changes, &migration.hazards)
    };
    // What may lose data, fail on the rows present or lock, for the direction printed.
    let mut denied = 0;
    for h in hazards.iter().flatten() {
        let _ = writeln!(err, "warning: {} [{}]", h.message, h.code);
        if args.denied(h.kind) {
            denied += 1;
        }
    }
    let text = match args.format {
        Format::Sql => {
            if args.down {
                migration.down.clone()
            } else {
                migration.up.clone()
            }
        }
        Format::Json => {
            let value =
                schemashift::json_report(&migration, args.down, &outcome.diagnostics, args.dialect);
            serde_json::to_string_pretty(&value).expect("serializable") + "\n"
        }
        Format::Alembic => {
            let file = migration.alembic.clone().unwrap_or_default();
            match (&args.output, file_name) {
                (Some(dir), Some(name)) => {
                    let path = dir.join(name);
                    if let Err(e) = std::fs::write(&path, &file) {
                        eprintln!("schemashift: {}: {e}", path.display());
                        return ExitCode::from(1);
                    }
                    format!("{}\n", path.display())
                }
                _ => file,
            }
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    if denied > 0 {
        let _ = writeln!(
            err,
            "schemashift: {denied} hazard(s) of a denied kind (--deny); see the warnings above"
        );
        return ExitCode::from(4);
    }
    if args.exit_code && !changes.is_empty() {
        return ExitCode::from(3);
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Diff(args) => run(args),
    }
}
