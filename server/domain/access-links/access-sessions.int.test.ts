// A redeemed link's session ends when access ends (checked on every request, not left to the token's expiry), the
// browser's guest session (cookie) reaches the chat procedures and nothing else, a removed member leaves the
// organization's conversations, and /me and the audit log have an external user's shape.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson, type Person } from '../../test/coaching';
import { keyCtx, memberCtx, newExternalUser } from '../../test/chat';
import { newTenant, type Tenant } from '../../test/factories';
import { appRouter } from '../../trpc/root';
import { auditActor, recordAuditEvent } from '../audit/record-audit-event';
import { listAuditEvents } from '../audit/list-audit-events';
import { createConversation, getConversation } from '../conversations/manage-conversations';
import { endExternalUserAccess, registerExternalUser } from '../external-users/register-external-user';
import { createAccessLink, redeemAccessLink } from './manage-access-links';
import { resolveGuestContext } from '../../auth/guest-session';

const tokenOf = (url: string) => url.split('/access/')[1]!;
const bearer = (access: string) => ({ authorization: `Bearer ${access}` });
const guestCaller = (guestToken: string) => appRouter.createCaller({ userId: null, requestedOrganizationId: null, requestId: '00000000-0000-4000-8000-000000000000', ip: null, guestToken });

let t: Tenant;
let rep: Person;
beforeAll(async () => {
  t = await newTenant('access-sessions');
  rep = await addPerson(t, 'sessions-rep');
});

async function redeemedFor(userId: string) {
  const link = await createAccessLink({ ctx: await keyCtx(t), input: { virtualUser: userId, email: 'c@example.test', maxUses: 3 } });
  return redeemAccessLink({ token: tokenOf(link.url) });
}

