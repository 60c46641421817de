// models.py input in the page: each editor switches between SQL and "models.py" (SQLModel /
// SQLAlchemy files as tabs); .py files opened or dropped, a folder picked or dropped, and the
// models example all become a models side, and the migration equals the native CLI's for the
// same files (`schemashift diff current.sql <models>`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
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
  screenshot,
  editorText,
} from "./harness.js";

const env = useAppServer();

const ACCOUNT_SQL = "CREATE TABLE account (\n\tid SERIAL NOT NULL,\n\tPRIMARY KEY (id)\n);\n";
const ACCOUNT_PY = `from typing import Optional

from sqlmodel import Field, SQLModel


class Account(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(max_length=255, unique=True)
    nickname: Optional[str] = Field(default=None, index=True)
`;

const TAGS_PY = `from typing import Optional

from sqlmodel import Field, SQLModel


class Tag(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    label: str
`;

// A package: relative and absolute imports between modules, an __init__.py that re-exports,
// and files a folder pick must leave out (not .py, caches, a virtualenv).
const SHOP = {
  "shop/__init__.py": "",
  "shop/enums.py": 'import enum\n\n\nclass Size(str, enum.Enum):\n    small = "small"\n    large = "large"\n',
  "shop/models/__init__.py": "from .product import Product\nfrom .order import Order\n",
  "shop/models/product.py":
    "from typing import Optional\n\nfrom sqlmodel import Field, SQLModel\n\nfrom ..enums import Size\n\n\n" +
    "class Product(SQLModel, table=True):\n    id: Optional[int] = Field(default=None, primary_key=True)\n" +
    "    name: str = Field(index=True, max_length=80)\n    size: Size = Size.small\n",
  "shop/models/order.py":
    "from typing import Optional\n\nfrom sqlmodel import Field, SQLModel\n\nfrom shop.models.product import Product\n\n\n" +
    "class Order(SQLModel, table=True):\n    __tablename__ = \"orders\"\n" +
    "    id: Optional[int] = Field(default=None, primary_key=True)\n" +
    "    product_id: int = Field(foreign_key=\"product.id\", ondelete=\"CASCADE\")\n    quantity: int = 1\n",
  "shop/README.md": "# not a module\n",
  "shop/__pycache__/product.cpython-312.py": "raise SystemExit('never read')\n",
  "shop/.venv/lib/site.py": "raise SystemExit('never read')\n",
};
const SHOP_READ = ["shop/enums.py", "shop/models/order.py", "shop/models/product.py", "shop/__init__.py", "shop/models/__init__.py"];
const SHOP_CURRENT = "CREATE TABLE product (\n\tid SERIAL NOT NULL,\n\tname VARCHAR(80) NOT NULL,\n\tPRIMARY KEY (id)\n);\n";

function cliBin() {
  return [
    process.env.SCHEMASHIFT_CLI,
    path.join(REPO, "target/debug/schemashift"),
    path.join(REPO, "target/release/schemashift"),
  ]
    .filter(Boolean)
    .find((c) => existsSync(c));
}

/** Write `files` (path -> text) under a fresh temp folder; resolves to the folder. */
async function writeTree(files) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "schemashift-e2e-"));
  for (const [p, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, p)), { recursive: true });
    await writeFile(path.join(dir, p), text);
  }
  return dir;
}

