// The browser's customers and people pickers against the real database: a link sent to a new customer by name makes the
// customer and queues the email in one transaction, the same address again sends the still-valid link again, SMS
// without a provider is 409 with nothing made; the customers list shows who can get in and ending access shows at
// once; the people picker lists the organization's members and customers only (never another organization's, never
// other customers to a customer); lower roles are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Ctx } from '../../context';
import { db } from '../../db';
import { addPerson, type Person } from '../../test/coaching';
import { externalCtx, memberCtx, newExternalUser } from '../../test/chat';
import { newTenant, type Tenant } from '../../test/factories';
import { listChatPeople } from '../conversations/chat-people';
import { listCustomers, sendCustomerLink } from './customers';
import { endExternalUserAccess } from './register-external-user';

const page = { limit: 50, offset: 0 };
const mailsTo = (to: string) => db.emailMessage.count({ where: { to, template: 'access-link' } });

describe('customers (the browser’s external users)', () => {
  let t: Tenant, other: Tenant;
  let manager: Person, member: Person, stranger: Person;
  let managerCtx: Ctx, memberCtx_: Ctx;
  beforeAll(async () => {
    [t, other] = await Promise.all([newTenant('cust'), newTenant('cust-other')]);
    [manager, member] = await Promise.all([addPerson(t, 'cust-manager', { role: 'manager' }), addPerson(t, 'cust-member')]);
    stranger = await addPerson(other, 'cust-stranger');
    [managerCtx, memberCtx_] = await Promise.all([memberCtx(t, manager.userId), memberCtx(t, member.userId)]);
  });

  it('a link to a new customer by name: one customer per address, the valid link sent again, a spent one never', async () => {
    const email = `maria-${Date.now()}@example.test`;
    const first = await sendCustomerLink({ ctx: managerCtx, input: { name: 'Maria Lopez', email } });
    expect(first).toMatchObject({ name: 'Maria Lopez', newCustomer: true, previouslyCreated: false, maxUses: 5 });
    // Default expiry: 7 days.
    expect(Math.abs(new Date(first.expiresOn).getTime() - Date.now() - 7 * 86_400_000)).toBeLessThan(60_000);
    expect(await mailsTo(email)).toBe(1);
    // A customer made here has no app key nobody was shown.
    expect((await db.externalUser.findUniqueOrThrow({ where: { userId: first.virtualUser } })).keyHash).toBeNull();

    // The same address under another name is still Maria, and keeps her name.
    const again = await sendCustomerLink({ ctx: managerCtx, input: { name: 'M. Lopez (mobile)', email } });
    expect(again).toMatchObject({ virtualUser: first.virtualUser, url: first.url, name: 'Maria Lopez', newCustomer: false, previouslyCreated: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: first.virtualUser } })).firstName).toBe('Maria Lopez');
    expect(await mailsTo(email)).toBe(2);
    // By the known customer (the list's "Send a link"), with its own uses and expiry: still the valid link.
    const picked = await sendCustomerLink({ ctx: managerCtx, input: { virtualUser: first.virtualUser, email, maxUses: 2, expiresOn: '2099-01-31' } });
    expect(picked).toMatchObject({ url: first.url, previouslyCreated: true });

    // Its access ended: the list says so, and the next link is a new one.
    await endExternalUserAccess({ ctx: managerCtx, userId: first.virtualUser });
    const listed = (await listCustomers({ ctx: managerCtx, page })).results.find((c) => c.userId === first.virtualUser)!;
    expect(listed).toMatchObject({ name: 'Maria Lopez', canGetIn: false, hasAppKey: false, lastLink: { sentTo: email, usable: false } });
    const fresh = await sendCustomerLink({ ctx: managerCtx, input: { virtualUser: first.virtualUser, email, maxUses: 2, expiresOn: '2099-01-31' } });
    expect(fresh).toMatchObject({ previouslyCreated: false, maxUses: 2, expiresOn: '2099-02-01T00:00:00.000Z' });
    expect(fresh.url).not.toBe(first.url);
    expect((await listCustomers({ ctx: managerCtx, page, input: { search: 'maria' } })).results.map((c) => [c.userId, c.canGetIn])).toEqual([[first.virtualUser, true]]);
    expect((await listCustomers({ ctx: managerCtx, page, input: { search: 'nobody-like-this' } })).count).toBe(0);
  });

  it('bad input and SMS without a provider change nothing', async () => {
    const before = await db.externalUser.count({ where: { organizationId: t.organizationId } });
    const bad: unknown[] = [
      { email: 'a@example.test' },
      { name: 'X' },
      { name: 'X', email: 'not-an-email' },
      { name: 'X', email: 'a@example.test', phone: '+12025550147' },
      { name: 'X', email: 'a@example.test', maxUses: 0 },
      { name: 'X', email: 'a@example.test', expiresOn: '2001-01-01' },
      { name: 'X', email: 'a@example.test', virtualUser: '00000000-0000-4000-8000-000000000000' },
      { name: 'line\nbreak', email: 'a@example.test' },
      { name: 'X', email: 'a@example.test', token: 'mine' },
    ];
    for (const input of bad) await expect(sendCustomerLink({ ctx: managerCtx, input }), JSON.stringify(input)).rejects.toBeInstanceOf(ZodError);
    await expect(sendCustomerLink({ ctx: managerCtx, input: { name: 'Sam', phone: '+12025550147' } })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/No active SMS provider/) });
    // Another organization's customer is not found.
    const foreign = await newExternalUser(other);
    await expect(sendCustomerLink({ ctx: managerCtx, input: { virtualUser: foreign.userId, email: 'a@example.test' } })).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await db.externalUser.count({ where: { organizationId: t.organizationId } })).toBe(before);
    // A member (no externalUsers:manage) may neither list nor send.
    await expect(listCustomers({ ctx: memberCtx_, page })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(sendCustomerLink({ ctx: memberCtx_, input: { name: 'Sam', email: 'sam@example.test' } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('the people picker: the organization’s members and customers, found by name; a customer sees members only', async () => {
    const customer = await newExternalUser(t, 'Zed Customer');
    const all = await listChatPeople({ ctx: memberCtx_, input: { limit: 50 } });
    const ids = all.results.map((p) => p.userId);
    expect(ids).toEqual(expect.arrayContaining([manager.userId, t.owner.userId, customer.userId]));
    expect(ids).not.toContain(member.userId);
    expect(ids).not.toContain(stranger.userId);
    expect(all.results.find((p) => p.userId === customer.userId)).toMatchObject({ name: 'Zed Customer', external: true });
    // Members come first.
    expect(all.results.findIndex((p) => p.external)).toBeGreaterThan(all.results.findLastIndex((p) => !p.external));
    expect((await listChatPeople({ ctx: memberCtx_, input: { search: 'zed cust' } })).results.map((p) => p.userId)).toEqual([customer.userId]);
    const paged = await listChatPeople({ ctx: memberCtx_, input: { limit: 1 } });
    expect(paged).toMatchObject({ hasMore: true, results: [expect.anything()] });
    const asCustomer = await listChatPeople({ ctx: await externalCtx(customer.apiKey), input: {} });
    expect(asCustomer.results.every((p) => !p.external)).toBe(true);
    expect(asCustomer.results.map((p) => p.userId)).toContain(member.userId);
    await expect(listChatPeople({ ctx: memberCtx_, input: { search: 'x'.repeat(101) } })).rejects.toBeInstanceOf(ZodError);
  });
});
