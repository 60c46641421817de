// "Review a revision" mode: Alembic revision files (a versions folder picked, loose files
// dropped, the example history, a pasted revision) reviewed in the page. Each revision's verdict
// (does downgrade() undo upgrade()?) and the SQL of both functions must equal the native CLI's
// `schemashift review <versions> --json` for the same files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPO, useAppServer, openPage, gotoApp, setEditor, editorText, screenshot } from "./harness.js";

const env = useAppServer();

const VERSIONS = path.join(REPO, "examples/alembic_shop/versions");
const IDS = ["1a2b3c4d5e6f", "2b3c4d5e6f7a", "3c4d5e6f7a8b", "4d5e6f7a8b9c"];

function cliBin() {
  return [
    process.env.SCHEMASHIFT_CLI,
    path.join(REPO, "target/debug/schemashift"),
    path.join(REPO, "target/release/schemashift"),
  ]
    .filter(Boolean)
    .find((c) => existsSync(c));
}

/**
 * The native CLI's review of the shop history, by revision id (it exits 5 when a downgrade does
 * not undo its upgrade).
 */
function cliReview(dialect, versions = VERSIONS, extra = []) {
  const bin = cliBin();
  assert.ok(bin, "the native CLI (SCHEMASHIFT_CLI) is needed to compare the review with");
  const r = spawnSync(bin, ["review", versions, "--dialect", dialect, "--json", ...extra], { encoding: "utf8" });
  assert.ok([0, 5].includes(r.status), `schemashift review exited ${r.status}: ${r.stderr}`);
  return new Map(JSON.parse(r.stdout).map((r) => [r.revision.id, r]));
}

/** The number of finished reviews (`#review-status`'s data-seq). */
async function reviewSeq(page) {
  const s = await page.getAttribute("#review-status", "data-seq");
  return s ? Number(s) : 0;
}

/** Wait until a review newer than `after` is on screen. */
async function waitReview(page, after) {
  await page.waitForFunction(
    (after) => {
      const s = document.querySelector("#review-status");
      return s && s.dataset.state !== "pending" && Number(s.dataset.seq || 0) > after;
    },
    after,
    { timeout: 30000 },
  );
}

/** What the page shows per revision. */
async function revisions(page) {
  return page.$$eval("#revisions article.revision", (as) =>
    as.map((a) => ({
      id: a.dataset.rev,
      restores: a.dataset.restores === "true",
      verdict: a.querySelector(".verdict").textContent,
      message: a.querySelector(".rev-message").textContent,
      left: [...a.querySelectorAll(".left-different li")].map((l) => l.textContent),
      upgradeSql: a.querySelector("pre.upgrade-sql").textContent,
      downgradeSql: a.querySelector("pre.downgrade-sql").textContent,
      upgrade: [...a.querySelectorAll(".upgrade .fn-changes li")].map((l) => l.textContent),
      data: [...a.querySelectorAll(".upgrade .fn-data li")].map((l) => l.textContent),
    })),
  );
}

async function waitRevisions(page, n) {
  await page.waitForFunction((n) => document.querySelectorAll("#revisions article.revision").length === n, n, {
    timeout: 30000,
  });
}

/** The shop history's verdicts on PostgreSQL, and the SQL equal to the CLI's. */
function checkShop(shown, cli) {
  assert.deepEqual(
    shown.map((r) => [r.id, r.restores]),
    IDS.map((id, i) => [id, i !== 0]),
  );
  const [first, ...rest] = shown;
  assert.equal(first.verdict, "downgrade does NOT undo upgrade");
  assert.deepEqual(first.left, ["drop enum public.orderstatus"]);
  assert.equal(first.message, "create users and orders");
  for (const r of rest) {
    assert.equal(r.verdict, "downgrade undoes upgrade");
    assert.deepEqual(r.left, []);
  }
  for (const r of shown) {
    const c = cli.get(r.id);
    assert.ok(c, `the CLI reviews ${r.id} too`);
    assert.equal(r.restores, c.restores, `${r.id}: the verdict equals the CLI's`);
    assert.equal(r.upgradeSql, c.upgrade_sql, `${r.id}: upgrade SQL equals the CLI's`);
    assert.equal(r.downgradeSql, c.downgrade_sql, `${r.id}: downgrade SQL equals the CLI's`);
    assert.deepEqual(r.upgrade, c.upgrade, `${r.id}: the upgrade's changes equal the CLI's`);
    assert.deepEqual(r.left, c.left_different);
  }
}

