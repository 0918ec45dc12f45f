// `npm run bench:lists`: one filtered, paged list of each slice through the whole app — REST with an API key
// (/sessions, /calls, /leads, /dealers, /teams) and the tRPC procedures the dashboards use (calls.list, sessions.list)
// with a signed-in browser session — each against the same result read with pg in the same run: the count and the
// page as one would write them by hand. Seeds one organization with 10,000+ rows in every listed table.
//
// Printed per list: sequential latency (app and pg alternately, p50/p99), and under BENCH_CONCURRENCY clients the CPU
// milliseconds per request (app server + PostgreSQL, against this process's pg client + PostgreSQL: a cost that does
// not depend on how busy the shared machine is) and the throughput, with the ratio app / pg. BENCH_REUSE=1 keeps the last run's database; BENCH_PROFILE=1 runs the app under
// `node --cpu-prof` and prints the profile's top entries. Needs a production build (npx next build).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startAppServer, type AppServer } from '../e2e/fixtures/app-server';
import { bootstrapTenant, browserSessionCookie } from '../e2e/fixtures/tenant';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { largestProfile, profilingArgs, summarizeProfile } from './cpu-profile';
import { postmasterPid, selfCpuMs, treeCpuMs } from './cpu-time';
import { get, interleaved, runLoad, runLoadFn } from './load';
import { benchPort } from './ports';

