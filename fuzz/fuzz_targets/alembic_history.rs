#![no_main]
// Alembic history replay: revision files separated by NUL bytes; see
// `schemashift_fuzz::alembic_history`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    schemashift_fuzz::alembic_history(data);
});
