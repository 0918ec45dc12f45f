// Reading imports: one import's progress and report (GET /imports/{id}), a group's recent imports (the group page's
// progress bar survives a reload), and every error of an import as CSV (the report's download).
import { requirePermission, type Ctx, type OrgCtx } from '../../../context';
import { db } from '../../../db';
import { notFound } from '../../../errors';
import { streamedRows } from '../../../streamed-rows';
import { Prisma } from '../../../generated/prisma/client';
import { isUuid } from '../../shared/ids';
import type { ContactField } from '../contact.schema';
import { findGroup } from '../manage-groups';
import { REPORT_ERRORS, type ImportDto } from './import.schema';

type ImportRow = Prisma.ContactImportGetPayload<object>;

export function toImportDto(row: ImportRow, errors: Array<{ line: number; message: string }>): ImportDto {
  const percent = row.status === 'completed' ? 100 : row.bytesTotal > 0 ? Math.min(99.9, Math.round((row.bytesDone / row.bytesTotal) * 1000) / 10) : 0;
  return {
    id: row.id,
    groupId: row.groupId,
    status: row.status,
    fileName: row.fileName,
    columns: row.columns,
    mapping: row.mapping as Array<ContactField | null>,
    progress: { bytesDone: row.bytesDone, bytesTotal: row.bytesTotal, rowsDone: row.recordsDone, percent },
    report: { imported: row.imported, updated: row.updated, skipped: row.skipped, errorCount: row.errorCount, errors: errors.map((e) => ({ line: e.line, message: e.message })) },
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

async function findImport(ctx: OrgCtx, id: string) {
  if (!isUuid(id)) throw notFound('Import');
  const row = await db.contactImport.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!row) throw notFound('Import');
  return row;
}

export async function getImport(opts: { ctx: Ctx; id: string }): Promise<ImportDto> {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  const row = await findImport(ctx, opts.id);
  const errors = await db.contactImportError.findMany({ where: { importId: row.id }, orderBy: { line: 'asc' }, take: REPORT_ERRORS, select: { line: true, message: true } });
  return toImportDto(row, errors);
}

/** A group's imports, newest first (without their error lists). */
export async function listGroupImports(opts: { ctx: Ctx; groupId: string; limit?: number }): Promise<ImportDto[]> {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  await findGroup(ctx, opts.groupId);
  const rows = await db.contactImport.findMany({ where: { groupId: opts.groupId, organizationId: ctx.organizationId }, orderBy: { createdAt: 'desc' }, take: opts.limit ?? 5 });
  return rows.map((r) => toImportDto(r, []));
}

/** Every line that was not imported: its number, why, and what it held (columns as in the file), to fix and import again. */
export async function exportImportErrors(opts: { ctx: Ctx; id: string }) {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  const row = await findImport(ctx, opts.id);
  const query = Prisma.sql`SELECT line, message, "values" FROM "ContactImportError" WHERE "importId" = ${row.id}::uuid ORDER BY line`;
  async function* batches() {
    for await (const rows of streamedRows<[number, string, string[]]>(query)) yield rows.map(([line, message, values]) => [line, message, ...row.columns.map((_, i) => values[i] ?? '')]);
  }
  return { columns: ['Line', 'Error', ...row.columns], batches: batches(), fileName: `import-errors-${row.id.slice(0, 8)}` };
}
