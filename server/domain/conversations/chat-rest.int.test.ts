// API.md §5 over REST: access links made, previewed for free and redeemed (410 when spent or expired, concurrent
// redeems within maxUses), external users registered idempotently, their credentials refused everywhere but their own
// conversations, and message.created reaching participants' /events streams only.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { openEventStream } from '../../test/event-stream';
import { addPerson, type Person } from '../../test/coaching';
import { newTenant, randomIp, type Tenant } from '../../test/factories';

const publicHeaders = () => ({ 'x-pitchcraft-peer': randomIp() });
const tokenOf = (url: string) => url.split('/access/')[1]!;
const device = (uniqueId: string) => ({ uniqueId, platform: 'web', deviceName: 'Customer laptop', hardwareId: 'hw', osVersion: '1' });

/** Opens GET /events; `messages()` are the texts of its `message.created` frames so far. */
async function openStream(headers: Record<string, string>) {
  const stream = await openEventStream(headers);
  const messages = () => stream.frames.filter((f) => f.event === 'message.created').map((f) => (f.data.payload as { message: { message: string } }).message.message);
  return Object.assign(stream, { messages });
}

describe('access links and external users over REST', () => {
  let t: Tenant, other: Tenant;
  let member: Person;
  beforeAll(async () => {
    [t, other] = await Promise.all([newTenant('rest-link'), newTenant('rest-link-other')]);
    member = await addPerson(t, 'rest-link-member');
  });

  it('registers (201, then 200 without a key), replays an Idempotency-Key without the secret; lower roles 403', async () => {
    const first = await api('POST', '/external-users', { headers: { ...t.keyHeaders, 'idempotency-key': 'reg-1' }, json: device('rest-install') });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ previouslyRegistered: false, apiKey: expect.stringMatching(/^pxu_/) });
    const replay = await api('POST', '/external-users', { headers: { ...t.keyHeaders, 'idempotency-key': 'reg-1' }, json: device('rest-install') });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toMatchObject({ virtualUser: first.body.virtualUser, apiKey: null });
    const again = await api('POST', '/external-users', { headers: t.keyHeaders, json: device('rest-install') });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ virtualUser: first.body.virtualUser, apiKey: null, previouslyRegistered: true });

    expect((await api('POST', '/external-users', { headers: member.headers, json: device('x') })).status).toBe(403);
    const bad = await api('POST', '/external-users', { headers: t.keyHeaders, json: { ...device('x'), uniqueId: 7 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('uniqueId');
  });

  it('makes a link (201), the same again (200); bad input 422; another organization’s user 422; lower roles 403', async () => {
    const ext = (await api('POST', '/external-users', { headers: t.keyHeaders, json: device('rest-link-user') })).body;
    const made = await api('POST', '/access-tokens', { headers: t.keyHeaders, json: { virtualUser: ext.virtualUser, email: 'customer@example.test' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ maxUses: 5, previouslyCreated: false });
    const again = await api('POST', '/access-tokens', { headers: t.keyHeaders, json: { virtualUser: ext.virtualUser, email: 'customer@example.test' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...made.body, previouslyCreated: true });
    // An Idempotency-Key replay answers the link without its secret URL (never stored); asking again gives it back.
    const keyed = { ...t.keyHeaders, 'idempotency-key': 'link-1' };
    const firstKeyed = await api('POST', '/access-tokens', { headers: keyed, json: { virtualUser: ext.virtualUser, email: 'other@example.test', botId: 'b' } });
    const replayed = await api('POST', '/access-tokens', { headers: keyed, json: { virtualUser: ext.virtualUser, email: 'other@example.test', botId: 'b' } });
    expect(replayed.headers.get('idempotent-replay-omitted')).toBe('url');
    expect(replayed.body).toEqual({ ...firstKeyed.body, url: null });
    expect(await db.idempotencyRecord.count({ where: { body: { contains: tokenOf(firstKeyed.body.url) } } })).toBe(0);
    for (const json of [{ virtualUser: ext.virtualUser }, { virtualUser: ext.virtualUser, email: 'a@example.test', expiresOn: '2001-01-01' }, { virtualUser: ext.virtualUser, email: 'a@example.test', maxUses: 0 }, { virtualUser: ext.virtualUser, email: 'a@example.test', token: 'pal_x' }]) {
      expect((await api('POST', '/access-tokens', { headers: t.keyHeaders, json })).status, JSON.stringify(json)).toBe(422);
    }
    expect((await api('POST', '/access-tokens', { headers: other.keyHeaders, json: { virtualUser: ext.virtualUser, email: 'a@example.test' } })).status).toBe(422);
    expect((await api('POST', '/access-tokens', { headers: member.headers, json: { virtualUser: ext.virtualUser, email: 'a@example.test' } })).status).toBe(403);
    expect((await api('POST', '/access-tokens', { headers: t.keyHeaders, json: { virtualUser: ext.virtualUser, phone: '+15125550142' } })).status).toBe(409);
  });

  it('redeems publicly: 200 with a token acting as the external user; used up or expired 410; unknown 404; six at once on a two-use link: two', async () => {
    const ext = (await api('POST', '/external-users', { headers: t.keyHeaders, json: device('rest-redeem') })).body;
    expect(ext.apiKey).toMatch(/^pxu_/);
    const made = (await api('POST', '/access-tokens', { headers: t.keyHeaders, json: { virtualUser: ext.virtualUser, email: 'r@example.test', maxUses: 2 } })).body;
    const token = tokenOf(made.url);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => api('POST', `/access-tokens/${token}/redeem`, { headers: publicHeaders() })));
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 200, 410, 410, 410, 410]);
    const redeemed = outcomes.find((o) => o.status === 200)!.body;
    expect(redeemed).toMatchObject({ virtualUser: ext.virtualUser, access: expect.any(String) });
    expect((await api('POST', '/access-tokens/pal_nothing/redeem', { headers: publicHeaders() })).status).toBe(404);

    // The redeemed token (and the external user's key) act as that external user only.
    const asExternal = { authorization: `Bearer ${redeemed.access}` };
    expect((await api('GET', '/conversations', { headers: asExternal })).status).toBe(200);
    const byKey = { 'x-api-key': ext.apiKey };
    const refused: [string, string, unknown?][] = [
      ['GET', '/contacts'], ['GET', '/api-keys'], ['GET', '/users'], ['GET', '/roles'], ['GET', '/calls'], ['GET', '/calls/count'], ['GET', '/leads'],
      ['GET', `/organizations/${t.organizationId}`], ['PATCH', `/organizations/${t.organizationId}`, { name: 'Taken' }],
      ['DELETE', `/organizations/${t.organizationId}`], ['POST', '/organizations', { name: 'Mine', baseCurrency: 'USD' }],
      ['POST', '/api-keys', { name: 'k', scopes: ['contacts:read'] }], ['POST', '/external-users', device('by-external')],
      ['POST', '/access-tokens', { virtualUser: ext.virtualUser, email: 'me@example.test' }],
    ];
    for (const headers of [asExternal, byKey]) {
      for (const [method, path, json] of refused) {
        const res = await api(method, path, { headers, ...(json !== undefined && { json }) });
        expect([403, 404], `${method} ${path}: ${res.status}`).toContain(res.status);
      }
      const orgs = await api('GET', '/organizations', { headers });
      expect(orgs.status === 200 ? orgs.body.results : [], 'GET /organizations').toEqual([]);
    }
    expect((await db.organization.findUniqueOrThrow({ where: { id: t.organizationId } })).name).toBe('Org rest-link');
  });
});