describe('a redeemed link’s session', () => {
  it('ends at once when a manager ends the external user’s access (key, sessions, unspent links)', async () => {
    const ext = await newExternalUser(t, 'Ending phone');
    const redeemed = await redeemedFor(ext.userId);
    expect((await api('GET', '/conversations', { headers: bearer(redeemed.access) })).status).toBe(200);
    await endExternalUserAccess({ ctx: await memberCtx(t, t.owner.userId), userId: ext.userId });
    const after = await api('GET', '/conversations', { headers: bearer(redeemed.access) });
    expect(after.status).toBe(401);
    expect((await api('GET', '/conversations', { headers: { 'x-api-key': ext.apiKey } })).status).toBe(401);
    // Its links are spent too: a redeem now is 410, never a new session.
    const link = await db.accessLink.findFirstOrThrow({ where: { externalUserId: ext.userId } });
    expect(link.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    // Another organization's manager, or a member without externalUsers:manage, cannot end it (404 / 403).
    const other = await newTenant('access-sessions-other');
    await expect(endExternalUserAccess({ ctx: await memberCtx(other, other.owner.userId), userId: ext.userId })).rejects.toMatchObject({ code: 'not_found' });
    await expect(endExternalUserAccess({ ctx: await memberCtx(t, rep.userId), userId: ext.userId })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('ends when the key is rotated, and when its link is gone', async () => {
    const ext = await newExternalUser(t, 'Rotating phone');
    const first = await redeemedFor(ext.userId);
    expect((await api('GET', '/conversations', { headers: bearer(first.access) })).status).toBe(200);
    const uniqueId = (await db.externalUser.findUniqueOrThrow({ where: { userId: ext.userId } })).uniqueId;
    await registerExternalUser({ ctx: await keyCtx(t), input: { uniqueId, platform: 'android', deviceName: 'Rotating phone', hardwareId: 'hw-1', osVersion: '15', rotateKey: true } });
    expect((await api('GET', '/conversations', { headers: bearer(first.access) })).status).toBe(401);

    const second = await redeemedFor(ext.userId);
    expect((await api('GET', '/conversations', { headers: bearer(second.access) })).status).toBe(200);
    await db.accessLink.deleteMany({ where: { externalUserId: ext.userId } });
    expect((await api('GET', '/conversations', { headers: bearer(second.access) })).status).toBe(401);
  });
});

describe('the browser’s guest session', () => {
  it('reaches its own conversations and their messages through tRPC, nothing else; an ended one is refused', async () => {
    const ext = await newExternalUser(t, 'Guest browser');
    const chat = await createConversation({ ctx: await memberCtx(t, rep.userId), input: { type: 'chat', participants: [{ userId: ext.userId }] } });
    const redeemed = await redeemedFor(ext.userId);
    const guest = guestCaller(redeemed.access);
    expect(await guest.conversations.me()).toMatchObject({ userId: ext.userId, external: true });
    expect((await guest.conversations.list({ limit: 10, offset: 0 })).results.map((c) => c.id)).toEqual([chat.id]);
    await guest.conversations.send({ id: chat.id, message: 'Hello from the link' });
    expect((await guest.conversations.messages({ id: chat.id })).results[0]).toMatchObject({ message: 'Hello from the link', senderId: ext.userId });
    // Member procedures see nobody signed in; another conversation is 404; creating or managing is refused.
    await expect(guest.organization.get({ id: t.organizationId } as never)).rejects.toMatchObject({ code: expect.stringMatching(/UNAUTHORIZED|BAD_REQUEST/) });
    await expect(guest.contacts.list({} as never)).rejects.toMatchObject({ code: expect.stringMatching(/UNAUTHORIZED|BAD_REQUEST/) });
    await expect(guest.conversations.create({ type: 'chat', participants: [{ userId: rep.userId }] })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const elsewhere = await createConversation({ ctx: await memberCtx(t, rep.userId), input: { type: 'chat', participants: [{ userId: t.owner.userId }] } });
    await expect(guest.conversations.messages({ id: elsewhere.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A forged or missing cookie, and a session whose access ended, are 401.
    await expect(guestCaller('').conversations.list({ limit: 10, offset: 0 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(guestCaller(`${redeemed.access}x`).conversations.list({ limit: 10, offset: 0 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await endExternalUserAccess({ ctx: await memberCtx(t, t.owner.userId), userId: ext.userId });
    await expect(guest.conversations.list({ limit: 10, offset: 0 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(resolveGuestContext(redeemed.access, 'test', null)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('a member removed from the organization', () => {
  it('is no longer listed among a conversation’s participants and reads nothing more, also after joining again', async () => {
    const leaver = await addPerson(t, 'leaver');
    const ext = await newExternalUser(t, 'Left behind');
    const group = await createConversation({ ctx: await memberCtx(t, leaver.userId), input: { type: 'group', name: 'Deal room', participants: [{ userId: rep.userId }, { userId: ext.userId }] } });
    const chat = await createConversation({ ctx: await memberCtx(t, leaver.userId), input: { type: 'chat', participants: [{ userId: rep.userId }] } });
    await api('POST', `/conversations/${group.id}/messages`, { headers: leaver.headers, json: { message: 'Before I go' } });
    expect((await api('DELETE', `/users/${leaver.userId}`, { headers: t.keyHeaders })).status).toBe(204);

    const repCtx = await memberCtx(t, rep.userId);
    const seen = await getConversation({ ctx: repCtx, id: group.id });
    expect(seen.participants.map((p) => p.userId)).not.toContain(leaver.userId);
    // The group keeps an admin (the leaver was its only one).
    expect(seen.participants.filter((p) => p.isAdmin)).toHaveLength(1);
    expect((await getConversation({ ctx: repCtx, id: chat.id })).participants.map((p) => p.userId)).toEqual([rep.userId]);
    const listed = (await api('GET', '/conversations', { headers: rep.headers })).body.results;
    for (const c of listed) expect(c.participants.map((p: { userId: string }) => p.userId)).not.toContain(leaver.userId);
    // What they wrote stays.
    expect((await api('GET', `/conversations/${group.id}/messages`, { headers: rep.headers })).body.results.map((m: { message: string }) => m.message)).toContain('Before I go');
    // Back in the organization later: the old conversations are 404 to them.
    await db.membership.create({ data: { userId: leaver.userId, organizationId: t.organizationId, role: 'member' } });
    const leaverCtx = await memberCtx(t, leaver.userId);
    for (const id of [group.id, chat.id]) {
      await expect(getConversation({ ctx: leaverCtx, id })).rejects.toMatchObject({ code: 'not_found' });
      expect((await api('GET', `/conversations/${id}/messages`, { headers: leaver.headers })).status).toBe(404);
    }
    expect((await api('GET', '/conversations', { headers: leaver.headers })).body.results).toEqual([]);
  });
});

describe('an external user’s shape elsewhere', () => {
  it('GET /me answers the external user itself (no organizations, no address), by key and by redeemed link', async () => {
    const ext = await newExternalUser(t, 'Who am I');
    const redeemed = await redeemedFor(ext.userId);
    for (const headers of [{ 'x-api-key': ext.apiKey }, bearer(redeemed.access)]) {
      const me = await api('GET', '/me', { headers });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: ext.userId, email: '', firstName: 'Who am I', organizations: [], teams: [], isManager: false, activeOrganization: { id: t.organizationId }, actor: { kind: 'externalUser', id: ext.userId } });
      expect(me.text).not.toContain('.invalid');
    }
  });

  it('the audit log names an external user as one, without its placeholder address', async () => {
    const ext = await newExternalUser(t, 'Audited phone');
    await recordAuditEvent({ type: 'user.updated', organizationId: t.organizationId, ...auditActor(ext.ctx), detail: { by: 'external' } });
    const log = await listAuditEvents({ ctx: await memberCtx(t, t.owner.userId), page: { limit: 5, offset: 0 }, types: ['user.updated'] });
    expect(log.results[0]!.actor).toEqual({ kind: 'externalUser', id: ext.userId, name: 'Audited phone', email: null });
  });
});
