// Enqueues a background job inside the caller's transaction: the job exists if and only if that transaction commits.
import { fromPrisma, type PgBoss } from 'pg-boss';
import type { Tx } from '../db';
import { jobBoss } from './boss';
import { QUEUES, type JobName, type JobPayload } from './queues';

export type EnqueueOptions = {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job per key: a second enqueue with the same key is dropped while the first waits. */
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
  const data = QUEUES[name].payload.parse(payload) as object;
  return boss.send(name, data, {
    db: fromPrisma(tx),
    ...(opts.startAfter && { startAfter: opts.startAfter }),
    ...(opts.singletonKey && { singletonKey: opts.singletonKey }),
  });
}
