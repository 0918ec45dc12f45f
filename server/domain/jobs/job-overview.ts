// The Background jobs panel: per queue, how many of this organization's jobs wait, run, completed or failed, the
// latest failures with their reason, and retrying a failed one. Only queues that carry an organization are shown.
import { z } from 'zod';
import { db } from '../../db';
import { requirePermission, type Ctx } from '../../context';
import { AppError } from '../../errors';
import { jobBoss } from '../../jobs/boss';
import { QUEUES, type JobName } from '../../jobs/queues';

const ORG_QUEUES = (Object.keys(QUEUES) as JobName[]).filter((n) => QUEUES[n].organizationScoped);

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
type JobState = (typeof JOB_STATES)[number];

export type QueueCounts = { name: string; label: string } & Record<JobState, number>;
export type JobFailure = { id: string; queue: string; label: string; failedAt: string | null; createdAt: string; attempts: number; reason: string };

export async function getJobOverview(opts: { ctx: Ctx }): Promise<{ queues: QueueCounts[]; failures: JobFailure[] }> {
  const ctx = requirePermission(opts.ctx, 'jobs:read');
  await jobBoss();
  const counts = await db.$queryRaw<{ name: string; state: JobState; n: bigint }[]>`
    SELECT name, state::text AS state, count(*) AS n FROM pgboss.job
    WHERE name = ANY(${ORG_QUEUES}) AND data->>'organizationId' = ${ctx.organizationId}
    GROUP BY name, state`;
  const failures = await db.$queryRaw<{ id: string; name: string; completed_on: Date | null; created_on: Date; retry_count: number; output: unknown }[]>`
    SELECT id::text, name, completed_on, created_on, retry_count, output FROM pgboss.job
    WHERE name = ANY(${ORG_QUEUES}) AND data->>'organizationId' = ${ctx.organizationId} AND state = 'failed'
    ORDER BY completed_on DESC NULLS LAST LIMIT 10`;
  const queues = ORG_QUEUES.map((name) => {
    const row = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    for (const c of counts) if (c.name === name) row[c.state] = Number(c.n);
    return { name, label: QUEUES[name].label, ...row };
  });
  return {
    queues,
    failures: failures.map((f) => ({
      id: f.id,
      queue: f.name,
      label: QUEUES[f.name as JobName]?.label ?? f.name,
      failedAt: f.completed_on?.toISOString() ?? null,
      createdAt: f.created_on.toISOString(),
      attempts: f.retry_count + 1,
      reason: failureReason(f.output),
    })),
  };
}

function failureReason(output: unknown): string {
  const message = typeof output === 'object' && output !== null ? (output as { message?: unknown }).message : output;
  return typeof message === 'string' && message ? message.slice(0, 300) : 'No reason was recorded';
}

export const retryJobInput = z.object({ queue: z.string().max(100), id: z.uuid() }).strict();

/** Sends a failed job of this organization back to the queue. Another organization's job is not found. */
export async function retryFailedJob(opts: { ctx: Ctx; input: z.input<typeof retryJobInput> }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'jobs:read');
  const input = retryJobInput.parse(opts.input);
  if (!(ORG_QUEUES as string[]).includes(input.queue)) throw new AppError('not_found', { message: 'Job not found' });
  const boss = await jobBoss();
  const found = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pgboss.job WHERE id = ${input.id}::uuid AND name = ${input.queue} AND state = 'failed' AND data->>'organizationId' = ${ctx.organizationId}`;
  if (Number(found[0]?.n ?? 0) === 0) throw new AppError('not_found', { message: 'Job not found' });
  // A failed email is queued again too, so the retried job has something to deliver.
  if (input.queue === 'mail.send') {
    const job = await db.$queryRaw<{ email_id: string }[]>`SELECT data->>'emailId' AS email_id FROM pgboss.job WHERE id = ${input.id}::uuid AND name = ${input.queue}`;
    if (job[0]) await db.emailMessage.updateMany({ where: { id: job[0].email_id, organizationId: ctx.organizationId, status: 'failed' }, data: { status: 'queued' } });
  }
  await boss.retry(input.queue, input.id);
}
