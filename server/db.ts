// The one Prisma client of the process, over node-postgres (Prisma 7 driver adapter). Only server/domain, jobs and auth use it.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';

const globalForDb = globalThis as unknown as { pitchcraftDb?: PrismaClient };

function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

// Created on first use, not at import: `next build` loads modules without a database. Dev reloads and test files
// re-evaluate modules; one client per process (kept on globalThis) keeps connections bounded.
const client = () => (globalForDb.pitchcraftDb ??= createClient());
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const value = Reflect.get(client(), property);
    return typeof value === 'function' ? value.bind(client()) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
