// Gives the test suites a freshly migrated `pitchcraft_test` database, on DATABASE_URL's server or a separate embedded PostgreSQL.
import pg from 'pg';
import { ensureDatabase, type DatabaseHandle } from './embedded.ts';
import { applyMigrations } from './migrations.ts';

let embedded: DatabaseHandle | undefined;

/**
 * Drops and recreates the test database (default `pitchcraft_test`; e2e and bench use their own names so they
 * can't clobber each other), applies all migrations and returns its URL. With `keep`, an existing database is kept
 * (a benchmark reusing the rows it seeded last time) and only brought up to date.
 */
export async function prepareTestDatabase(name = 'pitchcraft_test', opts: { keep?: boolean } = {}): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid test database name "${name}" (use lowercase letters, digits and _).`);
  const serverUrl = process.env.DATABASE_URL ?? (await startEmbedded());
  const testUrl = withDatabase(serverUrl, name);
  // Connect through any database other than the one being dropped.
  const adminUrl = databaseOf(serverUrl) === name ? withDatabase(serverUrl, 'postgres') : serverUrl;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!(opts.keep && exists)) {
      // FORCE ends sessions left over from an earlier, interrupted run.
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    }
  } catch (error) {
    throw new Error(`Could not recreate the "${name}" database via ${redact(adminUrl)}: ${(error as Error).message}`);
  } finally {
    await admin.end();
  }

  await applyMigrations(testUrl);
  return testUrl;
}

/** Stops the embedded test server if prepareTestDatabase started one. */
export async function stopTestDatabase(): Promise<void> {
  await embedded?.stop();
  embedded = undefined;
}

async function startEmbedded(): Promise<string> {
  embedded ??= await ensureDatabase({
    url: '', // the embedded server, even if DATABASE_URL gets set concurrently
    dataDir: '.data/postgres-test',
    port: Number(process.env.EMBEDDED_PG_TEST_PORT) || 54339,
    database: 'postgres',
    durable: false, // test data is throwaway; skipping fsync makes the suites much faster
  });
  return embedded.url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
