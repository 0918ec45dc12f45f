// Lists, counts and exports of calls with the filters of API.md §4: every call for calls:read, a dealer's own for
// calls:answer alone.
import type { Prisma } from '../../generated/prisma/client';
import { requireOrg, type Ctx } from '../../context';
import { db } from '../../db';
import { forbidden } from '../../errors';
import type { Ordering, Page } from '../shared/list';
import { zonedFormatter, type TimeZoneChoice } from '../shared/zoned-time';
import { callWhere, parseCallFilters, type CallFiltersInput } from './call-filters';
import { callSelect, toCallDto, vehicleOf } from './call-dto';
import type { CallDto } from './call.schema';

import { CALL_ORDERING, type CallOrderingField } from './call.schema';

export { CALL_ORDERING, type CallOrderingField };

const COLUMN: Record<CallOrderingField, keyof Prisma.CallOrderByWithRelationInput> = {
  requestedAt: 'createdAt',
  status: 'status',
  vin: 'vin',
  carMake: 'carMake',
  carModel: 'carModel',
  carType: 'carType',
  name: 'customerLastName',
  acceptedAt: 'acceptedAt',
  endedAt: 'endedAt',
};
const NULLABLE = new Set<CallOrderingField>(['carMake', 'carModel', 'carType', 'name', 'acceptedAt', 'endedAt']);

/** The calls this caller may list: all with calls:read, else the ones they answered. */
async function scopedWhere(ctx: Ctx, filters: CallFiltersInput | undefined): Promise<Prisma.CallWhereInput> {
  const org = requireOrg(ctx);
  const where = callWhere(org.organizationId, parseCallFilters(filters));
  if (org.permissions.has('calls:read')) return where;
  if (org.permissions.has('calls:answer') && org.actor.kind === 'user') return { AND: [where, { dealerId: org.actor.id }] };
  throw forbidden('Missing permission calls:read');
}

const orderBy = (o: Ordering<CallOrderingField>): Prisma.CallOrderByWithRelationInput[] => [
  { [COLUMN[o.field]]: NULLABLE.has(o.field) ? { sort: o.direction, nulls: 'last' } : o.direction },
  ...(o.field === 'name' ? [{ customerFirstName: { sort: o.direction, nulls: 'last' as const } }] : []),
  ...(o.field === 'requestedAt' ? [] : [{ createdAt: 'desc' as const }]),
  { id: o.direction },
];

export async function listCalls(opts: { ctx: Ctx; filters?: CallFiltersInput; page: Page; ordering?: Ordering<CallOrderingField> }): Promise<{ count: number; results: CallDto[] }> {
  const where = await scopedWhere(opts.ctx, opts.filters);
  const [count, rows] = await Promise.all([
    db.call.count({ where }),
    db.call.findMany({ where, select: callSelect, orderBy: orderBy(opts.ordering ?? { field: 'requestedAt', direction: 'desc' }), skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map((r) => toCallDto(r)) };
}

export async function countCalls(opts: { ctx: Ctx; filters?: CallFiltersInput }): Promise<{ count: number }> {
  return { count: await db.call.count({ where: await scopedWhere(opts.ctx, opts.filters) }) };
}

export const CALL_EXPORT_COLUMNS = [
  'Call ID', 'Status', 'Requested at', 'Accepted at', 'Ended at', 'Duration (s)', 'VIN', 'Make', 'Model', 'Model year', 'Type',
  'Customer first name', 'Customer last name', 'Customer phone', 'Customer email', 'Dealer ID', 'Dealer', 'Note', 'Lead ID',
];

const BATCH = 2000;

/**
 * Every matching call, newest first, as CSV cells with times in the requested zone. Read in keyset batches, so
 * memory stays flat whatever the row count; needs calls:read.
 */
export async function exportCalls(opts: { ctx: Ctx; filters?: CallFiltersInput & TimeZoneChoice }) {
  const ctx = requireOrg(opts.ctx);
  if (!ctx.permissions.has('calls:read')) throw forbidden('Missing permission calls:read');
  const where = await scopedWhere(ctx, opts.filters);
  const time = zonedFormatter({ tz: opts.filters?.tz, timezoneoffset: opts.filters?.timezoneoffset === undefined ? undefined : Number(opts.filters.timezoneoffset) });
  async function* rows(): AsyncGenerator<Array<string | number | null>> {
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const batch: Array<Prisma.CallGetPayload<{ select: typeof exportSelect }>> = await db.call.findMany({
        // The bound is a plain range on createdAt (so the index scan starts at the last row, not at the top again:
        // each batch costs its own rows only); ties on the boundary instant are broken by id.
        where: after ? { AND: [where, { createdAt: { lte: after.createdAt } }, { OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }] }] } : where,
        select: exportSelect,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: BATCH,
      });
      for (const c of batch) {
        const v = vehicleOf(c.vehicle);
        yield [
          c.id, c.status, time(c.createdAt), time(c.acceptedAt), time(c.endedAt),
          c.acceptedAt && c.endedAt ? Math.round((c.endedAt.getTime() - c.acceptedAt.getTime()) / 1000) : null,
          c.vin, v.make, v.model, v.modelYear, v.type,
          c.customerFirstName, c.customerLastName, c.customerPhone, c.customerEmail,
          c.dealerId, c.dealer ? `${c.dealer.firstName} ${c.dealer.lastName}`.trim() : null, c.note, c.lead?.id ?? null,
        ];
      }
      if (batch.length < BATCH) return;
      const last = batch[batch.length - 1]!;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
  return { columns: CALL_EXPORT_COLUMNS, rows: rows() };
}

const exportSelect = {
  id: true, status: true, createdAt: true, acceptedAt: true, endedAt: true, vin: true, vehicle: true,
  customerFirstName: true, customerLastName: true, customerPhone: true, customerEmail: true, dealerId: true, note: true,
  dealer: { select: { firstName: true, lastName: true } },
  lead: { select: { id: true } },
} as const;
