//! Entry point: mount the app on `<body>`. Everything else is in the library.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(schemashift_web::App);
}