describe('conversations over REST', () => {
  let t: Tenant, other: Tenant;
  let rep: Person, bystander: Person;
  let ext: { virtualUser: string; apiKey: string };
  beforeAll(async () => {
    [t, other] = await Promise.all([newTenant('rest-chat'), newTenant('rest-chat-other')]);
    [rep, bystander] = await Promise.all([addPerson(t, 'rest-chat-rep'), addPerson(t, 'rest-chat-bystander')]);
    ext = (await api('POST', '/external-users', { headers: t.keyHeaders, json: device('rest-chat-customer') })).body;
  });

  it('an external user chats with a member; message.created reaches the participants’ streams only; messages are idempotent', async () => {
    const customer = { 'x-api-key': ext.apiKey };
    const [repStream, bystanderStream, customerStream] = await Promise.all([openStream(rep.headers), openStream(bystander.headers), openStream(customer)]);
    try {
      const chat = await api('POST', '/conversations', { headers: customer, json: { type: 'chat', participants: [{ userId: rep.userId }] } });
      expect(chat.status).toBe(201);
      expect(chat.headers.get('location')).toBe(`/api/v1/conversations/${chat.body.id}`);
      const again = await api('POST', '/conversations', { headers: rep.headers, json: { type: 'chat', participants: [{ userId: ext.virtualUser }] } });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id: chat.body.id, previouslyCreated: true });

      const send = (headers: Record<string, string>, message: string, key?: string) =>
        api('POST', `/conversations/${chat.body.id}/messages`, { headers: { ...headers, ...(key && { 'idempotency-key': key }) }, json: { message } });
      expect((await send(customer, 'Hello, is the blue one still there?', 'm-1')).status).toBe(201);
      expect((await send(customer, 'Hello, is the blue one still there?', 'm-1')).headers.get('idempotent-replayed')).toBe('true');
      expect((await send(rep.headers, 'It is — come by at 5?')).status).toBe(201);
      expect((await send(customer, '')).status).toBe(422);
      expect((await send(customer, 'x'.repeat(4001))).status).toBe(422);

      const wanted = ['Hello, is the blue one still there?', 'It is — come by at 5?'];
      await repStream.until(() => repStream.messages().length >= 2 && customerStream.messages().length >= 2);
      expect(repStream.messages()).toEqual(wanted);
      expect(customerStream.messages()).toEqual(wanted);
      expect(bystanderStream.messages()).toEqual([]);

      const history = await api('GET', `/conversations/${chat.body.id}/messages?limit=1`, { headers: customer });
      expect(history.body.results.map((m: { message: string }) => m.message)).toEqual(['It is — come by at 5?']);
      const older = await api('GET', history.body.next.replace('http://pitchcraft.test/api/v1', ''), { headers: customer });
      expect(older.body).toEqual({ next: null, results: [expect.objectContaining({ message: 'Hello, is the blue one still there?' })] });
      const list = await api('GET', '/conversations', { headers: rep.headers });
      expect(list.body.results.find((c: { id: string }) => c.id === chat.body.id)).toMatchObject({ unread: 0, lastMessage: { message: 'It is — come by at 5?' } });
      expect(await db.conversationMessage.count({ where: { conversationId: chat.body.id } })).toBe(2);

      // Tenancy and outsiders: 404 on every verb.
      for (const headers of [bystander.headers, other.keyHeaders, other.orgHeaders]) {
        expect((await api('GET', `/conversations/${chat.body.id}/messages`, { headers })).status).toBe(404);
        expect((await api('POST', `/conversations/${chat.body.id}/messages`, { headers, json: { message: 'hi' } })).status).toBe(404);
        expect((await api('PUT', `/conversations/${chat.body.id}/participants/${bystander.userId}`, { headers })).status).toBe(404);
        expect((await api('DELETE', `/conversations/${chat.body.id}/participants/${rep.userId}`, { headers })).status).toBe(404);
      }
      expect((await api('GET', '/conversations/not-a-uuid/messages', { headers: rep.headers })).status).toBe(404);
    } finally {
      await Promise.all([repStream.stop(), bystanderStream.stop(), customerStream.stop()]);
    }
  });

  it('rotating an external user’s key ends the streams opened with the old one', async () => {
    const device2 = device('rest-rotate');
    const first = (await api('POST', '/external-users', { headers: t.keyHeaders, json: device2 })).body;
    const stream = await openEventStream({ 'x-api-key': first.apiKey });
    await new Promise((r) => setTimeout(r, 200));
    expect(stream.closed).toBe(false);
    const rotated = await api('POST', '/external-users', { headers: t.keyHeaders, json: { ...device2, rotateKey: true } });
    expect(rotated.body.apiKey).toMatch(/^pxu_/);
    await stream.until(() => stream.closed);
    await stream.stop();
    expect((await api('GET', '/conversations', { headers: { 'x-api-key': first.apiKey } })).status).toBe(401);
    expect((await api('GET', '/conversations', { headers: { 'x-api-key': rotated.body.apiKey } })).status).toBe(200);
  });

  it('group admins manage participants over PUT/DELETE; others 403; removed: 404', async () => {
    const group = await api('POST', '/conversations', { headers: rep.headers, json: { type: 'group', name: 'Showroom', participants: [{ userId: ext.virtualUser }] } });
    expect(group.status).toBe(201);
    const path = (userId: string) => `/conversations/${group.body.id}/participants/${userId}`;
    expect((await api('PUT', path(bystander.userId), { headers: { 'x-api-key': ext.apiKey } })).status).toBe(403);
    const added = await api('PUT', path(bystander.userId), { headers: rep.headers });
    expect(added.status).toBe(200);
    expect(added.body.participants).toHaveLength(3);
    expect((await api('DELETE', path(bystander.userId), { headers: { 'x-api-key': ext.apiKey } })).status).toBe(403);
    expect((await api('DELETE', path(bystander.userId), { headers: rep.headers })).status).toBe(204);
    expect((await api('GET', `/conversations/${group.body.id}/messages`, { headers: bystander.headers })).status).toBe(404);
  });
});
