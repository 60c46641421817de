// Shared by the node --test suites: the packed tarball installed into a temporary project,
// the native CLI to compare with, and the case files of the core.
//
// Environment:
//   SCHEMASHIFT_NPM_TGZ   the tarball to test (default: newest target/npm/schemashift-*.tgz)
//   SCHEMASHIFT_CLI       the native CLI (default: target/release/schemashift, else debug)
//   SCHEMASHIFT_SHARED    the shared data folder (default: ../shared next to the repository)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NPM_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = dirname(NPM_DIR);
export const TOOLS = join(NPM_DIR, 'tools');
export const SHARED = process.env.SCHEMASHIFT_SHARED ?? join(ROOT, '..', 'shared');
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');

export function tarball() {
  if (process.env.SCHEMASHIFT_NPM_TGZ) return resolve(process.env.SCHEMASHIFT_NPM_TGZ);
  const dir = join(TARGET, 'npm');
  const tgz = existsSync(dir)
    ? readdirSync(dir).filter((f) => /^schemashift-.*\.tgz$/.test(f)).map((f) => join(dir, f))
    : [];
  if (tgz.length === 0) throw new Error(`no tarball in ${dir}: run bash npm/build.sh first`);
  return tgz.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

export function nativeCli() {
  const candidates = [
    process.env.SCHEMASHIFT_CLI,
    join(TARGET, 'release', 'schemashift'),
    join(TARGET, 'debug', 'schemashift'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`no native CLI (${candidates.join(', ')}): cargo build --release -p schemashift-cli`);
  return found;
}

/** Run a command; stdout/stderr as strings, exactly as written. */
export function run(cmd, args, { input, cwd } = {}) {
  const r = spawnSync(cmd, args, { input, cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const native = (args, opts) => run(nativeCli(), args, opts);

let installed;

/**
 * A temporary npm project with the tarball installed (once per test process, removed at exit),
 * and the package loaded from it both ways: `esm` (import) and `cjs` (require).
 */
export async function project() {
  if (installed) return installed;
  const dir = mkdtempSync(join(tmpdir(), 'schemashift-npm-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  const tgz = tarball();
  const npm = run('npm', ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', tgz], { cwd: dir });
  if (npm.status !== 0) throw new Error(`npm install ${tgz} failed:\n${npm.stderr}`);
  // Loaders that resolve the package from the project, as a user's code would.
  writeFileSync(join(dir, 'esm.mjs'), "export * from 'schemashift';\nexport { default } from 'schemashift';\n");
  writeFileSync(join(dir, 'cjs.cjs'), "module.exports = require('schemashift');\n");
  const esm = await import(pathToFileURL(join(dir, 'esm.mjs')).href);
  const cjs = createRequire(join(dir, 'cjs.cjs'))('./cjs.cjs');
  const pkgDir = join(dir, 'node_modules', 'schemashift');
  installed = { dir, pkgDir, tgz, esm, cjs };
  return installed;
}

/** The core's case folders for a dialect: { name, dir, current, desired, currentText, desiredText }. */
export function cases(dialect = 'postgres') {
  const root = join(ROOT, 'core', 'tests', 'cases', dialect);
  return readdirSync(root)
    .sort()
    .map((name) => join(root, name))
    .filter((dir) => existsSync(join(dir, 'current.sql')) && existsSync(join(dir, 'desired.sql')))
    .map((dir) => ({
      name: dir.slice(root.length + 1),
      dir,
      current: join(dir, 'current.sql'),
      desired: join(dir, 'desired.sql'),
      currentText: readFileSync(join(dir, 'current.sql'), 'utf8'),
      desiredText: readFileSync(join(dir, 'desired.sql'), 'utf8'),
    }));
}

/** The GitLab pg_dump pair from the shared bench inputs, or undefined if absent. */
export function gitlabPair() {
  const dir = join(SHARED, 'bench-inputs');
  const current = join(dir, 'large_gitlab_pgdump15_2025-05-29.sql');
  const desired = join(dir, 'large_gitlab_pgdump15_2026-02-12.sql');
  if (!existsSync(current) || !existsSync(desired)) return undefined;
  return { current, desired };
}
