// `npm run bench:calls`: seeds 1,000,000 calls and 1,000,000 leads in one organization, then measures
//   1. a filtered list (status + date range + make, API key, the whole stack) against the same two queries run
//      directly with pg: p50/p99 side by side, with the ratio;
//   2. the CSV exports of calls and of leads, each a small (~10k rows) and a large (~400k-500k rows) filtered set:
//      rows/s and the app server's peak RSS for each (it must not grow with the row count), against
//      COPY (…) TO STDOUT of the same rows (same columns and joins, unformatted) through pg-copy-streams.
// It prints the query plans too (copied into bench/calls-list.md). Needs a production build (npx next build).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { startAppServer } from '../e2e/fixtures/app-server';
import { bootstrapTenant } from '../e2e/fixtures/tenant';
import { interleaved } from './load';
import { benchPort } from './ports';

const APP_PORT = benchPort(0);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const LIST_RUNS = Number(process.env.BENCH_LIST_RUNS ?? 200);
// BENCH_REUSE=1 keeps the database and rows of the last run (seeding takes minutes) when it seeded as many rows.
const REUSE_FILE = '.data/bench-calls.json';
const reuse = process.env.BENCH_REUSE === '1' && existsSync(REUSE_FILE) ? (JSON.parse(readFileSync(REUSE_FILE, 'utf8')) as { org: string; apiKey: string; rows: number }) : null;

