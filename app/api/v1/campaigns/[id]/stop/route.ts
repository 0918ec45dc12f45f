import { stopCampaign } from '@/server/domain/campaigns/run-campaign';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// PUT /api/v1/campaigns/{id}/stop – stop delivering: resumable, loses nothing; nothing new is sent once it answers (409 unless running)
export const PUT = withApi<'campaigns:manage', P>({ access: 'campaigns:manage' }, async ({ ctx, params }) => ok(await stopCampaign({ ctx, id: params.id })));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
