//! Embeds the core's case files (`core/tests/cases/<dialect>/<case>/`) into the test
//! binaries, with what the *native* build of the core outputs for them (UP, DOWN and the CLI's
//! JSON report both ways) and the insta snapshots: the wasm tests compare against both.

use std::fmt::Write as _;
use std::path::Path;

#[path = "../core/tests/common/case_options.rs"]
mod case_options;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/cases");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::from("/// The core's case files, with the native build's output.\npub const CASES: &[Case] = &[\n");
    let mut dialects: Vec<_> = std::fs::read_dir(&root)
        .expect("core/tests/cases")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dialects.sort();
    for dialect_dir in dialects {
        let dialect_name = dialect_dir
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let Some(dialect) = schemashift::DialectKind::from_name(&dialect_name) else {
            continue;
        };
        println!("cargo:rerun-if-changed={}", dialect_dir.display());
        let mut dirs: Vec<_> = std::fs::read_dir(&dialect_dir)
            .expect("dialect dir")
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.join("current.sql").exists() && p.join("desired.sql").exists())
            .collect();
        dirs.sort();
        for dir in dirs {
            for f in ["current.sql", "desired.sql", "up.snap", "down.snap"]
                .into_iter()
                .chain(case_options::OPTION_FILES)
            {
                println!("cargo:rerun-if-changed={}", dir.join(f).display());
            }
            let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap_or_default();
            let (current, desired) = (read("current.sql"), read("desired.sql"));
            // The options the case asks for, exactly as core/tests/cases.rs reads them.
            let option_files: Vec<(&str, String)> = case_options::OPTION_FILES
                .into_iter()
                .filter(|f| dir.join(f).exists())
                .map(|f| (f, read(f)))
                .collect();
            let outcome = schemashift::migrate(
                &current,
                &desired,
                &case_options::options_from(dialect, |f| read(f)),
            );
            let m = outcome.migration.expect("the case files have no errors");
            let json = |down: bool| {
                let v = schemashift::json_report(&m, down, &outcome.diagnostics, dialect);
                serde_json::to_string_pretty(&v).expect("json") + "\n"
            };
            let name = format!(
                "{dialect_name}/{}",
                dir.file_name().unwrap().to_string_lossy()
            );
            writeln!(
                out,
                "    Case {{ name: {name:?}, dialect: {dialect_name:?}, current: {current:?}, desired: {desired:?}, \
                 up: {up:?}, down: {down:?}, json_up: {json_up:?}, json_down: {json_down:?}, \
                 up_snap: {up_snap:?}, down_snap: {down_snap:?}, \
                 option_files: &{option_files:?} }},",
                up = m.up,
                down = m.down,
                json_up = json(false),
                json_down = json(true),
                up_snap = snapshot_body(&read("up.snap")),
                down_snap = snapshot_body(&read("down.snap")),
            )
            .unwrap();
        }
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("cases.rs");
    std::fs::write(dest, out).unwrap();
}

/// The body of an insta snapshot file (what follows the `---` header).
fn snapshot_body(snap: &str) -> String {
    let mut parts = snap.splitn(3, "---\n");
    match (parts.next(), parts.next(), parts.next()) {
        (Some(""), Some(_header), Some(body)) => body.to_string(),
        _ => snap.to_string(),
    }
}
