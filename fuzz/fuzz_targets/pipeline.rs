#![no_main]
// `[dialect byte] current.sql \0 desired` (the desired side is models.py when the dialect
// byte's high bit is set).
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    schemashift_fuzz::pipeline(data);
});
