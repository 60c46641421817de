// The bundler check: a tiny page importing the installed package, bundled by esbuild for the
// browser, served over HTTP and loaded in headless Chromium (playwright-core), which computes a
// diff. The page must produce the native CLI's migration, with no console errors.
//
// Environment: SCHEMASHIFT_CHROMIUM (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import { TOOLS, cases, native, project } from './helpers.mjs';

const CHROMIUM = process.env.SCHEMASHIFT_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const tools = createRequire(join(TOOLS, 'package.json'));

const PAGE = `
import init, { diff, dialects, version } from 'schemashift';

const log = (id, text) => { document.getElementById(id).textContent = text; };
try {
  let early;
  try { diff('', ''); } catch (e) { early = e.message; }
  await Promise.all([init(), init()]); // concurrent calls share one load
  await init();                         // and later ones are no-ops
  const inputs = await (await fetch('./inputs.json')).json();
  const r = diff(inputs.current, inputs.desired, { format: 'json' });
  const bad = diff('-- 😀\\nCREATE TABLE 😀 (a int, a int);', '');
  window.__result = {
    early, version: version(), dialects: dialects(),
    up: r.up, down: r.down, jsonUp: r.json.up, changes: r.changes.length,
    badOk: bad.ok, badError: bad.errors[0],
  };
  log('out', r.up);
} catch (e) {
  console.error('page failed:', e && e.stack || e);
  window.__result = { failed: String(e && e.stack || e) };
}
`;

let p;
let server;
let base;
let out;

before(async () => {
  p = await project();
  const page = join(p.dir, 'page');
  out = join(p.dir, 'out');
  mkdirSync(page, { recursive: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(page, 'main.js'), PAGE);
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>schemashift</title><link rel="icon" href="data:,"><pre id="out"></pre><script type="module" src="./main.js"></script>\n',
  );
  // esbuild leaves `new URL('schemashift_wasm_bg.wasm', import.meta.url)` as it is: the
  // .wasm goes next to the bundle (see the package README).
  copyFileSync(join(p.pkgDir, 'dist', 'schemashift_wasm_bg.wasm'), join(out, 'schemashift_wasm_bg.wasm'));
  const c = cases().find((x) => x.name === 'create_table_with_fk_and_indexes') ?? cases()[0];
  writeFileSync(join(out, 'inputs.json'), JSON.stringify({ current: c.currentText, desired: c.desiredText }));
  p.case = c;

  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(out, path || 'index.html');
    if (!file.startsWith(out) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
});

after(() => server?.close());

test('esbuild bundles the browser entry, and Chromium runs a diff with no console errors', async () => {
  const esbuild = tools('esbuild');
  const result = await esbuild.build({
    absWorkingDir: p.dir,
    entryPoints: ['page/main.js'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(out, 'main.js'),
    logLevel: 'silent',
    metafile: true,
  });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings, []);
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((f) => f.endsWith('schemashift/dist/web.js')), inputs.join('\n'));
  assert.ok(!inputs.some((f) => /dist\/node|schemashift_wasm\.cjs/.test(f)), 'the Node entry must not be bundled');

  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: apt-get install chromium (scripts/setup.sh)`);
  const { chromium } = tools('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await page.goto(base, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 60_000 });
    const r = await page.evaluate(() => window.__result);
    assert.equal(r.failed, undefined, r.failed);
    const c = p.case;
    assert.equal(r.up, native(['diff', c.current, c.desired]).stdout);
    assert.equal(r.down, native(['diff', c.current, c.desired, '--down']).stdout);
    assert.equal(r.jsonUp, native(['diff', c.current, c.desired, '--format', 'json']).stdout);
    assert.ok(r.changes > 0);
    assert.equal(await page.textContent('#out'), r.up);
    assert.equal(r.version, p.esm.version());
    assert.deepEqual(r.dialects, ['postgres', 'sqlite', 'mysql', 'mariadb']);
    assert.match(r.early, /call `await init\(\)` before diff\(\)/);
    assert.equal(r.badOk, false);
    assert.deepEqual(
      { line: r.badError.line, column: r.badError.column, offset: r.badError.offset, utf16Offset: r.badError.utf16Offset },
      { line: 2, column: 25, offset: 34, utf16Offset: 30 },
    );
  } finally {
    await browser.close();
  }
  assert.deepEqual(problems, []);
});
