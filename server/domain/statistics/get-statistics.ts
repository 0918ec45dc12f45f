// Counts of what an organization holds, optionally restricted to things created in a date range.
import { z } from 'zod';
import { db } from '../../db';
import { requirePermission, type Ctx } from '../../context';
import { dateRangeInput, dateWhere } from '../shared/date-range';

export const statisticsDto = z
  .object({
    members: z.number().int(),
    apiKeys: z.object({ total: z.number().int(), active: z.number().int() }),
    range: z.object({ from: z.iso.datetime().nullable(), to: z.iso.datetime().nullable() }),
  })
  .meta({ id: 'Statistics' });

export async function getStatistics(opts: { ctx: Ctx; range: z.input<typeof dateRangeInput> }): Promise<z.infer<typeof statisticsDto>> {
  const ctx = requirePermission(opts.ctx, 'statistics:read');
  const range = dateRangeInput.parse(opts.range);
  const createdAt = dateWhere(range);
  const org = { organizationId: ctx.organizationId, ...(createdAt && { createdAt }) };
  const now = new Date();
  const [members, keysTotal, keysActive] = await Promise.all([
    db.membership.count({ where: org }),
    db.apiKey.count({ where: org }),
    db.apiKey.count({ where: { ...org, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
  ]);
  return {
    members,
    apiKeys: { total: keysTotal, active: keysActive },
    range: { from: range.gte?.toISOString() ?? null, to: range.lte?.toISOString() ?? null },
  };
}
