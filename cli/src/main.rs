//! `schemashift`: diff two schema snapshots and print the migration.
//!
//! Exit codes: 0 done, 1 input error, 2 usage error, 3 changes found (only with `--exit-code`),
//! 4 hazards of a denied kind (only with `--deny`).

use schemashift::diff::HazardKind;
use schemashift::{DialectKind, Options};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: schemashift diff CURRENT DESIRED [options]

Compare two schema snapshots (DDL files; '-' reads stdin) and print the migration.

options:
  --down                 print the DOWN migration (desired -> current) instead of UP
  --format sql|json      output format (default: sql)
  --dialect NAME         SQL dialect: postgres (default) or sqlite
  --exit-code            exit 3 when there are changes
  --rename SPEC          declare a rename: old=new (table) or table.old=new (column);
                         repeatable (the DDL can also say `-- schemashift: renamed from old`)
  --concurrently         create/drop indexes of existing tables CONCURRENTLY (PostgreSQL)
  --not-valid-fks        add foreign keys to existing tables NOT VALID, then VALIDATE them
  --backfill             new NOT NULL columns without a default: add nullable, fill existing
                         rows with a placeholder value to review, then SET NOT NULL
  --deny KINDS           exit 4 when the printed direction has hazards of these kinds
                         (comma-separated: destructive, data_dependent, locking,
                         irreversible, or all); hazards are always printed as warnings
  -h, --help             show this help
  -V, --version          show the version
";

#[derive(Debug, PartialEq)]
enum Format {
    Sql,
    Json,
}

#[derive(Debug)]
struct Args {
    current: String,
    desired: String,
    down: bool,
    format: Format,
    dialect: DialectKind,
    exit_code: bool,
    renames: Vec<String>,
    deny: Vec<HazardKind>,
    safety: schemashift::diff::safety::Safety,
}

enum Parsed {
    Run(Args),
    Exit(ExitCode, String),
}

fn usage_error(msg: &str) -> Parsed {
    Parsed::Exit(ExitCode::from(2), format!("schemashift: {msg}\n\n{USAGE}"))
}

fn parse_args(argv: &[String]) -> Parsed {
    let mut it = argv.iter();
    match it.next().map(String::as_str) {
        Some("diff") => {}
        Some("-h" | "--help") | None => return Parsed::Exit(ExitCode::SUCCESS, USAGE.to_string()),
        Some("-V" | "--version") => {
            return Parsed::Exit(
                ExitCode::SUCCESS,
                format!("schemashift {}\n", env!("CARGO_PKG_VERSION")),
            )
        }
        Some(other) => return usage_error(&format!("unknown command `{other}`")),
    }
    let mut files = Vec::new();
    let mut args = Args {
        current: String::new(),
        desired: String::new(),
        down: false,
        format: Format::Sql,
        dialect: DialectKind::Postgres,
        exit_code: false,
        renames: Vec::new(),
        deny: Vec::new(),
        safety: Default::default(),
    };
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, Parsed> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| usage_error(&format!("{name} needs a value")))
        };
        match flag {
            "--down" => args.down = true,
            "--concurrently" => args.safety.concurrently = true,
            "--not-valid-fks" => args.safety.not_valid_fks = true,
            "--backfill" => args.safety.backfill = true,
            "--exit-code" => args.exit_code = true,
            "-h" | "--help" => return Parsed::Exit(ExitCode::SUCCESS, USAGE.to_string()),
            "--format" => match value("--format") {
                Ok(v) => match v.as_str() {
                    "sql" => args.format = Format::Sql,
                    "json" => args.format = Format::Json,
                    other => {
                        return usage_error(&format!(
                            "unknown format `{other}` (expected sql or json)"
                        ))
                    }
                },
                Err(e) => return e,
            },
            "--dialect" => match value("--dialect") {
                Ok(v) => match DialectKind::from_name(&v) {
                    Some(d) => args.dialect = d,
                    None => {
                        return usage_error(&format!(
                            "unknown dialect `{v}` (expected postgres or sqlite)"
                        ))
                    }
                },
                Err(e) => return e,
            },
            "--rename" => match value("--rename") {
                Ok(v) => args.renames.push(v),
                Err(e) => return e,
            },
            "--deny" => match value("--deny") {
                Ok(v) => {
                    for k in v.split(',').map(str::trim) {
                        if k == "all" {
                            args.deny.extend([
                                HazardKind::Destructive,
                                HazardKind::DataDependent,
                                HazardKind::Locking,
                                HazardKind::Irreversible,
                            ]);
                        } else if let Some(kind) = HazardKind::from_name(k) {
                            args.deny.push(kind);
                        } else {
                            return usage_error(&format!(
                                "unknown hazard kind `{k}` (expected destructive, data_dependent, locking, irreversible or all)"
                            ));
                        }
                    }
                }
                Err(e) => return e,
            },
            f if f.starts_with('-') && f != "-" => {
                return usage_error(&format!("unknown option `{f}`"))
            }
            _ => files.push(a.clone()),
        }
    }
    match files.as_slice() {
        [c, d] => {
            if c == "-" && d == "-" {
                return usage_error("only one of CURRENT and DESIRED can be '-'");
            }
            args.current = c.clone();
            args.desired = d.clone();
            Parsed::Run(args)
        }
        _ => usage_error("diff needs exactly two files: CURRENT DESIRED"),
    }
}

fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("<stdin>: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }
}

fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

fn run(args: Args) -> ExitCode {
    let (current, desired) = match (read_input(&args.current), read_input(&args.desired)) {
        (Ok(c), Ok(d)) => (c, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("schemashift: {e}");
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
    let outcome = schemashift::migrate(
        &current,
        &desired,
        &Options {
            dialect: args.dialect,
            renames,
            safety: args.safety,
        },
    );
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in &outcome.diagnostics {
        let file = match d.side {
            schemashift::Side::Current => display_name(&args.current),
            schemashift::Side::Desired => display_name(&args.desired),
        };
        let _ = writeln!(err, "{}", d.render(file));
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
        if args.deny.contains(&h.kind) {
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
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&argv) {
        Parsed::Run(args) => run(args),
        Parsed::Exit(code, text) => {
            if code == ExitCode::SUCCESS {
                print!("{text}");
            } else {
                eprint!("{text}");
            }
            code
        }
    }
}
