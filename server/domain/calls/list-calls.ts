// Lists, counts and exports of calls with the filters of API.md §4: every call for calls:read, a dealer's own for
// calls:answer alone. All three read through one where-clause (call-filter-sql.ts) in plain SQL: the list is one
// statement for the page and its count, the export one COPY statement streamed to the client.
import { Prisma } from '../../generated/prisma/client';
import { requireOrg, type Ctx } from '../../context';
import { forbidden } from '../../errors';
import { csvColumn, csvExport, type CsvColumn, type CsvExport } from '../../csv-export';
import type { Ordering, Page } from '../shared/list';
import { countList, readListPage } from '../shared/list-query';
import { exportTimeZone, type TimeZoneChoice } from '../shared/zoned-time';
import { callFilterSql } from './call-filter-sql';
import { parseCallFilters, type CallFiltersInput } from './call-filters';
import { toCallDto, type CallRow } from './call-dto';
import type { CallDto } from './call.schema';

import { CALL_ORDERING, type CallOrderingField } from './call.schema';

export { CALL_ORDERING, type CallOrderingField };

const COLUMN: Record<CallOrderingField, string> = {
  requestedAt: 'c."createdAt"',
  status: 'c.status',
  vin: 'c.vin',
  carMake: 'c."carMake"',
  carModel: 'c."carModel"',
  carType: 'c."carType"',
  name: 'c."customerLastName"',
  acceptedAt: 'c."acceptedAt"',
  endedAt: 'c."endedAt"',
};
const NULLABLE = new Set<CallOrderingField>(['carMake', 'carModel', 'carType', 'name', 'acceptedAt', 'endedAt']);

/** The calls this caller may list: all with calls:read, else the ones they answered. */
function scopedWhere(ctx: Ctx, filters: CallFiltersInput | undefined): Prisma.Sql {
  const org = requireOrg(ctx);
  const where = callFilterSql(org.organizationId, parseCallFilters(filters));
  if (org.permissions.has('calls:read')) return where;
  if (org.permissions.has('calls:answer') && org.actor.kind === 'user') return Prisma.sql`${where} AND c."dealerId" = ${org.actor.id}::uuid`;
  throw forbidden('Missing permission calls:read');
}

/** ORDER BY for a list; the field and direction come from a closed list, never from the request's text. */
function orderBy(o: Ordering<CallOrderingField>): Prisma.Sql {
  const dir = o.direction === 'asc' ? 'ASC' : 'DESC';
  const keys = [`${COLUMN[o.field]} ${dir}${NULLABLE.has(o.field) ? ' NULLS LAST' : ''}`];
  if (o.field === 'name') keys.push(`c."customerFirstName" ${dir} NULLS LAST`);
  if (o.field !== 'requestedAt') keys.push('c."createdAt" DESC');
  keys.push(`c.id ${dir}`);
  return Prisma.raw(keys.join(', '));
}

type ListRow = Omit<CallRow, 'dealer' | 'lead'> & { dealerUserId: string | null; dealerFirstName: string | null; dealerLastName: string | null; leadId: string | null };

const FROM = Prisma.raw('"Call" c');

export async function listCalls(opts: { ctx: Ctx; filters?: CallFiltersInput; page: Page; ordering?: Ordering<CallOrderingField> }): Promise<{ count: number; results: CallDto[] }> {
  const { count, rows } = await readListPage<ListRow>(
    {
      select: Prisma.sql`c.id, c.status::text AS status, c.vin, c.vehicle, c."customerFirstName", c."customerLastName", c."customerPhone", c."customerEmail",
        c.note, c."noteUpdatedAt", c."createdAt", c."acceptedAt", c."endedAt", c."recordingSince",
        d.id AS "dealerUserId", d."firstName" AS "dealerFirstName", d."lastName" AS "dealerLastName", l.id AS "leadId"`,
      from: FROM,
      joins: Prisma.sql`LEFT JOIN "User" d ON d.id = c."dealerId" LEFT JOIN "Lead" l ON l."callId" = c.id`,
      where: scopedWhere(opts.ctx, opts.filters),
      orderBy: orderBy(opts.ordering ?? { field: 'requestedAt', direction: 'desc' }),
      // Named statements: measured to pay for this list (list-query.ts).
      prepared: true,
    },
    opts.page,
  );
  return {
    count,
    results: rows.map((c) =>
      toCallDto({ ...c, dealer: c.dealerUserId ? { id: c.dealerUserId, firstName: c.dealerFirstName ?? '', lastName: c.dealerLastName ?? '' } : null, lead: c.leadId ? { id: c.leadId } : null }),
    ),
  };
}

export async function countCalls(opts: { ctx: Ctx; filters?: CallFiltersInput }): Promise<{ count: number }> {
  return { count: await countList({ from: FROM, where: scopedWhere(opts.ctx, opts.filters) }) };
}

const col = csvColumn;

// The JSON's few fields are taken out in SQL; every text cell is made formula-safe by csvExport.
const CALL_EXPORT: CsvColumn[] = [
  col('Call ID', 'plain', 'c.id'),
  col('Status', 'plain', 'c.status'),
  col('Requested at', 'time', 'c."createdAt"'),
  col('Accepted at', 'time', 'c."acceptedAt"'),
  col('Ended at', 'time', 'c."endedAt"'),
  // Rounded half up, as Math.round does: floor(x + 0.5).
  col('Duration (s)', 'plain', 'floor(extract(epoch FROM c."endedAt" - c."acceptedAt") + 0.5)::int'),
  col('VIN', 'text', 'c.vin'),
  col('Make', 'text', `c.vehicle->>'make'`),
  col('Model', 'text', `c.vehicle->>'model'`),
  col('Model year', 'plain', `(c.vehicle->>'modelYear')::int`),
  col('Type', 'text', `c.vehicle->>'carType'`),
  col('Customer first name', 'text', 'c."customerFirstName"'),
  col('Customer last name', 'text', 'c."customerLastName"'),
  col('Customer phone', 'text', 'c."customerPhone"'),
  col('Customer email', 'text', 'c."customerEmail"'),
  col('Dealer ID', 'plain', 'c."dealerId"'),
  col('Dealer', 'text', `trim(concat_ws(' ', d."firstName", d."lastName"))`),
  col('Note', 'text', 'c.note'),
  col('Lead ID', 'plain', 'l.id'),
];

export const CALL_EXPORT_COLUMNS = CALL_EXPORT.map((c) => c.header);

/**
 * Every matching call, newest first, as CSV with times in the requested zone, written by PostgreSQL and streamed
 * as the client reads (server/csv-export.ts), so memory stays flat whatever the row count; needs calls:read.
 */
export async function exportCalls(opts: { ctx: Ctx; filters?: CallFiltersInput & TimeZoneChoice }): Promise<CsvExport> {
  const ctx = requireOrg(opts.ctx);
  if (!ctx.permissions.has('calls:read')) throw forbidden('Missing permission calls:read');
  return csvExport({
    columns: CALL_EXPORT,
    from: Prisma.raw('"Call" c LEFT JOIN "User" d ON d.id = c."dealerId" LEFT JOIN "Lead" l ON l."callId" = c.id'),
    where: scopedWhere(ctx, opts.filters),
    orderBy: Prisma.raw('c."createdAt" DESC, c.id DESC'),
    timeZone: exportTimeZone({ tz: opts.filters?.tz, timezoneoffset: opts.filters?.timezoneoffset === undefined ? undefined : Number(opts.filters.timezoneoffset) }),
  });
}
