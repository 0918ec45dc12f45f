// The organization's dealers (members holding calls:answer) with presence, filters of API.md §4, counts; and the
// manager's switch that pauses a member's live calls.
import { Prisma } from '../../generated/prisma/client';
import type { Role } from '../../generated/prisma/enums';
import { requirePermission, type Ctx } from '../../context';
import { db, sqlRows } from '../../db';
import { forbidden, notFound } from '../../errors';
import { holdingPermissionSql } from '../access/member-access';
import { isUuid } from '../organizations/organization-access';
import { dateRangeInput } from '../shared/date-range';
import type { Ordering, Page } from '../shared/list';
import { countList, readListPage } from '../shared/list-query';
import { containsPattern } from '../shared/list-filters';
import { phoneDigits } from '../shared/phone';
import { toDealerDto } from './dealer-dto';
import { lockDealer } from './dealer-row';
import { dealerFiltersInput, updateDealerInput, type DealerDto, type DealerFiltersInput } from './dealer.schema';

import { DEALER_ORDERING, type DealerOrderingField } from './dealer.schema';

export { DEALER_ORDERING, type DealerOrderingField };

// Members (m) with their user (u) and, once they went online, their dealer row (d).
const FROM = Prisma.raw('"Membership" m JOIN "User" u ON u.id = m."userId" LEFT JOIN "Dealer" d ON d."membershipId" = m.id');

function dealerWhere(organizationId: string, raw: DealerFiltersInput | undefined): Prisma.Sql {
  const f = dealerFiltersInput.parse(raw ?? {});
  const joined = dateRangeInput.parse({ from: f.from, to: f.to, tz: f.tz, timezoneoffset: f.timezoneoffset });
  const and: Prisma.Sql[] = [
    // SECURITY: the tenant scope first. Dealers are the members whose role (built-in or custom) or direct grants include calls:answer.
    Prisma.sql`m."organizationId" = ${organizationId}::uuid`,
    holdingPermissionSql('calls:answer'),
  ];
  if (joined.gte) and.push(Prisma.sql`m."createdAt" >= ${joined.gte}`);
  if (joined.lte) and.push(Prisma.sql`m."createdAt" <= ${joined.lte}`);
  for (const word of (f.name ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) and.push(Prisma.sql`(u."firstName" ILIKE ${containsPattern(word)} OR u."lastName" ILIKE ${containsPattern(word)})`);
  if (f.email) and.push(Prisma.sql`u.email ILIKE ${containsPattern(f.email)}`);
  if (f.phone && phoneDigits(f.phone)) and.push(Prisma.sql`d.phone LIKE ${containsPattern(phoneDigits(f.phone))}`);
  const one = <T,>(list: T[] | undefined) => (list && new Set(list).size === 1 ? list[0] : undefined);
  // A member who never went online has no dealer row: an active dealer, offline.
  const status = one(f.status);
  if (status === 'inactive') and.push(Prisma.sql`d.active = false`);
  if (status === 'active') and.push(Prisma.sql`(d.id IS NULL OR d.active)`);
  const presence = one(f.accountStatus);
  if (presence === 'online') and.push(Prisma.sql`d.presence = 'online'`);
  if (presence === 'offline') and.push(Prisma.sql`(d.id IS NULL OR d.presence = 'offline')`);
  return Prisma.join(and, ' AND ');
}

/** ORDER BY from a closed list of fields, ending with the membership id so pages never repeat or skip anyone. */
function orderBy(o: Ordering<DealerOrderingField>): Prisma.Sql {
  const d = o.direction === 'asc' ? 'ASC' : 'DESC';
  const keys: Record<DealerOrderingField, string> = {
    name: `u."lastName" ${d}, u."firstName" ${d}`,
    email: `u.email ${d}`,
    lastPingAt: `d."lastPingAt" ${d} NULLS LAST`,
    joinedAt: `m."createdAt" ${d}`,
  };
  return Prisma.raw(`${keys[o.field]}, m.id ASC`);
}

type DealerSqlRow = {
  createdAt: Date;
  role: Role;
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  imageId: string | null;
  dealerId: string | null;
  presence: 'online' | 'offline' | null;
  active: boolean | null;
  phone: string | null;
  lastPingAt: Date | null;
};

const DEALER_COLUMNS = Prisma.sql`m."createdAt", m.role::text AS role, u.id AS "userId", u."firstName", u."lastName", u.email, u."imageId",
  d.id AS "dealerId", d.presence::text AS presence, d.active, d.phone, d."lastPingAt"`;

const toDto = (r: DealerSqlRow) =>
  toDealerDto({
    createdAt: r.createdAt,
    role: r.role,
    user: { id: r.userId, firstName: r.firstName, lastName: r.lastName, email: r.email, imageId: r.imageId },
    dealer: r.dealerId ? { presence: r.presence!, active: r.active!, phone: r.phone, lastPingAt: r.lastPingAt } : null,
  });

export async function listDealers(opts: { ctx: Ctx; filters?: DealerFiltersInput; page: Page; ordering?: Ordering<DealerOrderingField> }): Promise<{ count: number; results: DealerDto[] }> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  const { count, rows } = await readListPage<DealerSqlRow>(
    { select: DEALER_COLUMNS, from: FROM, where: dealerWhere(ctx.organizationId, opts.filters), orderBy: orderBy(opts.ordering ?? { field: 'name', direction: 'asc' }) },
    opts.page,
  );
  return { count, results: rows.map(toDto) };
}

export async function countDealers(opts: { ctx: Ctx; filters?: DealerFiltersInput }): Promise<{ count: number }> {
  const ctx = requirePermission(opts.ctx, 'members:read');
  return { count: await countList({ from: FROM, where: dealerWhere(ctx.organizationId, opts.filters) }) };
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
  const [row] = await sqlRows<DealerSqlRow>(Prisma.sql`SELECT ${DEALER_COLUMNS} FROM ${FROM} WHERE m."organizationId" = ${ctx.organizationId}::uuid AND m."userId" = ${opts.id}::uuid`);
  if (!row) throw notFound('Dealer');
  return toDto(row);
}
