import { cancelCampaignSchedules } from '@/server/domain/campaigns/schedule-campaign';
import { noContent } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// DELETE /api/v1/campaigns/{id}/schedule – cancel its pending start and stop schedules (404 when none)
export const DELETE = withApi<'campaigns:manage', P>({ access: 'campaigns:manage' }, async ({ ctx, params }) => {
  await cancelCampaignSchedules({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
