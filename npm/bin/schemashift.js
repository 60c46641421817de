#!/usr/bin/env node
// `npx schemashift diff CURRENT DESIRED [options]`: the native CLI's behaviour (arguments,
// output, diagnostics, exit codes), on the WebAssembly build. Exit codes: 0 done, 1 input
// error, 2 usage error, 3 changes found (only with --exit-code).
import { readFileSync } from 'node:fs';
import { getSystemErrorMap } from 'node:util';
import { diff, dialects, formats, resolveDialect, version } from '../dist/node.js';

// The native CLI's usage text (cli/src/main.rs), byte for byte: test/bin.test.mjs compares them.
const USAGE = `\
usage: schemashift diff CURRENT DESIRED [options]

Compare two schema snapshots (DDL files; '-' reads stdin) and print the migration.

options:
  --down                 print the DOWN migration (desired -> current) instead of UP
  --format sql|json      output format (default: sql)
  --dialect postgres     SQL dialect (default: postgres)
  --exit-code            exit 3 when there are changes
  -h, --help             show this help
  -V, --version          show the version
`;

class Exit {
  constructor(code, text) {
    this.code = code;
    this.text = text;
  }
}

const usageError = (msg) => new Exit(2, `schemashift: ${msg}\n\n${USAGE}`);
const expected = (list) => list.join(' or ');

function parseArgs(argv) {
  const it = argv[Symbol.iterator]();
  const first = it.next().value;
  if (first === '-h' || first === '--help' || first === undefined) return new Exit(0, USAGE);
  if (first === '-V' || first === '--version') return new Exit(0, `schemashift ${version()}\n`);
  if (first !== 'diff') return usageError(`unknown command \`${first}\``);
  const files = [];
  const args = { down: false, format: 'sql', dialect: 'postgres', exitCode: false };
  for (let next = it.next(); !next.done; next = it.next()) {
    const a = next.value;
    let flag = a;
    let inline;
    const eq = a.indexOf('=');
    if (eq >= 0 && a.slice(0, eq).startsWith('--')) {
      flag = a.slice(0, eq);
      inline = a.slice(eq + 1);
    }
    const value = (name) => {
      if (inline !== undefined) return inline;
      const v = it.next();
      if (v.done) throw usageError(`${name} needs a value`);
      return v.value;
    };
    try {
      switch (flag) {
        case '--down':
          args.down = true;
          break;
        case '--exit-code':
          args.exitCode = true;
          break;
        case '-h':
        case '--help':
          return new Exit(0, USAGE);
        case '--format': {
          const v = value('--format');
          if (!formats().includes(v)) {
            return usageError(`unknown format \`${v}\` (expected ${expected(formats())})`);
          }
          args.format = v;
          break;
        }
        case '--dialect': {
          const v = value('--dialect');
          const d = resolveDialect(v);
          if (d === undefined) {
            return usageError(`unknown dialect \`${v}\` (expected ${expected(dialects())})`);
          }
          args.dialect = d;
          break;
        }
        default:
          if (flag.startsWith('-') && flag !== '-') return usageError(`unknown option \`${flag}\``);
          files.push(a);
      }
    } catch (e) {
      if (e instanceof Exit) return e;
      throw e;
    }
  }
  if (files.length !== 2) return usageError('diff needs exactly two files: CURRENT DESIRED');
  if (files[0] === '-' && files[1] === '-') {
    return usageError("only one of CURRENT and DESIRED can be '-'");
  }
  [args.current, args.desired] = files;
  return args;
}

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
  return err.message;
}

const displayName = (path) => (path === '-' ? '<stdin>' : path);

function readInput(path) {
  let bytes;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (err) {
    throw new Error(`${displayName(path)}: ${ioMessage(err)}`);
  }
  try {
    // Keep a byte order mark, as the native CLI does.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error(`${displayName(path)}: stream did not contain valid UTF-8`);
  }
}

// The native CLI counts columns in characters; the package reports UTF-16 columns.
function charColumn(text, d) {
  if (d.line === 0) return d.column;
  const lineStart = d.utf16Offset - (d.column - 1);
  return [...text.slice(lineStart, d.utf16Offset)].length + 1;
}

function run(args) {
  let current;
  let desired;
  try {
    current = readInput(args.current);
    desired = readInput(args.desired);
  } catch (err) {
    process.stderr.write(`schemashift: ${err.message}\n`);
    return 1;
  }
  const r = diff(current, desired, { dialect: args.dialect, format: args.format });
  let err = '';
  for (const d of r.diagnostics) {
    const file = displayName(d.side === 'current' ? args.current : args.desired);
    const text = d.side === 'current' ? current : desired;
    err += `${file}:${d.line}:${charColumn(text, d)}: ${d.severity}: ${d.message}\n`;
  }
  if (err) process.stderr.write(err);
  if (!r.ok) return 1;
  let out;
  if (args.format === 'json') out = args.down ? r.json.down : r.json.up;
  else out = args.down ? r.down : r.up;
  process.stdout.write(out);
  const changes = args.down ? r.downChanges : r.changes;
  return args.exitCode && changes.length > 0 ? 3 : 0;
}

const parsed = parseArgs(process.argv.slice(2));
if (parsed instanceof Exit) {
  (parsed.code === 0 ? process.stdout : process.stderr).write(parsed.text);
  process.exitCode = parsed.code;
} else {
  process.exitCode = run(parsed);
}
