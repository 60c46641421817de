'use strict';
// Node entry (CommonJS). The wasm-bindgen `nodejs` glue compiles and instantiates the module
// synchronously when it is first required, so there is nothing to initialize: `init()` exists
// only so that code written for browsers (`await init()`) runs unchanged.
const wasm = require('./schemashift_wasm.cjs');

function init() {
  return Promise.resolve();
}

function initSync() {}

module.exports = {
  diff: wasm.diff,
  dialects: wasm.dialects,
  formats: wasm.formats,
  resolveDialect: wasm.resolveDialect,
  version: wasm.version,
  init,
  initSync,
  default: init,
};
