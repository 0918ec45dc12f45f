// Issue 15, defects 3 and 4: an event stream carries only what its viewer may read over REST (one read rule per
// subject), and follows the viewer's access while it is open — a removal, a revoked key or a changed password ends it,
// a role change re-scopes it — through an access change published over PostgreSQL (so on every instance).
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { openEventStream } from '../../test/event-stream';
import { newDealer, requestCall } from '../../test/call-factories';
import { addPerson, createProductWithModule, createTeam, recordSession } from '../../test/coaching';
import { newTenant, PASSWORD } from '../../test/factories';
import { changeMemberRole, removeMember } from '../organizations/manage-members';
import { resolveUserContext } from '../../auth/resolve-context';

/** A stream closed after each test. */
async function openStream(headers: Record<string, string>) {
  const stream = await openEventStream(headers);
  open.push(stream);
  return stream;
}
const open: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.stop()));
});

const settle = () => new Promise((r) => setTimeout(r, 700));
const ctxOf = (userId: string, organizationId: string) => resolveUserContext({ userId, requestedOrganizationId: organizationId, requestId: 'test' });

describe('one read rule per subject (defect 4)', () => {
  it("a dealer hears waiting calls and their own, never another dealer's call or chat; a key without call access hears none", async () => {
    const t = await newTenant('ev-calls');
    const alice = await newDealer(t, 'member', 'ev-alice');
    const bob = await newDealer(t, 'member', 'ev-bob');
    const narrowKey = await api('POST', '/api-keys', { headers: t.orgHeaders, json: { name: 'org only', scopes: ['organization:read'] } });
    const aliceStream = await openStream(alice.headers);
    const bobStream = await openStream(bob.headers);
    const ownerStream = await openStream(t.orgHeaders);
    const keyStream = await openStream({ 'x-api-key': narrowKey.body.key });

    const call = await requestCall(t);
    await aliceStream.until(() => aliceStream.types().includes('call.requested'));
    expect((await api('POST', `/calls/${call.id}/accept`, { headers: bob.headers })).status).toBe(200);
    // Alice saw it waiting: she learns it was taken, and nothing after.
    await aliceStream.until(() => aliceStream.types().includes('call.updated'));
    expect((await api('POST', `/calls/${call.id}/messages`, { headers: bob.headers, json: { message: 'Hello from Bob' } })).status).toBe(201);
    expect((await api('POST', `/calls/${call.id}/stop`, { headers: bob.headers })).status).toBe(200);
    await bobStream.until(() => bobStream.types().filter((t) => t === 'call.updated').length === 2 && bobStream.types().includes('message.created'));
    await ownerStream.until(() => ownerStream.types().includes('message.created') && ownerStream.types().filter((t) => t === 'call.updated').length === 2);
    await settle();
    expect(aliceStream.types()).toEqual(['call.requested', 'call.updated']);
    expect(aliceStream.frames[1]!.data.payload).toMatchObject({ status: 'active', previousStatus: 'requested' });
    // REST agrees: Alice may not read the call now.
    expect((await api('GET', `/calls/${call.id}`, { headers: alice.headers })).status).toBe(404);
    expect(keyStream.types().filter((t) => t.startsWith('call.') || t === 'message.created')).toEqual([]);
  });

  it('a waiting call the customer cancels leaves every dealer console that showed it', async () => {
    const t = await newTenant('ev-cancel');
    const alice = await newDealer(t, 'member', 'ev-cancel-alice');
    const aliceStream = await openStream(alice.headers);
    const call = await requestCall(t);
    await aliceStream.until(() => aliceStream.types().includes('call.requested'));
    expect((await api('POST', `/calls/${call.id}/cancel`, { headers: call.customer })).status).toBeLessThan(300);
    await aliceStream.until(() => aliceStream.types().includes('call.updated'));
    expect(aliceStream.frames.at(-1)!.data.payload).toMatchObject({ status: 'cancelled', previousStatus: 'requested' });
  });

  it("a contact import's progress reaches whoever reads contacts, not a key without contacts:read", async () => {
    const t = await newTenant('ev-import');
    const narrowKey = await api('POST', '/api-keys', { headers: t.orgHeaders, json: { name: 'no contacts', scopes: ['organization:read'] } });
    const ownerStream = await openStream(t.orgHeaders);
    const keyStream = await openStream({ 'x-api-key': narrowKey.body.key });
    const group = await api('POST', '/groups', { headers: t.orgHeaders, json: { name: 'Evented imports' } });
    const file = 'First Name,Phone\nAda,+12015550142\nGrace,+12015550145\n';
    expect((await api('POST', `/groups/${group.body.id}/csv`, { headers: t.orgHeaders, body: file, contentType: 'text/csv' })).status).toBe(200);
    await ownerStream.until(() => ownerStream.types().includes('import.progress'));
    await settle();
    expect(keyStream.types()).not.toContain('import.progress');
  });

  it("a rep's practice session reaches themselves, their team's manager and admins — not another rep", async () => {
    const t = await newTenant('ev-sessions');
    const lead = await addPerson(t, 'ev-lead', { role: 'member' });
    const team = await createTeam(t.orgHeaders, 'Evented', [lead.userId]);
    const rep = await addPerson(t, 'ev-rep', { teamId: team.id });
    const other = await addPerson(t, 'ev-other');
    const { moduleId } = await createProductWithModule(t.orgHeaders);
    const streams = { rep: await openStream(rep.headers), lead: await openStream(lead.headers), owner: await openStream(t.orgHeaders), other: await openStream(other.headers) };
    await recordSession(rep.headers, moduleId);
    for (const s of [streams.rep, streams.lead, streams.owner]) await s.until(() => s.types().includes('session.recorded'));
    await settle();
    expect(streams.other.types()).not.toContain('session.recorded');
    expect((await api('GET', `/users/${rep.userId}/sessions`, { headers: other.headers })).status).toBe(404);
  });
});

