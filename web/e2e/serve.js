// Serve the built web app: node web/e2e/serve.js [--port 8080] [--dist web/dist]
// (scripts/serve.sh builds it first). Only listens on 127.0.0.1; needs no network.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDir } from "./server.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const port = Number(opt("--port", process.env.PORT || 8080));
const dist = opt("--dist", path.join(here, "../dist"));
try {
  const { url } = await serveDir(dist, port);
  console.log(`schemashift web app: ${url}  (serving ${path.resolve(dist)}; Ctrl+C stops)`);
} catch (e) {
  console.error(`serve: ${e.message}`);
  process.exit(1);
}
