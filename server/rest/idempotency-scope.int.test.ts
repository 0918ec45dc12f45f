// Issue 15, defects 1 and 7: an Idempotency-Key lives in the key space of whoever presents it — a user or API key in
// its organization, a public caller's credential (organization token, call token), or, without any, the request
// itself — at every access level. A replay never repeats a secret, and an organization's public token cannot bind a
// lead to a call.
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { api } from '../test/api-client';
import { callTokenOf, requestCall, VINS } from '../test/call-factories';
import { newTenant, randomIp, uniqueEmail } from '../test/factories';

const key = () => `key-${Math.random().toString(36).slice(2)}`;

describe('Idempotency-Key scope, public with an organization token (POST /calls)', () => {
  it('another organization, a wrong token and no token never replay the call, and a replay never repeats its callToken', async () => {
    const a = await newTenant('idem-pub-a');
    const b = await newTenant('idem-pub-b');
    const [aToken, bToken] = [await callTokenOf(a), await callTokenOf(b)];
    const k = key();
    const body = { vin: VINS.corolla, customer: { firstName: 'Ada', lastName: 'A' } };
    const post = (headers: Record<string, string>, json: unknown = body) => api('POST', '/calls', { json, headers: { 'idempotency-key': k, 'x-pitchcraft-peer': '10.9.9.9', ...headers } });

    const first = await post({ 'x-organization-token': aToken });
    expect(first.status).toBe(201);
    expect(first.body.callToken).toMatch(/^cl_/);

    // The same customer retrying: the call, without its secret, and a header saying why.
    const replay = await post({ 'x-organization-token': aToken });
    expect([replay.status, replay.headers.get('idempotent-replayed'), replay.headers.get('idempotent-replay-omitted')]).toEqual([201, 'true', 'callToken']);
    expect(replay.body).toEqual({ ...first.body, callToken: null });
    expect(JSON.stringify(await db.idempotencyRecord.findMany({ where: { key: k } }))).not.toContain(first.body.callToken);

    // Another organization's token: a new call there, nothing of A's.
    const other = await post({ 'x-organization-token': bToken });
    expect([other.status, other.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await db.call.count({ where: { id: other.body.id, organizationId: b.organizationId } })).toBe(1);

    // A wrong token and none: refused as unauthenticated, not a replay.
    for (const headers of [{ 'x-organization-token': 'not-a-token' }, {}] as Record<string, string>[]) {
      const res = await post(headers);
      expect([res.status, res.headers.get('idempotent-replayed')]).toEqual([401, null]);
      expect(res.text).not.toContain(first.body.id);
    }
    // Another body under A's token is still A's key space: 409 (it is the same caller).
    expect((await post({ 'x-organization-token': aToken }, { vin: VINS.kona })).status).toBe(409);
    // The organization code in the body is a credential too: it only replays to the very same request.
    const inBody = await api('POST', '/calls', { json: { ...body, organizationCode: aToken }, headers: { 'idempotency-key': k, 'x-pitchcraft-peer': randomIp() } });
    expect([inBody.status, inBody.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(inBody.body.id).not.toBe(first.body.id);
  });
});

describe('Idempotency-Key scope, public with a call token (POST /leads, POST /calls/{id}/messages)', () => {
  it('another call token, another organization token and none each get their own answer', async () => {
    const a = await newTenant('idem-lead-a');
    const b = await newTenant('idem-lead-b');
    const callA = await requestCall(a);
    const callA2 = await requestCall(a);
    const k = key();
    const lead = { vin: VINS.corolla, firstName: 'Grace', lastName: 'H', email: 'grace@example.test' };
    const post = (headers: Record<string, string>) => api('POST', '/leads', { json: lead, headers: { 'idempotency-key': k, 'x-pitchcraft-peer': '10.8.8.8', ...headers } });
    const first = await post({ 'x-call-token': callA.callToken });
    expect(first.status).toBe(201);
    expect((await post({ 'x-call-token': callA.callToken })).headers.get('idempotent-replayed')).toBe('true');

    const otherCall = await post({ 'x-call-token': callA2.callToken });
    expect([otherCall.status, otherCall.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(otherCall.body.id).not.toBe(first.body.id);
    const otherOrg = await post({ 'x-organization-token': await callTokenOf(b) });
    expect([otherOrg.status, otherOrg.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(await db.lead.count({ where: { id: otherOrg.body.id, organizationId: b.organizationId } })).toBe(1);
    const none = await post({});
    expect([none.status, none.headers.get('idempotent-replayed')]).toEqual([401, null]);

    // An 'optional' operation, by the customer: a message replays for its own call only.
    const k2 = key();
    const say = (headers: Record<string, string>, id = callA.id) => api('POST', `/calls/${id}/messages`, { json: { message: 'hello' }, headers: { 'idempotency-key': k2, ...headers } });
    const sent = await say(callA.customer);
    expect(sent.status).toBe(201);
    expect((await say(callA.customer)).headers.get('idempotent-replayed')).toBe('true');
    const stranger = await say({ 'x-call-token': callA2.callToken });
    expect([stranger.status, stranger.headers.get('idempotent-replayed')]).toEqual([404, null]);
  });
});

describe('Idempotency-Key scope, public without a credential (POST /auth/register)', () => {
  it('only the very same request replays; another body with the same key is a new request, never a 409', async () => {
    const k = key();
    const register = (email: string) => api('POST', '/auth/register', { json: { email, password: 'correct horse battery staple', firstName: 'N', lastName: 'N' }, headers: { 'idempotency-key': k, 'x-pitchcraft-peer': randomIp() } });
    const email = uniqueEmail('idem-anon');
    const first = await register(email);
    expect(first.status).toBe(201);
    expect((await register(email)).headers.get('idempotent-replayed')).toBe('true');
    // A stranger reusing the key with their own body learns nothing about its first use.
    const stranger = await register(uniqueEmail('idem-anon-2'));
    expect([stranger.status, stranger.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(stranger.body.id).not.toBe(first.body.id);
  });
});

describe('Idempotency-Key scope, signed-in users and API keys', () => {
  it('another organization, another user or key, and no credential never see the first answer', async () => {
    const a = await newTenant('idem-auth-a');
    const b = await newTenant('idem-auth-b');
    const k = key();
    const create = (headers: Record<string, string>) => api('POST', '/products', { json: { name: 'Replayed product' }, headers: { 'idempotency-key': k, ...headers } });
    const first = await create(a.keyHeaders);
    expect(first.status).toBe(201);
    expect((await create(a.keyHeaders)).headers.get('idempotent-replayed')).toBe('true');
    for (const headers of [b.keyHeaders, a.orgHeaders, b.orgHeaders]) {
      const res = await create(headers);
      expect([res.status, res.headers.get('idempotent-replayed')]).toEqual([201, null]);
      expect(res.body.id).not.toBe(first.body.id);
    }
    const none = await create({ 'x-pitchcraft-peer': randomIp() });
    expect([none.status, none.headers.get('idempotent-replayed')]).toEqual([401, null]);
  });
});

describe('a lead with the organization token cannot claim a call (defect 7)', () => {
  it('callId with X-Organization-Token is refused before any lookup; the call token still leaves it', async () => {
    const a = await newTenant('lead-claim');
    const call = await requestCall(a);
    const orgToken = await callTokenOf(a);
    const lead = { callId: call.id, firstName: 'Mallory', lastName: 'M', email: 'm@example.test' };
    const claim = await api('POST', '/leads', { json: lead, headers: { 'x-organization-token': orgToken, 'x-pitchcraft-peer': randomIp() } });
    expect([claim.status, claim.body.code]).toEqual([404, 'not_found']);
    const unknown = await api('POST', '/leads', { json: { ...lead, callId: crypto.randomUUID() }, headers: { 'x-organization-token': orgToken, 'x-pitchcraft-peer': randomIp() } });
    expect(unknown.body).toMatchObject({ status: 404, detail: claim.body.detail });
    expect(await db.lead.count({ where: { callId: call.id } })).toBe(0);
    const own = await api('POST', '/leads', { json: { firstName: 'Raj', lastName: 'P', email: 'raj@example.test' }, headers: call.customer });
    expect([own.status, own.body.callId]).toEqual([201, call.id]);
  });
});