/** The native CLI's UP script for a SQL current side and a models path under `dir`. */
async function cliUp(currentSql, dir, modelsPath) {
  const bin = cliBin();
  if (!bin) return null;
  await writeFile(path.join(dir, "current.sql"), currentSql);
  return execFileSync(bin, ["diff", "current.sql", modelsPath], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
}

/** The models tabs of a side: their paths, and which one is shown. */
async function tabs(page, side) {
  return page.$$eval(`#models-${side} .tab-name`, (bs) => ({
    paths: bs.map((b) => b.dataset.path),
    active: bs.findIndex((b) => b.getAttribute("aria-selected") === "true"),
  }));
}

async function waitTabs(page, side, paths) {
  await page.waitForFunction(
    ({ side, paths }) =>
      JSON.stringify([...document.querySelectorAll(`#models-${side} .tab-name`)].map((b) => b.dataset.path)) ===
      JSON.stringify(paths),
    { side, paths },
  );
}

/**
 * Wait (up to 10 s) until the page shows what `pred` checks, without failing: the assertions
 * that follow then say what differs. A page's signals reach the DOM and the editor in one
 * effect pass, but nothing promises that a selector one of them matched is the last to land.
 */
async function settle(page, pred, arg) {
  await page.waitForFunction(pred, arg, { timeout: 10000 }).catch(() => {});
}

async function waitUp(page, pred, arg) {
  await page.waitForFunction(pred, arg, { timeout: 30000 });
  return editorText(page, "output-up");
}

test("models.py mode: an editor switches to models, reads them, and keeps each mode's text", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  assert.equal(await s.page.getAttribute("#mode-desired-sql", "aria-pressed"), "true");
  assert.equal(await s.page.locator("#models-desired").count(), 0);
  let seq = await diffSeq(s.page);
  await setEditor(s.page, "editor-current", ACCOUNT_SQL);
  await waitDiff(s.page, seq);
  const sqlBefore = await editorText(s.page, "editor-desired");

  await s.page.click("#mode-desired-models");
  assert.equal(await s.page.getAttribute("#mode-desired-models", "aria-pressed"), "true");
  await waitTabs(s.page, "desired", ["models.py"]);
  assert.match(await editorText(s.page, "editor-desired"), /from sqlmodel import Field, SQLModel/);
  seq = await diffSeq(s.page);
  await setEditor(s.page, "editor-desired", ACCOUNT_PY);
  await waitDiff(s.page, seq);
  const up = await editorText(s.page, "output-up");
  assert.match(up, /ALTER TABLE account ADD COLUMN email character varying\(255\) NOT NULL/);
  assert.match(up, /CREATE INDEX ix_account_nickname ON account \(nickname\)/);
  const dir = await writeTree({ "models.py": ACCOUNT_PY });
  const cli = await cliUp(ACCOUNT_SQL, dir, "models.py");
  if (cli !== null) assert.equal(up, cli, "the page's migration equals the CLI's for the same models.py");
  await rm(dir, { recursive: true, force: true });
  await screenshot(s.page, "13-models-mode");

  // A problem in a models file is listed with its file and marked in the editor.
  seq = await diffSeq(s.page);
  await setEditor(s.page, "editor-desired", ACCOUNT_PY + "\nclass Broken(SQLModel, table=True)\n    id: int\n");
  await waitDiff(s.page, seq);
  const diag = await s.page.textContent("#diagnostics-desired");
  assert.match(diag, /models\.py:1[12]:\d+/);
  await s.page.waitForSelector(".pane:has(#editor-desired) .gl.err");
  seq = await diffSeq(s.page);
  await setEditor(s.page, "editor-desired", ACCOUNT_PY);
  await waitDiff(s.page, seq);

  // Back to SQL: the SQL the editor had is back; and the models are still there to return to.
  await s.page.click("#mode-desired-sql");
  assert.equal(await editorText(s.page, "editor-desired"), sqlBefore);
  assert.equal(await s.page.locator("#models-desired").count(), 0);
  await s.page.click("#mode-desired-models");
  assert.equal(await editorText(s.page, "editor-desired"), ACCOUNT_PY);
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});

