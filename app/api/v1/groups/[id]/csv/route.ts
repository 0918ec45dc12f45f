import { exportGroupContacts } from '@/server/domain/contacts/export-contacts';
import { importCsvUpload, parseColumnsParam } from '@/server/domain/contacts/import/contact-import';
import { csvResponse } from '@/server/rest/csv';
import { filterParams } from '@/server/rest/pagination';
import { accepted, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };
const CSV_LIMIT = 50 * 1024 * 1024;

// POST /api/v1/groups/{id}/csv – import a CSV (text/csv, or multipart with one `file`; at most 50 MB) into the group:
// up to 10,000 rows answer 200 with the report, larger files 202 { importId } and a job (GET /imports/{id})
export const POST = withApi<'contacts:manage', P>({ access: 'contacts:manage', streamBody: true, maxBodyBytes: CSV_LIMIT }, async ({ ctx, params, url, upload }) => {
  const columns = parseColumnsParam(filterParams(url));
  const file = await upload.file();
  const result = await importCsvUpload({ ctx, groupId: params.id, file, columns });
  return result.kind === 'report' ? ok(result.report, { 'X-Import-Id': result.importId }) : accepted({ importId: result.importId });
});

// GET /api/v1/groups/{id}/csv – the group's contacts as CSV (streamed; the sample's columns)
export const GET = withApi<'contacts:read', P>({ access: 'contacts:read' }, async ({ ctx, params }) => {
  const data = await exportGroupContacts({ ctx, groupId: params.id });
  return csvResponse(data, 'contacts');
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
