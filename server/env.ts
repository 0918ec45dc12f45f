// Reads and validates the process environment once, so a misconfiguration fails at start with a clear message.
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL)'),
  // Signs access tokens and sessions, and keys the encryption of provider secrets.
  APP_SECRET: z.string().min(16).optional(),
  REGISTRATION_ENABLED: z.enum(['true', 'false']).default('true'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().positive().default(120),
  // Sign-up, token and password operations, per address or user: the ones worth guessing at.
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(20),
  // Gateways' webhooks (delivery receipts, inbound messages), per address: a provider posts a whole campaign's
  // receipts from a few addresses, two or three per message.
  RATE_LIMIT_GATEWAY_PER_MINUTE: z.coerce.number().int().positive().default(12_000),
  // The address users reach the app at: absolute links in emails are built from it (default NEXTAUTH_URL, then
  // http://localhost:$PORT).
  PUBLIC_URL: z.string().url().optional(),
  // How long an emailed team invite works.
  INVITE_EXPIRY_DAYS: z.coerce.number().positive().max(365).default(7),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  // smtp://user:pass@host:587 or smtps://user:pass@host:465; unset keeps mail in PostgreSQL, readable at /dev/mail.
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Pitchcraft <no-reply@pitchcraft.local>'),
  // on (default): every app process also runs the background job workers; off: only `npm run worker` does.
  WORKER: z.enum(['on', 'off']).default('on'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // On SIGTERM, how long in-flight jobs may run to completion before they are handed back to the queue.
  WORKER_DRAIN_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  // How often the job supervisor fails jobs whose worker died (missed heartbeats) so they are retried.
  JOB_MONITOR_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  // A running job whose worker sends no heartbeat for this long (killed, frozen) is failed and retried (pg-boss: >= 10).
  JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(3600).default(30),
  // s3://ACCESS_KEY:SECRET@host:port/bucket?region=us-east-1 (https) or s3+http://… for a plain-HTTP endpoint;
  // unset stores media in PostgreSQL.
  MEDIA_S3_URL: z.string().regex(/^s3(\+https?)?:\/\//, 'must start with s3://, s3+http:// or s3+https://').optional(),
});

type Env = z.infer<typeof schema> & { APP_SECRET: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const secret = parsed.data.APP_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret && parsed.data.NODE_ENV === 'production') {
    throw new Error('APP_SECRET must be set in production (npm start generates one into .data/app-secret).');
  }
  cached = { ...parsed.data, APP_SECRET: secret ?? 'pitchcraft-development-secret-not-for-production' };
  return cached;
}

const callTimingSchema = z.object({
  // A requested call nobody accepts within this many seconds is missed.
  CALL_MISSED_AFTER_SECONDS: z.coerce.number().positive().max(86_400).default(60),
  // A dealer whose pings stop for this long goes offline, and their active call expires.
  CALL_PING_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(30),
});

const iceServer = z.object({ urls: z.union([z.string(), z.array(z.string()).min(1)]), username: z.string().optional(), credential: z.string().optional() }).strict();

/**
 * STUN/TURN servers for live video (ICE_SERVERS, a JSON array of RTCIceServer); none by default, which is all two
 * browsers on one network need. A malformed value is refused loudly rather than silently ignored.
 */
export function iceServers(): Array<z.infer<typeof iceServer>> {
  const raw = process.env.ICE_SERVERS?.trim();
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('ICE_SERVERS must be a JSON array such as [{"urls":"stun:stun.example.com:3478"}]');
  }
  const result = z.array(iceServer).max(10).safeParse(parsed);
  if (!result.success) throw new Error(`ICE_SERVERS: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** Live-call timings, read live (not cached) so an operator, or a test, can change them without restarting this module. */
const campaignTimingSchema = z.object({
  // A campaign's failed delivery is tried again after this many seconds, doubling per try (at most 15 minutes).
  CAMPAIGN_RETRY_DELAY_SECONDS: z.coerce.number().min(0).max(3600).default(30),
});

/** Read live (not cached), like callTimings: a test shortens the backoff without restarting the module. */
export function campaignTimings(): { retryDelaySeconds: number } {
  return { retryDelaySeconds: campaignTimingSchema.parse(process.env).CAMPAIGN_RETRY_DELAY_SECONDS };
}

export function callTimings(): { missedAfterSeconds: number; pingTimeoutSeconds: number } {
  const t = callTimingSchema.parse(process.env);
  return { missedAfterSeconds: t.CALL_MISSED_AFTER_SECONDS, pingTimeoutSeconds: t.CALL_PING_TIMEOUT_SECONDS };
}

/**
 * The job queue's timings, read on their own (not through env()) so a script that opens a job queue on a database it
 * was handed (the demo seed) needs no DATABASE_URL in its environment.
 */
export function jobTimings(): { monitorSeconds: number; heartbeatSeconds: number } {
  return {
    monitorSeconds: schema.shape.JOB_MONITOR_SECONDS.parse(process.env.JOB_MONITOR_SECONDS),
    heartbeatSeconds: schema.shape.JOB_HEARTBEAT_SECONDS.parse(process.env.JOB_HEARTBEAT_SECONDS),
  };
}

// Read live rather than from the cached env, so an operator (or a test) can close sign-up without a restart of this module.
/** The app's public base URL, without a trailing slash. */
export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
}

export const registrationEnabled = () => schema.shape.REGISTRATION_ENABLED.parse(process.env.REGISTRATION_ENABLED) === 'true';
