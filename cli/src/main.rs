//! `schemashift`: diff two schema snapshots and print the migration (see the library for the
//! command itself; this is the native host: files, stdin, randomness and the local time).

use std::io::Read;
use std::process::ExitCode;

/// The machine the CLI runs on.
#[derive(Default)]
struct Native {
    /// Files [`schemashift_cli::Host::prefetch`] read, by path, until [`Native::read`] takes them.
    read_ahead: Vec<(String, std::io::Result<Vec<u8>>)>,
}

impl schemashift_cli::Host for Native {
    fn read(&mut self, path: &str) -> Result<Vec<u8>, String> {
        if let Some(i) = self.read_ahead.iter().position(|(p, _)| p == path) {
            return self.read_ahead.swap_remove(i).1.map_err(|e| e.to_string());
        }
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

    /// Regular files of 1 MB or more (the two sides of a big diff) are read at the same time,
    /// on threads of their own: on the GitLab pair (3.5 and 4.7 MB) that takes the reading of
    /// one off the wall time.
    fn prefetch(&mut self, paths: &[&str]) {
        let big = |p: &&&str| std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.len() >= 1 << 20);
        let paths: Vec<&str> = paths.iter().filter(big).copied().collect();
        if paths.len() < 2 {
            return;
        }
        // The first on this thread, the others on threads of their own (a file whose thread
        // does not start is read when asked for).
        self.read_ahead = std::thread::scope(|scope| {
            let others: Vec<_> = (paths[1..].iter())
                .filter_map(|&p| {
                    let thread =
                        std::thread::Builder::new().spawn_scoped(scope, move || std::fs::read(p));
                    Some((p, thread.ok()?))
                })
                .collect();
            let mut read = vec![(paths[0].to_string(), std::fs::read(paths[0]))];
            read.extend(
                others
                    .into_iter()
                    .filter_map(|(p, h)| Some((p.to_string(), h.join().ok()?))),
            );
            read
        });
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
        &mut Native::default(),
        &mut stdout.lock(),
        &mut stderr.lock(),
    );
    ExitCode::from(code)
}
