import { exportImportErrors } from '@/server/domain/contacts/import/read-imports';
import { csvResponse } from '@/server/rest/csv';
import { withSession } from '@/server/rest/with-session';
import { otherMethods } from '@/server/rest/other-methods';

// GET /{org}/contacts/imports/{id}/errors.csv – every line an import did not take: line, why, and the line's values
export const GET = withSession('contacts:read', async ({ ctx, url }) => {
  const importId = url.pathname.split('/').at(-2) ?? '';
  const data = await exportImportErrors({ ctx, id: importId });
  return csvResponse(data, data.fileName);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
