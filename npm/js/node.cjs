'use strict';
// Node entry (CommonJS). The wasm-bindgen `nodejs` glue compiles and instantiates the module
// synchronously when it is first required, so there is nothing to initialize: `init()` exists
// only so that code written for browsers (`await init()`) runs unchanged.
const wasm = require('./schemashift_wasm.cjs');

// Panics already arrive as `Error("schemashift: internal error: ...")` (the Rust panic hook),
// with a fresh instance scheduled. Anything else escaping the module (a trap such as
// `unreachable` after an allocation failure, a stack overflow) leaves the instance unusable:
// replace it, and report an Error.
function guarded(fn) {
  return function schemashift(...args) {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof Error && e.constructor === Error && e.message.startsWith('schemashift: ')) throw e;
      wasm.__wbg_reset_state();
      throw new Error(`schemashift: internal error: ${e && e.message ? e.message : e}`, { cause: e });
    }
  };
}

// verify(): async, the runner is an ES module (shared with the browser entry).
let verifyImpl;
async function verify(current, desired, options) {
  if (!verifyImpl) {
    const { makeVerify } = await import('./verify.mjs');
    verifyImpl = makeVerify({
      verifyPlan: guarded(wasm.verifyPlan),
      __verifyFacts: guarded(wasm.__verifyFacts),
      __verifyCatalogDifferences: guarded(wasm.__verifyCatalogDifferences),
      __verifyRowDifferences: guarded(wasm.__verifyRowDifferences),
    });
  }
  return verifyImpl(current, desired, options);
}

function init() {
  return Promise.resolve();
}

function initSync() {}

module.exports = {
  diff: guarded(wasm.diff),
  dialects: guarded(wasm.dialects),
  formats: guarded(wasm.formats),
  resolveDialect: guarded(wasm.resolveDialect),
  replay: guarded(wasm.replay),
  review: guarded(wasm.review),
  verify,
  verifyPlan: guarded(wasm.verifyPlan),
  version: guarded(wasm.version),
  init,
  initSync,
  default: init,
};

// For the package's own tests only (not enumerable, not in the types, not in the ESM entry).
Object.defineProperty(module.exports, '__test', {
  value: { panic: guarded(wasm.__testPanic), trap: guarded(wasm.__testTrap) },
  enumerable: false,
});
// For `bin/schemashift.js` only: the command line over a host of Node fs callbacks.
Object.defineProperty(module.exports, '__cli', { value: guarded(wasm.__cli), enumerable: false });
