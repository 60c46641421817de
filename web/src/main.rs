//! Entry point. On the page: mount the app on `<body>`. In the diff worker (`worker.js` loads
//! this same module): serve diff requests. Everything else is in the library.

fn main() {
    console_error_panic_hook::set_once();
    if schemashift_web::worker::in_worker() {
        schemashift_web::worker::serve();
    } else {
        leptos::mount::mount_to_body(schemashift_web::App);
    }
}
