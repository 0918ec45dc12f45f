// Tenancy: another organization's user and API key get 404 on this organization's ids, for every verb of every route.
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { api } from '../test/api-client';
import { requestCall, VINS } from '../test/call-factories';
import { newTenant } from '../test/factories';
import { routeTable } from '../test/route-table';
import { createProductWithModule, createTeam, recordSession, wordsOf } from '../test/coaching';
import { outboundFixtures } from '../test/outbound';

type Tenant = Awaited<ReturnType<typeof newTenant>>;
type Victim = Tenant & { callId: string; teamId: string; productId: string; moduleId: string; sessionId: string; inviteId: string; roleId: string; userId: string; conversationId: string; accessLinkId: string; outbound: Awaited<ReturnType<typeof outboundFixtures>> };

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
  const outbound = await outboundFixtures(a);
  const group = await api('POST', '/conversations', { headers: a.orgHeaders, json: { type: 'group', name: 'Victims', participants: [{ userId: user.body.id }] } });
  const external = await api('POST', '/external-users', { headers: a.keyHeaders, json: { uniqueId: 'victim-device', platform: 'ios', deviceName: 'Victim phone', hardwareId: 'hw', osVersion: '18' } });
  await api('POST', '/access-tokens', { headers: a.keyHeaders, json: { virtualUser: external.body.virtualUser, email: 'victim-customer@example.test' } });
  const link = await db.accessLink.findFirstOrThrow({ where: { organizationId: a.organizationId }, select: { id: true } });
  return { ...a, callId, teamId, productId, moduleId, sessionId, inviteId: invites.body[0].id, roleId: role.body.id, userId: user.body.id, conversationId: group.body.id, accessLinkId: link.id, outbound };
}

// How to find tenant A's id for each parameterised route. A new route with a path id must be added here.
const ID_OF: Record<string, (a: Victim) => Record<string, string>> = {
  '/organizations/{id}': (a) => ({ id: a.organizationId }),
  '/organizations/{id}/make-active': (a) => ({ id: a.organizationId }),
  '/api-keys/{id}': (a) => ({ id: a.apiKeyId }),
  '/calls/{id}': (a) => ({ id: a.callId }),
  '/calls/{id}/accept': (a) => ({ id: a.callId }),
  '/calls/{id}/stop': (a) => ({ id: a.callId }),
  '/calls/{id}/cancel': (a) => ({ id: a.callId }),
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
  // Link and resend take the invite's id.
  '/invites/{token}/link': (a) => ({ token: a.inviteId }),
  '/invites/{token}/resend': (a) => ({ token: a.inviteId }),
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
  '/contacts/{id}': (a) => ({ id: a.outbound.contactId }),
  '/contacts/{id}/link/{groupId}': (a) => ({ id: a.outbound.contactId, groupId: a.outbound.groupId }),
  '/groups/{id}': (a) => ({ id: a.outbound.groupId }),
  '/groups/{id}/contacts': (a) => ({ id: a.outbound.groupId }),
  '/groups/{id}/csv': (a) => ({ id: a.outbound.groupId }),
  '/imports/{id}': (a) => ({ id: a.outbound.importId }),
  '/messages/texts/{id}': (a) => ({ id: a.outbound.textId }),
  '/messages/templates/{id}': (a) => ({ id: a.outbound.templateId }),
  '/messages/templates/{id}/media': (a) => ({ id: a.outbound.templateId }),
  '/messages/recordings/{id}': (a) => ({ id: a.outbound.recordingId }),
  '/messages/recordings/{id}/media': (a) => ({ id: a.outbound.recordingId }),
  '/messages/documents/{id}': (a) => ({ id: a.outbound.documentId }),
  '/messages/documents/{id}/media': (a) => ({ id: a.outbound.documentId }),
  // GET and DELETE take the id; POST a type, and A's id is no type at all.
  '/programs/{program}': (a) => ({ program: a.outbound.programId }),
  '/accounts/{id}': (a) => ({ id: a.outbound.accountId }),
  '/accounts/{id}/settings/{name}': (a) => ({ id: a.outbound.accountId, name: 'signature' }),
  '/accounts/{id}/programs': (a) => ({ id: a.outbound.accountId }),
  '/accounts/{id}/programs/{programId}': (a) => ({ id: a.outbound.accountId, programId: a.outbound.programId }),
  '/accounts/{id}/users': (a) => ({ id: a.outbound.accountId }),
  '/accounts/{id}/users/{userId}': (a) => ({ id: a.outbound.accountId, userId: a.owner.userId }),
  '/providers/{id}': (a) => ({ id: a.outbound.providerId }),
  '/providers/{id}/test': (a) => ({ id: a.outbound.providerId }),
  '/transmissions/{id}': (a) => ({ id: a.outbound.transmissionId }),
  '/transmissions/{id}/send': (a) => ({ id: a.outbound.transmissionId }),
  '/transmissions/{id}/retry': (a) => ({ id: a.outbound.transmissionId }),
  '/transmissions/{id}/clone': (a) => ({ id: a.outbound.transmissionId }),
  '/transmissions/{id}/schedule': (a) => ({ id: a.outbound.transmissionId }),
  '/transmissions/{id}/status': (a) => ({ id: a.outbound.transmissionId }),
  '/transmissions/{id}/detail': (a) => ({ id: a.outbound.transmissionId }),
  '/transmissions/{id}/result': (a) => ({ id: a.outbound.transmissionId }),
  '/spools/{id}/status': (a) => ({ id: a.outbound.spoolId }),
  '/spools/{id}/result': (a) => ({ id: a.outbound.spoolId }),
  '/programs/{program}/transmissions': (a) => ({ program: a.outbound.programId }),
  '/campaigns/{id}': (a) => ({ id: a.outbound.campaignId }),
  '/campaigns/{id}/start': (a) => ({ id: a.outbound.campaignId }),
  '/campaigns/{id}/stop': (a) => ({ id: a.outbound.campaignId }),
  '/campaigns/{id}/start/schedule': (a) => ({ id: a.outbound.campaignId }),
  '/campaigns/{id}/stop/schedule': (a) => ({ id: a.outbound.campaignId }),
  '/campaigns/{id}/schedule': (a) => ({ id: a.outbound.campaignId }),
  // Public, signed: a gateway's webhook without its signature (token) is 401 whoever calls.
  '/inbound/{providerId}/{kind}': (a) => ({ providerId: a.outbound.providerId, kind: 'sms' }),
  // Redeeming takes the link's secret, never its id: A's id is as unknown to B as to anyone.
  '/access-tokens/{token}/redeem': (a) => ({ token: a.accessLinkId }),
  '/conversations/{id}/messages': (a) => ({ id: a.conversationId }),
  '/conversations/{id}/participants/{userId}': (a) => ({ id: a.conversationId, userId: a.userId }),
  // Not a tenant's resource: a VIN decodes the same for everyone.
  '/vin/{vin}': () => ({ vin: VINS.accord }),
};

