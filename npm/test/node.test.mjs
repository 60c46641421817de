// The packed package in Node, from ESM (`import`) and CommonJS (`require`): same output as the
// native CLI, positioned errors, options, panics, and the 4.7 MB GitLab schemas.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { cases, gitlabPair, native, project, ROOT } from './helpers.mjs';

let p;
before(async () => {
  p = await project();
});

describe('module systems', () => {
  test('import and require expose the same API, sharing one instance', () => {
    const api = ['default', 'dialects', 'diff', 'formats', 'init', 'initSync', 'replay', 'resolveDialect', 'review', 'verify', 'verifyPlan', 'version'];
    assert.deepEqual(Object.keys(p.esm).sort(), api);
    assert.deepEqual(Object.keys(p.cjs).sort(), api);
    for (const name of api) assert.equal(p.esm[name], p.cjs[name], name);
    assert.equal(typeof p.esm.diff, 'function');
  });

  test('no init needed in Node; init() is harmless and can be called twice', async () => {
    assert.equal(p.esm.diff('', '').ok, true);
    await p.esm.default();
    await p.esm.init();
    await p.cjs.default();
    p.esm.initSync();
    assert.equal(p.cjs.diff('', 'CREATE TABLE t (a int);').changes.length, 1);
  });

  test('results are plain data: big integers are the nearest double, absent options undefined', () => {
    const r = p.esm.diff('', 'CREATE SEQUENCE s MAXVALUE 9223372036854775807 MINVALUE -9223372036854775807;');
    const seq = r.changes[0].detail.sequence;
    // What JSON.parse makes of the CLI's JSON for the same change.
    assert.equal(seq.max, 9223372036854775807);
    assert.equal(seq.min, -9223372036854775807);
    assert.equal(seq.increment, 1);
    assert.equal(seq.comment, null);
    assert.equal(r.json, undefined);
    assert.equal(Object.getPrototypeOf(r.changes[0]), Object.prototype);
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });

  test('version, dialects, formats', () => {
    const pkg = JSON.parse(readFileSync(join(p.pkgDir, 'package.json'), 'utf8'));
    assert.equal(p.esm.version(), pkg.version);
    assert.deepEqual(p.esm.dialects(), ['postgres', 'sqlite', 'mysql', 'mariadb']);
    assert.deepEqual(p.esm.formats(), ['sql', 'json', 'alembic']);
    assert.equal(p.esm.resolveDialect('PostgreSQL'), 'postgres');
    assert.equal(p.esm.resolveDialect('pg'), 'postgres');
    assert.equal(p.esm.resolveDialect('oracle'), undefined);
    assert.equal(p.esm.resolveDialect(42), undefined);
  });
});

for (const [kind, dialect] of ['esm', 'cjs'].flatMap((k) => [[k, 'postgres'], [k, 'sqlite']])) {
  describe(`same output as the native CLI (${kind}, ${dialect})`, () => {
    for (const c of cases(dialect)) {
      test(c.name, () => {
        const r = p[kind].diff(c.currentText, c.desiredText, { format: 'json', dialect });
        assert.equal(r.ok, true, JSON.stringify(r.errors));
        const cli = (...extra) => {
          const out = native(['diff', c.current, c.desired, '--dialect', dialect, ...extra]);
          assert.equal(out.status, 0, out.stderr);
          return out.stdout;
        };
        // Byte for byte.
        assert.equal(r.up, cli());
        assert.equal(r.down, cli('--down'));
        assert.equal(r.json.up, cli('--format', 'json'));
        assert.equal(r.json.down, cli('--format', 'json', '--down'));
        // The structured changes are the JSON report's, and the default format leaves json out.
        assert.deepEqual(r.changes, JSON.parse(r.json.up).changes);
        assert.deepEqual(r.downChanges, JSON.parse(r.json.down).changes);
        const plain = p[kind].diff(c.currentText, c.desiredText, { dialect });
        assert.equal(plain.json, undefined);
        assert.equal(plain.up, r.up);
        assert.deepEqual(plain.changes, r.changes);
      });
    }
  });
}

