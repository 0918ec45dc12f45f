// Contacts one at a time (REST and the browser) and the browser's bulk actions on selected rows; group membership.
// Every write goes through contact-rules.ts: E.164 phones, one contact per phone and per email in an organization.
import type { z } from 'zod';
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { notFound } from '../../errors';
import type { Prisma } from '../../generated/prisma/client';
import { isUuid } from '../shared/ids';
import type { Ordering, Page } from '../shared/list';
import { phoneDigits } from '../shared/phone';
import { assertContactFree, defaultCountryOf, lockContacts, normalizePhone } from './contact-rules';
import {
  contactFilters,
  contactIdsInput,
  createContactInput,
  replaceContactInput,
  updateContactInput,
  type ContactDetailDto,
  type ContactDto,
  type ContactFilters,
  type ContactOrderingField,
} from './contact.schema';
import { findGroup } from './manage-groups';

type ContactRow = Prisma.ContactGetPayload<object>;

export const toContactDto = (c: ContactRow): ContactDto => ({
  id: c.id,
  firstName: c.firstName,
  lastName: c.lastName,
  phone: c.phone,
  email: c.email,
  address: c.address,
  custom1: c.custom1,
  custom2: c.custom2,
  custom3: c.custom3,
  description: c.description,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/** The contact in the caller's organization; another organization's id is simply not found. */
export async function findContact(ctx: OrgCtx, id: string, tx: Tx = db) {
  if (!isUuid(id)) throw notFound('Contact');
  const contact = await tx.contact.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!contact) throw notFound('Contact');
  return contact;
}

/** The where-clause of a contact list: the organization, a search over name, phone digits and email, a group. */
export function contactWhere(ctx: OrgCtx, filters: { search?: string; groupId?: string }): Prisma.ContactWhereInput {
  const search = filters.search?.trim();
  const digits = search ? phoneDigits(search) : '';
  return {
    organizationId: ctx.organizationId,
    ...(filters.groupId && { groups: { some: { groupId: filters.groupId } } }),
    ...(search && {
      OR: [
        { firstName: { contains: search, mode: 'insensitive' } },
        { lastName: { contains: search, mode: 'insensitive' } },
        { email: { contains: search, mode: 'insensitive' } },
        ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : []),
      ],
    }),
  };
}

const orderBy = (o: Ordering<ContactOrderingField>): Prisma.ContactOrderByWithRelationInput[] => [
  { [o.field]: o.field === 'lastName' || o.field === 'email' ? { sort: o.direction, nulls: 'last' } : o.direction },
  ...(o.field === 'lastName' ? [{ firstName: o.direction }] : []),
  { id: 'asc' },
];

