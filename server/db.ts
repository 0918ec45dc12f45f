// The one Prisma client of the process, over node-postgres (Prisma 7 driver adapter), and `sqlRows` for the few hot
// reads (lists) that run their SQL on the same pool without Prisma's pipeline. Only server/domain, jobs and auth use it.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from './generated/prisma/client';
import { env } from './env';

const globalForDb = globalThis as unknown as { pitchcraftDb?: PrismaClient; pitchcraftDbPool?: pg.Pool };

/** Connections of one app instance for Prisma and sqlRows together (exports and rate-limit counters have their own). */
const POOL_SIZE = 10;

function pool(): pg.Pool {
  // An idle connection the server ends (restart, failover) is dropped by the pool; the next query opens another. A
  // connection checked out (held by a transaction between statements) has no pool listener: its 'error' event, left
  // unheard, ended the process when PostgreSQL restarted (the campaign crash test). The statement under way fails on
  // its own promise, so the event itself needs no handling.
  globalForDb.pitchcraftDbPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: POOL_SIZE })
    .on('error', () => undefined)
    .on('connect', (client) => void client.on('error', () => undefined));
  return globalForDb.pitchcraftDbPool;
}

function createClient() {
  const adapter = new PrismaPg(pool());
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

/**
 * One statement (a read, or a write that returns rows), built with Prisma.sql like `$queryRaw`, run directly on the
 * pool Prisma uses: for the hottest statements, where Prisma's per-query work costs more than the query (bench/lists.ts
 * measured a list's Node time at a third; a message's delivery is two statements). Values come as node-postgres parses them: timestamptz → Date, json → parsed, int4/float8 → number, int8 and
 * numeric → string, enums → string. Errors carry PostgreSQL's code, as `$queryRaw`'s do.
 */
export async function sqlRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const result = await pool().query(query.text, query.values as unknown[]);
  return result.rows as Row[];
}

/**
 * `$queryRaw` of `sqlRows`: for code written against a transaction's `$queryRaw` (publishEvent) run as one statement
 * on its own (autocommit) on a hot path — a delivery's outcome.
 */
export const rawQueries: Pick<Tx, '$queryRaw'> = {
  $queryRaw: ((strings: TemplateStringsArray, ...values: unknown[]) => sqlRows(Prisma.sql(strings, ...values))) as never,
};