// Operations an API key is refused before any lookup (they need a user), and public ones that belong to no tenant.
const USER_ONLY = ['/organizations/{id}/make-active', '/calls/{id}/accept'];
const NOT_TENANT_OWNED = ['/vin/{vin}'];
const SIGNED_WEBHOOKS = ['/inbound/{providerId}/{kind}'];

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
  'PUT /contacts/{id}': { firstName: 'Hijacked', phone: '+12015550999' },
  'PATCH /contacts/{id}': { firstName: 'Hijacked' },
  'PUT /groups/{id}': { name: 'Hijacked' },
  'PATCH /groups/{id}': { name: 'Hijacked' },
  'PUT /messages/texts/{id}': { name: 'Hijacked', data: 'Hijacked' },
  'PUT /messages/templates/{id}': { name: 'Hijacked', subject: 'Hijacked', body: '<p>Hijacked</p>' },
  'PUT /messages/recordings/{id}': { name: 'Hijacked' },
  'PUT /messages/documents/{id}': { name: 'Hijacked' },
  'PUT /accounts/{id}': { name: 'Hijacked', type: 'email', address: 'hijacked@example.test' },
  'PUT /accounts/{id}/settings/{name}': { value: 'Hijacked' },
  'PUT /providers/{id}': { name: 'Hijacked', type: 'kannel', serviceFlags: ['sms'], host: '203.0.113.11' },
  'POST /providers/{id}/test': { to: '+12025550123' },
  'PUT /transmissions/{id}/schedule': { at: '2099-01-01T00:00:00Z' },
  'PUT /programs/{program}/transmissions': { contactId: '00000000-0000-4000-8000-000000000000' },
  'PUT /campaigns/{id}': { programId: '00000000-0000-4000-8000-000000000000', groupId: '00000000-0000-4000-8000-000000000000', cpm: 1 },
  'POST /campaigns/{id}/start/schedule': { at: '2099-01-01T00:00:00Z' },
  'POST /campaigns/{id}/stop/schedule': { at: '2099-01-01T00:00:00Z' },
  'POST /conversations/{id}/messages': { message: 'Hijacked' },
};
// Routes that take no body: sending one is refused before the lookup could answer.
const NO_BODY = ['PUT /contacts/{id}/link/{groupId}', 'PUT /accounts/{id}/programs/{programId}', 'PUT /accounts/{id}/users/{userId}', 'POST /transmissions/{id}/send', 'POST /transmissions/{id}/retry', 'POST /transmissions/{id}/clone', 'PUT /campaigns/{id}/start', 'PUT /campaigns/{id}/stop', 'POST /access-tokens/{token}/redeem', 'PUT /conversations/{id}/participants/{userId}'];

