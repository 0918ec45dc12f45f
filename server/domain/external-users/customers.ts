// The organization's external users as the browser shows them ("Customers"): listed with their latest link and whether
// they can get in now, and a link sent from a form that names a new customer or picks a known one.
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { createAccessLinkInput } from '../access-links/access-link.schema';
import { createAccessLinkIn } from '../access-links/manage-access-links';
import type { Page } from '../shared/list';
import { listCustomersInput, sendCustomerLinkInput, type CustomerDto, type SentCustomerLinkDto } from './customer.schema';
import { registerIn } from './register-external-user';

export { listCustomersInput, sendCustomerLinkInput };

export async function sendCustomerLink(opts: { ctx: Ctx; input: unknown; now?: Date }): Promise<SentCustomerLinkDto> {
  const ctx = requirePermission(opts.ctx, 'externalUsers:manage');
  const input = sendCustomerLinkInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const { name, virtualUser, ...link } = input;
  // One transaction: when the link cannot go out (say, SMS without a provider: 409), no customer is made either.
  return db.$transaction(async (tx) => {
    let userId = virtualUser;
    let newCustomer = false;
    if (!userId) {
      const uniqueId = `link:${link.email ?? link.phone!}`;
      // An address already sent a link is that customer, under the name it has (a typed name does not rename it).
      const known = await tx.externalUser.findUnique({ where: { organizationId_uniqueId: { organizationId: ctx.organizationId, uniqueId } }, select: { userId: true } });
      if (known) userId = known.userId;
      else {
        const registered = await registerIn(tx, ctx, { uniqueId, platform: 'web', deviceName: name!, hardwareId: 'browser', osVersion: 'n/a' });
        userId = registered.virtualUser;
        newCustomer = !registered.previouslyRegistered;
        // A customer made here gets in by links only: the app key registering issues is shown to nobody, so none is kept.
        if (newCustomer) await tx.externalUser.update({ where: { userId }, data: { keyHash: null, keyPrefix: null, keyIssuedAt: null } });
      }
    }
    const sent = await createAccessLinkIn(tx, ctx, createAccessLinkInput.parse({ ...link, virtualUser: userId }), now);
    const customer = await tx.externalUser.findUniqueOrThrow({ where: { userId }, select: { deviceName: true } });
    return { ...sent, name: customer.deviceName, newCustomer };
  });
}

/** The organization's external users, the newest first, with their latest link. */
export async function listCustomers(opts: { ctx: Ctx; page: Page; input?: unknown; now?: Date }): Promise<{ count: number; results: CustomerDto[] }> {
  const ctx = requirePermission(opts.ctx, 'externalUsers:manage');
  const { search } = listCustomersInput.parse(opts.input ?? {});
  const now = opts.now ?? new Date();
  const words = (search ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const where = {
    organizationId: ctx.organizationId,
    AND: words.map((w) => ({ OR: [{ deviceName: { contains: w, mode: 'insensitive' as const } }, { accessLinks: { some: { OR: [{ email: { contains: w, mode: 'insensitive' as const } }, { phone: { contains: w } }] } } }] })),
  };
  const [count, rows] = await Promise.all([
    db.externalUser.count({ where }),
    db.externalUser.findMany({
      where,
      select: {
        userId: true,
        deviceName: true,
        platform: true,
        createdAt: true,
        keyHash: true,
        accessLinks: { select: { email: true, phone: true, uses: true, maxUses: true, expiresAt: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take: 1 },
      },
      orderBy: [{ createdAt: 'desc' }, { userId: 'desc' }],
      take: opts.page.limit,
      skip: opts.page.offset,
    }),
  ]);
  const usable = await db.accessLink.groupBy({
    by: ['externalUserId'],
    where: { organizationId: ctx.organizationId, externalUserId: { in: rows.map((r) => r.userId) }, expiresAt: { gt: now }, uses: { lt: db.accessLink.fields.maxUses } },
  });
  const withLink = new Set(usable.map((u) => u.externalUserId));
  return {
    count,
    results: rows.map((r) => {
      const l = r.accessLinks[0];
      return {
        userId: r.userId,
        name: r.deviceName,
        platform: r.platform,
        createdAt: r.createdAt.toISOString(),
        hasAppKey: r.keyHash !== null,
        canGetIn: r.keyHash !== null || withLink.has(r.userId),
        lastLink: l ? { sentTo: l.email ?? l.phone, uses: l.uses, maxUses: l.maxUses, expiresAt: l.expiresAt.toISOString(), createdAt: l.createdAt.toISOString(), usable: l.uses < l.maxUses && l.expiresAt > now } : null,
      };
    }),
  };
}
