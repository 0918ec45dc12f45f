import { sampleContactsCsv } from '@/server/domain/contacts/export-contacts';
import { csvResponse } from '@/server/rest/csv';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/groups/sample/csv – a sample file: the columns an import reads, with two example rows
export const GET = withApi({ access: 'contacts:read' }, async () => csvResponse(sampleContactsCsv(), 'contacts-sample'));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
