// Lists, counts and exports of leads with the same filters as calls (leads:read), through the same SQL where-clause
// (call-filter-sql.ts): a list and its export can never disagree.
import { Prisma } from '../../generated/prisma/client';
import { requirePermission, type Ctx } from '../../context';
import { csvColumn, csvExport, type CsvColumn, type CsvExport } from '../../csv-export';
import type { Ordering, Page } from '../shared/list';
import { countList, readListPage } from '../shared/list-query';
import { exportTimeZone, type TimeZoneChoice } from '../shared/zoned-time';
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
  const { count, rows } = await readListPage<ListRow>(
    {
      select: Prisma.sql`l.id, l."callId", l.vin, l.vehicle, l."firstName", l."lastName", l.email, l.phone, l.comment, l."createdAt",
        lc.status::text AS "callStatus", d.id AS "dealerUserId", d."firstName" AS "dealerFirstName", d."lastName" AS "dealerLastName"`,
      from: FROM,
      joins: Prisma.sql`LEFT JOIN "User" d ON d.id = lc."dealerId"`,
      where: scopedWhere(opts.ctx, opts.filters),
      orderBy: orderBy(opts.ordering ?? { field: 'createdAt', direction: 'desc' }),
      // Named statements: measured to pay for this list (list-query.ts).
      prepared: true,
    },
    opts.page,
  );
  return {
    count,
    results: rows.map((l) =>
      toLeadDto({ ...l, call: l.callStatus ? { status: l.callStatus, dealer: l.dealerUserId ? { id: l.dealerUserId, firstName: l.dealerFirstName ?? '', lastName: l.dealerLastName ?? '' } : null } : null }),
    ),
  };
}

export async function countLeads(opts: { ctx: Ctx; filters?: CallFiltersInput }): Promise<{ count: number }> {
  return { count: await countList({ from: FROM, where: scopedWhere(opts.ctx, opts.filters) }) };
}

const col = csvColumn;

const LEAD_EXPORT: CsvColumn[] = [
  col('Lead ID', 'plain', 'l.id'),
  col('Created at', 'time', 'l."createdAt"'),
  col('First name', 'text', 'l."firstName"'),
  col('Last name', 'text', 'l."lastName"'),
  col('Email', 'text', 'l.email'),
  col('Phone', 'text', 'l.phone'),
  col('Comment', 'text', 'l.comment'),
  col('VIN', 'text', 'l.vin'),
  col('Make', 'text', `l.vehicle->>'make'`),
  col('Model', 'text', `l.vehicle->>'model'`),
  col('Model year', 'plain', `(l.vehicle->>'modelYear')::int`),
  col('Type', 'text', `l.vehicle->>'carType'`),
  col('Call ID', 'plain', 'l."callId"'),
  col('Call status', 'plain', 'lc.status'),
  col('Dealer ID', 'plain', 'l."dealerId"'),
  col('Dealer', 'text', `trim(concat_ws(' ', d."firstName", d."lastName"))`),
];

export const LEAD_EXPORT_COLUMNS = LEAD_EXPORT.map((c) => c.header);

/** Every matching lead, newest first, as CSV with times in the requested zone, written by PostgreSQL and streamed (server/csv-export.ts). */
export async function exportLeads(opts: { ctx: Ctx; filters?: CallFiltersInput & TimeZoneChoice }): Promise<CsvExport> {
  return csvExport({
    columns: LEAD_EXPORT,
    from: Prisma.sql`${FROM} LEFT JOIN "User" d ON d.id = lc."dealerId"`,
    where: scopedWhere(opts.ctx, opts.filters),
    orderBy: Prisma.raw('l."createdAt" DESC, l.id DESC'),
    timeZone: exportTimeZone({ tz: opts.filters?.tz, timezoneoffset: opts.filters?.timezoneoffset === undefined ? undefined : Number(opts.filters.timezoneoffset) }),
  });
}
