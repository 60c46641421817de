#![no_main]
// Structure-aware: an `arbitrary` schema pair (the property tests' generator,
// core/tests/gen) rendered to DDL per dialect; see `schemashift_fuzz::schema_pair`.
libfuzzer_sys::fuzz_target!(|input: schemashift_fuzz::PairInput| {
    schemashift_fuzz::schema_pair(input);
});
