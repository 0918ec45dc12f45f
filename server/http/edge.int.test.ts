// The app's HTTP server keeps an idle keep-alive connection open for KEEP_ALIVE_MS: a client (or a proxy's pool) that
// reuses one after Node's default 5–6 s must not meet the server's close (ECONNRESET, a proxy's 502).
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHttpApp } from '../test/http-app';
import { KEEP_ALIVE_MS } from './edge';

let app: Awaited<ReturnType<typeof startHttpApp>>;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  app = await startHttpApp();
});

afterAll(async () => {
  agent.destroy();
  await app?.close();
});

const get = () =>
  new Promise<{ status: number; reused: boolean; keepAlive: string }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: app.port, path: '/api/v1/openapi.json', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket, keepAlive: String(res.headers['keep-alive']) }));
    });
    req.on('error', reject);
  });

it('an idle connection is still open after seven seconds, and the answer says how long it stays', async () => {
  const first = await get();
  expect(first).toEqual({ status: 200, reused: false, keepAlive: `timeout=${KEEP_ALIVE_MS / 1000}` });
  await new Promise((r) => setTimeout(r, 7_000));
  expect(await get()).toMatchObject({ status: 200, reused: true });
}, 20_000);
