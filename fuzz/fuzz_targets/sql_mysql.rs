#![no_main]
// MySQL, or MariaDB when the first byte is odd (a flavour of the same dialect).
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let dialect = match data.first() {
        Some(b) if b % 2 == 1 => schemashift::DialectKind::Mariadb,
        _ => schemashift::DialectKind::Mysql,
    };
    schemashift_fuzz::sql_ingest(data, dialect);
});
