//! The wasm-bindgen-test suites are in `tests/` (`node.rs` runs in Node, `browser.rs` in
//! headless Chromium); they share `tests/common/mod.rs`. `hostile.rs` (Node) feeds hostile
//! input to the web app's worker entry points. Run them with
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p wasm-tests --target wasm32-unknown-unknown`.
