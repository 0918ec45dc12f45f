// The one pg-boss instance of the process (on globalThis, so every bundle of the app shares it), in the app's own
// PostgreSQL. Started lazily; installs or upgrades pg-boss's schema and creates our queues on the way.
import { PgBoss } from 'pg-boss';
import { env, jobTimings } from '../env';
import { QUEUES, type QueueDefinition } from './queues';

type Holder = { boss?: Promise<PgBoss>; mode?: BossMode };
const holder = ((globalThis as Record<symbol, Holder>)[Symbol.for('pitchcraft.jobs')] ??= {});

/** client: only enqueues (web processes with WORKER=off); worker: also runs maintenance and schedules. */
export type BossMode = 'client' | 'worker';

export function jobBoss(mode: BossMode = 'client'): Promise<PgBoss> {
  if (holder.boss && (holder.mode === 'worker' || mode === 'client')) return holder.boss;
  // A client started first (something enqueued before the worker started): replace it with a worker instance.
  const previous = holder.boss;
  holder.mode = mode;
  holder.boss = (async () => {
    await (await previous?.catch(() => null))?.stop({ graceful: false, close: true });
    return start(mode, env().DATABASE_URL);
  })().catch((error: unknown) => {
    holder.boss = undefined;
    throw error;
  });
  return holder.boss;
}

/**
 * A job client of its own on the given database, for a script that enqueues outside the app (the demo seed): it
 * installs pg-boss's schema and our queues if the app never started there. The caller stops it when done.
 */
export function openJobClient(connectionString: string): Promise<PgBoss> {
  return start('client', connectionString);
}

async function start(mode: BossMode, connectionString: string): Promise<PgBoss> {
  const worker = mode === 'worker';
  const { monitorSeconds } = jobTimings();
  const boss = new PgBoss({
    connectionString,
    max: worker ? 6 : 3,
    application_name: `pitchcraft-jobs-${mode}`,
    instanceName: `pitchcraft-${mode}-${process.pid}`,
    // Workers wake the moment a job is committed instead of waiting for their next poll.
    useListenNotify: worker,
    supervise: worker,
    schedule: worker,
    superviseIntervalSeconds: monitorSeconds,
    monitorIntervalSeconds: monitorSeconds,
    openTelemetry: { enabled: false },
  });
  boss.on('error', (error: unknown) => console.error('[jobs] pg-boss error:', error instanceof Error ? error.message : error));
  await boss.start({ attempts: 5 });
  await ensureQueues(boss, Object.values(QUEUES));
  return boss;
}

/** Creates missing queues and brings existing ones to the policy in the code (idempotent, safe to race). */
export async function ensureQueues(boss: PgBoss, queues: readonly QueueDefinition[]): Promise<void> {
  for (const q of queues) {
    const options = { ...q.policy, heartbeatSeconds: jobTimings().heartbeatSeconds, retryBackoff: true, notify: true };
    const existing = await boss.getQueue(q.name);
    if (!existing) await boss.createQueue(q.name, { ...options, ...(q.queuePolicy && { policy: q.queuePolicy }) });
    else await boss.updateQueue(q.name, options);
  }
}

/** Stops pg-boss, letting in-flight jobs finish for up to `timeoutMs` (then they are failed and retried later). */
export async function stopJobBoss(timeoutMs: number): Promise<void> {
  const pending = holder.boss;
  holder.boss = undefined;
  holder.mode = undefined;
  if (!pending) return;
  const boss = await pending.catch(() => null);
  await boss?.stop({ graceful: true, timeout: timeoutMs, close: true });
}
