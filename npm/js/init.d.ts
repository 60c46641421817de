
/** What `init()` accepts: where to load the `.wasm` from, or its bytes, or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/**
 * Load the WebAssembly module. Needed once in browsers and bundlers before any other call
 * (`await init()`); a no-op in Node, where the module loads synchronously on import. Safe to
 * call more than once: later calls return the same instance.
 *
 * By default the module is fetched from `schemashift_wasm_bg.wasm` next to the package's
 * JavaScript (`new URL(..., import.meta.url)`); pass a URL, a `Response`, bytes or a
 * `WebAssembly.Module` to load it from elsewhere.
 */
export default function init(input?: InitInput | Promise<InitInput> | { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;
export { init };

/** Synchronous `init()` from bytes or a compiled module (e.g. in a worker). No-op in Node. */
export function initSync(module?: BufferSource | WebAssembly.Module | { module: BufferSource | WebAssembly.Module }): void;
