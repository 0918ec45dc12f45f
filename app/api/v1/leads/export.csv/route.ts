import { exportLeads } from '@/server/domain/leads/list-leads';
import { csvResponse } from '@/server/rest/csv';
import { filterParams } from '@/server/rest/pagination';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/leads/export.csv – every matching lead as CSV, streamed, times in the requested zone
export const GET = withApi({ access: 'leads:read' }, async ({ ctx, url }) => csvResponse(await exportLeads({ ctx, filters: filterParams(url) }), 'leads'));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
