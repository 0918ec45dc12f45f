// Live calls over REST: a customer asks (org token), reads its own call (call token), dealers race to accept, the
// call ends, notes come after it; races, bad input and other organizations' ids.
import { describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { callTokenOf, newDealer, requestCall, VINS } from '../../test/call-factories';
import { newTenant, randomIp } from '../../test/factories';
import { expireCall, missCall } from './call-lifecycle';

const peer = () => ({ 'x-pitchcraft-peer': randomIp() });

describe('POST /calls', () => {
  it('creates a requested call with the decoded vehicle and a call token shown once, stored hashed', async () => {
    const t = await newTenant('calls-create');
    const token = await callTokenOf(t);
    const res = await api('POST', '/calls', {
      json: { vin: ' 2t1burhexjc043821 ', customer: { firstName: 'Maya', lastName: 'Ortiz', phone: '(512) 555-0142', email: 'maya@example.test' } },
      headers: { 'x-organization-token': token, ...peer() },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/calls/${res.body.id}`);
    expect(res.body).toEqual({ id: expect.any(String), status: 'requested', callToken: expect.stringMatching(/^cl_/), vehicle: expect.objectContaining({ make: 'Toyota', model: 'Corolla', modelYear: 2018, type: 'Sedan', country: 'Canada' }) });
    const row = await db.call.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ organizationId: t.organizationId, vin: VINS.corolla, carMake: 'TOYOTA', carModel: 'COROLLA', carType: 'SEDAN', customerPhone: '+15125550142', customerEmail: 'maya@example.test' });
    expect(JSON.stringify(row)).not.toContain(res.body.callToken);
    const events = await db.callEvent.findMany({ where: { callId: res.body.id } });
    expect(events.map((e) => [e.type, e.actor])).toEqual([['requested', 'customer']]);
  });

  it('takes the organization token in the body as organizationCode', async () => {
    const t = await newTenant('calls-code');
    const res = await api('POST', '/calls', { json: { vin: VINS.accord, organizationCode: await callTokenOf(t) }, headers: peer() });
    expect(res.status).toBe(201);
  });

  it('a wrong or missing organization token is 401 and a bad VIN or body 422; nothing is stored', async () => {
    const t = await newTenant('calls-bad');
    const token = await callTokenOf(t);
    const post = (json: unknown, headers: Record<string, string> = { 'x-organization-token': token }) => api('POST', '/calls', { json, headers: { ...headers, ...peer() } });
    const wrong = await post({ vin: VINS.accord }, { 'x-organization-token': 'ct_not-a-real-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('unauthenticated');
    // Credentials come first: a wrong token with a bad VIN is still 401.
    expect((await post({ vin: 'nope' }, { 'x-organization-token': 'ct_wrong' })).status).toBe(401);
    expect((await post({ vin: VINS.accord }, {})).status).toBe(401);

    const typo = await post({ vin: '1HGCM82633A005352' });
    expect(typo.status).toBe(422);
    expect(typo.body.errors).toEqual([{ path: 'vin', message: expect.stringContaining('check digit (9th character) is 3 but should be 8') }]);
    expect((await post({ vin: 'SHORT' })).body.errors).toEqual([{ path: 'vin', message: 'must be 17 letters and digits' }]);
    expect((await post({ vin: '1HGCM82633AO04352' })).status).toBe(422);
    expect((await post({ vin: VINS.accord, customer: { phone: '12' } })).body.errors[0].path).toBe('customer.phone');
    expect((await post({ vin: VINS.accord, customer: { email: 'not-an-email' } })).body.errors[0].path).toBe('customer.email');
    expect((await post({ vin: VINS.accord, status: 'active' })).body.errors).toEqual([{ path: 'status', message: 'Unknown field' }]);
    expect((await api('POST', '/calls', { body: '{nope', contentType: 'application/json', headers: { 'x-organization-token': token, ...peer() } })).status).toBe(400);
    expect(await db.call.count({ where: { organizationId: t.organizationId } })).toBe(0);
  });
});

describe('GET /calls/{id}', () => {
  it('the customer reads its own call with its token; another call’s id with that token is 404', async () => {
    const t = await newTenant('calls-token');
    const mine = await requestCall(t, { customer: { firstName: 'Maya' } });
    const other = await requestCall(t);
    const res = await api('GET', `/calls/${mine.id}`, { headers: mine.customer });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: mine.id, status: 'requested', vin: VINS.corolla, dealer: null, note: null, events: [expect.objectContaining({ type: 'requested', actor: { kind: 'customer', id: null, name: 'Maya' } })] });
    const cross = await api('GET', `/calls/${other.id}`, { headers: mine.customer });
    expect(cross.status).toBe(404);
    expect(cross.body.code).toBe('not_found');
    expect((await api('GET', `/calls/${mine.id}`, { headers: { 'x-call-token': 'cl_forged' } })).status).toBe(404);
    expect((await api('GET', `/calls/${mine.id}`, { headers: peer() })).status).toBe(401);
    expect((await api('GET', '/calls/not-a-uuid', { headers: mine.customer })).status).toBe(404);
  });

  it('dealers see waiting calls and their own; a call another dealer took is 404 to them; managers see all', async () => {
    const t = await newTenant('calls-visibility');
    const a = await newDealer(t, 'member', 'dealer-a');
    const b = await newDealer(t, 'member', 'dealer-b');
    const call = await requestCall(t);
    expect((await api('GET', `/calls/${call.id}`, { headers: b.headers })).status).toBe(200);
    expect((await api('POST', `/calls/${call.id}/accept`, { headers: a.headers })).status).toBe(200);
    expect((await api('GET', `/calls/${call.id}`, { headers: a.headers })).body).toMatchObject({ status: 'active', dealer: { id: a.userId } });
    expect((await api('GET', `/calls/${call.id}`, { headers: b.headers })).status).toBe(404);
    expect((await api('GET', `/calls/${call.id}`, { headers: t.keyHeaders })).status).toBe(200);
  });
});

describe('accept, stop, note', () => {
  it('two dealers accept at once: exactly one wins, the other gets 409', async () => {
    const t = await newTenant('calls-race');
    const dealers = await Promise.all([newDealer(t, 'member', 'race-a'), newDealer(t, 'member', 'race-b'), newDealer(t, 'manager', 'race-c')]);
    for (let round = 0; round < 3; round++) {
      const call = await requestCall(t);
      const results = await Promise.all(dealers.map((d) => api('POST', `/calls/${call.id}/accept`, { headers: d.headers })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const winner = dealers[results.findIndex((r) => r.status === 200)]!;
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.detail).toBe('Another dealer already took this call');
      const row = await db.call.findUniqueOrThrow({ where: { id: call.id } });
      expect(row).toMatchObject({ status: 'active', dealerId: winner.userId });
      expect(await db.callEvent.count({ where: { callId: call.id, type: 'accepted' } })).toBe(1);
      expect((await api('POST', `/calls/${call.id}/stop`, { headers: winner.headers })).status).toBe(200);
    }
  });

  it('a dealer takes one call at a time, goes online by accepting; a paused dealer cannot accept', async () => {
    const t = await newTenant('calls-one');
    const d = await newDealer(t);
    const first = await requestCall(t);
    const second = await requestCall(t);
    expect((await api('POST', `/calls/${first.id}/accept`, { headers: d.headers })).status).toBe(200);
    expect((await db.dealer.findFirstOrThrow({ where: { userId: d.userId } })).presence).toBe('online');
    const busy = await api('POST', `/calls/${second.id}/accept`, { headers: d.headers });
    expect(busy.status).toBe(409);
    expect(busy.body.detail).toMatch(/already in a call/);
    await api('POST', `/calls/${first.id}/stop`, { headers: d.headers });
    expect((await api('PATCH', `/dealers/${d.userId}`, { json: { active: false }, headers: t.orgHeaders })).status).toBe(200);
    expect((await api('POST', `/calls/${second.id}/accept`, { headers: d.headers })).status).toBe(403);
    // An API key is no dealer.
    expect((await api('POST', `/calls/${second.id}/accept`, { headers: t.keyHeaders })).status).toBe(403);
  });

  it('stop ends an active call (dealer or customer), then the note can be written; before, 409', async () => {
    const t = await newTenant('calls-stop');
    const d = await newDealer(t);
    const other = await newDealer(t, 'member', 'bystander');
    const call = await requestCall(t);
    expect((await api('PUT', `/calls/${call.id}/note`, { json: { note: 'early' }, headers: t.orgHeaders })).status).toBe(409);
    expect((await api('POST', `/calls/${call.id}/stop`, { headers: call.customer })).status).toBe(409);
    await api('POST', `/calls/${call.id}/accept`, { headers: d.headers });
    const early = await api('PUT', `/calls/${call.id}/note`, { json: { note: 'during' }, headers: d.headers });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/after the call/);
    expect((await api('POST', `/calls/${call.id}/stop`, { headers: other.headers })).status).toBe(404);
    expect((await api('POST', `/calls/${call.id}/stop`, { headers: t.orgHeaders })).status).toBe(403);
    const stopped = await api('POST', `/calls/${call.id}/stop`, { headers: call.customer });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ status: 'completed', durationSeconds: expect.any(Number), endedAt: expect.any(String) });
    expect((await api('POST', `/calls/${call.id}/stop`, { headers: d.headers })).status).toBe(409);
    expect((await api('POST', `/calls/${call.id}/accept`, { headers: other.headers })).status).toBe(409);

    const note = await api('PUT', `/calls/${call.id}/note`, { json: { note: 'Wants the hybrid; call back Friday.' }, headers: d.headers });
    expect(note.status).toBe(200);
    expect(note.body).toMatchObject({ note: 'Wants the hybrid; call back Friday.', noteUpdatedAt: expect.any(String) });
    expect((await api('PUT', `/calls/${call.id}/note`, { json: { note: 'x'.repeat(5001) }, headers: d.headers })).status).toBe(422);
    expect((await api('PUT', `/calls/${call.id}/note`, { json: { note: 'x', pinned: true }, headers: d.headers })).status).toBe(422);
    // The customer never sees the note, nor the note event.
    const asCustomer = await api('GET', `/calls/${call.id}`, { headers: call.customer });
    expect(asCustomer.body.note).toBeNull();
    expect(asCustomer.body.events.map((e: { type: string }) => e.type)).toEqual(['requested', 'accepted', 'completed']);
    const asDealer = await api('GET', `/calls/${call.id}`, { headers: d.headers });
    expect(asDealer.body.events.map((e: { type: string; actor: { kind: string } }) => `${e.type}:${e.actor.kind}`)).toEqual(['requested:customer', 'accepted:user', 'completed:customer', 'note.saved:user']);
  });

  it('a stop racing an expiry: exactly one transition wins, with one event', async () => {
    const t = await newTenant('calls-expiry-race');
    const d = await newDealer(t);
    for (let round = 0; round < 5; round++) {
      const call = await requestCall(t);
      await api('POST', `/calls/${call.id}/accept`, { headers: d.headers });
      const [stop, expired] = await Promise.all([api('POST', `/calls/${call.id}/stop`, { headers: d.headers }), expireCall({ callId: call.id, lastPingAt: null })]);
      const row = await db.call.findUniqueOrThrow({ where: { id: call.id } });
      const ends = await db.callEvent.findMany({ where: { callId: call.id, type: { in: ['completed', 'expired'] } } });
      expect(ends).toHaveLength(1);
      if (expired) {
        expect(stop.status).toBe(409);
        expect(row.status).toBe('expired');
        expect(ends[0]!.actor).toBe('system');
        // The dealer whose call expired is taken offline.
        expect((await db.dealer.findFirstOrThrow({ where: { userId: d.userId } })).presence).toBe('offline');
      } else {
        expect(stop.status).toBe(200);
        expect(row.status).toBe('completed');
      }
    }
  });

  it('the waiting customer cancels their request: dealers can no longer take it, it is never missed; only the customer may, only while it waits', async () => {
    const t = await newTenant('calls-cancel');
    const d = await newDealer(t);
    const call = await requestCall(t);
    expect((await api('POST', `/calls/${call.id}/cancel`, { headers: d.headers })).status).toBe(403);
    expect((await api('POST', `/calls/${call.id}/cancel`, { headers: t.orgHeaders })).status).toBe(403);
    const cancelled = await api('POST', `/calls/${call.id}/cancel`, { headers: call.customer });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', endedAt: expect.any(String), events: [expect.objectContaining({ type: 'requested' }), expect.objectContaining({ type: 'cancelled', actor: expect.objectContaining({ kind: 'customer' }) })] });
    expect((await api('POST', `/calls/${call.id}/cancel`, { headers: call.customer })).status).toBe(409);
    const late = await api('POST', `/calls/${call.id}/accept`, { headers: d.headers });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/cancelled/);
    expect(await missCall({ callId: call.id, afterSeconds: 60 })).toBe(false);
    expect((await api('GET', `/calls?status=cancelled`, { headers: t.orgHeaders })).body.results.map((c: { id: string }) => c.id)).toEqual([call.id]);
    // Once a dealer took a call, cancelling is over: the customer ends it instead.
    const taken = await requestCall(t);
    await api('POST', `/calls/${taken.id}/accept`, { headers: d.headers });
    const refused = await api('POST', `/calls/${taken.id}/cancel`, { headers: taken.customer });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/end it instead/);
    const intruder = await newTenant('calls-cancel-intruder');
    expect((await api('POST', `/calls/${call.id}/cancel`, { headers: intruder.orgHeaders })).status).toBe(404);
  });

  it('a missed call cannot be accepted; missing twice changes nothing', async () => {
    const t = await newTenant('calls-missed');
    const d = await newDealer(t);
    const call = await requestCall(t);
    expect(await missCall({ callId: call.id, afterSeconds: 60 })).toBe(true);
    expect(await missCall({ callId: call.id, afterSeconds: 60 })).toBe(false);
    const res = await api('POST', `/calls/${call.id}/accept`, { headers: d.headers });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/missed/);
    expect((await api('GET', `/calls/${call.id}`, { headers: call.customer })).body).toMatchObject({ status: 'missed', events: [expect.objectContaining({ type: 'requested' }), expect.objectContaining({ type: 'missed', actor: { kind: 'system', id: null, name: null } })] });
    expect((await api('PUT', `/calls/${call.id}/note`, { json: { note: 'No one was free: call back' }, headers: t.orgHeaders })).status).toBe(200);
  });
});

describe('chat and client events', () => {
  it('the customer and the call’s dealer chat while the call runs; others cannot; after the end, 409', async () => {
    const t = await newTenant('calls-chat');
    const d = await newDealer(t);
    const call = await requestCall(t, { customer: { firstName: 'Maya' } });
    const other = await requestCall(t);
    expect((await api('POST', `/calls/${call.id}/messages`, { json: { message: 'Is anyone there?' }, headers: call.customer })).status).toBe(201);
    await api('POST', `/calls/${call.id}/accept`, { headers: d.headers });
    const reply = await api('POST', `/calls/${call.id}/messages`, { json: { message: 'Hi Maya, I can see the Corolla.' }, headers: d.headers });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ sender: 'dealer', senderName: 'Ada', message: 'Hi Maya, I can see the Corolla.' });
    expect((await api('POST', `/calls/${call.id}/messages`, { json: { message: '' }, headers: d.headers })).status).toBe(422);
    expect((await api('POST', `/calls/${call.id}/messages`, { json: { message: 'x'.repeat(2001) }, headers: d.headers })).status).toBe(422);
    expect((await api('POST', `/calls/${call.id}/messages`, { json: { message: 'hi' }, headers: other.customer })).status).toBe(404);
    expect((await api('POST', `/calls/${call.id}/messages`, { json: { message: 'hi' }, headers: t.orgHeaders })).status).toBe(403);
    const history = await api('GET', `/calls/${call.id}/messages?limit=1`, { headers: call.customer });
    expect(history.body).toMatchObject({ count: 2, results: [{ sender: 'customer', senderName: 'Maya', message: 'Is anyone there?' }], previous: null });
    expect(history.body.next).toContain('offset=1');
    expect((await api('GET', `/calls/${call.id}/messages`, { headers: other.customer })).status).toBe(404);
    await api('POST', `/calls/${call.id}/stop`, { headers: d.headers });
    expect((await api('POST', `/calls/${call.id}/messages`, { json: { message: 'one more thing' }, headers: call.customer })).status).toBe(409);
    expect(await db.callMessage.count({ where: { callId: call.id } })).toBe(2);
  });

  it('client log events are stored prefixed, with their actor; bad ones are 422', async () => {
    const t = await newTenant('calls-events');
    const call = await requestCall(t);
    const res = await api('POST', `/calls/${call.id}/events`, { json: { type: 'push.delivered', code: 200 }, headers: call.customer });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'client.push.delivered', code: '200', actor: { kind: 'customer' } });
    expect((await api('POST', `/calls/${call.id}/events`, { json: { type: 'socket.connected' }, headers: t.keyHeaders })).body.actor.kind).toBe('apiKey');
    expect((await api('POST', `/calls/${call.id}/events`, { json: { type: 'Accepted!' }, headers: call.customer })).status).toBe(422);
    expect((await api('POST', `/calls/${call.id}/events`, { json: { type: 'x', code: 'y'.repeat(65) }, headers: call.customer })).status).toBe(422);
    expect((await api('POST', `/calls/${call.id}/events`, { json: { type: 'x', actor: 'system' }, headers: call.customer })).status).toBe(422);
  });
});

describe('tenancy', () => {
  it('another organization’s call is 404 for every verb, for its users and its keys; nothing changes', async () => {
    const a = await newTenant('calls-tenant-a');
    const b = await newTenant('calls-tenant-b');
    const call = await requestCall(a);
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `/calls/${call.id}`],
      ['POST', `/calls/${call.id}/accept`],
      ['POST', `/calls/${call.id}/stop`],
      ['POST', `/calls/${call.id}/events`, { type: 'x' }],
      ['PUT', `/calls/${call.id}/note`, { note: 'pwned' }],
      ['GET', `/calls/${call.id}/messages`],
      ['POST', `/calls/${call.id}/messages`, { message: 'pwned' }],
    ];
    for (const headers of [b.orgHeaders, b.keyHeaders]) {
      for (const [method, path, json] of attempts) {
        const res = await api(method, path, { headers, json });
        // An API key is refused accept before any lookup (it is no dealer); everything else is simply not found.
        const expected = method === 'POST' && path.endsWith('/accept') && headers === b.keyHeaders ? 403 : 404;
        expect(res.status, `${method} ${path}`).toBe(expected);
      }
    }
    // B's organization token cannot read or chat in A's call either.
    expect((await api('GET', `/calls/${call.id}`, { headers: { 'x-call-token': await callTokenOf(b) } })).status).toBe(404);
    const row = await db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(row).toMatchObject({ status: 'requested', note: null, dealerId: null });
    expect(await db.callMessage.count({ where: { callId: call.id } })).toBe(0);
    const list = await api('GET', '/calls', { headers: b.keyHeaders });
    expect(list.body.count).toBe(0);
  });
});
