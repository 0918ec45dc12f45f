import { exportCampaignDeliveries } from '@/server/domain/campaigns/campaign-report';
import { csvResponse } from '@/server/rest/csv';
import { filterParams } from '@/server/rest/pagination';
import { withSession } from '@/server/rest/with-session';
import { otherMethods } from '@/server/rest/other-methods';

// GET /{org}/campaigns/{id}/report.csv – the delivery report's CSV export for the signed-in user (same filters as the page)
export const GET = withSession('campaigns:read', async ({ ctx, url }) => {
  const id = url.pathname.split('/').at(-2) ?? '';
  const filters = filterParams(url);
  return csvResponse(await exportCampaignDeliveries({ ctx, id, filters: { status: filters.status, search: filters.search, tz: filters.tz } }), 'campaign-report');
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
