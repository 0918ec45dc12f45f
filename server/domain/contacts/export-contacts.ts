// A group's contacts as CSV in the columns of the sample file (so an export imports back as it is), written by
// PostgreSQL and streamed: constant memory whatever the group's size.
import { requirePermission, type Ctx } from '../../context';
import { Prisma } from '../../generated/prisma/client';
import { csvColumn, csvExport, type CsvColumn, type CsvExport } from '../../csv-export';
import { FIELD_LABELS } from './import/column-mapping';
import { CONTACT_FIELDS } from './contact.schema';
import { findGroup } from './manage-groups';

export const CONTACT_CSV_COLUMNS = CONTACT_FIELDS.map((f) => FIELD_LABELS[f]);

const SAMPLE_ROWS = [
  ['Ada', 'Lovelace', '+44 20 7946 0958', 'ada@example.com', '12 St James’s Square, London', 'VIP', '', '', 'Asked about the spring offer'],
  ['Grace', 'Hopper', '(512) 555-0142', 'grace@example.com', '', '', '', '', ''],
];

/** GET /groups/sample/csv: the columns an import reads, with two example rows. */
export function sampleContactsCsv() {
  return { columns: CONTACT_CSV_COLUMNS, batches: (async function* () { yield SAMPLE_ROWS; })() };
}

// Every column is text a person or a file wrote: each cell made formula-safe in SQL (server/csv-formula-safety.ts).
const CONTACT_EXPORT: CsvColumn[] = CONTACT_FIELDS.map((f) => csvColumn(FIELD_LABELS[f], 'text', f === 'email' ? 'c.email::text' : `c."${f}"`));

/**
 * GET /groups/{id}/csv: every contact of the group, oldest first, in the sample's columns — written by PostgreSQL
 * (COPY (SELECT …) TO STDOUT) and streamed as it arrives, the path every export takes (server/csv-export.ts).
 */
export async function exportGroupContacts(opts: { ctx: Ctx; groupId: string }): Promise<CsvExport & { name: string }> {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  const group = await findGroup(ctx, opts.groupId);
  return {
    ...csvExport({
      columns: CONTACT_EXPORT,
      from: Prisma.sql`"ContactGroupMember" m JOIN "Contact" c ON c.id = m."contactId"`,
      where: Prisma.sql`m."groupId" = ${group.id}::uuid AND c."organizationId" = ${ctx.organizationId}::uuid`,
      orderBy: Prisma.raw('c."createdAt", c.id'),
      // No time columns: the zone is the statement's only.
      timeZone: 'UTC',
    }),
    name: group.name,
  };
}