test("the models example: files as tabs, an edit in one file re-diffs, Share and reload keep them", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  let seq = await diffSeq(s.page);
  await s.page.selectOption("#examples", "sqlmodel-models");
  await waitDiff(s.page, seq);
  assert.equal(await s.page.getAttribute("#mode-desired-models", "aria-pressed"), "true");
  assert.equal(await s.page.getAttribute("#mode-current-sql", "aria-pressed"), "true");
  assert.deepEqual(await tabs(s.page, "desired"), { paths: ["app/models.py", "app/enums.py"], active: 0 });
  assert.match(await editorText(s.page, "editor-desired"), /class Task\(SQLModel, table=True\)/);
  const up = await editorText(s.page, "output-up");
  assert.match(up, /CREATE TYPE priority AS ENUM \('low', 'normal', 'high'\)/);
  assert.match(up, /ON DELETE CASCADE/);
  const ex = path.join(REPO, "examples/sqlmodel_tasks");
  const bin = cliBin();
  if (bin) {
    const cli = execFileSync(bin, ["diff", "current.sql", "app/"], { cwd: ex, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    assert.equal(up, cli, "the page's migration equals the CLI's for examples/sqlmodel_tasks");
  }
  await screenshot(s.page, "14-models-example");

  // The enum lives in the second file: edit it there.
  await s.page.click('#models-desired .tab-name[data-path="app/enums.py"]');
  assert.match(await editorText(s.page, "editor-desired"), /class Priority/);
  assert.equal((await tabs(s.page, "desired")).active, 1);
  seq = await diffSeq(s.page);
  await s.page.focus("#editor-desired");
  await s.page.keyboard.press("Control+End");
  await s.page.keyboard.type('    urgent = "urgent"\n');
  await waitDiff(s.page, seq);
  await waitUp(s.page, () => schemashiftEditor.textOf(document.getElementById("output-up")).includes("'urgent'"));
  // The other file kept its text.
  await s.page.click('#models-desired .tab-name[data-path="app/models.py"]');
  assert.match(await editorText(s.page, "editor-desired"), /class Task/);

  // Share: a fresh page opens the same models side.
  await s.page.click("#share");
  await s.page.waitForSelector("#share-link");
  const link = await s.page.inputValue("#share-link");
  const t = await openPage(env.browser, env.server.url);
  await gotoApp(t.page, link);
  assert.deepEqual((await tabs(t.page, "desired")).paths, ["app/models.py", "app/enums.py"]);
  await t.page.click('#models-desired .tab-name[data-path="app/enums.py"]');
  assert.match(await editorText(t.page, "editor-desired"), /urgent = "urgent"/);
  assert.match(await editorText(t.page, "output-up"), /'urgent'/);
  assert.deepEqual(t.problems(), []);
  await t.context.close();

  // The autosave keeps them over a reload.
  await s.page.waitForTimeout(1500);
  await s.page.goto(env.server.url);
  await s.page.waitForSelector("#editor-current");
  await waitDiff(s.page, 0);
  assert.deepEqual((await tabs(s.page, "desired")).paths, ["app/models.py", "app/enums.py"]);
  assert.match(await editorText(s.page, "output-up"), /'urgent'/);
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});

test("Open: a models.py file opens as models; a .sql file brings the editor back to SQL", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  let seq = await diffSeq(s.page);
  await s.page.setInputFiles("#open-current", {
    name: "schema.sql",
    mimeType: "application/sql",
    buffer: Buffer.from(ACCOUNT_SQL),
  });
  await s.page.waitForSelector('#file-current[data-state="open"]');
  await s.page.setInputFiles("#open-desired", {
    name: "models.py",
    mimeType: "text/x-python",
    buffer: Buffer.from(ACCOUNT_PY),
  });
  await waitTabs(s.page, "desired", ["models.py"]);
  await settle(
    s.page,
    (py) =>
      document.querySelector("#mode-desired-models")?.getAttribute("aria-pressed") === "true" &&
      schemashiftEditor.textOf(document.getElementById("editor-desired")) === py &&
      /Opened models\.py/.test(document.querySelector("#toast")?.textContent || ""),
    ACCOUNT_PY,
  );
  assert.equal(await s.page.getAttribute("#mode-desired-models", "aria-pressed"), "true");
  assert.equal(await editorText(s.page, "editor-desired"), ACCOUNT_PY);
  assert.match(await s.page.textContent("#toast"), /Opened models\.py/);
  // The diff of schema.sql against the page's sample (which has an email column too) can land
  // after the models file opened: wait for the migration to the models, not for any "email".
  const up = await waitUp(s.page, () =>
    /ADD COLUMN email /.test(schemashiftEditor.textOf(document.getElementById("output-up")) || ""),
  );
  assert.match(up, /ADD COLUMN email character varying\(255\) NOT NULL/);
  await waitDiff(s.page, seq);
  // Another loose .py file joins the side's models as a second tab, and is shown.
  await s.page.setInputFiles("#open-desired", {
    name: "tags.py",
    mimeType: "text/x-python",
    buffer: Buffer.from(TAGS_PY),
  });
  await waitTabs(s.page, "desired", ["models.py", "tags.py"]);
  await settle(
    s.page,
    (py) =>
      document.querySelectorAll('#models-desired .tab-name[aria-selected="true"]')[0]?.dataset.path === "tags.py" &&
      schemashiftEditor.textOf(document.getElementById("editor-desired")) === py,
    TAGS_PY,
  );
  assert.equal((await tabs(s.page, "desired")).active, 1);
  assert.equal(await editorText(s.page, "editor-desired"), TAGS_PY);
  await waitUp(s.page, () => schemashiftEditor.textOf(document.getElementById("output-up")).includes("CREATE TABLE tag"));

  // Models on both sides: the previous models as the current side (both files dropped).
  seq = await diffSeq(s.page);
  const old = ACCOUNT_PY.replace("    nickname: Optional[str] = Field(default=None, index=True)\n", "");
  await dropFiles(s.page, "#editor-current", [["models.py", old]]);
  await waitTabs(s.page, "current", ["models.py"]);
  await waitUp(s.page, () => {
    const up = schemashiftEditor.textOf(document.getElementById("output-up")) || "";
    return up.includes("nickname") && !up.includes("email");
  });

  // A .sql file opened onto a models side shows it as SQL.
  await s.page.setInputFiles("#open-desired", {
    name: "desired.sql",
    mimeType: "application/sql",
    buffer: Buffer.from(ACCOUNT_SQL),
  });
  await s.page.waitForSelector('#file-desired[data-state="open"]');
  await settle(
    s.page,
    (sql) =>
      document.querySelector("#mode-desired-sql")?.getAttribute("aria-pressed") === "true" &&
      schemashiftEditor.textOf(document.getElementById("editor-desired")) === sql,
    ACCOUNT_SQL,
  );
  assert.equal(await s.page.getAttribute("#mode-desired-sql", "aria-pressed"), "true");
  assert.equal(await editorText(s.page, "editor-desired"), ACCOUNT_SQL);
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});

