// The verify worker (see src/verify.rs): runs a migration on a real engine, off the page's
// thread. A classic worker, because sql.js is a classic script (importScripts); everything
// else is imported as ES modules:
// - the worker wasm module (src/bin/worker.rs, the one the diff worker runs; glue and .wasm
//   URLs in the query string, as the diff worker gets them): verifyPlan and the comparisons,
//   the same exports as the npm package's;
// - verify.mjs, the npm package's steps (makeVerify), copied from npm/js by trunk;
// - the dialect's engine, on the first request for it: engines/pglite/ (PGlite) or
//   engines/sqljs/ (sql.js), copied from npm/tools/node_modules by trunk.
// Every file comes from the page's own origin; nothing else is fetched.
const params = new URL(self.location.href).searchParams;

function sameOrigin(relative) {
  const url = new URL(relative, self.location.href);
  if (url.origin !== self.location.origin) {
    throw new Error("schemashift verify worker: every file must come from the page's own origin");
  }
  return url.href;
}

let verifyFn;
function core() {
  verifyFn ??= (async () => {
    const glue = await import(sameOrigin(params.get("js")));
    await glue.default({ module_or_path: sameOrigin(params.get("wasm")) });
    const { makeVerify } = await import(sameOrigin("verify.mjs"));
    return makeVerify(glue);
  })();
  return verifyFn;
}

const engines = {};
function engine(dialect) {
  if (dialect === "postgres") {
    engines.postgres ??= import(sameOrigin("engines/pglite/index.js"));
    return engines.postgres;
  }
  if (dialect === "sqlite") {
    engines.sqlite ??= (async () => {
      importScripts(sameOrigin("engines/sqljs/sql-wasm-browser.js"));
      return self.initSqlJs({ locateFile: (file) => sameOrigin(`engines/sqljs/${file}`) });
    })();
    return engines.sqlite;
  }
  return Promise.reject(new Error(`no engine in the browser for ${dialect}`));
}

self.onmessage = async ({ data }) => {
  const { id, current, desired, dialect } = data;
  try {
    const verify = await core();
    const loaded = dialect in engines;
    const t0 = performance.now();
    if (!loaded) self.postMessage({ id, phase: "engine" });
    const mod = await engine(dialect);
    const t1 = performance.now();
    self.postMessage({ id, phase: "running" });
    const report = await verify(current, desired, { dialect, engine: mod });
    const ms = performance.now() - t1;
    self.postMessage({ id, loadMs: loaded ? 0 : t1 - t0, ms, report: JSON.stringify(report) });
  } catch (e) {
    // A failed load is tried again on the next request.
    if (engines[dialect]) engines[dialect].catch(() => delete engines[dialect]);
    self.postMessage({ id, error: e && e.message ? e.message : String(e) });
  }
};
