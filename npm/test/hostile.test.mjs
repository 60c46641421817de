// Hostile input through the packed package (the wasm module in Node, with its 1 MB stack):
// each input of issue 17's list gives its positioned error or warning, or is read, never an
// exception (not even the documented internal error), and the next call still works.
// SQL text on every dialect, models.py files and Alembic histories; bytes that are not UTF-8
// (which a JS string cannot hold) through `npx schemashift`, against the native CLI.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { native, project, ROOT, run } from './helpers.mjs';

let p;
let bin;
before(async () => {
  p = await project();
  bin = (args, opts) => run(join(p.dir, 'node_modules', '.bin', 'schemashift'), args, { cwd: p.dir, ...opts });
});

const DIALECTS = ['postgres', 'sqlite', 'mysql', 'mariadb'];
const N = 100_000;
const MB = 1 << 20;

/** `fn()` returns (no exception of any kind), and the instance still serves the next call. */
function survives(fn) {
  let r;
  try {
    r = fn();
  } catch (e) {
    assert.fail(`threw ${e && e.constructor && e.constructor.name}: ${e && e.message}`);
  }
  const next = p.cjs.diff('', 'CREATE TABLE t (a int);');
  assert.equal(next.ok, true);
  assert.equal(next.changes[0].kind, 'create_table');
  return r;
}

/** Each diagnostic as [code, line, column]. */
const where = (r) => r.diagnostics.map((d) => [d.code, d.line, d.column]);

