// Measured in the browser: bundle size, and the time from pasting the GitLab pg_dump pair
// (../shared/bench-inputs, skipped when absent) to the rendered migration. Figures go to
// target/e2e-artifacts/perf.json and the test output.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { ARTIFACTS, DIST, SHARED, serveDist, launch, openPage, gotoApp, screenshot } from "./harness.js";

const BENCH = path.join(SHARED, "bench-inputs");
// name -> [current, desired]: GitLab's schema 8.5 months apart, both as raw pg_dump 15 output
// (about 2,200 changes); and GitLab's Rails-cleaned structure.sql vs the pg_dump of the same
// database (equivalent: the migration is empty).
const PAIRS = {
  gitlab_before_after: ["large_gitlab_pgdump15_2025-05-29.sql", "large_gitlab_pgdump15_2026-02-12.sql"],
  gitlab_structure_vs_pgdump: ["large_gitlab_structure_2026-02-12.sql", "large_gitlab_pgdump15_2026-02-12.sql"],
};

let server;
let browser;
const figures = {};

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, "perf.json"), JSON.stringify(figures, null, 2) + "\n");
});

test("bundle size", async (t) => {
  const files = await readdir(DIST);
  let total = 0;
  for (const f of files.filter((f) => f.endsWith(".wasm") || f.endsWith(".js") || f.endsWith(".css"))) {
    const buf = await readFile(path.join(DIST, f));
    const gz = gzipSync(buf, { level: 9 }).length;
    figures[f.endsWith(".wasm") ? "wasm" : f] = { file: f, raw_bytes: buf.length, gzip_bytes: gz };
    total += gz;
    t.diagnostic(`${f}: ${(buf.length / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzip`);
  }
  figures.total_gzip_bytes = total;
  assert.ok(figures.wasm, "a .wasm file in dist/");
});

for (const [name, [before, after]] of Object.entries(PAIRS)) {
const BEFORE = path.join(BENCH, before);
const AFTER = path.join(BENCH, after);
test(`${name}: paste to rendered migration`, { skip: !existsSync(BEFORE) && "bench inputs absent" }, async (t) => {
  const [current, desired] = await Promise.all([readFile(BEFORE, "utf8"), readFile(AFTER, "utf8")]);
  const s = await openPage(browser, server.url);
  await gotoApp(s.page, server.url);
  const m = await s.page.evaluate(
    async ({ current, desired }) => {
      // The longest gap between frames while the work runs: how long typing would freeze.
      let longest = 0;
      let last = performance.now();
      let running = true;
      const loop = () => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        if (running) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      const status = document.getElementById("status");
      const seq0 = Number(status.dataset.seq || 0);
      const t0 = performance.now();
      for (const [id, text] of [["editor-current", current], ["editor-desired", desired]]) {
        const ta = document.getElementById(id);
        ta.value = text;
        ta.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      }
      const tPasted = performance.now();
      await new Promise((resolve) => {
        const check = () => {
          const done = status.dataset.state !== "pending" && Number(status.dataset.seq || 0) > seq0;
          const up = document.getElementById("output-up");
          const empty = document.getElementById("up-empty");
          if (done && ((up && up.value.length > 0) || empty)) resolve();
          else setTimeout(check, 5);
        };
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t1 = performance.now();
      // The app's own figure (edit to render, set two frames after the result) arrives next.
      await new Promise((r) => setTimeout(r, 100));
      running = false;
      return {
        paste_handling_ms: tPasted - t0,
        paste_to_render_ms: t1 - t0,
        app_diff_ms: Number(status.dataset.diffMs),
        app_edit_to_render_ms: Number(status.dataset.renderMs || NaN),
        longest_frame_gap_ms: longest,
        up_bytes: document.getElementById("output-up")?.value.length ?? 0,
        status: status.textContent,
      };
    },
    { current, desired },
  );
  m.debounce_ms = 250;
  m.current = before;
  m.desired = after;
  m.input_bytes = current.length + desired.length;
  figures[name] = m;
  for (const [k, v] of Object.entries(m)) t.diagnostic(`${k}: ${typeof v === "number" ? v.toFixed(1) : v}`);
  if (name === "gitlab_before_after") assert.ok(m.up_bytes > 1000);
  else assert.equal(m.up_bytes, 0, "equivalent schemas: no migration");
  await screenshot(s.page, `09-${name}`);
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});
}
