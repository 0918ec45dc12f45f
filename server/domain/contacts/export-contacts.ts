// A group's contacts as CSV in the columns of the sample file (so an export imports back as it is), read through a
// cursor in batches: constant memory whatever the group's size. Formula-safe cells are the CSV writer's job.
import { requirePermission, type Ctx } from '../../context';
import { Prisma } from '../../generated/prisma/client';
import { streamedRows } from '../../streamed-rows';
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

/** GET /groups/{id}/csv: every contact of the group, oldest first, in the sample's columns. */
export async function exportGroupContacts(opts: { ctx: Ctx; groupId: string }) {
  const ctx = requirePermission(opts.ctx, 'contacts:read');
  const group = await findGroup(ctx, opts.groupId);
  const query = Prisma.sql`
    SELECT c."firstName", c."lastName", c.phone, c.email::text, c.address, c.custom1, c.custom2, c.custom3, c.description
    FROM "ContactGroupMember" m JOIN "Contact" c ON c.id = m."contactId"
    WHERE m."groupId" = ${group.id}::uuid AND c."organizationId" = ${ctx.organizationId}::uuid
    ORDER BY c."createdAt", c.id`;
  return { columns: CONTACT_CSV_COLUMNS, batches: streamedRows<Array<string | null>>(query, 5000), name: group.name };
}