const SIZE = {
  members: Number(process.env.BENCH_MEMBERS ?? 10_000),
  teams: Number(process.env.BENCH_TEAMS ?? 10_000),
  sessions: Number(process.env.BENCH_SESSIONS ?? 100_000),
  calls: Number(process.env.BENCH_CALLS ?? 100_000),
};
const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ONLY = process.env.BENCH_ONLY?.split(',');
const PROFILE = process.env.BENCH_PROFILE === '1';
const OPEN = { RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', RATE_LIMIT_AUTH_PER_MINUTE: '100000000', WORKER: 'off' };

type Seeded = { org: string; apiKey: string; email: string; password: string; ownerId: string; size: typeof SIZE };
const REUSE_FILE = '.data/bench-lists.json';
const last = process.env.BENCH_REUSE === '1' && existsSync(REUSE_FILE) ? (JSON.parse(readFileSync(REUSE_FILE, 'utf8')) as Seeded) : null;
const reuse = last && JSON.stringify(last.size) === JSON.stringify(SIZE) ? last : null;

const databaseUrl = await prepareTestDatabase('pitchcraft_bench_lists', { keep: reuse !== null });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
pool.on('error', () => undefined);
let app: AppServer = await startAppServer({ port: benchPort(0), databaseUrl, quiet: true, env: OPEN });
const profileDir = PROFILE ? mkdtempSync(path.join(tmpdir(), 'pitchcraft-lists-prof-')) : null;

try {
  const seeded = reuse && (await pool.query('SELECT 1 FROM "Organization" WHERE id = $1', [reuse.org])).rowCount === 1 ? reuse : await seed();
  if (seeded === reuse) console.log('reusing the organization seeded by the last run (BENCH_REUSE=1)');
  if (profileDir) {
    await app.stop();
    app = await startAppServer({ port: benchPort(0), databaseUrl, quiet: true, env: OPEN, nodeArgs: profilingArgs(profileDir) });
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const keyHeaders = { 'x-api-key': seeded.apiKey };
  const browser = { cookie: await browserSessionCookie(app.url, seeded.email, seeded.password), 'x-organization-id': seeded.org };

  // ── The lists: each the app's request and the same count + page read with pg ──────────────────────────────────
  type Probe = { count: number; ids: string[] };
  type Target = { name: string; url: string; headers: Record<string, string>; read: (body: unknown) => Probe; sql: () => Promise<Probe> };
  const rest = (body: unknown) => body as { count: number; results: Array<{ id: string }> };
  const restProbe = (body: unknown): Probe => ({ count: rest(body).count, ids: rest(body).results.map((r) => r.id) });
  const trpcProbe = (body: unknown): Probe => restProbe((body as { result: { data: { json: unknown } } }).result.data.json);
  const trpcUrl = (procedure: string, input: unknown) => `${app.url}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const both = async (count: string, page: string, params: unknown[]): Promise<Probe> => {
    const [c, p] = await Promise.all([pool.query(count, params), pool.query(page, params)]);
    return { count: c.rows[0].n, ids: p.rows.map((r) => r.id) };
  };

  const sessionsWhere = `s."organizationId" = $1 AND s."recordedAt" >= $2 AND s."recordedAt" <= $3 AND s.score >= 60`;
  const sessionsParams = [seeded.org, '2025-01-01T00:00:00.000Z', '2025-06-30T23:59:59.999Z'];
  const sessionsSql = () =>
    both(
      `SELECT count(*)::int AS n FROM "PracticeSession" s WHERE ${sessionsWhere}`,
      `SELECT s.id, s."moduleId", s."moduleName", s."productId", s."productName", s.opportunity, s."recordedAt", s.duration, s.score, s."transcriptStatus",
         s."audioMediaId", s."callId", u.id AS user_id, u."firstName", u."lastName", u."imageId"
       FROM "PracticeSession" s JOIN "User" u ON u.id = s."userId" WHERE ${sessionsWhere} ORDER BY s."recordedAt" DESC, s.id ASC LIMIT 50 OFFSET 100`,
      sessionsParams,
    );
  const callsWhere = `c."organizationId" = $1 AND c."createdAt" >= $2 AND c."createdAt" <= $3 AND c.status IN ('completed','missed') AND c."carMake" IN ('TOYOTA')`;
  const callsParams = [seeded.org, '2025-01-01T00:00:00.000Z', '2025-03-31T23:59:59.999Z'];
  const callsSql = () =>
    both(
      `SELECT count(*)::int AS n FROM "Call" c WHERE ${callsWhere}`,
      `SELECT c.id, c.status, c.vin, c.vehicle, c."customerFirstName", c."customerLastName", c."customerPhone", c."customerEmail", c.note, c."noteUpdatedAt",
         c."createdAt", c."acceptedAt", c."endedAt", c."recordingSince", u.id AS dealer_id, u."firstName", u."lastName", l.id AS lead_id
       FROM "Call" c LEFT JOIN "User" u ON u.id = c."dealerId" LEFT JOIN "Lead" l ON l."callId" = c.id
       WHERE ${callsWhere} ORDER BY c."createdAt" DESC, c.id DESC LIMIT 50 OFFSET 50`,
      callsParams,
    );
  const leadsWhere = `l."organizationId" = $1 AND l."createdAt" >= $2 AND l."createdAt" <= $3 AND l."carMake" IN ('HONDA')`;
  const leadsParams = [seeded.org, '2024-07-01T00:00:00.000Z', '2024-12-31T23:59:59.999Z'];
  const leadsSql = () =>
    both(
      `SELECT count(*)::int AS n FROM "Lead" l WHERE ${leadsWhere}`,
      `SELECT l.id, l."callId", l.vin, l.vehicle, l."firstName", l."lastName", l.email, l.phone, l.comment, l."createdAt", lc.status, d.id AS dealer_id, d."firstName", d."lastName"
       FROM "Lead" l LEFT JOIN "Call" lc ON lc.id = l."callId" LEFT JOIN "User" d ON d.id = lc."dealerId"
       WHERE ${leadsWhere} ORDER BY l."createdAt" DESC, l.id DESC LIMIT 50 OFFSET 50`,
      leadsParams,
    );
  // Every role takes calls (calls:answer), so the dealers are the members; name and "active" are the filters.
  const dealersFrom = `"Membership" m JOIN "User" u ON u.id = m."userId" LEFT JOIN "Dealer" d ON d."membershipId" = m.id`;
  const dealersWhere = `m."organizationId" = $1 AND (u."firstName" ILIKE '%son%' OR u."lastName" ILIKE '%son%') AND (d.id IS NULL OR d.active)`;
  const dealersSql = () =>
    both(
      `SELECT count(*)::int AS n FROM ${dealersFrom} WHERE ${dealersWhere}`,
      `SELECT u.id, u."firstName", u."lastName", u.email, u."imageId", d.phone, m.role, d.active, d.presence, d."lastPingAt", m."createdAt"
       FROM ${dealersFrom} WHERE ${dealersWhere} ORDER BY u."lastName", u."firstName", m.id LIMIT 50 OFFSET 50`,
      [seeded.org],
    );
  const teamsWhere = `t."organizationId" = $1 AND EXISTS (SELECT 1 FROM "TeamMember" mine WHERE mine."teamId" = t.id AND mine."userId" = $2)`;
  const teamsSql = () =>
    both(
      `SELECT count(*)::int AS n FROM "Team" t WHERE ${teamsWhere}`,
      `SELECT t.id, t.name, t."createdAt", t."updatedAt",
         (SELECT count(*)::int FROM "TeamMember" c WHERE c."teamId" = t.id) AS "memberCount",
         (SELECT coalesce(json_agg(json_build_object('id', u.id, 'firstName', u."firstName", 'lastName', u."lastName", 'imageId', u."imageId") ORDER BY tm."createdAt"), '[]')
            FROM "TeamMember" tm JOIN "User" u ON u.id = tm."userId" WHERE tm."teamId" = t.id AND tm.role = 'manager') AS managers
       FROM "Team" t WHERE ${teamsWhere} ORDER BY t."createdAt" DESC, t.id ASC LIMIT 50 OFFSET 100`,
      [seeded.org, seeded.ownerId],
    );

  const targets: Target[] = [
    { name: 'GET /sessions', url: `${app.url}/api/v1/sessions?from=2025-01-01&to=2025-06-30&minScore=60&limit=50&offset=100`, headers: keyHeaders, read: restProbe, sql: sessionsSql },
    { name: 'GET /calls', url: `${app.url}/api/v1/calls?status=completed,missed&from=2025-01-01&to=2025-03-31&carMake=toyota&limit=50&offset=50`, headers: keyHeaders, read: restProbe, sql: callsSql },
    { name: 'GET /leads', url: `${app.url}/api/v1/leads?carMake=honda&from=2024-07-01&to=2024-12-31&limit=50&offset=50`, headers: keyHeaders, read: restProbe, sql: leadsSql },
    { name: 'GET /dealers', url: `${app.url}/api/v1/dealers?name=son&status=active&limit=50&offset=50`, headers: keyHeaders, read: restProbe, sql: dealersSql },
    { name: 'GET /teams', url: `${app.url}/api/v1/teams?mine=true&ordering=-createdAt&limit=50&offset=100`, headers: keyHeaders, read: restProbe, sql: teamsSql },
    {
      name: 'tRPC calls.list',
      url: trpcUrl('calls.list', { limit: 50, offset: 50, filters: { status: 'completed,missed', from: '2025-01-01', to: '2025-03-31', carMake: 'toyota' } }),
      headers: browser,
      read: trpcProbe,
      sql: callsSql,
    },
    { name: 'tRPC sessions.list', url: trpcUrl('sessions.list', { limit: 50, offset: 100, query: { from: '2025-01-01', to: '2025-06-30', minScore: '60' } }), headers: browser, read: trpcProbe, sql: sessionsSql },
  ].filter((t) => !ONLY || ONLY.some((o) => t.name.includes(o)));

  const fetchJson = async (t: Target) => {
    const res = await fetch(t.url, { headers: t.headers });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${t.name} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as unknown;
  };
  for (const t of targets) {
    const [app1, sql1] = [t.read(await fetchJson(t)), await t.sql()];
    if (app1.count !== sql1.count || app1.ids.join() !== sql1.ids.join()) {
      throw new Error(`${t.name}: the app answers ${app1.count} rows (page ${app1.ids.slice(0, 3).join()}…) and pg ${sql1.count} (page ${sql1.ids.slice(0, 3).join()}…): the comparison would be meaningless`);
    }
    if (app1.count < 100 || app1.ids.length !== 50) throw new Error(`${t.name}: only ${app1.count} rows match; the bench wants a full page of a large set`);
  }

  console.log(`\nOne organization: ${SIZE.members.toLocaleString('en')} members (dealers), ${SIZE.teams.toLocaleString('en')} teams, ${SIZE.sessions.toLocaleString('en')} sessions, ${SIZE.calls.toLocaleString('en')} calls and as many leads`);
  console.log(`Sequential: ${RUNS} runs each, app and pg alternately. Load: ${CONCURRENCY} concurrent clients, ${SECONDS} s each.`);
  console.log('CPU per request: the app server and PostgreSQL for the app; this process (the pg client) and PostgreSQL for pg.\n');
  const pgPid = postmasterPid();
  const cpuOf = (pids: Array<number | null>, self = false) => pids.reduce<number>((sum, pid) => sum + (pid ? treeCpuMs(pid) : 0), self ? selfCpuMs() : 0);
  const header = `${'list'.padEnd(20)} ${'rows'.padStart(7)} │ ${'app p50'.padStart(8)} ${'pg p50'.padStart(7)} ${'ratio'.padStart(6)} │ ${'app p99'.padStart(8)} ${'pg p99'.padStart(7)} ${'ratio'.padStart(6)} │ ${'app CPU'.padStart(8)} ${'pg CPU'.padStart(7)} ${'ratio'.padStart(6)} │ ${'app r/s'.padStart(8)} ${'pg r/s'.padStart(7)}`;
  console.log(header);
  console.log('─'.repeat(header.length));
  const x = (v: number) => `${v.toFixed(2)}×`.padStart(6);
  for (const t of targets) {
    const count = t.read(await fetchJson(t)).count;
    const seq = await interleaved(() => get(t.url, t.headers, agent), t.sql, RUNS);
    let c0 = cpuOf([app.pid, pgPid]);
    const appLoad = await runLoad(t.url, t.headers, { concurrency: CONCURRENCY, seconds: SECONDS });
    const appCpu = (cpuOf([app.pid, pgPid]) - c0) / appLoad.requests;
    c0 = cpuOf([pgPid], true);
    const pgLoad = await runLoadFn(t.sql, { concurrency: CONCURRENCY, seconds: SECONDS });
    const pgCpu = (cpuOf([pgPid], true) - c0) / pgLoad.requests;
    if (appLoad.errors) throw new Error(`${t.name}: ${appLoad.errors} failed requests under load`);
    console.log(
      `${t.name.padEnd(20)} ${count.toLocaleString('en').padStart(7)} │ ${seq.a.p50.toFixed(2).padStart(8)} ${seq.b.p50.toFixed(2).padStart(7)} ${x(seq.a.p50 / seq.b.p50)} │ ` +
        `${seq.a.p99.toFixed(2).padStart(8)} ${seq.b.p99.toFixed(2).padStart(7)} ${x(seq.a.p99 / seq.b.p99)} │ ` +
        (pgPid ? `${appCpu.toFixed(2).padStart(8)} ${pgCpu.toFixed(2).padStart(7)} ${x(appCpu / pgCpu)} │ ` : `${'-'.padStart(8)} ${'-'.padStart(7)} ${'-'.padStart(6)} │ `) +
        `${appLoad.rps.toFixed(0).padStart(8)} ${pgLoad.rps.toFixed(0).padStart(7)}`,
    );
  }
  // What Next costs before any of our work: the same measures on a route that does nothing.
  const floor = await interleaved(() => get(`${app.url}/api/health`, {}, agent), () => get(`${app.url}/api/health`, {}, agent), RUNS / 2);
  const f0 = cpuOf([app.pid]);
  const floorLoad = await runLoad(`${app.url}/api/health`, {}, { concurrency: CONCURRENCY, seconds: SECONDS });
  const floorCpu = (cpuOf([app.pid]) - f0) / floorLoad.requests;
  console.log(`\nframework floor (GET /api/health, a Next route doing nothing): p50 ${floor.a.p50.toFixed(2)} ms, p99 ${floor.a.p99.toFixed(2)} ms, CPU ${floorCpu.toFixed(2)} ms/request, ${floorLoad.rps.toFixed(0)} r/s`);
  console.log('ratio: app / pg (the goal is at most 2×). CPU is milliseconds of CPU per request, measured under the load.');
  agent.destroy();
} finally {
  await pool.end();
  await app.stop();
  await stopTestDatabase();
}
if (profileDir) console.log(`\n${summarizeProfile(largestProfile(profileDir), 25)}`);

/** Signs in through next-auth's credentials flow, as the login form does; returns the session cookie. */
async function seed(): Promise<Seeded> {
  const started = performance.now();
  const tenant = await bootstrapTenant(app.url, 'bench-lists');
  const org = tenant.organizationId;
  const q = (sql: string, params: unknown[] = []) => pool.query(sql, params);
  const tag = org.slice(0, 8);
  await q(
    `INSERT INTO "User" (id, email, "passwordHash", "firstName", "lastName", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'bench-' || $2 || '-' || i || '@example.test', 'not-a-password-hash',
       (ARRAY['Mason','Addison','Maya','Raj','Lee','Sofia','Omar','Hana'])[1 + i % 8], 'Member' || lpad(i::text, 5, '0'), now(), now()
     FROM generate_series(1, $1::int) AS i`,
    [SIZE.members, tag],
  );
  await q(
    `INSERT INTO "Membership" (id, "userId", "organizationId", role, "createdAt")
     SELECT gen_random_uuid(), u.id, $1::uuid, (CASE WHEN u.n % 20 = 0 THEN 'manager' ELSE 'member' END)::"Role", timestamptz '2024-01-01' + (u.n::float / $3 * 730) * interval '1 day'
     FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM "User" WHERE email LIKE 'bench-' || $2 || '-%') u`,
    [org, tag, SIZE.members],
  );
  // A dealer row for nine members in ten (the tenth never went online); one in ten online, one in twenty paused.
  await q(
    `INSERT INTO "Dealer" (id, "organizationId", "userId", "membershipId", presence, active, phone, "lastPingAt", "updatedAt")
     SELECT gen_random_uuid(), m."organizationId", m."userId", m.id, (CASE WHEN m.n % 10 = 0 THEN 'online' ELSE 'offline' END)::"DealerPresence", m.n % 20 <> 7,
       '+1512555' || lpad((m.n % 10000)::text, 4, '0'), now() - m.n * interval '1 minute', now()
     FROM (SELECT *, row_number() OVER (ORDER BY "createdAt", id) AS n FROM "Membership" WHERE "organizationId" = $1 AND role <> 'owner') m WHERE m.n % 10 <> 3`,
    [org],
  );
  await q(
    `INSERT INTO "Team" (id, "organizationId", name, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, 'Team ' || lpad(i::text, 5, '0'), timestamptz '2024-01-01' + i * interval '1 hour', now() FROM generate_series(1, $2::int) AS i`,
    [org, SIZE.teams],
  );
  // Each team: one manager and two members; the key's creator also manages every third team (the `mine` filter).
  await q(
    `WITH t AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM "Team" WHERE "organizationId" = $1),
          u AS (SELECT "userId", row_number() OVER (ORDER BY "createdAt", id) - 1 AS k FROM "Membership" WHERE "organizationId" = $1 AND role <> 'owner')
     INSERT INTO "TeamMember" (id, "organizationId", "teamId", "userId", role, "createdAt")
     SELECT gen_random_uuid(), $1, t.id, u."userId", (CASE WHEN j = 0 THEN 'manager' ELSE 'member' END)::"TeamRole", now() - j * interval '1 second'
     FROM t CROSS JOIN generate_series(0, 2) AS j JOIN u ON u.k = (t.n * 3 + j) % $2
     UNION ALL
     SELECT gen_random_uuid(), $1, t.id, $3::uuid, 'manager', now() FROM t WHERE t.n % 3 = 0`,
    [org, SIZE.members, tenant.userId],
  );
  await q(`INSERT INTO "Product" (id, "organizationId", name, "createdAt", "updatedAt") SELECT gen_random_uuid(), $1, 'Product ' || i, now(), now() FROM generate_series(1, 10) AS i`, [org]);
  await q(
    `INSERT INTO "Module" (id, "organizationId", "productId", name, instructions, keywords, "targetTime", position, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, p.id, 'Module ' || j, ARRAY['Open with the customer''s need'], ARRAY['price'], 60, j - 1, now(), now()
     FROM "Product" p CROSS JOIN generate_series(1, 5) AS j WHERE p."organizationId" = $1`,
    [org],
  );
  await q(
    `WITH m AS (SELECT m.id, m.name, p.id AS pid, p.name AS pname, row_number() OVER (ORDER BY m.id) - 1 AS k FROM "Module" m JOIN "Product" p ON p.id = m."productId" WHERE m."organizationId" = $1),
          u AS (SELECT "userId", row_number() OVER (ORDER BY "createdAt", id) - 1 AS k FROM "Membership" WHERE "organizationId" = $1 AND role <> 'owner')
     INSERT INTO "PracticeSession" (id, "organizationId", "userId", "moduleId", "productId", "moduleName", "productName", expectations, opportunity, "recordedAt",
       "transcriptStatus", score, duration, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, u."userId", m.id, m.pid, m.name, m.pname, '{"keywords":["price"],"targetTime":60}', 'Opportunity ' || i,
       timestamptz '2024-01-01' + (i::float / $2 * 730) * interval '1 day', 'ready', CASE WHEN i % 20 = 0 THEN NULL ELSE 30 + (i * 37) % 71 END, 60 + i % 120, now(), now()
     FROM generate_series(1, $2::int) AS i JOIN m ON m.k = i % 50 JOIN u ON u.k = (i * 7) % $3`,
    [org, SIZE.sessions, SIZE.members],
  );
  // Calls over two years, ten makes, every status; answered ones have a dealer; a lead for every call.
  await q(
    `WITH u AS (SELECT "userId", row_number() OVER (ORDER BY "createdAt", id) - 1 AS k FROM "Membership" WHERE "organizationId" = $1 AND role <> 'owner')
     INSERT INTO "Call" (id, "organizationId", status, "tokenHash", vin, "carMake", "carModel", "carType", "modelYear", vehicle,
       "customerFirstName", "customerLastName", "customerPhone", "customerEmail", "dealerId", "createdAt", "acceptedAt", "endedAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, s.status, md5(i::text || $1), 'VIN' || lpad(i::text, 14, '0'), m.make, m.model, m.type, 2015 + i % 10,
       jsonb_build_object('make', initcap(m.make), 'model', initcap(m.model), 'carType', initcap(m.type), 'modelYear', 2015 + i % 10),
       (ARRAY['Maya','Raj','Lee','Sofia','Omar','Hana','Lucas','Amara'])[1 + i % 8], 'Customer' || (i % 5000),
       '+1512555' || lpad((i % 10000)::text, 4, '0'), 'customer' || i || '@example.test', CASE WHEN s.status IN ('completed','active','expired') THEN u."userId" END,
       t.ts, t.ts + interval '20 seconds', t.ts + interval '5 minutes', t.ts
     FROM generate_series(1, $2::int) AS i
       JOIN u ON u.k = (i * 13) % $3,
       LATERAL (SELECT timestamptz '2024-01-01' + (i::float / $2 * 730) * interval '1 day' AS ts) t,
       LATERAL (SELECT (ARRAY['completed','completed','completed','completed','missed','missed','expired','requested','active','completed'])[1 + i % 10]::"CallStatus" AS status) s,
       LATERAL (SELECT (ARRAY['TOYOTA','HONDA','FORD','CHEVROLET','HYUNDAI','NISSAN','KIA','BMW','TESLA','MAZDA'])[1 + (i * 7) % 10] AS make,
                       (ARRAY['COROLLA','ACCORD','F-150','MALIBU','KONA','ALTIMA','SOUL','328I','MODEL 3','MAZDA3'])[1 + (i * 7) % 10] AS model,
                       (ARRAY['SEDAN','COUPE','PICKUP','SEDAN','SUV','SEDAN','SUV','SEDAN','SEDAN','SEDAN'])[1 + (i * 7) % 10] AS type) m`,
    [org, SIZE.calls, SIZE.members],
  );
  await q(
    `INSERT INTO "Lead" (id, "organizationId", "callId", vin, "carMake", "carModel", "carType", "modelYear", vehicle, "firstName", "lastName", email, phone, comment, "dealerId", "createdAt")
     SELECT gen_random_uuid(), c."organizationId", c.id, c.vin, c."carMake", c."carModel", c."carType", c."modelYear", c.vehicle,
       coalesce(c."customerFirstName", 'Lead'), coalesce(c."customerLastName", 'Customer'), c."customerEmail", c."customerPhone", 'Please call back', c."dealerId", c."endedAt"
     FROM "Call" c WHERE c."organizationId" = $1::uuid`,
    [org],
  );
  // As autovacuum leaves tables that are mostly read: statistics current and pages marked all-visible.
  for (const table of ['User', 'Membership', 'Dealer', 'Team', 'TeamMember', 'PracticeSession', 'Call', 'Lead']) await q(`VACUUM ANALYZE "${table}"`);
  const seeded: Seeded = { org, apiKey: tenant.apiKey, email: tenant.email, password: tenant.password, ownerId: tenant.userId, size: SIZE };
  writeFileSync(REUSE_FILE, JSON.stringify(seeded));
  console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return seeded;
}
