// Shapes of CSV imports: the report a small file answers with, a large file's progress, the browser's mapping step.
import { z } from 'zod';
import { CONTACT_FIELDS } from '../contact.schema';

/** Files with at most this many rows are imported in the request; larger ones by a job. */
export const INLINE_IMPORT_ROWS = 10_000;
/** Errors a report lists in full (the count is always complete; the CSV download has every one). */
export const REPORT_ERRORS = 1000;

export const importErrorDto = z.object({ line: z.number().int().meta({ description: 'Line number in the file (the header is line 1)' }), message: z.string() }).meta({ id: 'ImportError' });

export const importReportDto = z
  .object({
    imported: z.number().int().meta({ description: 'New contacts' }),
    updated: z.number().int().meta({ description: 'Rows that matched an existing contact by phone or email, which they updated' }),
    skipped: z.number().int().meta({ description: 'Blank rows and repeats of an earlier row of the same file' }),
    errorCount: z.number().int(),
    errors: z.array(importErrorDto).meta({ description: `Rows not imported, by line (the first ${REPORT_ERRORS})` }),
  })
  .meta({ id: 'ImportReport' });

export const importStatusEnum = z.enum(['queued', 'running', 'completed', 'failed']);

export const importDto = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    status: importStatusEnum,
    fileName: z.string().nullable(),
    columns: z.array(z.string()).meta({ description: 'The file’s header row' }),
    mapping: z.array(z.enum(CONTACT_FIELDS).nullable()).meta({ description: 'The contact field each column fills (null: left out)' }),
    progress: z.object({ bytesDone: z.number().int(), bytesTotal: z.number().int(), rowsDone: z.number().int(), percent: z.number() }),
    report: importReportDto.meta({ description: 'The counts so far; complete once status is completed' }),
    failure: z.string().nullable().meta({ description: 'Why a failed import stopped' }),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ContactImport' });

export const acceptedImportDto = z.object({ importId: z.uuid() }).meta({ id: 'AcceptedImport' });

/** REST: `?columns=firstName,lastName,,phone` names a field (or nothing) for each column in order. */
export const importQuery = z
  .object({ columns: z.string().max(2000).optional().meta({ description: 'Comma list: the contact field for each column of the file, in order; an empty entry leaves a column out. Without it the headers decide.' }) })
  .strict();

/** The browser's mapping step: a finished upload, the group, and a field (or null) for each column. */
export const startImportInput = z
  .object({
    uploadId: z.uuid(),
    groupId: z.uuid(),
    fileName: z.string().max(255).optional(),
    columns: z.array(z.enum(CONTACT_FIELDS).nullable()).max(200).optional(),
  })
  .strict();

export const importPreviewDto = z.object({
  columns: z.array(z.string()),
  mapping: z.array(z.enum(CONTACT_FIELDS).nullable()),
  rows: z.array(z.array(z.string())),
});

export type ImportDto = z.infer<typeof importDto>;
export type ImportReportDto = z.infer<typeof importReportDto>;