test("Review a revision: a versions folder picked, verdicts and SQL equal the CLI's on postgres and sqlite", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  await s.page.selectOption("#dialect", "postgres");
  await s.page.click("#view-review");
  assert.equal(await s.page.getAttribute("#view-review", "aria-pressed"), "true");
  await s.page.waitForSelector("#editor-review");
  assert.equal(await s.page.locator("#editor-current").count(), 0, "the diff editors are hidden");
  await waitReview(s.page, 0);
  let seq = await reviewSeq(s.page);

  await s.page.setInputFiles("#open-folder-review", VERSIONS);
  await waitRevisions(s.page, 4);
  await waitReview(s.page, seq);
  const tabs = await s.page.$$eval("#models-review .tab-name", (bs) => bs.map((b) => b.dataset.path));
  assert.deepEqual(tabs, (await readdir(VERSIONS)).sort().map((f) => `versions/${f}`));
  const shown = await revisions(s.page);
  checkShop(shown, cliReview("postgres"));
  assert.deepEqual(shown[2].data, ["UPDATE orders SET note = '' WHERE note IS NULL", "bulk insert into `users`"]);
  assert.match(await s.page.textContent("#review-status"), /4 revisions reviewed: 1 downgrade does NOT undo/);
  const ms = Number(await s.page.getAttribute("#review-status", "data-review-ms"));
  console.log(`review of the shop history (4 revisions) on the page: ${ms.toFixed(1)} ms`);
  await screenshot(s.page, "30-review-shop-postgres");

  // The review mode and its files are autosaved: a reload shows them again.
  await s.page.waitForTimeout(1500);
  await s.page.reload();
  await s.page.waitForSelector("#editor-review");
  await waitRevisions(s.page, 4);
  assert.equal(await s.page.getAttribute("#view-review", "aria-pressed"), "true");
  checkShop(await revisions(s.page), cliReview("postgres"));

  // The dialect menu applies: on SQLite there is no enum type to leave behind.
  seq = await reviewSeq(s.page);
  await s.page.selectOption("#dialect", "sqlite");
  await waitReview(s.page, seq);
  const lite = await revisions(s.page);
  const cli = cliReview("sqlite");
  assert.deepEqual(
    lite.map((r) => [r.id, r.restores]),
    IDS.map((id) => [id, cli.get(id).restores]),
  );
  for (const r of lite) assert.equal(r.upgradeSql, cli.get(r.id).upgrade_sql, `${r.id} on sqlite`);

  // Back to Diff: the diff editors come back with their text.
  await s.page.click("#view-diff");
  await s.page.waitForSelector("#editor-current");
  assert.ok((await editorText(s.page, "editor-current")).length > 0);
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});

test("Review a revision: revision files dropped, the example history, a pasted revision and its errors", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  await s.page.selectOption("#dialect", "postgres");
  await s.page.click("#view-review");
  await waitReview(s.page, 0);

  // Loose files dropped on the editor: they replace the untouched starter file.
  const files = [];
  for (const f of (await readdir(VERSIONS)).sort()) files.push([f, await readFile(path.join(VERSIONS, f), "utf8")]);
  const dataTransfer = await s.page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name));
    return dt;
  }, files);
  await s.page.dispatchEvent("#editor-review", "dragover", { dataTransfer });
  await s.page.dispatchEvent("#editor-review", "drop", { dataTransfer });
  await dataTransfer.dispose();
  await waitRevisions(s.page, 4);
  assert.deepEqual(
    await s.page.$$eval("#models-review .tab-name", (bs) => bs.map((b) => b.dataset.path)),
    files.map(([f]) => f),
  );
  checkShop(await revisions(s.page), cliReview("postgres"));

  // A revision whose parent is missing: a positioned error, no verdicts.
  let seq = await reviewSeq(s.page);
  await s.page.click('#models-review .tab-close[aria-label="Close 1a2b3c4d5e6f_create_users_and_orders.py"]');
  await waitReview(s.page, seq);
  assert.equal(await s.page.getAttribute("#review-status", "data-state"), "error");
  assert.match(await s.page.textContent("#diagnostics-current"), /builds on `1a2b3c4d5e6f`, which no file defines/);

  // A pasted first revision alone.
  seq = await reviewSeq(s.page);
  await setEditor(s.page, "editor-review", files[0][1]);
  await s.page.click('#models-review .tab-close[aria-label="Close 4d5e6f7a8b9c_dialect_specific.py"]');
  await s.page.click('#models-review .tab-close[aria-label="Close 3c4d5e6f7a8b_batch_and_data.py"]');
  await waitRevisions(s.page, 1);
  await waitReview(s.page, seq);
  const [one] = await revisions(s.page);
  assert.equal(one.id, IDS[0]);
  assert.equal(one.restores, false);

  // The example history: review mode with its four revisions.
  await s.page.click("#view-diff");
  await s.page.selectOption("#examples", "alembic-shop");
  await s.page.waitForSelector("#editor-review");
  await waitRevisions(s.page, 4);
  checkShop(await revisions(s.page), cliReview("postgres"));
  assert.deepEqual(s.problems(), []);
  await s.context.close();
});

