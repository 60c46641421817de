//! The engines `schemashift verify` runs a plan on (native only): SQLite compiled in
//! (rusqlite `bundled`, in memory) and a scratch PostgreSQL server the user names, in which two
//! databases are created for the run and dropped after.

use schemashift::verify::{self, Engine, Plan, Report, Value};
use schemashift::DialectKind;

/// Run `plan` on its dialect's engine. Err: no engine could be had (a server that cannot be
/// reached, databases that cannot be created).
pub fn verify(plan: &Plan, database_url: Option<&str>) -> Result<Report, String> {
    match (plan.dialect, database_url) {
        (DialectKind::Sqlite, _) => {
            let mut a = Sqlite::open()?;
            let mut b = Sqlite::open()?;
            let engine = format!("SQLite {}", rusqlite::version());
            Ok(verify::run(plan, &mut a, &mut b, &engine))
        }
        (DialectKind::Postgres, Some(url)) => postgres(plan, url),
        (DialectKind::Postgres, None) => {
            Err("PostgreSQL needs --database-url (a scratch server of yours)".into())
        }
        (d, _) => Err(format!("no engine for {} in this build", d.label())),
    }
}

struct Sqlite(rusqlite::Connection);

impl Sqlite {
    fn open() -> Result<Self, String> {
        rusqlite::Connection::open_in_memory()
            .map(Sqlite)
            .map_err(|e| format!("cannot open SQLite in memory: {e}"))
    }
}

impl Engine for Sqlite {
    fn execute(&mut self, sql: &str) -> Result<(), String> {
        self.0.execute_batch(sql).map_err(|e| e.to_string())
    }

    fn query(&mut self, sql: &str) -> Result<Vec<Vec<Value>>, String> {
        use rusqlite::types::ValueRef;
        let mut stmt = self.0.prepare(sql).map_err(|e| e.to_string())?;
        let n = stmt.column_count();
        let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(|e| e.to_string())? {
            let mut row = Vec::with_capacity(n);
            for i in 0..n {
                let v = r.get_ref(i).map_err(|e| e.to_string())?;
                row.push(match v {
                    ValueRef::Null => None,
                    ValueRef::Integer(i) => Some(i.to_string()),
                    ValueRef::Real(f) => Some(f.to_string()),
                    ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Some(
                        b.iter()
                            .fold(String::from("x'"), |s, b| s + &format!("{b:02x}"))
                            + "'",
                    ),
                });
            }
            out.push(row);
        }
        Ok(out)
    }
}

struct Postgres(postgres::Client);

/// The engine's own words: `ERROR: message` with its detail and hint.
fn pg_error(e: postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => {
            let mut s = format!("{}: {}", db.severity(), db.message());
            if let Some(d) = db.detail() {
                s.push_str(&format!(" (DETAIL: {d})"));
            }
            if let Some(h) = db.hint() {
                s.push_str(&format!(" (HINT: {h})"));
            }
            s
        }
        None => e.to_string(),
    }
}

impl Engine for Postgres {
    fn execute(&mut self, sql: &str) -> Result<(), String> {
        self.0.batch_execute(sql).map_err(pg_error)
    }

    fn query(&mut self, sql: &str) -> Result<Vec<Vec<Value>>, String> {
        let messages = self.0.simple_query(sql).map_err(pg_error)?;
        Ok(messages
            .into_iter()
            .filter_map(|m| match m {
                postgres::SimpleQueryMessage::Row(r) => {
                    Some((0..r.len()).map(|i| r.get(i).map(str::to_string)).collect())
                }
                _ => None,
            })
            .collect())
    }
}

/// Two fresh databases on the user's server (`CREATE DATABASE .. TEMPLATE template0`), the
/// plan run in them, both dropped after whatever happened.
fn postgres(plan: &Plan, url: &str) -> Result<Report, String> {
    let config: postgres::Config = url.parse().map_err(|e| format!("--database-url: {e}"))?;
    let mut admin = config
        .connect(postgres::NoTls)
        .map_err(|e| format!("cannot connect to {url}: {}", pg_error(e)))?;
    let version: String = admin
        .query_one("SHOW server_version", &[])
        .map_err(pg_error)?
        .get(0);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros())
        .unwrap_or(0);
    let names = [
        format!("schemashift_verify_{}_{stamp}_current", std::process::id()),
        format!("schemashift_verify_{}_{stamp}_desired", std::process::id()),
    ];
    let mut created = Vec::new();
    let result = (|| -> Result<Report, String> {
        for n in &names {
            admin
                .batch_execute(&format!("CREATE DATABASE \"{n}\" TEMPLATE template0"))
                .map_err(|e| format!("cannot create a scratch database: {}", pg_error(e)))?;
            created.push(n.clone());
        }
        let connect = |name: &str| -> Result<Postgres, String> {
            let mut c = config.clone();
            c.dbname(name);
            c.connect(postgres::NoTls)
                .map(Postgres)
                .map_err(|e| format!("cannot connect to {name}: {}", pg_error(e)))
        };
        let mut a = connect(&names[0])?;
        let mut b = connect(&names[1])?;
        let engine = format!("PostgreSQL {version}");
        Ok(verify::run(plan, &mut a, &mut b, &engine))
    })();
    for n in &created {
        if let Err(e) =
            admin.batch_execute(&format!("DROP DATABASE IF EXISTS \"{n}\" WITH (FORCE)"))
        {
            eprintln!(
                "schemashift: could not drop scratch database {n}: {}",
                pg_error(e)
            );
        }
    }
    result
}
