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
  PUBLIC_URL: z.string().url().optional(),
  // How long an emailed team invite works.
  INVITE_EXPIRY_DAYS: z.coerce.number().positive().max(365).default(7),
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

// Read live rather than from the cached env, so an operator (or a test) can close sign-up without a restart of this module.
export const registrationEnabled = () => schema.shape.REGISTRATION_ENABLED.parse(process.env.REGISTRATION_ENABLED) === 'true';
