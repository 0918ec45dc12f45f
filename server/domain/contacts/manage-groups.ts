// Contact groups: who a campaign reaches. Deleting a group keeps its contacts (they may be in other groups).
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { conflict, notFound } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { createGroupInput, replaceGroupInput, updateGroupInput, type GroupDto, type GroupOrderingField } from './contact.schema';

const groupInclude = { _count: { select: { members: true } } } as const satisfies Prisma.ContactGroupInclude;
type GroupRow = Prisma.ContactGroupGetPayload<{ include: typeof groupInclude }>;

const toGroupDto = (g: GroupRow): GroupDto => ({
  id: g.id,
  name: g.name,
  description: g.description,
  contactCount: g._count.members,
  createdAt: g.createdAt.toISOString(),
  updatedAt: g.updatedAt.toISOString(),
});

/** The group in the caller's organization; another organization's id is simply not found. */
export async function findGroup(ctx: OrgCtx, id: string, tx: Tx = db) {
  if (!isUuid(id)) throw notFound('Group');
  const group = await tx.contactGroup.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!group) throw notFound('Group');
  return group;
}

const nameTaken = (name: string) => conflict(`There is already a group named “${name}”`);

async function assertNameFree(tx: Tx, ctx: OrgCtx, name: string, exceptId?: string) {
  const same = await tx.contactGroup.findFirst({ where: { organizationId: ctx.organizationId, name: { equals: name, mode: 'insensitive' }, ...(exceptId && { id: { not: exceptId } }) }, select: { id: true } });
  if (same) throw nameTaken(name);
}

export async function listGroups(opts: { ctx: Ctx; page: Page; ordering?: Ordering<GroupOrderingField>; search?: string }) {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  const ordering = opts.ordering ?? { field: 'name', direction: 'asc' };
  const search = opts.search?.trim();
  const where: Prisma.ContactGroupWhereInput = { organizationId: ctx.organizationId, ...(search && { name: { contains: search, mode: 'insensitive' } }) };
  const [count, rows] = await Promise.all([
    db.contactGroup.count({ where }),
    db.contactGroup.findMany({ where, include: groupInclude, orderBy: [{ [ordering.field]: ordering.direction }, { id: 'asc' }], skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map(toGroupDto) };
}

/** Every group by name, for pickers (add to group, import into). */
export async function listGroupChoices(opts: { ctx: Ctx }) {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  return db.contactGroup.findMany({ where: { organizationId: ctx.organizationId }, select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 1000 });
}

export async function getGroup(opts: { ctx: Ctx; id: string }): Promise<GroupDto> {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  const group = await findGroup(ctx, opts.id);
  return toGroupDto(await db.contactGroup.findUniqueOrThrow({ where: { id: group.id }, include: groupInclude }));
}

export async function createGroup(opts: { ctx: Ctx; input: z.input<typeof createGroupInput> }): Promise<GroupDto> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  const input = createGroupInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, ctx, input.name);
    return toGroupDto(await tx.contactGroup.create({ data: { organizationId: ctx.organizationId, name: input.name, description: input.description ?? null }, include: groupInclude }));
  });
}

/** PATCH changes the named fields; PUT (`replace`) sets every field, an absent description to none. */
export async function updateGroup(opts: { ctx: Ctx; id: string; input: unknown; replace?: boolean }): Promise<GroupDto> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  const input = opts.replace ? replaceGroupInput.parse(opts.input) : updateGroupInput.parse(opts.input);
  return db.$transaction(async (tx) => {
    const group = await findGroup(ctx, opts.id, tx);
    if (input.name !== undefined) await assertNameFree(tx, ctx, input.name, group.id);
    const data = opts.replace
      ? { name: input.name, description: input.description ?? null }
      : { ...(input.name !== undefined && { name: input.name }), ...(input.description !== undefined && { description: input.description }) };
    return toGroupDto(await tx.contactGroup.update({ where: { id: group.id }, data, include: groupInclude }));
  });
}

export async function deleteGroup(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  await db.$transaction(async (tx) => {
    const group = await findGroup(ctx, opts.id, tx);
    const campaigns = await tx.campaign.count({ where: { groupId: group.id } });
    if (campaigns > 0) throw conflict(`This group is in use: ${campaigns} ${campaigns === 1 ? 'campaign sends' : 'campaigns send'} to it`);
    await tx.contactGroup.delete({ where: { id: group.id } });
  });
}
