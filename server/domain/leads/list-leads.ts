// Lists, counts and exports of leads with the same filters as calls (leads:read), through the same SQL where-clause
// (call-filter-sql.ts): a list and its export can never disagree.
import { Prisma } from '../../generated/prisma/client';
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { streamedRows } from '../../streamed-rows';
import type { Ordering, Page } from '../shared/list';
import { zonedFormatter, type TimeZoneChoice } from '../shared/zoned-time';
import { leadFilterSql } from '../calls/call-filter-sql';
import { parseCallFilters, type CallFiltersInput } from '../calls/call-filters';
import type { CallStatus } from '../calls/call.schema';
import { toLeadDto, type LeadRow } from './lead-dto';
import type { LeadDto } from './lead.schema';

import { LEAD_ORDERING, type LeadOrderingField } from './lead.schema';

export { LEAD_ORDERING, type LeadOrderingField };

const COLUMN: Record<LeadOrderingField, string> = {
  createdAt: 'l."createdAt"',
  name: 'l."lastName"',
  email: 'l.email',
  vin: 'l.vin',
  carMake: 'l."carMake"',
  carModel: 'l."carModel"',
  carType: 'l."carType"',
};
const NULLABLE = new Set<LeadOrderingField>(['email', 'carMake', 'carModel', 'carType']);
// The call a lead came from (for its status filter and its dealer).
const FROM = Prisma.raw('"Lead" l LEFT JOIN "Call" lc ON lc.id = l."callId"');

function scopedWhere(ctx: Ctx, filters: CallFiltersInput | undefined): Prisma.Sql {
  const org = requirePermission(ctx, 'leads:read');
  return leadFilterSql(org.organizationId, parseCallFilters(filters));
}

/** ORDER BY for a list; the field and direction come from a closed list, never from the request's text. */
function orderBy(o: Ordering<LeadOrderingField>): Prisma.Sql {
  const dir = o.direction === 'asc' ? 'ASC' : 'DESC';
  const keys = [`${COLUMN[o.field]} ${dir}${NULLABLE.has(o.field) ? ' NULLS LAST' : ''}`];
  if (o.field === 'name') keys.push(`l."firstName" ${dir}`);
  if (o.field !== 'createdAt') keys.push('l."createdAt" DESC');
  keys.push(`l.id ${dir}`);
  return Prisma.raw(keys.join(', '));
}

type ListRow = Omit<LeadRow, 'call'> & { callStatus: CallStatus | null; dealerUserId: string | null; dealerFirstName: string | null; dealerLastName: string | null };

export async function listLeads(opts: { ctx: Ctx; filters?: CallFiltersInput; page: Page; ordering?: Ordering<LeadOrderingField> }): Promise<{ count: number; results: LeadDto[] }> {
  const where = scopedWhere(opts.ctx, opts.filters);
  const [count, rows] = await Promise.all([
    countWhere(where),
    db.$queryRaw<ListRow[]>`
      SELECT l.id, l."callId", l.vin, l.vehicle, l."firstName", l."lastName", l.email, l.phone, l.comment, l."createdAt",
        lc.status::text AS "callStatus", d.id AS "dealerUserId", d."firstName" AS "dealerFirstName", d."lastName" AS "dealerLastName"
      FROM ${FROM} LEFT JOIN "User" d ON d.id = lc."dealerId"
      WHERE ${where}
      ORDER BY ${orderBy(opts.ordering ?? { field: 'createdAt', direction: 'desc' })}
      LIMIT ${opts.page.limit} OFFSET ${opts.page.offset}`,
  ]);
  return {
    count,
    results: rows.map(({ callStatus, dealerUserId, dealerFirstName, dealerLastName, ...l }) =>
      toLeadDto({ ...l, call: callStatus ? { status: callStatus, dealer: dealerUserId ? { id: dealerUserId, firstName: dealerFirstName ?? '', lastName: dealerLastName ?? '' } : null } : null }),
    ),
  };
}

async function countWhere(where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<[{ count: number }]>`SELECT count(*)::int AS count FROM ${FROM} WHERE ${where}`;
  return row.count;
}

export async function countLeads(opts: { ctx: Ctx; filters?: CallFiltersInput }): Promise<{ count: number }> {
  return { count: await countWhere(scopedWhere(opts.ctx, opts.filters)) };
}

export const LEAD_EXPORT_COLUMNS = [
  'Lead ID', 'Created at', 'First name', 'Last name', 'Email', 'Phone', 'Comment', 'VIN', 'Make', 'Model', 'Model year', 'Type', 'Call ID', 'Call status', 'Dealer ID', 'Dealer',
];

type ExportRow = [
  id: string, createdAt: Date, firstName: string, lastName: string, email: string | null, phone: string | null, comment: string | null, vin: string,
  make: string | null, model: string | null, modelYear: number | null, type: string | null, callId: string | null, callStatus: string | null,
  dealerId: string | null, dealer: string | null,
];

/** Every matching lead, newest first, as batches of CSV cells with times in the requested zone; one statement through a cursor. */
export async function exportLeads(opts: { ctx: Ctx; filters?: CallFiltersInput & TimeZoneChoice }) {
  const where = scopedWhere(opts.ctx, opts.filters);
  const time = zonedFormatter({ tz: opts.filters?.tz, timezoneoffset: opts.filters?.timezoneoffset === undefined ? undefined : Number(opts.filters.timezoneoffset) });
  const query = Prisma.sql`
    SELECT l.id, l."createdAt", l."firstName", l."lastName", l.email, l.phone, l.comment, l.vin, l.vehicle->>'make', l.vehicle->>'model',
      (l.vehicle->>'modelYear')::int, l.vehicle->>'carType', l."callId", lc.status::text, l."dealerId", nullif(trim(concat_ws(' ', d."firstName", d."lastName")), '')
    FROM ${FROM} LEFT JOIN "User" d ON d.id = lc."dealerId"
    WHERE ${where}
    ORDER BY l."createdAt" DESC, l.id DESC`;
  async function* batches() {
    for await (const rows of streamedRows<ExportRow>(query)) yield rows.map((r) => [r[0], time(r[1]), ...r.slice(2)] as Array<string | number | null>);
  }
  return { columns: LEAD_EXPORT_COLUMNS, batches: batches() };
}
