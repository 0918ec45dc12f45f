// `npm run bench:vin`: what the VIN decoder's load costs a real user. Starts the production build twice on its own
// database and measures, on each fresh server:
//   A. GET /api/v1/vin/{vin} sent the moment the server answers (before the background warm-up starts: the request
//      pays for loading NHTSA's database) — the cold first decode a customer would wait for without the warm-up;
//   B. the same request once the server has logged "VIN decoder ready" — what the first customer waits for now;
// and, while the warm-up loads (in its worker thread), GET /api/health latency against the same after it, to show the
// load does not stall requests. Needs a production build (npx next build).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { benchPort } from './ports';

const root = path.resolve(import.meta.dirname, '..');
const PORT = benchPort(0);
const VIN = '5YJ3E1EA2KF317000';

const databaseUrl = await prepareTestDatabase('pitchcraft_bench_vin');

type Server = { url: string; startedIn: number; ready: Promise<number>; stop(): Promise<void> };

async function startServer(port: number): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/serve.ts', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, APP_SECRET: 'bench-secret-0123456789abcdef', NEXTAUTH_URL: url, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', WORKER: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Resolves with the time from spawn to the server's "VIN decoder ready" line.
  const ready = new Promise<number>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('VIN decoder ready')) resolve(performance.now() - t0);
    });
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url,
    startedIn: performance.now() - t0,
    ready,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function timed(url: string) {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  // A: the first decode sent as soon as the server answers.
  const a = await startServer(PORT);
  const cold = await timed(`${a.url}/api/v1/vin/${VIN}`);
  await a.stop();

  // B: the first decode once the warm-up has finished; health latency during and after the load.
  const b = await startServer(PORT);
  const during: number[] = [];
  let loaded = false;
  const readyAt = b.ready.then((ms) => ((loaded = true), ms));
  while (!loaded) {
    during.push(await timed(`${b.url}/api/health`));
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyIn = await readyAt;
  const after: number[] = [];
  for (let i = 0; i < 40; i++) after.push(await timed(`${b.url}/api/health`));
  const warm = await timed(`${b.url}/api/v1/vin/${VIN}`);
  await b.stop();

  console.log(`\nVIN decoder, production build (server answering after ${(a.startedIn / 1000).toFixed(1)} s and ${(b.startedIn / 1000).toFixed(1)} s)`);
  console.log(`${'first GET /api/v1/vin/{vin} of a process'.padEnd(58)} ${'ms'.padStart(8)}`);
  console.log(`${'A. as soon as the server answers (the request loads it)'.padEnd(58)} ${cold.toFixed(0).padStart(8)}`);
  console.log(`${'B. after the background warm-up'.padEnd(58)} ${warm.toFixed(0).padStart(8)}`);
  console.log(`ratio (A / B): ${(cold / warm).toFixed(0)}×; the warm-up finished ${(readyIn / 1000).toFixed(1)} s after spawn`);
  console.log(`GET /api/health p50 from the server answering until the decoder is ready (it starts loading 2 s in): ${median(during).toFixed(1)} ms (${during.length} requests); after: ${median(after).toFixed(1)} ms`);
} finally {
  await stopTestDatabase();
}
