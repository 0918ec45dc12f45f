// Shapes of the organization's email log (list input and entries), shared by the tRPC router and its table.
import { z } from 'zod';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../shared/list';

export const EMAIL_STATUSES = ['queued', 'sent', 'failed'] as const;

export const listEmailLogInput = z
  .object({
    limit: z.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
    offset: z.number().int().min(0).default(0),
    status: z.enum(EMAIL_STATUSES).optional(),
  })
  .strict();

export const emailLogEntryDto = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  status: z.enum(EMAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  transport: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});

export type EmailLogEntryDto = z.infer<typeof emailLogEntryDto>;