describe('errors and warnings', () => {
  const current = '-- schéma 😀\nCREATE TABLE 😀 (a int, a int);\n';
  const desired = 'CREATE TABLE (';

  test('bad SQL returns positioned errors instead of throwing', () => {
    for (const api of [p.esm, p.cjs]) {
      const r = api.diff(current, desired);
      assert.equal(r.ok, false);
      assert.equal(r.up, undefined);
      assert.equal(r.down, undefined);
      assert.deepEqual(r.changes, []);
      assert.deepEqual(r.downChanges, []);
      assert.equal(r.errors.length, 2);
      assert.deepEqual(r.diagnostics, [...r.errors, ...r.warnings]);
      const [dup, syntax] = r.errors;
      assert.deepEqual(
        { ...dup, message: undefined },
        // Line 2; the second `a` follows "CREATE TABLE 😀 (a int, ": 24 UTF-16 units
        // (23 characters: the emoji is 2 units), so column 25.
        { severity: 'error', code: 'E002', side: 'current', line: 2, column: 25, offset: 42, utf16Offset: 37, message: undefined },
      );
      assert.match(dup.message, /`a`/);
      // The offsets point at the token, in the JS string and in the UTF-8 bytes.
      assert.ok(current.slice(dup.utf16Offset).startsWith('a int);'));
      assert.equal(Buffer.byteLength(current.slice(0, dup.utf16Offset)), dup.offset);
      assert.equal(syntax.side, 'desired');
      assert.equal(syntax.line, 1);
      assert.equal(desired.slice(syntax.utf16Offset - syntax.column + 1, syntax.utf16Offset + 1), 'CREATE TABLE (');
    }
  });

  test('the same diagnostics as the native CLI prints', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'schemashift-diag-'));
    writeFileSync(join(dir, 'a.sql'), current);
    writeFileSync(join(dir, 'b.sql'), desired);
    const cli = native(['diff', join(dir, 'a.sql'), join(dir, 'b.sql')]);
    assert.equal(cli.status, 1);
    const r = p.esm.diff(current, desired);
    // Each diagnostic's first line (a source snippet follows it).
    const lines = cli.stderr.trimEnd().split('\n').filter((l) => /^\S.*:\d+:\d+: /.test(l));
    assert.equal(lines.length, r.diagnostics.length);
    lines.forEach((line, i) => {
      const d = r.diagnostics[i];
      const m = line.match(/^(.*):(\d+):(\d+): (error|warning)\[([EW]\d{3})\]: (.*)$/);
      assert.ok(m, line);
      assert.equal(m[1], join(dir, d.side === 'current' ? 'a.sql' : 'b.sql'));
      assert.equal(Number(m[2]), d.line);
      assert.equal(m[4], d.severity);
      assert.equal(m[5], d.code);
      assert.equal(m[6], d.message);
      // The CLI counts characters, the package UTF-16 units: one more after the emoji.
      assert.equal(Number(m[3]) + (d.side === 'current' ? 1 : 0), d.column);
    });
  });

  test('warnings are reported and do not stop the migration', () => {
    const r = p.esm.diff('', 'CREATE TABLE t (a int);\nALTER TABLE t ENABLE ALWAYS TRIGGER x;\n');
    assert.equal(r.ok, true);
    assert.deepEqual(r.errors, []);
    assert.ok(r.warnings.length >= 1, JSON.stringify(r));
    assert.equal(r.warnings[0].severity, 'warning');
    assert.equal(r.warnings[0].side, 'desired');
    assert.equal(r.warnings[0].line, 2);
    assert.equal(typeof r.up, 'string');
  });
});

