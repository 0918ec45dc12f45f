import { exportCalls } from '@/server/domain/calls/list-calls';
import { csvResponse } from '@/server/rest/csv';
import { filterParams } from '@/server/rest/pagination';
import { withSession } from '@/server/rest/with-session';
import { otherMethods } from '@/server/rest/other-methods';

// GET /{org}/calls/export.csv – the calls list's CSV export for the signed-in user (same filters as the page)
export const GET = withSession('calls:read', async ({ ctx, url }) => csvResponse(await exportCalls({ ctx, filters: filterParams(url) }), 'calls'));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
