// Verify in the browser (issue 19): the migration run on PGlite (PostgreSQL) and sql.js
// (SQLite) in the verify worker, loaded only on demand, from the page's own origin.
// - SQLite verdicts are compared with the CLI's `schemashift verify --dialect sqlite` on the
//   same inputs (SCHEMASHIFT_CLI); PostgreSQL verdicts are asserted (the CLI needs a server of
//   the user's for PostgreSQL: --database-url), and compared with the CLI on a real
//   PostgreSQL too when there is a scratch server: SCHEMASHIFT_DATABASE_URL, or
//   SCHEMASHIFT_PGHOST (the private cluster of scripts/test.sh, scripts/pg.sh).
// - Nothing leaves the origin; the first page load fetches no engine.
// - Figures (engine bytes fetched, time to verify the tasks example and a 100-table schema)
//   go to the test output and target/web-artifacts/verify.json.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { REPO, ARTIFACTS, useAppServer, openPage, gotoApp, setPair, waitDiff, diffSeq, screenshot } from "./harness.js";

const env = useAppServer();
const figures = {};

after(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, "verify.json"), JSON.stringify(figures, null, 2) + "\n");
});

/** Files of the verify path: none of them may come with the first page load. */
const VERIFY_FILES = /\/(verify\.js|verify\.mjs|engines\/)/;

/** The CLI binary (required: the SQLite verdicts are compared with it). */
function cliBin() {
  const bin = [
    process.env.SCHEMASHIFT_CLI,
    path.join(REPO, "target/debug/schemashift"),
    path.join(REPO, "target/release/schemashift"),
  ]
    .filter(Boolean)
    .find((c) => existsSync(c));
  assert.ok(bin, "set SCHEMASHIFT_CLI to a schemashift binary (the page's verdicts are compared with the CLI's)");
  return bin;
}

