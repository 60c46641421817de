// Bundles the web app's code editor (src/editor.js: CodeMirror 6 and what the app needs of it)
// into ONE ES module, web/editor/dist/editor.js, which trunk copies into web/dist (see
// web/index.html) and boot.js imports before the app starts. Run by trunk's pre_build hook
// (web/Trunk.toml); needs `npm ci` here first (scripts/setup.sh). No network.
//
// The page's CSP allows styles only from its own origin (`style-src 'self'`), so CodeMirror's
// runtime <style> elements (style-mod) would be refused. The patch below makes style-mod put
// them into a constructable stylesheet adopted by the document (CSSOM, which style-src does
// not govern), the way it already does for shadow roots. The build fails if style-mod's code
// no longer has the line the patch expects.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const STYLE_MOD_FROM = "if (!root.head && root.adoptedStyleSheets && win.CSSStyleSheet) {";
const STYLE_MOD_TO = "if (root.adoptedStyleSheets && win.CSSStyleSheet) {";

const adoptStyles = {
  name: "style-mod-adopted-stylesheets",
  setup(b) {
    b.onLoad({ filter: /style-mod[\\/]src[\\/]style-mod\.js$/ }, async (args) => {
      const src = await readFile(args.path, "utf8");
      if (!src.includes(STYLE_MOD_FROM)) {
        throw new Error(`style-mod changed: "${STYLE_MOD_FROM}" not found in ${args.path}`);
      }
      return { contents: src.replace(STYLE_MOD_FROM, STYLE_MOD_TO), loader: "js" };
    });
  },
};

await build({
  entryPoints: [path.join(here, "src/editor.js")],
  outfile: path.join(here, "dist/editor.js"),
  bundle: true,
  format: "esm",
  target: "es2020",
  minify: true,
  legalComments: "eof",
  plugins: [adoptStyles],
  logLevel: "warning",
});
