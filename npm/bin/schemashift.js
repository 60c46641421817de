#!/usr/bin/env node
// `npx schemashift diff CURRENT DESIRED [options]`: the native CLI's behaviour (arguments,
// output, diagnostics, exit codes), on the WebAssembly build. Exit codes: 0 done, 1 input
// error, 2 usage error, 3 changes found (only with --exit-code), 4 hazards of a denied kind
// (only with --deny).
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getSystemErrorMap } from 'node:util';
import { diff, dialects, formats, resolveDialect, version } from '../dist/node.js';

// The native CLI's usage text (cli/src/main.rs), byte for byte: test/bin.test.mjs compares them.
const USAGE = `\
usage: schemashift diff CURRENT DESIRED [options]

Compare two schema snapshots (DDL files; '-' reads stdin) and print the migration.

options:
  --down                 print the DOWN migration (desired -> current) instead of UP
  --format sql|json|alembic
                         output format (default: sql); alembic prints an Alembic revision file
                         (upgrade and downgrade)
  --dialect NAME         SQL dialect: postgres (default) or sqlite
  --exit-code            exit 3 when there are changes
  --rename SPEC          declare a rename: old=new (table) or table.old=new (column);
                         repeatable (the DDL can also say \`-- schemashift: renamed from old\`)
  --concurrently         create/drop indexes of existing tables CONCURRENTLY (PostgreSQL)
  --not-valid-fks        add foreign keys to existing tables NOT VALID, then VALIDATE them
  --backfill             new NOT NULL columns without a default: add nullable, fill existing
                         rows with a placeholder value to review, then SET NOT NULL
  --deny KINDS           exit 4 when the printed direction has hazards of these kinds
                         (comma-separated: destructive, data_dependent, locking,
                         irreversible, or all); hazards are always printed as warnings
  -h, --help             show this help
  -V, --version          show the version

alembic options (with --format alembic):
  -m, --message TEXT     revision message (required)
  --rev-id ID            revision id (default: 12 random hex digits)
  --down-revision ID     revision this one follows (default: the head of the -o folder, else
                         none)
  --create-date DATE     the file's Create Date (default: now, local time)
  -o, --output DIR       write DIR/<rev>_<slug>.py (Alembic's file name) instead of printing;
                         prints the path
`;

class Exit {
  constructor(code, text) {
    this.code = code;
    this.text = text;
  }
}

const usageError = (msg) => new Exit(2, `schemashift: ${msg}\n\n${USAGE}`);
// "a or b", "a, b or c", as the native CLI lists choices.
const expected = (list) =>
  list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list.join('');
const isRevId = (s) => /^[A-Za-z0-9_]+$/.test(s);

function parseArgs(argv) {
  const it = argv[Symbol.iterator]();
  const first = it.next().value;
  if (first === '-h' || first === '--help' || first === undefined) return new Exit(0, USAGE);
  if (first === '-V' || first === '--version') return new Exit(0, `schemashift ${version()}\n`);
  if (first !== 'diff') return usageError(`unknown command \`${first}\``);
  const files = [];
  const args = { down: false, format: 'sql', dialect: 'postgres', exitCode: false, renames: [], deny: [] };
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
        case '--concurrently':
          args.concurrently = true;
          break;
        case '--not-valid-fks':
          args.notValidFks = true;
          break;
        case '--backfill':
          args.backfill = true;
          break;
        case '--rename':
          args.renames.push(value('--rename'));
          break;
        case '--deny': {
          const kinds = ['destructive', 'data_dependent', 'locking', 'irreversible'];
          for (const k of value('--deny').split(',').map((x) => x.trim())) {
            if (k === 'all') args.deny.push(...kinds);
            else if (kinds.includes(k.replaceAll('-', '_'))) args.deny.push(k.replaceAll('-', '_'));
            else {
              return usageError(
                `unknown hazard kind \`${k}\` (expected destructive, data_dependent, locking, irreversible or all)`,
              );
            }
          }
          break;
        }
        case '-m':
        case '--message':
          args.message = value(flag);
          break;
        case '--rev-id': {
          const v = value(flag);
          if (!isRevId(v)) return usageError(`bad --rev-id \`${v}\` (letters, digits, _)`);
          args.revId = v;
          break;
        }
        case '--down-revision': {
          const v = value(flag);
          if (!isRevId(v)) return usageError(`bad --down-revision \`${v}\` (letters, digits, _)`);
          args.downRevision = v;
          break;
        }
        case '--create-date': {
          const v = value(flag);
          if (/[\n\r]/.test(v)) return usageError('--create-date must be one line');
          args.createDate = v;
          break;
        }
        case '-o':
        case '--output':
          args.output = value(flag);
          break;
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
  const alembicOnly = ['message', 'revId', 'downRevision', 'createDate', 'output'].some((k) => k in args);
  if (args.format !== 'alembic' && alembicOnly) {
    return usageError('-m, --rev-id, --down-revision, --create-date and -o need --format alembic');
  }
  if (args.format === 'alembic' && !('message' in args)) {
    return usageError('--format alembic needs a message: -m TEXT');
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

// Alembic's default file name (%(rev)s_%(slug)s.py): the message's words joined by '_',
// lower-cased, cut at a word boundary to 40 characters (as the core's render::alembic::slug).
function slug(message) {
  const s = (message.match(/[\p{L}\p{N}_]+/gu) ?? []).join('_').toLowerCase();
  const chars = [...s];
  if (chars.length <= 40) return s;
  const head = chars.slice(0, 40).join('');
  const i = head.lastIndexOf('_');
  return `${i >= 0 ? head.slice(0, i) : head}_`;
}

// The head of the revisions in `dir`: the one no other revision names as its down_revision.
// A file of `newRev` itself (about to be overwritten) does not count.
function headRevision(dir, newRev) {
  const assigned = (line, name) => {
    if (!line.startsWith(name)) return undefined;
    let rest = line.slice(name.length).trimStart();
    if (rest.startsWith(':')) {
      const eq = rest.indexOf('=');
      if (eq < 0) return undefined;
      rest = rest.slice(eq + 1);
    } else if (rest.startsWith('=')) rest = rest.slice(1);
    else return undefined;
    const value = rest.split('#')[0].trim();
    return value
      .split(/[(),[\]]/)
      .map((p) => p.trim())
      .map((p) => /^'(.*)'$/.exec(p)?.[1] ?? /^"(.*)"$/.exec(p)?.[1])
      .filter((p) => p !== undefined);
  };
  let names;
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.py')).sort();
  } catch (err) {
    throw new Error(`${dir}: ${ioMessage(err)}`);
  }
  const revisions = [];
  const parents = new Set();
  for (const name of names) {
    const path = join(dir, name);
    let text;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new Error(`${path}: ${ioMessage(err)}`);
    }
    let rev;
    let downs = [];
    for (const line of text.split('\n')) {
      const r = assigned(line, 'revision');
      if (r) rev = r[0];
      else downs = assigned(line, 'down_revision') ?? downs;
    }
    if (rev === newRev) continue;
    downs.forEach((d) => parents.add(d));
    if (rev !== undefined) revisions.push(rev);
  }
  const heads = revisions.filter((r) => !parents.has(r));
  if (heads.length > 1) throw new Error(`${dir}: several heads (${heads.join(', ')}); pass --down-revision`);
  return heads[0];
}

