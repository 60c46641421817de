// Browser / bundler entry (ES module). Call `await init()` once before the other functions:
// it fetches `schemashift_wasm_bg.wasm` next to this file (`new URL(..., import.meta.url)`,
// which Vite, webpack 5, Parcel and Rollup's URL plugins understand) or what you pass it.
// Calling it again, or concurrently, returns the same instance.
import wbgInit, {
  __wbg_reset_state as wbgResetState,
  initSync as wbgInitSync,
  diff as wbgDiff,
  dialects as wbgDialects,
  formats as wbgFormats,
  resolveDialect as wbgResolveDialect,
  replay as wbgReplay,
  review as wbgReview,
  verifyPlan as wbgVerifyPlan,
  __verifyFacts as wbgVerifyFacts,
  __verifyCatalogDifferences as wbgVerifyCatalogDifferences,
  __verifyRowDifferences as wbgVerifyRowDifferences,
  version as wbgVersion,
} from './schemashift_wasm.js';
import { makeVerify } from './verify.mjs';

let ready = false;

function options(input) {
  if (input === undefined) return undefined;
  if (input !== null && Object.getPrototypeOf(input) === Object.prototype) return input;
  return { module_or_path: input };
}

export default async function init(input) {
  await wbgInit(options(input));
  ready = true;
}

export { init };

export function initSync(module) {
  const m = module !== null && Object.getPrototypeOf(module) === Object.prototype ? module : { module };
  wbgInitSync(m);
  ready = true;
}

function guard(name) {
  if (!ready) {
    throw new Error(`schemashift: call \`await init()\` before ${name}() (browsers and bundlers load the WebAssembly module asynchronously)`);
  }
}

// Panics already arrive as `Error("schemashift: internal error: ...")` (the Rust panic hook),
// with a fresh instance scheduled. Anything else escaping the module (a trap such as
// `unreachable` after an allocation failure, a stack overflow) leaves the instance unusable:
// replace it, and report an Error.
function call(name, fn, args) {
  guard(name);
  try {
    return fn(...args);
  } catch (e) {
    if (e instanceof Error && e.constructor === Error && e.message.startsWith('schemashift: ')) throw e;
    wbgResetState();
    throw new Error(`schemashift: internal error: ${e && e.message ? e.message : e}`, { cause: e });
  }
}

export function diff(current, desired, options) {
  return call('diff', wbgDiff, [current, desired, options]);
}

export function dialects() {
  return call('dialects', wbgDialects, []);
}

export function formats() {
  return call('formats', wbgFormats, []);
}

export function resolveDialect(name) {
  return call('resolveDialect', wbgResolveDialect, [name]);
}

export function replay(history, options) {
  return call('replay', wbgReplay, [history, options]);
}

export function review(history, options) {
  return call('review', wbgReview, [history, options]);
}

export function verifyPlan(current, desired, options) {
  return call('verifyPlan', wbgVerifyPlan, [current, desired, options]);
}

const verifyImpl = makeVerify({
  verifyPlan,
  __verifyFacts: (...a) => call('verify', wbgVerifyFacts, a),
  __verifyCatalogDifferences: (...a) => call('verify', wbgVerifyCatalogDifferences, a),
  __verifyRowDifferences: (...a) => call('verify', wbgVerifyRowDifferences, a),
});

export function verify(current, desired, options) {
  return verifyImpl(current, desired, options);
}

export function version() {
  return call('version', wbgVersion, []);
}
