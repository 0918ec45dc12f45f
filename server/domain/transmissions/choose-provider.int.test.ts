// Weighted provider choice, proven without chance: a sweep of evenly spaced random values across [0, 1) must land on
// each provider exactly in proportion to its weight, and inactive providers, providers without the service flag and
// another organization's providers are never chosen.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { newTenant, type Tenant } from '../../test/factories';
import { chooseProvider, pickWeighted } from './deliver-spool';

let t: Tenant;
let other: Tenant;

const base = { type: 'twilio' as const, host: 'https://gateway.example.test', username: 'AC1' };
const provider = (organizationId: string, name: string, over: Record<string, unknown>) =>
  db.provider.create({ data: { ...base, organizationId, name, serviceFlags: ['sms'], ...over } });

/** How often each provider is chosen when `random()` walks [0, 1) in `steps` evenly spaced values. */
async function sweep(organizationId: string, service: 'sms' | 'email' | 'voice' | 'fax', steps: number) {
  const counts = new Map<string, number>();
  for (let i = 0; i < steps; i++) {
    const chosen = await chooseProvider(organizationId, service, db, () => (i + 0.5) / steps);
    const key = chosen?.name ?? '(none)';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries(counts);
}

beforeAll(async () => {
  [t, other] = await Promise.all([newTenant('weights'), newTenant('weights-other')]);
});

describe('pickWeighted', () => {
  const pool = [{ name: 'a', weight: 1 }, { name: 'b', weight: 3 }, { name: 'zero', weight: 0 }];
  it('maps [0, 1) onto shares of the summed weights, boundaries included', () => {
    expect(pickWeighted(pool, 0)?.name).toBe('a');
    expect(pickWeighted(pool, 0.2499)?.name).toBe('a');
    expect(pickWeighted(pool, 0.25)?.name).toBe('b');
    expect(pickWeighted(pool, 0.9999999)?.name).toBe('b');
  });
  it('weight 0 is chosen only when no weighted provider is left, then evenly', () => {
    const zeros = [{ name: 'x', weight: 0 }, { name: 'y', weight: 0 }];
    expect(pickWeighted(zeros, 0.1)?.name).toBe('x');
    expect(pickWeighted(zeros, 0.6)?.name).toBe('y');
    expect(pickWeighted([], 0.5)).toBeNull();
  });
});

describe('chooseProvider', () => {
  it('shares traffic by weight among the active providers of the service; inactive, unflagged and foreign ones never', async () => {
    const org = t.organizationId;
    await provider(org, 'one', { weight: 1 });
    await provider(org, 'three', { weight: 3, serviceFlags: ['sms', 'voice'] });
    await provider(org, 'six', { weight: 6 });
    await provider(org, 'zero', { weight: 0 });
    await provider(org, 'inactive-heavy', { weight: 1000, active: false });
    await provider(org, 'email-only', { type: 'smtp', host: 'smtp.example.test', weight: 1000, serviceFlags: ['email'] });
    await provider(other.organizationId, 'foreign', { weight: 1000 });

    expect(await sweep(org, 'sms', 1000)).toEqual({ one: 100, three: 300, six: 600 });
    // Only `three` carries voice; email has only the smtp one; nobody carries fax.
    expect(await sweep(org, 'voice', 50)).toEqual({ three: 50 });
    expect(await sweep(org, 'email', 50)).toEqual({ 'email-only': 50 });
    expect(await sweep(org, 'fax', 10)).toEqual({ '(none)': 10 });

    // With Math.random itself (the production source) the inactive, unflagged and foreign ones still never appear.
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add((await chooseProvider(org, 'sms'))!.name);
    expect([...seen].every((n) => ['one', 'three', 'six'].includes(n))).toBe(true);

    // When every weighted one is switched off, the weight-0 provider carries the service rather than nobody.
    await db.provider.updateMany({ where: { organizationId: org, name: { in: ['one', 'three', 'six'] } }, data: { active: false } });
    expect(await sweep(org, 'sms', 20)).toEqual({ zero: 20 });
  });
});
