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
 * How every queue is worked: a batch of up to `concurrency` jobs at a time, each settled on its own (one failure
 * retries only that job); a full batch fetches the next at once, and a NOTIFY wakes the worker for new jobs.
 */
export async function workQueue(boss: PgBoss, name: string, run: (job: JobWithMetadata<object>) => Promise<JobResult>, opts: { concurrency: number }): Promise<void> {
  await boss.work<object>(
    name,
    { batchSize: opts.concurrency, includeMetadata: true, perJobResults: true, burstWhenBatchFull: true, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 5 },
    async (jobs) => Promise.all((jobs as JobWithMetadata<object>[]).map(run)),
  );
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
