// The one Prisma client of the process, over node-postgres (Prisma 7 driver adapter). Only server/domain, jobs and auth use it.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';

const globalForDb = globalThis as unknown as { pitchcraftDb?: PrismaClient };

function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

// Dev reloads and test files re-evaluate modules; one pool per process keeps connections bounded.
export const db: PrismaClient = globalForDb.pitchcraftDb ?? (globalForDb.pitchcraftDb = createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
