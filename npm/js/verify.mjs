// verify(): the migration between two schemas, run on a real engine in this process, with no
// server: PostgreSQL as PGlite (`@electric-sql/pglite`) or SQLite as sql.js (`sql.js`), both
// optional peer dependencies, loaded only when verify() is called. The plan (the DDL of both
// databases, seed rows, UP and DOWN statement by statement, the engine's catalog queries,
// the row checks) comes from the WebAssembly core (verifyPlan), as do the comparisons, so
// the steps and their words are the CLI's (`schemashift verify`).

export const STEPS = [
  'build the current schema',
  'build the desired schema',
  'seed rows',
  'apply UP',
  'catalog after UP equals desired',
  'rows kept after UP',
  'apply DOWN',
  'catalog after DOWN equals current',
  'rows kept after DOWN',
];

function text(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return `x'${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')}'`;
  return String(v);
}

// The peer dependencies, imported by a name bundlers do not follow: a bundle of this package
// must not need them (browsers pass the engine module as `options.engine`).
const PGLITE = '@electric-sql/pglite';
const SQLJS = 'sql.js';
const load = (name) => import(/* webpackIgnore: true */ /* @vite-ignore */ name);

function words(e) {
  if (e && typeof e === 'object' && 'severity' in e && e.severity) return `${e.severity}: ${e.message}`;
  if (e && e.message) return String(e.message);
  return String(e);
}

// PGlite: one in-memory PostgreSQL per database.
async function pglite(mod) {
  const { PGlite } = mod ?? (await load(PGLITE));
  const open = async () => {
    const db = new PGlite();
    await db.waitReady;
    return {
      async execute(sql) {
        await db.exec(sql);
      },
      async query(sql) {
        const r = await db.query(sql, [], { rowMode: 'array' });
        return r.rows.map((row) => row.map(text));
      },
      close: () => db.close(),
    };
  };
  return {
    open,
    async name(db) {
      const [[v]] = await db.query('SHOW server_version');
      return `PostgreSQL ${v} (PGlite)`;
    },
  };
}

// sql.js: SQLite compiled to WebAssembly, in memory.
async function sqljs(mod) {
  let init = mod ?? (await load(SQLJS));
  if (init && typeof init !== 'function' && typeof init.default === 'function') init = init.default;
  const SQL = typeof init === 'function' ? await init() : init;
  const open = async () => {
    const db = new SQL.Database();
    return {
      async execute(sql) {
        db.exec(sql);
      },
      async query(sql) {
        const results = db.exec(sql);
        return results.length === 0 ? [] : results[0].values.map((row) => row.map(text));
      },
      close: () => db.close(),
    };
  };
  return {
    open,
    async name(db) {
      const [[v]] = await db.query('SELECT sqlite_version()');
      return `SQLite ${v} (sql.js)`;
    },
  };
}

export function makeVerify(wasm) {
  return async function verify(current, desired, options = {}) {
    const { engine: engineModule, ...diffOptions } = options ?? {};
    const planned = wasm.verifyPlan(current, desired, diffOptions);
    if (!planned.ok) {
      return { engine: '', verified: false, badge: 'not verified: the inputs have errors', steps: [], errors: planned.errors };
    }
    const plan = planned.plan;
    const dialect = planned.dialect;
    let engine;
    if (dialect === 'postgres') engine = await pglite(engineModule);
    else if (dialect === 'sqlite') engine = await sqljs(engineModule);
    else throw new Error(`schemashift: verify() runs on postgres (PGlite) or sqlite (sql.js), not ${dialect}`);
    const a = await engine.open();
    const b = await engine.open();
    try {
      const name = await engine.name(a);
      const steps = await run(wasm, dialect, plan, a, b);
      const failed = steps.find((s) => s.status === 'failed');
      return {
        engine: name,
        verified: !failed,
        badge: failed ? `not verified on ${name}: ${failed.name} failed` : `verified on ${name}: up, down, rows kept`,
        steps,
        errors: [],
      };
    } finally {
      await a.close();
      await b.close();
    }
  };
}

