// The one Prisma client of the process, over node-postgres (Prisma 7 driver adapter), and `sqlRows` for the few hot
// reads (lists) that run their SQL on the same pool without Prisma's pipeline. Only server/domain, jobs and auth use it.
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from './generated/prisma/client';
import { env } from './env';
import { serverBusy } from './errors';

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
export async function sqlRows<Row>(query: Prisma.Sql, opts: { prepared?: boolean } = {}): Promise<Row[]> {
  const result = await pool().query(opts.prepared ? preparedQuery(query.text, query.values as unknown[]) : { text: query.text, values: query.values as unknown[] });
  return result.rows as Row[];
}

const digests = new Map<string, string>();

/** A statement's name: a digest of its text, so one name never stands for two texts. */
function digestOf(text: string): string {
  let digest = digests.get(text);
  if (!digest) {
    digest = createHash('sha256').update(text).digest('base64url').slice(0, 24).replace(/-/g, '_');
    if (digests.size < 1000) digests.set(text, digest);
  }
  return digest;
}

/**
 * A named (prepared) statement: each connection parses and plans it once, then PostgreSQL reuses its plan — for a
 * statement of constant text run for every message (a delivery's claim, planned in ~1 ms a call on this machine, was
 * the largest share of PostgreSQL's time per message). Only for a fixed set of texts: each connection keeps every
 * statement it prepared.
 */
function preparedQuery(text: string, values: unknown[]): pg.QueryConfig {
  if (!preparedTexts.has(text)) {
    // A list's text varies with its filters and order: past this many texts, more run unnamed rather than each
    // connection (and its PostgreSQL backend) keeping a plan for every combination a caller can make up.
    if (preparedTexts.size >= MAX_PREPARED_TEXTS) return { text, values };
    preparedTexts.add(text);
  }
  return { name: `pc_${digestOf(text)}`, text, values };
}

export const MAX_PREPARED_TEXTS = 500;
const preparedTexts = new Set<string>();

/** Waits this long for a connection, then answers 503 (Prisma's maxWait above). */
const CONNECT_WAIT_MS = 10_000;
/** Opens a transaction bounded as a Prisma one is (its timeout above): a lock waited for, a statement. */
const BEGIN = ['BEGIN', 'SET LOCAL lock_timeout = 15000', 'SET LOCAL statement_timeout = 15000'];

/**
 * A transaction in ONE round trip, on the pool Prisma uses: BEGIN, the statements, COMMIT, sent as one simple-protocol
 * query (`simpleQuery`: each statement PREPAREd once per connection, its values written as literals). For the hot
 * paths of sending: a send (row lock, its job, its writes, its event) and a worker's delivery outcomes. On a busy
 * machine a transaction's round trips are its cost — each one a socket write and a wait for a CPU on both sides — and
 * one whose last statement publishes an event held the organization's event lock across the COMMIT's round trip,
 * where every publisher of the organization queued on it. A failed statement rolls all of them back. Bounded as a
 * Prisma transaction is: a lock waited for or a statement longer than 15 s ends it (55P03/57014 answer 503); no
 * connection within 10 s is a 503 like Prisma's P2024. Returns each statement's rows, in order.
 */
export async function sqlTransaction(...statements: Statement[]): Promise<unknown[][]> {
  const client = await connectWithin(CONNECT_WAIT_MS);
  let broken: Error | undefined;
  try {
    return await simpleQuery(client, [...BEGIN, ...statements, 'COMMIT']);
  } catch (error) {
    // The failed statement left the transaction aborted: rolled back here. A connection that cannot even roll back
    // is dropped from the pool.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw error;
  } finally {
    // A connection that may hold a statement it does not know it prepared is dropped too (see simpleQuery).
    client.release(broken ?? (doubtful.has(client) ? new Error('prepared statements unknown') : undefined));
  }
}

/** A statement as node-postgres takes it: text with $n placeholders, and their values. Prisma.sql makes one. */
export type Statement = { text: string; values: readonly unknown[] };

/** The statements PREPAREd on each connection by simpleQuery (SQL PREPARE; node-postgres's own named statements aside). */
const sqlPrepared = new WeakMap<pg.ClientBase, Set<string>>();
/** Connections where a failed query may or may not have PREPAREd a statement. */
const doubtful = new WeakSet<pg.ClientBase>();

/**
 * One simple-protocol round trip: commands as they are and statements as `EXECUTE` of a statement PREPAREd once per
 * connection (on first use, in the same round trip), its values written as literals (`inlineSql`'s rules) — so a
 * statement of constant text is parsed and planned once per connection here too (the send's three were ~0.5 ms of
 * PostgreSQL's time per message, planned every time). Returns each statement's rows, in order.
 */
async function simpleQuery(client: pg.PoolClient, parts: (string | Statement)[]): Promise<unknown[][]> {
  let known = sqlPrepared.get(client);
  if (!known) sqlPrepared.set(client, (known = new Set()));
  const sql: string[] = [];
  const picks: number[] = [];
  const preparing: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      sql.push(part);
      continue;
    }
    const name = `ps_${digestOf(part.text)}`;
    if (!known.has(name) && !preparing.includes(name)) {
      sql.push(`PREPARE ${name} AS ${part.text}`);
      preparing.push(name);
    }
    picks.push(sql.length);
    sql.push(part.values.length ? `EXECUTE ${name}(${part.values.map(literal).join(', ')})` : `EXECUTE ${name}`);
  }
  try {
    const result = await client.query(sql.join('; '));
    const all = Array.isArray(result) ? result : [result];
    for (const name of preparing) known.add(name);
    return picks.map((i) => all[i]!.rows);
  } catch (error) {
    // PREPARE is not undone by a rollback: whether the failed query got that far is unknown.
    if (preparing.length) doubtful.add(client);
    throw error;
  }
}

async function connectWithin(ms: number): Promise<pg.PoolClient> {
  const pending = pool().connect();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(serverBusy()), ms);
  });
  try {
    return await Promise.race([pending, timeout]);
  } catch (error) {
    // A connection that arrives after all goes straight back.
    pending.then((c) => c.release(), () => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A statement with its values written into it as SQL literals, for the simple query protocol (which takes several
 * statements in one round trip, but no parameters). SECURITY: every value becomes a quoted literal escaped by
 * node-postgres's `escapeLiteral` (quotes doubled; with a backslash, an E'' string with it doubled) — a typed-less
 * literal that PostgreSQL reads in its context as it reads an untyped parameter; our statements cast where the type
 * matters (`${id}::uuid`). Only strings, finite numbers, bigints, booleans, dates and null are accepted.
 */
export function inlineSql(statement: { text: string; values: readonly unknown[] }): string {
  const values = statement.values;
  return statement.text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= values.length) throw new Error(`inlineSql: $${n} has no value`);
    return literal(values[index]);
  });
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new Error('inlineSql: a string with a NUL byte');
    return pg.escapeLiteral(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('inlineSql: a number that is not finite');
    return `'${String(value)}'`;
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') return `'${String(value)}'`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('inlineSql: an invalid date');
    return `'${value.toISOString()}'`;
  }
  throw new Error(`inlineSql: a ${typeof value} value cannot be written as a literal`);
}
