import { exportCalls } from '@/server/domain/calls/list-calls';
import { csvResponse } from '@/server/rest/csv';
import { filterParams } from '@/server/rest/pagination';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/calls/export.csv – every matching call as CSV, streamed, times in the requested zone
export const GET = withApi({ access: 'calls:read' }, async ({ ctx, url }) => csvResponse(await exportCalls({ ctx, filters: filterParams(url) }), 'calls'));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
