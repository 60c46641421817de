//! End-to-end benchmark on real schemas. Run with `bash scripts/bench.sh`
//! (or `cargo bench -p schemashift --bench gitlab`).
//!
//! Inputs are read at run time from `../shared/bench-inputs/` next to the repository (data
//! only, not part of the project):
//! - `gitlab/migrate`: the full pipeline (parse both sides, diff both ways, render UP and
//!   DOWN) on GitLab's `pg_dump --schema-only` of 2025-05-29 -> 2026-02-12 (~4.7 MB each);
//! - `gitlab/parse`: ingest of one of those files only;
//! - `chinook_x10/migrate`: the full pipeline on a small synthetic pair;
//! - `synapse_sqlite/*`: Synapse's SQLite schema (130 tables) diffed with itself, and with a
//!   copy where every `NOT NULL` is dropped (every such table is rebuilt, both ways).
//!
//! Sample size 10, flat sampling and short warm-up/measurement times keep the whole run
//! well under two minutes.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use schemashift::{DialectKind, Options, Side};

const INPUTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/bench-inputs/");
const GITLAB_CURRENT: &str = "large_gitlab_pgdump15_2025-05-29.sql";
const GITLAB_DESIRED: &str = "large_gitlab_pgdump15_2026-02-12.sql";
const CHINOOK_CURRENT: &str = "chinook_x10_a.sql";
const CHINOOK_DESIRED: &str = "chinook_x10_b.sql";

fn input(name: &str) -> String {
    let path = format!("{INPUTS}{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!("cannot read bench input {path}: {err} (expected in ../shared/bench-inputs)")
    })
}

/// Run the pipeline once outside the timing loop and say what it produced, so a benchmark
/// of a pipeline that bails out early (input errors) is noticed.
fn report(label: &str, current: &str, desired: &str, options: &Options) {
    let outcome = schemashift::migrate(current, desired, options);
    let errors = outcome.has_errors();
    let summary = match &outcome.migration {
        Some(m) => format!(
            "{} up / {} down changes, {} / {} bytes of SQL",
            m.changes.len(),
            m.down_changes.len(),
            m.up.len(),
            m.down.len()
        ),
        None => "no migration (input errors)".to_string(),
    };
    eprintln!(
        "{label}: {} + {} bytes in, {} diagnostics{}, {summary}",
        current.len(),
        desired.len(),
        outcome.diagnostics.len(),
        if errors { " (with errors)" } else { "" },
    );
}

fn gitlab(c: &mut Criterion) {
    let options = Options::default();
    let dialect = DialectKind::Postgres.dialect();
    let current = input(GITLAB_CURRENT);
    let desired = input(GITLAB_DESIRED);
    report("gitlab", &current, &desired, &options);

    let mut group = c.benchmark_group("gitlab");
    // Each iteration takes ~0.1-1 s: one iteration per sample, enough time for ten of them.
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes((current.len() + desired.len()) as u64));
    group.bench_function("migrate", |b| {
        b.iter(|| schemashift::migrate(black_box(&current), black_box(&desired), &options))
    });
    group.throughput(Throughput::Bytes(current.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| schemashift::input::sql::parse(black_box(&current), dialect, Side::Current))
    });
    group.finish();
}

fn chinook(c: &mut Criterion) {
    let options = Options::default();
    let current = input(CHINOOK_CURRENT);
    let desired = input(CHINOOK_DESIRED);
    report("chinook_x10", &current, &desired, &options);

    let mut group = c.benchmark_group("chinook_x10");
    group.throughput(Throughput::Bytes((current.len() + desired.len()) as u64));
    group.bench_function("migrate", |b| {
        b.iter(|| schemashift::migrate(black_box(&current), black_box(&desired), &options))
    });
    group.finish();
}

fn synapse_sqlite(c: &mut Criterion) {
    let options = Options {
        dialect: DialectKind::Sqlite,
        ..Default::default()
    };
    let current = input("medium_synapse_full72.sql.sqlite");
    let desired = current.replace(" NOT NULL", "");
    report("synapse_sqlite", &current, &desired, &options);

    let mut group = c.benchmark_group("synapse_sqlite");
    group.throughput(Throughput::Bytes((current.len() * 2) as u64));
    group.bench_function("self", |b| {
        b.iter(|| schemashift::migrate(black_box(&current), black_box(&current), &options))
    });
    group.bench_function("rebuild_all", |b| {
        b.iter(|| schemashift::migrate(black_box(&current), black_box(&desired), &options))
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .nresamples(10_000)
        .without_plots()
}

criterion_group! {
    name = benches;
    config = config();
    targets = gitlab, chinook, synapse_sqlite
}
criterion_main!(benches);
