// Tenancy: another organization's user and API key get 404 on this organization's ids, for every verb of every route.
import { describe, expect, it } from 'vitest';
import { api } from '../test/api-client';
import { requestCall, VINS } from '../test/call-factories';
import { newTenant } from '../test/factories';
import { routeTable } from '../test/route-table';
import { createProductWithModule, createTeam, recordSession, wordsOf } from '../test/coaching';

type Tenant = Awaited<ReturnType<typeof newTenant>>;
type Victim = Tenant & { callId: string; teamId: string; productId: string; moduleId: string; sessionId: string; inviteId: string; roleId: string; userId: string };

/** Tenant A with one of everything that has a path id. */
async function victim(): Promise<Victim> {
  const a = await newTenant('victim');
  const { id: teamId } = await createTeam(a.orgHeaders, 'Victims');
  const { productId, moduleId } = await createProductWithModule(a.orgHeaders);
  const { id: sessionId } = await recordSession(a.orgHeaders, moduleId);
  const invites = await api('POST', '/invites', { headers: a.orgHeaders, json: [{ email: 'victim-invitee@example.test', teamId }] });
  const { id: callId } = await requestCall(a);
  const role = await api('POST', '/roles', { headers: a.orgHeaders, json: { name: 'Victim role', permissions: ['members:read'] } });
  const user = await api('POST', '/users', { headers: a.orgHeaders, json: { email: 'victim-user@example.test'.replace('@', `-${Date.now()}@`), firstName: 'Vic', lastName: 'Tim', password: 'victim password 1', role: role.body.id, permissions: ['statistics:read'] } });
  return { ...a, callId, teamId, productId, moduleId, sessionId, inviteId: invites.body[0].id, roleId: role.body.id, userId: user.body.id };
}

// How to find tenant A's id for each parameterised route. A new route with a path id must be added here.
const ID_OF: Record<string, (a: Victim) => Record<string, string>> = {
  '/organizations/{id}': (a) => ({ id: a.organizationId }),
  '/organizations/{id}/make-active': (a) => ({ id: a.organizationId }),
  '/api-keys/{id}': (a) => ({ id: a.apiKeyId }),
  '/calls/{id}': (a) => ({ id: a.callId }),
  '/calls/{id}/accept': (a) => ({ id: a.callId }),
  '/calls/{id}/stop': (a) => ({ id: a.callId }),
  '/calls/{id}/events': (a) => ({ id: a.callId }),
  '/calls/{id}/note': (a) => ({ id: a.callId }),
  '/calls/{id}/messages': (a) => ({ id: a.callId }),
  '/calls/{id}/loan-link': (a) => ({ id: a.callId }),
  '/calls/{id}/recording': (a) => ({ id: a.callId }),
  '/calls/{id}/recording-state': (a) => ({ id: a.callId }),
  '/dealers/{id}': (a) => ({ id: a.owner.userId }),
  '/teams/{id}': (a) => ({ id: a.teamId }),
  '/teams/{id}/settings': (a) => ({ id: a.teamId }),
  '/teams/{id}/dashboard': (a) => ({ id: a.teamId }),
  '/teams/{id}/members/{userId}': (a) => ({ id: a.teamId, userId: a.owner.userId }),
  // GET and accept take the token, never the id: A's id is as unknown to B as to anyone.
  '/invites/{token}': (a) => ({ token: a.inviteId }),
  '/invites/{token}/accept': (a) => ({ token: a.inviteId }),
  '/products/{id}': (a) => ({ id: a.productId }),
  '/products/{id}/modules': (a) => ({ id: a.productId }),
  '/modules/{id}': (a) => ({ id: a.moduleId }),
  '/sessions/{id}': (a) => ({ id: a.sessionId }),
  '/sessions/{id}/transcript': (a) => ({ id: a.sessionId }),
  '/sessions/{id}/audio': (a) => ({ id: a.sessionId }),
  '/sessions/{id}/transcription': (a) => ({ id: a.sessionId }),
  '/users/{id}/sessions': (a) => ({ id: a.owner.userId }),
  '/users/{id}': (a) => ({ id: a.userId }),
  '/users/{id}/password': (a) => ({ id: a.userId }),
  '/users/{id}/roles/{role}': (a) => ({ id: a.userId, role: a.roleId }),
  '/users/{id}/permissions/{permission}': (a) => ({ id: a.userId, permission: 'statistics:read' }),
  '/roles/{role}': (a) => ({ role: a.roleId }),
  // Not a tenant's resource: a VIN decodes the same for everyone.
  '/vin/{vin}': () => ({ vin: VINS.accord }),
};

