// `npm start` / `npm run dev`: database up, migrations applied, the app built if stale, demo data seeded, then Next.js
// started in front of it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDatabase, type DatabaseHandle } from './db/embedded.ts';
import { applyMigrations } from './db/migrations.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const tsxBin = path.join(root, 'node_modules', '.bin', 'tsx');
// Anything that changes what `next build` produces; a newer file here means the production build is stale.
const BUILD_INPUTS = [
  'app',
  'server',
  'components',
  'lib',
  'public',
  'prisma/schema.prisma',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
];

let db: DatabaseHandle | undefined;
let next: ChildProcess | undefined;
let shuttingDown = false;

installSignalHandlers();
try {
  await main();
} catch (error) {
  console.error(`\n[start] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'server', 'generated', 'prisma'))) {
    throw new Error('The Prisma client has not been generated; run `npm install` (its postinstall step generates it).');
  }
  await assertPortFree(port);

  db = await ensureDatabase();
  console.log(db.embedded ? '[start] Database: embedded PostgreSQL (set DATABASE_URL to use your own).' : '[start] Database: DATABASE_URL.');

  const applied = await applyMigrations(db.url);
  console.log(applied.length > 0 ? `[start] Applied migrations: ${applied.join(', ')}` : '[start] Migrations: up to date.');

  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    APP_SECRET: process.env.APP_SECRET ?? appSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };

  if (shuttingDown) return; // Ctrl+C during setup
  if (!dev && buildIsStale()) {
    console.log('[start] Building the app (next build)...');
    const code = await run(spawn(nextBin, ['build'], { cwd: root, env, stdio: 'inherit' }));
    if (code !== 0) throw new Error(`next build failed (exit code ${code}).`);
  }

  // Seeded last, just before the app serves: the demo's calls happening now run on timers (a customer waits
  // CALL_MISSED_AFTER_SECONDS), and a first start's build would otherwise have let them run out unseen.
  if (shuttingDown) return;
  const login = await runSeed(db.url);
  if (shuttingDown) return;
  // Through our own server (scripts/serve.ts), so per-IP limits see the real peer address.
  next = spawn(tsxBin, ['scripts/serve.ts', ...(dev ? ['--dev'] : []), '--port', String(port)], { cwd: root, env, stdio: 'inherit' });
  next.once('exit', (code, signal) => {
    if (!shuttingDown) {
      console.error(`[start] Next.js exited (${signal ?? `code ${code}`}).`);
      void shutdown(code ?? 1);
    }
  });

  if (await waitUntilAnswering(`http://127.0.0.1:${port}/`)) printBanner(login);
}

/** Runs prisma/seed.ts if it exists (it is optional while the app is being built). */
async function runSeed(url: string): Promise<{ email: string; password: string } | undefined> {
  if (!existsSync(path.join(root, 'prisma', 'seed.ts'))) {
    console.log('[start] No prisma/seed.ts; skipping demo data.');
    return undefined;
  }
  const { seed } = (await import('../prisma/seed.ts')) as { seed: (url: string) => Promise<{ email: string; password: string }> };
  return seed(url);
}

/** Production needs a stable secret; generate one on first start and keep it with the local data. */
function appSecret(): string {
  const file = path.join(root, '.data', 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // catches deleted files too
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

async function assertPortFree(portToCheck: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${portToCheck} is already in use. Stop whatever uses it, or set PORT to another port.`) : error),
    );
    probe.listen(portToCheck, () => probe.close(() => resolve()));
  });
}

/** Polls until the app returns any HTTP response (the first request in dev also compiles the home page). */
async function waitUntilAnswering(url: string): Promise<boolean> {
  while (!shuttingDown && next?.exitCode === null) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(120_000), redirect: 'manual' });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return false;
}

function printBanner(login: { email: string; password: string } | undefined): void {
  const lines = [
    `Pitchcraft is running (${dev ? 'development' : 'production'} mode): http://localhost:${port}`,
    login ? `Demo login: ${login.email} / ${login.password}` : 'No demo login (no seed).',
    db?.embedded ? `Database: embedded PostgreSQL in ${path.relative(root, db.dataDir ?? '.data/postgres').startsWith('..') ? db.dataDir : path.relative(root, db.dataDir!)}` : 'Database: DATABASE_URL',
    process.env.SMTP_URL ? 'Mail: SMTP_URL' : `Mail: not configured; read what the app sends at http://localhost:${port}/dev/mail`,
    ...(login && process.env.DEV_PAGES !== 'false' && (!process.env.SMTP_URL || process.env.DEV_PAGES === 'true') ? [`Demo sending: the built-in sink delivers nothing; its texts are at http://localhost:${port}/dev/sink`] : []),
    'Press Ctrl+C to stop.',
  ];
  const rule = '─'.repeat(Math.max(...lines.map((line) => line.length)) + 4);
  console.log(`\n${rule}\n${lines.map((line) => `  ${line}`).join('\n')}\n${rule}\n`);
}

function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (shuttingDown) {
        // Second Ctrl+C: stop waiting.
        next?.kill('SIGKILL');
        process.exit(1);
      }
      void shutdown(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal], signal);
    });
  }
}

/** Stops Next.js first (it may still be finishing requests), then the database, then exits. */
async function shutdown(code: number, signal?: NodeJS.Signals): Promise<never> {
  shuttingDown = true;
  if (next && next.exitCode === null && next.signalCode === null) {
    next.kill(signal ?? 'SIGTERM');
    const killTimer = setTimeout(() => next?.kill('SIGKILL'), 10_000);
    await run(next);
    clearTimeout(killTimer);
  }
  await db?.stop().catch((error) => console.error(`[start] Could not stop PostgreSQL cleanly: ${(error as Error).message}`));
  process.exit(code);
}

function run(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}
