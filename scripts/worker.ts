// `npm run worker`: runs the background job workers alone (no web server). Any number may run at once, on any host
// that reaches the database; SIGTERM lets in-flight jobs finish for WORKER_DRAIN_SECONDS.
// Usage: tsx scripts/worker.ts [--queues mail.send,realtime.sweep]
import { env } from '../server/env';
import { JOB_NAMES, type JobName } from '../server/jobs/queues';
import { runShutdownHooks } from '../server/jobs/shutdown';
import { startWorker } from '../server/jobs/worker';

const i = process.argv.indexOf('--queues');
const queues = i >= 0 ? (process.argv[i + 1] ?? '').split(',').filter(Boolean) : undefined;
const unknown = queues?.filter((q) => !(JOB_NAMES as string[]).includes(q)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown queue(s): ${unknown.join(', ')}. Known: ${JOB_NAMES.join(', ')}`);
  process.exit(2);
}

await startWorker({ queues: queues as JobName[] | undefined });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[worker] ${signal}: letting in-flight jobs finish (up to ${env().WORKER_DRAIN_SECONDS} s)...`);
    void runShutdownHooks(env().WORKER_DRAIN_SECONDS * 1000 + 2000).then(() => process.exit(0));
  });
}
