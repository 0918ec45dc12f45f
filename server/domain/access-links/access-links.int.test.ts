// External users and access links against the real database: idempotent registration with key rotation, links that
// expire by date and by uses, a preview that spends nothing, and concurrent redeems that never exceed maxUses.
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { verifyExternalAccessToken } from '../../auth/access-token';
import { resolveRestContext } from '../../auth/resolve-context';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson, type Person } from '../../test/coaching';
import { externalCtx, keyCtx, memberCtx, newExternalUser } from '../../test/chat';
import { newTenant, type Tenant } from '../../test/factories';
import { registerExternalUser } from '../external-users/register-external-user';
import { createAccessLink, previewAccessLink, redeemAccessLink } from './manage-access-links';

const tokenOf = (url: string) => url.split('/access/')[1]!;
const device = (uniqueId: string) => ({ uniqueId, platform: 'ios', deviceName: 'Ada’s iPhone', hardwareId: 'hw-42', osVersion: '18.1' });

describe('external users', () => {
  let t: Tenant, other: Tenant;
  let member: Person;
  beforeAll(async () => {
    [t, other] = await Promise.all([newTenant('ext-reg'), newTenant('ext-reg-other')]);
    member = await addPerson(t, 'ext-member');
  });

  it('registers once per uniqueId: again answers the same user without a key; rotateKey ends the old key', async () => {
    const ctx = await keyCtx(t);
    const first = await registerExternalUser({ ctx, input: device('install-a') });
    expect(first).toMatchObject({ previouslyRegistered: false, apiKey: expect.stringMatching(/^pxu_/) });
    const again = await registerExternalUser({ ctx, input: { ...device('install-a'), osVersion: '18.2' } });
    expect(again).toEqual({ virtualUser: first.virtualUser, apiKey: null, previouslyRegistered: true });
    expect((await db.externalUser.findUniqueOrThrow({ where: { userId: first.virtualUser } })).osVersion).toBe('18.2');
    // The key acts as that external user only, in its organization.
    const acting = await externalCtx(first.apiKey!);
    expect(acting).toMatchObject({ organizationId: t.organizationId, actor: { kind: 'externalUser', id: first.virtualUser } });
    expect([...acting.permissions]).toEqual(['conversations:chat']);

    const rotated = await registerExternalUser({ ctx, input: { ...device('install-a'), rotateKey: true } });
    expect(rotated).toMatchObject({ virtualUser: first.virtualUser, previouslyRegistered: true, apiKey: expect.stringMatching(/^pxu_/) });
    await expect(externalCtx(first.apiKey!)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(externalCtx(rotated.apiKey!)).resolves.toMatchObject({ actor: { id: first.virtualUser } });
    // Only the digest is stored.
    const row = await db.externalUser.findUniqueOrThrow({ where: { userId: first.virtualUser } });
    expect(JSON.stringify(row)).not.toContain(rotated.apiKey!.slice(4));
  });

  it('concurrent registrations of one installation make one user', async () => {
    const ctx = await keyCtx(t);
    const results = await Promise.all(Array.from({ length: 5 }, () => registerExternalUser({ ctx, input: device('install-race') })));
    expect(new Set(results.map((r) => r.virtualUser)).size).toBe(1);
    expect(results.filter((r) => !r.previouslyRegistered)).toHaveLength(1);
  });

  it('deleting the organization deletes its external users’ user rows too', async () => {
    const doomed = await newTenant('ext-doomed');
    const ext = await newExternalUser(doomed);
    const res = await api('DELETE', `/organizations/${doomed.organizationId}`, { headers: doomed.owner.bearer });
    expect(res.status).toBe(204);
    expect(await db.user.findUnique({ where: { id: ext.userId } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: doomed.owner.userId } })).not.toBeNull();
  });

  it('another organization registering the same uniqueId gets its own user', async () => {
    const mine = await registerExternalUser({ ctx: await keyCtx(t), input: device('install-shared') });
    const theirs = await registerExternalUser({ ctx: await keyCtx(other), input: device('install-shared') });
    expect(theirs.previouslyRegistered).toBe(false);
    expect(theirs.virtualUser).not.toBe(mine.virtualUser);
  });

  it('refuses bad input and lower roles; an external user is no member and cannot sign in', async () => {
    const ctx = await keyCtx(t);
    for (const input of [{}, { ...device('x'), uniqueId: '' }, { ...device('x'), platform: 'a\nb' }, { ...device('x'), admin: true }, { ...device('x'), rotateKey: 'yes' }]) {
      await expect(registerExternalUser({ ctx, input }), JSON.stringify(input)).rejects.toBeInstanceOf(ZodError);
    }
    await expect(registerExternalUser({ ctx: await memberCtx(t, member.userId), input: device('by-member') })).rejects.toMatchObject({ code: 'forbidden' });
    const ext = await newExternalUser(t);
    await expect(registerExternalUser({ ctx: ext.ctx, input: device('by-external') })).rejects.toMatchObject({ code: 'forbidden' });
    const user = await db.user.findUniqueOrThrow({ where: { id: ext.userId }, include: { memberships: true } });
    expect(user).toMatchObject({ passwordHash: null, email: `${ext.userId}@external-user.invalid`, memberships: [] });
  });
});