const ADD_NOTE = `"""add note

Revision ID: 9f8e7d6c5b4a
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "9f8e7d6c5b4a"
down_revision = None


def upgrade():
    op.add_column("account", sa.Column("note", sa.Text(), nullable=True))
    op.create_index("ix_account_note", "account", ["note"])


def downgrade():
    op.drop_column("account", "note")
`;
const ACCOUNT = "CREATE TABLE account (\n\tid SERIAL NOT NULL,\n\tPRIMARY KEY (id)\n);\n";

test("Review a revision: a pasted revision on a base schema (the CLI's --base), and Share keeps it", async () => {
  const s = await openPage(env.browser, env.server.url);
  await gotoApp(s.page, env.server.url);
  await s.page.selectOption("#dialect", "postgres");
  await s.page.click("#view-review");
  await waitReview(s.page, 0);
  let seq = await reviewSeq(s.page);
  await setEditor(s.page, "editor-review", ADD_NOTE);
  await waitReview(s.page, seq);
  // On an empty database there is no table `account` for the downgrade to change.
  assert.deepEqual(
    await s.page.$$eval("#revisions .downgrade .fn-changes li", (ls) => ls.length),
    0,
  );
  assert.match(await s.page.textContent("#diagnostics-current"), /ALTER TABLE on unknown table account/);
  seq = await reviewSeq(s.page);
  await s.page.click(".review-base summary");
  await s.page.fill("#review-base", ACCOUNT);
  await waitRevisions(s.page, 1);
  await waitReview(s.page, seq);
  const [one] = await revisions(s.page);
  const dir = await mkdtemp(path.join(os.tmpdir(), "schemashift-review-"));
  await mkdir(path.join(dir, "versions"));
  await writeFile(path.join(dir, "versions/9f8e7d6c5b4a_add_note.py"), ADD_NOTE);
  await writeFile(path.join(dir, "base.sql"), ACCOUNT);
  const cli = cliReview("postgres", path.join(dir, "versions"), ["--base", path.join(dir, "base.sql")]).get(one.id);
  assert.equal(one.restores, true, "dropping the column drops its index too");
  assert.deepEqual(await s.page.$$eval("#revisions .downgrade .fn-changes li", (ls) => ls.map((l) => l.textContent)), [
    "drop index public.ix_account_note",
    "drop column public.account.note",
  ]);
  assert.equal(one.restores, cli.restores);
  assert.equal(one.upgradeSql, cli.upgrade_sql);
  assert.equal(one.downgradeSql, cli.downgrade_sql);
  assert.deepEqual(one.left, cli.left_different);
  await screenshot(s.page, "31-review-base");

  // Share: a fresh page opens the link in review mode with the file and the base.
  await s.page.click("#share");
  const link = await s.page.inputValue("#share-link");
  const t = await openPage(env.browser, env.server.url);
  await t.page.goto(link);
  await t.page.waitForSelector("#editor-review");
  await waitRevisions(t.page, 1);
  assert.equal(await t.page.inputValue("#review-base"), ACCOUNT);
  assert.equal((await revisions(t.page))[0].upgradeSql, cli.upgrade_sql);
  assert.deepEqual(s.problems(), []);
  assert.deepEqual(t.problems(), []);
  await t.context.close();
  await s.context.close();
  await rm(dir, { recursive: true, force: true });
});