export async function listContacts(opts: { ctx: Ctx; filters?: ContactFilters; page: Page; ordering?: Ordering<ContactOrderingField> }) {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  const filters = contactFilters.parse(opts.filters ?? {});
  if (filters.groupId) await findGroup(ctx, filters.groupId);
  const where = contactWhere(ctx, filters);
  const [count, rows] = await Promise.all([
    db.contact.count({ where }),
    db.contact.findMany({ where, orderBy: orderBy(opts.ordering ?? { field: 'createdAt', direction: 'desc' }), skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map(toContactDto) };
}

/** GET /groups/{id}/contacts: the group's members with the list conventions and ?search. */
export async function listGroupContacts(opts: { ctx: Ctx; groupId: string; search?: string; page: Page; ordering?: Ordering<ContactOrderingField> }) {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  await findGroup(ctx, opts.groupId);
  return listContacts({ ctx, filters: { groupId: opts.groupId, search: opts.search }, page: opts.page, ordering: opts.ordering });
}

export async function getContact(opts: { ctx: Ctx; id: string }): Promise<ContactDetailDto> {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  const contact = await findContact(ctx, opts.id);
  const groups = await db.contactGroup.findMany({ where: { members: { some: { contactId: contact.id } } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  return { ...toContactDto(contact), groups };
}

type ContactData = Omit<Prisma.ContactUncheckedCreateInput, 'id' | 'organizationId'>;

function dataOf(input: z.output<typeof updateContactInput>, country: string, replace: boolean): Partial<ContactData> {
  const out: Partial<ContactData> = {};
  for (const key of ['lastName', 'email', 'address', 'custom1', 'custom2', 'custom3', 'description'] as const) {
    if (input[key] !== undefined || replace) out[key] = input[key] ?? null;
  }
  if (input.firstName !== undefined) out.firstName = input.firstName;
  if (input.phone !== undefined) out.phone = normalizePhone(input.phone, country);
  return out;
}

export async function createContact(opts: { ctx: Ctx; input: z.input<typeof createContactInput> }): Promise<ContactDetailDto> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  const input = createContactInput.parse(opts.input);
  const data = dataOf(input, await defaultCountryOf(ctx.organizationId), true) as ContactData;
  const created = await db.$transaction(async (tx) => {
    await lockContacts(tx, ctx.organizationId);
    await assertContactFree(tx, { organizationId: ctx.organizationId, phone: data.phone, email: data.email ?? null });
    return tx.contact.create({ data: { ...data, organizationId: ctx.organizationId } });
  });
  return { ...toContactDto(created), groups: [] };
}

/** PATCH changes the named fields; PUT (`replace`) sets every field, absent optional ones to empty. */
export async function updateContact(opts: { ctx: Ctx; id: string; input: unknown; replace?: boolean }): Promise<ContactDetailDto> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  const input = opts.replace ? replaceContactInput.parse(opts.input) : updateContactInput.parse(opts.input);
  const data = dataOf(input, await defaultCountryOf(ctx.organizationId), opts.replace === true);
  await db.$transaction(async (tx) => {
    const contact = await findContact(ctx, opts.id, tx);
    await lockContacts(tx, ctx.organizationId);
    const phone = data.phone ?? contact.phone;
    const email = data.email === undefined ? contact.email : data.email;
    await assertContactFree(tx, { organizationId: ctx.organizationId, phone, email: email ?? null, exceptId: contact.id });
    await tx.contact.update({ where: { id: contact.id }, data });
  });
  return getContact({ ctx, id: opts.id });
}

export async function deleteContact(opts: { ctx: Ctx; id: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  await db.$transaction(async (tx) => {
    const contact = await findContact(ctx, opts.id, tx);
    await tx.contact.delete({ where: { id: contact.id } });
  });
}

/** PUT /contacts/{id}/link/{groupId}: linking twice keeps one membership. */
export async function linkContact(opts: { ctx: Ctx; id: string; groupId: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  await db.$transaction(async (tx) => {
    const contact = await findContact(ctx, opts.id, tx);
    const group = await findGroup(ctx, opts.groupId, tx);
    await tx.contactGroupMember.createMany({ data: [{ groupId: group.id, contactId: contact.id }], skipDuplicates: true });
  });
}

/** DELETE /contacts/{id}/link/{groupId}: the contact stays; unlinking one that is not a member changes nothing. */
export async function unlinkContact(opts: { ctx: Ctx; id: string; groupId: string }): Promise<void> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  await db.$transaction(async (tx) => {
    const contact = await findContact(ctx, opts.id, tx);
    const group = await findGroup(ctx, opts.groupId, tx);
    await tx.contactGroupMember.deleteMany({ where: { groupId: group.id, contactId: contact.id } });
  });
}

/** Selected rows of the browser's table into a group. Ids of another organization (or gone) are counted as missing. */
export async function linkContacts(opts: { ctx: Ctx; ids: unknown; groupId: string }): Promise<{ linked: number; missing: number }> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  const ids = contactIdsInput.parse(opts.ids);
  return db.$transaction(async (tx) => {
    const group = await findGroup(ctx, opts.groupId, tx);
    const found = await tx.contact.findMany({ where: { id: { in: ids }, organizationId: ctx.organizationId }, select: { id: true } });
    const { count } = await tx.contactGroupMember.createMany({ data: found.map((c) => ({ groupId: group.id, contactId: c.id })), skipDuplicates: true });
    return { linked: count, missing: new Set(ids).size - found.length };
  });
}

export async function unlinkContacts(opts: { ctx: Ctx; ids: unknown; groupId: string }): Promise<{ unlinked: number }> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  const ids = contactIdsInput.parse(opts.ids);
  return db.$transaction(async (tx) => {
    const group = await findGroup(ctx, opts.groupId, tx);
    const { count } = await tx.contactGroupMember.deleteMany({ where: { groupId: group.id, contactId: { in: ids }, contact: { organizationId: ctx.organizationId } } });
    return { unlinked: count };
  });
}

export async function deleteContacts(opts: { ctx: Ctx; ids: unknown }): Promise<{ deleted: number }> {
  const ctx = requirePermission(opts.ctx, 'contacts:manage');
  const ids = contactIdsInput.parse(opts.ids);
  const { count } = await db.contact.deleteMany({ where: { id: { in: ids }, organizationId: ctx.organizationId } });
  return { deleted: count };
}
