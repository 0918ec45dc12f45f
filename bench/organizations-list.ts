// `npm run bench`: GET /api/v1/organizations through the whole app (API key) against Next's own floor (a route doing
// nothing) and a bare node:http + pg server on the same database, measured in one run at each concurrency
// (BENCH_CONCURRENCY, default 16 and 50), printed side by side with both ratios. REST_DISPATCH (direct, the default, or next)
// passes on to the app server (scripts/serve.ts: /api/v1 straight to its route handlers; the floor, /api/health, stays Next's).
// BENCH_PROFILE=1 runs the app under `node --cpu-prof` and prints the profile's top entries. Needs a production build (npx next build).
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { startAppServer } from '../e2e/fixtures/app-server';
import { bootstrapTenant } from '../e2e/fixtures/tenant';
import { spawn } from 'node:child_process';
import { largestProfile, profilingArgs, summarizeProfile } from './cpu-profile';
import { postmasterPid, treeCpuMs } from './cpu-time';
import { runLoad, type LoadResult } from './load';
import { benchPort } from './ports';

const APP_PORT = benchPort(0);
const BARE_PORT = benchPort(1);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '16,50').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// On a busy machine 2 s of warm-up left the app's first pass through its bundles (JIT, module loading) in the numbers.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const profileDir = process.env.BENCH_PROFILE === '1' ? mkdtempSync(path.join(tmpdir(), 'pitchcraft-orgs-prof-')) : null;

const databaseUrl = await prepareTestDatabase('pitchcraft_bench');
// Budgets are opened up: the benchmark measures the limiter's cost, not its refusals.
const app = await startAppServer({
  port: APP_PORT,
  databaseUrl,
  quiet: true,
  env: { RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', RATE_LIMIT_AUTH_PER_MINUTE: '100000000' },
  nodeArgs: profileDir ? profilingArgs(profileDir) : [],
});
// The baseline runs in a process of its own, so its CPU is counted apart from the load generator's.
const bareProcess = spawn(path.resolve(import.meta.dirname, '../node_modules/.bin/tsx'), [path.resolve(import.meta.dirname, 'bare-organizations-server.ts'), databaseUrl, String(BARE_PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve, reject) => {
  bareProcess.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
  bareProcess.once('exit', (code) => reject(new Error(`The bare server exited with ${code}`)));
});
const bare = { close: () => new Promise<void>((r) => (bareProcess.once('exit', () => r()), bareProcess.kill('SIGTERM'))) };
try {
  const appUrl = app.url;
  const tenant = await bootstrapTenant(appUrl, 'bench');
  const headers = { 'x-api-key': tenant.apiKey };
  const check = await (await fetch(`${appUrl}/api/v1/organizations`, { headers })).json();
  const bareCheck = await (await fetch(`http://127.0.0.1:${BARE_PORT}/organizations`, { headers })).json();
  if (check.count !== 1 || bareCheck.count !== 1 || check.results[0].id !== bareCheck.results[0].id) throw new Error('The two servers disagree; the comparison would be meaningless.');

  const pgPid = postmasterPid();
  const targets = [
    { name: 'Pitchcraft (Next + withApi + Prisma)', url: `${appUrl}/api/v1/organizations`, headers, pids: [app.pid, pgPid] },
    { name: 'Next route, no work (framework floor)', url: `${appUrl}/api/health`, headers: {}, pids: [app.pid] },
    { name: 'bare node:http + pg (baseline)', url: `http://127.0.0.1:${BARE_PORT}/organizations`, headers, pids: [bareProcess.pid!, pgPid] },
  ];
  // CPU per request: the serving process and, where it queries, PostgreSQL — not the load generator (this process).
  const cpuOf = (pids: Array<number | null>) => pids.reduce<number>((sum, pid) => sum + (pid ? treeCpuMs(pid) : 0), 0);
  const row = (name: string, r: LoadResult & { cpu: number }) =>
    `${name.padEnd(38)} ${r.rps.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(9)} ${r.p99.toFixed(2).padStart(9)} ${(pgPid ? r.cpu.toFixed(2) : '-').padStart(9)} ${String(r.errors).padStart(7)}`;
  for (const concurrency of CONCURRENCY) {
    // Warm everything (JIT, connection pools), then measure one after the other with the same load.
    for (const t of targets) await runLoad(t.url, t.headers, { concurrency, seconds: WARMUP_SECONDS });
    const results: Array<LoadResult & { cpu: number }> = [];
    for (const t of targets) {
      const c0 = cpuOf(t.pids);
      const r = await runLoad(t.url, t.headers, { concurrency, seconds: SECONDS });
      results.push({ ...r, cpu: (cpuOf(t.pids) - c0) / r.requests });
    }
    const [full, floor, base] = results as [LoadResult & { cpu: number }, LoadResult & { cpu: number }, LoadResult & { cpu: number }];
    console.log(`\nGET organizations, API key, ${concurrency} concurrent clients, ${SECONDS} s each, REST_DISPATCH=${process.env.REST_DISPATCH || 'direct'}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    console.log(`${'server'.padEnd(38)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'CPU ms/r'.padStart(9)} ${'errors'.padStart(7)}`);
    targets.forEach((t, i) => console.log(row(t.name, results[i]!)));
    console.log(`\nratio (app / framework floor): throughput ${(full.rps / floor.rps).toFixed(2)}×, p50 ${(full.p50 / floor.p50).toFixed(2)}×, p99 ${(full.p99 / floor.p99).toFixed(2)}×, CPU per request ${(floor.cpu / full.cpu).toFixed(2)}× (floor / app)`);
    console.log(`ratio (app / bare baseline):   throughput ${(full.rps / base.rps).toFixed(2)}×, p50 ${(full.p50 / base.p50).toFixed(2)}×, p99 ${(full.p99 / base.p99).toFixed(2)}×, CPU per request ${(base.cpu / full.cpu).toFixed(2)}× (bare / app)`);
    console.log(`framework floor / baseline: throughput ${(floor.rps / base.rps).toFixed(2)}× (what Next costs before any of our work)`);
  }
} finally {
  await app.stop();
  await bare.close();
  await stopTestDatabase();
}
if (profileDir) console.log(`\n${summarizeProfile(largestProfile(profileDir), 25)}`);
