// Browser / bundler entry (ES module). Call `await init()` once before the other functions:
// it fetches `schemashift_wasm_bg.wasm` next to this file (`new URL(..., import.meta.url)`,
// which Vite, webpack 5, Parcel and Rollup's URL plugins understand) or what you pass it.
// Calling it again, or concurrently, returns the same instance.
import wbgInit, {
  initSync as wbgInitSync,
  diff as wbgDiff,
  dialects as wbgDialects,
  formats as wbgFormats,
  resolveDialect as wbgResolveDialect,
  version as wbgVersion,
} from './schemashift_wasm.js';

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

export function diff(current, desired, options) {
  guard('diff');
  return wbgDiff(current, desired, options);
}

export function dialects() {
  guard('dialects');
  return wbgDialects();
}

export function formats() {
  guard('formats');
  return wbgFormats();
}

export function resolveDialect(name) {
  guard('resolveDialect');
  return wbgResolveDialect(name);
}

export function version() {
  guard('version');
  return wbgVersion();
}
