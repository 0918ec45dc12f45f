import { CAMPAIGN_ORDERING, campaignInput } from '@/server/domain/campaigns/campaign.schema';
import { createCampaign, listCampaigns } from '@/server/domain/campaigns/manage-campaigns';
import { listEnvelope, parseOrdering, parsePage } from '@/server/rest/pagination';
import { created, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/campaigns – campaigns with their status and progress counts (?status=, ?search=)
export const GET = withApi({ access: 'campaigns:read' }, async ({ ctx, url }) => {
  const page = parsePage(url);
  const ordering = parseOrdering(url, CAMPAIGN_ORDERING, { field: 'createdAt', direction: 'desc' });
  const q = (name: string) => url.searchParams.get(name) ?? undefined;
  const { count, results } = await listCampaigns({ ctx, page, ordering, filters: { status: q('status'), search: q('search') } });
  return ok(listEnvelope(url, page, count, results));
});

// POST /api/v1/campaigns – a draft campaign of a program to a group (not sent: PUT …/start)
export const POST = withApi({ access: 'campaigns:manage' }, async ({ ctx, body }) => {
  const c = await createCampaign({ ctx, input: body.json(campaignInput) });
  return created(c, `/api/v1/campaigns/${c.id}`);
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
