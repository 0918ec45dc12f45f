import { sampleContactsCsv } from '@/server/domain/contacts/export-contacts';
import { csvResponse } from '@/server/rest/csv';
import { withSession } from '@/server/rest/with-session';
import { otherMethods } from '@/server/rest/other-methods';

// GET /{org}/contacts/sample.csv – the import's sample file for the signed-in user (as GET /api/v1/groups/sample/csv)
export const GET = withSession('contacts:read', async () => csvResponse(sampleContactsCsv(), 'contacts-sample'));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
