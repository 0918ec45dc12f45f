// Runs the handlers of every queue (or the given ones) in this process, with the schedules, until stopped.
// Any number of workers may run at once against one database: pg-boss claims each job with SKIP LOCKED.
import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss';
import { env } from '../env';
import { ensureQueues, jobBoss, stopJobBoss } from './boss';
import { HANDLERS } from './handlers';
import type { JobContext } from './job-context';
import { JOB_NAMES, QUEUES, type JobName } from './queues';
import { onShutdown } from './shutdown';

export type WorkerHandle = { stop(): Promise<void> };

export async function startWorker(opts: { queues?: readonly JobName[]; concurrency?: number } = {}): Promise<WorkerHandle> {
  const boss = await jobBoss('worker');
  const names = opts.queues ?? JOB_NAMES;
  await ensureQueues(boss, names.map((n) => QUEUES[n]));
  for (const name of names) {
    const queue = QUEUES[name];
    await workQueue(boss, name, (job) => runJob(name, job), { concurrency: opts.concurrency ?? env().WORKER_CONCURRENCY });
    if (queue.cron) await boss.schedule(name, queue.cron, {}, { tz: 'UTC' });
  }
  const stop = () => stopJobBoss(env().WORKER_DRAIN_SECONDS * 1000);
  onShutdown('jobs worker', stop);
  console.log(`[jobs] Worker running for ${names.length} queue(s): ${names.join(', ')}`);
  return { stop };
}

/**
 * How every queue is worked: `concurrency` jobs at once, fetched two at a time by `concurrency / 2` loops (for an odd
 * number, one of them fetches three), each job settled on its own (one failure retries only that job); a full
 * batch fetches the next at once, and a NOTIFY wakes the loops for new jobs. Small batches because a loop fetches again
 * only when the slowest job of its batch is done: with one batch of `concurrency` jobs, one slow answer (a gateway's)
 * held every other slot idle until it came. The price is two statements (fetch, settle) per two jobs instead of per
 * `concurrency`: no-op jobs (bench:jobs) run at about half the rate, real ones faster (bench:transmissions, bench/README).
 */
export async function workQueue(boss: PgBoss, name: string, run: (job: JobWithMetadata<object>) => Promise<JobResult>, opts: { concurrency: number }): Promise<void> {
  const options = { includeMetadata: true, perJobResults: true, burstWhenBatchFull: true, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 5 } as const;
  const handler = async (jobs: unknown[]) => Promise.all((jobs as JobWithMetadata<object>[]).map(run));
  // A loop fetching one job at a time never bursts (pg-boss: a batch of one is always "full", and burstWhenBatchFull
  // needs more), so between jobs it waits for a NOTIFY or its 5-s poll: an odd number gets one loop of three instead.
  if (opts.concurrency === 1) return void (await boss.work<object>(name, { ...options, batchSize: 1 }, handler));
  const odd = opts.concurrency % 2 === 1;
  const pairs = Math.floor(opts.concurrency / 2) - (odd ? 1 : 0);
  if (pairs > 0) await boss.work<object>(name, { ...options, batchSize: 2, localConcurrency: pairs }, handler);
  if (odd) await boss.work<object>(name, { ...options, batchSize: 3 }, handler);
}

async function runJob(name: JobName, job: JobWithMetadata<object>): Promise<JobResult> {
  const handler = HANDLERS[name] as (p: unknown, c: JobContext) => Promise<void>;
  try {
    const payload = QUEUES[name].payload.parse(job.data);
    await handler(payload, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit, signal: job.signal });
    return { id: job.id, status: 'completed' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[jobs] ${name} ${job.id} attempt ${job.retryCount + 1} failed: ${message}`);
    // Retried with backoff while retries remain; then it stays failed, shown in the Background jobs panel.
    return { id: job.id, status: 'failed', output: { message } };
  }
}
