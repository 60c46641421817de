//! The shared suite in Node (wasm-bindgen-test's default environment).
#![cfg(target_arch = "wasm32")]

mod common;