describe('streams follow access changes (defect 3)', () => {
  it('a removed member’s stream ends within seconds; a demoted manager’s stream stops carrying what the role no longer reads', async () => {
    const t = await newTenant('ev-remove');
    const removed = await addPerson(t, 'ev-removed', { role: 'member' });
    const demoted = await addPerson(t, 'ev-demoted', { role: 'manager' });
    const dealer = await newDealer(t, 'member', 'ev-dealer');
    const removedStream = await openStream(removed.headers);
    const demotedStream = await openStream(demoted.headers);
    const ownerCtx = await ctxOf(t.owner.userId, t.organizationId);

    const membership = await db.membership.findFirstOrThrow({ where: { userId: removed.userId, organizationId: t.organizationId } });
    const started = Date.now();
    await removeMember({ ctx: ownerCtx, input: { membershipId: membership.id } });
    await removedStream.until(() => removedStream.closed, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(removedStream.frames.at(-1)).toMatchObject({ event: 'ended' });

    // A manager reads every call (calls:read); as a member only waiting ones and their own.
    const first = await requestCall(t);
    await api('POST', `/calls/${first.id}/accept`, { headers: dealer.headers });
    await api('POST', `/calls/${first.id}/messages`, { headers: dealer.headers, json: { message: 'seen by a manager' } });
    await demotedStream.until(() => demotedStream.types().includes('message.created'));
    const demotedMembership = await db.membership.findFirstOrThrow({ where: { userId: demoted.userId, organizationId: t.organizationId } });
    await changeMemberRole({ ctx: ownerCtx, input: { membershipId: demotedMembership.id, role: 'member' } });
    await settle();
    const before = demotedStream.frames.length;
    await api('POST', `/calls/${first.id}/messages`, { headers: dealer.headers, json: { message: 'no longer theirs' } });
    await api('POST', `/calls/${first.id}/stop`, { headers: dealer.headers });
    await settle();
    await settle();
    expect(demotedStream.closed).toBe(false);
    expect(demotedStream.frames.slice(before).map((f) => f.event)).not.toContain('message.created');
    expect(demotedStream.frames.slice(before).map((f) => f.event)).not.toContain('call.updated');
  });

  it('a key’s stream follows its creator (issue 21): demoted, it stops carrying every call; removed, it ends', async () => {
    const t = await newTenant('ev-key-creator');
    const admin = await addPerson(t, 'ev-key-admin', { role: 'admin' });
    const dealer = await newDealer(t, 'member', 'ev-key-dealer');
    const key = await api('POST', '/api-keys', { headers: admin.headers, json: { name: 'admin’s feed', scopes: ['organization:read', 'calls:read'] } });
    expect(key.status).toBe(201);
    const keyStream = await openStream({ 'x-api-key': key.body.key });

    const call = await requestCall(t);
    await api('POST', `/calls/${call.id}/accept`, { headers: dealer.headers });
    await api('POST', `/calls/${call.id}/messages`, { headers: dealer.headers, json: { message: 'read by the admin’s key' } });
    await keyStream.until(() => keyStream.types().includes('message.created'));
    // The creator loses calls:read: so does the key, and its open stream is re-scoped at once.
    expect((await api('PUT', `/users/${admin.userId}/roles/member`, { headers: t.orgHeaders })).status).toBe(200);
    await settle();
    const before = keyStream.frames.length;
    await api('POST', `/calls/${call.id}/messages`, { headers: dealer.headers, json: { message: 'no longer for the key' } });
    await settle();
    await settle();
    expect(keyStream.frames.slice(before).map((f) => f.event)).not.toContain('message.created');
    expect(keyStream.closed).toBe(false);

    // The creator is removed: the key is revoked and its stream ends.
    expect((await api('DELETE', `/users/${admin.userId}`, { headers: t.orgHeaders })).status).toBe(204);
    await keyStream.until(() => keyStream.closed, 5_000);
    expect(keyStream.frames.at(-1)).toMatchObject({ event: 'ended' });
  });

  it('a custom role edited, a direct grant revoked (issue 21): the holder’s open stream is re-scoped at once', async () => {
    const t = await newTenant('ev-custom-role');
    const desk = await addPerson(t, 'ev-desk', { role: 'member' });
    const granted = await addPerson(t, 'ev-granted', { role: 'member' });
    const dealer = await newDealer(t, 'member', 'ev-role-dealer');
    const role = await api('POST', '/roles', { headers: t.orgHeaders, json: { name: 'Call desk', permissions: ['organization:read', 'calls:read'] } });
    expect((await api('PUT', `/users/${desk.userId}/roles/${role.body.id}`, { headers: t.orgHeaders })).status).toBe(200);
    expect((await api('PUT', `/users/${granted.userId}/permissions/calls:read`, { headers: t.orgHeaders })).status).toBe(200);
    const deskStream = await openStream(desk.headers);
    const grantedStream = await openStream(granted.headers);

    const call = await requestCall(t);
    await api('POST', `/calls/${call.id}/accept`, { headers: dealer.headers });
    await api('POST', `/calls/${call.id}/messages`, { headers: dealer.headers, json: { message: 'read by every call reader' } });
    await deskStream.until(() => deskStream.types().includes('message.created'));
    await grantedStream.until(() => grantedStream.types().includes('message.created'));

    expect((await api('PUT', `/roles/${role.body.id}`, { headers: t.orgHeaders, json: { name: 'Call desk', permissions: ['organization:read'] } })).status).toBe(200);
    expect((await api('DELETE', `/users/${granted.userId}/permissions/calls:read`, { headers: t.orgHeaders })).status).toBe(204);
    await settle();
    const [deskBefore, grantedBefore] = [deskStream.frames.length, grantedStream.frames.length];
    await api('POST', `/calls/${call.id}/messages`, { headers: dealer.headers, json: { message: 'no longer theirs' } });
    await settle();
    await settle();
    expect(deskStream.frames.slice(deskBefore).map((f) => f.event)).not.toContain('message.created');
    expect(grantedStream.frames.slice(grantedBefore).map((f) => f.event)).not.toContain('message.created');
    expect([deskStream.closed, grantedStream.closed]).toEqual([false, false]);
  });

  it('a revoked key’s stream and a stream opened before a password change end within seconds', async () => {
    const t = await newTenant('ev-revoke');
    const key = await api('POST', '/api-keys', { headers: t.orgHeaders, json: { name: 'revoked soon', scopes: ['organization:read', 'calls:read'] } });
    const keyStream = await openStream({ 'x-api-key': key.body.key });
    const person = await addPerson(t, 'ev-password', { role: 'member' });
    const personStream = await openStream(person.headers);
    const untouched = await openStream(t.orgHeaders);

    expect((await api('DELETE', `/api-keys/${key.body.id}`, { headers: t.orgHeaders })).status).toBe(204);
    await keyStream.until(() => keyStream.closed, 5_000);
    expect(keyStream.frames.at(-1)).toMatchObject({ event: 'ended' });

    expect((await api('POST', '/auth/change-password', { headers: person.headers, json: { password: PASSWORD, newPassword: 'another horse battery staple' } })).status).toBe(204);
    await personStream.until(() => personStream.closed, 5_000);
    expect(untouched.closed).toBe(false);
  });
});
