// The browser door for live calls: the public call room (customer) and the members' procedures reach the same
// domain rules as REST.
import { describe, expect, it } from 'vitest';
import { callTokenOf, newDealer, VINS } from '../test/call-factories';
import { newTenant, randomIp } from '../test/factories';
import { appRouter } from './root';

const caller = (userId: string | null, organizationId: string | null = null, ip = randomIp()) =>
  appRouter.createCaller({ userId, requestedOrganizationId: organizationId, requestId: '00000000-0000-4000-8000-000000000000', ip });

describe('tRPC live calls', () => {
  it('a customer asks through the call room, a dealer takes it, they chat, it ends, the customer leaves a lead', async () => {
    const t = await newTenant('trpc-calls');
    const d = await newDealer(t);
    const orgToken = await callTokenOf(t);
    const customer = caller(null);
    expect(await customer.callRoom.organization({ organizationToken: orgToken })).toEqual({ name: 'Org trpc-calls' });
    await expect(customer.callRoom.organization({ organizationToken: 'ct_nope' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await customer.callRoom.decodeVin({ vin: VINS.kona })).model).toBe('Kona');
    await expect(customer.callRoom.request({ organizationToken: orgToken, call: { vin: '1HGCM82633A005352' } })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    const call = await customer.callRoom.request({ organizationToken: orgToken, call: { vin: VINS.kona, customer: { firstName: 'Maya', lastName: '', phone: '' } } });
    const access = { callId: call.id, callToken: call.callToken };

    const dealer = caller(d.userId, t.organizationId);
    expect((await dealer.calls.list({ filters: { status: 'requested' } })).count).toBe(0);
    expect((await caller(t.owner.userId, t.organizationId).calls.list({ filters: { status: 'requested' } })).count).toBe(1);
    expect((await dealer.calls.accept({ id: call.id })).status).toBe('active');
    expect((await dealer.dealers.me()).activeCallId).toBe(call.id);
    await dealer.calls.sendMessage({ id: call.id, message: 'Hello Maya' });
    await customer.callRoom.sendMessage({ ...access, message: 'Hi!' });
    expect((await customer.callRoom.messages(access)).results.map((m) => m.message)).toEqual(['Hello Maya', 'Hi!']);
    await expect(dealer.calls.saveNote({ id: call.id, note: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await customer.callRoom.stop(access)).status).toBe('completed');
    expect((await dealer.calls.saveNote({ id: call.id, note: 'Follow up' })).note).toBe('Follow up');
    expect((await customer.callRoom.get(access)).note).toBeNull();
    const lead = await customer.callRoom.leaveLead({ callToken: call.callToken, lead: { firstName: 'Maya', lastName: 'Ortiz', email: 'maya@example.test' } });
    expect(lead.callId).toBe(call.id);
    expect((await caller(t.owner.userId, t.organizationId).leads.list({})).results.map((l) => l.id)).toEqual([lead.id]);
    await expect(dealer.leads.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await dealer.dealers.setPresence({ status: 'offline' })).accountStatus).toBe('offline');
  });
});

describe('WebRTC signalling through the app', () => {
  it('signals reach only the other party; only while the call runs; only its dealer and customer send them', async () => {
    const { db } = await import('../db');
    const { canSee } = await import('../realtime/event');
    const t = await newTenant('trpc-signals');
    const d = await newDealer(t);
    const other = await newDealer(t, 'member', 'bystander');
    const customer = caller(null);
    const call = await customer.callRoom.request({ organizationToken: await callTokenOf(t), call: { vin: VINS.accord } });
    const access = { callId: call.id, callToken: call.callToken };
    await expect(customer.callRoom.signal({ ...access, signal: { kind: 'ready' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await caller(d.userId, t.organizationId).calls.accept({ id: call.id });
    await customer.callRoom.signal({ ...access, signal: { kind: 'ready' } });
    await caller(d.userId, t.organizationId).calls.signal({ id: call.id, signal: { kind: 'offer', data: { type: 'offer', sdp: 'v=0…' } } });
    await expect(caller(other.userId, t.organizationId).calls.signal({ id: call.id, signal: { kind: 'offer' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(customer.callRoom.signal({ ...access, signal: { kind: 'shout' } })).rejects.toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    const rows = await db.realtimeEvent.findMany({ where: { subject: `call:${call.id}`, type: 'call.signal' }, orderBy: { id: 'asc' } });
    const events = rows.map((r) => ({ id: String(r.id), organizationId: r.organizationId, type: r.type, payload: r.payload, createdAt: r.createdAt.toISOString(), permission: r.permission, userId: r.userId, subject: r.subject }));
    expect(events.map((e) => (e.payload as { from: string; kind: string }).kind)).toEqual(['ready', 'offer']);
    const dealerViewer = { organizationId: t.organizationId, userId: d.userId, permissions: new Set<string>(['calls:answer', 'calls:read']) };
    const otherViewer = { organizationId: t.organizationId, userId: other.userId, permissions: new Set<string>(['calls:answer', 'calls:read', 'leads:read']) };
    const customerViewer = { organizationId: t.organizationId, userId: null, permissions: new Set<string>(['call:customer']), subject: `call:${call.id}` };
    expect(events.map((e) => [canSee(dealerViewer, e), canSee(otherViewer, e), canSee(customerViewer, e)])).toEqual([
      [true, false, false],
      [false, false, true],
    ]);
    expect((await customer.callRoom.iceServers()).iceServers).toEqual([]);
  });
});
