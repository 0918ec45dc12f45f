// Per-caller request budgets kept in PostgreSQL, so every app instance draws from the same counter. The one limiter of
// both doors: withApi (REST), the tRPC middleware and next-auth's sign-in route all go through enforceRateLimit with
// the same caller keys and policies, so a budget spent at one door is spent at the other.
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { env } from './env';
import { AppError } from './errors';
import { pgPool } from './pg-pool';

/** `firstRefusal`: this is the first attempt refused in the window (the moment a lockout starts, e.g. to log it once). */
export type RateLimitVerdict = { allowed: boolean; firstRefusal: boolean; limit: number; remaining: number; resetSeconds: number };

const limiters = new Map<string, RateLimiterPostgres>();

function limiter(points: number, durationSeconds: number) {
  const id = `${points}/${durationSeconds}`;
  let l = limiters.get(id);
  if (!l) {
    // The table is created by our migrations (model RateLimit), so the library must not try DDL at run time.
    l = new RateLimiterPostgres({
      storeClient: pgPool(),
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      // Each instance deletes rows expired over an hour ago every 5 minutes (an unref'd timer), keeping the table small.
      clearExpiredByTimeout: true,
      keyPrefix: `rl${points}_${durationSeconds}`,
      points,
      duration: durationSeconds,
    });
    limiters.set(id, l);
  }
  return l;
}

export type RateLimitPolicy = { points: number; durationSeconds: number };

export const defaultPolicy = (authenticated: boolean): RateLimitPolicy => ({
  points: authenticated ? env().RATE_LIMIT_PER_MINUTE : env().RATE_LIMIT_PUBLIC_PER_MINUTE,
  durationSeconds: 60,
});

/** Named tiers are resolved at request time, from the environment of the running server. */
export type RateLimitTier = 'auth';

export function resolvePolicy(tier: RateLimitTier | RateLimitPolicy | undefined, authenticated: boolean): RateLimitPolicy {
  if (tier === 'auth') return { points: env().RATE_LIMIT_AUTH_PER_MINUTE, durationSeconds: 60 };
  return tier ?? defaultPolicy(authenticated);
}

/** Whose budget a request draws from: the signed-in user or API key, else the address it came from. */
export function callerKey(caller: { kind: string; id: string } | null, ip: string | null | undefined): string {
  return caller ? `${caller.kind}:${caller.id}` : `ip:${ip ?? 'unknown'}`;
}

export const rateLimitHeaders = (v: RateLimitVerdict): Record<string, string> => ({
  'RateLimit-Limit': String(v.limit),
  'RateLimit-Remaining': String(v.remaining),
  'RateLimit-Reset': String(v.resetSeconds),
});

/** Draws one request from the key's budget; past it, throws `rate_limited` carrying Retry-After and RateLimit-*. */
export async function enforceRateLimit(key: string, policy: RateLimitPolicy): Promise<RateLimitVerdict> {
  const verdict = await consume(key, policy);
  if (!verdict.allowed) {
    throw new AppError('rate_limited', {
      message: `Too many requests; try again in ${verdict.resetSeconds} s`,
      headers: { 'Retry-After': String(verdict.resetSeconds), ...rateLimitHeaders(verdict) },
    });
  }
  return verdict;
}

/**
 * The key as stored (a varchar(255) column): a long one — it can hold a login or an email address of up to 254
 * characters — is kept as its SHA-256, so the longest valid address is throttled like any other instead of failing.
 */
const storedKey = (key: string) => (key.length <= 200 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`);

export async function consume(key: string, policy: RateLimitPolicy): Promise<RateLimitVerdict> {
  try {
    const res = await limiter(policy.points, policy.durationSeconds).consume(storedKey(key), 1);
    return verdict(true, policy, res);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return verdict(false, policy, rejection);
    throw rejection;
  }
}

function verdict(allowed: boolean, policy: RateLimitPolicy, res: RateLimiterRes): RateLimitVerdict {
  return {
    allowed,
    firstRefusal: !allowed && res.consumedPoints === policy.points + 1,
    limit: policy.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}
