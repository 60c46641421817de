#![no_main]
// `[dialect byte] models.py text`.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    schemashift_fuzz::models_ingest(data);
});
