// Enqueues a background job inside the caller's transaction: the job exists if and only if that transaction commits.
import { fromPrisma, type PgBoss } from 'pg-boss';
import type { Statement, Tx } from '../db';
import { jobBoss } from './boss';
import { QUEUES, type JobName, type JobPayload, type QueueDefinition } from './queues';

export type EnqueueOptions = {
  /** Run no earlier than this. */
  startAfter?: Date;
  /**
   * At most one waiting job per key — only on a queue whose `queuePolicy` is 'short' (pg-boss's standard policy keeps
   * every job whatever its key): a second enqueue with the same key is then dropped while the first waits. enqueue
   * refuses a key on any other queue, so the promise is never silently broken.
   */
  singletonKey?: string;
};

/**
 * SECURITY/CONSISTENCY: always pass the transaction that writes the row the job is about, never the global client,
 * so a rolled-back request leaves no job behind and a committed one can never lose its job.
 */
export async function enqueue<N extends JobName>(tx: Tx, name: N, payload: JobPayload<N>, opts: EnqueueOptions = {}): Promise<string | null> {
  return sendJob(await jobBoss(), tx, name, payload, opts);
}

/** enqueue() through a given job client: for a script with a client of its own (the demo seed, see openJobClient). */
export async function sendJob<N extends JobName>(boss: PgBoss, tx: Tx, name: N, payload: JobPayload<N>, opts: EnqueueOptions = {}): Promise<string | null> {
  const queue: QueueDefinition = QUEUES[name];
  if (opts.singletonKey && queue.queuePolicy !== 'short') throw new Error(`${name}: a singletonKey dedupes only on a queue with the 'short' policy`);
  const data = queue.payload.parse(payload) as object;
  return boss.send(name, data, {
    db: fromPrisma(tx),
    ...(opts.startAfter && { startAfter: opts.startAfter }),
    ...(opts.singletonKey && { singletonKey: opts.singletonKey }),
  });
}

/**
 * enqueue()'s statement without running it, for a caller that sends it itself with others in one round trip
 * (`sqlTransaction`): pg-boss's own insert — its queue's policy, its NOTIFY — as pg-boss would run it on the
 * caller's transaction (through the `db` adapter it takes, which here only keeps the statement). The same rule as
 * enqueue: the caller runs it in the transaction that writes the row the job is about.
 */
export async function jobStatement<N extends JobName>(name: N, payload: JobPayload<N>): Promise<Statement> {
  const kept: Statement[] = [];
  const data = QUEUES[name].payload.parse(payload) as object;
  await (await jobBoss()).send(name, data, {
    db: {
      executeSql: async (text: string, values?: unknown[]) => {
        kept.push({ text, values: values ?? [] });
        return { rows: [{ id: null }] };
      },
    },
  });
  // pg-boss sends one job with one statement; anything else (a retry with another statement) is not this contract.
  if (kept.length !== 1) throw new Error(`jobStatement(${name}): pg-boss ran ${kept.length} statements for one job`);
  return kept[0]!;
}

/**
 * enqueueMany()'s statement without running it (as jobStatement is enqueue()'s): pg-boss's insert of many jobs of one
 * queue — its queue's policy, one NOTIFY for them all — for a caller that sends it with others in one round trip.
 */
export async function jobsStatement<N extends JobName>(name: N, payloads: JobPayload<N>[]): Promise<Statement> {
  const kept: Statement[] = [];
  await (await jobBoss()).insert(name, payloads.map((p) => ({ data: QUEUES[name].payload.parse(p) as object })), {
    db: {
      executeSql: async (text: string, values?: unknown[]) => {
        kept.push({ text, values: values ?? [] });
        return { rows: [] };
      },
    },
  });
  if (kept.length !== 1) throw new Error(`jobsStatement(${name}): pg-boss ran ${kept.length} statements for one insert`);
  return kept[0]!;
}

/** Many jobs of one queue in one statement, inside the caller's transaction (same rule as enqueue). */
export async function enqueueMany<N extends JobName>(tx: Tx, name: N, payloads: JobPayload<N>[], opts: Pick<EnqueueOptions, 'startAfter'> = {}): Promise<void> {
  if (payloads.length === 0) return;
  const boss = await jobBoss();
  await boss.insert(name, payloads.map((p) => ({ data: QUEUES[name].payload.parse(p) as object, ...(opts.startAfter && { startAfter: opts.startAfter }) })), { db: fromPrisma(tx) });
}
