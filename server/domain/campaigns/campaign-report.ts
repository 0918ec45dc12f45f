// What a campaign's pages read besides the campaign itself: its delivery report (each transmission with every spool,
// filtered by status or contact, as a page or as CSV through the one export path, server/csv-export.ts) and its sends
// per minute for the chart against its cpm. Read-only; campaigns:read, scoped to the caller's organization.
import { requirePermission, type Ctx } from '../../context';
import { csvColumn, csvExport, type CsvColumn, type CsvExport } from '../../csv-export';
import { db } from '../../db';
import { validationFailed } from '../../errors';
import { Prisma } from '../../generated/prisma/client';
import type { Page } from '../shared/list';
import { exportTimeZone } from '../shared/zoned-time';
import { toSpoolDto } from '../transmissions/manage-transmissions';
import { TRANSMISSION_STATUSES, type SpoolDto } from '../transmissions/transmission.schema';
import { findCampaign } from './manage-campaigns';

export type DeliveryFilters = { status?: string; search?: string };

export type CampaignDelivery = {
  id: string;
  status: (typeof TRANSMISSION_STATUSES)[number];
  statusReason: string | null;
  contact: { id: string; name: string; phone: string | null; email: string | null } | null;
  spools: SpoolDto[];
  updatedAt: string;
};

function statuses(raw: string | undefined) {
  const values = raw?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!values?.length) return undefined;
  if (values.some((v) => !(TRANSMISSION_STATUSES as readonly string[]).includes(v))) throw validationFailed('status', `must be one of ${TRANSMISSION_STATUSES.join(', ')}`);
  return values as (typeof TRANSMISSION_STATUSES)[number][];
}

const searchText = (raw: string | undefined) => {
  const q = raw?.trim();
  if (q && q.length > 200) throw validationFailed('search', 'must be at most 200 characters');
  return q || undefined;
};

/**
 * The report's page: the campaign's transmissions in send order, each with every attempt (oldest first). `exportRows`:
 * how many rows the CSV of the same filters has — one per attempt, and one for each transmission not tried yet — so
 * the export's progress counts what the file holds.
 */
