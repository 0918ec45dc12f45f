import { campaignScheduleInput } from '@/server/domain/campaigns/campaign.schema';
import { scheduleCampaign } from '@/server/domain/campaigns/schedule-campaign';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// POST /api/v1/campaigns/{id}/start/schedule – start it at { at } or on { cron } (UTC; a bad expression is 422), replacing an earlier start schedule
export const POST = withApi<'campaigns:manage', P>({ access: 'campaigns:manage' }, async ({ ctx, params, body }) =>
  ok(await scheduleCampaign({ ctx, id: params.id, action: 'start', input: body.json(campaignScheduleInput) })),
);

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
