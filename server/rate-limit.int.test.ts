// The limiter's in-process counting (SharedBudgets in server/rate-limit.ts): two instances — each with counts of its
// own — over one PostgreSQL counter keep one budget per caller within the stated tolerance, small budgets exactly,
// and most requests of a busy caller cost no round trip. e2e/api/two-instances.spec.ts does the same over HTTP.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leashFor, postgresBudgets, SharedBudgets, type BudgetStore, type RateLimitPolicy } from './rate-limit';

/** The store, counting its statements. */
function countingStore() {
  const calls = { n: 0 };
  const store: BudgetStore = {
    consume: (key, policy, points) => (calls.n++, postgresBudgets.consume(key, policy, points)),
    add: (key, policy, points) => (calls.n++, postgresBudgets.add(key, policy, points)),
  };
  return { calls, store };
}
/** The shared count in PostgreSQL (adding nothing). */
const sharedCount = async (key: string, policy: RateLimitPolicy) => (await postgresBudgets.add(key, policy, 0)).consumedPoints;

describe('shared budgets across instances', () => {
  it('a small budget is counted in PostgreSQL, exactly, whichever instance is called', async () => {
    const policy = { points: 6, durationSeconds: 60 };
    expect(leashFor(policy)).toBe(0);
    const [a, b] = [new SharedBudgets(), new SharedBudgets()];
    const key = `test:${randomUUID()}`;
    const verdicts = [];
    for (let i = 0; i < 8; i++) verdicts.push(await (i % 2 ? b : a).consume(key, policy));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, true, true, false, false]);
    expect(verdicts.map((v) => v.remaining)).toEqual([5, 4, 3, 2, 1, 0, 0, 0]);
    expect(verdicts.map((v) => v.firstRefusal)).toEqual([false, false, false, false, false, false, true, false]);
  });

  it('two instances share one budget within one leash each, and every request is counted once written', async () => {
    const policy = { points: 500, durationSeconds: 60 };
    const leash = leashFor(policy);
    expect(leash).toBe(10);
    const [a, b] = [new SharedBudgets(), new SharedBudgets()];
    const key = `test:${randomUUID()}`;
    let allowed = 0;
    // Both instances at once, as a caller spreading its load over them would.
    await Promise.all(
      [a, b].map(async (instance) => {
        for (let i = 0; i < 400; i++) if ((await instance.consume(key, policy)).allowed) allowed++;
      }),
    );
    await Promise.all([a.flush(), b.flush()]);
    expect(allowed).toBeGreaterThanOrEqual(policy.points);
    expect(allowed).toBeLessThanOrEqual(policy.points + 2 * leash);
    // Every request, allowed or refused, is in the shared count.
    expect(await sharedCount(key, policy)).toBe(800);
    // And a third instance arriving late sees the budget spent.
    expect((await new SharedBudgets().consume(key, policy)).allowed).toBe(false);
  });

  it('a busy caller far from its budget costs a statement per leash (or per flush), not per request', async () => {
    const policy = { points: 100_000, durationSeconds: 60 };
    const { calls, store } = countingStore();
    const instance = new SharedBudgets(store);
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 1_000; i++) expect((await instance.consume(key, policy)).allowed).toBe(true);
    await instance.flush();
    expect(calls.n).toBeLessThanOrEqual(1_000 / leashFor(policy) + 10);
    expect(await sharedCount(key, policy)).toBe(1_000);
  });

  it('writes what it counted within moments, so other instances see it', async () => {
    const policy = { points: 100_000, durationSeconds: 60 };
    const instance = new SharedBudgets();
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 30; i++) await instance.consume(key, policy);
    await new Promise((r) => setTimeout(r, 400));
    expect(await sharedCount(key, policy)).toBe(30);
  });
});
