// Tenancy: another organization's user and API key get 404 on this organization's ids, for every verb of every route.
import { describe, expect, it } from 'vitest';
import { api } from '../test/api-client';
import { requestCall, VINS } from '../test/call-factories';
import { newTenant } from '../test/factories';
import { routeTable } from '../test/route-table';

type Tenant = Awaited<ReturnType<typeof newTenant>> & { callId: string };

// How to find tenant A's id for each parameterised route. A new route with a path id must be added here.
const ID_OF: Record<string, (a: Tenant) => Record<string, string>> = {
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
  '/dealers/{id}': (a) => ({ id: a.owner.userId }),
  // Not a tenant's resource: a VIN decodes the same for everyone.
  '/vin/{vin}': () => ({ vin: VINS.accord }),
};

// Operations an API key is refused before any lookup (they need a user), and public ones that belong to no tenant.
const USER_ONLY = ['/organizations/{id}/make-active', '/calls/{id}/accept'];
const NOT_TENANT_OWNED = ['/vin/{vin}'];

const BODIES: Record<string, unknown> = {
  PATCH: { name: 'Hijacked' },
  PUT: { name: 'Hijacked', baseCurrency: 'USD' },
  POST: {},
};

describe('tenant isolation', () => {
  const routes = routeTable().filter((r) => r.params.length > 0);

  it('covers every route with an id', () => {
    expect(routes.map((r) => r.template).sort()).toEqual(Object.keys(ID_OF).sort());
  });

  it('answers 404, never 403, and changes nothing', async () => {
    const victim = await newTenant('victim');
    const a = { ...victim, callId: (await requestCall(victim)).id };
    const b = await newTenant('intruder');
    for (const route of routes) {
      const ids = ID_OF[route.template]!(a);
      const path = route.template.replace(/\{(\w+)\}/g, (_, p: string) => ids[p]!);
      for (const method of route.methods) {
        for (const [who, headers] of [['user', b.owner.bearer], ['apiKey', b.keyHeaders]] as const) {
          const res = await api(method, path, { headers, ...(BODIES[method] ? { json: BODIES[method] } : {}) });
          const expected = NOT_TENANT_OWNED.includes(route.template) ? 200 : who === 'apiKey' && USER_ONLY.includes(route.template) ? 403 : 404;
          expect(res.status, `${who} ${method} ${path}`).toBe(expected);
        }
      }
    }
    // Selecting A's organization by header is just as unknown to B.
    expect((await api('GET', '/statistics', { headers: { ...b.owner.bearer, 'x-organization-id': a.organizationId } })).status).toBe(404);
    const org = await api('GET', `/organizations/${a.organizationId}`, { headers: a.owner.bearer });
    expect(org.body.name).toBe('Org victim');
    expect((await api('GET', '/me', { headers: a.keyHeaders })).status).toBe(200);
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
