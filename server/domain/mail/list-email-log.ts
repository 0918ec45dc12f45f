// The organization's email log: every email the platform sent for it or tried to (invitations, links), with status,
// attempts and the last error.
import type { z } from 'zod';
import { db } from '../../db';
import { requirePermission, type Ctx } from '../../context';
import { listEmailLogInput, type EmailLogEntryDto } from './email-log.schema';

export async function listEmailLog(opts: { ctx: Ctx; input: z.input<typeof listEmailLogInput> }): Promise<{ count: number; results: EmailLogEntryDto[] }> {
  const ctx = requirePermission(opts.ctx, 'emails:read');
  const input = listEmailLogInput.parse(opts.input);
  // The platform's own mail. The copies a built-in sink provider put in the development mailbox are a campaign's or a
  // transmission's messages, listed with their transmissions (as those sent through an SMTP provider are), not here.
  const where = { organizationId: ctx.organizationId, OR: [{ transport: null }, { transport: { not: 'sink' } }], ...(input.status && { status: input.status }) };
  const [count, rows] = await Promise.all([
    db.emailMessage.count({ where }),
    db.emailMessage.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: input.offset,
      take: input.limit,
      select: { id: true, to: true, subject: true, template: true, status: true, attempts: true, lastError: true, transport: true, createdAt: true, sentAt: true },
    }),
  ]);
  return { count, results: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null })) };
}
