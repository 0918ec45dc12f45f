import { getImport } from '@/server/domain/contacts/import/read-imports';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/imports/{id} – a CSV import's progress and, when done, its report
export const GET = withApi<'contacts:read', { id: string }>({ access: 'contacts:read' }, async ({ ctx, params }) => ok(await getImport({ ctx, id: params.id })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