/** `schemashift verify --json` on a pair: `{ engine, verified, badge, steps }`. */
function cliVerify(name, current, desired, dialect, extra = []) {
  const dir = path.join(ARTIFACTS, "verify-inputs", name);
  execFileSync("mkdir", ["-p", dir]);
  const a = path.join(dir, "current.sql");
  const b = path.join(dir, "desired.sql");
  execFileSync("sh", ["-c", 'cat > "$0"', a], { input: current });
  execFileSync("sh", ["-c", 'cat > "$0"', b], { input: desired });
  let out;
  try {
    out = execFileSync(cliBin(), ["verify", a, b, "--dialect", dialect, "--json", ...extra], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch (e) {
    // Exit 6: not verified (the report is on stdout all the same).
    if (e.status !== 6) throw e;
    out = e.stdout;
  }
  return JSON.parse(out);
}

/** Choose the dialect and paste both schemas; wait for their diff. */
async function load(page, dialect, current, desired) {
  if ((await page.inputValue("#dialect")) !== dialect) {
    const before = await diffSeq(page);
    await page.selectOption("#dialect", dialect);
    await waitDiff(page, before);
  }
  await setPair(page, current, desired);
}

/** Click Verify, wait for the verdict; the page's report and figures. */
async function verifyOnPage(page, timeout = 600000) {
  // The longest gap between frames while it runs: how long the page would not respond.
  await page.evaluate(() => {
    const m = { longest: 0, last: performance.now(), running: true };
    const loop = () => {
      const now = performance.now();
      m.longest = Math.max(m.longest, now - m.last);
      m.last = now;
      if (m.running) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    window.__verifyFrames = m;
  });
  await page.click("#verify");
  await page.waitForFunction(
    () => ["passed", "failed", "error"].includes(document.querySelector("#verify-status")?.dataset.state),
    null,
    { timeout },
  );
  return page.evaluate(() => {
    const s = document.querySelector("#verify-status");
    window.__verifyFrames.running = false;
    return {
      longestFrameGapMs: window.__verifyFrames.longest,
      state: s.dataset.state,
      status: s.textContent,
      ms: Number(s.dataset.ms),
      loadMs: Number(s.dataset.loadMs),
      badge: document.querySelector("#verify-badge")?.textContent ?? "",
      steps: [...document.querySelectorAll("#verify-steps > li")].map((li) => ({
        name: li.querySelector(".name").textContent,
        status: li.dataset.status,
        details: [...li.querySelectorAll(".details li")].map((d) => d.textContent),
      })),
    };
  });
}

/** The page's verdict equals the CLI's: the same steps with the same results, the same badge
 * but for the engine's name. */
function assertSameVerdict(page, cli) {
  assert.deepEqual(
    page.steps.map((s) => [s.name, s.status]),
    cli.steps.map((s) => [s.name, s.status]),
    "the page's steps and the CLI's",
  );
  const strip = (badge) => badge.replace(/ on [^:]+:/, " on ENGINE:");
  assert.equal(strip(page.badge), strip(cli.badge));
  assert.equal(page.state, cli.verified ? "passed" : "failed");
}

/** The bytes of the responses a page got for URLs matching `re` (engine files). */
function trackBytes(page) {
  const got = [];
  page.on("requestfinished", async (r) => {
    try {
      const sizes = await r.sizes();
      got.push({ url: r.url(), bytes: sizes.responseBodySize });
    } catch {
      // The page closed.
    }
  });
  return got;
}

const DROP_NOTE = ["CREATE TABLE t (id integer PRIMARY KEY, note text);\n", "CREATE TABLE t (id integer PRIMARY KEY);\n"];
const ADD_NOT_NULL = ["CREATE TABLE t (id integer PRIMARY KEY);\n", "CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL);\n"];

/** 100 tables, each with a key to the one before; desired adds a column and an index to each. */
function hundredTables() {
  const name = (i) => `t${String(i).padStart(3, "0")}`;
  let current = "";
  let desired = "";
  for (let i = 0; i < 100; i++) {
    const fk = i > 0 ? `,\n  parent_id integer REFERENCES ${name(i - 1)} (id)` : "";
    current += `CREATE TABLE ${name(i)} (\n  id integer PRIMARY KEY,\n  name varchar(100) NOT NULL,\n  created date${fk}\n);\n`;
    desired += `CREATE TABLE ${name(i)} (\n  id integer PRIMARY KEY,\n  name varchar(100) NOT NULL,\n  created date,\n  note varchar(200) DEFAULT 'x'${fk}\n);\nCREATE INDEX ${name(i)}_name ON ${name(i)} (name);\n`;
  }
  return [current, desired];
}

test("the first page load fetches no part of Verify; PostgreSQL: the tasks example verifies", async (t) => {
  const s = await openPage(env.browser, env.server.url);
  const bytes = trackBytes(s.page);
  await gotoApp(s.page, env.server.url);
  const initial = s.requests();
  assert.deepEqual(initial.filter((u) => VERIFY_FILES.test(u)), [], "the first load fetched part of Verify");
  assert.match(await s.page.textContent("#verify-status"), /PostgreSQL \(PGlite\)/);
  const before = bytes.length;

  const r = await verifyOnPage(s.page);
  assert.equal(r.state, "passed", JSON.stringify(r, null, 2));
  assert.match(r.badge, /^verified on PostgreSQL \d+\.\d+ \(PGlite\): up, down, rows kept$/);
  assert.equal(r.steps.length, 9);
  assert.ok(r.steps.every((st) => st.status === "passed"));
  assert.match(r.steps[2].details[0], /^\d+ rows in \d+ tables$/);
  const engine = bytes.slice(before).filter((b) => /\/engines\/pglite\//.test(b.url));
  const total = engine.reduce((n, b) => n + b.bytes, 0);
  figures.postgres = {
    engine_files: engine.map((b) => [path.basename(new URL(b.url).pathname), b.bytes]),
    engine_bytes: total,
    tasks_example: { load_engine_ms: Math.round(r.loadMs), verify_ms: Math.round(r.ms) },
  };
  t.diagnostic(`PGlite: ${engine.length} files, ${total} bytes; tasks example: ${r.loadMs.toFixed(0)} ms loading, ${r.ms.toFixed(0)} ms verifying`);
  assert.ok(total > 1_000_000, "PGlite's wasm and data were fetched");
  await screenshot(s.page, "verify-01-tasks-postgres");

  // Share carries the badge; the page that opens the link shows it as the link's claim until
  // the schemas change.
  await s.page.click("#share");
  const link = await s.page.inputValue("#share-link");
  const other = await openPage(env.browser, env.server.url);
  await gotoApp(other.page, link);
  assert.equal(await other.page.textContent("#verify-linked"), r.badge);
  assert.match(await other.page.textContent("#verify-status"), /what the link says/);
  await setPair(other.page, "CREATE TABLE a (id int);\n", "CREATE TABLE a (id bigint);\n");
  assert.equal(await other.page.locator("#verify-linked").count(), 0, "the badge went with the link's schemas");
  assert.deepEqual(other.problems(), []);
  await other.context.close();

  // The engine ran in the worker: the page kept drawing frames.
  figures.postgres.tasks_example.longest_frame_gap_ms = Math.round(r.longestFrameGapMs);
  t.diagnostic(`longest gap between frames while verifying: ${r.longestFrameGapMs.toFixed(0)} ms`);
  assert.ok(r.longestFrameGapMs < 1000, `the page froze for ${r.longestFrameGapMs} ms`);
  assert.deepEqual(s.problems(), [], "page errors, console errors or foreign requests");
  await s.context.close();
});

test("PostgreSQL: a DOWN that loses a column's data, an UP that fails on seeded rows, 100 tables", async (t) => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);

  await load(s.page, "postgres", ...DROP_NOTE);
  let r = await verifyOnPage(s.page);
  assert.equal(r.state, "failed");
  assert.deepEqual(
    r.steps.map((st) => st.status),
    ["passed", "passed", "passed", "passed", "passed", "passed", "passed", "passed", "failed"],
  );
  assert.match(r.steps[8].details.join("\n"), /table t, column note: value '.*' of row 1 became NULL/);
  assert.match(r.badge, /^not verified on PostgreSQL .* \(PGlite\): rows kept after DOWN failed$/);
  await screenshot(s.page, "verify-02-down-loses-data-postgres");

  await load(s.page, "postgres", ...ADD_NOT_NULL);
  r = await verifyOnPage(s.page);
  assert.equal(r.loadMs, 0, "the engine stays loaded for the next Verify");
  assert.equal(r.state, "failed");
  assert.equal(r.steps[3].name, "apply UP");
  assert.equal(r.steps[3].status, "failed");
  assert.match(r.steps[3].details[0], /statement 1 of 1 fails: ERROR: column "name" of relation "t" contains null values/);
  assert.ok(r.steps.slice(4).every((st) => st.status === "skipped"));
  await screenshot(s.page, "verify-03-up-fails-postgres");

  const [current, desired] = hundredTables();
  await load(s.page, "postgres", current, desired);
  r = await verifyOnPage(s.page);
  assert.equal(r.state, "passed", JSON.stringify(r.steps, null, 2));
  assert.match(r.steps[2].details[0], /^200 rows in 100 tables$/);
  figures.postgres_100_tables = { verify_ms: Math.round(r.ms) };
  t.diagnostic(`PostgreSQL, 100 tables: ${r.ms.toFixed(0)} ms verifying`);

  // A scratch server: SCHEMASHIFT_DATABASE_URL, or the private cluster scripts/test.sh starts.
  const pghost = process.env.SCHEMASHIFT_PGHOST;
  const url = process.env.SCHEMASHIFT_DATABASE_URL || (pghost && `host=${pghost} user=postgres dbname=postgres`);
  if (url) {
    // The same pairs on a real PostgreSQL server through the CLI.
    const tasks = await Promise.all(
      ["current.sql", "desired.sql"].map((f) => readFile(path.join(REPO, "examples/tasks", f), "utf8")),
    );
    const pairs = { tasks, drop_note: DROP_NOTE, add_not_null: ADD_NOT_NULL, hundred_tables: [current, desired] };
    for (const [name, pair] of Object.entries(pairs)) {
      await load(s.page, "postgres", ...pair);
      const cli = cliVerify(`pg-${name}`, ...pair, "postgres", ["--database-url", url]);
      assertSameVerdict(await verifyOnPage(s.page), cli);
      t.diagnostic(`${name}: the page and the CLI on ${cli.engine} agree: ${cli.verified ? "verified" : cli.badge}`);
    }
  }
  assert.deepEqual(s.problems(), [], "page errors, console errors or foreign requests");
  await s.context.close();
});

test("SQLite: the page's verdicts are the CLI's", async (t) => {
  const s = await openPage(env.browser, env.server.url);
  const bytes = trackBytes(s.page);
  await gotoApp(s.page, env.server.url);
  const [hCurrent, hDesired] = hundredTables();
  const cases = {
    rebuild: [
      "CREATE TABLE item (\n  id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  price REAL\n);\n",
      "CREATE TABLE item (\n  id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  price NUMERIC NOT NULL DEFAULT 0\n);\nCREATE INDEX item_name ON item (name);\n",
    ],
    drop_note: DROP_NOTE,
    add_not_null: ADD_NOT_NULL,
    hundred_tables: [hCurrent, hDesired],
  };
  const verdicts = {};
  for (const [name, [current, desired]] of Object.entries(cases)) {
    await load(s.page, "sqlite", current, desired);
    const r = await verifyOnPage(s.page);
    const cli = cliVerify(`sqlite-${name}`, current, desired, "sqlite");
    assertSameVerdict(r, cli);
    verdicts[name] = r;
    if (name === "hundred_tables") {
      figures.sqlite_100_tables = { verify_ms: Math.round(r.ms) };
      t.diagnostic(`SQLite, 100 tables: ${r.ms.toFixed(0)} ms verifying`);
    }
    if (name === "rebuild") {
      const engine = bytes.filter((b) => /\/engines\/sqljs\//.test(b.url));
      const total = engine.reduce((n, b) => n + b.bytes, 0);
      figures.sqlite = {
        engine_files: engine.map((b) => [path.basename(new URL(b.url).pathname), b.bytes]),
        engine_bytes: total,
        first_verify: { load_engine_ms: Math.round(r.loadMs), verify_ms: Math.round(r.ms) },
      };
      t.diagnostic(`sql.js: ${engine.length} files, ${total} bytes; ${r.loadMs.toFixed(0)} ms loading, ${r.ms.toFixed(0)} ms verifying`);
      await screenshot(s.page, "verify-04-rebuild-sqlite");
    }
  }
  assert.equal(verdicts.rebuild.state, "passed");
  assert.match(verdicts.rebuild.badge, /^verified on SQLite \d+\.\d+\.\d+ \(sql\.js\): up, down, rows kept$/);
  assert.equal(verdicts.drop_note.state, "failed");
  assert.equal(verdicts.drop_note.steps[8].status, "failed");
  assert.match(verdicts.drop_note.steps[8].details.join("\n"), /column note/);
  assert.equal(verdicts.add_not_null.state, "failed");
  assert.equal(verdicts.hundred_tables.state, "passed");
  assert.deepEqual(s.problems(), [], "page errors, console errors or foreign requests");
  await s.context.close();
});

test("MySQL and MariaDB: Verify says it is not available; models input and errors disable it", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  for (const [dialect, label] of [
    ["mysql", "MySQL"],
    ["mariadb", "MariaDB"],
  ]) {
    await load(s.page, dialect, "CREATE TABLE t (id int PRIMARY KEY);\n", "CREATE TABLE t (id int PRIMARY KEY, n int);\n");
    assert.equal(await s.page.isDisabled("#verify"), true);
    assert.equal(await s.page.getAttribute("#verify-status", "data-state"), "unavailable");
    assert.match(await s.page.textContent("#verify-status"), new RegExp(`not available for ${label}`));
  }
  await load(s.page, "postgres", "CREATE TABLE (\n", "CREATE TABLE t (id int);\n");
  assert.equal(await s.page.isDisabled("#verify"), true);
  assert.match(await s.page.textContent("#verify-status"), /Fix the schemas' errors/);
  assert.deepEqual(
    s.requests().filter((u) => VERIFY_FILES.test(u)),
    [],
    "nothing of Verify was fetched without a click",
  );
  assert.deepEqual(s.problems(), [], "page errors, console errors or foreign requests");
  await s.context.close();
});
