// The in-process API-key cache (server/auth/api-key-cache.ts): it serves repeated lookups without the database, and a
// revocation evicts the key from every instance within one second — here two caches, each hearing access changes on
// a connection of its own (the realtime hub's, and a second LISTEN connection, as another instance would), over one
// database. e2e/api/two-instances.spec.ts proves the same with two real server processes.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { db } from '../db';
import type { ApiKey } from '../generated/prisma/client';
import type { AccessNotice } from '../realtime/access-changes';
import { closeAccessListeners, ownAccessListener } from '../test/access-listener';
import { api } from '../test/api-client';
import { newTenant } from '../test/factories';
import { ApiKeyCache } from './api-key-cache';
import { resolveApiKeyContext } from './resolve-context';
import { sha256 } from './secrets';

afterAll(closeAccessListeners);

function counted(load = (hash: string) => db.apiKey.findUnique({ where: { hash } })) {
  const counter = { loads: 0 };
  return { counter, load: async (hash: string) => (counter.loads++, load(hash)) };
}

describe('API-key cache', () => {
  it('serves repeated lookups from memory, and a revocation evicts the key on both instances within one second', async () => {
    const t = await newTenant('key-cache');
    const hash = sha256(t.apiKey);
    const a = counted();
    const b = counted();
    const instanceA = new ApiKeyCache({ load: a.load });
    const instanceB = new ApiKeyCache({ load: b.load, subscribe: ownAccessListener, listening: () => true });
    try {
      // Once listening, one read fills the cache.
      await Promise.all([instanceA.ready(), instanceB.ready()]);
      await instanceA.get(hash);
      await instanceB.get(hash);
      const [readsA, readsB] = [a.counter.loads, b.counter.loads];
      expect([readsA, readsB]).toEqual([1, 1]);
      for (let i = 0; i < 20; i++) {
        expect((await instanceA.get(hash))?.id).toBe(t.apiKeyId);
        expect((await instanceB.get(hash))?.id).toBe(t.apiKeyId);
      }
      expect([a.counter.loads, b.counter.loads]).toEqual([readsA, readsB]);

      expect((await api('DELETE', `/api-keys/${t.apiKeyId}`, { headers: t.orgHeaders })).status).toBe(204);
      const revokedAt = Date.now();
      const seen = { a: Infinity, b: Infinity };
      while (Date.now() - revokedAt < 2_000 && (seen.a === Infinity || seen.b === Infinity)) {
        if (seen.a === Infinity && (await instanceA.get(hash))?.revokedAt) seen.a = Date.now() - revokedAt;
        if (seen.b === Infinity && (await instanceB.get(hash))?.revokedAt) seen.b = Date.now() - revokedAt;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(seen.a).toBeLessThan(1_000);
      expect(seen.b).toBeLessThan(1_000);
      // And the app's own cache (this process is an instance too): the key is refused.
      expect((await api('GET', '/me', { headers: t.keyHeaders })).status).toBe(401);
    } finally {
      await instanceA.close();
      await instanceB.close();
    }
  });

  it('an organization deleted here takes its keys with it at once, cached or not', async () => {
    const t = await newTenant('key-cache-org');
    for (let i = 0; i < 3; i++) expect((await api('GET', '/me', { headers: t.keyHeaders })).status).toBe(200);
    expect((await api('DELETE', `/organizations/${t.organizationId}`, { headers: t.owner.bearer })).status).toBe(204);
    expect((await api('GET', '/me', { headers: t.keyHeaders })).status).toBe(401);
  });

  it('a lookup in flight when an access change arrives is not kept', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const row = { id: 'k', organizationId: 'o', createdById: 'u' } as ApiKey;
    let handler!: (notice: AccessNotice) => void;
    const cache = new ApiKeyCache({
      load: async () => (await gate, row),
      subscribe: async (h) => ((handler = h), () => undefined),
      listening: () => true,
    });
    const pending = cache.get('h');
    await vi.waitFor(() => expect(handler).toBeDefined());
    handler({ kind: 'apiKey', organizationId: 'o', apiKeyId: 'k' });
    release();
    expect(await pending).toBe(row);
    expect(cache.size).toBe(0);
    // Read again after the notice: kept, and evicted by a notice that concerns it, not by one that does not.
    await cache.get('h');
    expect(cache.size).toBe(1);
    handler({ kind: 'apiKey', organizationId: 'o', apiKeyId: 'other' });
    expect(cache.size).toBe(1);
    handler({ kind: 'organization', organizationId: 'o' });
    expect(cache.size).toBe(0);
    await cache.get('h');
    handler({ kind: 'resync' });
    expect(cache.size).toBe(0);
  });

  it('keeps nothing while access changes are not heard, nor unknown keys', async () => {
    let listening = true;
    const loads = { n: 0 };
    const row = { id: 'k', organizationId: 'o', createdById: 'u' } as ApiKey;
    const cache = new ApiKeyCache({ load: async (hash) => (loads.n++, hash === 'known' ? row : null), subscribe: async () => () => undefined, listening: () => listening });
    await cache.ready();
    await cache.get('known');
    await cache.get('known');
    await cache.get('known');
    expect(loads.n).toBe(1);
    listening = false;
    await cache.get('known');
    await cache.get('known');
    expect(loads.n).toBe(3);
    expect(cache.size).toBe(0);
    listening = true;
    await cache.get('nobody');
    await cache.get('nobody');
    expect(loads.n).toBe(5);
  });
});

describe('lastUsedAt', () => {
  it('is written on first use, then at most once a minute per key, whatever the cache holds', async () => {
    const t = await newTenant('last-used');
    const read = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: t.apiKeyId } })).lastUsedAt;
    expect(await read()).toBeNull();
    await resolveApiKeyContext(t.apiKey, 'r1');
    const first = await read();
    expect(first).not.toBeNull();
    for (let i = 0; i < 5; i++) await resolveApiKeyContext(t.apiKey, `r${i + 2}`);
    expect(await read()).toEqual(first);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      await resolveApiKeyContext(t.apiKey, 'later');
      const second = await read();
      expect(second!.getTime()).toBeGreaterThan(first!.getTime() + 60_000);
      await resolveApiKeyContext(t.apiKey, 'again');
      expect(await read()).toEqual(second);
    } finally {
      vi.useRealTimers();
    }
  });
});
