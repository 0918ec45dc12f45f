import { exportLeads } from '@/server/domain/leads/list-leads';
import { csvResponse } from '@/server/rest/csv';
import { filterParams } from '@/server/rest/pagination';
import { withSession } from '@/server/rest/with-session';
import { otherMethods } from '@/server/rest/other-methods';

// GET /{org}/leads/export.csv – the leads list's CSV export for the signed-in user (same filters as the page)
export const GET = withSession('leads:read', async ({ ctx, url }) => csvResponse(await exportLeads({ ctx, filters: filterParams(url) }), 'leads'));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
