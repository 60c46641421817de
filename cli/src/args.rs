//! The command line, parsed with clap (derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use schemashift::plan::filter::Filter;
use schemashift::plan::safety::Safety;
use schemashift::{DialectKind, HazardKind};
use std::path::PathBuf;

/// Compare two schema snapshots and print the migration between them.
#[derive(Debug, Parser)]
#[command(name = "schemashift", version, arg_required_else_help = true)]
#[command(after_help = "Exit codes: 0 done, 1 input error, 2 usage error, \
3 changes found (--exit-code; check), 4 hazards of a denied kind (--deny), 5 a reviewed \
downgrade does not undo its upgrade (review), 6 a verification step failed (verify).")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare CURRENT with DESIRED (DDL files; '-' reads stdin) and print the migration.
    Diff(Box<DiffArgs>),
    /// What an Alembic revision does (its upgrade and downgrade: changes in words, SQL,
    /// hazards, data steps) and whether its downgrade undoes its upgrade; exit 5 when not.
    Review(ReviewArgs),
    /// `alembic check` without a database: exit 3 when DESIRED (models or DDL) differs from
    /// the schema CURRENT (an Alembic history, or any schema input) builds.
    Check(CheckArgs),
    /// Prove the migration on a real engine: build CURRENT and DESIRED, seed rows, apply UP
    /// and compare the catalogs, apply DOWN and compare again, rows kept; exit 6 when a step
    /// fails.
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The schema as it is: a DDL file ('-' for stdin).
    #[arg(value_name = "CURRENT")]
    pub current: String,
    /// The schema as it should be: a DDL file.
    #[arg(value_name = "DESIRED")]
    pub desired: String,
    /// SQL dialect: sqlite (the bundled SQLite, in memory) or postgres (needs --database-url).
    #[arg(long, value_name = "NAME", default_value = "sqlite", value_parser = parse_dialect)]
    pub dialect: DialectKind,
    /// A scratch PostgreSQL server of your own (postgresql://user@host/db, or
    /// `host=/socket/dir user=postgres`): two databases are created in it for the run and
    /// dropped after; never a production server. Never a default.
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
    /// Declare a rename: old=new (table) or table.old=new (column); repeatable.
    #[arg(long = "rename", value_name = "SPEC")]
    pub renames: Vec<String>,
    /// Print the plan (what would run) as JSON instead of running it.
    #[arg(long)]
    pub plan: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// A revision file, or a versions folder (every revision, in order), or alembic.ini.
    #[arg(value_name = "REVISION")]
    pub target: String,
    /// The versions folder the revision belongs to (default: the revision file's folder).
    #[arg(long, value_name = "DIR")]
    pub history: Option<String>,
    /// SQL dialect: postgres, sqlite, mysql or mariadb.
    #[arg(long, value_name = "NAME", default_value = "postgres", value_parser = parse_dialect)]
    pub dialect: DialectKind,
    /// Print the reviews as JSON.
    #[arg(long)]
    pub json: bool,
    /// Alembic history input: the schema (DDL) the first revision starts from, for histories
    /// whose first revision expects tables `create_all` made.
    #[arg(long, value_name = "FILE")]
    pub base: Option<String>,
    /// A folder the revisions' imports of application modules are searched in; repeatable.
    #[arg(long = "python-path", value_name = "DIR")]
    pub python_path: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The schema as it is: an Alembic versions folder (DIR@REV, alembic.ini), models or DDL.
    #[arg(value_name = "CURRENT")]
    pub current: String,
    /// The schema as it should be: models (a .py file or package directory) or DDL.
    #[arg(value_name = "DESIRED")]
    pub desired: String,
    /// SQL dialect: postgres, sqlite, mysql or mariadb.
    #[arg(long, value_name = "NAME", default_value = "postgres", value_parser = parse_dialect)]
    pub dialect: DialectKind,
    /// A folder absolute imports of the models are also searched in; repeatable.
    #[arg(long = "python-path", value_name = "DIR")]
    pub python_path: Vec<String>,
    /// Alembic history input: the schema (DDL) the first revision starts from, for histories
    /// whose first revision expects tables `create_all` made.
    #[arg(long, value_name = "FILE")]
    pub base: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The UP (or --down) SQL script.
    Sql,
    /// Changes, statements, hazards and diagnostics as JSON.
    Json,
    /// An Alembic revision file (upgrade and downgrade).
    Alembic,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The schema as it is: a DDL file, '-' for stdin, or SQLModel / SQLAlchemy models (a .py
    /// file or a package directory).
    #[arg(value_name = "CURRENT")]
    pub current: String,
    /// The schema as it should be: a DDL file, '-' for stdin, or models (a .py file or a
    /// package directory).
    #[arg(value_name = "DESIRED")]
    pub desired: String,
    /// Print the DOWN migration (desired -> current) instead of UP.
    #[arg(long)]
    pub down: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Sql)]
    pub format: Format,
    /// SQL dialect: postgres, sqlite, mysql or mariadb.
    #[arg(long, value_name = "NAME", default_value = "postgres", value_parser = parse_dialect)]
    pub dialect: DialectKind,
    /// MySQL/MariaDB: the server's lower_case_table_names (0: table names case-sensitive, the
    /// Linux default; 1 or 2: table and view names compared in lower case).
    #[arg(long, value_name = "0|1|2", default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=2))]
    pub lower_case_table_names: u8,
    /// Exit 3 when there are changes.
    #[arg(long)]
    pub exit_code: bool,
    /// Treat input warnings (unsupported or unknown statements, unknown types...) as errors:
    /// exit 1 without printing the migration (for CI).
    #[arg(long)]
    pub strict: bool,
    /// Declare a rename: old=new (table) or table.old=new (column); repeatable (the DDL can
    /// also say `-- schemashift: renamed from old`).
    #[arg(long = "rename", value_name = "SPEC")]
    pub renames: Vec<String>,
    /// Create/drop indexes of existing tables CONCURRENTLY (PostgreSQL).
    #[arg(long)]
    pub concurrently: bool,
    /// Add foreign keys to existing tables NOT VALID, then VALIDATE them.
    #[arg(long)]
    pub not_valid_fks: bool,
    /// New NOT NULL columns without a default: add nullable, fill existing rows with a
    /// placeholder value to review, then SET NOT NULL.
    #[arg(long)]
    pub backfill: bool,
    /// Compare only objects matching PATTERN (a glob on `name` or `schema.name`: tables with
    /// their indexes, views, sequences, enum types); repeatable.
    #[arg(long, value_name = "PATTERN")]
    pub include: Vec<String>,
    /// Leave objects matching PATTERN out of the comparison; repeatable.
    #[arg(long, value_name = "PATTERN")]
    pub exclude: Vec<String>,
    /// Alembic's version table ([SCHEMA.]NAME, as `version_table` in env.py), never part of a
    /// migration.
    #[arg(long, value_name = "NAME", default_value = schemashift::plan::filter::ALEMBIC_VERSION_TABLE)]
    pub version_table: String,
    /// Exit 4 when the printed direction has hazards of these kinds (comma-separated:
    /// destructive, data_dependent, locking, irreversible, or all); hazards are always
    /// printed as warnings.
    #[arg(long, value_name = "KINDS", value_delimiter = ',', value_parser = parse_deny)]
    pub deny: Vec<Deny>,

    /// A folder absolute imports of the models are also searched in (models input);
    /// repeatable.
    #[arg(
        long = "python-path",
        value_name = "DIR",
        help_heading = "Models (.py input)"
    )]
    pub python_path: Vec<String>,
    /// The SQLModel version the models run with (its DDL differs: < 0.0.45 maps datetime to
    /// TIMESTAMP WITHOUT TIME ZONE); default: the newest.
    #[arg(long, value_name = "VERSION", help_heading = "Models (.py input)")]
    pub sqlmodel: Option<String>,
    /// The SQLAlchemy version the models run with (2.0 maps Mapped[float] to FLOAT, 2.1 to
    /// DOUBLE PRECISION); default: the newest.
    #[arg(long, value_name = "VERSION", help_heading = "Models (.py input)")]
    pub sqlalchemy: Option<String>,

    /// Alembic history input: the schema (DDL) the first revision starts from, for histories
    /// whose first revision expects tables `create_all` made.
    #[arg(long, value_name = "FILE", help_heading = "Models (.py input)")]
    pub base: Option<String>,

    /// Revision message (required with --format alembic).
    #[arg(
        short,
        long,
        value_name = "TEXT",
        help_heading = "Alembic (--format alembic)"
    )]
    pub message: Option<String>,
    /// Revision id (default: 12 random hex digits).
    #[arg(long, value_name = "ID", value_parser = parse_rev_id, help_heading = "Alembic (--format alembic)")]
    pub rev_id: Option<String>,
    /// Revision this one follows (default: the head of the -o folder, else none).
    #[arg(long, value_name = "ID", value_parser = parse_rev_id, help_heading = "Alembic (--format alembic)")]
    pub down_revision: Option<String>,
    /// The file's Create Date (default: now, local time).
    #[arg(long, value_name = "DATE", value_parser = parse_one_line, help_heading = "Alembic (--format alembic)")]
    pub create_date: Option<String>,
    /// Write DIR/<rev>_<slug>.py (Alembic's file name) instead of printing; prints the path.
    #[arg(
        short,
        long,
        value_name = "DIR",
        help_heading = "Alembic (--format alembic)"
    )]
    pub output: Option<PathBuf>,
}

