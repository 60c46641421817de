#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    schemashift_fuzz::sql_ingest(data, schemashift::DialectKind::Sqlite);
});
