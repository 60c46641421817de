// The diff worker (see src/worker.rs): loads the worker wasm module (src/bin/worker.rs: the
// core; the page's own module does not carry it), whose main() answers diff and review
// requests. The page passes the module's glue and .wasm URLs in the query string; both are
// files of the page's own origin.
const params = new URL(self.location.href).searchParams;
const js = new URL(params.get("js"), self.location.href);
const wasm = new URL(params.get("wasm"), self.location.href);
if (js.origin !== self.location.origin || wasm.origin !== self.location.origin) {
  throw new Error("schemashift worker: the module must come from the page's own origin");
}
const mod = await import(js.href);
await mod.default({ module_or_path: wasm.href });