/// Hazard kinds named by `--deny` (`all` stands for every kind).
#[derive(Clone, Debug)]
pub struct Deny(pub Vec<HazardKind>);

impl DiffArgs {
    pub fn safety(&self) -> Safety {
        Safety {
            concurrently: self.concurrently,
            not_valid_fks: self.not_valid_fks,
            backfill: self.backfill,
        }
    }

    pub fn filter(&self) -> Filter {
        Filter {
            include: self.include.clone(),
            exclude: self.exclude.clone(),
            version_table: Some(self.version_table.clone()),
        }
    }

    /// The library versions models input is read for.
    pub fn models_profile(&self) -> Result<schemashift::input::python::Profile, String> {
        let mut p = schemashift::input::python::Profile::default();
        if let Some(v) = &self.sqlmodel {
            p = p.with_sqlmodel(v)?;
        }
        if let Some(v) = &self.sqlalchemy {
            p = p.with_sqlalchemy(v)?;
        }
        Ok(p)
    }

    pub fn denied(&self, kind: HazardKind) -> bool {
        self.deny.iter().any(|d| d.0.contains(&kind))
    }

    /// Rules clap's attributes do not express; the message for a usage error.
    pub fn check(&self) -> Result<(), String> {
        let alembic_only = self.message.is_some()
            || self.rev_id.is_some()
            || self.down_revision.is_some()
            || self.create_date.is_some()
            || self.output.is_some();
        if self.format != Format::Alembic && alembic_only {
            return Err(
                "-m, --rev-id, --down-revision, --create-date and -o need --format alembic".into(),
            );
        }
        if self.format == Format::Alembic && self.message.is_none() {
            return Err("--format alembic needs a message: -m TEXT".into());
        }
        if self.current == "-" && self.desired == "-" {
            return Err("only one of CURRENT and DESIRED can be '-'".into());
        }
        Ok(())
    }
}

fn parse_dialect(s: &str) -> Result<DialectKind, String> {
    DialectKind::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = DialectKind::ALL.iter().map(|d| d.name()).collect();
        format!("expected {}", names.join(" or "))
    })
}

fn parse_deny(s: &str) -> Result<Deny, String> {
    let s = s.trim();
    if s == "all" {
        return Ok(Deny(HazardKind::ALL.to_vec()));
    }
    HazardKind::from_name(s)
        .map(|k| Deny(vec![k]))
        .ok_or_else(|| "expected destructive, data_dependent, locking, irreversible or all".into())
}

/// Alembic revision ids as Alembic writes and reads them: letters, digits and `_`.
fn parse_rev_id(s: &str) -> Result<String, String> {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(s.to_string())
    } else {
        Err("letters, digits and _ only".into())
    }
}

fn parse_one_line(s: &str) -> Result<String, String> {
    if s.contains(['\n', '\r']) {
        Err("must be one line".into())
    } else {
        Ok(s.to_string())
    }
}
