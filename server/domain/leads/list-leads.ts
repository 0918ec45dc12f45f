// Lists, counts and exports of leads with the same filters as calls (leads:read).
import type { Prisma } from '../../generated/prisma/client';
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import type { Ordering, Page } from '../shared/list';
import { zonedFormatter, type TimeZoneChoice } from '../shared/zoned-time';
import { leadWhere, parseCallFilters, type CallFiltersInput } from '../calls/call-filters';
import { vehicleOf } from '../calls/call-dto';
import { leadSelect, toLeadDto } from './lead-dto';
import type { LeadDto } from './lead.schema';

import { LEAD_ORDERING, type LeadOrderingField } from './lead.schema';

export { LEAD_ORDERING, type LeadOrderingField };

const COLUMN: Record<LeadOrderingField, keyof Prisma.LeadOrderByWithRelationInput> = {
  createdAt: 'createdAt',
  name: 'lastName',
  email: 'email',
  vin: 'vin',
  carMake: 'carMake',
  carModel: 'carModel',
  carType: 'carType',
};
const NULLABLE = new Set<LeadOrderingField>(['email', 'carMake', 'carModel', 'carType']);

function scopedWhere(ctx: Ctx, filters: CallFiltersInput | undefined) {
  const org = requirePermission(ctx, 'leads:read');
  return leadWhere(org.organizationId, parseCallFilters(filters));
}

const orderBy = (o: Ordering<LeadOrderingField>): Prisma.LeadOrderByWithRelationInput[] => [
  { [COLUMN[o.field]]: NULLABLE.has(o.field) ? { sort: o.direction, nulls: 'last' } : o.direction },
  ...(o.field === 'name' ? [{ firstName: o.direction }] : []),
  ...(o.field === 'createdAt' ? [] : [{ createdAt: 'desc' as const }]),
  { id: o.direction },
];

export async function listLeads(opts: { ctx: Ctx; filters?: CallFiltersInput; page: Page; ordering?: Ordering<LeadOrderingField> }): Promise<{ count: number; results: LeadDto[] }> {
  const where = scopedWhere(opts.ctx, opts.filters);
  const [count, rows] = await Promise.all([
    db.lead.count({ where }),
    db.lead.findMany({ where, select: leadSelect, orderBy: orderBy(opts.ordering ?? { field: 'createdAt', direction: 'desc' }), skip: opts.page.offset, take: opts.page.limit }),
  ]);
  return { count, results: rows.map(toLeadDto) };
}

export async function countLeads(opts: { ctx: Ctx; filters?: CallFiltersInput }): Promise<{ count: number }> {
  return { count: await db.lead.count({ where: scopedWhere(opts.ctx, opts.filters) }) };
}

export const LEAD_EXPORT_COLUMNS = [
  'Lead ID', 'Created at', 'First name', 'Last name', 'Email', 'Phone', 'Comment', 'VIN', 'Make', 'Model', 'Model year', 'Type', 'Call ID', 'Call status', 'Dealer ID', 'Dealer',
];

const BATCH = 2000;

/** Every matching lead, newest first, as CSV cells with times in the requested zone; keyset batches, flat memory. */
export async function exportLeads(opts: { ctx: Ctx; filters?: CallFiltersInput & TimeZoneChoice }) {
  const where = scopedWhere(opts.ctx, opts.filters);
  const time = zonedFormatter({ tz: opts.filters?.tz, timezoneoffset: opts.filters?.timezoneoffset === undefined ? undefined : Number(opts.filters.timezoneoffset) });
  async function* rows(): AsyncGenerator<Array<string | number | null>> {
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const batch: Array<Prisma.LeadGetPayload<{ select: typeof leadSelect }>> = await db.lead.findMany({
        // The bound is a plain range on createdAt (so the index scan starts at the last row, not at the top again:
        // each batch costs its own rows only); ties on the boundary instant are broken by id.
        where: after ? { AND: [where, { createdAt: { lte: after.createdAt } }, { OR: [{ createdAt: { lt: after.createdAt } }, { id: { lt: after.id } }] }] } : where,
        select: leadSelect,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: BATCH,
      });
      for (const l of batch) {
        const v = vehicleOf(l.vehicle);
        const dealer = l.call?.dealer;
        yield [
          l.id, time(l.createdAt), l.firstName, l.lastName, l.email, l.phone, l.comment, l.vin, v.make, v.model, v.modelYear, v.type,
          l.callId, l.call?.status ?? null, l.dealerId, dealer ? `${dealer.firstName} ${dealer.lastName}`.trim() : null,
        ];
      }
      if (batch.length < BATCH) return;
      const last = batch[batch.length - 1]!;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
  return { columns: LEAD_EXPORT_COLUMNS, rows: rows() };
}
