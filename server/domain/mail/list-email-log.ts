// The organization's email log: every message it sent or tried to send, with status, attempts and the last error.
import type { z } from 'zod';
import { db } from '../../db';
import { requirePermission, type Ctx } from '../../context';
import { listEmailLogInput, type EmailLogEntryDto } from './email-log.schema';

export async function listEmailLog(opts: { ctx: Ctx; input: z.input<typeof listEmailLogInput> }): Promise<{ count: number; results: EmailLogEntryDto[] }> {
  const ctx = requirePermission(opts.ctx, 'emails:read');
  const input = listEmailLogInput.parse(opts.input);
  const where = { organizationId: ctx.organizationId, ...(input.status && { status: input.status }) };
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
