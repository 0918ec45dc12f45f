// A signed-in user's access kept in-process (server/auth/user-access.ts): repeated requests are answered without the
// database, and whatever changes what the person may do reaches every instance within one second — here the app's
// own cache (this process is an instance) and a second cache hearing access changes on a LISTEN connection of its own,
// as another instance would, over one database. A membership made since the row was cached is found at once.
import { afterAll, describe, expect, it } from 'vitest';
import { closeAccessListeners, ownAccessListener } from '../test/access-listener';
import { api } from '../test/api-client';
import { addPerson } from '../test/coaching';
import { newTenant } from '../test/factories';
import { AccessCache } from './access-cache';
import { resolveUserContext } from './resolve-context';
import { loadUserAccess, userAccessAffectedBy, userAccessCache, type UserAccessRow } from './user-access';

afterAll(closeAccessListeners);

/** A second instance's cache of users' access, counting its database reads. */
function otherInstance() {
  const loads = { n: 0 };
  const cache = new AccessCache<UserAccessRow>({ load: async (id) => (loads.n++, loadUserAccess(id)), affectedBy: userAccessAffectedBy, subscribe: ownAccessListener, listening: () => true });
  return { cache, loads };
}

/** Polls until `seen` holds on the given cache's answer, or 2 s pass; returns how long it took. */
async function within(cache: AccessCache<UserAccessRow>, userId: string, seen: (row: UserAccessRow | null) => boolean): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 2_000) {
    if (seen(await cache.get(userId))) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 10));
  }
  return Infinity;
}

const roleIn = (row: UserAccessRow | null, organizationId: string) => row?.memberships.find((m) => m.organizationId === organizationId)?.role;

describe('user access cache', () => {
  it('serves repeated reads from memory; a role change and a removal reach the other instance within one second and this one at once', async () => {
    const t = await newTenant('user-cache');
    const rep = await addPerson(t, 'user-cache-rep', { role: 'member' });
    const b = otherInstance();
    try {
      await b.cache.ready();
      for (let i = 0; i < 10; i++) expect(roleIn(await b.cache.get(rep.userId), t.organizationId)).toBe('member');
      expect(b.loads.n).toBe(1);
      // This process's own cache serves the person's requests: a member may list people but not make teams.
      expect((await api('GET', '/users', { headers: rep.headers })).status).toBe(200);
      expect((await api('POST', '/teams', { headers: rep.headers, json: { name: 'Not mine to make' } })).status).toBe(403);
      expect(userAccessCache().size).toBeGreaterThan(0);

      expect((await api('PUT', `/users/${rep.userId}/roles/admin`, { headers: t.orgHeaders })).status).toBe(200);
      expect((await api('POST', '/teams', { headers: rep.headers, json: { name: 'Mine to make now' } })).status).toBe(201);
      expect(await within(b.cache, rep.userId, (row) => roleIn(row, t.organizationId) === 'admin')).toBeLessThan(1_000);

      expect((await api('DELETE', `/users/${rep.userId}`, { headers: t.orgHeaders })).status).toBe(204);
      expect((await api('GET', '/users', { headers: rep.headers })).status).toBe(404);
      expect(await within(b.cache, rep.userId, (row) => roleIn(row, t.organizationId) === undefined)).toBeLessThan(1_000);
    } finally {
      await b.cache.close();
    }
  });

  it('a password set by an admin ends the sessions before it on the other instance within one second, and here at once', async () => {
    const t = await newTenant('user-cache-pw');
    const rep = await addPerson(t, 'user-cache-pw-rep', { role: 'member' });
    const b = otherInstance();
    try {
      await b.cache.ready();
      const signedInAt = Date.now();
      expect((await b.cache.get(rep.userId))?.credentialsChangedAt).toBeNull();
      expect((await api('GET', '/statistics', { headers: rep.headers })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 5));
      expect((await api('PUT', `/users/${rep.userId}/password`, { headers: t.orgHeaders, json: { password: 'a brand new secret' } })).status).toBe(204);
      expect((await api('GET', '/statistics', { headers: rep.headers })).status).toBe(401);
      await expect(resolveUserContext({ userId: rep.userId, issuedAt: signedInAt, requestedOrganizationId: t.organizationId, requestId: 'browser' })).rejects.toMatchObject({ code: 'unauthenticated' });
      expect(await within(b.cache, rep.userId, (row) => row?.credentialsChangedAt != null)).toBeLessThan(1_000);
    } finally {
      await b.cache.close();
    }
  });

  it('a membership made after the row was cached is found at once (no notice announces a new one)', async () => {
    const t = await newTenant('user-cache-join');
    const other = await newTenant('user-cache-join-other');
    const rep = await addPerson(t, 'user-cache-joiner', { role: 'member' });
    expect((await api('GET', '/statistics', { headers: rep.headers })).status).toBe(200);
    expect((await userAccessCache().get(rep.userId))?.memberships).toHaveLength(1);
    // Joined elsewhere (as an accepted invite writes it), then asked for at once.
    const { db } = await import('../db');
    await db.membership.create({ data: { userId: rep.userId, organizationId: other.organizationId, role: 'manager' } });
    const there = await resolveUserContext({ userId: rep.userId, requestedOrganizationId: other.organizationId, requestId: 'r' });
    expect(there).toMatchObject({ organizationId: other.organizationId });
    expect((await api('GET', '/statistics', { headers: { ...rep.bearer, 'x-organization-id': other.organizationId } })).status).toBe(200);
    // Another organization's id that is not theirs stays 404.
    const stranger = await newTenant('user-cache-stranger');
    expect((await api('GET', '/statistics', { headers: { ...rep.bearer, 'x-organization-id': stranger.organizationId } })).status).toBe(404);
  });

  it('an organization deleted takes its members\u2019 cached access with it', async () => {
    const t = await newTenant('user-cache-org');
    const rep = await addPerson(t, 'user-cache-org-rep', { role: 'member' });
    expect((await api('GET', '/statistics', { headers: rep.headers })).status).toBe(200);
    expect((await api('DELETE', `/organizations/${t.organizationId}`, { headers: t.owner.bearer })).status).toBe(204);
    expect((await api('GET', '/statistics', { headers: rep.headers })).status).toBe(404);
  });
});