export async function listCampaignDeliveries(opts: { ctx: Ctx; id: string; page: Page; filters?: DeliveryFilters }): Promise<{ count: number; exportRows: number; results: CampaignDelivery[] }> {
  const ctx = requirePermission(opts.ctx, 'campaigns:read');
  const c = await findCampaign(ctx, opts.id);
  const where: Prisma.TransmissionWhereInput = { organizationId: ctx.organizationId, campaignId: c.id };
  const s = statuses(opts.filters?.status);
  if (s) where.status = { in: s };
  const q = searchText(opts.filters?.search);
  if (q) where.contact = { OR: [{ firstName: { contains: q, mode: 'insensitive' } }, { lastName: { contains: q, mode: 'insensitive' } }, { phone: { contains: q } }, { email: { contains: q, mode: 'insensitive' } }] };
  const [count, attempts, untried, rows] = await Promise.all([
    db.transmission.count({ where }),
    db.spool.count({ where: { organizationId: ctx.organizationId, transmission: where } }),
    db.transmission.count({ where: { ...where, spools: { none: {} } } }),
    db.transmission.findMany({
      where,
      include: { contact: { select: { id: true, firstName: true, lastName: true, phone: true, email: true } }, spools: { orderBy: { createdAt: 'asc' }, include: { provider: { select: { id: true, name: true, type: true } } } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: opts.page.offset,
      take: opts.page.limit,
    }),
  ]);
  return {
    count,
    exportRows: attempts + untried,
    results: rows.map((t) => ({
      id: t.id,
      status: t.status,
      statusReason: t.statusReason,
      contact: t.contact ? { id: t.contact.id, name: [t.contact.firstName, t.contact.lastName].filter(Boolean).join(' '), phone: t.contact.phone, email: t.contact.email } : null,
      spools: t.spools.map(toSpoolDto),
      updatedAt: t.updatedAt.toISOString(),
    })),
  };
}

const col = csvColumn;
// One row per attempt; a transmission not yet attempted is one row with empty attempt columns.
const DELIVERY_EXPORT: CsvColumn[] = [
  col('Transmission ID', 'plain', 't.id'),
  col('First name', 'text', 'ct."firstName"'),
  col('Last name', 'text', 'ct."lastName"'),
  col('Phone', 'text', 'ct.phone'),
  col('Email', 'text', 'ct.email::text'),
  col('Status', 'plain', 't.status'),
  col('Reason', 'text', 't."statusReason"'),
  col('Attempt', 'plain', 's.n'),
  col('Spool ID', 'plain', 's.id'),
  col('Provider', 'text', 'p.name'),
  col('Attempt status', 'plain', 's.status'),
  col('Started at', 'time', 's."startedAt"'),
  col('Ended at', 'time', 's."endedAt"'),
  col('Provider message ID', 'text', 's."providerMessageId"'),
  col('Delivery status', 'text', 's."deliveryStatus"'),
  col('Error', 'text', 's.error'),
];
export const DELIVERY_EXPORT_COLUMNS = DELIVERY_EXPORT.map((c) => c.header);

/** The report as CSV (same filters as the page), times in the caller's zone, written by PostgreSQL and streamed. */
export async function exportCampaignDeliveries(opts: { ctx: Ctx; id: string; filters?: DeliveryFilters & { tz?: string } }): Promise<CsvExport & { name: string }> {
  const ctx = requirePermission(opts.ctx, 'campaigns:read');
  const c = await findCampaign(ctx, opts.id);
  let timeZone = 'UTC';
  if (opts.filters?.tz) {
    try {
      timeZone = exportTimeZone({ tz: opts.filters.tz });
    } catch {
      throw validationFailed('tz', 'must be an IANA time zone, e.g. Europe/Paris');
    }
  }
  const parts = [Prisma.sql`t."campaignId" = ${c.id}::uuid AND t."organizationId" = ${ctx.organizationId}::uuid`];
  const s = statuses(opts.filters?.status);
  if (s) parts.push(Prisma.sql`t.status::text IN (${Prisma.join(s)})`);
  const q = searchText(opts.filters?.search);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
    parts.push(Prisma.sql`(ct."firstName" ILIKE ${like} OR ct."lastName" ILIKE ${like} OR ct.phone LIKE ${like} OR ct.email::text ILIKE ${like})`);
  }
  return {
    ...csvExport({
      columns: DELIVERY_EXPORT,
      from: Prisma.sql`"Transmission" t
        LEFT JOIN "Contact" ct ON ct.id = t."contactId"
        LEFT JOIN LATERAL (SELECT sp.*, row_number() OVER (ORDER BY sp."createdAt", sp.id) AS n FROM "Spool" sp WHERE sp."transmissionId" = t.id) s ON true
        LEFT JOIN "Provider" p ON p.id = s."providerId"`,
      where: Prisma.join(parts, ' AND '),
      orderBy: Prisma.raw('t."createdAt", t.id, s.n'),
      timeZone,
    }),
    name: c.name,
  };
}

/** The chart's window: the last this-many minutes with activity (a continuous campaign runs for weeks). */
const RATE_WINDOW_MINUTES = 180;

export type SendRate = { cpm: number; points: { minute: number; sent: number; failed: number }[] };

/**
 * Attempts per minute (by when each spool started), split into sent and failed, over the campaign's last
 * RATE_WINDOW_MINUTES minutes of activity; minutes without a send are zeros, so the line drops where it paused.
 */
export async function campaignSendRate(opts: { ctx: Ctx; id: string }): Promise<SendRate> {
  const ctx = requirePermission(opts.ctx, 'campaigns:read');
  const c = await findCampaign(ctx, opts.id);
  const rows = await db.$queryRaw<{ minute: Date; sent: bigint; failed: bigint }[]>`
    WITH spools AS (
      SELECT s."startedAt", s.status FROM "Spool" s JOIN "Transmission" t ON t.id = s."transmissionId"
      WHERE t."campaignId" = ${c.id}::uuid AND s."organizationId" = ${ctx.organizationId}::uuid
    ), last AS (SELECT max("startedAt") AS at FROM spools)
    SELECT date_trunc('minute', "startedAt") AS minute,
           count(*) FILTER (WHERE status <> 'failed') AS sent,
           count(*) FILTER (WHERE status = 'failed') AS failed
    FROM spools, last WHERE "startedAt" > last.at - make_interval(mins => ${RATE_WINDOW_MINUTES})
    GROUP BY 1 ORDER BY 1`;
  const points: SendRate['points'] = [];
  const byMinute = new Map(rows.map((r) => [r.minute.getTime(), r]));
  if (rows.length > 0) {
    for (let m = rows[0]!.minute.getTime(); m <= rows.at(-1)!.minute.getTime(); m += 60_000) {
      const r = byMinute.get(m);
      points.push({ minute: m, sent: Number(r?.sent ?? 0), failed: Number(r?.failed ?? 0) });
    }
  }
  return { cpm: c.cpm, points };
}
