//! `schemashift`: diff two schema snapshots and print the migration (see the library for the
//! command itself; this is the native host: files, stdin, randomness and the local time).

use std::io::Read;
use std::process::ExitCode;

struct Native;

impl schemashift_cli::Host for Native {
    fn read(&mut self, path: &str) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        if path == "-" {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| e.to_string())?;
            Ok(bytes)
        } else {
            std::fs::read(path).map_err(|e| e.to_string())
        }
    }

    fn write(&mut self, path: &str, text: &str) -> Result<(), String> {
        std::fs::write(path, text).map_err(|e| e.to_string())
    }

    fn list_dir(&mut self, path: &str) -> Result<Vec<String>, String> {
        let entries = std::fs::read_dir(path).map_err(|e| e.to_string())?;
        Ok(entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect())
    }

    fn random_rev_id(&mut self) -> Result<String, String> {
        let mut bytes = [0u8; 6];
        std::fs::File::open("/dev/urandom")
            .and_then(|mut f| f.read_exact(&mut bytes))
            .map_err(|e| format!("cannot read /dev/urandom for a revision id: {e}"))?;
        Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    fn verify(
        &mut self,
        plan: &schemashift::verify::Plan,
        database_url: Option<&str>,
    ) -> Result<schemashift::verify::Report, String> {
        schemashift_cli::engines::verify(plan, database_url)
    }

    fn now(&mut self) -> String {
        let now = chrono::Local::now().naive_local();
        if now.and_utc().timestamp_subsec_micros() == 0 {
            now.format("%Y-%m-%d %H:%M:%S").to_string()
        } else {
            now.format("%Y-%m-%d %H:%M:%S%.6f").to_string()
        }
    }
}

fn main() -> ExitCode {
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    let code = schemashift_cli::run(
        std::env::args().skip(1),
        &mut Native,
        &mut stdout.lock(),
        &mut stderr.lock(),
    );
    ExitCode::from(code)
}
