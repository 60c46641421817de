// `npx schemashift ...` from the installed package behaves like the native CLI: same stdout,
// same stderr, same exit code, byte for byte.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { cases, native, project, run } from './helpers.mjs';

let p;
let bin;
before(async () => {
  p = await project();
  // What `npx schemashift` runs: the bin npm linked into node_modules/.bin (called directly
  // in the bulk of the tests: npx itself costs ~0.3 s a call).
  bin = (args, opts) => run(join(p.dir, 'node_modules', '.bin', 'schemashift'), args, { cwd: p.dir, ...opts });
});

const npx = (args, opts) =>
  run('npx', ['--no-install', '--loglevel=error', 'schemashift', ...args], { cwd: p.dir, ...opts });

function same(args, opts = {}, via = bin) {
  const a = via(args, opts);
  const b = native(args, { cwd: p.dir, ...opts });
  assert.equal(a.stderr, b.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(a.stdout, b.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(a.status, b.status, `exit code of ${args.join(' ')}`);
  return a;
}

describe('npx schemashift: same as the native CLI', () => {
  test('help, version and usage errors', () => {
    for (const args of [
      [],
      ['-h'],
      ['--help'],
      ['-V'],
      ['--version'],
      ['frobnicate'],
      ['diff'],
      ['diff', 'a.sql'],
      ['diff', 'a.sql', 'b.sql', 'c.sql'],
      ['diff', '-', '-'],
      ['diff', 'a.sql', 'b.sql', '--format'],
      ['diff', 'a.sql', 'b.sql', '--format', 'xml'],
      ['diff', 'a.sql', 'b.sql', '--format=yaml'],
      ['diff', 'a.sql', 'b.sql', '--format', 'alembic'],
      ['diff', 'a.sql', 'b.sql', '-m', 'x'],
      ['diff', 'a.sql', 'b.sql', '--format', 'alembic', '-m'],
      ['diff', 'a.sql', 'b.sql', '--format', 'alembic', '-m', 'x', '--rev-id', 'a-b'],
      ['diff', 'a.sql', 'b.sql', '--format', 'alembic', '-m', 'x', '--down-revision=a b'],
      ['diff', 'a.sql', 'b.sql', '--format', 'alembic', '-m', 'x', '--create-date', '1\n2'],
      ['diff', 'a.sql', 'b.sql', '--dialect', 'oracle'],
      ['diff', 'a.sql', 'b.sql', '--dialect'],
      ['diff', 'a.sql', 'b.sql', '--bogus'],
      ['diff', 'a.sql', '-x', 'b.sql'],
      ['diff', '--help', '--bogus'],
    ]) {
      same(args);
    }
  });

  test('through npx', () => {
    same(['--version'], {}, npx);
    same(['diff', 'a.sql'], {}, npx);
    const c = cases()[0];
    same(['diff', c.current, c.desired, '--exit-code'], {}, npx);
  });

  test('the core cases, each output option in turn', () => {
    // node.test.mjs compares every case both ways in every format through the API; here each
    // case runs once, with the next option set of the list (a node process each).
    const options = [[], ['--down'], ['--format', 'json'], ['--format=json', '--down'], ['--exit-code'], ['--dialect', 'pg', '--down', '--exit-code']];
    cases().forEach((c, i) => {
      const extra = options[i % options.length];
      const r = same(['diff', c.current, c.desired, ...extra]);
      assert.ok(r.status === 0 || r.status === 3, `${c.name} ${extra}: exit ${r.status}`);
    });
  });

  test('stdin, no changes, input errors, unreadable files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schemashift-bin-'));
    const f = (name, text) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const a = f('a.sql', 'CREATE TABLE t (a int);\n');
    const b = f('b.sql', '-- café 😀\nCREATE TABLE t (a int, b text);\nALTER TABLE t ENABLE ALWAYS TRIGGER x;\n');
    const bad = f('bad.sql', '-- 😀😀\nCREATE TABLE 😀 (a int, a int);\nCREATE TABLE (\n');
    const bom = f('bom.sql', '\uFEFFCREATE TABLE t (a int);\n');
    const latin1 = join(dir, 'latin1.sql');
    writeFileSync(latin1, Buffer.from([0x2d, 0x2d, 0x20, 0xe9, 0x0a]));
    const locked = f('locked.sql', 'CREATE TABLE t (a int);\n');
    chmodSync(locked, 0o000);

    same(['diff', a, b]);
    same(['diff', a, b, '--exit-code']);
    assert.equal(same(['diff', a, a, '--exit-code']).status, 0);
    assert.equal(same(['diff', a, b, '--exit-code']).status, 3);
    same(['diff', '-', b], { input: 'CREATE TABLE t (a int);\n' });
    same(['diff', a, '-', '--down'], { input: 'CREATE TABLE u (a int);\n' });
    assert.equal(same(['diff', a, bad]).status, 1);
    assert.equal(same(['diff', '-', a], { input: 'CREATE TABLE (' }).status, 1);
    same(['diff', bad, bad, '--format', 'json']);
    same(['diff', bom, a]);
    same(['diff', a, latin1]);
    same(['diff', join(dir, 'missing.sql'), a]);
    same(['diff', a, join(dir, 'missing.sql')]);
    same(['diff', dir, a]);
    if (process.getuid?.() !== 0) same(['diff', locked, a]); // root reads anything

    // Alembic revision files: printed, and written into a folder chaining onto its head.
    const fixed = ['--rev-id', '1975ea83b712', '--create-date', '2026-01-15 14:20:00'];
    same(['diff', a, b, '--format', 'alembic', '-m', 'Add b to t (café)', ...fixed]);
    same(['diff', a, b, '--format=alembic', '-m', 'x', '--down-revision', 'abc123def456', '--dialect', 'sqlite', ...fixed]);
    const versions = join(dir, 'versions');
    mkdirSync(versions);
    // The native CLI writes first, then the bin writes the same file again: same output.
    same(['diff', a, b, '--format', 'alembic', '-m', 'first', '-o', versions, ...fixed]);
    same(['diff', a, b, '--format', 'alembic', '-m', 'second one', '-o', `${versions}/`, '--rev-id', '2b3c4d5e6f70', '--create-date', '2026-01-16 09:00:00']);
    assert.match(readFileSync(join(versions, '2b3c4d5e6f70_second_one.py'), 'utf8'), /Revises: 1975ea83b712\n/);
    same(['diff', a, b, '--format', 'alembic', '-m', 'x', '-o', join(dir, 'missing')]);
  });
});
