// What an app process runs beside serving requests: the job workers (unless WORKER=off, when it only enqueues).
import { env } from './env';
import { jobBoss } from './jobs/boss';
import { startWorker } from './jobs/worker';

export async function startBackgroundServices(): Promise<void> {
  try {
    if (env().WORKER === 'on') await startWorker();
    else {
      await jobBoss('client');
      console.log('[jobs] WORKER=off: this process enqueues jobs; `npm run worker` runs them.');
    }
  } catch (error) {
    // The web side keeps serving; enqueueing retries the connection on its next use.
    console.error('[jobs] Could not start background jobs:', error instanceof Error ? error.message : error);
  }
}