test("Folder…: a package of .py modules opens as the models side, imports between them resolved", async () => {
  const dir = await writeTree(SHOP);
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  await setEditor(s.page, "editor-current", SHOP_CURRENT);
  const seq = await diffSeq(s.page);
  await s.page.setInputFiles("#open-folder-desired", path.join(dir, "shop"));
  await waitTabs(s.page, "desired", SHOP_READ);
  await waitDiff(s.page, seq);
  const up = await waitUp(s.page, () => schemashiftEditor.textOf(document.getElementById("output-up")).includes("orders"));
  assert.match(up, /CREATE TYPE size AS ENUM \('small', 'large'\)/);
  assert.match(up, /CREATE TABLE orders/);
  assert.match(up, /REFERENCES product \(id\) ON DELETE CASCADE/);
  assert.doesNotMatch(await s.page.textContent("#toast"), /could not/i);
  const cli = await cliUp(SHOP_CURRENT, dir, "shop/");
  if (cli !== null) assert.equal(up, cli, "the page's migration equals the CLI's for the same folder");
  await screenshot(s.page, "15-models-folder");

  // A problem in another file: the list names the file, and a click shows that file with the
  // cursor on the line.
  await s.page.click('#models-desired .tab-name[data-path="shop/enums.py"]');
  const before = await diffSeq(s.page);
  await setEditor(s.page, "editor-desired", SHOP["shop/enums.py"] + "\n\nclass Broken(\n");
  await waitDiff(s.page, before);
  await s.page.click('#models-desired .tab-name[data-path="shop/models/product.py"]');
  const item = s.page.locator("#diagnostics-desired button.diag").first();
  assert.match(await item.textContent(), /shop\/enums\.py:\d+:\d+/);
  const line = Number(await item.getAttribute("data-line"));
  await item.click();
  await s.page.waitForFunction(
    () => document.querySelector('#models-desired .tab-name[aria-selected="true"]')?.dataset.path === "shop/enums.py",
  );
  await s.page.waitForFunction((line) => {
    const ta = document.getElementById("editor-desired");
    const text = schemashiftEditor.textOf(ta);
    return document.activeElement === ta && text.slice(0, schemashiftEditor.selectionOf(ta).start).split("\n").length === line;
  }, line);
  assert.match(await editorText(s.page, "editor-desired"), /class Broken\(/);
  assert.deepEqual(s.problems(), []);
  await s.context.close();
  await rm(dir, { recursive: true, force: true });
});

test("dropping a folder onto an editor reads its .py modules as the models side", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  await setEditor(s.page, "editor-current", SHOP_CURRENT);
  const seq = await diffSeq(s.page);
  await dropFolder(s.page, "#editor-desired", SHOP);
  await waitTabs(s.page, "desired", SHOP_READ);
  await waitDiff(s.page, seq);
  const up = await waitUp(s.page, () => schemashiftEditor.textOf(document.getElementById("output-up")).includes("orders"));
  assert.match(up, /CREATE TYPE size AS ENUM/);
  assert.match(up, /ALTER TABLE product ADD COLUMN size size NOT NULL/);
  assert.match(await s.page.textContent("#toast"), /Opened 5 models files/);
  // Closing a tab takes that file out of the models.
  const before = await diffSeq(s.page);
  await s.page.click('#models-desired .tab-close[aria-label="Close shop/models/order.py"]');
  await waitDiff(s.page, before);
  assert.ok(!(await tabs(s.page, "desired")).paths.includes("shop/models/order.py"));
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});

