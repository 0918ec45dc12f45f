// `npx tsx bench/contacts-import-inproc.ts`: bench:contacts' import without the production build, for iterating on the
// import's speed. In this process: the same file as bench:contacts uploaded through the REST handler (in-process),
// then the contacts.import job run to its end, timed beside COPY … FROM STDIN of the same file into a table like
// "Contact" in the same run — with the CPU time of this process and of PostgreSQL for each half. BENCH_ROWS changes
// the row count (default 200,000); BENCH_REPEAT=n runs the pair n times (each into a fresh group of new contacts).
// The number that counts is bench:contacts' (HTTP, the production server); this one is its near twin.
import { createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { phoneOf } from '../server/test/contacts-csv';
import { postmasterPid, selfCpuMs, treeCpuMs } from './cpu-time';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);

mkdirSync('.data', { recursive: true });
const FIRST = ['Ann', 'Bob', 'Cleo', 'Dev', 'Eve', 'Finn', 'Gia', 'Hal', 'Ivy', 'Jon'];
const LAST = ['Lee', 'Kim', 'Diaz', 'Shah', 'Moss', 'Cho', 'Roy', 'Park'];
/** bench:contacts' file, its rows numbered from `offset` (each run imports new contacts). */
function writeFile(offset: number): string {
  const file = `.data/bench-contacts-inproc-${ROWS}-${offset}.csv`;
  const lines = ['First Name,Last Name,Phone,Email'];
  for (let j = 0; j < ROWS; j++) {
    const i = offset + j;
    const p = phoneOf(i);
    const d = p.slice(2);
    const phone = i % 3 === 0 ? p : i % 3 === 1 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`;
    lines.push(`${FIRST[i % 10]},${LAST[i % 8]},${phone},c${i}@x.io`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const databaseUrl = await prepareTestDatabase('pitchcraft_bench_contacts_inproc');
// Read before DATABASE_URL is set (then it names the embedded server's database, whose CPU is ours to read).
const postmaster = postmasterPid();
process.env.DATABASE_URL = databaseUrl;
process.env.APP_SECRET ??= 'bench-secret-0123456789abcdef';
const pgCpuMs = () => (postmaster ? treeCpuMs(postmaster) : NaN);
const { newTenant } = await import('../server/test/factories');
const { api } = await import('../server/test/api-client');
const { runContactImport } = await import('../server/domain/contacts/import/contact-import');
const { db } = await import('../server/db');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
pool.on('error', () => undefined);

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const t = await newTenant('bench-inproc');
await pool.query(`CREATE TABLE bench_copy (LIKE "Contact" INCLUDING DEFAULTS INCLUDING INDEXES)`);
await pool.query(`ALTER TABLE bench_copy ALTER COLUMN id SET DEFAULT gen_random_uuid(), ALTER COLUMN "organizationId" SET DEFAULT '${t.organizationId}'`);
const header = `${'rows'.padStart(9)} ${'app s'.padStart(6)} ${'upload'.padStart(6)} ${'node cpu'.padStart(8)} ${'pg cpu'.padStart(7)} ${'COPY s'.padStart(6)} ${'pg cpu'.padStart(7)} ${'ratio'.padStart(6)}`;
console.log(header);
try {
  for (let run = 0; run < REPEAT; run++) {
    const file = writeFile(run * ROWS);
    const bytes = statSync(file).size;
    const group = await api('POST', '/groups', { headers: t.keyHeaders, json: { name: `Bench ${run}` } });
    const n0 = selfCpuMs();
    const p0 = pgCpuMs();
    const t0 = performance.now();
    const res = await api('POST', `/groups/${group.body.id}/csv`, { headers: { ...t.keyHeaders, 'content-length': String(bytes) }, body: Readable.toWeb(createReadStream(file)) as ReadableStream, contentType: 'text/csv' });
    if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${res.text}`);
    const t1 = performance.now();
    await runContactImport(res.body.importId, { id: 'bench', retryCount: 0, retryLimit: 0, signal: new AbortController().signal });
    const appSeconds = (performance.now() - t0) / 1000;
    const nodeCpu = (selfCpuMs() - n0) / 1000;
    const pgCpu = (pgCpuMs() - p0) / 1000;
    const imp = await db.contactImport.findUniqueOrThrow({ where: { id: res.body.importId } });
    if (imp.status !== 'completed' || imp.imported !== ROWS) throw new Error(`the import ended ${imp.status} with ${imp.imported} imported`);

    // As bench:contacts: autovacuum's work on the new rows is done here, outside both timings.
    await pool.query('VACUUM (ANALYZE)');
    await pool.query('TRUNCATE bench_copy');
    const client = await pool.connect();
    const c0 = performance.now();
    const q0 = pgCpuMs();
    try {
      await pipeline(createReadStream(file), client.query(copyFrom(`COPY bench_copy ("firstName", "lastName", phone, email) FROM STDIN WITH (FORMAT csv, HEADER)`)));
    } finally {
      client.release();
    }
    const copySeconds = (performance.now() - c0) / 1000;
    const copyCpu = (pgCpuMs() - q0) / 1000;
    console.log(
      `${ROWS.toLocaleString('en').padStart(9)} ${appSeconds.toFixed(1).padStart(6)} ${((t1 - t0) / 1000).toFixed(1).padStart(6)} ${nodeCpu.toFixed(1).padStart(8)} ${pgCpu.toFixed(1).padStart(7)} ` +
        `${copySeconds.toFixed(1).padStart(6)} ${copyCpu.toFixed(1).padStart(7)} ${`${(copySeconds / appSeconds).toFixed(2)}×`.padStart(6)}   load ${os.loadavg()[0]!.toFixed(2)}`,
    );
  }
} finally {
  await pool.end();
  await db.$disconnect();
  await stopTestDatabase();
  process.exit(0);
}
