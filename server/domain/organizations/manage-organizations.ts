// The caller's organizations: list, create (creator becomes owner), read, update, delete and make active.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { db, sqlRows, type Tx } from '../../db';
import { notFound, validationFailed } from '../../errors';
import { Prisma } from '../../generated/prisma/client';
import { permissionsOfMember, ROLE_PERMISSIONS } from '../../auth/permissions';
import { memberAccessSelect } from '../access/member-access';
import { requireUser, type Ctx } from '../../context';
import type { Ordering, Page } from '../shared/list';
import { heardHere, publishAccessChange } from '../../realtime/access-changes';
import { publishEvent } from '../../realtime/publish-event';
import { recordAuditEvent } from '../audit/record-audit-event';
import { organizationAccess } from './organization-access';
import { clearLogo } from './organization-logo';
import { toOrganizationDto, type OrgRow } from './organization.dto';
import { createOrganizationInput, updateOrganizationInput, type OrganizationDto } from './organization.schema';

const newCallToken = () => `ct_${randomBytes(18).toString('base64url')}`;
// The base currency is always accepted, so it is kept in the list rather than left to every reader to add.
const withBase = (base: string, list: string[]) => (list.includes(base) ? list : [base, ...list]);

export const ORGANIZATION_ORDERING = ['name', 'createdAt'] as const;

export async function listOrganizations(opts: { ctx: Ctx; page: Page; ordering: Ordering<(typeof ORGANIZATION_ORDERING)[number]> }) {
  const { ctx, page, ordering } = opts;
  if (ctx.actor.kind === 'apiKey') {
    // The hottest read of the API (integrations start here): one statement on the pool, without Prisma's pipeline.
    const [org] = await sqlRows<OrgRow>(Prisma.sql`
      SELECT id, name, location, image, "imageId", "baseCurrency", currencies, "callToken", "loanLinkUrl", "followUpCampaignId", "defaultCountry", "createdAt", "updatedAt"
      FROM "Organization" WHERE id = ${ctx.organizationId!}::uuid`);
    const results = org && page.offset === 0 ? [toOrganizationDto(org, null, ctx.permissions)] : [];
    return { count: org ? 1 : 0, results };
  }
  const userId = requireUser(ctx);
  const where = { memberships: { some: { userId } } };
  const [count, rows] = await Promise.all([
    db.organization.count({ where }),
    db.organization.findMany({
      where,
      orderBy: [{ [ordering.field]: ordering.direction }, { id: 'asc' }],
      skip: page.offset,
      take: page.limit,
      include: { memberships: { where: { userId }, select: memberAccessSelect } },
    }),
  ]);
  return {
    count,
    results: rows.map(({ memberships, ...o }) => {
      const m = memberships[0]!;
      return toOrganizationDto(o, m.role, permissionsOfMember(m), m.customRole);
    }),
  };
}

export async function createOrganization(opts: { ctx: Ctx; input: z.input<typeof createOrganizationInput> }): Promise<OrganizationDto> {
  const userId = requireUser(opts.ctx);
  const input = createOrganizationInput.parse(opts.input);
  const org = await db.$transaction(async (tx) => {
    const created = await tx.organization.create({
      data: {
        name: input.name,
        location: input.location ?? null,
        image: input.image ?? null,
        baseCurrency: input.baseCurrency,
        currencies: withBase(input.baseCurrency, input.currencies),
        loanLinkUrl: input.loanLinkUrl ?? null,
        ...(input.defaultCountry && { defaultCountry: input.defaultCountry }),
        callToken: newCallToken(),
        memberships: { create: { userId, role: 'owner' } },
      },
    });
    // A first organization becomes the active one, so the new owner lands in it.
    await tx.user.updateMany({ where: { id: userId, activeOrganizationId: null }, data: { activeOrganizationId: created.id } });
    await recordAuditEvent({ type: 'organization.created', organizationId: created.id, actorUserId: userId, ip: opts.ctx.ip }, tx);
    return created;
  });
  return toOrganizationDto(org, 'owner', new Set(ROLE_PERMISSIONS.owner));
}

export async function getOrganization(opts: { ctx: Ctx; id: string }): Promise<OrganizationDto> {
  const access = await organizationAccess(opts.ctx, opts.id, 'organization:read');
  const org = await db.organization.findFirstOrThrow({ where: { id: access.organizationId } });
  return toOrganizationDto(org, access.role, access.permissions, access.customRole);
}