describe('options', () => {
  test('dialect aliases; unknown dialects and options throw an Error', () => {
    assert.equal(p.esm.diff('', '', { dialect: 'PostgreSQL' }).dialect, 'postgres');
    assert.equal(p.esm.diff('', '', { dialect: undefined }).dialect, 'postgres');
    assert.equal(p.esm.diff('', '', null).ok, true);
    assert.throws(() => p.esm.diff('', '', { dialect: 'oracle' }), {
      name: 'Error',
      message: 'schemashift: unknown dialect `oracle` (expected postgres or sqlite or mysql or mariadb)',
    });
    assert.throws(() => p.esm.diff('', '', { revid: 'abc' }), { name: 'Error', message: /unknown field `revid`/ });
    assert.throws(() => p.esm.diff('', '', { format: 'xml' }), { name: 'Error', message: /unknown variant `xml`/ });
    assert.throws(() => p.cjs.diff(1, ''), { name: 'Error', message: /current schema must be a string/ });
    assert.throws(() => p.cjs.diff('', undefined), { name: 'Error', message: /desired schema must be a string/ });
    // Still usable afterwards.
    assert.equal(p.esm.diff('', 'CREATE TABLE t (a int);').ok, true);
  });

  test("format 'alembic' returns the revision file, as the CLI writes it", () => {
    const opts = {
      dialect: 'postgres',
      format: 'alembic',
      message: 'add tasks',
      revId: '1975ea83b712',
      downRevision: 'abc123def456',
      createDate: '2026-01-15 14:20:00',
    };
    const r = p.esm.diff('', 'CREATE TABLE tasks (id int PRIMARY KEY);', opts);
    assert.equal(r.ok, true);
    assert.match(r.alembic, /^"""add tasks\n\nRevision ID: 1975ea83b712\nRevises: abc123def456\nCreate Date: 2026-01-15 14:20:00\n/);
    assert.match(r.alembic, /op\.create_table\('tasks',/);
    assert.match(r.alembic, /down_revision: Union\[str, Sequence\[str\], None\] = 'abc123def456'/);
    assert.match(r.up, /CREATE TABLE tasks/);
    assert.equal(p.cjs.diff('', 'CREATE TABLE tasks (id int PRIMARY KEY);', opts).alembic, r.alembic);
    // Defaults: a random 12-hex id and the local time.
    const d = p.esm.diff('', '', { format: 'alembic', message: 'x' }).alembic;
    assert.match(d, /Revision ID: [0-9a-f]{12}\nRevises: \nCreate Date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    assert.match(d, /def upgrade\(\) -> None:\n    """Upgrade schema."""\n    # ### commands auto generated by Alembic - please adjust! ###\n    pass\n/);
  });
});

describe('models input', () => {
  // core/tests/models/sqlmodel_package: an SQLModel package with relative and absolute imports.
  const pkgRoot = join(ROOT, 'core', 'tests', 'models', 'sqlmodel_package');
  const files = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.py')) files[path.slice(pkgRoot.length + 1)] = readFileSync(path, 'utf8');
    }
  };
  walk(join(pkgRoot, 'app'));

  test('{ files } on either side: the same migration as the native CLI on the package', () => {
    for (const dialect of ['postgres', 'sqlite']) {
      const r = p.esm.diff('', { files }, { dialect, sqlalchemy: '2.0' });
      assert.equal(r.ok, true, JSON.stringify(r.errors));
      assert.deepEqual(r.warnings, []);
      const out = native(['diff', '-', join(pkgRoot, 'app'), '--dialect', dialect, '--sqlalchemy', '2.0'], { input: '' });
      assert.equal(out.status, 0, out.stderr);
      assert.equal(r.up, out.stdout);
      // Against the DDL real SQLAlchemy emitted for it: no change.
      const expected = readFileSync(join(pkgRoot, `expected.${dialect}.sql`), 'utf8');
      const same = p.esm.diff(expected, { files }, { dialect, sqlalchemy: '2.0' });
      assert.equal(same.ok, true);
      assert.deepEqual(same.changes, []);
    }
  });

  test('positioned warnings name their file; bad inputs throw', () => {
    const r = p.esm.diff({ files: { 'm.py': 'from sqlmodel import SQLModel, Field\n\nclass T(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n    d: dict\n' } }, '');
    assert.equal(r.ok, true);
    assert.deepEqual(r.warnings.map((w) => [w.code, w.file, w.line, w.column, w.side]), [['W005', 'm.py', 5, 8, 'current']]);
    const bad = p.esm.diff('', { files: { 'm.py': 'class (:\n' } });
    assert.equal(bad.ok, false);
    assert.equal(bad.errors[0].code, 'E005');
    assert.throws(() => p.esm.diff('', { file: {} }), /must be a string of SQL or models/);
    assert.throws(() => p.esm.diff('', 42), /must be a string of SQL or models/);
  });
});

describe('Alembic history input', () => {
  const versions = join(ROOT, 'core/tests/histories/shop/versions');
  const files = {};
  for (const f of readdirSync(versions)) {
    if (f.endsWith('.py')) files[`versions/${f}`] = readFileSync(join(versions, f), 'utf8');
  }

  test('review() gives each revision its verdict, as the CLI does', () => {
    const r = p.esm.review({ files }, { dialect: 'postgres' });
    assert.equal(r.ok, true);
    assert.deepEqual(r.reviews.map((x) => [x.revision, x.restores]), [
      ['1a2b3c4d5e6f', false], ['2b3c4d5e6f7a', true], ['3c4d5e6f7a8b', true], ['4d5e6f7a8b9c', true],
    ]);
    assert.deepEqual(r.reviews[0].leftDifferent, ['drop enum public.orderstatus']);
    const cli = native(['review', versions, '--json']);
    assert.deepEqual(JSON.parse(cli.stdout).map((x) => x.restores), r.reviews.map((x) => x.restores));
  });

  test('replay() builds the schema at a revision, as the CLI does', () => {
    const r = p.esm.replay({ files }, { dialect: 'sqlite', revision: '1a2b' });
    assert.equal(r.ok, true);
    const cli = native(['diff', '/dev/null', `${versions}@1a2b`, '--dialect', 'sqlite']);
    assert.equal(r.sql, cli.stdout);
    const bad = p.esm.replay({ files }, { revision: 'nope' });
    assert.equal(bad.ok, false);
    assert.equal(bad.diagnostics[0].code, 'E006');
  });

  test('a history is a schema: diff() from its head', () => {
    const r = p.esm.diff({ files }, '', { dialect: 'sqlite' });
    assert.equal(r.ok, true);
    assert.match(r.up, /DROP TABLE orders;/);
  });
});

describe('object filter', () => {
  test("Alembic's version table is left out; include/exclude globs as the CLI's", () => {
    const current = 'CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);\nCREATE TABLE audit_log (id int);\n';
    const r = p.esm.diff(current, 'CREATE TABLE t (id int);');
    assert.equal(r.ok, true);
    assert.doesNotMatch(r.up, /alembic_version/);
    assert.match(r.up, /DROP TABLE audit_log/);
    assert.deepEqual(r.leftOut, [{ name: 'public.alembic_version', reason: 'version_table' }]);
    const f = p.esm.diff(current, 'CREATE TABLE t (id int);', { exclude: ['audit_*'] });
    assert.doesNotMatch(f.up, /audit_log/);
    assert.deepEqual(f.leftOut.map((l) => l.reason), ['version_table', 'pattern']);
    const i = p.esm.diff(current, 'CREATE TABLE t (id int);', { include: ['t'] });
    assert.equal(i.up, 'CREATE TABLE t (\n    id integer\n);\n');
  });
});

describe('panics', () => {
  test('a panic becomes a JS Error with its message, and the next call works', () => {
    // The test hook is internal: reach the glue file directly (same instance as the entries).
    const glue = createRequire(join(p.pkgDir, 'package.json'))('./dist/schemashift_wasm.cjs');
    for (let i = 0; i < 3; i++) {
      let caught;
      try {
        glue.__testPanic(`boom ${i}`);
      } catch (e) {
        caught = e;
      }
      assert.ok(caught instanceof Error, String(caught));
      assert.ok(!(caught instanceof WebAssembly.RuntimeError), 'not a wasm trap');
      assert.match(caught.message, new RegExp(`^schemashift: internal error: panicked at .*\\nboom ${i}$`));
      // A fresh instance serves the next calls.
      assert.equal(p.esm.resolveDialect('pg'), 'postgres');
      const r = p.cjs.diff('', 'CREATE TABLE t (a int);');
      assert.equal(r.changes[0].kind, 'create_table');
    }
  });
});

describe('traps', () => {
  test('a trap or a stack overflow becomes a JS Error, and the next call works on a fresh instance', () => {
    for (const kind of ['abort', 'stack', 'abort']) {
      let caught;
      try {
        p.cjs.__test.trap(kind);
      } catch (e) {
        caught = e;
      }
      assert.ok(caught instanceof Error, String(caught));
      assert.equal(caught.constructor, Error);
      assert.match(caught.message, /^schemashift: internal error: /);
      assert.ok(caught.cause instanceof WebAssembly.RuntimeError || caught.cause instanceof RangeError, String(caught.cause));
      const r = p.esm.diff('', 'CREATE TABLE t (a int);');
      assert.equal(r.changes[0].kind, 'create_table');
      assert.equal(p.esm.resolveDialect('pg'), 'postgres');
    }
    // The panic path through the guarded entry stays a plain panic Error.
    assert.throws(() => p.cjs.__test.panic('boom'), { message: /^schemashift: internal error: panicked at .*\nboom$/ });
    assert.equal(p.esm.diff('', '').ok, true);
  });
});

describe('large input', () => {
  const pair = gitlabPair();
  test('the 4.7 MB GitLab pg_dump pair: same migration as the native CLI', { skip: !pair && 'bench inputs not found' }, () => {
    const current = readFileSync(pair.current, 'utf8');
    const desired = readFileSync(pair.desired, 'utf8');
    const t0 = performance.now();
    const r = p.esm.diff(current, desired);
    const ms = performance.now() - t0;
    assert.equal(r.ok, true);
    assert.ok(r.changes.length > 100);
    const cli = native(['diff', pair.current, pair.desired]);
    assert.equal(cli.status, 0);
    assert.equal(r.up, cli.stdout);
    assert.equal(r.down, native(['diff', pair.current, pair.desired, '--down']).stdout);
    // The CLI's stderr: the diagnostics (their first lines; the source snippets under them are
    // left out here), then the hazards of the printed direction.
    const firstLines = cli.stderr
      .split('\n')
      .filter((l) => l && !/^\s|^\d+ \|/.test(l))
      .map((l) => `${l}\n`)
      .join('');
    assert.equal(
      r.warnings.map((d) => `${d.side === 'current' ? pair.current : pair.desired}:${d.line}:${d.column}: ${d.severity}[${d.code}]: ${d.message}\n`).join('') +
        r.changes.flatMap((c) => c.hazards).map((h) => `warning: ${h.message} [${h.code}]\n`).join(''),
      firstLines,
    );
    console.log(`# GitLab pair: ${r.changes.length} changes, ${r.up.length} chars of UP, ${ms.toFixed(0)} ms`);
  });
});
