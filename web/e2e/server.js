// A tiny static server for web/dist (no dependencies, no network beyond 127.0.0.1). Used by
// scripts/serve.sh (`node web/e2e/serve.js`) and by the end-to-end tests. Every response also
// carries the Content-Security-Policy of dist/index.html's meta tag as a header, so the diff
// worker (whose policy comes from its own response, not from the page's meta tag) is held to
// the same rules as the page.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".ico": "image/x-icon",
  ".png": "image/png",
};

/** The CSP of the page's meta tag. */
export function pageCsp(dist) {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const m = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  if (!m) throw new Error(`${dist}/index.html has no Content-Security-Policy meta tag`);
  return m[1];
}

/** Serve `dist` on 127.0.0.1:`port` (0: any free port); resolves to { url, close }. */
export async function serveDir(dist, port = 0) {
  dist = path.resolve(dist);
  if (!existsSync(path.join(dist, "index.html"))) {
    throw new Error(`${dist}/index.html is missing: build the web app first (trunk build --release --offline in web/)`);
  }
  const csp = pageCsp(dist);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith("/")) rel += "index.html";
      const file = path.join(dist, path.normalize(rel));
      if (!file.startsWith(dist + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] || "application/octet-stream",
        "content-security-policy": csp,
        "x-content-type-options": "nosniff",
        "cache-control": "no-cache",
      });
      res.end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const addr = server.address();
  return {
    url: `http://127.0.0.1:${addr.port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
