// verify(): the migration run on PGlite and sql.js (the optional peer dependencies, here from
// npm/tools, which scripts/setup.sh installs), and the same verdicts as the native CLI's
// `schemashift verify` (bundled SQLite; and a scratch PostgreSQL when SCHEMASHIFT_PGHOST names
// the socket directory of scripts/pg.sh's cluster) for the same cases.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { project, native, TOOLS, SHARED } from './helpers.mjs';

const tools = createRequire(join(TOOLS, 'package.json'));
const pgliteModule = () => import(tools.resolve('@electric-sql/pglite'));
const sqljsModule = () => tools('sql.js');

const CURRENT = `CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id), note text);
`;
const CASES = {
  passes: `CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id), note text);
CREATE INDEX child_parent ON child (parent_id);
`,
  'down loses a column': `CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id));
`,
  'up fails on seeded rows': `CREATE TABLE parent (id integer PRIMARY KEY, name text NOT NULL, code text NOT NULL);
CREATE TABLE child (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES parent (id), note text);
`,
};

let p;
let engines;
before(async () => {
  p = await project();
  engines = { postgres: await pgliteModule(), sqlite: sqljsModule() };
});

const dir = mkdtempSync(join(tmpdir(), 'schemashift-verify-'));
function cli(dialect, current, desired) {
  const c = join(dir, 'current.sql');
  const d = join(dir, 'desired.sql');
  writeFileSync(c, current);
  writeFileSync(d, desired);
  const args = ['verify', c, d, '--dialect', dialect, '--json'];
  if (dialect === 'postgres') {
    if (!process.env.SCHEMASHIFT_PGHOST) return undefined;
    args.push('--database-url', `host=${process.env.SCHEMASHIFT_PGHOST} user=postgres dbname=postgres`);
  }
  const r = native(args);
  assert.ok(r.status === 0 || r.status === 6, `exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The steps without the engine-specific words: name, status, and for failures the first detail's kind. */
function shape(report) {
  return report.steps.map((s) => `${s.status} ${s.name}`);
}

for (const dialect of ['sqlite', 'postgres']) {
  describe(`verify on ${dialect === 'postgres' ? 'PGlite' : 'sql.js'}`, () => {
    test('three cases: verified, DOWN loses values, UP fails on seeded rows; the CLI agrees', async () => {
      const want = { passes: true, 'down loses a column': false, 'up fails on seeded rows': false };
      for (const [name, desired] of Object.entries(CASES)) {
        const t0 = performance.now();
        const report = await p.esm.verify(CURRENT, desired, { dialect, engine: engines[dialect] });
        const ms = performance.now() - t0;
        console.log(`# ${dialect} ${name}: ${report.badge} (${ms.toFixed(0)} ms)`);
        assert.equal(report.verified, want[name], `${name}: ${JSON.stringify(report, null, 1)}`);
        assert.equal(report.steps.length, 9);
        if (name === 'down loses a column') {
          const rows = report.steps[8];
          assert.equal(rows.status, 'failed');
          assert.deepEqual(rows.details, ["table child, column note: value 'a' of row 1 became NULL"]);
        }
        if (name === 'up fails on seeded rows') {
          const up = report.steps[3];
          assert.equal(up.status, 'failed');
          const engineError = dialect === 'postgres'
            ? 'ERROR: column "code" of relation "parent" contains null values'
            : 'NOT NULL constraint failed';
          assert.match(up.details[0], new RegExp(engineError.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        }
        const native = cli(dialect, CURRENT, desired);
        if (native) {
          assert.deepEqual(shape(report), shape(native), `${name}: the CLI says ${JSON.stringify(native, null, 1)}`);
        }
      }
    });

    test('the badge names the engine', async () => {
      const report = await p.cjs.verify(CURRENT, CASES.passes, { dialect, engine: engines[dialect] });
      const re = dialect === 'postgres' ? /^verified on PostgreSQL \d+\.\d+.* \(PGlite\): up, down, rows kept$/ : /^verified on SQLite 3\.\d+\.\d+ \(sql\.js\): up, down, rows kept$/;
      assert.match(report.badge, re);
    });

    test('corpus sample: the same verdict as the native CLI', async () => {
      const root = join(SHARED, 'corpus', dialect);
      if (!existsSync(root)) return;
      const names = readdirSync(root).sort()
        .filter((n) => !existsSync(join(root, n, 'setup.sql')) && !existsSync(join(root, n, 'renames.txt')))
        .slice(0, Number(process.env.VERIFY_SAMPLE ?? (dialect === 'postgres' ? 3 : 12)));
      let same = 0;
      let compared = 0;
      for (const n of names) {
        const current = readFileSync(join(root, n, 'from.sql'), 'utf8');
        const desired = readFileSync(join(root, n, 'to.sql'), 'utf8');
        const report = await p.esm.verify(current, desired, { dialect, engine: engines[dialect] });
        const nat = cli(dialect, current, desired);
        if (!nat) continue;
        compared++;
        if (JSON.stringify(shape(report)) === JSON.stringify(shape(nat))) same++;
        else console.log(`# ${n}: ${report.badge} / CLI: ${nat.badge}\n# ${JSON.stringify(report.steps.find((s) => s.status === 'failed'))}`);
      }
      console.log(`# ${dialect}: ${same}/${compared} corpus cases with the CLI's steps`);
      assert.equal(same, compared);
    });
  });
}

test('input errors come back as errors, no steps', async () => {
  const report = await p.esm.verify('CREATE TABL t (a int);', '', { dialect: 'sqlite', engine: engines.sqlite });
  assert.equal(report.verified, false);
  assert.equal(report.steps.length, 0);
  assert.ok(report.errors.length > 0);
});
