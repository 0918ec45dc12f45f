import { campaignInput, campaignPatch } from '@/server/domain/campaigns/campaign.schema';
import { deleteCampaign, getCampaign, updateCampaign } from '@/server/domain/campaigns/manage-campaigns';
import { noContent, ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

type P = { id: string };

// GET /api/v1/campaigns/{id} – a campaign with its status, counts per state and schedules
export const GET = withApi<'campaigns:read', P>({ access: 'campaigns:read' }, async ({ ctx, params }) => ok(await getCampaign({ ctx, id: params.id })));

// PUT /api/v1/campaigns/{id} – replace every field (program, group and account only before it starts: 409)
export const PUT = withApi<'campaigns:manage', P>({ access: 'campaigns:manage' }, async ({ ctx, params, body }) =>
  ok(await updateCampaign({ ctx, id: params.id, input: body.json(campaignInput), partial: false })),
);

// PATCH /api/v1/campaigns/{id} – change some fields (a running campaign takes a new cpm at its next send)
export const PATCH = withApi<'campaigns:manage', P>({ access: 'campaigns:manage' }, async ({ ctx, params, body }) =>
  ok(await updateCampaign({ ctx, id: params.id, input: body.json(campaignPatch), partial: true })),
);

// DELETE /api/v1/campaigns/{id} – delete a campaign that never started (a started one: 409)
export const DELETE = withApi<'campaigns:manage', P>({ access: 'campaigns:manage' }, async ({ ctx, params }) => {
  await deleteCampaign({ ctx, id: params.id });
  return noContent();
});

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, OPTIONS } = otherMethods({ GET, PUT, PATCH, DELETE });