// Operations an API key is refused before any lookup (they need a user), and public ones that belong to no tenant.
const USER_ONLY = ['/organizations/{id}/make-active', '/calls/{id}/accept'];
const NOT_TENANT_OWNED = ['/vin/{vin}'];

// Valid bodies, so a refusal can only come from the lookup and never from validation.
const BODIES: Record<string, unknown> = {
  PATCH: { name: 'Hijacked' },
  PUT: { name: 'Hijacked', baseCurrency: 'USD' },
  POST: {},
};
const BODY_OF: Record<string, unknown> = {
  'PUT /teams/{id}': { name: 'Hijacked', managerIds: [] },
  'PUT /products/{id}': { name: 'Hijacked' },
  'POST /products/{id}/modules': { name: 'Hijacked', targetTime: 60 },
  'PUT /modules/{id}': { name: 'Hijacked', instructions: [], keywords: [], targetTime: 60 },
  'PUT /sessions/{id}/transcript': { words: wordsOf('hijacked words') },
  'POST /invites/{token}/accept': { firstName: 'Mallory', lastName: 'Intruder', password: 'long enough password' },
  'PUT /users/{id}': { email: 'mallory@example.test', firstName: 'Mallory', lastName: 'Intruder' },
  'PUT /users/{id}/password': { password: 'mallory owns this now' },
  'PUT /roles/{role}': { name: 'Hijacked', permissions: [] },
};

describe('tenant isolation', () => {
  const routes = routeTable().filter((r) => r.params.length > 0);

  it('covers every route with an id', () => {
    expect(routes.map((r) => r.template).sort()).toEqual(Object.keys(ID_OF).sort());
  });

  it('answers 404, never 403, and changes nothing', async () => {
    const a = await victim();
    const b = await newTenant('intruder');
    for (const route of routes) {
      const ids = ID_OF[route.template]!(a);
      const path = route.template.replace(/\{(\w+)\}/g, (_, p: string) => ids[p]!);
      for (const method of route.methods) {
        for (const [who, headers] of [['user', b.owner.bearer], ['apiKey', b.keyHeaders]] as const) {
          const body = BODY_OF[`${method} ${route.template}`] ?? BODIES[method];
          const res = await api(method, path, { headers, ...(body ? { json: body } : {}) });
          const expected = NOT_TENANT_OWNED.includes(route.template) ? 200 : who === 'apiKey' && USER_ONLY.includes(route.template) ? 403 : 404;
          expect(res.status, `${who} ${method} ${path}`).toBe(expected);
        }
      }
    }
    // Selecting A's organization by header is just as unknown to B.
    expect((await api('GET', '/statistics', { headers: { ...b.owner.bearer, 'x-organization-id': a.organizationId } })).status).toBe(404);
    const org = await api('GET', `/organizations/${a.organizationId}`, { headers: a.owner.bearer });
    expect(org.body.name).toBe('Org victim');
    expect((await api('GET', `/sessions/${a.sessionId}`, { headers: a.orgHeaders })).status).toBe(200);
    expect((await api('GET', `/teams/${a.teamId}/settings`, { headers: a.orgHeaders })).body.invited).toHaveLength(1);
    expect((await api('GET', `/modules/${a.moduleId}`, { headers: a.orgHeaders })).body.name).toBe('Discovery call');
    expect((await api('GET', '/me', { headers: a.keyHeaders })).status).toBe(200);
    expect((await api('GET', `/users/${a.userId}`, { headers: a.orgHeaders })).body).toMatchObject({ firstName: 'Vic', role: { id: a.roleId }, permissions: ['statistics:read'] });
    expect((await api('GET', `/roles/${a.roleId}`, { headers: a.orgHeaders })).body).toMatchObject({ name: 'Victim role', members: 1 });
    expect((await api('GET', `/calls/${a.callId}`, { headers: a.keyHeaders })).body).toMatchObject({ status: 'requested', note: null, events: [expect.objectContaining({ type: 'requested' })] });
  });

  it('a malformed id is a 404 too, not a 500', async () => {
    const a = await newTenant('malformed');
    for (const path of ['/organizations/not-a-uuid', '/api-keys/123']) {
      const method = path.startsWith('/api-keys') ? 'DELETE' : 'GET';
      expect((await api(method, path, { headers: a.orgHeaders })).status).toBe(404);
    }
  });
});
