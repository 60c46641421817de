// Shared setup for the end-to-end tests: a tiny static server for web/dist on 127.0.0.1 (free
// port), headless Debian Chromium through playwright-core, and a page wrapper that records
// every page error, console error and request leaving the served origin.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { serveDir } from "../server.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, "../../..");
export const DIST = path.resolve(process.env.SCHEMASHIFT_DIST || path.join(REPO, "web/dist"));
export const ARTIFACTS = path.resolve(
  process.env.SCHEMASHIFT_E2E_ARTIFACTS || path.join(REPO, "target/web-artifacts"),
);
export const SHARED = path.resolve(process.env.SCHEMASHIFT_SHARED || path.join(REPO, "../shared"));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

/** Serve DIST on a free port; resolves to { url, close }. */
export function serveDist() {
  return serveDir(DIST, 0);
}

/**
 * Serve DIST and launch Chromium before the calling file's tests, close both after them. The
 * returned object gets `server` and `browser` once the tests start.
 */
export function useAppServer() {
  const env = {};
  before(async () => {
    env.server = await serveDist();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * A fresh context and page that record problems. `problems()` lists page errors, console
 * errors and requests that left `origin` (blob: and data: URLs the page makes itself are fine).
 */
export async function openPage(browser, origin, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  context.on("request", (r) => {
    const u = r.url();
    requests.push(u);
    if (!(u.startsWith(origin) || u.startsWith("blob:") || u.startsWith("data:"))) {
      problems.push(`request outside the origin: ${u}`);
    }
  });
  return { context, page, problems: () => problems.slice(), requests: () => requests.slice() };
}

/** Open the app and wait until the first diff is on screen. */
export async function gotoApp(page, url) {
  await page.goto(url);
  await page.waitForSelector("#editor-current");
  await waitDiff(page, 0);
}

/** The number of finished diffs (the status element's data-seq). */
export async function diffSeq(page) {
  const s = await page.getAttribute("#status", "data-seq");
  return s ? Number(s) : 0;
}

/** Wait until a diff newer than `after` finished. */
export async function waitDiff(page, after, timeout = 30000) {
  await page.waitForFunction(
    (after) => {
      const s = document.querySelector("#status");
      return s && s.dataset.state !== "pending" && Number(s.dataset.seq || 0) > after;
    },
    after,
    { timeout },
  );
}

/**
 * The whole text of an editor (CodeMirror; `id` is its content element's). Waits for the
 * editor as `inputValue` waited for a textarea; the text comes from the editor's state, not
 * the DOM (only the lines in view are rendered).
 */
export async function editorText(page, id) {
  await page.waitForSelector(`#${id}`);
  return page.evaluate((id) => schemashiftEditor.textOf(document.getElementById(id)), id);
}

/**
 * Replace an editor's text the way a paste does: select all, then a `paste` event carrying
 * the text, which CodeMirror's own paste handler inserts (one user edit).
 */
export async function setEditor(page, id, text) {
  await setEditors(page, [[id, text]]);
}

/** Paste into several editors at once: one task, so the app diffs once, after the last. */
async function setEditors(page, edits) {
  await page.evaluate((edits) => {
    for (const [id, text] of edits) {
      const el = document.getElementById(id);
      el.focus();
      const view = schemashiftEditor.viewOf(el);
      view.dispatch({ selection: { anchor: 0, head: view.state.doc.length } });
      const data = new DataTransfer();
      data.setData("text/plain", text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }
  }, edits);
}

/** Paste into both editors (a paste diffs at once, without the debounce) and wait for the
 * diff of the pair. */
export async function setPair(page, current, desired) {
  const before = await diffSeq(page);
  await setEditors(page, [
    ["editor-current", current],
    ["editor-desired", desired],
  ]);
  await waitDiff(page, before);
}

export async function selectTab(page, id) {
  await page.click(`#tab-${id}`);
  await page.waitForSelector(`#panel-${id}`);
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
