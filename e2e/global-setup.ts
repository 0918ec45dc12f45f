// Starts a fresh test database and the production build on E2E_PORT, and mints an API key for the api project.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { prepareTestDatabase, stopTestDatabase } from '../scripts/db/test-database';
import { E2E_PORT } from '../playwright.config';
import { bootstrapTenant } from './fixtures/tenant';

const root = path.resolve(import.meta.dirname, '..');

export default async function globalSetup() {
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) throw new Error('No production build: run `npx next build` first (npm test does).');
  const databaseUrl = await prepareTestDatabase('pitchcraft_e2e');
  const baseURL = `http://127.0.0.1:${E2E_PORT}`;
  const server: ChildProcess = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(E2E_PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      APP_SECRET: 'e2e-secret-0123456789abcdef',
      NEXTAUTH_URL: baseURL,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitFor(`${baseURL}/api/v1/openapi.json`, 60_000, server);
  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_DATABASE_URL = databaseUrl;
  const tenant = await bootstrapTenant(baseURL, 'primary');
  process.env.E2E_API_KEY = tenant.apiKey;
  process.env.E2E_ORG_ID = tenant.organizationId;

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await stopTestDatabase();
  };
}

async function waitFor(url: string, timeoutMs: number, server: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Server did not answer ${url} within ${timeoutMs} ms`);
}