async function run(wasm, dialect, plan, a, b) {
  const steps = [];
  const done = (status, details = []) => steps.push({ name: STEPS[steps.length], status, details });
  const finish = () => {
    while (steps.length < STEPS.length) steps.push({ name: STEPS[steps.length], status: 'skipped', details: [] });
    return steps;
  };
  const fail = (details) => {
    done('failed', details);
    return finish();
  };
  const catalog = async (db) => {
    const lines = [];
    for (let i = 0; i < plan.catalog.length; i++) {
      const q = plan.catalog[i];
      let rows;
      try {
        rows = await db.query(q.sql);
      } catch (e) {
        throw new Error(`catalog query \`${q.name}\` fails: ${words(e)}`);
      }
      lines.push(...wasm.__verifyFacts(dialect, i, rows));
    }
    return lines.sort();
  };
  const apply = async (db, statements) => {
    for (let i = 0; i < statements.length; i++) {
      try {
        await db.execute(statements[i]);
      } catch (e) {
        return [`statement ${i + 1} of ${statements.length} fails: ${words(e)}`, statements[i]];
      }
    }
    return undefined;
  };
  try {
    await a.execute(plan.current_ddl);
  } catch (e) {
    return fail([`the engine refuses the current schema: ${words(e)}`]);
  }
  done('passed');
  try {
    await b.execute(plan.desired_ddl);
  } catch (e) {
    return fail([`the engine refuses the desired schema: ${words(e)}`]);
  }
  done('passed');
  let currentCatalog;
  try {
    currentCatalog = await catalog(a);
  } catch (e) {
    return fail([e.message]);
  }
  // Seed.
  const details = [];
  let inserted = 0;
  let empty = 0;
  for (const s of plan.seeds) {
    let n = 0;
    const errors = [];
    for (const row of s.rows) {
      let last;
      for (const insert of row) {
        try {
          await a.execute(insert);
          last = undefined;
          n++;
          break;
        } catch (e) {
          last = words(e);
        }
      }
      if (last !== undefined) errors.push(last);
    }
    inserted += n;
    if (n === 0) {
      empty++;
      details.push(`table ${s.table}: no row inserted: ${errors[0] ?? ''}`);
    }
  }
  for (const ns of plan.not_seeded) details.push(`table ${ns.table}: not seeded: ${ns.reason}`);
  details.unshift(`${inserted} rows in ${plan.seeds.length - empty} tables`);
  done('passed', details);
  const before = [];
  try {
    for (const r of plan.rows) before.push([await a.query(r.content_current), await a.query(r.kept_current)]);
  } catch (e) {
    return fail([`reading the seeded rows: ${words(e)}`]);
  }
  // UP.
  let problem = await apply(a, plan.up);
  if (problem) return fail(problem);
  done('passed', [`${plan.up.length} statement(s)`]);
  let got;
  let want;
  try {
    want = await catalog(b);
    got = await catalog(a);
  } catch (e) {
    return fail([e.message]);
  }
  let diff = wasm.__verifyCatalogDifferences(want, got, 'the desired schema');
  if (diff.length > 0) return fail(diff);
  done('passed', [`${got.length} catalog facts equal`]);
  let problems = [];
  for (let i = 0; i < plan.rows.length; i++) {
    const r = plan.rows[i];
    try {
      const d = wasm.__verifyRowDifferences(r.table, r.columns_kept, before[i][1], await a.query(r.kept_desired));
      if (d !== undefined) problems.push(d);
    } catch (e) {
      problems.push(`reading table ${r.table}: ${words(e)}`);
    }
  }
  if (problems.length > 0) return fail(problems);
  done('passed');
  // DOWN.
  problem = await apply(a, plan.down);
  if (problem) return fail(problem);
  done('passed', [`${plan.down.length} statement(s)`]);
  try {
    got = await catalog(a);
  } catch (e) {
    return fail([e.message]);
  }
  diff = wasm.__verifyCatalogDifferences(currentCatalog, got, 'the current schema');
  if (diff.length > 0) return fail(diff);
  done('passed', [`${got.length} catalog facts equal`]);
  problems = [];
  for (let i = 0; i < plan.rows.length; i++) {
    const r = plan.rows[i];
    try {
      const d = wasm.__verifyRowDifferences(r.table, r.columns_current, before[i][0], await a.query(r.content_current));
      if (d !== undefined) problems.push(d);
    } catch (e) {
      problems.push(`reading table ${r.table}: ${words(e)}`);
    }
  }
  if (problems.length > 0) return fail(problems);
  done('passed');
  return finish();
}

