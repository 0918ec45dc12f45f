// The one Prisma client of the process, over node-postgres (Prisma 7 driver adapter). Only server/domain, jobs and auth use it.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';

const globalForDb = globalThis as unknown as { pitchcraftDb?: PrismaClient };

function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  // Prisma's defaults (2 s to get a connection, 5 s to finish) fail short transactions on a busy machine — a burst of
  // call signals on two cores did. These limits still end a stuck transaction; one that hits them is a 503 (errors.ts).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
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
