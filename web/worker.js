// The diff worker (see src/worker.rs): loads the page's own wasm module, whose main() sees it
// runs in a worker and answers diff requests. The page passes the glue and .wasm URLs (trunk
// hashes their names) in the query string; both are files of the page's own origin.
const params = new URL(self.location.href).searchParams;
const js = new URL(params.get("js"), self.location.href);
const wasm = new URL(params.get("wasm"), self.location.href);
if (js.origin !== self.location.origin || wasm.origin !== self.location.origin) {
  throw new Error("schemashift worker: the module must come from the page's own origin");
}
const mod = await import(js.href);
await mod.default({ module_or_path: wasm.href });
