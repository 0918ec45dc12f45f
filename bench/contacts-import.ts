// `npm run bench:contacts`: a 1,000,000-row contact CSV (about 40 MB)
//   1. imported end to end — uploaded over HTTP to POST /api/v1/groups/{id}/csv, stored, parsed, checked (phones to
//      E.164), COPYed batch by batch and merged into the contacts and the group by the job — rows/s, against
//      COPY … FROM STDIN of the same file into a table shaped like the contacts table (same columns and indexes);
//   2. exported — GET /api/v1/groups/{id}/csv — rows/s and the app server's peak RSS, against
//      COPY (the same query) TO STDOUT.
// The import's line also gives the CPU seconds of the app server and of PostgreSQL (the embedded one) beside COPY's.
// Between the steps, VACUUM (ANALYZE) does what autovacuum would otherwise do beside the next timed step.
// BENCH_ROWS changes the row count. Needs a production build (npx next build); bench/contacts-import-inproc.ts is the
// import alone without one.
import { createReadStream, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { startAppServer } from '../e2e/fixtures/app-server';
import { bootstrapTenant } from '../e2e/fixtures/tenant';
import { phoneOf } from '../server/test/contacts-csv';
import { postmasterPid, treeCpuMs } from './cpu-time';
import { benchPort } from './ports';

const APP_PORT = benchPort();
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const FILE = `.data/bench-contacts-${ROWS}.csv`;

// ── The file: first and last name, a phone written three ways, an email ────────────────────────────────────────────
mkdirSync('.data', { recursive: true });
const FIRST = ['Ann', 'Bob', 'Cleo', 'Dev', 'Eve', 'Finn', 'Gia', 'Hal', 'Ivy', 'Jon'];
const LAST = ['Lee', 'Kim', 'Diaz', 'Shah', 'Moss', 'Cho', 'Roy', 'Park'];
const lines = ['First Name,Last Name,Phone,Email'];
for (let i = 0; i < ROWS; i++) {
  const p = phoneOf(i);
  const d = p.slice(2);
  const phone = i % 3 === 0 ? p : i % 3 === 1 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`;
  lines.push(`${FIRST[i % 10]},${LAST[i % 8]},${phone},c${i}@x.io`);
}
writeFileSync(FILE, `${lines.join('\n')}\n`);
lines.length = 0;
const bytes = statSync(FILE).size;
console.log(`file: ${ROWS.toLocaleString('en')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}`);

const databaseUrl = await prepareTestDatabase('pitchcraft_bench_contacts');
const app = await startAppServer({ port: APP_PORT, databaseUrl, quiet: true, env: { RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', RATE_LIMIT_AUTH_PER_MINUTE: '100000000' } });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
// CPU seconds of the app server's process tree and of PostgreSQL (the embedded server's; '-' for DATABASE_URL's).
const pgPid = postmasterPid();
const cpuSeconds = () => ({ app: treeCpuMs(app.pid) / 1000, pg: pgPid ? treeCpuMs(pgPid) / 1000 : NaN });
const cpuText = (s: number) => (Number.isNaN(s) ? '-' : s.toFixed(1));
pool.on('error', () => undefined);

try {
  const tenant = await bootstrapTenant(app.url, 'bench-contacts');
  const headers = { 'x-api-key': tenant.apiKey };
  const group = await (await fetch(`${app.url}/api/v1/groups`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bench' }) })).json();

  // ── 1. Import ───────────────────────────────────────────────────────────────────────────────────────────────────
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  const posted = await fetch(`${app.url}/api/v1/groups/${group.id}/csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv', 'content-length': String(bytes) },
    body: Readable.toWeb(createReadStream(FILE)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const accepted = await posted.json();
  if (posted.status !== 202) throw new Error(`the import answered ${posted.status}: ${JSON.stringify(accepted)}`);
  const uploaded = performance.now();
  let report;
  for (;;) {
    report = await (await fetch(`${app.url}/api/v1/imports/${accepted.importId}`, { headers })).json();
    if (report.status === 'completed' || report.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const appSeconds = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds();
  if (report.status !== 'completed' || report.report.imported !== ROWS) throw new Error(`the import ended ${report.status}: ${JSON.stringify(report.report)}`);

  // A million new rows (and the upload's chunks, deleted) are autovacuum's next work: done here, outside every timing,
  // so that it does not run beside whichever of the timed steps below happens to come next (the baseline COPY or an
  // export) and slow that one alone.
  await pool.query('VACUUM (ANALYZE)');

  // The baseline: the same file straight into a table like the contacts table (its columns, defaults and indexes).
  await pool.query(`CREATE TABLE bench_copy (LIKE "Contact" INCLUDING DEFAULTS INCLUDING INDEXES)`);
  await pool.query(`ALTER TABLE bench_copy ALTER COLUMN id SET DEFAULT gen_random_uuid(), ALTER COLUMN "organizationId" SET DEFAULT '${tenant.organizationId}'`);
  const client = await pool.connect();
  const c0 = performance.now();
  const pgCopy0 = cpuSeconds().pg;
  try {
    await pipeline(createReadStream(FILE), client.query(copyFrom(`COPY bench_copy ("firstName", "lastName", phone, email) FROM STDIN WITH (FORMAT csv, HEADER)`)));
  } finally {
    client.release();
  }
  const copySeconds = (performance.now() - c0) / 1000;
  const pgCopy = cpuSeconds().pg - pgCopy0;
  // Nothing reads it again; dropped so that autovacuum has no million rows to vacuum beside the exports.
  await pool.query('DROP TABLE bench_copy');
  console.log('\n1. POST /api/v1/groups/{id}/csv until the import is complete, against COPY … FROM STDIN into a table like "Contact"');
  console.log(
    `${'rows'.padStart(10)} ${'app s'.padStart(7)} ${'(upload s)'.padStart(10)} ${'app rows/s'.padStart(11)} ${'cpu: app'.padStart(8)} ${'pg'.padStart(5)} ` +
      `${'COPY s'.padStart(7)} ${'COPY rows/s'.padStart(12)} ${'cpu: pg'.padStart(7)} ${'ratio'.padStart(6)}`,
  );
  console.log(
    `${ROWS.toLocaleString('en').padStart(10)} ${appSeconds.toFixed(1).padStart(7)} ${((uploaded - t0) / 1000).toFixed(1).padStart(10)} ${Math.round(ROWS / appSeconds).toLocaleString('en').padStart(11)} ` +
      `${cpuText(cpu1.app - cpu0.app).padStart(8)} ${cpuText(cpu1.pg - cpu0.pg).padStart(5)} ` +
      `${copySeconds.toFixed(1).padStart(7)} ${Math.round(ROWS / copySeconds).toLocaleString('en').padStart(12)} ${cpuText(pgCopy).padStart(7)} ${`${(copySeconds / appSeconds).toFixed(2)}×`.padStart(6)}   load ${os.loadavg()[0]!.toFixed(2)}`,
  );

  // ── 2. Export ───────────────────────────────────────────────────────────────────────────────────────────────────
  const exportVia = async () => {
    const res = await fetch(`${app.url}/api/v1/groups/${group.id}/csv`, { headers });
    if (res.status !== 200) throw new Error(`export answered ${res.status}`);
    let n = -1;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) for (const b of chunk) if (b === 10) n++;
    return n;
  };
  const copyOut = async () => {
    const sql = `COPY (SELECT c."firstName", c."lastName", c.phone, c.email, c.address, c.custom1, c.custom2, c.custom3, c.description
      FROM "ContactGroupMember" m JOIN "Contact" c ON c.id = m."contactId" WHERE m."groupId" = '${group.id}' ORDER BY c."createdAt", c.id) TO STDOUT WITH (FORMAT csv, HEADER)`;
    const out = await pool.connect();
    let n = -1;
    try {
      await pipeline(out.query(copyTo(sql)), new Writable({ write(chunk: Buffer, _e, done) { for (const b of chunk) if (b === 10) n++; done(); } }));
    } finally {
      out.release();
    }
    return n;
  };
  const rss = rssSampler(app.pid);
  const e0 = performance.now();
  const exported = await exportVia();
  const exportSeconds = (performance.now() - e0) / 1000;
  const peak = rss.stop();
  const o0 = performance.now();
  const copied = await copyOut();
  const copyOutSeconds = (performance.now() - o0) / 1000;
  if (exported !== copied) throw new Error(`the export wrote ${exported} rows and COPY ${copied}`);
  console.log('\n2. GET /api/v1/groups/{id}/csv, against COPY (the same rows) TO STDOUT');
  console.log(`${'rows'.padStart(10)} ${'app rows/s'.padStart(11)} ${'COPY rows/s'.padStart(12)} ${'ratio'.padStart(6)} ${'RSS before'.padStart(11)} ${'peak'.padStart(8)} ${'growth'.padStart(8)}`);
  console.log(
    `${exported.toLocaleString('en').padStart(10)} ${Math.round(exported / exportSeconds).toLocaleString('en').padStart(11)} ${Math.round(copied / copyOutSeconds).toLocaleString('en').padStart(12)} ` +
      `${`${(copyOutSeconds / exportSeconds).toFixed(2)}×`.padStart(6)} ${mb(peak.before).padStart(11)} ${mb(peak.max).padStart(8)} ${`+${mb(peak.max - peak.before)}`.padStart(8)}`,
  );
} finally {
  await pool.end();
  await app.stop();
  await stopTestDatabase();
}

function mb(n: number) {
  return `${(n / 1024 / 1024).toFixed(0)} MB`;
}

/** Samples the resident memory of a process and its descendants every 50 ms (tsx runs the server in a child). */
function rssSampler(pid: number) {
  const tree = (p: number): number[] => {
    const kids: number[] = [];
    try {
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const c of readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) kids.push(...tree(Number(c)));
      }
    } catch {
      // The process ended.
    }
    return [p, ...kids];
  };
  const rss = () => tree(pid).reduce((sum, p) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return sum;
    }
  }, 0);
  const before = rss();
  let max = before;
  const timer = setInterval(() => (max = Math.max(max, rss())), 50);
  return { stop: () => (clearInterval(timer), { before, max }) };
}
