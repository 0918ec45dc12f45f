// `npm run bench:realtime`: fan-out latency of realtime events to 1,000 SSE clients connected across two app
// instances (GET /api/v1/events, API keys), from the commit of each event to its arrival at every client, against the
// floor measured in the same run: a bare LISTEN connection hearing the same NOTIFY. Needs a production build.
import http from 'node:http';
import pg from 'pg';
import { startAppServer } from '../e2e/fixtures/app-server';
import { bootstrapTenant } from '../e2e/fixtures/tenant';
import { benchPort } from './ports';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 40);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 150);

const databaseUrl = await prepareTestDatabase('pitchcraft_bench_rt');
process.env.DATABASE_URL = databaseUrl;
const { db } = await import('../server/db');
const { publishEvent, REALTIME_CHANNEL } = await import('../server/realtime/publish-event');

const open = { RATE_LIMIT_PER_MINUTE: '100000000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000', RATE_LIMIT_AUTH_PER_MINUTE: '100000000', WORKER: 'off' };
const servers = await Promise.all([benchPort(0), benchPort(1)].map((port) => startAppServer({ port, databaseUrl, quiet: true, env: open })));
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

type Client = { latencies: number[]; connected: Promise<void>; req: http.ClientRequest };

function connect(url: string, apiKey: string): Client {
  const latencies: number[] = [];
  let ready!: () => void;
  const connected = new Promise<void>((r) => (ready = r));
  const req = http.get(`${url}/api/v1/events`, { agent, headers: { 'x-api-key': apiKey } }, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block.includes(': connected')) ready();
        const data = block.match(/^data: (.*)$/m)?.[1];
        if (data) latencies.push(Date.now() - (JSON.parse(data).payload.sentAt as number));
      }
    });
  });
  req.on('error', () => {});
  return { latencies, connected, req };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

try {
  const tenant = await bootstrapTenant(servers[0]!.url, 'bench-rt');
  const floor: number[] = [];
  const listener = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  await listener.query(`LISTEN ${REALTIME_CHANNEL}`);
  let sentAt = 0;
  listener.on('notification', () => floor.push(Date.now() - sentAt));

  const clients = Array.from({ length: CLIENTS }, (_, i) => connect(servers[i % 2]!.url, tenant.apiKey));
  const t0 = performance.now();
  await Promise.all(clients.map((c) => c.connected));
  console.log(`${CLIENTS} clients connected across 2 instances in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  for (let i = 0; i < EVENTS; i++) {
    sentAt = Date.now();
    await publishEvent(db, { organizationId: tenant.organizationId, type: 'bench.tick', payload: { sentAt, i } });
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  const deadline = Date.now() + 30_000;
  while (clients.some((c) => c.latencies.length < EVENTS) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

  const all = clients.flatMap((c) => c.latencies).sort((a, b) => a - b);
  const missing = CLIENTS * EVENTS - all.length;
  floor.sort((a, b) => a - b);
  console.log(`\n${EVENTS} events, one every ${GAP_MS} ms, each to ${CLIENTS} SSE clients (${CLIENTS / 2} per instance)\n`);
  console.log(`${''.padEnd(46)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'deliveries'.padStart(11)}`);
  console.log(`${'commit → every SSE client (both instances)'.padEnd(46)} ${String(pct(all, 50)).padStart(8)} ${String(pct(all, 99)).padStart(8)} ${String(all.at(-1)).padStart(8)} ${String(all.length).padStart(11)}`);
  console.log(`${'commit → a bare LISTEN connection (floor)'.padEnd(46)} ${String(pct(floor, 50)).padStart(8)} ${String(pct(floor, 99)).padStart(8)} ${String(floor.at(-1)).padStart(8)} ${String(floor.length).padStart(11)}`);
  console.log(`\nratio (fan-out / floor): p50 ${(pct(all, 50) / Math.max(1, pct(floor, 50))).toFixed(1)}×, p99 ${(pct(all, 99) / Math.max(1, pct(floor, 99))).toFixed(1)}×${missing ? ` · ${missing} deliveries missing` : ' · every event reached every client'}`);
  for (const c of clients) c.req.destroy();
  await listener.end();
} finally {
  agent.destroy();
  await Promise.all(servers.map((s) => s.stop()));
  await db.$disconnect();
  await stopTestDatabase();
}
