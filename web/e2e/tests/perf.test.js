// Measured in the browser: bundle size (the page's and the diff worker's modules), the time from pasting the GitLab pg_dump pair
// (../shared/bench-inputs, skipped when absent) to the rendered migration, and how a 5 MB file
// dropped on an editor is read. Figures go to target/web-artifacts/perf.json and the test
// output; nothing here asserts a time.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { ARTIFACTS, DIST, SHARED, useAppServer, openPage, gotoApp, screenshot } from "./harness.js";

const BENCH = path.join(SHARED, "bench-inputs");
// name -> [current, desired]: GitLab's schema 8.5 months apart, both as raw pg_dump 15 output
// (about 2,200 changes); and GitLab's Rails-cleaned structure.sql vs the pg_dump of the same
// database (equivalent: the migration is empty).
const PAIRS = {
  gitlab_before_after: ["large_gitlab_pgdump15_2025-05-29.sql", "large_gitlab_pgdump15_2026-02-12.sql"],
  gitlab_structure_vs_pgdump: ["large_gitlab_structure_2026-02-12.sql", "large_gitlab_pgdump15_2026-02-12.sql"],
};

const env = useAppServer();
const figures = {};

after(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, "perf.json"), JSON.stringify(figures, null, 2) + "\n");
});

test("bundle size", async (t) => {
  // Two wasm modules (see web/index.html). The page's first load is what the page itself
  // fetches before it renders: index.html, boot.js, the CSS and the page module (its glue and
  // .wasm: the UI, without the core). The diff worker (worker.js and the worker module: the
  // core) starts with the page and fetches its files in parallel; the first migration waits
  // for it, typing and rendering do not. verify.js, verify.mjs and engines/ load only when the
  // user clicks Verify: neither.
  const files = await readdir(DIST);
  const groups = {
    page: (f) =>
      f === "index.html" || f === "boot.js" || /^style-.*\.css$/.test(f) || /^schemashift-web-.*\.(js|wasm)$/.test(f),
    worker: (f) => f === "worker.js" || /^schemashift-worker(\.js|_bg\.wasm)$/.test(f),
  };
  for (const [group, member] of Object.entries(groups)) {
    const entry = { files: {}, raw_bytes: 0, gzip_bytes: 0 };
    for (const f of files.filter(member).sort()) {
      const buf = await readFile(path.join(DIST, f));
      const gz = gzipSync(buf, { level: 9 }).length;
      entry.files[f] = { raw_bytes: buf.length, gzip_bytes: gz };
      entry.raw_bytes += buf.length;
      entry.gzip_bytes += gz;
      t.diagnostic(`${group} ${f}: ${buf.length} bytes raw, ${gz} gzip -9`);
    }
    figures[group] = entry;
    t.diagnostic(`${group}: ${entry.raw_bytes} bytes raw, ${entry.gzip_bytes} gzip -9`);
  }
  // Page weight: what the page fetches itself (the worker's files are in figures.worker).
  figures.total_gzip_bytes = figures.page.gzip_bytes;
  const wasm = (group) => Object.keys(figures[group].files).filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm("page").length, 1, "one page .wasm in dist/");
  assert.equal(wasm("worker").length, 1, "one worker .wasm in dist/");
  // The page module carries no part of the core's entry points: the Verify exports (and with
  // them the plan) are the worker's only.
  const glue = (group) => Object.keys(figures[group].files).find((f) => f.endsWith(".js") && f.startsWith("schemashift-"));
  const pageGlue = await readFile(path.join(DIST, glue("page")), "utf8");
  const workerGlue = await readFile(path.join(DIST, glue("worker")), "utf8");
  assert.ok(workerGlue.includes("verifyPlan"), "the worker module exports verifyPlan");
  assert.ok(!pageGlue.includes("verifyPlan"), "the page module does not");
});