describe('access links', () => {
  let t: Tenant, other: Tenant;
  let member: Person, manager: Person;
  beforeAll(async () => {
    [t, other] = await Promise.all([newTenant('link'), newTenant('link-other')]);
    [member, manager] = await Promise.all([addPerson(t, 'link-member'), addPerson(t, 'link-manager', { role: 'manager' })]);
  });

  it('makes a link with the defaults (5 uses, 7 days), emails it through the mail service, hands the same one back while valid', async () => {
    const ext = await newExternalUser(t);
    const ctx = await memberCtx(t, manager.userId);
    const email = `customer-${Date.now()}@example.test`;
    const made = await createAccessLink({ ctx, input: { virtualUser: ext.userId, email } });
    expect(made).toMatchObject({ virtualUser: ext.userId, maxUses: 5, previouslyCreated: false, url: expect.stringMatching(/\/access\/pal_[\w-]+$/) });
    const days = (Date.parse(made.expiresOn) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const mail = await db.emailMessage.findFirstOrThrow({ where: { to: email } });
    expect(mail).toMatchObject({ template: 'access-link', organizationId: t.organizationId });
    expect(mail.text).toContain(made.url);
    // The secret is stored as a digest and sealed, never in the clear.
    const row = await db.accessLink.findFirstOrThrow({ where: { externalUserId: ext.userId } });
    expect(JSON.stringify(row)).not.toContain(tokenOf(made.url));

    const again = await createAccessLink({ ctx, input: { virtualUser: ext.userId, email } });
    expect(again).toEqual({ ...made, previouslyCreated: true });
    expect(await db.emailMessage.count({ where: { to: email } })).toBe(2);
    expect(await db.accessLink.count({ where: { externalUserId: ext.userId } })).toBe(1);
  });

  it('takes an expiry date (valid through that day) or a timestamp, never in the past; maxUses ≥ 1; refuses a chosen token', async () => {
    const ext = await newExternalUser(t);
    const ctx = await keyCtx(t);
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const byDay = await createAccessLink({ ctx, input: { virtualUser: ext.userId, email: 'a@example.test', expiresOn: day, maxUses: 1, botId: 'bot-a' } });
    expect(byDay.expiresOn).toBe(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString());
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const byInstant = await createAccessLink({ ctx, input: { virtualUser: ext.userId, email: 'a@example.test', expiresOn: at, botId: 'bot-b' } });
    expect(byInstant.expiresOn).toBe(at);

    const before = await db.accessLink.count({ where: { organizationId: t.organizationId } });
    const bad: unknown[] = [
      { virtualUser: ext.userId },
      { virtualUser: ext.userId, email: 'not-an-email' },
      { virtualUser: ext.userId, email: 'a@example.test', expiresOn: '2020-01-01' },
      { virtualUser: ext.userId, email: 'a@example.test', expiresOn: new Date(Date.now() - 60_000).toISOString() },
      { virtualUser: ext.userId, email: 'a@example.test', expiresOn: '2030-02-30' },
      { virtualUser: ext.userId, email: 'a@example.test', maxUses: 0 },
      { virtualUser: ext.userId, email: 'a@example.test', maxUses: 1.5 },
      { virtualUser: ext.userId, email: 'a@example.test', token: 'pal_mine' },
      { virtualUser: 'nope', email: 'a@example.test' },
    ];
    for (const input of bad) await expect(createAccessLink({ ctx, input }), JSON.stringify(input)).rejects.toBeInstanceOf(ZodError);
    expect(await db.accessLink.count({ where: { organizationId: t.organizationId } })).toBe(before);
  });

  it('another organization’s or an unknown external user is refused; a member or an external user may not make links', async () => {
    const mine = await newExternalUser(t);
    const theirs = await newExternalUser(other);
    const ctx = await keyCtx(t);
    await expect(createAccessLink({ ctx, input: { virtualUser: theirs.userId, email: 'a@example.test' } })).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'virtualUser' }] });
    await expect(createAccessLink({ ctx, input: { virtualUser: member.userId, email: 'a@example.test' } })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(createAccessLink({ ctx: await memberCtx(t, member.userId), input: { virtualUser: mine.userId, email: 'a@example.test' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createAccessLink({ ctx: mine.ctx, input: { virtualUser: mine.userId, email: 'a@example.test' } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('by SMS without an active SMS gateway: 409 and nothing made', async () => {
    const ext = await newExternalUser(t);
    await expect(createAccessLink({ ctx: await keyCtx(t), input: { virtualUser: ext.userId, phone: '+1 512 555 0142' } })).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.accessLink.count({ where: { externalUserId: ext.userId } })).toBe(0);
  });

  it('previewing spends nothing; redeeming spends a use and signs in as the external user; used up: 410 and a new link next time', async () => {
    const ext = await newExternalUser(t, 'Grace’s browser');
    const ctx = await keyCtx(t);
    const made = await createAccessLink({ ctx, input: { virtualUser: ext.userId, email: 'g@example.test', maxUses: 2 } });
    const token = tokenOf(made.url);
    for (let i = 0; i < 5; i++) await previewAccessLink({ token });
    expect(await previewAccessLink({ token })).toMatchObject({ name: 'Grace’s browser', usesLeft: 2, virtualUser: ext.userId, organizationName: 'Org link' });

    const redeemed = await redeemAccessLink({ token });
    expect(redeemed.virtualUser).toBe(ext.userId);
    expect(await verifyExternalAccessToken(redeemed.access)).toMatchObject({ userId: ext.userId, linkId: expect.any(String) });
    const acting = await resolveRestContext(new Request('http://x/', { headers: { authorization: `Bearer ${redeemed.access}` } }), 'test', null);
    expect(acting).toMatchObject({ organizationId: t.organizationId, actor: { kind: 'externalUser', id: ext.userId } });
    expect([...acting!.permissions]).toEqual(['conversations:chat']);
    expect(Date.parse(redeemed.expiresAt)).toBeLessThanOrEqual(Date.now() + 86_400_000);

    await redeemAccessLink({ token });
    await expect(redeemAccessLink({ token })).rejects.toMatchObject({ code: 'gone' });
    await expect(previewAccessLink({ token })).rejects.toMatchObject({ code: 'gone' });
    // A spent link is never handed out again.
    const fresh = await createAccessLink({ ctx, input: { virtualUser: ext.userId, email: 'g@example.test', maxUses: 2 } });
    expect(fresh.previouslyCreated).toBe(false);
    expect(fresh.url).not.toBe(made.url);
  });

  it('expires by date: 410; an unknown or malformed token: 404', async () => {
    const ext = await newExternalUser(t);
    const made = await createAccessLink({ ctx: await keyCtx(t), input: { virtualUser: ext.userId, email: 'e@example.test' } });
    await db.accessLink.updateMany({ where: { externalUserId: ext.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(redeemAccessLink({ token: tokenOf(made.url) })).rejects.toMatchObject({ code: 'gone' });
    await expect(previewAccessLink({ token: tokenOf(made.url) })).rejects.toMatchObject({ code: 'gone' });
    expect(await db.accessLink.findFirstOrThrow({ where: { externalUserId: ext.userId }, select: { uses: true } })).toEqual({ uses: 0 });
    const again = await createAccessLink({ ctx: await keyCtx(t), input: { virtualUser: ext.userId, email: 'e@example.test' } });
    expect(again.previouslyCreated).toBe(false);
    await expect(redeemAccessLink({ token: 'pal_unknown' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(previewAccessLink({ token: '' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('concurrent redeems never exceed maxUses: one-use link, two at once → one; two-use link, six at once → two', async () => {
    const ctx = await keyCtx(t);
    for (const [maxUses, callers] of [[1, 2], [2, 6]] as const) {
      const ext = await newExternalUser(t);
      const made = await createAccessLink({ ctx, input: { virtualUser: ext.userId, email: 'race@example.test', maxUses } });
      const token = tokenOf(made.url);
      const outcomes = await Promise.allSettled(Array.from({ length: callers }, () => redeemAccessLink({ token })));
      expect(outcomes.filter((o) => o.status === 'fulfilled'), `${maxUses} of ${callers}`).toHaveLength(maxUses);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'gone' });
      expect((await db.accessLink.findFirstOrThrow({ where: { externalUserId: ext.userId } })).uses).toBe(maxUses);
    }
  });
});