// [name, desired text, expected diagnostics [code, line, column] (the same on every dialect
// unless `only` names some), and the dialects it applies to].
const SQL = [
  ['empty file', '', []],
  ['only comments', '-- only\n/* comments */\n-- and more', []],
  ['BOM', '\uFEFFCREATE TABLE t (a int);\n', []],
  ['NUL byte', 'CREATE TABLE t (a int);\0\nCREATE TABLE u (b int);\n', [['E001', 1, 24]]],
  ['CRLF line ends', 'CREATE TABLE t (a int);\r\nCREATE TABLE (\r\n', [['E002', 2, 14]]],
  ['lone CR line ends', 'CREATE TABLE t (a int);\rCREATE TABLE (\r', [['E002', 2, 14]]],
  ['unterminated string', "CREATE TABLE t (a text DEFAULT 'abc);\n", [['E001', 1, 32]]],
  ['unterminated quoted identifier', 'CREATE TABLE "t (a int);\n', [['E001', 1, 14]]],
  ['unterminated backquoted identifier', 'CREATE TABLE `t (a int);\n', [['E001', 1, 14]], ['mysql', 'mariadb']],
  ['unterminated comment', 'CREATE TABLE t (a int);\n/* never closed\n', [['E001', 2, 1]]],
  ['unterminated dollar quote', 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n', [['E001', 1, 36]], ['postgres']],
  [
    `${N} nested parentheses`,
    `CREATE TABLE t (a integer, CHECK (${'('.repeat(N)}a > 0${')'.repeat(N)}));\n`,
    [['E004', 1, 129]],
  ],
  [`${N} chained casts`, `CREATE TABLE t (a integer DEFAULT 1${'::int'.repeat(N)});\n`, [['E004', 1, 1006]], ['postgres']],
  [`${N} nested function calls`, `CREATE TABLE t (a integer, CHECK (${'abs('.repeat(N)}a${')'.repeat(N)} > 0));\n`, null],
  [`${N} NOTs`, `CREATE TABLE t (a boolean, CHECK (${'NOT '.repeat(N)}a));\n`, null],
  [`${N} nested subqueries`, `CREATE VIEW v AS SELECT ${'(SELECT '.repeat(N)}1${')'.repeat(N)} AS x;\n`, null],
];

describe('hostile SQL (wasm in Node)', () => {
  for (const [name, text, expected, only] of SQL) {
    for (const dialect of only ?? DIALECTS) {
      test(`${name} (${dialect})`, () => {
        const r = survives(() => p.esm.diff('', text, { dialect }));
        for (const d of r.diagnostics) {
          assert.equal(d.side, 'desired');
          assert.ok(d.offset <= Buffer.byteLength(text) && d.utf16Offset <= text.length, JSON.stringify(d));
        }
        if (expected === null) {
          // Deep nesting of another shape: one E004, wherever its limit falls.
          assert.deepEqual(r.diagnostics.map((d) => d.code), ['E004']);
          assert.equal(r.ok, false);
        } else {
          assert.deepEqual(where(r), expected);
          assert.equal(r.ok, expected.length === 0);
        }
        // On the other side too.
        const back = survives(() => p.esm.diff(text, '', { dialect }));
        assert.deepEqual(where(back), where(r));
        assert.ok(back.diagnostics.every((d) => d.side === 'current'));
      });
    }
  }

  test('a BOM changes nothing: no change against the same schema without it', () => {
    for (const dialect of DIALECTS) {
      const r = survives(() => p.esm.diff('\uFEFFCREATE TABLE t (a int);\n', 'CREATE TABLE t (a int);\n', { dialect }));
      assert.equal(r.ok, true);
      assert.deepEqual(r.changes, []);
    }
  });

  test('CRLF and lone CR read as LF: no change', () => {
    const lf = 'CREATE TABLE t (\n  a int,\n  b text\n);\nCREATE INDEX i ON t (a);\n';
    for (const dialect of DIALECTS) {
      for (const eol of ['\r\n', '\r']) {
        const r = survives(() => p.esm.diff(lf.replaceAll('\n', eol), lf, { dialect }));
        assert.equal(r.ok, true);
        assert.deepEqual(r.changes, []);
      }
    }
  });

  test('lone UTF-16 surrogates (no UTF-8 encoding) are read as U+FFFD', () => {
    const r = survives(() => p.esm.diff('', '-- \uD800 \uDFFF\nCREATE TABLE t (a int);\n'));
    assert.equal(r.ok, true);
    assert.equal(r.changes.length, 1);
    const e = survives(() => p.esm.diff('', 'CREATE TABLE \uD800 (a int);\n', { dialect: 'sqlite' }));
    assert.equal(e.ok, true, JSON.stringify(e.errors));
    assert.match(e.up, /^CREATE TABLE "?\uFFFD"? \(/m);
  });

  test('1 MB identifiers and string literals', () => {
    const id = 'a'.repeat(MB);
    for (const dialect of DIALECTS) {
      const r = survives(() => p.esm.diff('', `CREATE TABLE ${id} (x int);\n`, { dialect }));
      assert.equal(r.ok, true, JSON.stringify(r.errors));
      assert.equal(r.changes.length, 1);
      // PostgreSQL keeps the first 63 bytes of a name, as the server does; the others the name.
      assert.ok(r.up.includes(dialect === 'postgres' ? `${'a'.repeat(63)} (` : id));
      const s = survives(() => p.esm.diff('', `CREATE TABLE t (x text DEFAULT '${id}');\n`, { dialect }));
      assert.equal(s.ok, true, JSON.stringify(s.errors));
      assert.ok(s.up.includes(`'${id}'`));
      // Quoted, and unterminated at the end of a 1 MB file.
      const q = survives(() => p.esm.diff('', `CREATE TABLE "${id}" (x int);\n`, { dialect }));
      assert.equal(q.ok, true, JSON.stringify(q.errors));
      const u = survives(() => p.esm.diff('', `CREATE TABLE t (x text DEFAULT '${id});\n`, { dialect }));
      assert.deepEqual(where(u), [['E001', 1, 32]]);
    }
  });

  test('10,000 columns in one table, both ways', () => {
    const cols = Array.from({ length: 10_000 }, (_, i) => `c${i} int`).join(', ');
    for (const dialect of DIALECTS) {
      const text = `CREATE TABLE t (${cols});\n`;
      const r = survives(() => p.esm.diff('', text, { dialect }));
      assert.equal(r.ok, true, JSON.stringify(r.errors));
      assert.equal(r.changes.length, 1);
      assert.match(r.up, /\bc9999\b/);
      const same = survives(() => p.esm.diff(text, text, { dialect }));
      assert.deepEqual(same.changes, []);
    }
  });
});

// models.py: a declarative model with `extra` lines in its class body.
const HEAD = 'from sqlalchemy import Column, Integer\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\n';
const model = (extra = '') =>
  `${HEAD}\nclass T(Base):\n    __tablename__ = 't'\n    id = Column(Integer, primary_key=True)\n${extra}`;

const MODELS = [
  ['empty file', '', []],
  ['only comments', '# only\n# comments\n', []],
  ['BOM', `\uFEFF${model()}`, []],
  ['NUL byte', `${model()}\0\n`, [['E005', 8, 1]]],
  ['CRLF line ends', model('    b = Column(Integer, (\n').replaceAll('\n', '\r\n'), [['E005', 9, 1]]],
  ['lone CR line ends', model('    b = Column(Integer, (\n').replaceAll('\n', '\r'), [['E005', 9, 1]]],
  ['unterminated string', model("    b = Column(Integer, doc='abc\n"), [['E005', 8, 29]]],
  ['unterminated triple-quoted string', model("    b = Column(Integer, doc='''abc\n"), [['E005', 8, 29]]],
  [`${N} nested parentheses`, model(`    a = Column(Integer, default=${'('.repeat(N)}1${')'.repeat(N)})\n`), [['E004', 8, 131]]],
  [`${N} nested lists`, model(`    a = Column(Integer, default=${'['.repeat(N)}1${']'.repeat(N)})\n`), null],
  [`${N} nested calls`, model(`    a = Column(Integer, default=${'f('.repeat(N)}1${')'.repeat(N)})\n`), null],
  [`${N} chained attributes`, model(`    a = Column(Integer, default=a${'.b'.repeat(N)})\n`), null],
  [`${N} unary minus`, model(`    a = Column(Integer, default=${'-'.repeat(N)}1)\n`), null],
  [`${N} lambdas`, model(`    a = Column(Integer, default=${'lambda: '.repeat(N)}0)\n`), null],
];

describe('hostile models.py (wasm in Node)', () => {
  for (const [name, text, expected] of MODELS) {
    test(name, () => {
      for (const dialect of ['postgres', 'sqlite']) {
        const r = survives(() => p.esm.diff('', { files: { 'app/models.py': text } }, { dialect }));
        if (expected === null) {
          assert.deepEqual(r.diagnostics.map((d) => d.code), ['E004']);
        } else {
          assert.deepEqual(where(r), expected);
        }
        assert.equal(r.ok, r.errors.length === 0);
        assert.ok(r.diagnostics.every((d) => d.file === 'app/models.py' && d.side === 'desired'));
      }
    });
  }

  test('a BOM, CRLF or lone CR changes nothing: no change against the plain file', () => {
    const plain = model('    name = Column(Integer, nullable=False)\n');
    for (const text of [`\uFEFF${plain}`, plain.replaceAll('\n', '\r\n'), plain.replaceAll('\n', '\r')]) {
      const r = survives(() => p.esm.diff({ files: { 'm.py': text } }, { files: { 'm.py': plain } }));
      assert.equal(r.ok, true, JSON.stringify(r.diagnostics));
      assert.deepEqual(r.changes, []);
    }
  });

  test('1 MB names, 10,000 columns', () => {
    const id = 'a'.repeat(MB);
    const r = survives(() =>
      p.esm.diff('', { files: { 'm.py': `${HEAD}\nclass T(Base):\n    __tablename__ = '${id}'\n    id = Column(Integer, primary_key=True)\n` } }, { dialect: 'sqlite' }),
    );
    assert.equal(r.ok, true, JSON.stringify(r.diagnostics));
    assert.ok(r.up.includes(`CREATE TABLE ${id} (`));
    const cols = Array.from({ length: 10_000 }, (_, i) => `    c${i} = Column(Integer)\n`).join('');
    const c = survives(() => p.esm.diff('', { files: { 'm.py': model(cols) } }));
    assert.equal(c.ok, true, JSON.stringify(c.diagnostics));
    assert.match(c.up, /c9999 integer/);
  });
});

describe('hostile Alembic history (wasm in Node)', () => {
  const versions = join(ROOT, 'core/tests/histories/shop/versions');
  const shop = {};
  for (const f of readdirSync(versions).sort()) {
    if (f.endsWith('.py')) shop[`versions/${f}`] = readFileSync(join(versions, f), 'utf8');
  }
  // A fifth revision after shop's head, its upgrade() holding `body`.
  const revision = (body) =>
    '"""hostile\n\nRevision ID: 5e6f7a8b9c0d\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\n' +
    'revision = "5e6f7a8b9c0d"\ndown_revision = "4d5e6f7a8b9c"\nbranch_labels = None\ndepends_on = None\n\n\n' +
    `def upgrade() -> None:\n${body}\n\n\ndef downgrade() -> None:\n    op.drop_column("users", "x")\n`;
  const good = revision('    op.add_column("users", sa.Column("x", sa.Integer()))');
  const FILE = 'versions/5e6f7a8b9c0d_hostile.py';

  // [name, file text, expected diagnostics, number of revisions reviewed].
  const HISTORY = [
    ['BOM', `\uFEFF${good}`, [], 5],
    ['CRLF line ends', good.replaceAll('\n', '\r\n'), [], 5],
    ['lone CR line ends', good.replaceAll('\n', '\r'), [], 5],
    ['empty file', '', [], 4],
    ['only comments', '# only\n# comments\n', [], 4],
    ['NUL byte', `${good}\0`, [['E005', 20, 1]], 0],
    ['unterminated string', revision('    op.add_column("users", sa.Column("x, sa.Integer()))'), [['E005', 15, 38]], 0],
    [
      `${N} nested parentheses`,
      revision(`    op.add_column("users", sa.Column("x", sa.Integer(), server_default=${'('.repeat(N)}"1"${')'.repeat(N)}))`),
      [['E004', 15, 167]],
      0,
    ],
  ];

  for (const [name, text, expected, reviewed] of HISTORY) {
    test(name, () => {
      const files = { ...shop, [FILE]: text };
      const r = survives(() => p.esm.review({ files }, { dialect: 'postgres' }));
      assert.deepEqual(where(r), expected);
      assert.equal(r.ok, expected.length === 0);
      assert.ok(r.diagnostics.every((d) => d.file === FILE));
      assert.equal(r.reviews.length, reviewed);
      if (reviewed === 5) {
        assert.deepEqual(r.reviews[4].upgrade, ['add column public.users.x']);
        assert.equal(r.reviews[4].restores, true);
      }
      const s = survives(() => p.esm.replay({ files }, { dialect: 'sqlite' }));
      assert.deepEqual(where(s), expected);
      assert.equal(s.ok, expected.length === 0);
      if (s.ok) assert.match(s.sql, /CREATE TABLE users/);
    });
  }
});

describe('bytes that are not UTF-8, and the rest, through npx schemashift: same as the native CLI', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'schemashift-hostile-'));
  });

  function same(args) {
    const a = bin(args, { cwd: dir });
    const b = native(args, { cwd: dir });
    assert.equal(a.stderr, b.stderr, `stderr of ${args.join(' ')}`);
    assert.equal(a.stdout, b.stdout, `stdout of ${args.join(' ')}`);
    assert.equal(a.status, b.status, `exit code of ${args.join(' ')}`);
    return a;
  }

  test('Latin-1 SQL: E007 with line, column and byte offset', () => {
    writeFileSync(join(dir, 'latin1.sql'), Buffer.from('CREATE TABLE t (a int);\n-- caf\xe9 cr\xe8me\n', 'latin1'));
    for (const args of [['diff', '/dev/null', 'latin1.sql'], ['diff', 'latin1.sql', '/dev/null', '--dialect', 'mysql']]) {
      const r = same(args);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /^latin1\.sql:2:7: error\[E007\]: not UTF-8: byte 0xE9 at line 2, column 7 \(byte offset 30\)/);
    }
  });

  test('truncated UTF-8, a lone continuation byte, UTF-16 with its BOM', () => {
    writeFileSync(join(dir, 'cut.sql'), Buffer.concat([Buffer.from('CREATE TABLE t (a int); -- '), Buffer.from([0xe2, 0x82])]));
    writeFileSync(join(dir, 'cont.sql'), Buffer.concat([Buffer.from('SELECT 1;\n'), Buffer.from([0x80, 0x0a])]));
    writeFileSync(join(dir, 'utf16.sql'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('CREATE TABLE t (a int);\n', 'utf16le')]));
    for (const f of ['cut.sql', 'cont.sql', 'utf16.sql']) {
      const r = same(['diff', '/dev/null', f]);
      assert.equal(r.status, 1, f);
      assert.match(r.stderr, /error\[E00[17]\]/, f);
    }
  });

  test('the hostile SQL files', () => {
    const files = {
      'bom.sql': '\uFEFFCREATE TABLE t (a int);\n',
      'nul.sql': 'CREATE TABLE t (a int);\0\n',
      'crlf.sql': 'CREATE TABLE t (a int);\r\nCREATE TABLE (\r\n',
      'cr.sql': 'CREATE TABLE t (a int);\rCREATE TABLE (\r',
      'ustr.sql': "CREATE TABLE t (a text DEFAULT 'abc);\n",
      'ucomment.sql': 'CREATE TABLE t (a int);\n/* never closed\n',
      'udollar.sql': 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n',
      'deep.sql': `CREATE TABLE t (a integer, CHECK (${'('.repeat(N)}a > 0${')'.repeat(N)}));\n`,
      'empty.sql': '',
      'comments.sql': '-- only\n',
    };
    for (const [f, text] of Object.entries(files)) {
      writeFileSync(join(dir, f), text);
      same(['diff', '/dev/null', f]);
      same(['diff', f, '/dev/null', '--format', 'json']);
    }
  });

  test('Latin-1 models.py and Alembic revision: E007 in the file', () => {
    mkdirSync(join(dir, 'app'), { recursive: true });
    writeFileSync(join(dir, 'app', 'models.py'), Buffer.from(model('    # caf\xe9\n'), 'latin1'));
    const m = same(['diff', '/dev/null', 'app']);
    assert.equal(m.status, 1);
    assert.match(m.stderr, /^app\/models\.py:8:10: error\[E007\]: not UTF-8: byte 0xE9 at line 8, column 10 \(byte offset 201\)/);
    cpSync(join(ROOT, 'core/tests/histories/shop/versions'), join(dir, 'versions'), { recursive: true });
    writeFileSync(
      join(dir, 'versions', '5e6f7a8b9c0d_hostile.py'),
      Buffer.from(
        '"""x"""\nrevision = "5e6f7a8b9c0d"\ndown_revision = "4d5e6f7a8b9c"\n\ndef upgrade():\n    pass  # caf\xe9\n\ndef downgrade():\n    pass\n',
        'latin1',
      ),
    );
    const h = same(['review', 'versions']);
    assert.notEqual(h.status, 0);
    assert.match(h.stderr, /^versions\/5e6f7a8b9c0d_hostile\.py:6:16: error\[E007\]/m);
    same(['diff', '/dev/null', 'versions@head']);
  });
});
