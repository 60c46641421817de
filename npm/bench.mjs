// Diff time of the npm package in Node vs the native CLI, on the GitLab pg_dump pair
// (../shared/bench-inputs, ~4.7 MB each). Build first: `bash npm/build.sh` and
// `cargo build --release -p schemashift-cli`.
//
//   node npm/bench.mjs [--runs N]
//
// Prints medians (wall time, and CPU time of all threads when GNU time is there) of:
//   native CLI        whole process: `target/release/schemashift diff A B > /dev/null`
//   node cold process whole process: node start, read files, load the package (compile and
//                     instantiate the .wasm), first diff() (comparable with the native line)
//   node cold call    in that process: load the package + the first diff() call
//   node warm call    diff() again in a process that has already run one
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NPM_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(NPM_DIR);
const SHARED = process.env.SCHEMASHIFT_SHARED ?? join(ROOT, '..', 'shared');
const A = join(SHARED, 'bench-inputs', 'large_gitlab_pgdump15_2025-05-29.sql');
const B = join(SHARED, 'bench-inputs', 'large_gitlab_pgdump15_2026-02-12.sql');
const CLI = process.env.SCHEMASHIFT_CLI ?? join(ROOT, 'target', 'release', 'schemashift');
const ENTRY = pathToFileURL(join(NPM_DIR, 'dist', 'node.js')).href;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;

// Child mode: one cold process, reporting its timings as JSON.
if (process.argv[2] === '--child') {
  const t0 = performance.now();
  const current = readFileSync(A, 'utf8');
  const desired = readFileSync(B, 'utf8');
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const { diff } = await import(ENTRY);
  const t2 = performance.now();
  const r = diff(current, desired);
  const t3 = performance.now();
  const cpu = process.cpuUsage(c1);
  const warm = [];
  const warmCpu = [];
  for (let i = 0; i < Number(process.argv[3] ?? 0); i++) {
    const s = performance.now();
    const c = process.cpuUsage();
    diff(current, desired);
    warm.push(performance.now() - s);
    const u = process.cpuUsage(c);
    warmCpu.push((u.user + u.system) / 1000);
  }
  if (!r.ok) throw new Error('the GitLab pair has errors');
  process.stdout.write(
    JSON.stringify({ read: t1 - t0, load: t2 - t1, first: t3 - t2, coldCall: t3 - t1, coldCpu: (cpu.user + cpu.system) / 1000, warm, warmCpu, rss: process.memoryUsage().rss, changes: r.changes.length }),
  );
  process.exit(0);
}

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
// CPU time of a child (user + system, all threads), from GNU time when it is there.
const TIME = ['/usr/bin/time'].find((t) => spawnSync(t, ['-f', '%U', 'true']).status === 0);
const timeFile = join(tmpdir(), `schemashift-bench-${process.pid}.time`);
const wall = (cmd, args) => {
  const [c, a] = TIME ? [TIME, ['-f', '%U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(c, a, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const elapsed = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const cpu = TIME ? readFileSync(timeFile, 'utf8').trim().split(/\s+/).reduce((x, y) => x + Number(y) * 1000, 0) : NaN;
  return { elapsed, cpu, stdout: r.stdout.toString() };
};

const native = [];
const nativeCpu = [];
const procCpu = [];
const coldCpu = [];
const proc = [];
const load = [];
const first = [];
let warm = [];
let warmCpu = [];
let info;
for (let i = 0; i < runs; i++) {
  const n = wall(CLI, ['diff', A, B]);
  native.push(n.elapsed);
  nativeCpu.push(n.cpu);
  // The last process also times warm calls.
  const c = wall(process.execPath, [fileURLToPath(import.meta.url), '--child', i === runs - 1 ? String(runs) : '0']);
  info = JSON.parse(c.stdout);
  proc.push(c.elapsed);
  procCpu.push(c.cpu);
  load.push(info.load);
  first.push(info.coldCall);
  coldCpu.push(info.coldCpu);
  if (info.warm.length) [warm, warmCpu] = [info.warm, info.warmCpu];
}

const raw = readFileSync(join(NPM_DIR, 'dist', 'schemashift_wasm_bg.wasm'));
const { gzipSync } = await import('node:zlib');
console.log(`GitLab pg_dump pair (${(readFileSync(A).length / 1e6).toFixed(1)} MB -> ${(readFileSync(B).length / 1e6).toFixed(1)} MB), ${info.changes} changes; median of ${runs} runs`);
console.log(`node ${process.version}; .wasm ${raw.length} bytes raw, ${gzipSync(raw, { level: 9 }).length} bytes gzipped (zlib level 9)`);
const cpu = (xs) => (xs.every(Number.isFinite) ? `cpu ${ms(median(xs)).trim()}` : '');
rmSync(timeFile, { force: true });
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
console.log(`native CLI        ${ms(median(native))}   ${cpu(nativeCpu)}  (whole process)`);
console.log(`node cold process ${ms(median(proc))}   ${cpu(procCpu)}  (whole process)`);
console.log(`node cold call    ${ms(median(first))}   ${cpu(coldCpu)}  (load package ${ms(median(load)).trim()} + first diff)`);
console.log(`node warm call    ${ms(median(warm))}   ${cpu(warmCpu)}  (diff() again; peak RSS ${(info.rss / 2 ** 20).toFixed(0)} MB)`);