const databaseUrl = await prepareTestDatabase('pitchcraft_bench_calls', { keep: reuse?.rows === ROWS });
const app = await startAppServer({ port: APP_PORT, databaseUrl, quiet: true, env: { RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', RATE_LIMIT_AUTH_PER_MINUTE: '100000000', WORKER: 'off' } });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
pool.on('error', () => undefined);

try {
  const reused = reuse?.rows === ROWS && (await pool.query('SELECT count(*)::int AS n FROM "Call" WHERE "organizationId" = $1', [reuse.org])).rows[0].n === ROWS;
  const tenant = reused ? null : await bootstrapTenant(app.url, 'bench-calls');
  const org = reused ? reuse!.org : tenant!.organizationId;
  const headers = { 'x-api-key': reused ? reuse!.apiKey : tenant!.apiKey };

  // ── Seed: calls spread over two years, ten makes, every status; a lead for every call ───────────────────────
  if (reused) console.log(`reusing the ${ROWS.toLocaleString('en')} calls and leads of the last run (BENCH_REUSE=1)`);
  else await seed();
  async function seed() {
    const seedStarted = performance.now();
    await pool.query(`
      INSERT INTO "Call" (id, "organizationId", status, "tokenHash", vin, "carMake", "carModel", "carType", "modelYear", vehicle,
        "customerFirstName", "customerLastName", "customerPhone", "customerEmail", "dealerId", "createdAt", "acceptedAt", "endedAt", "updatedAt")
      SELECT gen_random_uuid(), $1::uuid,
        (ARRAY['completed','completed','completed','completed','missed','missed','expired','requested','active','completed'])[1 + i % 10]::"CallStatus",
        md5(i::text || $1), 'VIN' || lpad(i::text, 14, '0'),
        m.make, m.model, m.type, 2015 + i % 10,
        jsonb_build_object('make', initcap(m.make), 'model', initcap(m.model), 'carType', initcap(m.type), 'modelYear', 2015 + i % 10),
        (ARRAY['Maya','Raj','Lee','Sofia','Omar','Hana','Lucas','Amara'])[1 + i % 8], 'Customer' || (i % 5000),
        '+1512555' || lpad((i % 10000)::text, 4, '0'), NULL, NULL,
        ts, ts + interval '20 seconds', ts + interval '5 minutes', ts
      FROM generate_series(1, $2::int) AS i,
        LATERAL (SELECT timestamptz '2024-01-01' + (i::float / $2 * 730) * interval '1 day' AS ts) t,
        LATERAL (SELECT (ARRAY['TOYOTA','HONDA','FORD','CHEVROLET','HYUNDAI','NISSAN','KIA','BMW','TESLA','MAZDA'])[1 + (i * 7) % 10] AS make,
                        (ARRAY['COROLLA','ACCORD','F-150','MALIBU','KONA','ALTIMA','SOUL','328I','MODEL 3','MAZDA3'])[1 + (i * 7) % 10] AS model,
                        (ARRAY['SEDAN','COUPE','PICKUP','SEDAN','SUV','SEDAN','SUV','SEDAN','SEDAN','SEDAN'])[1 + (i * 7) % 10] AS type) m`,
      [org, ROWS],
    );
    await pool.query(`
      INSERT INTO "Lead" (id, "organizationId", "callId", vin, "carMake", "carModel", "carType", "modelYear", vehicle, "firstName", "lastName", email, phone, comment, "createdAt")
      SELECT gen_random_uuid(), c."organizationId", c.id, c.vin, c."carMake", c."carModel", c."carType", c."modelYear", c.vehicle,
        coalesce(c."customerFirstName", 'Lead'), coalesce(c."customerLastName", 'Customer'), 'lead' || right(c.vin, 7) || '@example.com', c."customerPhone", 'Please call back', c."endedAt"
      FROM "Call" c WHERE c."organizationId" = $1::uuid`,
      [org],
    );
    // As autovacuum leaves a table that is mostly read: statistics current and pages marked all-visible.
    await pool.query('VACUUM ANALYZE "Call"');
    await pool.query('VACUUM ANALYZE "Lead"');
    console.log(`seeded ${ROWS.toLocaleString('en')} calls and as many leads in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
    writeFileSync(REUSE_FILE, JSON.stringify({ org, apiKey: headers['x-api-key'], rows: ROWS }));
  }

  // ── 1. The filtered list ───────────────────────────────────────────────────────────────────────────────────────
  const filter = 'status=completed,missed&from=2025-01-01&to=2025-03-31&carMake=toyota';
  const listUrl = `${app.url}/api/v1/calls?${filter}&limit=50`;
  const where = `"organizationId" = $1::uuid AND "createdAt" >= $2 AND "createdAt" <= $3 AND status IN ('completed','missed') AND "carMake" IN ('TOYOTA')`;
  const params = [org, '2025-01-01T00:00:00.000Z', '2025-03-31T23:59:59.999Z'];
  const countSql = `SELECT count(*)::int AS n FROM "Call" WHERE ${where}`;
  const pageSql = `SELECT c.id, c.status, c.vin, c.vehicle, c."customerFirstName", c."customerLastName", c."customerPhone", c."customerEmail", c.note, c."noteUpdatedAt",
      c."createdAt", c."acceptedAt", c."endedAt", u.id AS dealer_id, u."firstName", u."lastName", l.id AS lead_id
    FROM "Call" c LEFT JOIN "User" u ON u.id = c."dealerId" LEFT JOIN "Lead" l ON l."callId" = c.id
    WHERE ${where.replace(/"(organizationId|createdAt|carMake)"|status/g, (m) => `c.${m}`)} ORDER BY c."createdAt" DESC, c.id DESC LIMIT 50`;

  const viaApp = async () => {
    const res = await fetch(listUrl, { headers });
    const body = (await res.json()) as { count: number; results: unknown[] };
    if (res.status !== 200) throw new Error(`list answered ${res.status}`);
    return body.count;
  };
  const viaPg = async () => {
    const [count] = await Promise.all([pool.query(countSql, params), pool.query(pageSql, params)]);
    return count.rows[0].n as number;
  };
  const appCount = await viaApp();
  const pgCount = await viaPg();
  if (appCount !== pgCount) throw new Error(`The app counts ${appCount} and pg counts ${pgCount}: the comparison would be meaningless`);
  // App and pg alternately, so a change in the machine's load during the run weighs on both alike.
  const { a: app1, b: pg1 } = await interleaved(viaApp, viaPg, LIST_RUNS, 10);
  console.log(`\n1. GET /api/v1/calls?${filter} (${appCount.toLocaleString('en')} matching of ${ROWS.toLocaleString('en')}), ${LIST_RUNS} sequential runs each, alternately`);
  console.log(`${'path'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  console.log(`${'Pitchcraft (HTTP + withApi + domain SQL)'.padEnd(44)} ${app1.p50.toFixed(2).padStart(8)} ${app1.p99.toFixed(2).padStart(8)}`);
  console.log(`${'same count + page queries with pg'.padEnd(44)} ${pg1.p50.toFixed(2).padStart(8)} ${pg1.p99.toFixed(2).padStart(8)}`);
  console.log(`ratio (app / pg): p50 ${(app1.p50 / pg1.p50).toFixed(2)}×, p99 ${(app1.p99 / pg1.p99).toFixed(2)}×`);

  for (const [name, sql] of [['count', countSql], ['page', pageSql]] as const) {
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
    console.log(`\nplan (${name}):\n${plan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  }

  // ── 2. The exports, small and large: rows/s against COPY, and the server's peak memory for each ─────────────────
  // from/to are read in the export's zone (America/Chicago, UTC-6 in winter): the same instants for COPY.
  const callsWhere = (lte: string) => `c."organizationId" = '${org}'::uuid AND c."createdAt" >= '2024-01-01T06:00:00Z' AND c."createdAt" <= '${lte}' AND c.status IN ('completed','missed','expired')`;
  const leadsWhere = (lte: string) => `l."organizationId" = '${org}'::uuid AND l."createdAt" >= '2024-01-01T06:00:00Z' AND l."createdAt" <= '${lte}'`;
  const callsCopy = (lte: string) => `SELECT c.id, c.status, c."createdAt", c."acceptedAt", c."endedAt", c.vin, c.vehicle->>'make', c.vehicle->>'model', c."modelYear", c.vehicle->>'carType',
      c."customerFirstName", c."customerLastName", c."customerPhone", c."customerEmail", c."dealerId", u."firstName" || ' ' || u."lastName", c.note, l.id
    FROM "Call" c LEFT JOIN "User" u ON u.id = c."dealerId" LEFT JOIN "Lead" l ON l."callId" = c.id
    WHERE ${callsWhere(lte)} ORDER BY c."createdAt" DESC, c.id DESC`;
  const leadsCopy = (lte: string) => `SELECT l.id, l."createdAt", l."firstName", l."lastName", l.email, l.phone, l.comment, l.vin, l.vehicle->>'make', l.vehicle->>'model',
      (l.vehicle->>'modelYear')::int, l.vehicle->>'carType', l."callId", lc.status, l."dealerId", d."firstName" || ' ' || d."lastName"
    FROM "Lead" l LEFT JOIN "Call" lc ON lc.id = l."callId" LEFT JOIN "User" d ON d.id = lc."dealerId"
    WHERE ${leadsWhere(lte)} ORDER BY l."createdAt" DESC, l.id DESC`;
  const EXPORTS = [
    { label: 'calls small', path: 'calls', filter: 'from=2024-01-01&to=2024-01-10&status=completed,missed,expired', copy: callsCopy('2024-01-11T05:59:59.999Z') },
    { label: 'calls large', path: 'calls', filter: 'from=2024-01-01&to=2024-12-31&status=completed,missed,expired', copy: callsCopy('2025-01-01T05:59:59.999Z') },
    { label: 'leads small', path: 'leads', filter: 'from=2024-01-01&to=2024-01-10', copy: leadsCopy('2024-01-11T05:59:59.999Z') },
    { label: 'leads large', path: 'leads', filter: 'from=2024-01-01&to=2024-12-31', copy: leadsCopy('2025-01-01T05:59:59.999Z') },
  ];
  // Both sides count the rows the same cheap way (memchr through Buffer.indexOf), so the client's own work stays small
  // beside the servers' on this shared machine.
  const newlines = (chunk: Buffer) => {
    let n = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    return n;
  };
  const exportVia = (path: string, filter: string) =>
    new Promise<number>((resolve, reject) => {
      http.get(`${app.url}/api/v1/${path}/export.csv?${filter}&tz=America/Chicago`, { headers }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`export answered ${res.statusCode}`));
        let lines = -1;
        res.on('data', (chunk: Buffer) => (lines += newlines(chunk)));
        res.on('end', () => resolve(lines));
        res.on('error', reject);
      });
    });
  const copyVia = async (select: string) => {
    const client = await pool.connect();
    let lines = -1;
    try {
      await pipeline(client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER)`)), new Writable({ write(chunk: Buffer, _e, done) { lines += newlines(chunk); done(); } }));
    } finally {
      client.release();
    }
    return lines;
  };
  // A first small export of each warms the server (code paths, pool connections) so no measured run pays for it.
  await exportVia('calls', EXPORTS[0]!.filter);
  await exportVia('leads', EXPORTS[2]!.filter);
  console.log('\n2. GET /api/v1/{calls,leads}/export.csv, times in America/Chicago, against COPY (…) TO STDOUT of the same rows (unformatted)');
  console.log(`${'export'.padEnd(12)} ${'rows'.padStart(9)} ${'app rows/s'.padStart(11)} ${'COPY rows/s'.padStart(12)} ${'ratio'.padStart(6)} ${'RSS before'.padStart(11)} ${'peak'.padStart(8)} ${'growth'.padStart(8)}`);
  for (const e of EXPORTS) {
    const rss = rssSampler(app.pid);
    const t0 = performance.now();
    const exported = await exportVia(e.path, e.filter);
    const appSeconds = (performance.now() - t0) / 1000;
    const peak = rss.stop();
    const c0 = performance.now();
    const copied = await copyVia(e.copy);
    const copySeconds = (performance.now() - c0) / 1000;
    if (exported !== copied) throw new Error(`The ${e.label} export wrote ${exported} rows and COPY ${copied}: not the same rows`);
    console.log(
      `${e.label.padEnd(12)} ${exported.toLocaleString('en').padStart(9)} ${Math.round(exported / appSeconds).toLocaleString('en').padStart(11)} ${Math.round(copied / copySeconds).toLocaleString('en').padStart(12)} ` +
        `${`${(copySeconds / appSeconds).toFixed(2)}×`.padStart(6)} ${mb(peak.before).padStart(11)} ${mb(peak.max).padStart(8)} ${`+${mb(peak.max - peak.before)}`.padStart(8)}`,
    );
  }

  const exportPlan = await pool.query(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.id FROM "Call" c LEFT JOIN "User" u ON u.id = c."dealerId" LEFT JOIN "Lead" l ON l."callId" = c.id
      WHERE c."organizationId" = $1::uuid AND c."createdAt" >= '2024-01-01T06:00:00Z' AND c."createdAt" <= '2025-01-01T05:59:59.999Z' AND c.status IN ('completed','missed','expired')
      ORDER BY c."createdAt" DESC, c.id DESC`,
    [org],
  );
  console.log(`\nplan (export):\n${exportPlan.rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
} finally {
  await pool.end();
  await app.stop();
  await stopTestDatabase();
}

function mb(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
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
