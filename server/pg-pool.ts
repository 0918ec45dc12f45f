// Raw node-postgres pools beside Prisma's own, for infrastructure that speaks SQL directly: one for short statements
// (rate-limit counters), one for long streamed reads (CSV exports), so an export never holds up a rate-limit check.
import pg from 'pg';
import { env } from './env';

const globalForPool = globalThis as unknown as { pitchcraftPool?: pg.Pool; pitchcraftStreamPool?: pg.Pool };

// An idle connection the server ends (a restart, a failover, an administrator) is an 'error' event on its pool; left
// unheard it would end the process. The pool drops that connection and opens another for the next query.
// A checked-out connection's 'error' event (no pool listener then) is heard too: its statement fails on its own.
const ignoreIdleErrors = (pool: pg.Pool) => pool.on('error', () => undefined).on('connect', (client) => void client.on('error', () => undefined));

export function pgPool(): pg.Pool {
  globalForPool.pitchcraftPool ??= ignoreIdleErrors(new pg.Pool({ connectionString: env().DATABASE_URL, max: 4 }));
  return globalForPool.pitchcraftPool;
}

/** Connections that stream large results (COPY); an export beyond the fourth at once waits for one. */
export function pgStreamPool(): pg.Pool {
  globalForPool.pitchcraftStreamPool ??= ignoreIdleErrors(new pg.Pool({ connectionString: env().DATABASE_URL, max: 4, idleTimeoutMillis: 30_000, application_name: 'pitchcraft-exports' }));
  return globalForPool.pitchcraftStreamPool;
}
