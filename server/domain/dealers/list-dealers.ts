// The organization's dealers (members holding calls:answer) with presence, filters of API.md §4, counts; and the
// manager's switch that pauses a member's live calls.
import type { Prisma } from '../../generated/prisma/client';
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { forbidden, notFound } from '../../errors';
import { holdingPermission } from '../access/member-access';
import { isUuid } from '../organizations/organization-access';
import { dateRangeInput, dateWhere } from '../shared/date-range';
import type { Ordering, Page } from '../shared/list';
import { phoneDigits } from '../shared/phone';
import { dealerMembershipSelect, toDealerDto } from './dealer-dto';
import { lockDealer } from './dealer-row';
import { dealerFiltersInput, updateDealerInput, type DealerDto, type DealerFiltersInput } from './dealer.schema';

import { DEALER_ORDERING, type DealerOrderingField } from './dealer.schema';

export { DEALER_ORDERING, type DealerOrderingField };

const contains = (value: string) => ({ contains: value, mode: 'insensitive' as const });

function dealerWhere(organizationId: string, raw: DealerFiltersInput | undefined): Prisma.MembershipWhereInput {
  const f = dealerFiltersInput.parse(raw ?? {});
  const joined = dateWhere(dateRangeInput.parse({ from: f.from, to: f.to, tz: f.tz, timezoneoffset: f.timezoneoffset }));
  const and: Prisma.MembershipWhereInput[] = [
    // Dealers are the members whose role (built-in or custom) or direct grants include calls:answer.
    holdingPermission('calls:answer'),
  ];
  for (const word of (f.name ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) and.push({ user: { OR: [{ firstName: contains(word) }, { lastName: contains(word) }] } });
  if (f.email) and.push({ user: { email: contains(f.email) } });
  if (f.phone && phoneDigits(f.phone)) and.push({ dealer: { phone: { contains: phoneDigits(f.phone) } } });
  const one = <T,>(list: T[] | undefined) => (list && new Set(list).size === 1 ? list[0] : undefined);
  const status = one(f.status);
  if (status === 'inactive') and.push({ dealer: { active: false } });
  if (status === 'active') and.push({ OR: [{ dealer: null }, { dealer: { active: true } }] });
  const presence = one(f.accountStatus);
  if (presence === 'online') and.push({ dealer: { presence: 'online' } });
  if (presence === 'offline') and.push({ OR: [{ dealer: null }, { dealer: { presence: 'offline' } }] });
  return { organizationId, ...(joined && { createdAt: joined }), AND: and };
}

const orderBy = (o: Ordering<DealerOrderingField>): Prisma.MembershipOrderByWithRelationInput[] => {
  const d = o.direction;
  if (o.field === 'name') return [{ user: { lastName: d } }, { user: { firstName: d } }, { id: 'asc' }];
  if (o.field === 'email') return [{ user: { email: d } }, { id: 'asc' }];
  if (o.field === 'lastPingAt') return [{ dealer: { lastPingAt: { sort: d, nulls: 'last' } } }, { id: 'asc' }];
  return [{ createdAt: d }, { id: 'asc' }];
};

export async function listDealers(opts: { ctx: Ctx; filters?: DealerFiltersInput; page: Page; ordering?: Ordering<DealerOrderingField> }): Promise<{ count: number; results: DealerDto[] }> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  const where = dealerWhere(ctx.organizationId, opts.filters);
  const [count, rows] = await Promise.all([
    db.membership.count({ where }),
    db.membership.findMany({ where, select: dealerMembershipSelect, orderBy: orderBy(opts.ordering ?? { field: 'name', direction: 'asc' }), skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map(toDealerDto) };
}

export async function countDealers(opts: { ctx: Ctx; filters?: DealerFiltersInput }): Promise<{ count: number }> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  return { count: await db.membership.count({ where: dealerWhere(ctx.organizationId, opts.filters) }) };
}

/** Pauses or resumes a member's live calls (dealers:manage: managers and admins); a dealer may set their own phone number. */
export async function updateDealer(opts: { ctx: Ctx; id: string; input: unknown }): Promise<DealerDto> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  // Someone outside the organization is 404 whatever the body says.
  if (!isUuid(opts.id) || !(await db.membership.findFirst({ where: { organizationId: ctx.organizationId, userId: opts.id }, select: { id: true } }))) throw notFound('Dealer');
  const input = updateDealerInput.parse(opts.input);
  const self = ctx.actor.kind === 'user' && ctx.actor.id === opts.id;
  if (input.active !== undefined && !ctx.permissions.has('dealers:manage')) throw forbidden('Only managers and admins can pause or resume live calls');
  if (input.phone !== undefined && !self && !ctx.permissions.has('dealers:manage')) throw forbidden('Only the dealer, a manager or an admin can change this phone number');
  await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { organizationId: ctx.organizationId, userId: opts.id }, select: { id: true } });
    if (!member) throw notFound('Dealer');
    const dealer = await lockDealer(tx, ctx.organizationId, opts.id);
    await tx.dealer.update({
      where: { id: dealer.id },
      data: {
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.active !== undefined && { active: input.active }),
        // A paused dealer is taken offline, so no new call rings for them.
        ...(input.active === false && dealer.presence === 'online' && { presence: 'offline', presenceAt: new Date() }),
      },
    });
  });
  const m = await db.membership.findFirstOrThrow({ where: { organizationId: ctx.organizationId, userId: opts.id }, select: dealerMembershipSelect });
  return toDealerDto(m);
}
