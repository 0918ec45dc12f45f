// What an app process runs beside serving requests: the job workers (unless WORKER=off, when it only enqueues).
import { env } from './env';
import { jobBoss } from './jobs/boss';
import { startWorker } from './jobs/worker';
import { decodeVin } from './domain/vehicles/decode-vin';

export async function startBackgroundServices(): Promise<void> {
  // The VIN decoder's database takes a few seconds to load in its worker thread: start now, so the first customer
  // typing a VIN does not wait for it.
  void decodeVin('1HGCM82633A004352').catch((e: unknown) => console.error('[vin] The decoder could not start:', e instanceof Error ? e.message : e));
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
