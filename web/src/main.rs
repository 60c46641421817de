//! The page's wasm binary: mount the app on `<body>`. Everything the core computes (diffs,
//! reviews, Verify's plan) happens in the worker binary (`src/bin/worker.rs`), so the core's
//! heavy parts are not in this module. Everything else is in the library.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(schemashift_web::App);
}