export async function updateOrganization(opts: { ctx: Ctx; id: string; input: z.input<typeof updateOrganizationInput>; replace?: boolean }) {
  const access = await organizationAccess(opts.ctx, opts.id, 'organization:update');
  const input = (opts.replace ? createOrganizationInput : updateOrganizationInput).parse(opts.input);
  const current = await db.organization.findFirstOrThrow({ where: { id: access.organizationId } });
  const baseCurrency = input.baseCurrency ?? current.baseCurrency;
  const currencies = input.currencies ?? current.currencies;
  const org = await db.$transaction(async (tx) => {
    const followUp = 'followUpCampaignId' in input ? input.followUpCampaignId : undefined;
    if (followUp) await assertFollowUpCampaign(tx, access.organizationId, followUp);
    // A logo given as a web address (or none) replaces an uploaded one, whose file goes with it.
    const logoChanges = input.image !== undefined || opts.replace;
    if (logoChanges) await clearLogo(tx, access.organizationId);
    const updated = await tx.organization.update({
      where: { id: access.organizationId },
      data: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.location !== undefined || opts.replace ? { location: input.location ?? null } : {}),
        ...(logoChanges ? { image: input.image ?? null } : {}),
        ...(input.loanLinkUrl !== undefined || opts.replace ? { loanLinkUrl: input.loanLinkUrl ?? null } : {}),
        ...(followUp !== undefined && { followUpCampaignId: followUp }),
        // PUT without one goes back to the default (US), as an absent optional field does.
        ...(input.defaultCountry !== undefined || opts.replace ? { defaultCountry: input.defaultCountry ?? 'US' } : {}),
        baseCurrency,
        currencies: withBase(baseCurrency, currencies),
      },
    });
    // Every open tab of the organization shows the new name and settings without a reload.
    await publishEvent(tx, { organizationId: updated.id, type: 'organization.updated', payload: { id: updated.id, name: updated.name }, audience: { permission: 'organization:read' } });
    return updated;
  });
  return toOrganizationDto(org, access.role, access.permissions, access.customRole);
}

/**
 * The follow-up campaign must be a continuous campaign of this organization: another organization's (or a missing one)
 * is 404, as everywhere; one that is not continuous is 422 (it would complete and stop following up).
 */
async function assertFollowUpCampaign(tx: Tx, organizationId: string, campaignId: string): Promise<void> {
  const c = await tx.campaign.findFirst({ where: { id: campaignId, organizationId }, select: { continuous: true, status: true } });
  if (!c) throw notFound('Campaign');
  if (!c.continuous) throw validationFailed('followUpCampaignId', 'must name a continuous campaign (one that keeps delivering to contacts added to its group)');
  if (c.status === 'completed' || c.status === 'cancelled') throw validationFailed('followUpCampaignId', `must name a campaign that can still send (this one is ${c.status})`);
}

export async function deleteOrganization(opts: { ctx: Ctx; id: string }) {
  const access = await organizationAccess(opts.ctx, opts.id, 'organization:delete');
  await db.$transaction(async (tx) => {
    await tx.user.updateMany({ where: { activeOrganizationId: access.organizationId }, data: { activeOrganizationId: null } });
    // The uploaded logo is the one file not deleted by the organization's own cascade.
    await clearLogo(tx, access.organizationId);
    // Its external users' user rows belong to it alone (their ExternalUser rows go with the cascade; these would not).
    await tx.user.deleteMany({ where: { externalUser: { organizationId: access.organizationId } } });
    await tx.organization.delete({ where: { id: access.organizationId } });
    await publishAccessChange(tx, { kind: 'organization', organizationId: access.organizationId });
    await recordAuditEvent({ type: 'organization.deleted', actorUserId: opts.ctx.actor.id, ip: opts.ctx.ip, detail: { organizationId: access.organizationId } }, tx);
  });
  // Its API keys are gone with it: this instance refuses them from its very next request (its key cache hears it now).
  heardHere({ kind: 'organization', organizationId: access.organizationId });
}

export async function makeOrganizationActive(opts: { ctx: Ctx; id: string }) {
  const userId = requireUser(opts.ctx);
  const access = await organizationAccess(opts.ctx, opts.id);
  const org = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { activeOrganizationId: access.organizationId } });
    return tx.organization.findFirstOrThrow({ where: { id: access.organizationId }, select: { name: true } });
  });
  return { message: `${org.name} is now your active organization` };
}
