// A small raw node-postgres pool for infrastructure that speaks SQL directly (rate-limit counters), beside Prisma's own.
import pg from 'pg';
import { env } from './env';

const globalForPool = globalThis as unknown as { pitchcraftPool?: pg.Pool };

export function pgPool(): pg.Pool {
  globalForPool.pitchcraftPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 4 });
  return globalForPool.pitchcraftPool;
}
