// Files in and out: open a schema file with each editor's Open button (the file picker) or drop
// one onto the editor; the file's name shows next to it and the diff follows. Download keeps
// Alembic's `<rev>_<slug>.py` name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import {
  useAppServer,
  openPage,
  gotoApp,
  diffSeq,
  waitDiff,
  selectTab,
  screenshot,
  editorText,
} from "./harness.js";

const env = useAppServer();

const CURRENT = "-- current.sql ✓\nCREATE TABLE account (id integer PRIMARY KEY);\n";
const DESIRED =
  "CREATE TABLE account (\n  id integer PRIMARY KEY,\n  email text NOT NULL DEFAULT ''\n);\nCREATE INDEX account_email ON account (email);\n";
const UP = "ALTER TABLE account ADD COLUMN email text DEFAULT '' NOT NULL;\nCREATE INDEX account_email ON account (email);\n";

/** Wait until the editor of `side` holds a file named `name` that has been read. */
async function waitOpened(page, side, name) {
  await page.waitForFunction(
    ({ side, name }) => {
      const el = document.getElementById(`file-${side}`);
      return el && el.dataset.state === "open" && el.querySelector(".name").textContent === name;
    },
    { side, name },
  );
}

/** Drop a file with `text` onto `selector`, as a drag from the file manager does. */
async function dropFile(page, selector, name, text) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: "application/sql" }));
      return dt;
    },
    { name, text },
  );
  await page.dispatchEvent(selector, "dragenter", { dataTransfer });
  await page.dispatchEvent(selector, "dragover", { dataTransfer });
  await page.dispatchEvent(selector, "drop", { dataTransfer });
  await dataTransfer.dispose();
}

test("Open reads a .sql file into each editor; the names show and the diff follows", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  // Nothing opened yet: no file names.
  assert.equal(await s.page.locator(".file-name").count(), 0);
  const seq = await diffSeq(s.page);
  await s.page.setInputFiles("#open-current", {
    name: "current.sql",
    mimeType: "application/sql",
    buffer: Buffer.from(CURRENT),
  });
  await waitOpened(s.page, "current", "current.sql");
  await s.page.setInputFiles("#open-desired", {
    name: "desired.sql",
    mimeType: "application/sql",
    buffer: Buffer.from(DESIRED),
  });
  await waitOpened(s.page, "desired", "desired.sql");
  assert.equal(await editorText(s.page, "editor-current"), CURRENT, "UTF-8 read as text");
  assert.equal(await editorText(s.page, "editor-desired"), DESIRED);
  assert.match(await s.page.textContent("#file-current"), /^current\.sql · \d+ B$/);
  assert.match(await s.page.textContent("#toast"), /Opened desired\.sql/);
  await waitDiff(s.page, seq);
  await s.page.waitForFunction((up) => schemashiftEditor.textOf(document.getElementById("output-up")) === up, UP);
  await screenshot(s.page, "11-files-opened");

  // Typing into an opened file marks it edited; loading an example forgets the file.
  await s.page.focus("#editor-desired");
  await s.page.keyboard.press("Control+End");
  await s.page.keyboard.type("-- more\n");
  await s.page.waitForSelector('#file-desired[data-state="edited"]');
  assert.match(await s.page.textContent("#file-desired"), /edited/);
  assert.equal(await s.page.getAttribute("#file-current", "data-state"), "open");
  const before = await diffSeq(s.page);
  await s.page.selectOption("#examples", "tasks");
  await waitDiff(s.page, before);
  assert.equal(await s.page.locator(".file-name").count(), 0);
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});

test("dropping a file onto each editor opens it there; Download keeps Alembic's file name", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  const seq = await diffSeq(s.page);
  // A drag carrying files is accepted (the pane is highlighted), and the drop opens the file.
  const dt = await s.page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(["x"], "x.sql"));
    return d;
  });
  await s.page.dispatchEvent("#editor-current", "dragover", { dataTransfer: dt });
  assert.equal(await s.page.locator(".pane.dragover").count(), 1);
  await s.page.dispatchEvent("#editor-current", "dragleave", { dataTransfer: dt });
  assert.equal(await s.page.locator(".pane.dragover").count(), 0);

  await dropFile(s.page, "#editor-current", "before.sql", CURRENT);
  await waitOpened(s.page, "current", "before.sql");
  await dropFile(s.page, "#editor-desired", "after.sql", DESIRED);
  await waitOpened(s.page, "desired", "after.sql");
  assert.equal(await editorText(s.page, "editor-current"), CURRENT);
  assert.equal(await editorText(s.page, "editor-desired"), DESIRED);
  assert.equal(await s.page.locator(".pane.dragover").count(), 0);
  await waitDiff(s.page, seq);
  await s.page.waitForFunction((up) => schemashiftEditor.textOf(document.getElementById("output-up")) === up, UP);
  // The page is still the app (a dropped file must not replace it).
  assert.equal(new URL(s.page.url()).pathname, "/");

  // A file dropped beside the editors changes nothing (and does not navigate away).
  await dropFile(s.page, "footer", "stray.sql", "CREATE TABLE stray (id int);\n");
  assert.equal(await editorText(s.page, "editor-current"), CURRENT);
  assert.equal(new URL(s.page.url()).pathname, "/");

  await selectTab(s.page, "alembic");
  await s.page.fill("#alembic-message", "Add email to account");
  await s.page.fill("#alembic-revision", "1a2b3c4d5e6f");
  await s.page.waitForFunction(() =>
    schemashiftEditor.textOf(document.getElementById("output-alembic")).includes("Revision ID: 1a2b3c4d5e6f"),
  );
  const [py] = await Promise.all([s.page.waitForEvent("download"), s.page.click("#download")]);
  assert.equal(py.suggestedFilename(), "1a2b3c4d5e6f_add_email_to_account.py");
  const body = await readFile(await py.path(), "utf8");
  assert.match(body, /op\.add_column\('account', sa\.Column\('email'/);
  await screenshot(s.page, "12-files-dropped");
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});