describe('tenant isolation', () => {
  const routes = routeTable().filter((r) => r.params.length > 0);

  it('covers every route with an id', () => {
    expect(routes.map((r) => r.template).sort()).toEqual(Object.keys(ID_OF).sort());
  });

  // Every route with an id, every verb, against a victim holding one of everything: a minute on a loaded machine.
  it('answers 404, never 403, and changes nothing', async () => {
    const a = await victim();
    const b = await newTenant('intruder');
    for (const route of routes) {
      const ids = ID_OF[route.template]!(a);
      const path = route.template.replace(/\{(\w+)\}/g, (_, p: string) => ids[p]!);
      for (const method of route.methods) {
        for (const [who, headers] of [['user', b.owner.bearer], ['apiKey', b.keyHeaders]] as const) {
          const body = NO_BODY.includes(`${method} ${route.template}`) ? undefined : (BODY_OF[`${method} ${route.template}`] ?? BODIES[method]);
          const res = await api(method, path, { headers, ...(body ? { json: body } : {}) });
          const expected = NOT_TENANT_OWNED.includes(route.template) ? 200 : SIGNED_WEBHOOKS.includes(route.template) ? 401 : who === 'apiKey' && USER_ONLY.includes(route.template) ? 403 : 404;
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
    // Nothing of A's outbound slice moved: names, files, settings, subscriptions and the program all stand.
    expect((await api('GET', `/contacts/${a.outbound.contactId}`, { headers: a.keyHeaders })).body.firstName).toBe('Victor');
    expect((await api('GET', `/messages/templates/${a.outbound.templateId}`, { headers: a.keyHeaders })).body).toMatchObject({ name: 'Offer', attachment: expect.objectContaining({ contentType: 'application/pdf' }) });
    expect((await api('GET', `/messages/recordings/${a.outbound.recordingId}`, { headers: a.keyHeaders })).body).toMatchObject({ name: 'Greeting', hasMedia: true });
    expect((await api('GET', `/accounts/${a.outbound.accountId}`, { headers: a.keyHeaders })).body).toMatchObject({ name: 'Sales line', settings: { signature: 'Best, Sales' } });
    expect((await api('GET', `/programs/${a.outbound.programId}`, { headers: a.keyHeaders })).status).toBe(200);
    expect((await api('GET', `/providers/${a.outbound.providerId}`, { headers: a.keyHeaders })).body).toMatchObject({ name: 'Gateway', host: '203.0.113.10' });
    expect((await api('GET', `/transmissions/${a.outbound.transmissionId}`, { headers: a.keyHeaders })).body).toMatchObject({ title: 'Welcome', scheduledAt: null });
    expect((await api('GET', `/campaigns/${a.outbound.campaignId}`, { headers: a.keyHeaders })).body).toMatchObject({ name: 'Spring outreach', status: 'draft', cpm: 60, schedules: [] });
    // The conversation has no message of B's and both its participants; the link was not spent.
    expect((await api('GET', `/conversations/${a.conversationId}/messages`, { headers: a.orgHeaders })).body.results).toEqual([]);
    expect(await db.conversationParticipant.count({ where: { conversationId: a.conversationId } })).toBe(2);
    expect((await db.accessLink.findUniqueOrThrow({ where: { id: a.accessLinkId } })).uses).toBe(0);
  }, 120_000);

  it('a malformed id is a 404 too, not a 500', async () => {
    const a = await newTenant('malformed');
    for (const path of ['/organizations/not-a-uuid', '/api-keys/123']) {
      const method = path.startsWith('/api-keys') ? 'DELETE' : 'GET';
      expect((await api(method, path, { headers: a.orgHeaders })).status).toBe(404);
    }
  });
});