test("page weight: what the first load fetches", async (t) => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  // Each file of dist/ the page (and its diff worker) fetched, once, gzip -9.
  const files = [...new Set(s.requests().map((u) => new URL(u).pathname.replace(/^\//, "") || "index.html"))];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = await readFile(path.join(DIST, decodeURIComponent(f)));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  figures.first_load = { files: files.sort(), raw_bytes: raw, gzip_bytes: gzip };
  t.diagnostic(`first load: ${files.length} files, ${raw} bytes raw, ${gzip} bytes gzip -9: ${files.join(", ")}`);
  assert.ok(files.some((f) => f.endsWith(".wasm")));
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});

for (const [name, [before, after]] of Object.entries(PAIRS)) {
const BEFORE = path.join(BENCH, before);
const AFTER = path.join(BENCH, after);
test(`${name}: paste to rendered migration`, { skip: !existsSync(BEFORE) && "bench inputs absent" }, async (t) => {
  const [current, desired] = await Promise.all([readFile(BEFORE, "utf8"), readFile(AFTER, "utf8")]);
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
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
      // A paste into each editor (select all, then a paste event that CodeMirror's own paste
      // handler takes), as harness.js's setEditor does.
      for (const [id, text] of [["editor-current", current], ["editor-desired", desired]]) {
        const el = document.getElementById(id);
        el.focus();
        const view = schemashiftEditor.viewOf(el);
        view.dispatch({ selection: { anchor: 0, head: view.state.doc.length } });
        const data = new DataTransfer();
        data.setData("text/plain", text);
        el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      }
      const tPasted = performance.now();
      await new Promise((resolve) => {
        const check = () => {
          const done = status.dataset.state !== "pending" && Number(status.dataset.seq || 0) > seq0;
          const up = schemashiftEditor.textOf(document.getElementById("output-up"));
          const empty = document.getElementById("up-empty");
          if (done && (up.length > 0 || empty)) resolve();
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
        // 0: a paste diffs at once (only keystrokes wait for the debounce).
        app_waited_ms: Number(status.dataset.waitedMs ?? NaN),
        longest_frame_gap_ms: longest,
        up_bytes: schemashiftEditor.textOf(document.getElementById("output-up")).length,
        status: status.textContent,
      };
    },
    { current, desired },
  );
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

test("a 5 MB file dropped on an editor is read without freezing the page", async (t) => {
  // Synthetic, deterministic: 5 MiB of tables and indexes; the desired side is the same plus
  // one table, so the migration is that table.
  const table = (i) =>
    `CREATE TABLE t${i} (\n  id integer PRIMARY KEY,\n  name text NOT NULL,\n  note varchar(200),\n  created_at timestamptz DEFAULT now()\n);\nCREATE INDEX t${i}_name ON t${i} (name);\n`;
  const parts = [];
  let size = 0;
  for (let i = 0; size < 5 << 20; i++) {
    parts.push(table(i));
    size += parts[parts.length - 1].length;
  }
  const big = parts.join("");
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  const m = await s.page.evaluate(async (big) => {
    const status = document.getElementById("status");
    const waitFor = (cond) =>
      new Promise((resolve) => {
        const check = () => (cond() ? resolve() : setTimeout(check, 5));
        check();
      });
    // The desired side first (pasted), and its diff, outside the measurement.
    const desired = document.getElementById("editor-desired");
    desired.focus();
    const view = schemashiftEditor.viewOf(desired);
    view.dispatch({ selection: { anchor: 0, head: view.state.doc.length } });
    const data = new DataTransfer();
    data.setData("text/plain", big + "CREATE TABLE extra (id int);\n");
    desired.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    let seq = Number(status.dataset.seq || 0);
    await waitFor(() => status.dataset.state !== "pending" && Number(status.dataset.seq || 0) > seq);
    await new Promise((r) => setTimeout(r, 300));

    // Every frame from the drop to the rendered migration; when the read ends (the file name
    // leaves its "reading" state).
    const gaps = [];
    let last = performance.now();
    let running = true;
    const loop = () => {
      const now = performance.now();
      gaps.push([now, now - last]);
      last = now;
      if (running) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    const file = new File([big], "big_dump.sql", { type: "application/sql" });
    const dt = new DataTransfer();
    dt.items.add(file);
    seq = Number(status.dataset.seq || 0);
    const t0 = performance.now();
    document
      .getElementById("editor-current")
      .dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: dt }));
    const tDispatched = performance.now();
    await waitFor(() => document.getElementById("file-current")?.dataset.state === "open");
    // The read itself (drop to the text in hand, the app's figure); the editor then takes the
    // text, which costs what pasting it does.
    const readMs = Number(document.getElementById("file-current").dataset.readMs);
    const tRead = performance.now();
    await waitFor(() => {
      const up = schemashiftEditor.textOf(document.getElementById("output-up"));
      return (
        status.dataset.state !== "pending" && Number(status.dataset.seq || 0) > seq && up.includes("CREATE TABLE extra")
      );
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t1 = performance.now();
    running = false;
    const during = (from, to) => Math.max(0, ...gaps.filter(([at, gap]) => at > from && at - gap < to).map(([, g]) => g));
    return {
      file_bytes: file.size,
      drop_handling_ms: tDispatched - t0,
      read_ms: readMs,
      // Frames drawn before the read finished (the one after it waits for the editor).
      longest_frame_gap_while_reading_ms: Math.max(0, ...gaps.filter(([at]) => at > t0 && at <= t0 + readMs).map(([, g]) => g)),
      frames_while_reading: gaps.filter(([at]) => at > t0 && at <= t0 + readMs).length,
      drop_to_text_in_editor_ms: tRead - t0,
      drop_to_rendered_migration_ms: t1 - t0,
      longest_frame_gap_ms: during(t0, t1),
      frames: gaps.filter(([at]) => at > t0 && at <= t1).length,
      editor_bytes: schemashiftEditor.textOf(document.getElementById("editor-current")).length,
      file_label: document.getElementById("file-current").textContent,
    };
  }, big);
  figures.drop_5mb_file = m;
  for (const [k, v] of Object.entries(m)) t.diagnostic(`${k}: ${typeof v === "number" ? v.toFixed(1) : v}`);
  assert.equal(m.editor_bytes, big.length, "the whole file is in the editor");
  assert.match(m.file_label, /^big_dump\.sql · 5\.0 MB$/);
  await screenshot(s.page, "13-drop-5mb");
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});
