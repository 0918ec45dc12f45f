// Lists, counts and exports of calls with the filters of API.md §4: every call for calls:read, a dealer's own for
// calls:answer alone. All three read through one where-clause (call-filter-sql.ts) in plain SQL: the list is one
// statement for the page and one for the count, the export one statement read through a cursor.
import { Prisma } from '../../generated/prisma/client';
import { requireOrg, type Ctx } from '../../context';
import { db } from '../../db';
import { forbidden } from '../../errors';
import { streamedRows } from '../../streamed-rows';
import type { Ordering, Page } from '../shared/list';
import { zonedFormatter, type TimeZoneChoice } from '../shared/zoned-time';
import { callFilterSql } from './call-filter-sql';
import { parseCallFilters, type CallFiltersInput } from './call-filters';
import { toCallDto, type CallRow } from './call-dto';
import type { CallDto, CallStatus } from './call.schema';

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

export async function listCalls(opts: { ctx: Ctx; filters?: CallFiltersInput; page: Page; ordering?: Ordering<CallOrderingField> }): Promise<{ count: number; results: CallDto[] }> {
  const where = scopedWhere(opts.ctx, opts.filters);
  const [count, rows] = await Promise.all([
    countWhere(where),
    db.$queryRaw<ListRow[]>`
      SELECT c.id, c.status::text AS status, c.vin, c.vehicle, c."customerFirstName", c."customerLastName", c."customerPhone", c."customerEmail",
        c.note, c."noteUpdatedAt", c."createdAt", c."acceptedAt", c."endedAt", c."recordingSince",
        d.id AS "dealerUserId", d."firstName" AS "dealerFirstName", d."lastName" AS "dealerLastName", l.id AS "leadId"
      FROM "Call" c LEFT JOIN "User" d ON d.id = c."dealerId" LEFT JOIN "Lead" l ON l."callId" = c.id
      WHERE ${where}
      ORDER BY ${orderBy(opts.ordering ?? { field: 'requestedAt', direction: 'desc' })}
      LIMIT ${opts.page.limit} OFFSET ${opts.page.offset}`,
  ]);
  return {
    count,
    results: rows.map(({ dealerUserId, dealerFirstName, dealerLastName, leadId, ...c }) =>
      toCallDto({ ...c, dealer: dealerUserId ? { id: dealerUserId, firstName: dealerFirstName ?? '', lastName: dealerLastName ?? '' } : null, lead: leadId ? { id: leadId } : null }),
    ),
  };
}

async function countWhere(where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<[{ count: number }]>`SELECT count(*)::int AS count FROM "Call" c WHERE ${where}`;
  return row.count;
}

export async function countCalls(opts: { ctx: Ctx; filters?: CallFiltersInput }): Promise<{ count: number }> {
  return { count: await countWhere(scopedWhere(opts.ctx, opts.filters)) };
}

export const CALL_EXPORT_COLUMNS = [
  'Call ID', 'Status', 'Requested at', 'Accepted at', 'Ended at', 'Duration (s)', 'VIN', 'Make', 'Model', 'Model year', 'Type',
  'Customer first name', 'Customer last name', 'Customer phone', 'Customer email', 'Dealer ID', 'Dealer', 'Note', 'Lead ID',
];

type ExportRow = [
  id: string, status: CallStatus, createdAt: Date, acceptedAt: Date | null, endedAt: Date | null, vin: string, make: string | null, model: string | null,
  modelYear: number | null, type: string | null, firstName: string | null, lastName: string | null, phone: string | null, email: string | null,
  dealerId: string | null, dealer: string | null, note: string | null, leadId: string | null,
];

/**
 * Every matching call, newest first, as batches of CSV cells with times in the requested zone. One statement read
 * through a cursor as the client reads, so memory stays flat whatever the row count; needs calls:read.
 */
export async function exportCalls(opts: { ctx: Ctx; filters?: CallFiltersInput & TimeZoneChoice }) {
  const ctx = requireOrg(opts.ctx);
  if (!ctx.permissions.has('calls:read')) throw forbidden('Missing permission calls:read');
  const where = scopedWhere(ctx, opts.filters);
  const time = zonedFormatter({ tz: opts.filters?.tz, timezoneoffset: opts.filters?.timezoneoffset === undefined ? undefined : Number(opts.filters.timezoneoffset) });
  // The JSON's few fields are taken out in SQL, so no row's whole decoded vehicle is parsed in JavaScript.
  const query = Prisma.sql`
    SELECT c.id, c.status::text, c."createdAt", c."acceptedAt", c."endedAt", c.vin, c.vehicle->>'make', c.vehicle->>'model',
      (c.vehicle->>'modelYear')::int, c.vehicle->>'carType', c."customerFirstName", c."customerLastName", c."customerPhone", c."customerEmail",
      c."dealerId", nullif(trim(concat_ws(' ', d."firstName", d."lastName")), ''), c.note, l.id
    FROM "Call" c LEFT JOIN "User" d ON d.id = c."dealerId" LEFT JOIN "Lead" l ON l."callId" = c.id
    WHERE ${where}
    ORDER BY c."createdAt" DESC, c.id DESC`;
  async function* batches() {
    for await (const rows of streamedRows<ExportRow>(query)) {
      yield rows.map((r) => [
        r[0], r[1], time(r[2]), time(r[3]), time(r[4]),
        r[3] && r[4] ? Math.round((r[4].getTime() - r[3].getTime()) / 1000) : null,
        r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[16], r[17],
      ]);
    }
  }
  return { columns: CALL_EXPORT_COLUMNS, batches: batches() };
}
