import { exportGroupContacts } from '@/server/domain/contacts/export-contacts';
import { csvResponse } from '@/server/rest/csv';
import { withSession } from '@/server/rest/with-session';
import { otherMethods } from '@/server/rest/other-methods';

// GET /{org}/contacts/groups/{id}/export.csv – the group page's export for the signed-in user (as GET /api/v1/groups/{id}/csv)
export const GET = withSession('contacts:read', async ({ ctx, url }) => {
  const groupId = url.pathname.split('/').at(-2) ?? '';
  const data = await exportGroupContacts({ ctx, groupId });
  return csvResponse(data, 'contacts');
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