function nowCreateDate() {
  const d = new Date();
  const p = (n, w = 2) => String(n).padStart(w, '0');
  const base = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  return d.getMilliseconds() ? `${base}.${p(d.getMilliseconds() * 1000, 6)}` : base;
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
  const options = { dialect: args.dialect, format: args.format };
  if (args.renames.length) options.renames = args.renames;
  for (const k of ['concurrently', 'notValidFks', 'backfill']) if (args[k]) options[k] = true;
  if (args.format === 'alembic') {
    try {
      options.message = args.message;
      options.revId = args.revId ?? randomBytes(6).toString('hex');
      options.createDate = args.createDate ?? nowCreateDate();
      const down = args.downRevision ?? (args.output !== undefined ? headRevision(args.output, options.revId) : undefined);
      if (down !== undefined) options.downRevision = down;
    } catch (err) {
      process.stderr.write(`schemashift: ${err.message}\n`);
      return 1;
    }
  }
  let r;
  try {
    r = diff(current, desired, options);
  } catch (err) {
    // A bad --rename spec: a usage error, as in the native CLI.
    if (args.renames.length && /rename/.test(err.message)) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  let err = '';
  for (const d of r.diagnostics) {
    const file = displayName(d.side === 'current' ? args.current : args.desired);
    const text = d.side === 'current' ? current : desired;
    err += `${file}:${d.line}:${charColumn(text, d)}: ${d.severity}: ${d.message}\n`;
  }
  if (err) process.stderr.write(err);
  if (!r.ok) return 1;
  const changes = args.down ? r.downChanges : r.changes;
  // What may lose data or fail on the rows present, for the direction printed.
  let hazards = '';
  let denied = 0;
  for (const c of changes) {
    for (const h of c.hazards) {
      hazards += `warning: ${h.message} [${h.code}]\n`;
      if (args.deny.includes(h.kind)) denied += 1;
    }
  }
  if (hazards) process.stderr.write(hazards);
  let out;
  if (args.format === 'json') out = args.down ? r.json.down : r.json.up;
  else if (args.format === 'alembic') {
    out = r.alembic;
    if (args.output !== undefined) {
      // As Rust's Path::join prints it (no normalization).
      const sep = args.output.endsWith('/') ? '' : '/';
      const path = `${args.output}${sep}${options.revId}_${slug(args.message)}.py`;
      try {
        writeFileSync(path, out);
      } catch (err) {
        process.stderr.write(`schemashift: ${path}: ${ioMessage(err)}\n`);
        return 1;
      }
      out = `${path}\n`;
    }
  } else out = args.down ? r.down : r.up;
  process.stdout.write(out);
  if (denied > 0) {
    process.stderr.write(`schemashift: ${denied} hazard(s) of a denied kind (--deny); see the warnings above\n`);
    return 4;
  }
  return args.exitCode && changes.length > 0 ? 3 : 0;
}

const parsed = parseArgs(process.argv.slice(2));
if (parsed instanceof Exit) {
  (parsed.code === 0 ? process.stdout : process.stderr).write(parsed.text);
  process.exitCode = parsed.code;
} else {
  process.exitCode = run(parsed);
}
