
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

/** One step of `verify()`: its result and, on failure, the engine's error or the catalog difference in words. */
export interface VerifyStep {
    name: string;
    status: "passed" | "failed" | "skipped";
    details: string[];
}

/** What `verify()` found. */
export interface VerifyReport {
    /** The engine and its version, e.g. `"PostgreSQL 17.5 (PGlite)"`. */
    engine: string;
    /** Every step passed: UP and DOWN apply on seeded rows, the catalogs equal, the rows kept. */
    verified: boolean;
    /** One line: `"verified on PostgreSQL 17.5 (PGlite): up, down, rows kept"`, or the step that failed. */
    badge: string;
    steps: VerifyStep[];
    /** Input errors (then there are no steps). */
    errors: Diagnostic[];
}

/** Options of `verify()`: `diff()`'s (`dialect`, `renames`), and the engine module to use instead of importing the optional peer dependency (`@electric-sql/pglite` for postgres, `sql.js` for sqlite). */
export interface VerifyOptions extends DiffOptions {
    engine?: unknown;
}

/**
 * Prove the migration between two DDL texts on a real engine in this process, without a server:
 * PostgreSQL as PGlite or SQLite as sql.js (optional peer dependencies, imported on the first
 * call). Builds a database from each schema, seeds rows into the tables both keep, applies UP
 * and compares the engine's catalogs, applies DOWN and compares again, and checks the rows.
 */
export function verify(current: string, desired: string, options?: VerifyOptions): Promise<VerifyReport>;
