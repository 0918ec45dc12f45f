// Per-caller request budgets kept in PostgreSQL, so every app instance draws from the same counter. The one limiter of
// both doors: withApi (REST), the tRPC middleware and next-auth's sign-in route all go through enforceRateLimit with
// the same caller keys and policies, so a budget spent at one door is spent at the other.
//
// The counter is one upsert (rate-limiter-flexible's RateLimiterPostgres). To spare most requests that round trip,
// each instance counts a busy caller's requests in-process and writes them in one statement (SharedBudgets below),
// within the tolerance stated there; small budgets (the sign-in and public tiers) are counted in PostgreSQL exactly.
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
export type RateLimitTier = 'auth' | 'gateway';

export function resolvePolicy(tier: RateLimitTier | RateLimitPolicy | undefined, authenticated: boolean): RateLimitPolicy {
  if (tier === 'auth') return { points: env().RATE_LIMIT_AUTH_PER_MINUTE, durationSeconds: 60 };
  if (tier === 'gateway') return { points: env().RATE_LIMIT_GATEWAY_PER_MINUTE, durationSeconds: 60 };
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

/** The shared counter: `consume` adds points and rejects (with the count) past the budget; `add` adds without refusing. */
export type BudgetStore = {
  consume(key: string, policy: RateLimitPolicy, points: number): Promise<RateLimiterRes>;
  add(key: string, policy: RateLimitPolicy, points: number): Promise<RateLimiterRes>;
};

export const postgresBudgets: BudgetStore = {
  consume: (key, policy, points) => limiter(policy.points, policy.durationSeconds).consume(storedKey(key), points),
  add: (key, policy, points) => limiter(policy.points, policy.durationSeconds).penalty(storedKey(key), points),
};

/**
 * How many of one caller's requests an instance may count before writing them to the shared counter: 2 % of the
 * budget, at most 100; 0 (every request counted in PostgreSQL) for budgets under 50.
 */
export const leashFor = (policy: RateLimitPolicy): number => Math.min(100, Math.floor(policy.points / 50));
/** Requests counted in-process are written within this long. */
export const FLUSH_MS = 100;
/** What this instance last learned of a counter is trusted this long; older, the next request asks PostgreSQL. */
const FRESH_MS = 1_000;

type Local = { key: string; policy: RateLimitPolicy; consumed: number; resetAt: number; syncedAt: number; pending: number };

/**
 * The budgets of one instance, reconciled with the shared counter in PostgreSQL. A request is counted in-process —
 * no round trip — only while all of these hold: this instance learned the shared count within the last second, the
 * window has not ended, fewer than `leash` of its requests wait to be written, and the count it knows plus its own
 * unwritten ones stays two leashes short of the budget. Anything else (the first request of a caller, the leash
 * full, close to the budget, a small budget) goes to PostgreSQL with the unwritten ones in one statement, so a
 * refusal is always PostgreSQL's verdict on the shared count. Unwritten requests are written within FLUSH_MS.
 *
 * Tolerance: every instance's own requests are always counted, but an instance can let through up to one leash
 * (2 % of the budget, at most 100) that the others have not seen yet; so with N instances a caller can exceed its
 * budget in one window by at most N leashes (0 when the budget is under 50), and only when it spends its budget in
 * bursts across instances faster than they write. RateLimit-Remaining is this instance's view. A process killed with
 * requests unwritten loses at most one leash per caller (counted in the caller's favour).
 */
export class SharedBudgets {
  private readonly local = new Map<string, Local>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: BudgetStore = postgresBudgets) {}

  async consume(key: string, policy: RateLimitPolicy): Promise<RateLimitVerdict> {
    const leash = leashFor(policy);
    const id = `${policy.points}/${policy.durationSeconds}|${key}`;
    const s = this.local.get(id);
    const now = Date.now();
    if (s && s.pending < leash && now < s.resetAt && now - s.syncedAt < FRESH_MS && s.consumed + s.pending + 1 <= policy.points - 2 * leash) {
      s.pending++;
      this.flushSoon();
      return { allowed: true, firstRefusal: false, limit: policy.points, remaining: policy.points - s.consumed - s.pending, resetSeconds: Math.max(1, Math.ceil((s.resetAt - now) / 1000)) };
    }
    // This request and this instance's unwritten ones, in one statement.
    const unwritten = s?.pending ?? 0;
    if (s) s.pending = 0;
    let res: RateLimiterRes;
    let allowed = true;
    try {
      res = await this.store.consume(key, policy, unwritten + 1);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        if (s) s.pending += unwritten;
        throw rejection;
      }
      res = rejection;
      allowed = false;
    }
    if (leash > 0) this.learn(id, key, policy, res);
    // The unwritten requests were let through already: the verdict is this request's alone, and it is the first
    // refusal when the count before this statement was still within the budget.
    return { ...verdict(allowed, policy, res), firstRefusal: !allowed && res.consumedPoints - unwritten - 1 <= policy.points };
  }

  /** Writes every unwritten request now (the flush timer's work; tests call it to settle). */
  async flush(): Promise<void> {
    const writes: Array<Promise<void>> = [];
    const now = Date.now();
    for (const [id, s] of this.local) {
      if (s.pending === 0) {
        if (now >= s.resetAt) this.local.delete(id);
        continue;
      }
      const n = s.pending;
      s.pending = 0;
      writes.push(
        this.store.add(s.key, s.policy, n).then(
          (res) => this.learn(id, s.key, s.policy, res),
          (error: unknown) => {
            // Kept to be written with the next statement for this caller.
            s.pending += n;
            console.error('[rate-limit] writing counted requests failed:', error instanceof Error ? error.message : error);
          },
        ),
      );
    }
    await Promise.all(writes);
  }

  private learn(id: string, key: string, policy: RateLimitPolicy, res: RateLimiterRes) {
    const now = Date.now();
    const resetAt = now + res.msBeforeNext;
    const s = this.local.get(id);
    // Answers can arrive out of order: within one window the count only grows.
    const sameWindow = s !== undefined && Math.abs(resetAt - s.resetAt) < 1_000;
    this.local.set(id, { key, policy, consumed: sameWindow ? Math.max(s.consumed, res.consumedPoints) : res.consumedPoints, resetAt, syncedAt: now, pending: s?.pending ?? 0 });
  }

  private flushSoon() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      void this.flush().finally(() => {
        this.timer = null;
        for (const s of this.local.values()) if (s.pending > 0) return this.flushSoon();
      });
    }, FLUSH_MS);
    this.timer.unref();
  }
}

const budgets = new SharedBudgets();

export const consume = (key: string, policy: RateLimitPolicy): Promise<RateLimitVerdict> => budgets.consume(key, policy);

/**
 * Forgets a caller's count under this policy (e.g. a correct password clears the failed attempts before it), so a
 * budget meant for guesses is spent only by guesses. Only for small budgets (leash 0), which have no in-process count.
 */
export async function forgive(key: string, policy: RateLimitPolicy): Promise<void> {
  await limiter(policy.points, policy.durationSeconds).delete(storedKey(key));
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
