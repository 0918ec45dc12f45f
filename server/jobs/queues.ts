// Every background job of the product: its queue name, payload schema and retry policy (no handlers here, so the
// domain can enqueue without importing the code that runs the job).
import { z } from 'zod';

export type QueuePolicy = {
  /** Attempts after the first; each waits retryDelay·2^n seconds (with jitter), at most retryDelayMax. */
  retryLimit: number;
  retryDelay: number;
  retryDelayMax: number;
  /** Hard bound on one attempt. */
  expireInSeconds: number;
};

export type QueueDefinition<P extends z.ZodType = z.ZodType> = {
  name: string;
  payload: P;
  policy: QueuePolicy;
  /** For an organization's own jobs: the Background jobs panel and the email log show them to its owners. */
  organizationScoped: boolean;
  /** A cron expression (UTC) when the job runs on a schedule rather than on demand. */
  cron?: string;
  /** Shown in the Background jobs panel. */
  label: string;
  /** pg-boss's queue policy (fixed when the queue is created): 'short' keeps at most one waiting job per singletonKey. */
  queuePolicy?: 'standard' | 'short';
};

const define = <P extends z.ZodType>(q: QueueDefinition<P>) => q;

const STANDARD: QueuePolicy = { retryLimit: 5, retryDelay: 5, retryDelayMax: 600, expireInSeconds: 900 };

export const QUEUES = {
  'mail.send': define({
    name: 'mail.send',
    label: 'Email delivery',
    payload: z.object({ emailId: z.uuid(), organizationId: z.uuid().nullable() }),
    // SMTP may be down for a while: back off up to 10 minutes between tries, for about two hours in all.
    policy: { ...STANDARD, retryLimit: 15 },
    organizationScoped: true,
  }),
  'sessions.transcribe': define({
    name: 'sessions.transcribe',
    label: 'Speech to text',
    payload: z.object({ sessionId: z.uuid(), organizationId: z.uuid() }),
    // A busy or briefly down service gets two more tries; after that the session says it failed and can be retried.
    policy: { retryLimit: 2, retryDelay: 10, retryDelayMax: 120, expireInSeconds: 900 },
    organizationScoped: true,
  }),
  'realtime.sweep': define({
    name: 'realtime.sweep',
    label: 'Realtime event clean-up',
    payload: z.object({}).passthrough(),
    policy: STANDARD,
    organizationScoped: false,
    cron: '17 * * * *',
  }),
  'media.purge': define({
    name: 'media.purge',
    label: 'Deleted file clean-up',
    payload: z.object({ mediaId: z.uuid(), storage: z.string() }),
    policy: STANDARD,
    organizationScoped: false,
  }),
  'media.sweep': define({
    name: 'media.sweep',
    label: 'Abandoned upload clean-up',
    payload: z.object({}).passthrough(),
    policy: STANDARD,
    organizationScoped: false,
    cron: '43 * * * *',
  }),
  'call.miss': define({
    name: 'call.miss',
    label: 'Missed live calls',
    payload: z.object({ callId: z.uuid() }),
    policy: { ...STANDARD, expireInSeconds: 60 },
    organizationScoped: true,
  }),
  'dealer.check-pings': define({
    name: 'dealer.check-pings',
    label: 'Dealer heartbeats',
    payload: z.object({ organizationId: z.uuid(), userId: z.uuid() }),
    policy: { ...STANDARD, expireInSeconds: 60 },
    organizationScoped: true,
  }),
  'contacts.import': define({
    name: 'contacts.import',
    label: 'Contact imports',
    payload: z.object({ importId: z.uuid(), organizationId: z.uuid() }),
    // Each batch commits with its progress, so a retry (after a crash, say) resumes after the last one.
    policy: { retryLimit: 10, retryDelay: 2, retryDelayMax: 60, expireInSeconds: 3600 },
    organizationScoped: true,
  }),
  'transmissions.deliver': define({
    name: 'transmissions.deliver',
    label: 'Message delivery',
    payload: z.object({ spoolId: z.uuid(), organizationId: z.uuid() }),
    // A gateway's own refusals and errors are recorded on the spool (not retried here); a retry is for a worker that
    // died or a database that blinked mid-attempt, and resumes the same spool with the same idempotency key.
    policy: { retryLimit: 5, retryDelay: 2, retryDelayMax: 60, expireInSeconds: 300 },
    organizationScoped: true,
  }),
  'transmissions.fire': define({
    name: 'transmissions.fire',
    label: 'Scheduled sends',
    payload: z.object({ scheduleId: z.uuid(), organizationId: z.uuid() }),
    policy: { ...STANDARD, expireInSeconds: 60 },
    organizationScoped: true,
  }),
  'campaigns.dispatch': define({
    name: 'campaigns.dispatch',
    label: 'Campaign sending',
    payload: z.object({ campaignId: z.uuid(), organizationId: z.uuid() }),
    // Sends for a slice of time, then queues itself again; a killed worker's slice is retried (its in-flight
    // deliveries are finished by their own transmissions.deliver jobs). One waiting dispatcher per campaign.
    policy: { retryLimit: 100, retryDelay: 1, retryDelayMax: 30, expireInSeconds: 120 },
    queuePolicy: 'short',
    organizationScoped: true,
  }),
  'campaigns.fire': define({
    name: 'campaigns.fire',
    label: 'Scheduled campaign starts and stops',
    payload: z.object({ scheduleId: z.uuid(), organizationId: z.uuid() }),
    policy: { ...STANDARD, expireInSeconds: 60 },
    organizationScoped: true,
  }),
  'campaigns.sweep': define({
    name: 'campaigns.sweep',
    label: 'Running campaigns check',
    payload: z.object({}).passthrough(),
    // A safety net: every running campaign has a dispatcher queued (after a crash, a database restart, …).
    policy: { ...STANDARD, retryLimit: 1, expireInSeconds: 60 },
    organizationScoped: false,
    cron: '* * * * *',
  }),
} as const;

export type JobName = keyof typeof QUEUES;
export type JobPayload<N extends JobName> = z.input<(typeof QUEUES)[N]['payload']>;
export const JOB_NAMES = Object.keys(QUEUES) as JobName[];