/** Drop files (`[name, text]`) onto `selector`, as a drag from the file manager does. */
async function dropFiles(page, selector, files) {
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name));
    return dt;
  }, files);
  await page.dispatchEvent(selector, "dragover", { dataTransfer });
  await page.dispatchEvent(selector, "drop", { dataTransfer });
  await dataTransfer.dispose();
}

/**
 * Drop a folder (path -> text, all under one top folder) onto `selector`. Automation cannot
 * drag a real folder from the OS, so the drop's DataTransfer hands out the folder through the
 * same entry API Chromium gives a dropped folder (`webkitGetAsEntry`, `createReader`,
 * `readEntries` in batches, `file()`), over real File objects.
 */
async function dropFolder(page, selector, files) {
  await page.evaluate(
    ({ selector, files }) => {
      const root = { name: "", children: new Map() };
      for (const [p, text] of Object.entries(files)) {
        const parts = p.split("/");
        let node = root;
        parts.slice(0, -1).forEach((d) => {
          if (!node.children.has(d)) node.children.set(d, { name: d, children: new Map() });
          node = node.children.get(d);
        });
        node.children.set(parts.at(-1), { name: parts.at(-1), file: new File([text], parts.at(-1)) });
      }
      const entry = (node, parent) => {
        const fullPath = `${parent}/${node.name}`;
        if (node.file) {
          return { isFile: true, isDirectory: false, name: node.name, fullPath, file: (ok) => setTimeout(() => ok(node.file), 1) };
        }
        return {
          isFile: false,
          isDirectory: true,
          name: node.name,
          fullPath,
          createReader() {
            // Two entries per batch, then an empty batch, as readEntries hands them out.
            const all = [...node.children.values()].map((c) => entry(c, fullPath));
            let at = 0;
            return {
              readEntries(ok) {
                const batch = all.slice(at, at + 2);
                at += 2;
                setTimeout(() => ok(batch), 1);
              },
            };
          },
        };
      };
      const top = [...root.children.values()][0];
      const items = [{ kind: "file", type: "", webkitGetAsEntry: () => entry(top, ""), getAsFile: () => null }];
      const dt = { types: ["Files"], items, files: [], dropEffect: "copy" };
      const target = document.querySelector(selector);
      for (const type of ["dragover", "drop"]) {
        const ev = new DragEvent(type, { bubbles: true, cancelable: true });
        Object.defineProperty(ev, "dataTransfer", { value: dt });
        target.dispatchEvent(ev);
      }
    },
    { selector, files },
  );
}
