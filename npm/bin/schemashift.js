#!/usr/bin/env node
// `npx schemashift diff CURRENT DESIRED [options]`: the native CLI itself (its Rust code,
// crate `schemashift-cli`, compiled into the package's WebAssembly), with Node's fs as the
// host. Exit codes: 0 done, 1 input error, 2 usage error, 3 changes found (only with
// --exit-code), 4 hazards of a denied kind (only with --deny).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getSystemErrorMap } from 'node:util';

const { __cli: cli } = createRequire(import.meta.url)('../dist/node.cjs');

// Rust's io::Error text for the usual errors, so messages match the native CLI.
const STRERROR = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
};

function ioMessage(err) {
  if (typeof err.errno === 'number' && err.code) {
    const known = STRERROR[err.code];
    const libuv = getSystemErrorMap().get(err.errno)?.[1] ?? err.code;
    const text = known ?? libuv.charAt(0).toUpperCase() + libuv.slice(1);
    return `${text} (os error ${Math.abs(err.errno)})`;
  }
  return String(err.message ?? err);
}

// Each callback throws the error text as a string (what the Rust side prints after the path).
const io = (fn) => (...args) => {
  try {
    return fn(...args);
  } catch (err) {
    throw ioMessage(err);
  }
};

const host = {
  read: io((path) => readFileSync(path === '-' ? 0 : path)),
  write: io((path, text) => writeFileSync(path, text)),
  listDir: io((path) => readdirSync(path)),
};

const r = cli(process.argv.slice(2), host);
if (r.stdout) process.stdout.write(r.stdout);
if (r.stderr) process.stderr.write(r.stderr);
process.exitCode = r.code;
