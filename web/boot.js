// Loads the app. An external file (not an inline script), so the Content-Security-Policy can
// forbid inline scripts. The loader and wasm file names come from trunk via data attributes.
// The theme choice: the app stores it as a JSON string (gloo-storage); versions before stored
// it bare.
const theme = (() => {
  try {
    const v = localStorage.getItem("schemashift.theme");
    return v && v.startsWith('"') ? JSON.parse(v) : v;
  } catch (_) {
    return null;
  }
})();
if (theme === "dark" || theme === "light") {
  // Before the first paint, so a dark page never flashes white.
  document.documentElement.dataset.theme = theme;
}
const me = document.querySelector("script[data-wasm-js]");
// The code editor (CodeMirror 6, web/editor): src/editor.rs calls it as
// `schemashiftEditor.create(...)`. Fetched alongside the app's wasm.
const [editor, mod] = await Promise.all([import("./editor.js"), import(me.dataset.wasmJs)]);
globalThis.schemashiftEditor = editor;
await mod.default({ module_or_path: me.dataset.wasmBg });
